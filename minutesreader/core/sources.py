"""Where a report comes from (issue 13): its URL, publisher, meeting date and language.

Kept in the store beside the report's title (the report file is never modified), shown
in the reader's header, and cited by the {url}, {publisher} and {meeting_date} fields.
Every value is checked here, so the CLI, the app and a hand-edited store file agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from urllib.parse import urlsplit

from minutesreader.core.reports import real_date
from minutesreader.core.text import for_terminal

MAX_CHARS = 500
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class SourceProblem(ValueError):
    """A detail that cannot be kept: the message names the field and why, in a few words."""


@dataclass(frozen=True, slots=True)
class ReportSource:
    url: str = ""
    publisher: str = ""
    meeting_date: str = ""  # YYYY-MM-DD: the day the meeting was held (the report's own date is its release)
    language: str = ""  # a language tag (en, zh, zh-Hans); "" means as detected from the text

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def updated(self, **changes: str | None) -> ReportSource:
        """A copy with the given details checked and set ("" clears one; None leaves it)."""
        checked = {name: check(name, value) for name, value in changes.items() if value is not None}
        return replace(self, **checked)

    def header(self) -> str:
        """One line for the reader's header: "publisher · met 2024-01-30 · url"."""
        parts = [self.publisher, f"met {self.meeting_date}" if self.meeting_date else "", self.language, self.url]
        return " · ".join(part for part in parts if part)


def check(name: str, value: str) -> str:
    """The value as kept, or SourceProblem saying why it cannot be."""
    value = " ".join(for_terminal(value).split())
    if len(value) > MAX_CHARS:
        raise SourceProblem(f"{name.replace('_', ' ')} is longer than {MAX_CHARS} characters")
    if not value:
        return ""
    if name == "url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            raise SourceProblem(f"url {value!r} is not an http(s) address")
    elif name == "meeting_date":
        if real_date(value) is None:
            raise SourceProblem(f"meeting date {value!r} is not a date like 2024-01-31")
    elif name == "language":
        if not _LANGUAGE.match(value):
            raise SourceProblem(f"language {value!r} is not a language tag like en or zh-Hans")
    elif name != "publisher":
        raise SourceProblem(f"no detail named {name}")
    return value


def source_from(raw: object) -> ReportSource | None:
    """A stored record read back; None for one of the wrong shape (a hand-edited file)."""
    if not isinstance(raw, dict):
        return None
    try:
        return ReportSource().updated(**{f.name: raw[f.name] for f in fields(ReportSource)
                                         if isinstance(raw.get(f.name), str)})
    except SourceProblem:
        return None
