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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from minutesreader.core.citations import (
    CHINESE_TEMPLATE,
    DEFAULT_TEMPLATE,
    Quote,
    locator,
    source_fields,
    without_empty_parts,
)
from minutesreader.core.language import detect_language
from minutesreader.core.records import Brief, BriefItem
from minutesreader.core.sources import ReportSource
from minutesreader.core.text import for_terminal

# Characters that could start emphasis, code, links or HTML; "_" only at a word's edge
# (report ids like 028_2ea5 stay readable: intraword "_" is plain text in CommonMark).
_MARKDOWN_INLINE = re.compile(r"([\\`*\[\]<>~]|(?<![^\W_])_|_(?![^\W_]))")
# Line starts that would make a heading, a list item or a nested quote.
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[+\-](?=\s)|\d+(?=[.)]\s))", re.MULTILINE)
# {quote} with the quotation marks and separators around it ("“{quote}” — ").
_QUOTE_FIELD = re.compile(r"[\s\"'“”„‘’«»「」『』]*\{quote(?:![rsa])?(?::[^{}]*)?\}[\s\"'“”„‘’«»「」『』]*(?:[—–:-]+\s*)?")
_EDGE_PUNCTUATION = " \t,;:—–-"


@dataclass(frozen=True)
class ReportNow:
    """A report's title and details as they are at export, not as they were when the quote
    was added: a rename after adding a quote shows in the export."""

    title: str
    source: ReportSource


# The report's current title and details, or None for a report no longer known.
Lookup = Callable[[str], "ReportNow | None"]
# A line break inside a comment, written so Markdown keeps it (CommonMark's hard break).
_SOFT_BREAK = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)")


def hard_breaks(text: str) -> str:
    """The user's own text (a comment, a note) with each line break kept in Markdown."""
    return _SOFT_BREAK.sub("\\\n", text.strip())


def _now_of(item: BriefItem, now: Lookup | None) -> tuple[str, ReportSource | None]:
    found = now(item.report) if now is not None else None
    if found is None:
        return item.title or item.report, None
    return found.title or item.title or item.report, found.source


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


def footnote(item: BriefItem, template: str = DEFAULT_TEMPLATE, chinese_template: str = CHINESE_TEMPLATE,
             now: Lookup | None = None) -> str:
    """The source of a quote: the user's template without {quote}, and the report id.
    A Chinese quote's source is written the Chinese way (its own template)."""
    chinese = detect_language(item.text) == "zh"
    if chinese:
        template = chinese_template
    pattern = source_template(template)
    published = item.published
    title, source = _now_of(item, now)
    fields = {"quote": "", "title": title, "date": item.date or "undated",
              "paragraph": item.paragraph, "report": item.report,
              "locator": locator(item.paragraph, published, chinese), **source_fields(source)}
    try:
        text = without_empty_parts(pattern, fields)
    except (KeyError, IndexError, ValueError):
        text = source_template(DEFAULT_TEMPLATE).format(**fields)
    if "{report" not in pattern:
        text += f" (report {item.report})"
    return text


def cite(item: BriefItem, template: str = DEFAULT_TEMPLATE, now: Lookup | None = None) -> str:
    """One quote of a brief as every copy cites it (the clipboard helper's text)."""
    title, source = _now_of(item, now)
    return Quote(item.text, title, item.date, item.paragraph, item.report,
                 item.published, source).cite(template)


def brief_to_markdown(brief: Brief, template: str = DEFAULT_TEMPLATE, chinese_template: str = CHINESE_TEMPLATE,
                      now: Lookup | None = None) -> str:
    blocks = [f"# {_one_line(brief.name)}"]
    notes: list[str] = []
    for item in brief.items:
        if item.kind == "heading":
            blocks.append(f"## {_one_line(item.text)}")
        elif item.kind == "comment":
            blocks.append(hard_breaks(item.text))
        elif item.kind == "quote":
            notes.append(f"[^{len(notes) + 1}]: {escape_markdown(footnote(item, template, chinese_template, now))}")
            lines = [escape_markdown(line.strip()) for line in item.text.strip().splitlines() if line.strip()]
            lines[-1:] = [lines[-1] + f"[^{len(notes)}]"] if lines else [f"[^{len(notes)}]"]
            blocks.append("\n>\n".join(f"> {line}" for line in lines))
    if notes:
        blocks.append("\n".join(notes))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def export_brief(path: Path, brief: Brief, template: str = DEFAULT_TEMPLATE, chinese_template: str = CHINESE_TEMPLATE,
                 now: Lookup | None = None, replace: bool = False) -> bool:
    """Write the brief's Markdown to path: the app and the CLI both export through here.

    The file is shown in a terminal too (cat, less), so it is cleaned like everything
    printed; written as core.importer writes every new file (refuses a FIFO or device,
    keeps a replaced file's mode). False: path exists and replace was not given."""
    from minutesreader.core.importer import write_new_text

    markdown = for_terminal(brief_to_markdown(brief, template, chinese_template, now), one_line=False)
    return write_new_text(path, markdown, replace=replace)
