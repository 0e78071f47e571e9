"""Durable note save time as the store grows: minutesreader's sharded store vs stock TinyDB.

    python bench/bench_store.py [--sizes 1000,10000,100000] [--runs 30] [--dir DIR]

For each size it builds a store of that many annotations (70% notes, 30% tags, ~10 per
report, quotes drawn from real paragraphs in ../shared), then times Store.add_note (lock,
re-read check, atomic write, fsync, rename, directory fsync) and, on a single-file stock
TinyDB JSONStorage holding the same annotations, table.insert followed by an fsync of its
file (stock TinyDB does not fsync; without it the save is not durable, so the baseline
would not be comparable). Prints median, spread (10th-90th percentile) and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from tinydb import TinyDB

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minutesreader.storage.store import Store  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


def real_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(SHARED.glob("reports/*.txt")) + sorted(SHARED.glob("corpus/*/*.txt")):
        text = path.read_text("utf-8", errors="replace")
        for block in text.split("\n\n"):
            words = block.split()
            # Unparagraphed files (FOMC): cut into paragraph-sized runs of words.
            for start in range(0, len(words), 120):
                if len(words[start:start + 120]) > 8:
                    paragraphs.append(" ".join(words[start:start + 120]))
    return paragraphs or ["The meeting stressed that cadres must implement the plan."]


def make_docs(count: int, paragraphs: list[str], rng: random.Random) -> list[dict]:
    docs = []
    for n in range(count):
        report = f"report-{n // 10:05d}"
        index = rng.randrange(len(paragraphs) - 2) + 1
        base = {
            "report": report, "paragraph": rng.randrange(1, 60), "quote": paragraphs[index],
            "prefix": paragraphs[index - 1][-64:], "suffix": paragraphs[index + 1][:64],
            "created": "2026-01-01T00:00:00.000+00:00", "orphaned": False,
        }
        if n % 10 < 7:
            docs.append({"kind": "notes", **base, "text": f"note {n} on this paragraph", "tags": ["housing"] if n % 3 else [],
                         "updated": base["created"]})
        else:
            docs.append({"kind": "tags", **base, "tag": rng.choice(["housing", "deadline", "party", "fiscal"])})
    return docs


def build_store(folder: Path, docs: list[dict]) -> None:
    """Write shards in the store's own TinyDB format directly (saving one by one would take hours)."""
    store = Store.open(folder)
    shards: dict[str, dict[str, dict]] = defaultdict(lambda: {"notes": {}, "tags": {}})
    for doc in docs:
        shard = store.shard_of(doc["report"])
        table = shards[shard][doc["kind"]]
        record = {k: v for k, v in doc.items() if k != "kind"}
        record["id"] = f"{shard}-{len(table):010x}"
        table[str(len(table) + 1)] = record
    for shard, tables in shards.items():
        path = folder / "shards" / f"{shard}.json"
        path.write_text(json.dumps(tables, ensure_ascii=False, separators=(",", ":")), "utf-8")
        path.chmod(0o600)


def build_stock(path: Path, docs: list[dict]) -> None:
    notes = {str(i + 1): {k: v for k, v in doc.items() if k != "kind"} for i, doc in enumerate(docs)}
    path.write_text(json.dumps({"notes": notes}), "utf-8")


def time_saves(save, runs: int) -> list[float]:
    times = []
    for run in range(runs):
        start = time.perf_counter()
        save(run)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> str:
    deciles = statistics.quantiles(times, n=10) if len(times) >= 2 else [times[0]] * 9
    return f"{statistics.median(times):8.2f} ms  ({deciles[0]:.2f}-{deciles[-1]:.2f}, n={len(times)})"


def measure(size: int, runs: int, root: Path, rng: random.Random, paragraphs: list[str]) -> tuple[list[float], list[float]]:
    """Save times in ms at this many annotations: (minutesreader store, stock TinyDB + fsync)."""
    docs = make_docs(size, paragraphs, rng)
    folder = root / f"store-{size}"
    build_store(folder, docs)
    store = Store.open(folder)
    reports = [f"report-{n:05d}" for n in range(max(1, size // 10))]
    ours = time_saves(lambda run: store.add_note(rng.choice(reports), 3, rng.choice(paragraphs), f"bench {run}",
                                                 context=("before", "after")), runs)
    stock_path = root / f"stock-{size}.json"
    build_stock(stock_path, docs)
    db = TinyDB(stock_path)
    table = db.table("notes")

    def stock_save(run: int) -> None:
        table.insert({"report": rng.choice(reports), "paragraph": 3, "quote": rng.choice(paragraphs),
                      "text": f"bench {run}", "tags": []})
        handle = db.storage._handle  # stock JSONStorage flushes but never fsyncs
        handle.flush()
        os.fsync(handle.fileno())

    stock_runs = runs if size < 100_000 else max(5, runs // 4)
    stock = time_saves(stock_save, stock_runs)
    db.close()
    return ours, stock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--dir", type=Path, default=None, help="where to build the stores (default: a temp dir)")
    args = parser.parse_args()
    rng = random.Random(7)
    paragraphs = real_paragraphs()
    root = args.dir or Path(tempfile.mkdtemp(prefix="bench-store-"))
    print(f"{'annotations':>11}  {'minutesreader store (median, p10-p90)':<40}  {'stock TinyDB + fsync':<40}  ratio")
    for size in (int(s) for s in args.sizes.split(",")):
        ours, stock = measure(size, args.runs, root, rng, paragraphs)
        ratio = statistics.median(stock) / statistics.median(ours)
        print(f"{size:>11,}  {summary(ours):<40}  {summary(stock):<40}  {ratio:5.1f}x faster")
    print(f"stores built in {root}")


if __name__ == "__main__":
    main()
