"""Counting a phrase with the index's paragraphs placed in their reports in memory (the
timeline, storage.report_ranges) must give exactly what joining each paragraph to its
report gives, and what reading every paragraph gives, as reports are added, edited,
removed and renamed; a map of an index that changed since is never used."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutesreader.core.track import occurrences, parse_phrase, track, with_sentences
from minutesreader.storage.search_index import SearchIndex
from minutesreader.storage.store import Store

WORDS = ["high", "High", "quality", "development", "the", "Développement", "équipe", "growth"]
SEPARATORS = [" ", "-", "\n", "\n\n", ", ", ". ", " — ", "'"]
report_texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(word + sep for word, sep in parts))
reports = st.tuples(st.sampled_from([None, "2019-03-04", "2020-01-02", "2020-11-30", "2024-05-06"]), report_texts)
libraries = st.dictionaries(st.sampled_from(["r1", "r2", "r3", "r4", "r5", "R5"]), reports, min_size=1)
# Typed as a user would: case, punctuation and line breaks inside, repeated words.
phrases = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "-", "\n", ", "])), min_size=1, max_size=3).map(
    lambda parts: "".join(word + sep for word, sep in parts).strip(" ,-\n") or "the")


def _write(library: Path, name: str, report: tuple[str | None, str], stamp: int) -> None:
    date, text = report
    path = library / f"{name}.txt"
    path.write_text((f" date {date} " if date else "") + f"Meeting {name}\n\n{text}", encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))  # a new signature even within the clock's resolution


def _rows(found):
    return [(o.report, o.date, o.title, o.count, o.paragraph, o.sentence) for o in found]


def _assert_agree(index: SearchIndex, texts: list[str]) -> None:
    """Placed (the map warm), joined (no map) and read from the text, for each phrase."""
    fresh = SearchIndex(index.path, index.library)  # no map: each paragraph joined to its report
    every_paragraph = index.report_paragraphs(containing="")
    for text in texts:
        phrase = parse_phrase(text)
        assert phrase is not None
        placed = _rows(with_sentences(phrase, track(index, phrase), index))
        assert placed == _rows(with_sentences(phrase, track(fresh, phrase), fresh)), text
        assert placed == _rows(with_sentences(phrase, occurrences(phrase, every_paragraph))), text
    fresh.close()


@settings(max_examples=40, deadline=None)
@given(before=libraries, after=libraries, wanted=st.lists(phrases, min_size=1, max_size=4))
def test_placed_counts_equal_joined_and_read_ones_as_reports_change(before, after, wanted):
    wanted = [*wanted, "high high", "high-quality development", "the the the"]
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library"
        library.mkdir()
        for name, report in before.items():
            _write(library, name, report, 1_000_000_000)
        store = Store.open(Path(folder) / "store")
        store.add_note(next(iter(before)).lower(), 1, "", "the note's own high high quality development")  # never counted
        index = SearchIndex.for_library(Path(folder) / "store", library)
        index.update(store)
        index.warm_ranges()
        assert index.ranges() is not None
        _assert_agree(index, wanted)

        for name in before.keys() - after.keys():
            (library / f"{name}.txt").unlink()
        for name, report in after.items():
            _write(library, name, report, 2_000_000_000)
        index.update(store)
        if before != after:
            assert index.ranges() is None  # built from the index before: never used
        _assert_agree(SearchIndex(index.path, index.library), wanted)  # (counted without it)
        index.warm_ranges()
        _assert_agree(index, wanted)
        index.close()


def test_a_renamed_report_is_not_shown_under_its_old_title(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    _write(library, "r1", ("2020-01-02", "high quality development"), 1_000_000_000)
    store = Store.open(tmp_path / "store")
    index = SearchIndex.for_library(tmp_path / "store", library)
    index.update(store)
    index.warm_ranges()
    store.set_title("r1", "Renamed")
    index.update(store)
    assert [o.title for o in track(index, parse_phrase("high quality"))] == ["Renamed"]
    index.warm_ranges()
    assert [o.title for o in track(index, parse_phrase("high quality"))] == ["Renamed"]
    assert [o.title for o in track(index, parse_phrase("quality"))] == ["Renamed"]


@pytest.mark.parametrize("phrase", ["high high", "a b a", "a b a b"])
def test_occurrences_that_would_share_words_count_once(tmp_path, phrase):
    """As reading the text does: "high high" is twice in "high high high high", once in
    "high high high"; the map warm or not."""
    library = tmp_path / "library"
    library.mkdir()
    _write(library, "r1", ("2020-01-02", "high high high. A b a b a. x\n\nhigh high high high"), 1_000_000_000)
    index = SearchIndex.for_library(tmp_path / "store", library)
    index.update()
    joined = track(index, parse_phrase(phrase))
    index.warm_ranges()
    placed = track(index, parse_phrase(phrase))
    read = occurrences(parse_phrase(phrase), index.report_paragraphs(containing=""))  # type: ignore[arg-type]
    assert [o.count for o in placed] == [o.count for o in joined] == [o.count for o in read]
    assert placed[0].count == {"high high": 3, "a b a": 1, "a b a b": 1}[phrase]
