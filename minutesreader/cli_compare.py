"""The `compare`, `track` and `series` commands (issue 14): what changed since the last
meeting, and a phrase across the library. Registered by cli.py."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from minutesreader.core.text import strip_controls

# core.track.BY (a test keeps them equal): importing core.track here would cost every
# command line ~10 ms at start.
TRACK_BY = ("report", "month", "year")

# Reports listed by `track` unless --limit says otherwise: each line needs its first
# sentence found in its paragraph's text, and a phrase such as "the" is in every report.
TRACK_LIMIT = 1000
# Lines printed per batch: their paragraphs are read from the index together.
PAGE = 200


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    compare = commands.add_parser(
        "compare", parents=[common],
        help="what changed between two reports, sentence by sentence (- removed, + added, ~ changed, > moved)",
    )
    compare.add_argument("reports", nargs="+", metavar="REPORT", help="OLD NEW, or NEW with --previous")
    compare.add_argument("--previous", action="store_true", help="compare with the previous report of the same series")
    compare.add_argument("--json", action="store_true", help="one JSON object per sentence, in reading order")

    track = commands.add_parser("track", parents=[common], help="the reports (or months, years) where a phrase occurs, by date")
    track.add_argument("phrase", nargs="+", help="the phrase; several words are joined with spaces")
    track.add_argument("--by", choices=TRACK_BY, default="report", help="one line per report (default), month or year")
    track.add_argument("--json", action="store_true", help="one JSON object per line")
    track.add_argument("--limit", type=int, default=TRACK_LIMIT, metavar="N",
                       help=f"list at most N reports or periods, the earliest (default {TRACK_LIMIT:,}; 0: all); how many more is said on stderr")

    series = commands.add_parser("series", parents=[common], help="the reports of a report's series, oldest first; or name its series")
    series.add_argument("report")
    series.add_argument("--name", help="put the report in the series of this name (\"\" puts it back in its title's series)")


def run_compare(context: Any, args: argparse.Namespace) -> int:
    from minutesreader.cli import UserError, _open_report, _warn
    from minutesreader.core.compare import compare_reports, summary_counts

    if args.previous and len(args.reports) != 1:
        raise UserError("with --previous give one report, the newer")
    if not args.previous and len(args.reports) != 2:
        raise UserError("give two reports, OLD and NEW, or one report and --previous")
    classifier, warnings = context.classifier()
    _warn(warnings)
    new = _open_report(context, args.reports[-1])
    if args.previous:
        member = previous_in_series(context, new.id, new.title)
        old = _open_report(context, member.report)
    else:
        old = _open_report(context, args.reports[0])
    if old.path is not None and new.path is not None and old.path.resolve() == new.path.resolve():
        raise UserError(f"{new.id} compared with itself: nothing changed")
    changes = compare_reports(old, new, classifier)
    if args.json:
        for change in changes:
            print(json.dumps(change.as_json(), ensure_ascii=False))
        return 0
    print(f"--- {strip_controls(old.title)} · {old.date_label} · {old.id}")
    print(f"+++ {strip_controls(new.title)} · {new.date_label} · {new.id}")
    for change in changes:
        print(redline_line(change))
    counts = summary_counts(changes)
    print(", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return 0


MARKS = {"same": " ", "moved": ">", "changed": "~", "added": "+", "removed": "-"}


def redline_line(change: Any) -> str:
    """One sentence of the plain redline: mark, paragraph(s), category, text; a changed
    sentence shows its words as [-removed-]{+added+}."""
    old_p = f"¶{change.old_paragraph}" if change.old_paragraph else ""
    new_p = f"¶{change.new_paragraph}" if change.new_paragraph else ""
    where = f"{old_p}→{new_p}" if old_p and new_p and old_p != new_p else (new_p or old_p)
    category = change.new_category or change.old_category
    if change.old_category and change.new_category and change.old_category != change.new_category:
        category = f"{change.old_category}→{change.new_category}"
    label = f" [{category}]" if category else ""
    if change.change == "changed":
        text = "".join(t if op == "=" else f"[-{t}-]" if op == "-" else f"{{+{t}+}}" for op, t in change.words)
    else:
        text = change.new if change.new is not None else change.old
    return f"{MARKS[change.change]} {where}{label} {strip_controls(text)}"


def previous_in_series(context: Any, report: str, title: str):
    """The previous report of the report's series; UserError when there is none."""
    from minutesreader.cli import UserError

    series, names = library_series(context)
    previous, _ = series.neighbours(report)
    if previous is None:
        name = names.get(report)
        what = f"series “{name}”" if name else "series"
        raise UserError(f"{report} has no earlier report in its {what} ({strip_controls(title)})")
    return previous


