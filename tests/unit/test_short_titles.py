"""Library titles shortened without losing what tells them apart (defect 19)."""

from __future__ import annotations

from minutesreader.core.short_titles import shared_prefixes, shorten

FOMC = [
    "Minutes of the Federal Open Market Committee June 13–14, 2023",
    "Minutes of the Federal Open Market Committee April 28–29, 2020",
    "Minutes of the Federal Open Market Committee December 15-16, 2015",
    "Party group of the municipal government: enlarged meeting",
]


def test_the_shared_opening_gives_way_first():
    shared = shared_prefixes(FOMC)
    shortened = [shorten(title, 40, shared) for title in FOMC]
    assert shortened[0] == "Minutes … June 13–14, 2023"
    assert len(set(shortened)) == len(FOMC)  # every row still distinguishable
    assert shortened[3] == "Party group of the municipal government…"  # nothing shared: cut at the end
    assert all(len(s) <= 40 for s in shortened)


def test_titles_that_fit_are_left_alone():
    shared = shared_prefixes(FOMC)
    assert [shorten(title, 80, shared) for title in FOMC] == FOMC


def test_very_narrow_still_fits():
    shared = shared_prefixes(FOMC)
    assert all(len(shorten(title, 12, shared)) <= 12 for title in FOMC)
