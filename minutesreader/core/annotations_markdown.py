"""A report's notes and tags as Markdown (issue 13: `annotations export --format markdown`),
for Obsidian-style notes: the report's citation at the top, then each annotated paragraph
as a block quote with its notes and tags, in reading order; orphans last.

Report words are escaped (they show as written); notes are the user's own Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence

from minutesreader.core.brief_export import escape_markdown, source_template
from minutesreader.core.citations import locator, source_fields, without_empty_parts
from minutesreader.core.reports import Report
from minutesreader.core.sources import ReportSource
from minutesreader.core.web_annotations import Annotated


def report_markdown(report_id: str, title: str, report: Report | None, source: ReportSource,
                    items: Sequence[Annotated], quotes: dict[str, str], template: str) -> str:
    date = report.date if report is not None else None
    fields = {"quote": "", "title": title, "date": date or "undated", "paragraph": "", "report": report_id,
              "locator": "", **source_fields(source)}
    citation = without_empty_parts(source_template(template), fields).strip(" ,;—–-")
    blocks = [f"# {escape_markdown(' '.join(title.split()))}",
              f"Cite as: {escape_markdown(citation)} (report {escape_markdown(report_id)})"]
    if source.url:
        blocks.append(f"Source: <{source.url}>")
    by_paragraph: dict[int, list[Annotated]] = {}
    for item in items:
        by_paragraph.setdefault(item.paragraph, []).append(item)
    for number in sorted(by_paragraph, key=lambda n: (n == 0, n)):
        group = by_paragraph[number]
        if number and report is not None and number <= len(report.paragraphs):
            paragraph = report.paragraphs[number - 1]
            heading, words = locator(number, paragraph.published), paragraph.text
        else:
            heading, words = "Not found in the current text", quotes.get(group[0].id, "")
        blocks.append(f"## {heading}")
        blocks.append("\n".join(f"> {escape_markdown(line)}" for line in words.splitlines() or [""]))
        for item in group:
            if item.kind == "note":
                blocks.append(item.text.strip() + (f"\n\n{_tags(item.tags)}" if item.tags else ""))
        tags = [item.text for item in group if item.kind == "tag"]
        if tags:
            blocks.append(_tags(tags))
    return "\n\n".join(blocks) + "\n"


def _tags(tags: Sequence[str]) -> str:
    # Obsidian tags cannot hold spaces: "interest rates" becomes #interest-rates.
    return "Tags: " + " ".join("#" + "-".join(tag.split()) for tag in tags)
