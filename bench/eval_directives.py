"""Score the directive classifier against the hand labels in bench/labels/, per genre.

Usage: python bench/eval_directives.py [--private DIR] [--corpus DIR] [--errors]
       python bench/eval_directives.py --zh TEXT_DIR   (Chinese: bench/eval_directives_zh.py)

bench/labels/sets.csv lists every labelled report: its genre, its split and where its
text is. The labels hold no text: one CSV per report with the sentence index, the sha1
of the whitespace-normalised sentence and the label (bench/label_directives.py writes
them). Texts are read from `library/` (the model readout), `../shared/corpus/` (the
copyrighted readouts), `bench/texts/` (US public-domain and UK Open Government Licence
texts, committed; see bench/texts/SOURCES.md) and a private folder (other copyrighted
texts, never committed: `bench/private/` or --private). Reports whose text is missing
are listed and left out. Each report is parsed and split as the reader does
(core.reports, core.analysis); headline paragraphs count as predicted "none".

Splits: "dev" reports were read while the rules were written; "unseen" to "unseen10"
reports were labelled but never read for rules, so their figures estimate what new
reports will get (unseen2 came later, after rules had been tuned while watching the
unseen figures; unseen3 later still; unseen4, readouts of Chinese meetings labelled in
the fourth round before the classifier ran on them; unseen5, minutes and open-source
notes, and unseen6, readouts, both of the fifth round and labelled likewise; unseen7,
readouts, and unseen8, minutes and central-bank minutes, both of the sixth round and
labelled likewise; unseen9, UN and European Council statements, communiqués, central-bank
minutes and accounts and council minutes, and unseen10, readouts, both of the seventh round
and labelled likewise; unseen11, readouts of the eighth round (local machine translations,
CPPCC, NPC and Politburo readouts), labelled likewise; unseen12, council, committee,
residents' association and AGM minutes of the ninth round, labelled likewise, latest).
--errors lists the disagreements of dev reports only, with their text, for work on the
rules; unseen reports only ever give counts.
--learned on|off scores the classifier with or without the learned second opinion on the
rules (core/directive_model.py; default: as core.directives.USE_LEARNED_MODEL says);
--compare scores both in one run and prints F1 side by side, per split and genre.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutesreader.core.analysis import analyze_report  # noqa: E402
from minutesreader.core.directives import CATEGORIES, DirectiveClassifier  # noqa: E402
from minutesreader.core.reports import parse_report  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from label_directives import sentence_hash  # noqa: E402

LABELS = ROOT / "bench" / "labels"
KINDS = (*CATEGORIES, "none")
# unseen2 was labelled after the rules had been tuned against the figures of unseen, so it
# is the fresher estimate, and unseen3 (open-source and board minutes, labelled before the
# classifier ran on them) fresher still, then unseen4 (readouts, likewise) and the fifth
# round's unseen5 (minutes and open-source notes) and unseen6 (readouts), and the sixth round's
# unseen7 (readouts) and unseen8 (minutes and central-bank minutes), and the seventh round's
# unseen9 (statements, communiqués, central-bank points and council minutes) and unseen10
# (readouts), and the eighth round's unseen11 (readouts), and the ninth round's unseen12
# (minutes), labelled before the classifier ran on them; all are reported, none is read for rules.
SPLITS = ("dev", "unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8", "unseen9",
          "unseen10", "unseen11", "unseen12")
Pair = tuple[str, str]  # (gold, predicted)


def load_labels() -> dict[str, dict[str, str]]:
    by_file: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted(LABELS.glob("*.csv")):
        if path.name == "sets.csv":
            continue
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                by_file[row["file"]][row["sha1"]] = row["label"]
    return by_file


def load_sets() -> list[dict[str, str]]:
    with (LABELS / "sets.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def find_text(name: str, where: str, folders: dict[str, list[Path]]) -> Path | None:
    for folder in folders[where]:
        for path in (folder / name, *folder.glob(f"*/{name}")):
            if path.is_file():
                return path
    return None


def predictions(path: Path, classifier: DirectiveClassifier) -> list[tuple[str, str, str]]:
    """(hash, predicted label, sentence) for every sentence of the report."""
    report = parse_report(path.read_text(encoding="utf-8"), path.stem, path)
    found = []
    for sentences in analyze_report(report, classifier):
        for sentence in sentences:
            directive = sentence.directive
            found.append((sentence_hash(sentence.text), directive.category if directive else "none", sentence.text))
    return found


def scores(pairs: list[Pair]) -> tuple[float, float, float, float, int]:
    """Precision, recall, F1 of directive-vs-not; category accuracy of found directives; gold directives."""
    tp = sum(1 for gold, got in pairs if gold != "none" and got != "none")
    fp = sum(1 for gold, got in pairs if gold == "none" and got != "none")
    fn = sum(1 for gold, got in pairs if gold != "none" and got == "none")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    right = sum(1 for gold, got in pairs if gold != "none" and gold == got)
    return precision, recall, f1, right / tp if tp else 1.0, tp + fn


def line(name: str, files: int, pairs: list[Pair]) -> str:
    p, r, f, category, gold = scores(pairs)
    return (f"  {name:<24} {files:>5} {len(pairs):>9} {gold:>10}   "
            f"{p:.3f}  {r:.3f}  {f:.3f}   {category:.3f}")


Evaluation = tuple[dict[tuple[str, str], list[Pair]], Counter[tuple[str, str]], list[str], list[str], int]


def evaluate(folders: dict[str, list[Path]], classifier: DirectiveClassifier) -> Evaluation:
    """(gold, predicted) pairs per (genre, split), reports per (genre, split), reports
    whose text is missing, dev disagreements, sentences unmatched by hash."""
    labels = load_labels()
    groups: dict[tuple[str, str], list[Pair]] = defaultdict(list)
    files: Counter[tuple[str, str]] = Counter()
    missing: list[str] = []
    errors: list[str] = []
    unmatched = 0
    for entry in load_sets():
        name, genre, split = entry["file"], entry["genre"], entry["split"]
        path = find_text(name, entry["text"], folders)
        if path is None:
            missing.append(name)
            continue
        wanted = labels[name]
        seen = set()
        for digest, got, text in predictions(path, classifier):
            seen.add(digest)
            gold = wanted.get(digest)
            if gold is None:
                unmatched += 1
                continue
            groups[(genre, split)].append((gold, got))
            if gold != got and split == "dev":
                errors.append(f"  {name} gold={gold} got={got}: {' '.join(text.split())[:300]}")
        unmatched += len(set(wanted) - seen)
        files[(genre, split)] += 1
    return groups, files, missing, errors, unmatched


def compare(folders: dict[str, list[Path]]) -> int:
    """F1 per split and genre by the rules alone and with the learned model."""
    rules_only = evaluate(folders, DirectiveClassifier(learned=False))[0]
    learned = evaluate(folders, DirectiveClassifier(learned=True))[0]
    print(f"{'':26}{'sentences':>9}   F1 rules  F1 learned  change   category rules  learned")
    for split in SPLITS:
        print(split)
        genres = sorted({g for g, s in rules_only if s == split}, key=lambda g: (g != "readouts", g))
        rows = [(genre, [(genre, split)]) for genre in genres]
        if any(genre != "readouts" for genre in genres):
            rows.append(("all other genres", [(g, split) for g in genres if g != "readouts"]))
        for name, keys in rows:
            before = scores([pair for key in keys for pair in rules_only[key]])
            after = scores([pair for key in keys for pair in learned[key]])
            count = sum(len(rules_only[key]) for key in keys)
            print(f"  {name:<24}{count:>9}   {before[2]:.3f}     {after[2]:.3f}      {after[2] - before[2]:+.3f}"
                  f"            {before[3]:.3f}    {after[3]:.3f}")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--zh":
        from eval_directives_zh import main_chinese

        return main_chinese(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--private", default=str(ROOT / "bench" / "private"))
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--errors", action="store_true", help="list disagreements of dev reports")
    parser.add_argument("--learned", choices=("on", "off"), help="with or without the learned model")
    parser.add_argument("--compare", action="store_true", help="F1 without and with the learned model")
    args = parser.parse_args(argv)
    folders = {
        "library": [ROOT / "library"],
        "corpus": [Path(args.corpus)],
        "bench/texts": [ROOT / "bench" / "texts"],
        "private": [Path(args.private)],
    }
    if args.compare:
        return compare(folders)
    learned = None if args.learned is None else args.learned == "on"
    groups, files, missing, errors, unmatched = evaluate(folders, DirectiveClassifier(learned=learned))

    print(f"{'':26}{'files':>5} {'sentences':>9} {'directives':>10}   P      R      F1      category")
    for split in SPLITS:
        print(split)
        genres = sorted({g for g, s in groups if s == split}, key=lambda g: (g != "readouts", g))
        for genre in genres:
            print(line(genre, files[(genre, split)], groups[(genre, split)]))
        others = [pair for (g, s), pairs in groups.items() if s == split and g != "readouts" for pair in pairs]
        if others:
            count = sum(n for (g, s), n in files.items() if s == split and g != "readouts")
            print(line("all other genres", count, others))
    if unmatched:
        print(f"\n{unmatched} sentence(s) and labels did not match by hash (the splitter changed since labelling)")
    if missing:
        print(f"\ntext not found, left out: {', '.join(missing)}")
    everything = [pair for pairs in groups.values() for pair in pairs]
    table = Counter(everything)
    print("\nconfusion, all splits (rows gold, columns predicted)")
    print(f"{'':>12}" + "".join(f"{k:>12}" for k in KINDS))
    for gold in KINDS:
        print(f"{gold:>12}" + "".join(f"{table[(gold, got)]:>12}" for got in KINDS))
    if args.errors and errors:
        print("\ndev disagreements")
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