def library_series(context: Any) -> tuple[Any, dict[str, str]]:
    """The series of the library's reports, and the series names the user gave."""
    from minutesreader.cli import _warn
    from minutesreader.core.series import Member, Series

    store = context.store()
    classifier, warnings = context.classifier()
    _warn(warnings)
    catalog = context.catalog(store, classifier)
    for _ in catalog.scan():
        pass
    members = [Member(s.id, s.date, s.title) for s in catalog.ordered if not s.error]
    names = store.series.all()
    return Series(members, names), names


def run_series(context: Any, args: argparse.Namespace) -> int:
    from minutesreader.cli import UserError, _open_report

    report = _open_report(context, args.report)
    if args.name is not None:
        if report.path is None or report.path.parent.resolve() != context.library.resolve():
            raise UserError(f"{args.report} is not a report of the library {context.library}")
        context.store().series.set(report.id, strip_controls(args.name))
    series, _ = library_series(context)
    members = series.of(report.id)
    if not members:
        raise UserError(f"{args.report} is not a report of the library {context.library}")
    for member in members:
        here = "*" if member.report == report.id else " "
        print(f"{here} {member.date or 'undated'}\t{member.report}\t{strip_controls(member.title)}")
    return 0


def run_track(context: Any, args: argparse.Namespace) -> int:
    from minutesreader.cli import UserError
    from minutesreader.cli_output import warn
    from minutesreader.core.track import by_period, parse_phrase, track, with_sentences
    from minutesreader.storage.search_index import SearchIndex, SearchIndexError

    phrase = parse_phrase(" ".join(args.phrase))
    if phrase is None:
        raise UserError("the phrase has no words to track")
    if args.limit < 0:
        raise UserError("--limit must be 0 (no limit) or more")
    index = SearchIndex.for_library(context.db, context.library)

    def progress(done: int, total: int) -> None:
        if done == 0 and total > 200:
            print(f"minutesreader: indexing {total} reports (once; later only changed files)…", file=sys.stderr, flush=True)

    try:
        index.update(StoreWhenNeeded(context), progress)
        rows = by_period(track(index, phrase), args.by)
    except SearchIndexError as exc:
        raise UserError(str(exc)) from None
    if not rows:
        raise UserError(f"“{phrase.text}” occurs in no report of {context.library}")
    shown = rows[:args.limit] if args.limit else rows
    for start in range(0, len(shown), PAGE):
        try:
            page = with_sentences(phrase, shown[start:start + PAGE], index)
        except SearchIndexError as exc:
            raise UserError(str(exc)) from None
        for row in page:
            if args.json:
                print(json.dumps(row.as_json(args.by), ensure_ascii=False))
                continue
            sentence = strip_controls(row.sentence).replace("\n", " ")
            title = strip_controls(row.title)
            if args.by == "report":
                print(f"{row.date or 'undated'}\t{row.count}\t{row.report}\t{title}\t¶{row.paragraph} {sentence}")
            else:
                print(f"{row.period}\t{row.count}\t{row.reports} report(s)\tfirst: {row.report} ¶{row.paragraph} {sentence}")
    if len(shown) < len(rows):
        what = "reports" if args.by == "report" else f"{args.by}s"
        sys.stdout.flush()
        warn(f"{len(rows) - len(shown):,} more {what} after these hold “{phrase.text}” "
             f"(--limit 0 lists all {len(rows):,}; --by year sums them)")
    return 0


class StoreWhenNeeded:
    """The store, opened only if the index needs it (titles or notes changed since the
    last update): opening it reads the counts of every notes file, which a command that
    only looks things up need not wait for."""

    def __init__(self, context: Any) -> None:
        self.directory = context.db
        self._context = context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context.store(), name)


COMMANDS = {"compare": run_compare, "track": run_track, "series": run_series}
