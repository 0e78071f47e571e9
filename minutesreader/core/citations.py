"""Quotes with their source, as they go into a brief.

A citation template comes from the user's config file, so it is checked before use: the
documented fields only, used plainly ({quote}, {title:.40}): no attribute access or
indexing ({title.__len__}, {paragraph[0]}), no nested fields, no width or precision over
MAX_FIELD_WIDTH (a width of 999,999,999 allocates a gigabyte), no control characters.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from minutesreader.core.language import detect_language
from minutesreader.core.sources import ReportSource

# {locator} is "¶N" for a paragraph as the file has it and "part N" for a part of a long
# paragraph split for display (FOMC files are one line each: they have no published ¶44).
# {paragraph} is the number the reader shows in its gutter, whichever it is.
DEFAULT_TEMPLATE = "“{quote}” — {title}, {date}, {locator}"
# A Chinese quote is cited the Chinese way: Chinese quotation marks and the report's
# Chinese title. [citation] chinese_template in config.toml changes it (「{quote}」 ...).
CHINESE_TEMPLATE = "“{quote}”——{title}，{date}，{locator}"
CITATION_FIELDS = ("quote", "title", "date", "paragraph", "report", "locator", "url", "publisher", "meeting_date")
# Named styles beside a custom template ([citation] style = "chicago" in config.toml). A
# part between separators (", ", " — ", ". ") whose every field is empty is left out, with
# its separator, so a report without a publisher or URL is still cited cleanly.
STYLES = {
    "plain": DEFAULT_TEMPLATE,
    "chicago": "“{quote}” — {publisher}, “{title},” meeting of {meeting_date}, {date}, {locator}, {url}",
    "apa": "“{quote}” — {publisher}. ({date}). {title}, {locator}. {url}",
}
_SEPARATOR = re.compile(r"(, | — |\. |,” )")
MAX_FIELD_WIDTH = 200
MAX_TEMPLATE_CHARS = 500
_SAMPLE = {"quote": "words", "title": "A meeting", "date": "2024-01-31", "paragraph": 3, "report": "report-id", "locator": "¶3",
           "url": "https://example.org/r", "publisher": "A council", "meeting_date": "2024-01-30"}
_NUMBER = re.compile(r"\d+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@lru_cache(maxsize=16)
def template_problem(template: object) -> str | None:
    """Why a citation template cannot be used (a few words), or None."""
    if not isinstance(template, str):
        return "must be a string"
    if len(template) > MAX_TEMPLATE_CHARS:
        return f"is longer than {MAX_TEMPLATE_CHARS} characters"
    if _CONTROL.search(template):
        return "holds control characters"
    fields = ", ".join("{" + name + "}" for name in CITATION_FIELDS)
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"is not a valid template ({exc}; write {{{{ and }}}} for literal braces)"
    names = set()
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in CITATION_FIELDS:
            return f"has an unknown field {{{name}}} (fields: {fields}; no attributes or indexing)"
        if conversion is not None or (spec and "{" in spec):
            return f"uses {{{name}}} in a way templates cannot (a conversion or a nested field)"
        if any(int(number) > MAX_FIELD_WIDTH for number in _NUMBER.findall(spec or "")):
            return f"asks for a width over {MAX_FIELD_WIDTH} in {{{name}:{spec}}}"
        names.add(name)
    if "quote" not in names:
        return "has no {quote} (the quoted words)"
    try:
        template.format(**_SAMPLE)
    except (ValueError, TypeError) as exc:
        return f"is not a valid template ({exc})"
    return None


@dataclass(frozen=True, slots=True)
class Quote:
    quote: str
    title: str
    date: str | None
    paragraph: int
    report: str
    # The paragraph's number in the file (Paragraph.published); 0 for a display part.
    published: int | None = None
    source: ReportSource | None = None

    def cite(self, template: str = DEFAULT_TEMPLATE, chinese_template: str = CHINESE_TEMPLATE) -> str:
        chinese = detect_language(self.quote) == "zh"
        if chinese:
            template = chinese_template
        fields = {
            "quote": self.quote,
            "title": self.title,
            "date": self.date or "undated",
            "paragraph": self.paragraph,
            "report": self.report,
            "locator": locator(self.paragraph, self.published, chinese),
            **source_fields(self.source),
        }
        # Settings check the template once and warn; this guards every other caller.
        if template_problem(template):
            template = DEFAULT_TEMPLATE
        try:
            return without_empty_parts(template, fields)
        except (KeyError, IndexError, ValueError, TypeError):
            return DEFAULT_TEMPLATE.format(**fields)


def locator(paragraph: int, published: int | None = None, chinese: bool = False) -> str:
    """Where the words are, honestly: "¶N" (第N段) for a paragraph as the file has it,
    "part N" (第N部分) for a display part, N being the part's place in the reader.
    published None means not known: the reader's number is taken for a paragraph."""
    if published == 0:
        return f"第{paragraph}部分" if chinese else f"part {paragraph}"
    number = published or paragraph
    return f"第{number}段" if chinese else f"¶{number}"


def source_fields(source: ReportSource | None) -> dict[str, str]:
    source = source or ReportSource()
    return {"url": source.url, "publisher": source.publisher, "meeting_date": source.meeting_date}


def without_empty_parts(template: str, fields: Mapping[str, object]) -> str:
    """The template filled in, leaving out each part whose fields are all empty (and its
    separator): "{publisher}, {title}" with no publisher gives the title alone."""
    pieces = _SEPARATOR.split(template)  # part, separator, part, ..., part
    parts, separators = pieces[0::2], ["", *pieces[1::2]]
    text, pending = "", None
    for part, separator in zip(parts, separators):
        names = [name for _, name, _, _ in string.Formatter().parse(part) if name]
        if names and all(fields.get(name) in ("", None) for name in names):
            # The separator before the first part left out joins the next part kept.
            pending = separator if pending is None else pending
            continue
        text += (separator if pending is None else pending) + part
        pending = None
    return text.format(**fields)
