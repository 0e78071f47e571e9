"""A highlight (or a note on some words) follows its words when the report changes."""

from __future__ import annotations

from minutesreader.core.span_anchoring import locate_span, span_context

REPORT = [
    "The municipal standing committee met on Monday.",
    "The meeting stressed that cadres must implement the housing plan without delay. "
    "It said the housing plan is the first task of the year.",
    "Departments should report progress on the river clean-up every quarter.",
    "The meeting called for greater efforts to stabilise employment.",
]


def span_of(paragraphs: list[str], number: int, words: str, nth: int = 0) -> tuple[int, int, str, str, str]:
    text = paragraphs[number - 1]
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    prefix, suffix = span_context(text, start, start + len(words))
    return number, start, words, prefix, suffix


def words_at(paragraphs: list[str], place) -> str:
    return paragraphs[place.paragraph - 1][place.start:place.end]


def test_unchanged_report_keeps_the_span_where_it_was() -> None:
    place = locate_span(*span_of(REPORT, 2, "the housing plan", nth=1), REPORT)
    assert (place.paragraph, place.method) == (2, "exact")
    assert place.start == REPORT[1].index("the housing plan is")


def test_paragraph_inserted_above_moves_the_span_and_keeps_its_words() -> None:
    changed = ["A new opening paragraph."] + REPORT
    place = locate_span(*span_of(REPORT, 3, "river clean-up"), changed)
    assert (place.paragraph, place.method) == (4, "exact") and words_at(changed, place) == "river clean-up"


def test_the_same_words_twice_are_told_apart_by_what_surrounds_them() -> None:
    changed = list(REPORT)
    changed[1] = "Opening words were added here. " + changed[1]
    second = locate_span(*span_of(REPORT, 2, "the housing plan", nth=1), changed)
    assert second.start == changed[1].index("the housing plan is")
    first = locate_span(*span_of(REPORT, 2, "the housing plan", nth=0), changed)
    assert first.start == changed[1].index("the housing plan without")


def test_a_line_break_inside_the_words_still_finds_them() -> None:
    changed = list(REPORT)
    changed[3] = changed[3].replace("greater efforts", "greater\nefforts")
    place = locate_span(*span_of(REPORT, 4, "greater efforts to stabilise"), changed)
    assert (place.paragraph, place.method) == (4, "exact") and words_at(changed, place) == "greater\nefforts to stabilise"


def test_an_edit_inside_the_span_is_found_between_the_same_words() -> None:
    changed = list(REPORT)
    changed[2] = changed[2].replace("report progress on the river", "report their progress on the river")
    place = locate_span(*span_of(REPORT, 3, "report progress on the river"), changed)
    assert (place.paragraph, place.method) == (3, "context")
    assert words_at(changed, place) == "report their progress on the river"


def test_an_edited_span_that_moved_elsewhere_is_found_by_similarity() -> None:
    moved = "Departments should report progres on the river clean-up each quarter, it was said."
    changed = [REPORT[0], REPORT[1], REPORT[3], moved]
    place = locate_span(*span_of(REPORT, 3, "report progress on the river clean-up"), changed)
    assert (place.paragraph, place.method) == (4, "fuzzy")
    assert words_at(changed, place) == "report progres on the river clean-up"


def test_words_gone_from_the_report_make_an_orphan() -> None:
    changed = REPORT[:2] + REPORT[3:]
    place = locate_span(*span_of(REPORT, 3, "river clean-up every quarter"), changed)
    assert (place.paragraph, place.method) == (None, "orphan")


def test_two_equally_good_edited_places_make_an_orphan_not_a_guess() -> None:
    changed = ["They must report progres on the river now.", "They must report progres on the river now."]
    place = locate_span(2, 0, "report progress on the river", "They must", "now.", ["x"] + changed[:1] + changed)
    assert place.paragraph is None
