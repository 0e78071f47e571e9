"""Series: the reports of one body and kind of meeting, ordered by date.

Two reports are of one series when their titles are the same once dates, numbers,
ordinals and filler words ("Minutes of the ... Meeting of") are set aside, or when the
user gave them the same series name (kept in the store, never in the report file).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from minutesreader.core.search import fold

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
# Words that vary between the titles of one series without naming another body.
_FILLER = "minutes of the a an for on in at and meeting meetings held"
_SET_ASIDE = frozenset(f"{_MONTHS} {_WEEKDAYS} {_ORDINALS} {_FILLER}".split())
_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"^\d+(?:st|nd|rd|th)?$")


def series_key(title: str) -> str:
    """What stays of a title once dates and numbers are set aside: "federal open market
    committee" for every set of FOMC minutes."""
    words = _WORD.findall(title.lower() if title.isascii() else fold(title))
    kept = [w for w in words if w not in _SET_ASIDE and not (w[0].isdigit() and _NUMBER.match(w))]
    return " ".join(kept) or " ".join(words)


@dataclass(frozen=True, slots=True)
class Member:
    report: str
    date: str | None
    title: str


class Series:
    """Every series of a library: build once per listing, ask for a report's neighbours."""

    def __init__(self, members: Iterable[Member], names: Mapping[str, str] | None = None) -> None:
        names = names or {}
        self._key: dict[str, str] = {}
        groups: dict[str, list[Member]] = {}
        for member in members:
            named = names.get(member.report)
            key = "name:" + fold(" ".join(named.split())) if named else series_key(member.title)
            self._key[member.report] = key
            groups.setdefault(key, []).append(member)
        self._groups = {key: sorted(group, key=_order) for key, group in groups.items()}

    def of(self, report: str) -> list[Member]:
        """The report's series, oldest first (undated reports last); [] if unknown."""
        key = self._key.get(report)
        return self._groups.get(key, []) if key is not None else []

    def neighbours(self, report: str) -> tuple[Member | None, Member | None]:
        """The previous and the next report of its series."""
        group = self.of(report)
        index = next((i for i, m in enumerate(group) if m.report == report), None)
        if index is None:
            return None, None
        previous = group[index - 1] if index > 0 else None
        following = group[index + 1] if index + 1 < len(group) else None
        return previous, following


def _order(member: Member) -> tuple[int, str, str]:
    return (member.date is None, member.date or "", member.report)
