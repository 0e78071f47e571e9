"""minutesreader at the scale of a career: 10,000 reports, 100,000 annotations.

    python bench/run.py --dir /tmp/bench [--runs 5] [--rebuild] [--no-tui] [--no-scale]

Builds DIR (bench/build_library.py: 10,000 reports from shuffled real paragraphs, 100,000
notes and tags, plus a 10-report baseline library) unless it is there, then measures
each figure several times and prints one table: median, spread (min-max), and the ratio
to the baseline measured in the same run. Start, open and filter run the real app
headless through Textual's Pilot, each start in a fresh process (interpreter start and
imports included); start and filter are measured again in a real terminal (tmux, through
../shared/tools/tui). Save times come from bench/bench_store.py at 1k/10k/100k. Then the
rows of issue 16 with their floors and peers (bench/scale.py): commands from process
start, a 50 MB report and a 10 MB line, a one-label Textual app, less and toolong.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.machinery
import importlib.util
import json
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

TUI = REPO.parent / "shared" / "tools" / "tui"
BIG_REPORT = "fomc-048"  # 9,285 words, one unparagraphed line in the file
SHORT_PREFIX = "r00007_"  # ~300 words: the baseline for opening; its hash follows the corpus


def short_report(library: str | Path) -> str:
    return next(p.stem for p in sorted(Path(library).glob(SHORT_PREFIX + "*.txt")))
QUERIES = ["inflation", "party housing", "zqxv"]  # common, two words, nothing


# ---- probes: each runs in its own process -------------------------------------------

def _stamp(event: str, **extra) -> None:
    print(json.dumps({"event": event, "t": time.time(), **extra}), flush=True)


def _app(library: str, db: str):
    from minutesreader.app import make_app
    from minutesreader.cli import Context

    return make_app(Context(Path(library), Path(db), None))


async def _wait(predicate, timeout: float = 120.0, step: float = 0.005) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("probe condition not reached")
        await asyncio.sleep(step)


async def probe_start(library: str, db: str, expect: int) -> None:
    """Stamps: first progress shown, list complete, keys answered, everything indexed."""
    from textual.widgets import Static

    from minutesreader.widgets.report_table import ReportTable

    app = _app(library, db)
    async with app.run_test(size=(120, 40)) as pilot:
        def status() -> str:
            try:
                return str(app.screen.query_one("#library-status", Static).render())
            except Exception:
                return ""

        await _wait(lambda: status() != "", step=0.002)
        _stamp("progress", status=status())
        table = app.screen.query_one(ReportTable)
        await _wait(lambda: len(table.rows) == expect)
        _stamp("listed")
        await pilot.press("down")
        await _wait(lambda: table.cursor == 1)
        _stamp("keys")
        await _wait(lambda: not app.session.scanning, timeout=300)
        _stamp("complete")
    _stamp("rss", kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           children_kb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


async def probe_open(library: str, db: str, runs: int) -> None:
    from minutesreader.screens.reader import ReaderScreen
    from minutesreader.widgets.document import DocumentView

    app = _app(library, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait(lambda: not app.session.scanning and len(app.session.listing.summaries) > 0, timeout=300)
        await pilot.pause()
        for run in range(2 * runs + 2):
            report = BIG_REPORT if run % 2 == 0 else short_report(library)
            start = time.perf_counter()
            app.open_report(report)
            await _wait(lambda: isinstance(app.screen, ReaderScreen)
                        and any(view.report is not None for view in app.screen.query(DocumentView)), step=0.001)
            document = app.screen.query_one(DocumentView)
            await _wait(lambda: document._blocks.get(0) is not None, step=0.001)  # drawn
            drawn = (time.perf_counter() - start) * 1000
            app.simulate_key("down")
            # Usable: the key moved the cursor and the moved cursor was drawn.
            await _wait(lambda: document.paragraph == 1 and document._blocks.get(1) is not None, step=0.001)
            elapsed = (time.perf_counter() - start) * 1000
            if run > 1:  # the first opens warm the shard cache and anchor the notes once
                _stamp("open", ms=elapsed, drawn_ms=drawn, report=report,
                       words=sum(p.text.count(" ") + 1 for p in document.report.paragraphs))
            app.pop_screen()
            await pilot.pause()
        _stamp("rss", kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


async def probe_filter(library: str, db: str) -> None:
    from textual.widgets import Input

    from minutesreader.core.listing import filter_reports
    from minutesreader.widgets.report_table import ReportTable

    app = _app(library, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait(lambda: not app.session.scanning and len(app.session.listing.summaries) > 0, timeout=300)
        await pilot.pause()
        table = app.screen.query_one(ReportTable)
        field = app.screen.query_one("#filter", Input)
        for query in QUERIES:
            await pilot.press("slash")
            for count in range(1, len(query) + 1):
                typed = query[:count]
                start = time.perf_counter()
                await pilot.press("space" if typed[-1] == " " else typed[-1])
                await _wait(lambda: field.value == typed, step=0.001)
                await pilot.pause()
                elapsed = (time.perf_counter() - start) * 1000
                core_start = time.perf_counter()
                expected = filter_reports(app.session.listing, typed).reports
                core = (time.perf_counter() - core_start) * 1000
                assert len(table.rows) == len(expected), (typed, len(table.rows), len(expected))
                _stamp("key", ms=elapsed, core_ms=core, query=typed, shown=len(expected))
            await pilot.press("escape")
            await pilot.pause()
        _stamp("rss", kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def run_probe(kind: str, *args: str) -> tuple[float, list[dict]]:
    """Run a probe in a fresh process; (wall time it started, its events)."""
    started = time.time()
    out = subprocess.run([sys.executable, str(Path(__file__)), "--probe", kind, *args],
                         capture_output=True, text=True, cwd=REPO, timeout=900)
    events = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0:
        raise RuntimeError(f"probe {kind} failed:\n{out.stderr[-3000:]}")
    return started, events


# ---- measurements ------------------------------------------------------------------

def clear_caches(db: Path) -> None:
    """Nothing cached: drop the library index and the store's counts (both rebuildable)."""
    shutil.rmtree(db / "index", ignore_errors=True)
    (db / "counts.json").unlink(missing_ok=True)


