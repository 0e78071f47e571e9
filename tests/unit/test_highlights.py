"""Highlights in the store (issue 13): kept words that follow their report's edits."""

from __future__ import annotations

import json

from minutesreader.core.span_anchoring import span_context
from minutesreader.core.undo import Step
from minutesreader.storage.store import Store
from minutesreader.storage.undo_records import Scope, apply, record

REPORT = "r1"
PARAGRAPHS = [
    "The committee met on Monday.",
    "Cadres must implement the housing plan without delay, the meeting said.",
    "Departments should report progress every quarter.",
]


def keep(store: Store, number: int, words: str, paragraphs: list[str] = PARAGRAPHS):
    text = paragraphs[number - 1]
    start = text.index(words)
    return store.add_highlight(REPORT, number, start, words, span_context(text, start, start + len(words)))


def test_a_highlight_is_kept_on_disk_with_its_words_and_place(tmp_path):
    kept = keep(Store.open(tmp_path / "db"), 2, "the housing plan")
    [again] = Store.open(tmp_path / "db").highlights(REPORT)
    assert again == kept
    assert (again.paragraph, PARAGRAPHS[1][again.start:again.end]) == (2, "the housing plan")
    assert (again.prefix, again.suffix) == ("Cadres must implement", "without delay, the meeting said.")


def test_the_same_words_kept_twice_are_one_highlight(tmp_path):
    store = Store.open(tmp_path / "db")
    first, second = keep(store, 2, "housing plan"), keep(store, 2, "housing plan")
    assert first.id == second.id and len(store.highlights(REPORT)) == 1


def test_a_highlight_follows_its_words_when_a_paragraph_is_added_above(tmp_path):
    store = Store.open(tmp_path / "db")
    keep(store, 3, "report progress")
    changed = ["A new first paragraph.", *PARAGRAPHS]
    placed = store.anchor(REPORT, changed)
    [highlight] = placed.highlights
    assert highlight.paragraph == 4 and changed[3][highlight.start:highlight.end] == "report progress"
    assert store.highlights(REPORT)[0].paragraph == 4  # the move is saved


def test_words_gone_from_the_report_leave_an_orphan_that_is_kept(tmp_path):
    store = Store.open(tmp_path / "db")
    keep(store, 3, "report progress")
    placed = store.anchor(REPORT, PARAGRAPHS[:2])
    assert placed.highlights == [] and [h.quote for h in placed.orphan_highlights] == ["report progress"]
    assert store.highlights(REPORT) == [] and len(store.highlights(REPORT, include_orphans=True)) == 1


def test_a_highlight_counts_as_an_annotation_of_its_report(tmp_path):
    store = Store.open(tmp_path / "db")
    keep(store, 1, "committee")
    assert store.note_counts() == {REPORT: 1}
    assert [h.quote for h in store.highlights()] == ["committee"]


def test_deleting_a_highlight_is_undone_and_redone(tmp_path):
    store = Store.open(tmp_path / "db")
    kept = keep(store, 2, "without delay")
    _, changes = record(store, Scope(reports=(REPORT,)), lambda s: s.delete_annotation(kept.id))
    step = Step("deleted highlight", changes)
    assert store.highlights(REPORT) == []
    apply(store, step.inverse())
    assert store.highlights(REPORT) == [kept]
    apply(store, step)
    assert store.highlights(REPORT) == []


def test_an_orphaned_highlight_reattached_keeps_the_whole_paragraph(tmp_path):
    store = Store.open(tmp_path / "db")
    kept = keep(store, 3, "report progress")
    store.anchor(REPORT, PARAGRAPHS[:2])
    store.reattach(kept.id, 1, PARAGRAPHS[0])
    [highlight] = store.anchor(REPORT, PARAGRAPHS[:2]).highlights
    assert (highlight.paragraph, highlight.start, highlight.quote) == (1, 0, PARAGRAPHS[0])


def test_a_highlight_record_of_the_wrong_shape_is_named(tmp_path):
    store = Store.open(tmp_path / "db")
    keep(store, 1, "committee")
    shard = tmp_path / "db" / "shards" / f"{store.shard_of(REPORT)}.json"
    data = json.loads(shard.read_text())
    data["highlights"]["1"]["start"] = -3
    shard.write_text(json.dumps(data))
    reopened = Store.open(tmp_path / "db")
    assert reopened.highlights(REPORT) == []
    assert any("highlights record 1 has a start that is not a character position" in w for w in reopened.warnings)


def test_a_span_tag_is_not_the_paragraph_tag(tmp_path):
    store = Store.open(tmp_path / "db")
    text = PARAGRAPHS[1]
    start = text.index("housing plan")
    store.add_tags(REPORT, 2, text, ["housing"])
    store.add_tags(REPORT, 2, "housing plan", ["housing"], span_context(text, start, start + 12), start=start)
    assert {(m.start, m.quote) for m in store.tags(REPORT)} == {(None, text), (start, "housing plan")}
    store.remove_tag(REPORT, 2, "housing")
    assert [(m.start, m.quote) for m in store.tags(REPORT)] == [(start, "housing plan")]


def test_a_note_on_words_follows_them_and_a_paragraph_note_stays_on_its_paragraph(tmp_path):
    from minutesreader.core.anchoring import context_of

    store = Store.open(tmp_path / "db")
    text = PARAGRAPHS[1]
    start = text.index("housing plan")
    store.add_note(REPORT, 2, "housing plan", "on words", context=span_context(text, start, start + 12), start=start)
    store.add_note(REPORT, 2, text, "on the paragraph", context=context_of(PARAGRAPHS, 1))
    changed = [PARAGRAPHS[0], "Inserted.", PARAGRAPHS[1].replace("Cadres must", "All cadres must"), PARAGRAPHS[2]]
    placed = {note.text: note for note in store.anchor(REPORT, changed).notes}
    on_words = placed["on words"]
    assert (on_words.paragraph, changed[2][on_words.start:on_words.start + 12]) == (3, "housing plan")
    assert (placed["on the paragraph"].paragraph, placed["on the paragraph"].start) == (3, None)
