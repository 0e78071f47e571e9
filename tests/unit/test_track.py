"""Tracking a phrase: exact counts, first sentence, order by date, periods; series by title."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutesreader.core.library import read_report
from minutesreader.core.series import Member, Series, series_key
from minutesreader.core.track import (
    by_period,
    count_in,
    first_offset,
    how_many,
    occurrences,
    parse_phrase,
    track,
    with_sentences,
)
from minutesreader.storage.search_index import SearchIndex
from minutesreader.storage.store import Store

WORDS = ["high", "quality", "development", "stabilise", "growth", "the", "Développement", "HIGH", "équipe", "İnflation"]
SEPARATORS = [" ", "-", "\n", ", ", " — ", ". ", "  ", "_", "'"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40),
       phrase=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
def test_the_fast_count_agrees_with_counting_word_by_word(text, phrase):
    body = "".join(word + sep for word, sep in text)
    wanted = parse_phrase(" ".join(phrase))
    starts = count_in(wanted, body)
    assert how_many(wanted, body) == len(starts)
    assert first_offset(wanted, body) == (starts[0] if starts else 0)


def test_phrase_ignores_case_line_breaks_and_punctuation_inside():
    phrase = parse_phrase("High-quality development")
    text = "We pursue high quality\ndevelopment. HIGH-QUALITY, development! Not highquality development."
    assert len(count_in(phrase, text)) == 2
    assert how_many(phrase, text) == 2
    assert parse_phrase(" ... ") is None


def test_unspaced_scripts_match_on_characters():
    phrase = parse_phrase("高质量发展")
    assert how_many(phrase, "推动高质量发展，坚持高质量\n发展。") == 2


def test_occurrences_count_per_report_ordered_by_date_with_first_sentence():
    phrase = parse_phrase("stabilise growth")
    rows = [
        ("b", 3, "Later. We must stabilise growth and stabilise growth.", "2024-03-01", "B"),
        ("b", 1, "First we stabilise  growth. Then more.", "2024-03-01", "B"),
        ("a", 2, "Nothing here.", "2023-01-01", "A"),
        ("c", 1, "Stabilise growth!", None, "C"),
        ("a", 1, "Aim: Stabilise-growth.", "2023-01-01", "A"),
    ]
    found = with_sentences(phrase, occurrences(phrase, rows))
    assert [(o.report, o.count, o.paragraph, o.sentence) for o in found] == [
        ("a", 1, 1, "Aim: Stabilise-growth."),
        ("b", 3, 1, "First we stabilise  growth."),
        ("c", 1, 1, "Stabilise growth!"),
    ]
    years = by_period(found, "year")
    assert [(p.period, p.count, p.reports, p.report) for p in years] == [("2023", 1, 1, "a"), ("2024", 3, 1, "b"), ("undated", 1, 1, "c")]


def test_track_through_the_search_index_counts_exactly(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "one.txt").write_text(" date 2023-05-01 Meeting\n\nWe must promote high-quality development.\n\nHigh quality development again.")
    (library / "two.txt").write_text(" date 2022-01-01 Meeting\n\nQuality development of high standards.")
    (library / "three.txt").write_text(" date 2024-01-01 Meeting\n\nThe HIGH-QUALITY\ndevelopment path.")
    store = Store.open(tmp_path / "store")
    index = SearchIndex.for_library(tmp_path / "store", library)
    index.update(store)
    phrase = parse_phrase("high quality development")
    found = with_sentences(phrase, track(index, phrase), index)
    assert [(o.report, o.count, o.paragraph) for o in found] == [("one", 2, 2), ("three", 1, 2)]
    assert found[1].sentence == "The HIGH-QUALITY development path."  # the line break joined as the reader shows it


def test_series_by_title_and_by_name():
    assert series_key("Minutes of the Federal Open Market Committee June 13–14, 2023") == series_key(
        "Federal Open Market Committee: meeting of September 16, 2008")
    assert series_key("State Council executive meeting") != series_key("State Council plenary meeting")
    members = [Member("m3", "2023-03-01", "Executive meeting of May 3rd"), Member("m1", "2023-01-01", "Executive meeting of 2 January"),
               Member("p", "2023-02-01", "Plenary session"), Member("m2", None, "Executive meeting")]
    series = Series(members)
    assert [m.report for m in series.of("m1")] == ["m1", "m3", "m2"]
    assert series.neighbours("m3") == (members[1], members[3])
    assert series.neighbours("p") == (None, None)
    named = Series(members, {"p": "Executive", "m3": "executive"})
    assert [m.report for m in named.of("p")] == ["p", "m3"]


def test_series_names_are_kept_in_the_store_not_the_report(tmp_path):
    store = Store.open(tmp_path / "store")
    store.series.set("r1", "  State Council  executive ")
    store.series.set("r2", "Politburo")
    store.series.set("r2", "")
    assert Store.open(tmp_path / "store").series.all() == {"r1": "State Council executive"}



@pytest.mark.parametrize("places_per_paragraph", [0, 10**9])  # phrases read in their paragraphs, or counted from places
def test_counting_from_the_index_agrees_with_reading_every_paragraph(tmp_path, monkeypatch, places_per_paragraph):
    """Phrases are counted from the index's list of word places, no text read: the
    counts, first paragraphs and sentences must be those of reading the text (words in
    order, anything but letters between, occurrences not overlapping), and a note
    holding the phrase must not count."""
    import random

    monkeypatch.setattr("minutesreader.core.track.PLACES_PER_PARAGRAPH", places_per_paragraph)
    chance = random.Random(14)
    library = tmp_path / "library"
    library.mkdir()
    paragraphs = []
    for number in range(30):
        texts = ["".join(chance.choice(WORDS) + chance.choice(SEPARATORS) for _ in range(chance.randint(0, 25))).strip() or "Nothing."
                 for _ in range(chance.randint(1, 4))]
        date = f"20{10 + number % 12}-0{1 + number % 9}-01" if number % 7 else None
        stamp = f" date {date} " if date else ""
        path = library / f"r{number:02d}.txt"
        path.write_text(stamp + f"Meeting {number}\n\n" + "\n\n".join(texts), encoding="utf-8")
        report = read_report(path)  # its paragraphs as the reader shows them
        paragraphs += [(report.id, p.number, p.text, report.date, report.title) for p in report.paragraphs]
    # Text with ideographs is indexed a second time as bigrams, its other words with it:
    # they must count once.
    mixed = library / "r99.txt"
    mixed.write_text(" date 2020-02-02 混合\n\n推动 the high quality 高质量发展 the équipe, the.", encoding="utf-8")
    report = read_report(mixed)
    paragraphs += [(report.id, p.number, p.text, report.date, report.title) for p in report.paragraphs]
    store = Store.open(tmp_path / "store")
    store.add_note("r01", 2, "", "the note says the the the high high")
    index = SearchIndex.for_library(tmp_path / "store", library)
    index.update(store)
    for words in ("the", "high", "DÉVELOPPEMENT", "équipe", "growth", "high quality", "high high", "the équipe",
                  "quality development growth", "high-high-high", "stabilise the"):
        phrase = parse_phrase(words)
        from_index = with_sentences(phrase, track(index, phrase), index)
        from_text = with_sentences(phrase, occurrences(phrase, paragraphs))
        assert [(o.report, o.date, o.count, o.paragraph, o.sentence) for o in from_index] == [
            (o.report, o.date, o.count, o.paragraph, o.sentence) for o in from_text], words
        assert from_index, words
