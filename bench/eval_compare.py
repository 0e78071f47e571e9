"""How exactly `compare` reports edits made to real readouts (issue 14: "measure").

    python bench/eval_compare.py [--seeds 20] [--edits 8]

For every readout and set of FOMC minutes in ../shared/corpus (read there, never copied),
and each seed: take its sentences, make random edits (a word changed, a sentence deleted,
one inserted from another report, one split in two, two merged, a run of sentences moved
elsewhere), compare, and count the edits reported exactly as made (a moved run: every
sentence `moved` or `same`). Prints the share per kind of edit.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minutesreader.core.compare import Sentence, compare_sentences, report_sentences  # noqa: E402
from minutesreader.core.directives import load_classifier  # noqa: E402
from minutesreader.core.library import read_report  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
KINDS = ("edit", "delete", "insert", "split", "merge", "move")


def edited(sentences: list[str], donors: list[str], rng: random.Random, count: int):
    """(new sentences, expected (change, old, new) entries, kind of each expected entry)."""
    new = list(sentences)
    marks: list[str | None] = [None] * len(new)  # what was done to each new sentence
    expected: list[tuple[str, str, tuple[str, ...], str | None, str | None]] = []
    for _ in range(count):
        kind = rng.choice(KINDS)
        free = [i for i, m in enumerate(marks) if m is None and len(new[i].split()) >= 8]
        if len(free) < 3:
            break
        i = rng.choice(free[:-1])
        words = new[i].split()
        if kind == "edit":
            at = rng.randrange(len(words))
            words[at] = "zq" + words[at]
            expected.append((kind, "changed", (), new[i], " ".join(words)))
            new[i] = " ".join(words)
            marks[i] = kind
        elif kind == "delete":
            expected.append((kind, "removed", (), new[i], None))
            del new[i], marks[i]
        elif kind == "insert":
            donor = rng.choice(donors)
            new.insert(i, donor)
            marks.insert(i, kind)
            expected.append((kind, "added", (), None, donor))
        elif kind == "split":
            cut = len(words) // 2
            first, second = " ".join(words[:cut]) + ".", " ".join(words[cut:]).capitalize()
            expected.append((kind, "changed", (), new[i], first + " " + second))
            new[i:i + 1] = [first, second]
            marks[i:i + 1] = [kind, kind]
        elif kind == "merge" and marks[i + 1] is None:
            joined = new[i].rstrip(".") + ", and " + new[i + 1][:1].lower() + new[i + 1][1:]
            expected.append((kind, "changed", (), new[i] + " " + new[i + 1], joined))
            new[i:i + 2] = [joined]
            marks[i:i + 2] = [kind]
        elif kind == "move":
            end = min(len(new), i + rng.randint(2, 4))
            if any(m is not None for m in marks[i:end]):
                continue
            block = new[i:end]
            del new[i:end], marks[i:end]
            to = rng.randrange(len(new) + 1)
            new[to:to] = block
            marks[to:to] = ["move"] * len(block)
            expected.append((kind, "moved", tuple(block), None, None))
    return new, expected


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--edits", type=int, default=8)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"eval_compare: no corpus at {CORPUS}", file=sys.stderr)
        return 2
    classifier, _ = load_classifier(None)
    reports = [read_report(p) for p in sorted(CORPUS.glob("readouts/*.txt")) + sorted(CORPUS.glob("fomc/*.txt"))]
    texts = {r.id: [s.text for s in report_sentences(r, classifier)] for r in reports}
    made, exact = Counter(), Counter()
    for report in reports:
        donors = [s for other, sentences in texts.items() if other != report.id for s in sentences]
        for seed in range(args.seeds):
            rng = random.Random(f"{report.id}-{seed}")
            new, expected = edited(texts[report.id], donors, rng, args.edits)
            changes = compare_sentences([Sentence(t, 1) for t in texts[report.id]], [Sentence(t, 1) for t in new])
            got = Counter((c.change, c.old, c.new) for c in changes)
            kinds_of = {c.new: c.change for c in changes if c.new is not None}
            for kind, change, block, old, new_text in expected:
                made[kind] += 1
                if kind == "move":
                    exact[kind] += all(kinds_of.get(s) in ("same", "moved") for s in block)
                elif got[(change, old, new_text)] > 0:
                    exact[kind] += 1
                    got[(change, old, new_text)] -= 1
    print(f"{len(reports)} reports x {args.seeds} seeds, up to {args.edits} edits each: reported exactly")
    for kind in KINDS:
        if made[kind]:
            print(f"  {kind:<7} {exact[kind]:>5}/{made[kind]:<5} {exact[kind] / made[kind]:6.1%}")
    total_made, total_exact = sum(made.values()), sum(exact.values())
    print(f"  {'all':<7} {total_exact:>5}/{total_made:<5} {total_exact / total_made:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
