"""The command line: the app by default, and plain commands for scripts.

Bad input exits 2 with one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutesreader.cli_output import (
    UserError,
    finish_output,
    json_row,
    row,
    text,
    warn,
)
from minutesreader.cli_parser import ELSEWHERE, build_parser, named_command

# Only what reading the command line needs is imported here; the rest where it is used,
# so that `directives` and `search` start in a blink (`python3 -X importtime`;
# tests/unit/test_startup.py), and `search` looks at the library's files while it imports
# what searching needs. The other cli_* modules are imported only when named (COMMANDS).

EXIT_BAD_INPUT = 2


if TYPE_CHECKING:
    from minutesreader.core.catalog import Catalog
    from minutesreader.core.directives import DirectiveClassifier
    from minutesreader.storage.store import Store


@dataclass
class Context:
    library: Path
    db: Path
    rules: Path | None
    # The user typed the store's folder (--db): creating it is worth a warning.
    db_named: bool = False

    def classifier(self) -> tuple[DirectiveClassifier, list[str]]:
        from minutesreader.core.directives import load_classifier

        return load_classifier(self.rules)

    def detection_fingerprint(self) -> str:
        """Changes whenever directive counts could: the detection code or the user's rules."""
        import hashlib

        import minutesreader.core as core
        from minutesreader.core.library import ReportUnreadable, read_report_bytes

        digest = hashlib.sha1()
        folder = Path(core.__file__).parent
        # The learned model's weights (core/directive_model.json) decide counts as the code does.
        for source in sorted([*folder.glob("*.py"), *folder.glob("*.json")]):
            digest.update(source.read_bytes())
        from minutesreader.core.rules_config import default_rules_path

        rules = self.rules or default_rules_path()
        try:
            digest.update(read_report_bytes(rules, 1024 * 1024))
        except ReportUnreadable:
            pass
        return digest.hexdigest()[:16]

    def store_for_app(self) -> Store:
        from minutesreader.storage.store import Store

        return Store.open(self.db, announce_new=self.db_named)

    def store(self) -> Store:
        """The store; what it finds wrong is printed when the command ends (files are read lazily)."""
        self.opened_store = self.store_for_app()
        return self.opened_store

    def report_store_warnings(self) -> None:
        store = getattr(self, "opened_store", None)
        if store is not None:
            _warn(store.warnings)

    def catalog(self, store: Store, classifier: DirectiveClassifier) -> Catalog:
        from minutesreader.core.catalog import Catalog
        from minutesreader.storage.library_index import LibraryIndex

        index = LibraryIndex.for_store(self.db, self.library, self.detection_fingerprint())
        return Catalog(self.library, classifier, store, index)


def context_from(args: argparse.Namespace) -> Context:
    from minutesreader.core.rules_config import named_rules_path

    library = args.library or os.environ.get("MINUTESREADER_LIBRARY") or _bundled_library()
    db = args.db or os.environ.get("MINUTESREADER_DB") or _default_store_dir()
    rules = Path(args.rules).expanduser() if args.rules else named_rules_path()
    return Context(Path(library).expanduser(), Path(db).expanduser(), rules, bool(args.db))


# Imported only when the folder is not named: `search --library DIR` reads no report
# (core.library) before it knows the index is out of date.
def _bundled_library() -> Path:
    from minutesreader.core.library import bundled_library

    return bundled_library()


def _default_store_dir() -> Path:
    from minutesreader.storage.paths import default_store_dir

    return default_store_dir()


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(named_command(words, COMMANDS)).parse_args(words)
    code = _run(args)
    patterns = sys.modules.get("minutesreader.core.pattern_cache")
    if patterns is not None:  # what this command compiled is kept for the next start
        patterns.PATTERNS.save()
    problem = finish_output()
    if problem:
        warn(problem)
        return code or EXIT_BAD_INPUT
    return code


# Arguments that are file names: any bytes the file system allows are fine there.
PATH_ARGUMENTS = {"library", "db", "rules", "paths", "out", "file"}


def check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse, before anything is done, an argument holding bytes the locale could not
    decode (Python keeps them as lone surrogates, which cannot be saved or printed)."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for argument in values:
            if name in PATH_ARGUMENTS or not isinstance(argument, str):
                continue
            try:
                argument.encode("utf-8")
            except UnicodeEncodeError:
                raise UserError(f"{argument!r} holds bytes that are not UTF-8 text (check the terminal's encoding); nothing was done") from None


