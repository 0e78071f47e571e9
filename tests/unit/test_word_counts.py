"""Per-report word counts kept in the search index (a one-word `track` or `P` is one
query of them): they must equal counting the word's places in the index, as reports
are added, edited and removed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from minutesreader.core.search import fold, words_of
from minutesreader.storage.search_index import SearchIndex
from minutesreader.storage.store import Store

WORDS = ["the", "The", "THE", "growth", "Développement", "developpement", "équipe", "İnflation", "2.5", "covid-19",
         "high_quality", "高质量发展", "推动the", "x"]
SEPARATORS = [" ", "\n", "\n\n", ", ", ". ", " — ", "'"]
report_texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(word + sep for word, sep in parts))
libraries = st.dictionaries(st.sampled_from(["r1", "r2", "r3", "r4", "r5"]), report_texts, min_size=1)


def _write(library: Path, name: str, text: str, stamp: int) -> None:
    path = library / f"{name}.txt"
    path.write_text(f"Meeting {name}\n\n{text}", encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))  # a new signature even within the clock's resolution


def _every_word(index: SearchIndex, texts: list[str]) -> set[str]:
    return {word for text in texts for word, _, _ in words_of(f"Meeting x\n\n{text}")} | {fold(w) for w in WORDS} | {"nowhere"}


def _from_places(index: SearchIndex, word: str) -> list[tuple[str, int, int]]:
    """(report, count, first paragraph) from the index's own list of the word's places."""
    paragraphs = {chunk: (report, paragraph) for chunk, report, paragraph, _, _ in index.matching_paragraphs(f'"{word}"')}
    counts: dict[str, list[int]] = {}
    for chunk, _ in index.word_places(word):
        if chunk in paragraphs:  # a report's paragraph, not a note
            report, paragraph = paragraphs[chunk]
            known = counts.setdefault(report, [0, paragraph])
            known[0] += 1
            known[1] = min(known[1], paragraph)
    return sorted((report, count, first) for report, (count, first) in counts.items())


def _assert_counts_agree(index: SearchIndex, words: set[str]) -> None:
    for word in words:
        counted = sorted((report, count, first) for report, count, first, _, _, _ in index.word_reports(word))
        assert counted == _from_places(index, word), word


@settings(max_examples=60, deadline=None)
@given(before=libraries, after=libraries)
def test_counts_equal_the_places_as_reports_are_added_edited_and_removed(before, after):
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library"
        library.mkdir()
        for name, text in before.items():
            _write(library, name, text, 1_000_000_000)
        store = Store.open(Path(folder) / "store")
        store.add_note(next(iter(before)), 1, "", "the note's own the the growth")  # notes never count
        index = SearchIndex.for_library(Path(folder) / "store", library)
        index.update(store)
        _assert_counts_agree(index, _every_word(index, list(before.values()) + list(after.values())))

        for name in before.keys() - after.keys():
            (library / f"{name}.txt").unlink()
        for name, text in after.items():
            _write(library, name, text, 2_000_000_000)
        # Kept up to date file by file (an update that failed would rebuild the whole index).
        assert index.update(store).removed == len(before.keys() - after.keys())
        _assert_counts_agree(index, _every_word(index, list(before.values()) + list(after.values())))
        index.close()


def test_an_edited_report_is_counted_anew_and_a_removed_one_not_at_all(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    _write(library, "a", "The growth, the growth.\n\nGrowth again.", 1_000_000_000)
    _write(library, "b", "Growth.", 1_000_000_000)
    store = Store.open(tmp_path / "store")
    index = SearchIndex.for_library(tmp_path / "store", library)
    index.update(store)
    assert sorted(row[:3] for row in index.word_reports("growth")) == [("a", 3, 2), ("b", 1, 2)]

    _write(library, "a", "Nothing here.\n\nOnly one growth.", 2_000_000_000)
    (library / "b.txt").unlink()
    assert index.update(store).removed == 1  # one file forgotten, not the index rebuilt
    assert [row[:3] for row in index.word_reports("growth")] == [("a", 1, 3)]
    assert index.word_reports("the") == []


def test_an_index_of_the_version_before_the_counts_is_rebuilt_with_progress(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    for name in ("a", "b", "c"):
        _write(library, name, "The growth of the economy.", 1_000_000_000)
    store = Store.open(tmp_path / "store")
    index = SearchIndex.for_library(tmp_path / "store", library)
    index.update(store)
    db = index._connect()  # made as version 4 made it: no counts
    db.executescript("DROP TABLE word_counts; DROP TABLE new_word_counts; UPDATE meta SET value = '4' WHERE key = 'version';")
    index.close()

    again = SearchIndex.for_library(tmp_path / "store", library)
    progress: list[tuple[int, int]] = []
    result = again.update(store, progress=lambda done, total: progress.append((done, total)))
    assert result.read == 3 and progress[0] == (0, 3) and progress[-1] == (3, 3)
    assert sorted(row[:2] for row in again.word_reports("the")) == [("a", 2), ("b", 2), ("c", 2)]
