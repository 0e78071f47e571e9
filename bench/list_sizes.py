"""Warm start to the library list at several library sizes, in a real terminal (issue 16).

    python bench/list_sizes.py [--runs 3] 10=SMALL:STORE 10k=LIBRARY:STORE 50k=BIG:STORE
    python bench/list_sizes.py --first --search --runs 3 100k=HUGE:STORE

Each run starts the one-label Textual app (the floor of any Textual start), then the app
on each library in turn, in tmux at 120x40: seconds to the list on screen ("N reports"
in the status line), to the scan complete ("N reports · Enter": counts, tags and the
filter's text done), and the start's peak RSS (/usr/bin/time), `q` once complete. Every
process is started the same way (bash, /usr/bin/time). Use warm stores: the first start
of a library builds its index. Prints one row a figure with the ratios to the one-label
app and to the smallest library, measured in the same run.

--first starts each library once first with nothing cached (its library index and the
store's counts removed, as bench/run.py's cold start), to the list complete and to the
scan complete; the warm runs then start from the index it built. --search then times
`minutesreader search` from process start, in turns with a raw `sqlite3` FTS5 query of
the same search index (median of 5 each, after a first search brings the index up to
date). The 100,000-report library: `bench/build_library.py DIR --reports 100000 --grow
BUILT`. Compile the package's bytecode first (`python3 -m compileall -q minutesreader`)
where PYTHONDONTWRITEBYTECODE is set, or every start compiles it.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import _tui, clear_caches, row, tui_wait  # noqa: E402
from scale import ONE_LABEL, REPO, _start  # noqa: E402
from scale import timed as timed_command  # noqa: E402

NAME = "mr-sizes"


def timed(tui, argv: list[str], waits: list[tuple[str, float]], quit: str = "q") -> tuple[list[float | None], float | None]:
    """Start argv under /usr/bin/time; seconds to each pattern (None for one not seen in
    time: the status line then seen is printed), then quit, and the peak RSS in MB."""
    command = " ".join(["/usr/bin/time", "-f", "'MAXRSS %M KB'", *argv]) + "; echo MR-EXITED; sleep 120"
    started = time.monotonic()
    _start(tui, NAME, ["--size", "120x40", "--", "bash", "-c", command])
    times: list[float | None] = []
    for pattern, seconds in waits:
        try:
            tui_wait(tui, NAME, pattern, seconds)
        except TimeoutError:
            status = [line for line in tui.screen(NAME).splitlines() if "reports" in line or "Reading" in line]
            print(f"  not seen within {seconds:.0f} s: {pattern!r}; status then: {status[-1:]}", file=sys.stderr)
            times += [None] * (len(waits) - len(times))
            break
        times.append(time.monotonic() - started)
        print(f"  {pattern!r} at {times[-1]:.2f} s", file=sys.stderr)
    tui.keys(NAME, [quit])
    tui_wait(tui, NAME, r"MR-EXITED", 60)
    rss = re.search(r"MAXRSS (\d+) KB", tui.screen(NAME))
    tui.tmux(NAME, "kill-server", check=False, capture=True)
    return times, int(rss.group(1)) / 1024 if rss else None


def searches(library: Path, store: Path, runs: int = 5) -> tuple[list[float], list[float]]:
    """Milliseconds of `minutesreader search` from process start, and of a raw sqlite3 FTS5
    query of the same index, taken in turns."""
    ours = [sys.executable, "-m", "minutesreader", "search", "--library", str(library), "--db", str(store), "inflation"]
    started = time.monotonic()
    timed_command(ours, REPO)  # brings the search index up to date
    print(f"  search index up to date in {time.monotonic() - started:.1f} s", file=sys.stderr)
    index = sorted(glob.glob(str(store / "index" / "search-*.sqlite3")))
    raw = ["sqlite3", index[0], "SELECT rowid FROM chunk_text WHERE chunk_text MATCH 'inflation' "
           "ORDER BY bm25(chunk_text) LIMIT 20"] if index and shutil.which("sqlite3") else None
    wall: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        wall[0].append(timed_command(ours, REPO)[0])
        if raw:
            wall[1].append(timed_command(raw, REPO)[0])
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--first", action="store_true", help="one start with nothing cached first")
    parser.add_argument("--complete-within", type=float, default=900.0, metavar="SECONDS",
                        help="give up waiting for the first start's scan complete after this long (then quit)")
    parser.add_argument("--warm-complete-within", type=float, default=900.0, metavar="SECONDS",
                        help="the same for the warm starts")
    parser.add_argument("--search", action="store_true", help="`minutesreader search` beside raw sqlite3")
    parser.add_argument("libraries", nargs="+", metavar="LABEL=LIBRARY:STORE")
    args = parser.parse_args()
    libraries = []
    for spec in args.libraries:
        label, paths = spec.split("=", 1)
        library, store = (Path(p) for p in paths.split(":", 1))
        libraries.append((label, library, store, sum(1 for p in library.iterdir() if p.name.endswith(".txt"))))
    tui = _tui()
    floor: list[float] = []
    figures = {label: {"listed": [], "complete": [], "rss": [], "first": [], "search": [], "raw": []}
               for label, *_ in libraries}
    print(f"1-minute load average {os.getloadavg()[0]:.2f} at the start", file=sys.stderr)
    for label, library, store, expect in libraries if args.first else ():
        print(f"first start, {label}", file=sys.stderr)
        clear_caches(store)
        app = [sys.executable, "-m", "minutesreader", "--library", str(library), "--db", str(store)]
        (listed, complete), rss = timed(tui, app, [(rf"\b{expect:,} reports", 3600),
                                                  (rf"\b{expect:,} reports · Enter", args.complete_within)])
        figures[label]["first"] = [listed, complete, rss or 0.0]
        print(f"  peak RSS {rss or 0:.0f} MB, load {os.getloadavg()[0]:.2f}", file=sys.stderr)
    for run in range(args.runs):
        print(f"run {run + 1}/{args.runs}", file=sys.stderr)
        floor.append(timed(tui, [sys.executable, str(ONE_LABEL)], [("one label", 30)], "C-q")[0][0])
        for label, library, store, expect in libraries:
            app = [sys.executable, "-m", "minutesreader", "--library", str(library), "--db", str(store)]
            (listed, complete), rss = timed(tui, app, [(rf"\b{expect:,} reports", 120),
                                                      (rf"\b{expect:,} reports · Enter", args.warm_complete_within)])
            figures[label]["listed"].append(listed)
            if complete is not None:
                figures[label]["complete"].append(complete)
            if rss is not None:
                figures[label]["rss"].append(rss)
    for label, library, store, _ in libraries if args.search else ():
        print(f"search, {label}", file=sys.stderr)
        figures[label]["search"], figures[label]["raw"] = searches(library, store)
    print(f"1-minute load average {os.getloadavg()[0]:.2f} at the end", file=sys.stderr)
    smallest = libraries[0][0]
    print(row("one-label Textual app, start to label", "", floor, "s"))
    for label, *_ in libraries:
        print(row(f"warm start to the list, {label} reports", "", figures[label]["listed"], "s",
                  baseline=floor, baseline_name="one-label app"))
        print(row(f"  the same against {smallest} reports", "", figures[label]["listed"], "s",
                  baseline=figures[smallest]["listed"], baseline_name=f"{smallest} reports"))
        print(row(f"warm start to the scan complete, {label}", "", figures[label]["complete"], "s",
                  baseline=floor, baseline_name="one-label app"))
        print(row(f"peak RSS of that start, {label}", "", figures[label]["rss"], "MB"))
        if figures[label]["first"]:
            listed, complete, rss = figures[label]["first"]
            done = f"{complete:.1f} s" if complete is not None else f"not within {args.complete_within:.0f} s"
            print(f"first start, nothing cached, {label}: list complete {listed:.1f} s, scan complete "
                  f"{done}, peak RSS {rss:.0f} MB")
        if figures[label]["search"]:
            print(row(f"`search` from process start, {label}", "", figures[label]["search"], "ms",
                      baseline=figures[label]["raw"] or None, baseline_name="raw sqlite3 FTS5"))
            print(row("  raw sqlite3 FTS5 query process", "", figures[label]["raw"], "ms"))


if __name__ == "__main__":
    main()
