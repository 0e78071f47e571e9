"""Time sentence splitting and directive detection over all of ../shared/corpus/.

Usage: python bench/bench_directives.py [CORPUS_DIR] [--runs N] [--learned on|off|both]

One process, one core: every report is parsed as the reader parses it, then split into
sentences and classified, as the reader and `minutesreader directives` do. Reading
and parsing the files happen once, outside the timed part, so the figure is the cost
of detection itself. Target: under 0.2 s for the whole corpus (about 51,000 words), in
CPU time of the one core the work runs on (the wall clock is printed too; on a busy
shared machine it also counts the time other processes held the core).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutesreader.core.directives import DirectiveClassifier  # noqa: E402
from minutesreader.core.reports import parse_report  # noqa: E402
from minutesreader.core.sentences import split_sentences  # noqa: E402


def detect(paragraphs: list[tuple[str, bool]], classifier: DirectiveClassifier) -> tuple[int, int]:
    sentences = directives = 0
    for text, headline in paragraphs:
        for start, end in split_sentences(text):
            sentences += 1
            if not headline and classifier.classify(text[start:end]) is not None:
                directives += 1
    return sentences, directives


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--learned", choices=("on", "off", "both"), default=None,
                        help="with or without the learned second opinion (default: as shipped); "
                             "both: taken in turns in one run, each figure printed")
    args = parser.parse_args()
    files = sorted(Path(args.corpus).rglob("*.txt"))
    if not files:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 1
    paragraphs: list[tuple[str, bool]] = []
    words = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        report = parse_report(text, path.stem, path)
        paragraphs.extend((p.text, p.headline) for p in report.paragraphs)

    kinds = {"on": [True], "off": [False], "both": [True, False]}.get(args.learned, [None])
    classifiers = {learned: DirectiveClassifier(learned=learned) for learned in kinds}
    found: dict[bool | None, int] = {}
    times: dict[bool | None, list[float]] = {learned: [] for learned in kinds}
    cpu_times: dict[bool | None, list[float]] = {learned: [] for learned in kinds}
    for _ in range(args.runs):
        for learned, classifier in classifiers.items():  # in turns: the machine's load weighs on each alike
            started, cpu_started = time.perf_counter(), time.process_time()
            sentences, found[learned] = detect(paragraphs, classifier)
            times[learned].append(time.perf_counter() - started)
            cpu_times[learned].append(time.process_time() - cpu_started)
    print(f"{len(files)} files, {words} words, {sentences} sentences")
    for learned in kinds:
        label = {None: "", True: " (learned model on)", False: " (learned model off)"}[learned]
        median, cpu = statistics.median(times[learned]), statistics.median(cpu_times[learned])
        print(f"{found[learned]} directives{label}")
        print(f"split + classify{label}: median {median:.3f} s, min {min(times[learned]):.3f} s, "
              f"max {max(times[learned]):.3f} s over {args.runs} runs")
        # The work runs on one core; on a shared machine the wall clock also counts the time
        # other processes held the core, so the target is judged on CPU time.
        print(f"CPU time on one core: median {cpu:.3f} s, min {min(cpu_times[learned]):.3f} s")
        print(f"target < 0.200 s of CPU: {'met' if cpu < 0.2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
