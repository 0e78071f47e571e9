"""Splitting Chinese paragraph text into sentences.

A Chinese sentence ends at 。！？ (or their ASCII and half-width forms: pages stored
NFKC-normalised turn ！？ into ! ?), with any closing quotes or brackets after the stop
kept with it (“……要加快。”). Never at ； or a comma: readouts join the items of one list
under a single 要 with ；, and the list is one sentence.

A dateline or byline that opens a paragraph (新华社北京1月30日电, 本报讯(记者 X)：) stays
in the first sentence, as the definition's unit has it; DATELINE lets the title and the
directive rules look past it.
"""

from __future__ import annotations

from minutesreader.core.pattern_cache import PATTERNS
from minutesreader.core.sentences import spans_between

__all__ = ["DATELINE", "split_chinese_sentences", "split_long_chinese_paragraph"]

_END = PATTERNS.compile(r"[。！？!?｡]+[”’\"'」』）)】〕]*")
_LINE_BREAK = PATTERNS.compile(r"\n")
# Datelines and bylines at the head of a paragraph, as agencies and papers write them.
# Full-width and ASCII brackets and colons alike.
_OPEN = r"[（(]"
_CLOSE = r"[）)]"
DATELINE = PATTERNS.compile(
    r"^\s*(?:"
    # 新华社北京1月30日电 / 据新华社北京6月1日电 / 新华社记者 X 摄 is not here (photo credits stay)
    r"据?(?:新华社|中新社|人民网|央视网|中国新闻网|新华网)[^\s，。,:：]{0,12}?\d{1,2}月\d{1,2}日电(?:\s*" + _OPEN + r"[^）)]{1,40}" + _CLOSE + r")?"
    # 央视网消息（新闻联播）： / 中国菏泽网消息(记者 边兆聚) / 羊城晚报讯 / 本报讯 (记者 孙鹏)
    r"|[^\s，。,:：（()）]{1,16}?(?:消息|讯)\s*(?:" + _OPEN + r"[^）)]{1,40}" + _CLOSE + r")?\s*[：:]?"
    r")\s*"
)


def split_chinese_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of Chinese `text`, in order, without surrounding space."""
    cuts: set[int] = {len(text)}
    for found in _END.finditer(text):
        cuts.add(found.end())
    for found in _LINE_BREAK.finditer(text):  # a line break kept by paragraph parsing is a real one
        cuts.add(found.start())

    return spans_between(text, cuts)


# A Chinese paragraph over SPLIT_ABOVE_CHARS (scraped text with no paragraph breaks) is
# cut at sentence ends into display paragraphs of about PIECE_CHARS, as English ones are
# by words: real readout paragraphs stay well under it, so their numbers stay as published.
SPLIT_ABOVE_CHARS = 1500
PIECE_CHARS = 600


def split_long_chinese_paragraph(text: str) -> list[str]:
    """Pieces of a long Chinese paragraph, cut at sentence ends; a sentence longer than
    SPLIT_ABOVE_CHARS (a roster, a page with no full stop) is cut every PIECE_CHARS."""
    if len(text) <= SPLIT_ABOVE_CHARS:
        return [text]
    spans: list[tuple[int, int]] = []
    for start, end in split_chinese_sentences(text):
        while end - start > SPLIT_ABOVE_CHARS:
            spans.append((start, start + PIECE_CHARS))
            start += PIECE_CHARS
        spans.append((start, end))
    pieces: list[str] = []
    piece_start, last_end = 0, 0
    for start, end in spans:
        if last_end > piece_start and end - piece_start > PIECE_CHARS:
            pieces.append(text[piece_start:last_end].strip())
            piece_start = start
        last_end = end
    tail = text[piece_start:].strip()
    if tail:
        pieces.append(tail)
    return [piece for piece in pieces if piece]
