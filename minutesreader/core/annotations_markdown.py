"""A report's notes, tags and highlights as Markdown (issue 13: `annotations export --format
markdown`), for Obsidian-style notes: the report's citation at the top, then each annotated
paragraph as a block quote with its highlights (`==words==`, Obsidian's highlight), notes
and tags, in reading order; orphans last. A note or tag on some words names them.

Report words are escaped (they show as written); notes are the user's own Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence

from minutesreader.core.brief_export import escape_markdown, hard_breaks, source_template
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
        paragraph = report.paragraphs[number - 1] if report is not None and 0 < number <= len(report.paragraphs) else None
        placed = paragraph is not None
        if paragraph is not None:
            heading, words = locator(number, paragraph.published), paragraph.text
        else:
            heading, words = "Not found in the current text", quotes.get(group[0].id, "")
        blocks.append(f"## {heading}")
        blocks.append("\n".join(f"> {escape_markdown(line)}" for line in words.splitlines() or [""]))

        def on_words(item: Annotated) -> str:
            """The words a highlight, note or tag is on, as Markdown ("" for a whole paragraph)."""
            if item.span is None:
                return ""
            quoted = words[item.span[0]:item.span[1]] if placed else quotes.get(item.id, "")
            return escape_markdown(" ".join(quoted.split()))

        kept = [f"=={on_words(item)}==" for item in group if item.kind == "highlight"]
        if kept:
            blocks.append("Highlights: " + " · ".join(kept))
        for item in group:
            if item.kind == "note":
                said = f"On “{on_words(item)}”: " if item.span else ""
                blocks.append(said + hard_breaks(item.text) + (f"\n\n{_tags(item.tags)}" if item.tags else ""))
        tags = [item.text for item in group if item.kind == "tag" and item.span is None]
        if tags:
            blocks.append(_tags(tags))
        for item in group:
            if item.kind == "tag" and item.span is not None:
                blocks.append(_tags([item.text], f"Tags on “{on_words(item)}”: "))
    return "\n\n".join(blocks) + "\n"


def _tags(tags: Sequence[str], lead: str = "Tags: ") -> str:
    # Obsidian tags cannot hold spaces: "interest rates" becomes #interest-rates.
    return lead + " ".join("#" + "-".join(tag.split()) for tag in tags)
