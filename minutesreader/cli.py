"""The command line: the app by default, and plain commands for scripts.

Bad input exits 2 with one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# Only what every command needs is imported here; the rest where it is used, so that
# `directives` and `search` start in a blink (`python3 -X importtime`).
from minutesreader.core.library import LibraryError, ReportUnreadable, bundled_library, find_report_file, read_report
from minutesreader.core.text import strip_controls
from minutesreader.storage.model import StoreError
from minutesreader.storage.paths import default_store_dir

if TYPE_CHECKING:
    from minutesreader.core.catalog import Catalog
    from minutesreader.core.directives import DirectiveClassifier

EXIT_BAD_INPUT = 2


class UserError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


@dataclass
class Context:
    library: Path
    db: Path
    rules: Path | None

    def classifier(self) -> tuple[DirectiveClassifier, list[str]]:
        from minutesreader.core.directives import load_classifier

        return load_classifier(self.rules)

    def detection_fingerprint(self) -> str:
        """Changes whenever directive counts could: the detection code or the user's rules."""
        import hashlib

        import minutesreader.core as core
        from minutesreader.core.rules_config import default_rules_path

        digest = hashlib.sha1()
        for source in sorted(Path(core.__file__).parent.glob("*.py")):
            digest.update(source.read_bytes())
        rules = self.rules or default_rules_path()
        try:
            digest.update(rules.read_bytes())
        except OSError:
            pass
        return digest.hexdigest()[:16]

    def store_for_app(self):
        from minutesreader.storage.store import Store

        return Store.open(self.db)

    def store(self):
        """The store; what it finds wrong is printed when the command ends (files are read lazily)."""
        self.opened_store = self.store_for_app()
        return self.opened_store

    def report_store_warnings(self) -> None:
        store = getattr(self, "opened_store", None)
        if store is not None:
            _warn(store.warnings)

    def catalog(self, store, classifier) -> Catalog:
        from minutesreader.core.catalog import Catalog
        from minutesreader.storage.report_index import ReportIndex

        index = ReportIndex.for_store(self.db, self.library, self.detection_fingerprint())
        return Catalog(self.library, classifier, store, index)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="DIR", help="folder of report files (default: $MINUTESREADER_LIBRARY or the bundled library)")
    common.add_argument("--db", metavar="DIR", help="folder of the notes store (default: $MINUTESREADER_DB or the user data dir)")
    common.add_argument("--rules", metavar="FILE", help="directive rules TOML (default: $MINUTESREADER_RULES or the user config dir)")

    parser = argparse.ArgumentParser(
        prog="minutesreader",
        parents=[common],
        description="Read meeting reports with their directives highlighted; note, tag and quote them.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("read", parents=[common], help="open the reader (the default)")

    listing = commands.add_parser("list", parents=[common], help="one report per line: id, date, title, directives, notes")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")

    show = commands.add_parser("show", parents=[common], help="a report as plain text, paragraphs numbered, directives marked")
    show.add_argument("report", help="report id (file name without .txt) or path to a file")

    directives = commands.add_parser("directives", parents=[common], help="the directive sentences of a report or file")
    directives.add_argument("report", help="report id or path to a text file")
    directives.add_argument("--json", action="store_true", help="one JSON object per line")

    note = commands.add_parser("note", parents=[common], help="add a note to a paragraph; prints its id once saved")
    note.add_argument("report")
    note.add_argument("paragraph", type=int)
    note.add_argument("text")
    note.add_argument("--tag", action="append", default=[], help="a tag for the paragraph (repeatable)")

    notes = commands.add_parser("notes", parents=[common], help="list notes with report, paragraph, text, tags and id")
    notes.add_argument("--report")
    notes.add_argument("--tag")
    notes.add_argument("--json", action="store_true", help="one JSON object per line")

    search = commands.add_parser(
        "search", parents=[common],
        help='search report text and notes: every word must match, "a phrase" in quotes, stabil* for a prefix; exit 1 if nothing matches',
    )
    search.add_argument("query", nargs="+", help="words; several are joined with spaces")
    search.add_argument("--json", action="store_true", help="one JSON object per line")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")

    importing = commands.add_parser("import", parents=[common], help="copy report files, or folders of them, into the library folder")
    importing.add_argument("paths", nargs="+", metavar="PATH")
    importing.add_argument("--date", metavar="YYYY-MM-DD", help="date stamp for files that have none")

    brief = commands.add_parser("brief", parents=[common], help="list briefs, or export one as Markdown")
    brief_actions = brief.add_subparsers(dest="brief_action", metavar="ACTION", required=True)
    brief_actions.add_parser("list", parents=[common], help="one brief per line: name, quotes, last change")
    export = brief_actions.add_parser("export", parents=[common], help="a brief as Markdown, quotes footnoted with their source")
    export.add_argument("name")
    export.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return parser


def context_from(args: argparse.Namespace) -> Context:
    library = args.library or os.environ.get("MINUTESREADER_LIBRARY") or bundled_library()
    db = args.db or os.environ.get("MINUTESREADER_DB") or default_store_dir()
    rules = args.rules or os.environ.get("MINUTESREADER_RULES")
    return Context(Path(library).expanduser(), Path(db).expanduser(), Path(rules).expanduser() if rules else None)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        context = context_from(args)
        command = args.command or "read"
        handler = COMMANDS[command]
        try:
            return handler(context, args) or 0
        finally:
            context.report_store_warnings()
    except (UserError, LibraryError, ReportUnreadable, StoreError) as exc:
        print(f"minutesreader: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `minutesreader list | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0


def run_app(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.app import make_app

    if not context.library.is_dir():
        raise UserError(f"library folder not found: {context.library}")
    app = make_app(context)
    app.run()
    return app.return_code or 0


def run_list(context: Context, args: argparse.Namespace) -> int:
    store = context.store()
    classifier, warnings = context.classifier()
    _warn(warnings)
    catalog = context.catalog(store, classifier)
    for _ in catalog.scan():
        pass
    for summary in catalog.ordered:
        notes = catalog.note_counts.get(summary.id, 0)
        if args.json:
            record = {
                "id": summary.id,
                "date": summary.date,
                "title": summary.title,
                "directives": summary.directives,
                "by_category": summary.counts,
                "notes": notes,
            }
            if summary.error:
                record["error"] = summary.error
            print(json.dumps(record, ensure_ascii=False))
        elif summary.error:
            print(f"{summary.id}\t{summary.date_label}\t(cannot read: {summary.error})\t-\t-")
        else:
            print(f"{summary.id}\t{summary.date_label}\t{summary.title}\t{summary.directives}\t{notes}")
    return 0


def _open_report(context: Context, name: str):
    path = find_report_file(context.library, name)
    return read_report(path)


def run_show(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.analysis import analyze_report

    classifier, warnings = context.classifier()
    _warn(warnings)
    report = _open_report(context, args.report)
    store = context.store()
    title = store.titles().get(report.id) or report.title
    print(f"{title}\n{report.date_label} · {report.id}\n")
    for paragraph, sentences in zip(report.paragraphs, analyze_report(report, classifier)):
        parts = []
        for sentence in sentences:
            if sentence.directive:
                parts.append(f"[{sentence.directive.category.upper()}: {sentence.text}]")
            else:
                parts.append(sentence.text)
        print(f"¶{paragraph.number} " + " ".join(parts) + "\n")
    return 0


def run_directives(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.analysis import analyze_report

    classifier, warnings = context.classifier()
    _warn(warnings)
    report = _open_report(context, args.report)
    for paragraph, sentences in zip(report.paragraphs, analyze_report(report, classifier)):
        for sentence in sentences:
            directive = sentence.directive
            if directive is None:
                continue
            if args.json:
                print(json.dumps({
                    "report": report.id,
                    "paragraph": paragraph.number,
                    "sentence": sentence.text,
                    "category": directive.category,
                    "trigger": directive.trigger,
                }, ensure_ascii=False))
            else:
                print(f"¶{paragraph.number}\t{directive.category}\t{directive.trigger}\t{sentence.text}")
    return 0


def run_note(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.anchoring import context_of

    report = _open_report(context, args.report)
    count = len(report.paragraphs)
    if not 1 <= args.paragraph <= count:
        raise UserError(f"{report.id} has paragraphs 1 to {count}, not {args.paragraph}")
    text = strip_controls(args.text).strip()
    tags = [tag for tag in (" ".join(strip_controls(t).split()) for t in args.tag) if tag]
    if not text:
        raise UserError("the note text is empty")
    index = args.paragraph - 1
    paragraphs = report.paragraphs
    context_text = context_of([p.text for p in paragraphs], index)
    store = context.store()
    note = store.add_note(report.id, args.paragraph, paragraphs[index].text, text, context=context_text)
    if tags:
        store.add_tags(report.id, args.paragraph, paragraphs[index].text, tags, context=context_text)
    print(note.id, flush=True)
    return 0


def run_notes(context: Context, args: argparse.Namespace) -> int:
    store = context.store()
    notes = store.notes(report=args.report)
    if args.tag:
        # Tags belong to paragraphs: a note is under a tag when its paragraph is.
        tagged = {(mark.report, mark.paragraph) for mark in store.tagged(args.tag)}
        notes = [n for n in notes if (n.report, n.paragraph) in tagged or args.tag in n.tags]
    for note in notes:
        tags = [mark.tag for mark in store.tags(note.report) if mark.paragraph == note.paragraph]
        if args.json:
            print(json.dumps({
                "id": note.id,
                "report": note.report,
                "paragraph": note.paragraph,
                "paragraph_text": note.quote,
                "text": note.text,
                "tags": sorted(set(tags) | set(note.tags)),
                "created": note.created,
                "updated": note.updated,
            }, ensure_ascii=False))
        else:
            tag_text = " ".join(f"#{t}" for t in sorted(set(tags) | set(note.tags)))
            print(f"{note.id}\t{note.report}\t¶{note.paragraph}\t{note.text}\t{tag_text}\t{note.quote[:80]}")
    return 0


def run_search(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.search import parse_query
    from minutesreader.core.text import strip_controls
    from minutesreader.storage.search_index import SearchIndex, SearchIndexError

    query = parse_query(" ".join(args.query))
    if not query:
        raise UserError("the query has no words to search for")
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    store = _LazyStore(context)
    index = SearchIndex.for_library(context.db, context.library)

    def progress(done: int, total: int) -> None:
        if done == 0 and total > 200:
            print(f"minutesreader: indexing {total} reports (once; later only changed files)…", file=sys.stderr, flush=True)

    try:
        index.update(store, progress)
        hits = index.search(query, args.limit)
    except SearchIndexError as exc:
        raise UserError(str(exc)) from None
    for hit in hits:
        if args.json:
            record = {
                "report": hit.report, "date": hit.date, "title": hit.title, "paragraph": hit.paragraph,
                "kind": hit.kind, "snippet": hit.snippet, "score": hit.score, "spans": hit.spans,
            }
            if hit.note:
                record["note"] = hit.note
            print(json.dumps(record, ensure_ascii=False))
        else:
            kind = f"note:{hit.note}" if hit.note else "report"
            print(f"{hit.report}\t{hit.date_label}\t¶{hit.paragraph}\t{kind}\t{strip_controls(hit.title)}\t{strip_controls(hit.snippet)}")
    return 0 if hits else 1


class _LazyStore:
    """The store, opened only if the index finds that notes or titles changed: opening it
    (file lock, TinyDB) is a good part of a search's 0.5 s budget."""

    def __init__(self, context: Context) -> None:
        self.directory = context.db
        self._context = context
        self._store = None

    def _open(self):
        if self._store is None:
            self._store = self._context.store()
        return self._store

    def notes(self):
        return self._open().notes()

    def titles(self):
        return self._open().titles()


def run_import(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.core.importer import ImportProblem, check_date, check_library, import_reports

    try:
        date = check_date(args.date) if args.date else None
        check_library(context.library, bundled_library())
        result = import_reports([Path(p).expanduser() for p in args.paths], context.library, date)
    except ImportProblem as exc:
        raise UserError(str(exc)) from None
    for done in result.imported:
        dated = f" (dated {date})" if done.dated else ""
        print(f"imported\t{done.source}\t-> {done.target.name}{dated}")
    for skipped in result.skipped:
        print(f"skipped\t{skipped.source}\t{skipped.reason}")
    print(f"{len(result.imported)} imported, {len(result.skipped)} skipped, into {context.library}")
    return 0


def run_brief(context: Context, args: argparse.Namespace) -> int:
    store = context.store()
    if args.brief_action == "list":
        for name in store.briefs.names():
            brief = store.briefs.get(name)
            if brief is not None:
                quotes = sum(1 for item in brief.items if item.kind == "quote")
                print(f"{brief.name}\t{quotes} quotes\t{len(brief.items)} items\t{brief.updated}")
        return 0

    from minutesreader.core.brief_export import brief_to_markdown
    from minutesreader.core.importer import write_new_text
    from minutesreader.core.settings import load_settings

    brief = store.briefs.get(args.name)
    if brief is None:
        names = store.briefs.names()
        known = f" (briefs: {', '.join(names)})" if names else " (there are no briefs yet)"
        raise UserError(f"no brief named {args.name!r}{known}")
    settings = load_settings()
    _warn(settings.warnings)
    markdown = brief_to_markdown(brief, settings.citation_template)
    if not args.out:
        sys.stdout.write(markdown)
        return 0
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise UserError(f"{out} is a folder; give a file name")
    if out.exists() and not args.force:
        raise UserError(f"{out} exists; add --force to replace it")
    try:
        written = write_new_text(out, markdown, replace=args.force)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    if not written:
        raise UserError(f"{out} exists; add --force to replace it")
    print(f"wrote {out}", file=sys.stderr)
    return 0


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"minutesreader: {warning}", file=sys.stderr)


COMMANDS = {
    "read": run_app,
    "list": run_list,
    "show": run_show,
    "directives": run_directives,
    "note": run_note,
    "notes": run_notes,
    "search": run_search,
    "import": run_import,
    "brief": run_brief,
}

__all__ = ["main"]
