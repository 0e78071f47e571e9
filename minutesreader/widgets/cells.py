"""Text measured in terminal cells: CJK characters take two, and Chinese wraps anywhere.

Rich wraps at spaces, and a run of Chinese has none: a paragraph that opens with a few
spaced words ("本报讯 (记者 王明)") and goes on unspaced is pushed whole onto the next
line, leaving the first one almost empty. Chinese text may break between any two
characters, except before closing punctuation (，。、）” never open a line) and inside
a Latin word or number (H7N9, 2024). Titles in columns are cut and padded by cells,
so rows line up whatever the script.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells, get_character_cell_size, set_cell_size
from rich.containers import Lines
from rich.text import Text

__all__ = ["fit_cells", "line_starts", "wrap_cjk"]

# Characters that may not open a line (kinsoku): closing punctuation of both widths.
_NO_LINE_START = frozenset("，。、；：？！…—）》」』】〕”’,.;:?!)]}%·")
_LATIN = re.compile(r"[A-Za-z0-9]")
# A word and the spaces after it, as Rich's word wrap sees one.
_WORD = re.compile(r"\s*\S+\s*")


def fit_cells(text: str, width: int) -> str:
    """`text` cut to `width` cells (with "…" where cut) and padded with spaces to exactly `width`."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1).rstrip() + "…"
    return set_cell_size(text, width)


def _breaks(line: str, width: int) -> list[int]:
    """Offsets in `line` where a new screen line starts."""
    breaks: list[int] = []
    used = 0
    start = 0
    for index, char in enumerate(line):
        size = get_character_cell_size(char)
        if used + size <= width or index == start:
            used += size
            continue
        cut = index
        # Never open a line with closing punctuation: carry the character before it down.
        while cut > start + 1 and line[cut] in _NO_LINE_START:
            cut -= 1
        # Never split a Latin word or a number: break before it where it has room.
        if _LATIN.match(line[cut]) and _LATIN.match(line[cut - 1]):
            word = cut
            while word > start and _LATIN.match(line[word - 1]):
                word -= 1
            if word > start:
                cut = word
        # A space at the break is dropped from view by starting after it.
        breaks.append(cut)
        start = cut
        used = cell_len(line[cut:index + 1])
    return breaks


def _word_breaks(line: str, width: int) -> list[int]:
    """Offsets in `line` where Text.wrap starts a new screen line: words kept whole, a
    word wider than the line folded. The rule of Rich's own (private) divide_line,
    restated here so the reader knows where every line starts without reaching into
    Rich's internals; a test holds the two together."""
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - used >= length:
            used += cell_len(word)
        elif length > width:
            pieces = chop_cells(word, width)
            for number, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if number == len(pieces) - 1:
                    used = cell_len(piece)
                else:
                    start += len(piece)
        elif used and start:
            breaks.append(start)
            used = cell_len(word)
    return breaks


def line_starts(text: str, width: int, chinese: bool = False) -> list[int]:
    """Where each screen line of `text` (which may hold kept line breaks) starts, as
    offsets into `text`, wrapped as Text.wrap (or, for Chinese, wrap_cjk) wraps it."""
    width = max(1, width)
    breaks_of = _breaks if chinese else _word_breaks
    starts: list[int] = []
    offset = 0
    for line in text.split("\n"):
        starts.append(offset)
        starts.extend(offset + cut for cut in breaks_of(line, width))
        offset += len(line) + 1
    return starts


def wrap_cjk(text: Text, width: int) -> Lines:
    """Text wrapped to `width` cells, breaking between characters as Chinese allows, styles kept."""
    width = max(1, width)
    lines = Lines()
    offset = 0
    for line in text.plain.split("\n"):
        piece = text[offset:offset + len(line)]
        offset += len(line) + 1
        cuts = _breaks(line, width)
        for part in piece.divide(cuts) if cuts else [piece]:
            part.rstrip()
            lines.append(part)
    return lines
