"""Store work the UI thread does, as the data grows (issue 10's targets).

    python bench/bench_session.py [--annotations 100000] [--runs 5] [--dir DIR]

1. Tag browser at N annotations (bench_store's mix: 30% tagged paragraphs over four
   tags): the app runs headless (Pilot) on the bundled library; the highlight moves
   down and up the tag list, each step once before the tag was read and once after.
   Timed: what the UI thread spends per step (the highlight handler plus the handler
   that shows the paragraphs a worker read). Target: <= 16 ms.
2. Re-anchoring when a report opens: a 4.9 MB report made of real paragraphs, with 0
   and with 20 notes on it; `Store.anchor` timed (the only part of opening that depends
   on the notes). Target: 20 notes cost <= 20 ms more than none.

The generated report and store hold copyrighted readouts: built in a temp dir, never committed.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_store import build_store, make_docs, real_paragraphs  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
REPORT_BYTES = 4_900_000
NOTES = 20


def median_spread(times: list[float]) -> str:
    return f"{statistics.median(times):7.2f} ms  (min {min(times):.2f}, max {max(times):.2f}, n={len(times)})"


async def tag_browser(store_dir: Path, runs: int) -> dict[str, list[float]]:
    from minutesreader.app import make_app
    from minutesreader.cli import Context
    from minutesreader.screens.tags import TagsScreen

    spent: dict[str, list[float]] = {"first": [], "again": []}
    current: list[float] = [0.0]

    def timed(method):
        def wrapper(self, *args):
            start = time.perf_counter()
            try:
                return method(self, *args)
            finally:
                current[0] += (time.perf_counter() - start) * 1000
        wrapper.__name__ = method.__name__
        return wrapper

    # The handlers are wrapped before the screen class is used, so Textual dispatches to them.
    TagsScreen._show_marks = timed(TagsScreen._show_marks)
    TagsScreen.marks_loaded = timed(TagsScreen.marks_loaded)
    reads: list[str] = []
    real_read = TagsScreen.read_marks

    def read_marks(self, tag):
        reads.append(tag)
        return real_read(self, tag)

    TagsScreen.read_marks = read_marks
    app = make_app(Context(REPO / "library", store_dir, None))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("T")
        screen = app.screen
        assert isinstance(screen, TagsScreen)
        for _ in range(50):
            if screen.marks:
                break
            await app.workers.wait_for_complete()
            await pilot.pause()
        for run in range(runs):
            screen.read = {}  # as after a store change: every tag is read again
            for key in ["down"] * 3 + ["up"] * 3:
                current[0] = 0.0
                reads.clear()
                await pilot.press(key)
                want = screen.current_tag
                for _ in range(50):  # until the highlighted tag's paragraphs are shown
                    if screen.marks and screen.marks[0].tag == want:
                        break
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                spent["first" if reads else "again"].append(current[0])
    return spent


def anchoring(root: Path, runs: int) -> dict[int, list[float]]:
    from minutesreader.core.library import read_report
    from minutesreader.storage.store import Store

    rng = random.Random(11)
    paragraphs = real_paragraphs()
    chunks, size = [], 0
    while size < REPORT_BYTES:
        paragraph = rng.choice(paragraphs)
        chunks.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    path = root / "big.txt"
    path.write_text(" date 2024-01-01\n\n" + "\n\n".join(chunks) + "\n", "utf-8")
    report = read_report(path)
    texts = [p.text for p in report.paragraphs]
    figures: dict[int, list[float]] = {}
    for notes in (0, NOTES):
        store = Store.open(Path(tempfile.mkdtemp(prefix=f"anchor-{notes}-", dir=root)))
        for n in range(notes):
            index = rng.randrange(len(texts))
            store.add_note(report.id, index + 1, texts[index], f"note {n}",
                           context=(texts[index - 1][-64:] if index else "", texts[index + 1][:64] if index + 1 < len(texts) else ""))
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            placed = store.anchor(report.id, texts)
            times.append((time.perf_counter() - start) * 1000)
            assert len(placed.notes) == notes and not placed.orphan_notes
        figures[notes] = times
    print(f"report: {path.stat().st_size / 1e6:.1f} MB, {len(texts):,} paragraphs")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="bench-session-"))
    store_dir = root / f"store-{args.annotations}"
    if not (store_dir / "shards").exists():
        build_store(store_dir, make_docs(args.annotations, real_paragraphs(), random.Random(7)))
    spent = asyncio.run(tag_browser(store_dir, args.runs))
    print(f"tag browser at {args.annotations:,} annotations, UI thread per step")
    print(f"  tag not read yet  {median_spread(spent['first'])}")
    print(f"  tag read before   {median_spread(spent['again'])}")
    figures = anchoring(root, args.runs)
    print("Store.anchor on opening the report")
    print(f"  no notes          {median_spread(figures[0])}")
    print(f"  {NOTES} notes          {median_spread(figures[NOTES])}")
    print(f"  difference (median) {statistics.median(figures[NOTES]) - statistics.median(figures[0]):.2f} ms")


if __name__ == "__main__":
    main()
