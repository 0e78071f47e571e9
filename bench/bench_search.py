"""Search benchmark: build the index of a library folder, time queries in-process and
`minutesreader search` from process start, with ripgrep's time on the same folder beside.

    python bench/bench_search.py LIBRARY_FOLDER [--db DIR] [--query Q ...] [--runs N]

Any folder of report files will do (e.g. a 10,000-report library a bench script built in
/tmp). The index is built into a fresh temporary store unless --db names one, so the
first figure is a first build. Targets (issue 6): a query in the app <= 50 ms with the
index warm; the command <= 0.5 s from process start.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minutesreader.core.search import parse_query  # noqa: E402
from minutesreader.storage.search_index import SearchIndex  # noqa: E402
from minutesreader.storage.store import Store  # noqa: E402

DEFAULT_QUERIES = ["inflation", "housing", '"domestic demand"', "economic growth", "stabil*", "party committee", "the"]


def median_time(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rg_pattern(query: str) -> str | None:
    """The query as one ripgrep regex, or None when it needs an AND rg does not have."""
    terms = parse_query(query).terms
    if len(terms) != 1:
        return None
    term = terms[0]
    pattern = r"\W+".join(re.escape(word) for word in term.words)
    return r"\b" + pattern + (r"\w*" if term.prefix else r"\b")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--db", type=Path, help="store folder to keep the index in (default: a fresh temporary one)")
    parser.add_argument("--query", action="append", help="a query (repeatable); default: a fixed set")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    library = args.library.resolve()
    if not library.is_dir():
        print(f"bench_search: {library} is not a folder", file=sys.stderr)
        return 2
    queries = args.query or DEFAULT_QUERIES
    files = [p for p in library.iterdir() if p.name.lower().endswith(".txt")]
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    print(f"library {library}: {len(files)} reports, {megabytes:.1f} MB")

    temp = None
    if args.db is None:
        temp = tempfile.TemporaryDirectory(prefix="bench-search-")
        db = Path(temp.name) / "store"
    else:
        db = args.db
    try:
        store = Store.open(db)
        index = SearchIndex.for_library(db, library)
        start = time.perf_counter()
        result = index.update(store)
        build = time.perf_counter() - start
        start = time.perf_counter()
        index.update(store)
        again = time.perf_counter() - start
        size = sum(f.stat().st_size for f in index.path.parent.glob(index.path.name + "*")) / 1e6
        print(f"index build: {build:.1f} s for {result.read} files read; update with nothing changed: {again * 1000:.0f} ms; "
              f"index {size:.0f} MB")

        rg = shutil.which("rg")
        if rg is None:
            print("ripgrep (rg) is not installed, so there is no rg column: apt-get install ripgrep")
        env = {**os.environ, "MINUTESREADER_DB": str(db)}
        python = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 3)
        print(f"python start alone: {python * 1000:.0f} ms\n")
        print(f"{'query':24} {'hits':>5} {'in-process':>11} {'CLI':>8} {'rg':>8}")
        in_process, cli_times = [], []
        for query in queries:
            hits = index.search(query)
            seconds = median_time(lambda: index.search(query), args.runs)
            command = [sys.executable, "-m", "minutesreader", "search", "--library", str(library), "--limit", "20", query]
            cli = median_time(lambda: subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=False), 5)
            rg_text = "-"
            pattern = rg_pattern(query)
            if rg is not None and pattern is not None:
                rg_command = [rg, "-i", "-c", "--no-messages", pattern, str(library)]
                rg_seconds = median_time(lambda: subprocess.run(rg_command, stdout=subprocess.DEVNULL, check=False), 5)
                rg_text = f"{rg_seconds * 1000:.0f} ms"
            elif rg is not None:
                rg_text = "no AND"
            in_process.append(seconds)
            cli_times.append(cli)
            print(f"{query:24} {len(hits):>5} {seconds * 1000:>8.1f} ms {cli * 1000:>5.0f} ms {rg_text:>8}")
        print(f"\nmedian in-process {statistics.median(in_process) * 1000:.1f} ms (max {max(in_process) * 1000:.1f}; target 50), "
              f"median CLI {statistics.median(cli_times) * 1000:.0f} ms (max {max(cli_times) * 1000:.0f}; target 500)")
        print("rg: counts matching lines of a word or phrase (case-insensitive regex), no ranking, no paragraphs; "
              "'no AND' where the query needs every word in one paragraph")
    finally:
        if temp is not None:
            temp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
