"""A brief as Markdown: headings, comments, and each quote with a footnote to its source.

    # China housing

    ## Demand

    A comment of the user's own.

    > The meeting called for efforts to stabilise the property market.[^1]

    [^1]: Politburo meeting, 2024-09-26, ¶3 (report 028_2ea5fe255b02860d)

The footnote uses the user's citation template without its `{quote}` (the block quote
above it already holds the words), and always names the report id. The quoted words
are report text, so Markdown characters in them are escaped and show as written;
headings and comments are the user's own and may use Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from minutesreader.core.citations import CHINESE_TEMPLATE, DEFAULT_TEMPLATE, Quote, locator
from minutesreader.core.language import detect_language

# Characters that could start emphasis, code, links or HTML; "_" only at a word's edge
# (report ids like 028_2ea5 stay readable: intraword "_" is plain text in CommonMark).
_MARKDOWN_INLINE = re.compile(r"([\\`*\[\]<>~]|(?<![^\W_])_|_(?![^\W_]))")
# Line starts that would make a heading, a list item or a nested quote.
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[+\-](?=\s)|\d+(?=[.)]\s))", re.MULTILINE)
# {quote} with the quotation marks and separators around it ("“{quote}” — ").
_QUOTE_FIELD = re.compile(r"[\s\"'“”„‘’«»「」『』]*\{quote(?:![rsa])?(?::[^{}]*)?\}[\s\"'“”„‘’«»「」『』]*(?:[—–:-]+\s*)?")
_EDGE_PUNCTUATION = " \t,;:—–-"


class BriefItemLike(Protocol):
    kind: str
    text: str
    report: str
    paragraph: int
    title: str
    date: str | None


class BriefLike(Protocol):
    name: str
    items: Iterable[BriefItemLike]


def escape_markdown(text: str) -> str:
    """Text that Markdown shows exactly as written."""
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return lead + marker + "\\"  # 1. -> 1\. (the dot after it is escaped)
    return lead + "\\" + marker


def source_template(template: str) -> str:
    """The citation template without the quoted words: "“{quote}” — {title}, {date}" -> "{title}, {date}"."""
    stripped = " ".join(_QUOTE_FIELD.sub(" ", template).split()).strip(_EDGE_PUNCTUATION)
    if stripped[:1] + stripped[-1:] in ("()", "[]") and stripped.count(stripped[0]) == 1:
        stripped = stripped[1:-1].strip(_EDGE_PUNCTUATION)  # "{quote} ({title})" -> "{title}"
    return stripped or "{title}, {date}, {locator}"


def footnote(item: BriefItemLike, template: str = DEFAULT_TEMPLATE, chinese_template: str = CHINESE_TEMPLATE) -> str:
    """The source of a quote: the user's template without {quote}, and the report id.
    A Chinese quote's source is written the Chinese way (its own template)."""
    chinese = detect_language(item.text) == "zh"
    if chinese:
        template = chinese_template
    pattern = source_template(template)
    published = getattr(item, "published", None)
    fields = {"quote": "", "title": item.title or item.report, "date": item.date or "undated",
              "paragraph": item.paragraph, "report": item.report,
              "locator": locator(item.paragraph, published, chinese)}
    try:
        text = pattern.format(**fields)
    except (KeyError, IndexError, ValueError):
        text = source_template(DEFAULT_TEMPLATE).format(**fields)
    if "{report" not in pattern:
        text += f" (report {item.report})"
    return text


def cite(item: BriefItemLike, template: str = DEFAULT_TEMPLATE) -> str:
    """One quote of a brief as every copy cites it (the clipboard helper's text)."""
    return Quote(item.text, item.title or item.report, item.date, item.paragraph, item.report,
                 getattr(item, "published", None)).cite(template)


def brief_to_markdown(brief: BriefLike, template: str = DEFAULT_TEMPLATE, chinese_template: str = CHINESE_TEMPLATE) -> str:
    blocks = [f"# {_one_line(brief.name)}"]
    notes: list[str] = []
    for item in brief.items:
        if item.kind == "heading":
            blocks.append(f"## {_one_line(item.text)}")
        elif item.kind == "comment":
            blocks.append(item.text.strip())
        elif item.kind == "quote":
            notes.append(f"[^{len(notes) + 1}]: {escape_markdown(footnote(item, template, chinese_template))}")
            lines = [escape_markdown(line.strip()) for line in item.text.strip().splitlines() if line.strip()]
            lines[-1:] = [lines[-1] + f"[^{len(notes)}]"] if lines else [f"[^{len(notes)}]"]
            blocks.append("\n>\n".join(f"> {line}" for line in lines))
    if notes:
        blocks.append("\n".join(notes))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
