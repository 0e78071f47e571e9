"""Compare and track benchmark (issue 14): medians of several runs, in one run of this script.

    python bench/bench_compare.py [--library DIR] [--runs N] [--phrase P ...] [--terminal]

- `minutesreader compare` of the two longest bundled FOMC minutes, from process start
  (target <= 1 s), and `D` in the app on them: key pressed to the redline shown (<= 300 ms);
- with --library (a 10,000-report library from bench/build_library.py): `minutesreader
  track` from process start with the index warm (<= 1 s), and per phrase in the app: `P`'s
  prompt answered to the timeline shown (<= 200 ms), and the count alone (core.track);
- with --terminal, `D` and `P` also in a real terminal (tmux; bench/terminal_compare.py).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import terminal_compare  # noqa: E402

from minutesreader.cli import Context
from minutesreader.cli_compare import TRACK_LIMIT
from minutesreader.core.library import bundled_library
from minutesreader.core.track import parse_phrase, track
from minutesreader.storage.search_index import SearchIndex
from minutesreader.storage.store import Store

PHRASES = ["monetary policy", "high-quality development", "economic growth", "domestic demand", "common prosperity", "the"]


def median_time(action, runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def quietly(command: list[str], env: dict[str, str]) -> None:
    """A command run for its time only (a capped track says on stderr how many more)."""
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT)


def spread(times: list[float]) -> tuple[float, float, float]:
    return statistics.median(times), min(times), max(times)


def show(label: str, figures: tuple[float, float, float], target: float | None = None) -> None:
    median, low, high = figures
    verdict = "" if target is None else ("  ok" if median <= target else f"  OVER target {target * 1000:.0f} ms")
    print(f"{label:<62} {median * 1000:7.0f} ms  ({low * 1000:.0f}-{high * 1000:.0f}){verdict}")


def longest_two(library: Path) -> tuple[str, str]:
    """The two longest FOMC minutes, older first."""
    files = sorted((p for p in library.glob("*.txt") if "Federal Open Market" in p.read_text("utf-8")[:400]),
                   key=lambda p: p.stat().st_size)[-2:]
    older, newer = sorted(files, key=lambda p: p.read_text("utf-8")[:20])
    return older.stem, newer.stem


async def shown(app, ready) -> float:
    """When the screen is next drawn after `ready()` holds: what the user sees, not when
    every batch of a long list has been added."""
    give_up = time.perf_counter() + 30
    while not ready():
        if time.perf_counter() > give_up:  # e.g. a phrase found nowhere: the timeline never shows
            raise SystemExit("bench_compare: the screen never showed; is the phrase in the library?")
        await asyncio.sleep(0.01)  # polls more often would take the GIL from the work measured
    drawn: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    app.screen.call_after_refresh(lambda: drawn.done() or drawn.set_result(time.perf_counter()))
    return await drawn


async def time_D(library: Path, db: Path, old: str, new: str, runs: int, when: str) -> list[float]:
    """D pressed once the reader has settled (it compares with the previous report while
    the user reads); "cold": settled, then that head start thrown away; "at once": as
    soon as the report is on screen, nothing kept in memory (the reader is still finding
    directives, nothing is compared yet) and the reports' sentences kept on disk from the
    runs before; "at once, first ever": nor those (storage.kept_sentences)."""
    from minutesreader.app import make_app
    from minutesreader.core.compared_files import forget
    from minutesreader.screens.compare import CompareScreen
    from minutesreader.screens.reader import ReaderScreen
    from minutesreader.widgets.redline import Redline

    times = []
    app = make_app(Context(library, db, None))
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(runs):
            if when.startswith("at once"):
                forget()
            if when == "at once, first ever":
                shutil.rmtree(db / "index" / "sentences", ignore_errors=True)
            app.open_report(new)
            if when.startswith("at once"):
                while not (isinstance(app.screen, ReaderScreen) and app.screen.report is not None):
                    await asyncio.sleep(0.005)
            else:
                await app.workers.wait_for_complete()
                await pilot.pause()
            if when == "cold":
                forget()
            start = time.perf_counter()
            pressing = asyncio.create_task(pilot.press("D"))
            times.append(await shown(app, lambda: isinstance(app.screen, CompareScreen) and any(r.option_count for r in app.screen.query(Redline))) - start)
            await pressing
            await pilot.pause()
            assert app.screen.old_id == old
            await pilot.press("escape", "escape")  # the redline, then the reader
            await app.workers.wait_for_complete()
            await pilot.pause()
    return times


async def time_timeline(library: Path, db: Path, phrases: list[str], runs: int) -> dict[str, list[float]]:
    from minutesreader.app import make_app
    from minutesreader.screens.timeline import TimelineScreen

    times: dict[str, list[float]] = {p: [] for p in phrases}
    app = make_app(Context(library, db, None))
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        for _ in range(runs):
            for phrase in phrases:
                await pilot.press("P")
                await pilot.pause()
                app.screen.query_one("Input").value = phrase
                start = time.perf_counter()
                pressing = asyncio.create_task(pilot.press("enter"))
                times[phrase].append(await shown(app, lambda: isinstance(app.screen, TimelineScreen) and bool(app.screen.rows)) - start)
                await pressing
                await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=Path, help="a large library folder for the track figures")
    parser.add_argument("--db", type=Path, help="its store folder (default: DIR/../store)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--phrase", action="append", help="a phrase to track (repeatable)")
    parser.add_argument("--terminal", action="store_true", help="also time D and P in a real terminal (tmux)")
    args = parser.parse_args()
    runs = args.runs
    bundled = bundled_library()
    old, new = longest_two(bundled)
    print(f"compare: {old} -> {new} (the two longest bundled FOMC minutes); {runs} runs each, median (min-max)")
    print(f"load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores; other work slows every figure)")
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as temp:
        db = Path(temp) / "store"
        env = {**os.environ, "MINUTESREADER_DB": str(db)}
        command = [sys.executable, "-m", "minutesreader", "--library", str(bundled), "compare", old, new, "--json"]
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
        show("python -c pass (process start alone)", median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), runs))
        show("minutesreader compare OLD NEW --json, from process start",
             median_time(lambda: subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True, cwd=ROOT), runs), 1.0)
        library = Path(temp) / "library"
        shutil.copytree(bundled, library)
        for when, label in (("settled", "D in the app, reader settled: key to the redline shown"),
                            ("cold", "D in the app, reader settled, nothing compared ahead"),
                            ("at once", "D in the app as soon as the report shows, sentences kept"),
                            ("at once, first ever", "D in the app as soon as the report shows, nothing kept")):
            d_times = asyncio.run(time_D(library, db, old, new, runs, when))
            show(label, (statistics.median(d_times), min(d_times), max(d_times)), 0.3)
        if args.terminal:
            at_once, settled = terminal_compare.time_D(library, Path(temp) / "terminal-store", new, runs)
            first_ever, _ = terminal_compare.time_D(library, Path(temp) / "terminal-store", new, runs, kept=False)
            show("D in a real terminal as soon as the report shows (fresh app)", spread(at_once), 0.3)
            show("   the same, nothing kept on disk (the pair's first comparison)", spread(first_ever), 0.3)
            show("D in a real terminal, reader settled", spread(settled), 0.3)

    if args.library is None:
        print("track: give --library DIR (bench/build_library.py builds 10,000 reports) for its figures")
        return 0
    library = args.library.resolve()
    db = (args.db or library.parent / "store").resolve()
    phrases = args.phrase or PHRASES
    count = sum(1 for p in library.iterdir() if p.name.endswith(".txt"))
    print(f"track: {library} ({count:,} reports), store {db}")
    store = Store.open(db)
    index = SearchIndex.for_library(db, library)
    index.update(store)  # warm: the targets are for a built index
    placing = SearchIndex.for_library(db, library)  # as the timeline counts: paragraphs placed from its map
    placing.warm_ranges()
    env = {**os.environ, "MINUTESREADER_DB": str(db), "MINUTESREADER_LIBRARY": str(library)}
    in_app = asyncio.run(time_timeline(library, db, phrases, runs))
    in_terminal = terminal_compare.time_P(library, db, phrases, runs) if args.terminal else {}
    for phrase in phrases:
        reports = len(track(index, parse_phrase(phrase)))  # type: ignore[arg-type]
        command = [sys.executable, "-m", "minutesreader", "track", phrase, "--json"]
        show(f"track “{phrase}” ({reports:,} reports), from process start",
             median_time(lambda command=command: quietly(command, env), runs), 1.0)
        if reports > TRACK_LIMIT:
            every = [*command, "--limit", "0"]
            show(f"   every one of the {reports:,} reports listed (--limit 0)",
                 median_time(lambda every=every: quietly(every, env), runs))
        wanted = parse_phrase(phrase)
        show("   counting alone (core.track.track), as `track` does", median_time(lambda wanted=wanted: track(index, wanted), runs))  # type: ignore[arg-type]
        show("   the same with the timeline's map of reports built", median_time(lambda wanted=wanted: track(placing, wanted), runs))  # type: ignore[arg-type]
        times = in_app[phrase]
        show("   in the app: P's phrase entered to the timeline shown", (statistics.median(times), min(times), max(times)), 0.2)
        if phrase in in_terminal:
            show("   the same in a real terminal", spread(in_terminal[phrase]), 0.2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
