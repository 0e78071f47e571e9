"""Build a career-sized library and store for the benchmarks, from real paragraphs.

    python bench/build_library.py DIR [--reports 10000] [--annotations 100000]

DIR/library   N report files: ` date YYYY-MM-DD ` stamp, then paragraphs shuffled from the
              readouts in ../shared (reports/ and corpus/), lengths drawn from a log-normal
              (median ~450 words, 120-4,000); one in 200 is a long unparagraphed FOMC-style
              file (one line of 4,000-9,500 words), and the real FOMC minutes are copied
              verbatim (fomc-048 is the 9,285-word one the reader benchmark opens).
DIR/store     the annotation store: notes (70%) and tags (30%) spread ~evenly over the
              reports, each quoting a real paragraph of its report, written in the store's
              own shard format (saving 100,000 notes one by one would take hours).
DIR/small     the first 10 reports, and DIR/small-store with their annotations: the
              baseline "same app, 10 reports".

    python bench/build_library.py DIR --reports 100000 --grow BUILT

grows a library already built (BUILT, e.g. the 50,000 one) to N reports in DIR: its
files hard-linked (the app never writes a report), its store copied, and new reports
made the same way up to N, without annotations (issue 16's 100,000-report row: making
100,000 from nothing, with their notes, takes most of an hour here).

The generated text is built from copyrighted readouts: never commit it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import build_store  # noqa: E402

from minutesreader.core.reports import DATE_STAMP, parse_report  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
TAGS = ["housing", "deadline", "party", "fiscal", "energy", "safety", "jobs", "rural", "audit", "inflation",
        "rates", "exports", "follow-up", "quote", "pledge", "budget", "environment", "education", "health", "land"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def source_texts() -> tuple[list[str], list[str], list[str], list[Path]]:
    """(opening paragraphs, other paragraphs, FOMC sentences, FOMC files) from ../shared."""
    openings, paragraphs, sentences, fomc = [], [], [], []
    for path in sorted(SHARED.glob("reports/*.txt")) + sorted(SHARED.glob("corpus/*/*.txt")):
        text = path.read_text("utf-8", errors="replace")
        text = DATE_STAMP.sub("", text, count=1)
        blocks = [" ".join(b.split()) for b in text.split("\n\n") if b.strip()]
        if len(blocks) == 1 and len(blocks[0].split()) > 2000:
            fomc.append(path)
            sentences += [s for s in SENTENCE_END.split(blocks[0]) if len(s.split()) > 3]
            continue
        openings.append(blocks[0])
        paragraphs += blocks[1:]
    # FOMC prose cut at sentence ends into paragraph-sized runs, for variety of vocabulary.
    run: list[str] = []
    for sentence in sentences:
        run.append(sentence)
        if sum(len(s.split()) for s in run) > 90:
            paragraphs.append(" ".join(run))
            run = []
    return openings, paragraphs, sentences, fomc


def report_text(rng: random.Random, openings: list[str], paragraphs: list[str], sentences: list[str], long: bool) -> str:
    date = f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if long:
        target = rng.randint(4000, 9500)
        start = rng.randrange(len(sentences))
        words, body = 0, []
        while words < target:
            sentence = sentences[(start + len(body)) % len(sentences)]
            body.append(sentence)
            words += len(sentence.split())
        return f" date {date} " + " ".join(body) + "\n"
    target = min(4000, max(120, int(rng.lognormvariate(6.1, 0.6))))
    chosen = [rng.choice(openings) if rng.random() < 0.7 else rng.choice(paragraphs)]
    words = len(chosen[0].split())
    while words < target:
        paragraph = rng.choice(paragraphs)
        chosen.append(paragraph)
        words += len(paragraph.split())
    return f" date {date} " + "\n\n".join(chosen) + "\n"


def annotation_docs(report_id: str, paragraphs: list[str], count: int, rng: random.Random, serial: int) -> list[dict]:
    docs = []
    for n in range(count):
        index = rng.randrange(len(paragraphs))
        base = {
            "report": report_id, "paragraph": index + 1, "quote": paragraphs[index],
            "prefix": paragraphs[index - 1][-64:] if index else "",
            "suffix": paragraphs[index + 1][:64] if index + 1 < len(paragraphs) else "",
            "created": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T09:00:00.000+00:00", "orphaned": False,
        }
        if (serial + n) % 10 < 7:
            tags = [rng.choice(TAGS)] if rng.random() < 0.3 else []
            docs.append({"kind": "notes", **base, "text": f"Note {serial + n}: follow this up with the district office.",
                         "tags": tags, "updated": base["created"]})
        else:
            docs.append({"kind": "tags", **base, "tag": rng.choice(TAGS)})
    return docs


def build(root: Path, reports: int = 10_000, annotations: int = 100_000, seed: int = 7) -> None:
    rng = random.Random(seed)
    openings, paragraphs, sentences, fomc = source_texts()
    library = root / "library"
    for folder in (library, root / "store", root / "small", root / "small-store"):
        shutil.rmtree(folder, ignore_errors=True)
    library.mkdir(parents=True)
    (root / "small").mkdir()
    files: list[Path] = []
    for path in fomc:
        target = library / f"fomc-{path.name[:3]}.txt"
        shutil.copy(path, target)
        files.append(target)
    while len(files) < reports:
        n = len(files)
        text = report_text(rng, openings, paragraphs, sentences, long=n % 200 == 0)
        name = f"r{n:05d}_{hashlib.sha1(text.encode()).hexdigest()[:12]}.txt"
        (library / name).write_text(text, "utf-8")
        files.append(library / name)
    per_report = annotations / len(files)
    docs: list[dict] = []
    small_docs: list[dict] = []
    small = sorted(files)[:10]
    for position, path in enumerate(files):
        count = int(per_report * (position + 1)) - int(per_report * position)
        report = parse_report(path.read_text("utf-8"), path.stem, path)
        texts = [p.text for p in report.paragraphs]
        made = annotation_docs(path.stem, texts, count, rng, len(docs))
        docs += made
        if path in small:
            shutil.copy(path, root / "small" / path.name)
            small_docs += made
    build_store(root / "store", docs)
    build_store(root / "small-store", small_docs)
    size = sum(p.stat().st_size for p in files)
    print(f"built {len(files):,} reports ({size / 1e6:.0f} MB) and {len(docs):,} annotations in {root}")


def grow(root: Path, built: Path, reports: int, seed: int = 16) -> None:
    rng = random.Random(seed)
    openings, paragraphs, sentences, _ = source_texts()
    library = root / "library"
    for folder in (library, root / "store"):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(built / "library", library, copy_function=os.link)
    shutil.copytree(built / "store", root / "store", ignore=shutil.ignore_patterns("index", "counts.json"))
    count = sum(1 for _ in os.scandir(library))
    for n in range(count, reports):
        text = report_text(rng, openings, paragraphs, sentences, long=n % 200 == 0)
        (library / f"g{n:06d}_{hashlib.sha1(text.encode()).hexdigest()[:12]}.txt").write_text(text, "utf-8")
    print(f"grew {built / 'library'} ({count:,} reports) to {max(count, reports):,} in {library}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--grow", type=Path, metavar="BUILT", help="grow a library built before to --reports")
    args = parser.parse_args()
    if args.grow:
        grow(args.dir, args.grow, args.reports)
    else:
        build(args.dir, args.reports, args.annotations)


if __name__ == "__main__":
    main()
