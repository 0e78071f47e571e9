"""Quotes with their source, as they go into a brief."""

from __future__ import annotations

from dataclasses import dataclass

from minutesreader.core.language import detect_language

DEFAULT_TEMPLATE = "“{quote}” — {title}, {date}, ¶{paragraph}"
# A Chinese quote is cited the Chinese way: Chinese quotation marks and the report's
# Chinese title. [citation] chinese_template in config.toml changes it (「{quote}」 ...).
CHINESE_TEMPLATE = "“{quote}”——{title}，{date}，第{paragraph}段"


@dataclass(frozen=True, slots=True)
class Quote:
    quote: str
    title: str
    date: str | None
    paragraph: int
    report: str

    def cite(self, template: str = DEFAULT_TEMPLATE, chinese_template: str = CHINESE_TEMPLATE) -> str:
        if detect_language(self.quote) == "zh":
            template = chinese_template
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
