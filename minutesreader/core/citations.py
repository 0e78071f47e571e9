"""Quotes with their source, as they go into a brief."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TEMPLATE = "“{quote}” — {title}, {date}, ¶{paragraph}"


@dataclass(frozen=True, slots=True)
class Quote:
    quote: str
    title: str
    date: str | None
    paragraph: int
    report: str

    def cite(self, template: str = DEFAULT_TEMPLATE) -> str:
        fields = {
            "quote": self.quote,
            "title": self.title,
            "date": self.date or "undated",
            "paragraph": self.paragraph,
            "report": self.report,
        }
        try:
            return template.format(**fields)
        except (KeyError, IndexError, ValueError):
            return DEFAULT_TEMPLATE.format(**fields)
