"""Warm start to the library list at several library sizes, in a real terminal (issue 16).

    python bench/list_sizes.py [--runs 3] 10=SMALL:STORE 10k=LIBRARY:STORE 50k=BIG:STORE

Each run starts the one-label Textual app (the floor of any Textual start), then the app
on each library in turn, in tmux at 120x40: seconds to the list on screen ("N reports"
in the status line), to the scan complete ("N reports · Enter": counts, tags and the
filter's text done), and the start's peak RSS (/usr/bin/time), `q` once complete. Every
process is started the same way (bash, /usr/bin/time). Use warm stores: the first start
of a library builds its index. Prints one row a figure with the ratios to the one-label
app and to the smallest library, measured in the same run.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import _tui, row, tui_wait  # noqa: E402
from scale import ONE_LABEL, _start  # noqa: E402

NAME = "mr-sizes"


def timed(tui, argv: list[str], waits: list[tuple[str, float]], quit: str = "q") -> tuple[list[float], float | None]:
    """Start argv under /usr/bin/time; seconds to each pattern, then quit, and the peak RSS in MB."""
    command = " ".join(["/usr/bin/time", "-f", "'MAXRSS %M KB'", *argv]) + "; echo MR-EXITED; sleep 120"
    started = time.monotonic()
    _start(tui, NAME, ["--size", "120x40", "--", "bash", "-c", command])
    times = []
    for pattern, seconds in waits:
        tui_wait(tui, NAME, pattern, seconds)
        times.append(time.monotonic() - started)
    tui.keys(NAME, [quit])
    tui_wait(tui, NAME, r"MR-EXITED", 60)
    rss = re.search(r"MAXRSS (\d+) KB", tui.screen(NAME))
    tui.tmux(NAME, "kill-server", check=False, capture=True)
    return times, int(rss.group(1)) / 1024 if rss else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("libraries", nargs="+", metavar="LABEL=LIBRARY:STORE")
    args = parser.parse_args()
    libraries = []
    for spec in args.libraries:
        label, paths = spec.split("=", 1)
        library, store = (Path(p) for p in paths.split(":", 1))
        libraries.append((label, library, store, sum(1 for p in library.iterdir() if p.name.endswith(".txt"))))
    tui = _tui()
    floor: list[float] = []
    figures = {label: {"listed": [], "complete": [], "rss": []} for label, *_ in libraries}
    for run in range(args.runs):
        print(f"run {run + 1}/{args.runs}", file=sys.stderr)
        floor.append(timed(tui, [sys.executable, str(ONE_LABEL)], [("one label", 30)], "C-q")[0][0])
        for label, library, store, expect in libraries:
            app = [sys.executable, "-m", "minutesreader", "--library", str(library), "--db", str(store)]
            (listed, complete), rss = timed(tui, app, [(rf"\b{expect:,} reports", 120),
                                                      (rf"\b{expect:,} reports · Enter", 900)])
            figures[label]["listed"].append(listed)
            figures[label]["complete"].append(complete)
            if rss is not None:
                figures[label]["rss"].append(rss)
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


if __name__ == "__main__":
    main()
