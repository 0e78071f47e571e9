"""Which language a report is written in, and what the reader can do with it.

A library mixes English readouts with Chinese originals, and now and then a report in
another script turns up (Japanese, Korean, Russian). Each report is read with the rules
of its own language: sentences end at 。 in Chinese, directives are found by Chinese
triggers. For a language without directive rules the reader says so, rather than
showing zero directives as if the report had none.

Detection counts the letters of each script in the sentences of the text's opening: cheap (a few
microseconds a report) and reliable for whole reports, which is all it is asked.
"""

from __future__ import annotations

import re

from minutesreader.core.pattern_cache import PATTERNS

__all__ = ["CJK_CHAR", "LANGUAGE_NAMES", "detect_language", "has_cjk", "has_directive_rules", "paragraph_language"]

# Languages with directive rules; any other detected language is read and shown, and the
# header says it has no rules.
RULED = frozenset({"en", "zh"})
LANGUAGE_NAMES = {
    "en": "English",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "ru": "Cyrillic script",
    "other": "another language",
}

# Han ideographs (with extension A and compatibility), and Japanese kana: scripts written
# without spaces between words.
CJK_CHAR = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"
_HAN = PATTERNS.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = PATTERNS.compile(r"[\u3040-\u30ff]")
_CJK_ANY = PATTERNS.compile(f"[{CJK_CHAR}]")
_HANGUL = PATTERNS.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_CYRILLIC = PATTERNS.compile(r"[\u0400-\u04ff]")
_LATIN = PATTERNS.compile(r"[A-Za-z\u00c0-\u024f]")
# Words of English that every English paragraph has; a Latin-script report with almost
# none of them is in another language.
_ENGLISH = PATTERNS.compile(r"\b(?:the|of|and|to|in|is|was|that|for|on|with|by|as|be|are|will)\b", re.IGNORECASE)
_WORDS = PATTERNS.compile(r"[A-Za-z]+")
_LETTER = PATTERNS.compile(r"[^\W\d_]")

SAMPLE_CHARS = 4000
# A sentence: a stretch of one line that ends as sentences end. A title or a heading has
# no full stop: a long one (a title line repeated 40 times) outvoted a one-sentence body.
_SENTENCE = PATTERNS.compile(r"[^\n.!?。！？]+[.!?。！？]")


def detect_language(text: str) -> str:
    """"en", "zh", "ja", "ko", "ru" or "other", by the letters of the sentences of the
    text's opening (of the whole opening if it has no sentence with a letter)."""
    sample = text[:SAMPLE_CHARS]
    sentences = "\n".join(_SENTENCE.findall(sample))
    if _LETTER.search(sentences):
        sample = sentences
    han = len(_HAN.findall(sample))
    kana = len(_KANA.findall(sample))
    hangul = len(_HANGUL.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    # A Latin letter is worth about a fifth of an ideograph: a Chinese text quoting
    # "GDP" or "H7N9" stays Chinese, an English one quoting 十四五 stays English.
    scores = {"cjk": (han + kana) * 5, "ko": hangul * 3, "ru": cyrillic, "latin": latin}
    best = max(scores, key=lambda key: scores[key])
    if scores[best] == 0:
        return "en"  # digits and punctuation only: nothing to tell, read as English
    if best == "cjk":
        # Japanese mixes kana with kanji; Chinese has none (a stray ー or ・ aside).
        return "ja" if kana > max(3, (han + kana) // 10) else "zh"
    if best == "latin":
        words = _WORDS.findall(sample)
        if len(words) >= 30 and len(_ENGLISH.findall(sample)) < len(words) * 0.03:
            return "other"
        return "en"
    return best


def has_directive_rules(language: str) -> bool:
    return language in RULED


def has_cjk(text: str) -> bool:
    """Whether text holds any ideograph or kana."""
    return _CJK_ANY.search(text) is not None


def paragraph_language(text: str, report_language: str) -> str:
    """The report's language, unless the paragraph is plainly in the other ruled one (an
    English report quoting a Chinese paragraph, or the reverse)."""
    if report_language == "en" and has_cjk(text) or report_language == "zh" and not has_cjk(text):
        return detect_language(text)
    return report_language

