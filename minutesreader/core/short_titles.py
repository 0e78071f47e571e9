"""Titles shortened to a width without losing what tells them apart.

Every FOMC row begins "Minutes of the Federal Open Market Committee": cut at the end,
at 80 columns they all read the same. So when a title does not fit, the part it shares
with another title (whole words) gives way first, and its own part is kept.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

ELLIPSIS = "…"
# A shared part shorter than this is not worth eliding ("The ", "Minutes of ").
MIN_SHARED = 12


class SharedOpenings:
    """For each title, the length of a whole-word opening it shares with other titles
    (0 if none), worked out when first asked: the list asks for the titles it draws,
    and at 50,000 titles working them all out held the screen a quarter of a second."""

    def __init__(self, titles: Iterable[str]) -> None:
        self._ordered = sorted(set(titles))
        self._memo: dict[str, int] = {}

    def get(self, title: str, default: int = 0) -> int:
        shared = self._memo.get(title)
        if shared is None:
            ordered = self._ordered
            index = bisect_left(ordered, title)
            shared = _shared_at(ordered, index) if index < len(ordered) and ordered[index] == title else 0
            self._memo[title] = shared
        return shared or default


def shared_prefixes(titles: Iterable[str]) -> dict[str, int]:
    """SharedOpenings worked out for every title, the titles sharing nothing left out."""
    openings = SharedOpenings(titles)
    return {title: shared for title in openings._ordered if (shared := openings.get(title))}


def _shared_at(ordered: list[str], index: int) -> int:
    title = ordered[index]
    # In sorted order the longest common opening with any title is with a neighbour.
    neighbours = ordered[max(0, index - 1):index] + ordered[index + 1:index + 2]
    # The shorter of the two: "…Committee June " is shared with one neighbour only,
    # and "June" is part of what tells this title from the other one.
    common = [n for n in (_common_words(title, other) for other in neighbours) if n >= MIN_SHARED]
    return min(common) if common else 0


def _common_words(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    if length == len(a) or length == len(b):
        return 0  # one title is the other's opening: nothing distinguishes it after
    # Back to the end of the last whole shared word.
    cut = a.rfind(" ", 0, length + 1)
    return cut + 1 if cut > 0 else 0


def shorten(title: str, width: int, shared: dict[str, int] | SharedOpenings) -> str:
    """The title in at most `width` characters: the shared opening elided first, then the end."""
    if len(title) <= width:
        return title
    common = shared.get(title, 0)
    if common:
        # Keep the title's first word, so the row still says what kind of report it is.
        first = title.split(" ", 1)[0]
        head = first + " " + ELLIPSIS + " " if len(first) + 3 < common else ELLIPSIS
        title = head + title[common:]
        if len(title) <= width:
            return title
    return title[: max(0, width - 1)] + ELLIPSIS
