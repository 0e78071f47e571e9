"""The commands that write files outside the store: `import` (reports into the library)
and `brief export --out` (a brief as Markdown)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from minutesreader.cli_output import UserError, out_path, raw_text, row, warn
from minutesreader.core.library import bundled_library
from minutesreader.core.reports import report_id_for
from minutesreader.core.text import for_terminal

if TYPE_CHECKING:
    from minutesreader.cli import Context
    from minutesreader.core.brief_export import Lookup
    from minutesreader.storage.store import Store


def run_import(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.importer import (
        ImportProblem,
        check_date,
        check_library,
        import_reports,
    )
    from minutesreader.core.sources import ReportSource, SourceProblem

    try:
        # Checked before any file is copied: a bad detail must not leave reports without theirs.
        details = {"url": args.url, "publisher": args.publisher, "meeting_date": args.meeting_date, "language": args.language}
        source = ReportSource().updated(**details)
    except SourceProblem as exc:
        raise UserError(f"{exc}; nothing was imported") from None
    try:
        date = check_date(args.date) if args.date else None
        check_library(context.library, bundled_library())
        result = import_reports([Path(p).expanduser() for p in args.paths], context.library, date)
    except ImportProblem as exc:
        raise UserError(str(exc)) from None
    if not source.is_empty():
        store = context.store()
        targets = [done.target for done in result.imported] + [s.existing for s in result.skipped if s.existing]
        for target in targets:
            report = report_id_for(target)
            # Details given now complete those kept: a detail not given is left as it was.
            store.sources.set(report, store.sources.get(report).updated(**details))
    for done in result.imported:
        dated = f" (dated {date})" if done.dated else ""
        row("imported", done.source, f"-> {done.target.name}{dated}")
    for skipped in result.skipped:
        row("skipped", skipped.source, skipped.reason)
    for failed in result.failed:
        row("failed", failed.source, failed.reason)
    row(f"{len(result.imported)} imported, {len(result.skipped)} skipped, into {context.library}")
    if result.refused:
        first, more = result.refused[0], len(result.refused) - 1
        others = f" (and {more} more file(s) that are not reports)" if more else ""
        raise UserError(f"{first.source} is not a report: {first.reason}; not imported{others}")
    if result.failed:
        raise UserError(f"{len(result.failed)} file(s) could not be written: {result.failed[0].reason}")
    return 0


def run_brief(context: Context, args: argparse.Namespace) -> int:
    store = context.store()
    if args.brief_action == "list":
        for name in store.briefs.names():
            brief = store.briefs.get(name)
            if brief is not None:
                quotes = sum(1 for item in brief.items if item.kind == "quote")
                row(brief.name, f"{quotes} quotes", f"{len(brief.items)} items", brief.updated)
        return 0

    from minutesreader.core.brief_export import brief_to_markdown, export_brief
    from minutesreader.core.settings import load_settings

    brief = store.briefs.get(args.name)
    if brief is None:
        names = store.briefs.names()
        known = f" (briefs: {', '.join(names)})" if names else " (there are no briefs yet)"
        raise UserError(f"no brief named {args.name!r}{known}")
    settings = load_settings()
    for warning in settings.warnings:
        warn(warning)
    # A file is shown in a terminal too (cat, less): cleaned like everything else printed.
    now = report_now(context, store)
    if not args.out:
        raw_text(for_terminal(brief_to_markdown(brief, settings.citation_template, settings.chinese_citation_template, now),
                              one_line=False))
        return 0
    out = out_path(args.out, args.force)
    try:
        written = export_brief(out, brief, settings.citation_template, settings.chinese_citation_template, now, replace=args.force)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    if not written:
        raise UserError(f"{out} exists; add --force to replace it")
    warn(f"wrote {out}")
    return 0


def report_now(context: Context, store: Store) -> Lookup:
    """Each quoted report's title and details as they are now: the user's rename, else the
    title read from its file; a report gone from the library keeps what the quote saved."""
    from minutesreader.core.brief_export import ReportNow
    from minutesreader.core.library import LibraryError, ReportUnreadable, find_report_file, read_report

    titles, sources = store.titles(), store.sources.all()
    known: dict[str, ReportNow | None] = {}

    def now(report: str) -> ReportNow | None:
        if report not in known:
            title = titles.get(report)
            if title is None:
                try:
                    title = read_report(find_report_file(context.library, report)).title
                except (ReportUnreadable, LibraryError):
                    title = ""
            source = sources.get(report)
            known[report] = ReportNow(title, source) if title or source else None
        return known[report]

    return now
