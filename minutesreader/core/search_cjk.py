"""Searching Chinese (and Japanese) text, written without spaces between words.

SQLite's unicode61 tokenizer makes a whole run of ideographs one token ("会议强调要加快"),
so a word inside it cannot be found; the trigram tokenizer misses two-character words,
the commonest kind. The index therefore keeps, beside each paragraph, its ideograph runs
as overlapping pairs (bigrams): 加快推进 becomes 加快 快推 推进. A query word of two or
more characters becomes the phrase of its pairs ("加快推进" -> "加快 快推 推进"), which
matches exactly where the word occurs. Segmentation (jieba) was measured against this
and rejected: it finds a word only where the segmenter cut the text the same way, so
"推进" would be missed inside 统筹推进 when that is one segment (README, "Search").

Matching and highlighting (core.search) treat each ideograph as a word of its own and
require the characters of a query word to be adjacent, so they agree with the index.
"""

from __future__ import annotations

from minutesreader.core.language import CJK_CHAR, has_cjk
from minutesreader.core.pattern_cache import PATTERNS

__all__ = ["has_cjk", "index_grams", "is_cjk_word", "term_expression"]

_RUN = PATTERNS.compile(f"[{CJK_CHAR}]+")
_ANY = PATTERNS.compile(f"[{CJK_CHAR}]")


def is_cjk_word(word: str) -> bool:
    """A word of one ideograph or kana, as core.search splits Chinese text."""
    return len(word) == 1 and _ANY.match(word) is not None


def _pairs(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(run[i:i + 2] for i in range(len(run) - 1))


def index_grams(text: str) -> str:
    """What the index keeps of text with ideographs: each run as its bigrams, the rest as is.

    Empty for text without ideographs (English paragraphs cost the index nothing more)."""
    if not has_cjk(text):
        return ""
    return _RUN.sub(lambda run: f" {_pairs(run.group())} ", text)


def term_expression(words: tuple[str, ...], prefix: bool) -> str:
    """One term of a query, as FTS5 syntax over the bigram column: quoted, never syntax.

    Runs of single ideographs become their bigrams; other words stay as they are. A lone
    ideograph can only be looked for as the start of a pair (a prefix query)."""
    tokens: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            tokens.extend(_pairs("".join(run)).split())
            run.clear()

    for word in words:
        if is_cjk_word(word):
            run.append(word)
        else:
            close_run()
            tokens.append(word)
    lone = len(run) == 1 and len(words) == 1
    close_run()
    phrase = '"' + " ".join(tokens).replace('"', '""') + '"'
    return phrase + (" *" if prefix or lone else "")