def _run(args: argparse.Namespace) -> int:
    """The command's exit status; every failure is one line on stderr, never a traceback."""
    try:
        check_text_arguments(args)
        context = context_from(args)
        command = args.command or "read"
        handler = COMMANDS[command]
        try:
            return handler(context, args) or 0
        finally:
            context.report_store_warnings()
    except UserError as exc:
        warn(exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `minutesreader list | head`: the reader went away; that is not an error.
        return 0
    except OSError as exc:
        # A file named in the error is one of ours; none named is the output (list > /dev/full).
        where = f"{exc.filename}" if exc.filename else "the output"
        warn(f"cannot write {where}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a script must get one line and exit 2, never a traceback
        # The library's and the store's errors are the user's to hear as they are (imported
        # here: a command that never opened the store has no need of its records).
        from minutesreader.core.library import LibraryError, ReportUnreadable
        from minutesreader.core.records import StoreError

        expected = isinstance(exc, (LibraryError, ReportUnreadable, StoreError))
        warn(exc if expected else f"unexpected error: {type(exc).__name__}: {exc}")
    return EXIT_BAD_INPUT


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
    scan = catalog.scan()
    for progress in scan:
        if progress.stage == "text":  # listed and counted: the filter's text is the app's alone
            break
    scan.close()
    catalog.set_sort(args.sort)
    for summary in catalog.ordered:
        notes = catalog.notes_by_report.get(summary.id, 0)
        if args.json:
            record = {
                "id": summary.id,
                "date": summary.date,
                "title": summary.title,
                "directives": summary.directives,
                "by_category": summary.counts,
                "notes": notes,
                "tagged_paragraphs": catalog.note_counts.get(summary.id, 0) - notes,
            }
            if summary.error:
                record["error"] = summary.error
            json_row(record)
        elif summary.error:
            row(summary.id, summary.date_label, f"(cannot read: {summary.error})", "-", "-")
        else:
            row(summary.id, summary.date_label, summary.title, summary.directives, notes)
    return 0


def _open_report(context: Context, name: str):
    from minutesreader.core.library import find_report_file, read_report

    path = find_report_file(context.library, name)
    return read_report(path)


def run_show(context: Context, args: argparse.Namespace) -> int:
    classifier, warnings = context.classifier()
    _warn(warnings)
    report = _open_report(context, args.report)
    store = context.store()
    title = store.titles().get(report.id) or report.title
    row(title)
    row(f"{report.date_label} · {report.id}")
    print()
    from minutesreader.core.analysis import analyze_report

    for paragraph, sentences in zip(report.paragraphs, analyze_report(report, classifier)):
        parts = []
        for sentence in sentences:
            if sentence.directive:
                parts.append(f"[{sentence.directive.category.upper()}: {sentence.text}]")
            else:
                parts.append(sentence.text)
        text(f"¶{paragraph.number} " + " ".join(parts) + "\n")
    return 0


def run_directives(context: Context, args: argparse.Namespace) -> int:
    classifier, warnings = context.classifier()
    _warn(warnings)
    report = _open_report(context, args.report)
    from minutesreader.core.analysis import analyze_report

    for paragraph, sentences in zip(report.paragraphs, analyze_report(report, classifier)):
        for sentence in sentences:
            directive = sentence.directive
            if directive is None:
                continue
            if args.json:
                json_row({
                    "report": report.id,
                    "paragraph": paragraph.number,
                    "sentence": sentence.text,
                    "category": directive.category,
                    "trigger": directive.trigger,
                })
            else:
                row(f"¶{paragraph.number}", directive.category, directive.trigger, sentence.text)
    return 0


class StoreOnDemand:
    """The store as `search` uses it: the index needs only the store's folder to see that
    no notes or titles changed, so the store is opened (locked, its files checked) the
    first time anything else of it is asked for, and a search of a fresh index never
    opens it."""

    def __init__(self, context: Context) -> None:
        self._context = context
        self.directory = context.db

    def __getattr__(self, name: str) -> Any:
        store = getattr(self._context, "opened_store", None) or self._context.store()
        return getattr(store, name)


def run_search(context: Context, args: argparse.Namespace) -> int:
    from minutesreader.storage.search_freshness import Snapshot

    # The files are looked at (a stat of each) while searching is imported and the index
    # answers; the answer stands if nothing changed since the index was updated.
    snapshot = Snapshot(context.library, context.db)
    from minutesreader.core.search import parse_query
    from minutesreader.storage.search_index import SearchIndex, SearchIndexError

    query = parse_query(" ".join(args.query))
    if not query:
        raise UserError("the query has no words to search for")
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    store = StoreOnDemand(context)
    index = SearchIndex.for_library(context.db, context.library)
    hits = index.search_if_fresh(query, args.limit, snapshot)
    if hits is None:
        def progress(done: int, total: int) -> None:
            if done == 0 and total > 200:
                warn(f"indexing {total} reports (once; later only changed files)…")

        try:
            index.update(store, progress)
        except SearchIndexError as exc:
            # A full or read-only disk: the index as last built still answers.
            warn(f"{exc}; searching the index as it was")
        try:
            hits = index.search(query, args.limit)
        except SearchIndexError as exc:
            raise UserError(str(exc)) from None
    if any(hit.note for hit in hits):
        from minutesreader.cli_notes import placed_hits  # reads the reports the notes are on

        hits = placed_hits(context, store, hits)
    for hit in hits:
        if args.json:
            record = {
                "report": hit.report, "date": hit.date, "title": hit.title, "paragraph": hit.paragraph,
                "kind": hit.kind, "snippet": hit.snippet, "score": hit.score, "spans": hit.spans,
            }
            if hit.note:
                record["note"] = hit.note
            json_row(record)
        else:
            kind = f"note:{hit.note}" if hit.note else "report"
            row(hit.report, hit.date_label, f"¶{hit.paragraph}", kind, hit.title, hit.snippet)
    return 0 if hits else 1


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        warn(warning)


Handler = Callable[[Context, argparse.Namespace], int]


def _elsewhere(module: str, function: str) -> Handler:
    """A command of another cli_* module (cli_parser.ELSEWHERE), imported when it runs."""
    def run(context: Context, args: argparse.Namespace) -> int:
        handler: Handler = getattr(import_module(f"minutesreader.{module}"), function)
        return handler(context, args)

    return run


COMMANDS: dict[str, Handler] = {
    "read": run_app,
    "list": run_list,
    "show": run_show,
    "directives": run_directives,
    "search": run_search,
    **{name: _elsewhere(module, function) for name, (module, function) in ELSEWHERE.items()},
}

__all__ = ["main"]
