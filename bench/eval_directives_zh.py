"""Score the directive classifier on Chinese readouts: a dev figure and an unseen figure.

Usage: python bench/eval_directives.py --zh TEXT_DIR [TEXT_DIR ...]
       (TEXT_DIR: ../shared/corpus/readouts-zh)

Labels live in bench/labels_zh/dev/ and bench/labels_zh/unseen/, as bench/labels/ holds
the English ones: sentence index, sha1 of the whitespace-normalised sentence, label; no
text (the readouts are copyrighted). They were labelled by the definition
(../shared/docs/directives.md, "Chinese originals") before the rules were tuned. The
rules were tuned on dev only; the unseen files were read once, to label them, and their
disagreements are not printed, so that they stay a fair estimate.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

from eval_directives import KINDS, predictions, scores  # type: ignore[import-not-found]

from minutesreader.core.directives import DirectiveClassifier

LABELS = Path(__file__).resolve().parent / "labels_zh"


def _labels(split: str) -> dict[str, dict[str, str]]:
    by_file: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted((LABELS / split).glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                by_file[row["file"]][row["sha1"]] = row["label"]
    return by_file


def _score_split(split: str, folders: list[str], classifier: DirectiveClassifier, show_errors: bool) -> bool:
    labels = _labels(split)
    pairs: list[tuple[str, str]] = []
    unmatched = 0
    files = 0
    errors: list[str] = []
    seen: set[str] = set()
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            if path.name not in labels or path.name in seen:
                continue
            seen.add(path.name)
            files += 1
            wanted = labels[path.name]
            hashes = set()
            for digest, got, _opening in predictions(path, classifier):
                hashes.add(digest)
                if digest not in wanted:
                    unmatched += 1
                    continue
                pairs.append((wanted[digest], got))
                if wanted[digest] != got:
                    errors.append(f"  {path.name} {digest[:10]} gold={wanted[digest]} got={got}")
            unmatched += len(set(wanted) - hashes)
    if not pairs:
        print(f"{split}: no labelled Chinese reports found in", ", ".join(folders))
        return False
    precision, recall, f1, _category, _directives = scores(pairs)
    both = [(g, p) for g, p in pairs if g != "none" and p != "none"]
    right = sum(1 for g, p in both if g == p)
    print(f"Chinese {split}: files {files}  sentences {len(pairs)}  unmatched {unmatched}")
    print(f"  directive-vs-not  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"  right category: {right}/{len(both)} = {right / len(both) if both else 1:.3f}")
    table = Counter(pairs)
    print(f"  {'':>12}" + "".join(f"{k:>12}" for k in KINDS))
    for gold in KINDS:
        print(f"  {gold:>12}" + "".join(f"{table[(gold, got)]:>12}" for got in KINDS))
    if show_errors and errors:
        print("  disagreements")
        print("\n".join(errors))
    return True


def main_chinese(folders: list[str]) -> int:
    classifier = DirectiveClassifier()
    found_dev = _score_split("dev", folders, classifier, show_errors=True)
    found_unseen = _score_split("unseen", folders, classifier, show_errors=False)
    return 0 if found_dev or found_unseen else 1
