"""Undo and redo without the app: the history, and the store records it writes back."""

from __future__ import annotations

import pytest

from minutesreader.core.records import BriefItem
from minutesreader.core.undo import RecordChange, StaleStep, Step, UndoHistory
from minutesreader.storage.store import Store
from minutesreader.storage.tag_admin import rename_tag
from minutesreader.storage.undo_records import ChangedElsewhere, Scope, apply, record


class Cell:
    """A one-value 'store' for testing the history alone."""

    def __init__(self) -> None:
        self.value: object = None

    def apply(self, step: Step) -> None:
        for change in step.changes:
            if self.value != change.before:
                raise StaleStep("changed elsewhere")
            self.value = change.after

    def set(self, history: UndoHistory, value: object) -> None:
        history.record(Step(f"set {value}", (RecordChange("cell", "x", self.value, value),)))
        self.value = value


def test_history_undoes_and_redoes_in_order_at_least_fifty_steps():
    cell, history = Cell(), UndoHistory()
    for value in range(60):
        cell.set(history, value)
    for expected in range(58, -1, -1):
        assert history.undo(cell.apply).what == f"set {expected + 1}"
        assert cell.value == expected
    assert history.undo(cell.apply).what == "set 0" and cell.value is None
    assert history.undo(cell.apply) is None
    history.redo(cell.apply)
    history.redo(cell.apply)
    assert cell.value == 1


def test_a_new_change_clears_what_was_undone():
    cell, history = Cell(), UndoHistory()
    cell.set(history, "a")
    cell.set(history, "b")
    history.undo(cell.apply)
    cell.set(history, "c")
    assert history.next_redo is None
    assert history.undo(cell.apply).what == "set c" and cell.value == "a"


def test_a_step_changed_elsewhere_is_refused_and_dropped():
    cell, history = Cell(), UndoHistory()
    cell.set(history, "a")
    cell.set(history, "b")
    cell.value = "another window"
    with pytest.raises(StaleStep):
        history.undo(cell.apply)
    assert cell.value == "another window"
    cell.value = "a"
    assert history.undo(cell.apply).what == "set a" and cell.value is None


def test_history_keeps_its_limit():
    cell, history = Cell(), UndoHistory(limit=3)
    for value in range(5):
        cell.set(history, value)
    undone = []
    while (step := history.undo(cell.apply)) is not None:
        undone.append(step.what)
    assert undone == ["set 4", "set 3", "set 2"]


# -- the store side -------------------------------------------------------------------------

def recorded(store, history, scope, change, what="change"):
    result, changes = record(store, scope, change)
    history.record(Step(what, changes))
    return result


def test_note_add_edit_delete_are_undone_and_redone(tmp_path):
    store, history = Store.open(tmp_path / "store"), UndoHistory()
    scope = Scope(reports=("r",))
    note = recorded(store, history, scope, lambda s: s.add_note("r", 2, "para two", "first"))
    recorded(store, history, scope, lambda s: s.update_note(note.id, "second"))
    recorded(store, history, scope, lambda s: s.delete_note(note.id))
    assert store.notes("r") == []
    history.undo(lambda step: apply(store, step))
    assert [(n.id, n.text, n.paragraph) for n in store.notes("r")] == [(note.id, "second", 2)]
    history.undo(lambda step: apply(store, step))
    assert store.notes("r")[0].text == "first"
    history.undo(lambda step: apply(store, step))
    assert store.notes("r") == [] and store.note_counts() == {}
    history.redo(lambda step: apply(store, step))
    history.redo(lambda step: apply(store, step))
    assert store.notes("r")[0].text == "second"
    # Another window (another Store on the same folder) sees the undo.
    assert Store.open(tmp_path / "store").notes("r")[0].text == "second"


def test_undo_refuses_when_another_window_changed_the_note(tmp_path):
    store, history = Store.open(tmp_path / "store"), UndoHistory()
    note = recorded(store, history, Scope(reports=("r",)), lambda s: s.add_note("r", 1, "p", "mine"))
    Store.open(tmp_path / "store").update_note(note.id, "theirs")
    with pytest.raises(ChangedElsewhere, match="another window"):
        history.undo(lambda step: apply(store, step))
    assert store.notes("r")[0].text == "theirs"
    assert history.next_undo is None


def test_tag_merge_is_undone_exactly(tmp_path):
    store, history = Store.open(tmp_path / "store"), UndoHistory()
    store.add_tags("a", 1, "a1", ["econ"])
    store.add_tags("a", 2, "a2", ["econ", "economy"])
    store.add_note("c", 3, "c3", "a note", tags=["econ"])
    before = (store.tag_counts(), store.tags("a"), store.notes("c"))
    recorded(store, history, Scope(tags=("econ", "economy")), lambda s: rename_tag(s, "econ", "economy"))
    assert "econ" not in store.tag_counts()
    history.undo(lambda step: apply(store, step))
    assert (store.tag_counts(), store.tags("a"), store.notes("c")) == before


def test_titles_and_briefs_are_undone(tmp_path):
    store, history = Store.open(tmp_path / "store"), UndoHistory()
    undo = lambda: history.undo(lambda step: apply(store, step))  # noqa: E731
    recorded(store, history, Scope(titles=("r",)), lambda s: s.set_title("r", "Named"))
    recorded(store, history, Scope(briefs=("B",)), lambda s: s.briefs.append("B", BriefItem("heading", "One")))
    recorded(store, history, Scope(briefs=("B", "C")), lambda s: s.briefs.rename("B", "C"))
    recorded(store, history, Scope(briefs=("C",)), lambda s: s.briefs.delete("C"))
    assert store.briefs.names() == []
    undo()
    assert store.briefs.get("C").items == (BriefItem("heading", "One"),)
    undo()
    assert store.briefs.names() == ["B"]
    undo()
    assert store.briefs.names() == []
    undo()
    assert store.titles() == {}
