"""The note commands: `note` adds one, `notes` lists them (re-anchored against the current
report files first, so the CLI, the exports and the app agree on paragraph numbers)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from minutesreader.cli_output import UserError, json_row, row
from minutesreader.core.library import ReportUnreadable, find_report_file, read_report
from minutesreader.core.text import strip_controls, tag_name
from minutesreader.storage.model import clean_tags

# cli.py registers these commands for every command line: what only they use is imported
# where it is used, so that `directives` and `search` start in a blink.
if TYPE_CHECKING:
    from minutesreader.cli import Context
    from minutesreader.core.records import Highlight, Note, TagMark
    from minutesreader.core.reports import Report
    from minutesreader.core.search import SearchHit
    from minutesreader.storage.store import Store


def report_paragraph(context: Context, report_id: str, number: int) -> tuple[Report, int]:
    """The report and the index of its paragraph `number` (1-based); a bad number is one line."""
    report = read_report(find_report_file(context.library, report_id))
    count = len(report.paragraphs)
    if not 1 <= number <= count:
        raise UserError(f"{report.id} has paragraphs 1 to {count}, not {number}")
    return report, number - 1


def run_note(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.anchoring import context_of

    text = strip_controls(args.text).strip()
    tags = clean_tags(args.tag)
    if not text:
        raise UserError("the note text is empty")
    report, index = report_paragraph(context, args.report, args.paragraph)
    paragraphs = report.paragraphs
    store = context.store()
    # The note and its paragraph's tags are one save: all or nothing, so a retry never duplicates.
    note = store.add_note(report.id, args.paragraph, paragraphs[index].text, text,
                          context=context_of([p.text for p in paragraphs], index), paragraph_tags=tags)
    row(note.id)
    return 0


def reanchor(context: Context, store: Store, reports: list[str]) -> dict[str, list[str]]:
    """Place each report's notes and tags on its current file's paragraphs (saved where
    the store can be written). A report not in this library is left as stored.
    Returns the paragraphs of the reports with a note on some words (whose quote is those
    words, not the paragraph's text)."""
    on_words: dict[str, list[str]] = {}
    for report_id in reports:
        try:
            report = read_report(find_report_file(context.library, report_id))
        except ReportUnreadable:
            continue
        paragraphs = [p.text for p in report.paragraphs]
        placed = store.anchor(report_id, paragraphs)
        if any(note.start is not None for note in placed.notes):
            on_words[report_id] = paragraphs
    return on_words


def placed_hits(context: Context, store: Store, hits: list[SearchHit]) -> list[SearchHit]:
    """Search hits on notes, with each note's paragraph as the report's current file has it
    (the index holds the number from the note's last save). Only the reports hit are read."""
    where: dict[str, int] = {}
    for report_id in sorted({hit.report for hit in hits if hit.note}):
        try:
            report = read_report(find_report_file(context.library, report_id))
        except ReportUnreadable:
            continue
        placed = store.anchor(report_id, [p.text for p in report.paragraphs])
        where.update((note.id, note.paragraph) for note in placed.notes)
    return [replace(hit, paragraph=where[hit.note]) if hit.note in where else hit for hit in hits]


def run_notes(context: Context, args: argparse.Namespace) -> int:
    store = context.store()
    if args.report:
        stored = store.notes(report=args.report, include_orphans=True) or store.tags(args.report, include_orphans=True)
        if not stored:
            # Nothing stored for it: a typo must not look like a report without notes.
            find_report_file(context.library, args.report)
        paragraphs = reanchor(context, store, [args.report])
    else:
        paragraphs = reanchor(context, store, sorted(store.note_counts()))
    if args.orphans:
        notes, marks = store.orphans(report=args.report)
        for note in notes:
            _note_row(note, list(note.tags), args.json, orphan=True)
        for mark in marks:
            _mark_row(mark, args.json)
        for kept in store.highlights(args.report, include_orphans=True):
            if kept.orphaned:
                _highlight_row(kept, args.json)
        return 0
    notes = store.notes(report=args.report)
    if args.tag:
        # Tags belong to paragraphs: a note is under a tag when its paragraph is.
        wanted = tag_name(args.tag)
        tagged = {(mark.report, mark.paragraph) for mark in store.tagged(wanted)}
        notes = [n for n in notes if (n.report, n.paragraph) in tagged or wanted in n.tags]
    for note in notes:
        tags = [mark.tag for mark in store.tags(note.report) if mark.paragraph == note.paragraph]
        _note_row(note, tags, args.json, paragraphs=paragraphs.get(note.report, ()))
    return 0


def _note_row(note: Note, paragraph_tags: list[str], as_json: bool, orphan: bool = False,
              paragraphs: Sequence[str] = ()) -> None:
    tags = sorted(set(paragraph_tags) | set(note.tags))
    if as_json:
        # A note on some words keeps those words as its quote: they are given as "words",
        # and the paragraph's text (from the report as it is now) as "paragraph_text".
        on_words = note.start is not None
        text = paragraphs[note.paragraph - 1] if on_words and 0 < note.paragraph <= len(paragraphs) else note.quote
        record: dict[str, object] = {
            "id": note.id, "report": note.report, "paragraph": note.paragraph, "paragraph_text": text,
            "text": note.text, "tags": tags, "created": note.created, "updated": note.updated,
        }
        if on_words:
            record.update(words=note.quote, start=note.start)
        if orphan:
            record.update(kind="note", orphaned=True)
        json_row(record)
    else:
        where = f"¶{note.paragraph}" + (" (orphan)" if orphan else "")
        row(note.id, note.report, where, note.text, " ".join(f"#{t}" for t in tags), note.quote[:80])


def _highlight_row(kept: Highlight, as_json: bool) -> None:
    """An orphaned highlight: its words could not be found in the changed report."""
    if as_json:
        json_row({"id": kept.id, "report": kept.report, "paragraph": kept.paragraph, "words": kept.quote,
                  "start": kept.start, "kind": "highlight", "orphaned": True})
    else:
        row(kept.id, kept.report, f"¶{kept.paragraph} (orphan)", "", "highlight", kept.quote[:80])


def _mark_row(mark: TagMark, as_json: bool) -> None:
    """An orphaned tag: the paragraph it was on could not be found in the changed report."""
    if as_json:
        json_row({"id": mark.id, "report": mark.report, "paragraph": mark.paragraph, "paragraph_text": mark.quote,
                  "kind": "tag", "tag": mark.tag, "orphaned": True})
    else:
        row(mark.id, mark.report, f"¶{mark.paragraph} (orphan)", "", f"#{mark.tag}", mark.quote[:80])
