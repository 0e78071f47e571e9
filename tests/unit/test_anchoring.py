"""A changed report never shows a note beside the wrong paragraph."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from minutesreader.core.anchoring import context_of, locate
from minutesreader.storage.store import Store

REPORT = [
    "The municipal standing committee met on Monday.",
    "The meeting stressed that cadres must implement the housing plan without delay.",
    "Departments should report progress on the river clean-up every quarter.",
    "The meeting called for greater efforts to stabilise employment.",
    "The meeting was chaired by the party secretary.",
]


def anchor_of(paragraphs: list[str], number: int) -> tuple[int, str, str, str]:
    prefix, suffix = context_of(paragraphs, number - 1)
    return number, paragraphs[number - 1], prefix, suffix


def test_paragraph_inserted_above_moves_the_note_down() -> None:
    changed = ["A new opening paragraph was added."] + REPORT
    place = locate(*anchor_of(REPORT, 3), changed)
    assert (place.paragraph, place.method) == (4, "exact")


def test_typo_fixed_inside_the_paragraph_keeps_the_note() -> None:
    changed = list(REPORT)
    changed[1] = changed[1].replace("housing plan", "housing plans").replace("delay", "delays")
    place = locate(*anchor_of(REPORT, 2), changed)
    assert place.paragraph == 2 and place.method in {"context", "fuzzy"}


def test_edited_paragraph_that_also_moved_is_found_by_similarity() -> None:
    edited = REPORT[1].replace("must", "shall")
    changed = [REPORT[0], REPORT[2], REPORT[3], edited, REPORT[4]]
    place = locate(*anchor_of(REPORT, 2), changed)
    assert (place.paragraph, place.method) == (4, "fuzzy")


def test_reordered_paragraphs_each_note_follows_its_text() -> None:
    changed = [REPORT[i] for i in (4, 2, 0, 3, 1)]
    for number in range(1, 6):
        place = locate(*anchor_of(REPORT, number), changed)
        assert changed[place.paragraph - 1] == REPORT[number - 1]


def test_deleted_paragraph_is_an_orphan_not_its_neighbour() -> None:
    changed = REPORT[:2] + REPORT[3:]
    place = locate(*anchor_of(REPORT, 3), changed)
    assert (place.paragraph, place.method) == (None, "orphan")


def test_replaced_paragraph_between_same_neighbours_is_an_orphan() -> None:
    changed = list(REPORT)
    changed[2] = "An entirely different statement about the weather and the harvest."
    assert locate(*anchor_of(REPORT, 3), changed).paragraph is None


def test_identical_paragraphs_are_told_apart_by_their_neighbours() -> None:
    paragraphs = ["Opening.", "Agreed.", "First motion passed.", "Agreed.", "Closing."]
    changed = ["Inserted."] + paragraphs
    assert locate(*anchor_of(paragraphs, 4), changed).paragraph == 5
    assert locate(*anchor_of(paragraphs, 2), changed).paragraph == 3
    # Neighbours changed too: the nearest to the old number wins.
    shuffled = ["Agreed.", "x", "y", "z", "Agreed."]
    assert locate(*anchor_of(paragraphs, 4), shuffled).paragraph == 5


paragraph_text = st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=80).map(
    lambda s: " ".join(s.split())
).filter(bool)


@settings(max_examples=200, deadline=None)
@given(
    target=paragraph_text,
    before=st.lists(paragraph_text, max_size=6),
    after=st.lists(paragraph_text, max_size=6),
    inserted_before=st.lists(paragraph_text, max_size=6),
    inserted_after=st.lists(paragraph_text, max_size=6),
)
def test_unchanged_paragraph_is_found_whatever_is_inserted_around_it(
    target: str, before: list[str], after: list[str], inserted_before: list[str], inserted_after: list[str]
) -> None:
    # Near-copies of the target are allowed around it; exact copies would make it ambiguous.
    def others(texts: list[str]) -> list[str]:
        return [t for t in texts if t != target]

    before, after = others(before), others(after)
    inserted_before = others(inserted_before) + [target + " (draft)", target[:-1] or "x"]
    inserted_before = others(inserted_before)
    inserted_after = others(inserted_after)
    original = before + [target] + after
    changed = inserted_before + before + inserted_after[:1] + [target] + inserted_after[1:] + after
    place = locate(*anchor_of(original, len(before) + 1), changed)
    assert place.paragraph is not None and changed[place.paragraph - 1] == target


def test_store_anchor_moves_notes_keeps_orphans_and_reattaches(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db")
    moved = store.add_note("r1", 2, REPORT[1], "on housing", context=context_of(REPORT, 1))
    doomed = store.add_note("r1", 3, REPORT[2], "on the river", context=context_of(REPORT, 2))
    store.add_tags("r1", 4, REPORT[3], ["jobs"], context=context_of(REPORT, 3))
    changed = ["A new first paragraph."] + REPORT[:2] + REPORT[3:]  # insert above, delete ¶3

    result = store.anchor("r1", changed)
    assert [(n.id, n.paragraph) for n in result.notes] == [(moved.id, 3)]
    assert [(m.tag, m.paragraph) for m in result.tags] == [("jobs", 4)]
    assert [(n.id, n.quote, n.orphaned) for n in result.orphan_notes] == [(doomed.id, REPORT[2], True)]

    # Saved: a fresh window shows the new numbers, and the orphan is kept apart, not dropped.
    again = Store.open(tmp_path / "db")
    assert [(n.id, n.paragraph) for n in again.notes("r1")] == [(moved.id, 3)]
    assert [m.paragraph for m in again.tags("r1")] == [4]
    orphan_notes, _ = again.orphans("r1")
    assert [n.text for n in orphan_notes] == ["on the river"]
    assert again.note_counts() == {"r1": 3}

    again.reattach(doomed.id, 5, changed[4], context_of(changed, 4))
    assert sorted((n.paragraph, n.text) for n in again.notes("r1")) == [(3, "on housing"), (5, "on the river")]
    assert again.anchor("r1", changed).orphan_notes == []
    again.delete_annotation(moved.id)
    assert [n.text for n in again.notes("r1", include_orphans=True)] == ["on the river"]


def test_store_anchor_follows_a_fixed_typo_and_saves_the_new_quote(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db")
    store.add_note("r1", 2, REPORT[1], "n", context=context_of(REPORT, 1))
    changed = list(REPORT)
    changed[1] = REPORT[1].replace("housing", "housng")
    [note] = store.anchor("r1", changed).notes
    assert (note.paragraph, note.quote) == (2, changed[1])
    assert store.anchor("r1", changed).moved == []


def long_report(count: int = 30) -> list[str]:
    """Paragraphs of ~150 words from one shared vocabulary, like a long minutes file."""
    import random

    rng = random.Random(5)
    vocabulary = [f"{stem}{n}" for stem in ("rate", "inflation", "policy", "committee", "market") for n in range(40)]
    vocabulary += ["the", "of", "and", "to", "in", "that", "members"] * 20
    return [" ".join(rng.choice(vocabulary) for _ in range(150)) + "." for _ in range(count)]


def test_long_paragraphs_typo_is_followed_and_deletion_orphaned() -> None:
    paragraphs = long_report()
    typo = list(paragraphs)
    typo[12] = typo[12].replace(" the ", " teh ", 1)
    moved = typo[:3] + typo[4:12] + [typo[12], typo[3]] + typo[13:]  # and a swap above it
    assert locate(*anchor_of(paragraphs, 13), typo).paragraph == 13
    assert locate(*anchor_of(paragraphs, 13), moved).paragraph == 12
    deleted = paragraphs[:12] + paragraphs[13:]
    assert locate(*anchor_of(paragraphs, 13), deleted).paragraph is None


def test_emptied_report_shows_orphans_but_records_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db")
    note = store.add_note("r1", 2, REPORT[1], "n", context=context_of(REPORT, 1))
    assert [n.id for n in store.anchor("r1", []).orphan_notes] == [note.id]
    assert [n.id for n in store.notes("r1")] == [note.id]
