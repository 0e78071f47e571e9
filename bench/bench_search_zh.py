"""Chinese search: bigram index (what minutesreader does) against word segmentation (jieba).

    python bench/bench_search_zh.py LIBRARY_FOLDER [--words 40]

For every paragraph of the library holding Chinese, times what each approach costs to
prepare the text for the index, and measures recall: for words of two to four
characters (as jieba itself cuts them from the text), the share of the paragraphs containing the word that
each index would find. A bigram phrase matches wherever the characters occur, so its
recall is 1 by construction (checked here all the same); a segmenting index finds a
word only where the segmenter cut it out as a token of its own. Query speed against
the real index is bench/bench_search.py's (give it Chinese queries with --query).

jieba is not a dependency of minutesreader; this script uses it when it is installed
(pip install jieba, or PYTHONPATH pointing at a copy) and says so when it is not.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minutesreader.core.language import CJK_CHAR  # noqa: E402
from minutesreader.core.library import ReportUnreadable, read_report  # noqa: E402
from minutesreader.core.search import match_spans  # noqa: E402
from minutesreader.core.search_cjk import has_cjk, index_grams  # noqa: E402

RUN = re.compile(f"[{CJK_CHAR}]{{2,}}")


def chinese_paragraphs(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*.txt")):
        try:
            report = read_report(path)
        except ReportUnreadable:
            continue
        texts.extend(p.text for p in report.paragraphs if has_cjk(p.text))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--words", type=int, default=40, help="how many query words to sample")
    args = parser.parse_args()
    paragraphs = chinese_paragraphs(args.library)
    characters = sum(len(text) for text in paragraphs)
    print(f"{len(paragraphs)} paragraphs with Chinese, {characters / 1e6:.1f} M characters")

    start = time.perf_counter()
    grams = [index_grams(text) for text in paragraphs]
    print(f"bigrams: {time.perf_counter() - start:.2f} s to prepare, {sum(len(g) for g in grams) / 1e6:.1f} M characters kept")

    try:
        import jieba  # type: ignore[import-not-found]
    except ImportError:
        print("jieba is not installed: no segmentation figures (pip install jieba)")
        return 0
    jieba.setLogLevel(60)
    start = time.perf_counter()
    jieba.initialize()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    tokens = [set(jieba.lcut_for_search(text)) for text in paragraphs]
    print(f"jieba (search mode): {loaded:.2f} s to load its dictionary (every process that "
          f"searches), {time.perf_counter() - start:.2f} s to segment")

    # Query words are real words, as jieba itself cuts them (fair to jieba): 2-4 ideographs.
    rng = random.Random(7)
    unique = sorted(set(paragraphs))
    candidates = {
        word for text in rng.sample(unique, min(len(unique), 400))
        for word in jieba.lcut(text) if 2 <= len(word) <= 4 and RUN.fullmatch(word)
    }
    words = rng.sample(sorted(candidates), min(args.words, len(candidates)))
    found_bigram = found_jieba = total = 0
    for word in words:
        holding = [i for i, text in enumerate(paragraphs) if word in text]
        total += len(holding)
        found_bigram += sum(1 for i in holding if match_spans(word, paragraphs[i]))
        found_jieba += sum(1 for i in holding if word in tokens[i])
    print(f"{len(words)} query words of 2-4 characters from the text, {total} paragraphs holding them:")
    print(f"  recall  bigram {found_bigram / total:.3f}   jieba {found_jieba / total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
