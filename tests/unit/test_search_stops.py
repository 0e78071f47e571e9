"""A search index update asked to stop stops within a big report, not after it: the
app's quit waits for its workers, and indexing a 50 MB report whole took up to 18 s
on a loaded machine. What was cut short is not half there: the next update reads it."""

from __future__ import annotations

from minutesreader.storage.search_index import SearchIndex
from minutesreader.storage.store import Store


def test_an_update_stops_within_a_big_report_and_the_next_indexes_it_whole(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    # ~2.9 MB: read in parts, 40,000 paragraphs.
    paragraphs = [f"Paragraph {i} says the committee must act on item q{i}x of the plan." for i in range(1, 40_001)]
    (library / "big.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    store = Store.open(tmp_path / "store")
    index = SearchIndex.for_library(store.directory, library)
    asked = 0

    def should_stop() -> bool:
        nonlocal asked
        asked += 1
        return asked > 1_000  # a thousand paragraphs in: the user quits

    result = index.update(store, should_stop=should_stop)
    assert result.cancelled
    assert asked < 2_000  # it stopped there, instead of going on to the end of the report
    assert index.search("q1x") == []  # nothing of the report cut short is found
    assert [hit.paragraph for hit in index.search("q40000x")] == []
    result = index.update(store)
    assert not result.cancelled and result.read == 1
    assert [hit.paragraph for hit in index.search("q1x")] == [1]
    assert [hit.paragraph for hit in index.search("q40000x")] == [40_000]
