"""Score the directive classifier against the hand labels in bench/labels/.

Usage: python bench/eval_directives.py TEXT_DIR [TEXT_DIR ...]
       python bench/eval_directives.py --zh TEXT_DIR   (Chinese: bench/eval_directives_zh.py)

The labels hold no text (the readouts are copyrighted): one CSV per report with the
sentence index, the sha1 of the whitespace-normalised sentence and the label. Texts are
read from the folders given, parsed as the reader parses them (core.reports), split
with core.sentences and matched to labels by hash; sentences whose hash has no label,
and labels whose sentence was not found, are reported as unmatched. Headline paragraphs
are never classified by the reader, so they count as predicted "none" here too.

The rules were written while reading these same files, so these are training figures.
A hand-written rule set cannot be refitted per fold, so no true leave-one-out exists;
the per-file lines below show how unevenly the rules hold, which is the honest hint of
what unseen readouts will do.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutesreader.core.directives import CATEGORIES, DirectiveClassifier  # noqa: E402
from minutesreader.core.reports import parse_report  # noqa: E402
from minutesreader.core.analysis import analyze_paragraph  # noqa: E402

LABELS = ROOT / "bench" / "labels"
KINDS = (*CATEGORIES, "none")


def sentence_hash(sentence: str) -> str:
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()


def load_labels() -> dict[str, dict[str, str]]:
    by_file: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted(LABELS.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                by_file[row["file"]][row["sha1"]] = row["label"]
    return by_file


def predictions(path: Path, classifier: DirectiveClassifier) -> list[tuple[str, str, str]]:
    """(hash, predicted label, opening words) for every sentence of the report."""
    report = parse_report(path.read_text(encoding="utf-8"), path.stem, path)
    found = []
    # The same analysis the reader and the CLI use, so the figures are theirs.
    for paragraph in report.paragraphs:
        for sentence in analyze_paragraph(paragraph, classifier):
            directive = sentence.directive
            found.append((sentence_hash(sentence.text), directive.category if directive else "none", sentence.text[:40]))
    return found


def scores(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    tp = sum(1 for gold, got in pairs if gold != "none" and got != "none")
    fp = sum(1 for gold, got in pairs if gold == "none" and got != "none")
    fn = sum(1 for gold, got in pairs if gold != "none" and got == "none")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    if argv[0] == "--zh":
        from eval_directives_zh import main_chinese

        return main_chinese(argv[1:])
    labels = load_labels()
    classifier = DirectiveClassifier()
    pairs: list[tuple[str, str]] = []
    per_file: list[tuple[str, int, tuple[float, float, float], int]] = []
    unmatched = 0
    seen_files = set()
    errors: list[str] = []
    for folder in argv:
        for path in sorted(Path(folder).glob("*.txt")):
            if path.name not in labels or path.name in seen_files:
                continue
            seen_files.add(path.name)
            wanted = labels[path.name]
            file_pairs = []
            hashes = set()
            for digest, got, opening in predictions(path, classifier):
                hashes.add(digest)
                if digest not in wanted:
                    unmatched += 1
                    print(f"unmatched sentence: {path.name} {digest[:10]}")
                    continue
                file_pairs.append((wanted[digest], got))
                if wanted[digest] != got:
                    # Hash and categories only: the texts stay out of the project's output logs.
                    errors.append(f"  {path.name} {digest[:10]} gold={wanted[digest]} got={got}")
            missing = len(set(wanted) - hashes)
            unmatched += missing
            if missing:
                print(f"{path.name}: {missing} labelled sentence(s) not found in the text")
            pairs.extend(file_pairs)
            per_file.append((path.name, len(file_pairs), scores(file_pairs), sum(g != "none" for g, _ in file_pairs)))

    if not pairs:
        print("no labelled reports found in", ", ".join(argv))
        return 1
    precision, recall, f1 = scores(pairs)
    print(f"files {len(per_file)}  sentences {len(pairs)}  unmatched {unmatched}")
    print(f"directive-vs-not  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    both = [(g, p) for g, p in pairs if g != "none" and p != "none"]
    right = sum(1 for g, p in both if g == p)
    print(f"found directives in the right category: {right}/{len(both)} = {right / len(both) if both else 1:.3f}")
    print("\nconfusion (rows gold, columns predicted)")
    table = Counter(pairs)
    print(f"{'':>12}" + "".join(f"{k:>12}" for k in KINDS))
    for gold in KINDS:
        print(f"{gold:>12}" + "".join(f"{table[(gold, got)]:>12}" for got in KINDS))
    print("\nper file")
    for name, count, (p, r, f), gold_directives in per_file:
        print(f"  {name}  sentences {count:3d}  directives {gold_directives:3d}  P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    f1s = sorted(f for *_, (_, _, f), _ in per_file)
    print(f"  worst-file F1 {f1s[0]:.2f}, median-file F1 {f1s[len(f1s) // 2]:.2f}")
    if errors:
        print("\ndisagreements")
        print("\n".join(errors))
    print("\nnote: the rules were written while reading these files, so these are training")
    print("figures, not a held-out estimate; a hand-written rule set cannot be refitted per")
    print("fold, so no true leave-one-out exists. Expect unseen readouts to score lower.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