def starts(library: Path, db: Path, expect: int, runs: int, cold: bool) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"progress": [], "listed": [], "keys": [], "complete": [], "rss": [], "children": []}
    if not cold:
        run_probe("start", str(library), str(db), str(expect))  # warm the index once
    for _ in range(runs):
        if cold:
            clear_caches(db)
        started, events = run_probe("start", str(library), str(db), str(expect))
        for event in events:
            if event["event"] == "rss":
                figures["rss"].append(event["kb"] / 1024)
                figures["children"].append(event["children_kb"] / 1024)
            else:
                figures[event["event"]].append(event["t"] - started)
    return figures


def _tui():
    loader = importlib.machinery.SourceFileLoader("tui", str(TUI))
    spec = importlib.util.spec_from_loader("tui", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def tui_wait(tui, name: str, pattern: str, seconds: float = 60.0) -> float:
    """Like `tui wait`, polling every 5 ms: seconds until the screen matches."""
    rx = re.compile(pattern, re.S)
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if rx.search(tui.screen(name)):
            return time.monotonic() - start
        time.sleep(0.005)
    raise TimeoutError(f"screen never matched {pattern!r}:\n{tui.screen(name)}")


def terminal(library: Path, db: Path, expect: int, runs: int) -> dict[str, list[float]]:
    """Start and filter in a real terminal (tmux 120x40), timed on what the screen shows."""
    from minutesreader.core.catalog import Catalog
    from minutesreader.core.directives import load_classifier
    from minutesreader.core.listing import filter_reports
    from minutesreader.storage.store import Store

    tui = _tui()
    catalog = Catalog(library, load_classifier(None)[0], Store.open(db))
    for _ in catalog.scan():
        pass
    figures: dict[str, list[float]] = {"start": [], "key": [], "open": [], "open_short": []}
    name = "mr-bench"
    command = [sys.executable, "-m", "minutesreader", "--library", str(library), "--db", str(db)]
    for run in range(runs):
        started = time.monotonic()
        tui.start(name, ["--size", "120x40", "--", *command])
        tui_wait(tui, name, rf"\b{expect:,} reports")
        figures["start"].append(time.monotonic() - started)
        if run == 0:
            tui_wait(tui, name, r"\b{:,} reports · Enter".format(expect), 300)  # let the scan finish
            time.sleep(1)
            for query in QUERIES[:2]:
                tui.keys(name, ["text:/"])
                for count in range(1, len(query) + 1):
                    typed = query[:count]
                    shown = len(filter_reports(catalog.listing, typed).reports)
                    started = time.monotonic()
                    tui.keys(name, ["Space" if typed[-1] == " " else typed[-1]])
                    figures["key"].append(time.monotonic() - started - 0.05  # tui.keys sleeps 50 ms a key
                                          + tui_wait(tui, name, re.escape(typed) + rf".*\b{shown:,} of {expect:,} reports"))
                tui.keys(name, ["Escape"])
                time.sleep(0.3)
            # Open a report from the filter box, timed from Enter to its heading on screen;
            # the long report and the short baseline, alternately.
            for attempt in range(2 * runs):
                report = BIG_REPORT if attempt % 2 == 0 else short_report(library)
                tui.keys(name, ["text:/"])
                time.sleep(0.2)
                tui.keys(name, [f"text:{report}"])
                tui_wait(tui, name, rf"\b1 of {expect:,} reports")
                started = time.monotonic()
                tui.keys(name, ["Enter"])
                elapsed = (time.monotonic() - started - 0.05  # tui.keys sleeps 50 ms after the key
                           + tui_wait(tui, name, re.escape(f"·  {report}")))
                figures["open" if report == BIG_REPORT else "open_short"].append(elapsed)
                tui.keys(name, ["Escape"])
                tui_wait(tui, name, rf"\b1 of {expect:,} reports")
                tui.keys(name, ["Escape"])
                time.sleep(0.3)
        tui.tmux(name, "kill-server", check=False, capture=True)  # tui stop
    return figures


# ---- the table ------------------------------------------------------------------------

def row(what: str, target: str, values: list[float], unit: str, scale: float = 1.0,
        baseline: list[float] | None = None, baseline_name: str = "") -> str:
    if not values:
        return f"{what:<52} {target:>8}  (no data)"
    values = [v * scale for v in values]
    median = statistics.median(values)
    spread = f"{min(values):.0f}-{max(values):.0f}" if median >= 10 else f"{min(values):.2f}-{max(values):.2f}"
    figure = f"{median:.0f}" if median >= 10 else f"{median:.2f}"
    text = f"{what:<52} {target:>8}  {figure:>7} {unit:<3} {spread:>13}  n={len(values):<3}"
    if baseline:
        base = statistics.median([b * scale for b in baseline])
        text += f" {median / base:6.2f}x vs {baseline_name} ({base:.1f} {unit})"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, required=True, help="where the library and store are built")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="build the library again even if it is there")
    parser.add_argument("--no-tui", action="store_true", help="skip the real-terminal figures")
    parser.add_argument("--save-runs", type=int, default=30)
    parser.add_argument("--no-scale", action="store_true", help="skip the rows of issue 16 (bench/scale.py)")
    args = parser.parse_args()

    from build_library import build

    root: Path = args.dir
    if args.rebuild or not (root / "library").is_dir():
        build(root)
    library, db, small, small_db = root / "library", root / "store", root / "small", root / "small-store"
    expect = sum(1 for p in library.iterdir() if p.name.endswith(".txt"))
    lines = [f"{'figure (median of runs)':<52} {'target':>8}  {'median':>11} {'spread':>13}  runs"]

    print("measuring start (warm), 10 and 10,000 reports…", file=sys.stderr)
    warm_small = starts(small, small_db, 10, args.runs, cold=False)
    warm = starts(library, db, expect, args.runs, cold=False)
    lines.append(row("start, warm: list shown (10,000 reports)", "", warm["listed"], "s",
                     baseline=warm_small["listed"], baseline_name="10 reports"))
    lines.append(row("start, warm: list shown and answering keys", "≤ 0.6 s", warm["keys"], "s",
                     baseline=warm_small["keys"], baseline_name="10 reports"))
    print("measuring first start (nothing cached)…", file=sys.stderr)
    cold = starts(library, db, expect, max(3, args.runs // 2), cold=True)
    lines.append(row("first start: progress shown", "", cold["progress"], "s", 1000 / 1000))
    lines.append(row("first start: all 10,000 listed, answering keys", "≤ 5 s", cold["keys"], "s"))
    lines.append(row("first start: directive counts and filter text done", "", cold["complete"], "s"))

    print("measuring open and filter…", file=sys.stderr)
    _, events = run_probe("open", str(library), str(db), str(args.runs * 2))
    opens = [e["ms"] for e in events if e["event"] == "open" and e["report"] == BIG_REPORT]
    drawn = [e["drawn_ms"] for e in events if e["event"] == "open" and e["report"] == BIG_REPORT]
    short = [e["ms"] for e in events if e["event"] == "open" and e["report"] == short_report(library)]
    open_rss = [e["kb"] / 1024 for e in events if e["event"] == "rss"]
    words = next((e["words"] for e in events if e["event"] == "open" and e["report"] == BIG_REPORT), 0)
    short_words = next((e["words"] for e in events if e["event"] == "open" and e["report"] == short_report(library)), 0)
    lines.append(row(f"open a {words:,}-word report: drawn, highlighted", "", drawn, "ms"))
    lines.append(row("  …and a key moved the cursor, redrawn", "≤ 100 ms", opens, "ms",
                     baseline=short, baseline_name=f"{short_words}-word report"))
    _, events = run_probe("filter", str(library), str(db))
    keys = [e["ms"] for e in events if e["event"] == "key"]
    core = [e["core_ms"] for e in events if e["event"] == "key"]
    filter_rss = [e["kb"] / 1024 for e in events if e["event"] == "rss"]
    lines.append(row("filter-as-you-type, per keystroke (Pilot)", "≤ 50 ms", keys, "ms"))
    lines.append(row("  of which filter_reports over 10,000", "", core, "ms"))

    print("measuring saves (bench_store)…", file=sys.stderr)
    from bench_store import measure, real_paragraphs

    rng = random.Random(7)
    paragraphs = real_paragraphs()
    save_root = Path(tempfile.mkdtemp(prefix="bench-store-", dir=root))
    for size in (1_000, 10_000, 100_000):
        ours, stock = measure(size, args.save_runs, save_root, rng, paragraphs)
        target = "≤ 15 ms" if size == 100_000 else ""
        lines.append(row(f"durable note save, {size:,} annotations", target, ours, "ms",
                         baseline=stock, baseline_name="stock TinyDB"))
    shutil.rmtree(save_root, ignore_errors=True)

    peak = warm["rss"] + cold["rss"] + open_rss + filter_rss
    lines.append(row("peak RSS, 10,000 reports + 100,000 annotations", "≤ 250 MB", [max(peak)], "MB"))

    print("\n".join(lines), flush=True)
    lines = []
    if not args.no_tui and shutil.which("tmux"):
        print("measuring in a real terminal (tmux)…", file=sys.stderr)
        small_term = terminal(small, small_db, 10, args.runs)
        term = terminal(library, db, expect, args.runs)
        lines.append(row("tui: start, warm, to '10,000 reports' on screen", "≤ 0.6 s", term["start"], "s",
                         baseline=small_term["start"], baseline_name="10 reports"))
        lines.append(row("tui: filter keystroke to count on screen", "≤ 50 ms", term["key"], "ms", 1000))
        lines.append(row("tui: open the 9,283-word report, Enter to heading", "≤ 100 ms", term["open"], "ms", 1000,
                         term["open_short"], "a ~300-word report"))
    if lines:
        print("\n".join(lines), flush=True)
    if not args.no_scale:
        from scale import measure as measure_scale

        print("\n".join(measure_scale(root, args.runs, not args.no_tui)))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--probe":
        kind, rest = sys.argv[2], sys.argv[3:]
        if kind == "start":
            asyncio.run(probe_start(rest[0], rest[1], int(rest[2])))
        elif kind == "open":
            asyncio.run(probe_open(rest[0], rest[1], int(rest[2])))
        elif kind == "filter":
            asyncio.run(probe_filter(rest[0], rest[1]))
    else:
        main()
