"""Label the sentences of a report for bench/eval_directives.py, without storing its text.

Usage:
    python bench/label_directives.py show REPORT.txt       numbered sentences, with the
                                                            classifier's current guess
    python bench/label_directives.py save REPORT.txt CODES  one code a sentence, in order:
                                                            o(bligation) c(all) t(ask) n(one)

`show` splits the report exactly as the reader does (core.reports, core.analysis), so
the numbers match what `save` hashes. Label by ../shared/docs/directives.md, not by the
guess. `save` writes bench/labels/<report>.csv: file, sentence index, paragraph, sha1 of
the whitespace-normalised sentence, label. The text itself is never written, so labels
of copyrighted reports can be committed; add the report to bench/labels/sets.csv with
its genre and split (dev: rules may be written while reading it; unseen, unseen2: never
read for rules, only scored; to label without seeing the classifier's guess, hide the
[x] column of `show`).
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutesreader.core.analysis import analyze_report  # noqa: E402
from minutesreader.core.directives import DirectiveClassifier  # noqa: E402
from minutesreader.core.reports import parse_report  # noqa: E402

LABELS = ROOT / "bench" / "labels"
CODES = {"o": "obligation", "c": "call", "t": "task", "n": "none"}


def sentence_hash(sentence: str) -> str:
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()


def sentences(path: Path) -> list[tuple[int, str, str]]:
    """(paragraph number, sentence, guessed label) in reading order."""
    report = parse_report(path.read_text(encoding="utf-8"), path.stem, path)
    classifier = DirectiveClassifier()
    found = []
    for number, sentences in enumerate(analyze_report(report, classifier), 1):
        for sentence in sentences:
            guess = sentence.directive.category if sentence.directive else "none"
            found.append((number, sentence.text, guess))
    return found


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("show", "save"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path = Path(argv[1])
    found = sentences(path)
    if argv[0] == "show":
        for index, (paragraph, text, guess) in enumerate(found):
            print(f"{index:3d} ¶{paragraph:<3d} [{guess[0]}] {' '.join(text.split())}")
        return 0
    codes = "".join(argv[2:]).replace(" ", "")
    if len(codes) != len(found) or set(codes) - set(CODES):
        print(f"{path.name}: {len(found)} sentences, {len(codes)} codes (use o c t n)", file=sys.stderr)
        return 2
    out = LABELS / (path.stem + ".csv")
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "index", "paragraph", "sha1", "label"])
        for index, ((paragraph, text, _), code) in enumerate(zip(found, codes)):
            writer.writerow([path.name, index, paragraph, sentence_hash(text), CODES[code]])
    print(f"wrote {out.relative_to(ROOT)}: {len(found)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
