"""`annotations export` and `annotations import` (issue 13): notes, tags and highlights as
W3C Web Annotations (JSON-LD) or Markdown, and back in from such a file (ours, or another
tool's, such as a Hypothesis export). Registered by cli.py."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutesreader.cli_notes import reanchor
from minutesreader.cli_output import UserError, out_path, raw_text, row
from minutesreader.core.library import LibraryError, ReportUnreadable, find_report_file, read_report, read_report_bytes, report_files
from minutesreader.core.text import for_terminal

# cli.py registers these commands for every command line: the annotation formats are
# imported where they are used, so that `directives` and `search` start in a blink.
if TYPE_CHECKING:
    from minutesreader.cli import Context
    from minutesreader.core.reports import Report
    from minutesreader.core.web_annotations import Incoming, Spot
    from minutesreader.storage.store import Store

# An annotation file is text a person could read; a bigger one is not one (or /dev/zero).
MAX_IMPORT_BYTES = 64 * 1024 * 1024
FORMATS = ("w3c", "markdown")


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    annotations = commands.add_parser("annotations", parents=[common],
                                      help="notes, tags and highlights out as W3C Web Annotations or Markdown, and back in")
    actions = annotations.add_subparsers(dest="annotations_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", parents=[common],
                                help="write notes, tags and highlights as a W3C Web Annotation document (JSON-LD) or Markdown")
    export.add_argument("--format", choices=FORMATS, default="w3c", help="w3c (default) or markdown (one report)")
    export.add_argument("--report", help="only this report's notes, tags and highlights")
    export.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    importing = actions.add_parser("import", parents=[common], help="read a Web Annotation document (ours, or e.g. a Hypothesis export)")
    importing.add_argument("file", metavar="FILE")


def run_annotations(context: Context, args: argparse.Namespace) -> int:
    if args.annotations_action == "export":
        return _export(context, args)
    return _import(context, args)


# ---- out ----------------------------------------------------------------------------------

def _export(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.web_annotations import Annotated, export_document

    store = context.store()
    if args.format == "markdown" and not args.report:
        raise UserError("--format markdown writes one report: give --report REPORT")
    if args.report:
        report = read_report(find_report_file(context.library, args.report))
        reports = [report.id]
    else:
        reports = sorted(store.note_counts())
    reanchor(context, store, reports)
    current = {report: _current(context, report) for report in reports}
    items, quotes = [], {}
    for report in reports:
        for note in store.notes(report=report, include_orphans=True):
            # An orphan's number no longer points at its words: it is exported by its quote alone.
            items.append(Annotated(note.id, "note", report, 0 if note.orphaned else note.paragraph, note.text,
                                   note.tags, note.created, note.updated, _span(note.start, note.quote)))
            quotes[note.id] = note.quote
        for mark in store.tags(report, include_orphans=True):
            items.append(Annotated(mark.id, "tag", report, 0 if mark.orphaned else mark.paragraph, mark.tag,
                                   created=mark.created, modified=mark.created, span=_span(mark.start, mark.quote)))
            quotes[mark.id] = mark.quote
        for kept in store.highlights(report, include_orphans=True):
            items.append(Annotated(kept.id, "highlight", report, 0 if kept.orphaned else kept.paragraph, "",
                                   created=kept.created, modified=kept.created, span=(kept.start, kept.end)))
            quotes[kept.id] = kept.quote
    if args.format == "markdown":
        from minutesreader.core.annotations_markdown import report_markdown
        from minutesreader.core.settings import load_settings

        report = current[reports[0]]
        title = store.titles().get(reports[0]) or (report.title if report else reports[0])
        settings = load_settings()
        text = report_markdown(reports[0], title, report, store.sources.get(reports[0]), items, quotes, settings.citation_template)
    else:
        paragraphs = {report: [p.text for p in found.paragraphs] for report, found in current.items() if found}
        text = json.dumps(export_document(items, paragraphs, quotes), ensure_ascii=False, indent=2) + "\n"
    _write(args, text)
    return 0


def _span(start: int | None, quote: str) -> tuple[int, int] | None:
    return None if start is None else (start, start + len(quote))


def _current(context: Context, report: str) -> Report | None:
    try:
        return read_report(find_report_file(context.library, report))
    except (ReportUnreadable, LibraryError):
        return None


def _write(args: argparse.Namespace, text: str) -> None:
    from minutesreader.core.importer import write_new_text

    if not args.out:
        raw_text(text)
        return
    out = out_path(args.out, args.force)
    try:
        write_new_text(out, text, replace=args.force)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    row(f"wrote {out}")


# ---- in -----------------------------------------------------------------------------------

def _import(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.web_annotations import NotAnnotations, locate, parse_document
    from minutesreader.storage.annotation_import import Placed, add_imported

    path = Path(args.file).expanduser()
    try:
        raw = read_report_bytes(path, MAX_IMPORT_BYTES)
    except ReportUnreadable as exc:
        raise UserError(f"cannot read {path}: {exc}") from None
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise UserError(f"{path} is not JSON; nothing was imported") from None
    try:
        parsed = parse_document(document)
    except NotAnnotations as exc:
        raise UserError(f"{path} is not a Web Annotation document ({exc}); nothing was imported") from None
    store = context.store()
    finder = ReportFinder(context, store)
    by_report: dict[str, list[Placed]] = {}
    missing = orphans = 0
    for incoming in parsed.annotations:
        report = finder.report_for(incoming)
        if report is None:
            # Kept, never dropped: as an orphan of the report it names (or its source).
            missing += 1
            name = _named_report(incoming)
            by_report.setdefault(name, []).append(_placed(incoming, None, None))
            continue
        texts = [p.text for p in report.paragraphs]
        spot = locate(incoming, texts)
        orphans += spot is None
        by_report.setdefault(report.id, []).append(_placed(incoming, texts, spot))
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    added = sum(add_imported(store, report, placed, now) for report, placed in sorted(by_report.items()))
    for report in sorted(set(by_report) & finder.seen):
        reanchor(context, store, [report])
    total = len(parsed.annotations)
    row(f"{added} added, {total - added} already there, {orphans + missing} kept as orphans "
        f"({missing} for reports not in the library), {parsed.unreadable} without words to place")
    if missing:
        raise UserError(f"{missing} annotation(s) name a report not in the library {context.library}: kept as orphans")
    return 0


def _named_report(incoming: Incoming) -> str:
    from minutesreader.core.web_annotations import REPORT_URN

    for source in incoming.sources:
        if source.startswith(REPORT_URN):
            return source[len(REPORT_URN):]
    return for_terminal(incoming.sources[0]) if incoming.sources else "unknown source"


def _placed(incoming: Incoming, texts: list[str] | None, spot: Spot | None):
    from minutesreader.core.anchoring import context_of
    from minutesreader.core.span_anchoring import span_context
    from minutesreader.storage.annotation_import import Placed

    if texts is None or spot is None:
        return Placed(incoming.key, 1, incoming.exact, (incoming.prefix, incoming.suffix), incoming.comment,
                      incoming.tags, incoming.created, incoming.modified, orphaned=True)
    text = texts[spot.paragraph - 1]
    if spot.span is None:
        return Placed(incoming.key, spot.paragraph, text, context_of(texts, spot.paragraph - 1), incoming.comment,
                      incoming.tags, incoming.created, incoming.modified, orphaned=False)
    start, end = spot.span
    return Placed(incoming.key, spot.paragraph, text[start:end], span_context(text, start, end), incoming.comment,
                  incoming.tags, incoming.created, incoming.modified, orphaned=False, start=start)


class ReportFinder:
    """The library report an annotation is about: named by our URN, by the URL kept in
    its details, or (another tool's export of a page) the one report holding its words."""

    def __init__(self, context: Context, store: Store) -> None:
        self.context = context
        self.urls = {source.url: report for report, source in store.sources.all().items() if source.url}
        self.reports: dict[str, Report | None] = {}
        self.seen: set[str] = set()
        self._all: list[Report] | None = None

    def report_for(self, incoming: Incoming) -> Report | None:
        from minutesreader.core.web_annotations import REPORT_URN, place

        for source in incoming.sources:
            name = source[len(REPORT_URN):] if source.startswith(REPORT_URN) else self.urls.get(source)
            if name:
                return self._read(name)
        holding = [report for report in self._library() if place(incoming, [p.text for p in report.paragraphs])]
        if len(holding) == 1:
            self.seen.add(holding[0].id)
            return holding[0]
        return None

    def _read(self, name: str) -> Report | None:
        if name not in self.reports:
            try:
                self.reports[name] = read_report(find_report_file(self.context.library, name))
            except (ReportUnreadable, LibraryError):
                self.reports[name] = None
        report = self.reports[name]
        if report is not None:
            self.seen.add(report.id)
        return report

    def _library(self) -> list[Report]:
        if self._all is None:
            self._all = []
            for path in report_files(self.context.library):
                try:
                    self._all.append(read_report(path))
                except ReportUnreadable:
                    continue
        return self._all


COMMANDS = {"annotations": run_annotations}
