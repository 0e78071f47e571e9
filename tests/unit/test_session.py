"""The session: snapshots to read, a Change for every write, undo through it, no Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from minutesreader.core.catalog import Catalog
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.records import BriefItem
from minutesreader.session import ChangedElsewhere, Session
from minutesreader.storage.store import Store

PARAGRAPHS = ["The committee met.", "Growth must be stabilised.", "Housing was discussed."]


@pytest.fixture
def session(tmp_path: Path) -> Session:
    store = Store.open(tmp_path / "db")
    catalog = Catalog(tmp_path / "library", DirectiveClassifier(), store)
    return Session(store, catalog)


def test_the_session_never_imports_textual() -> None:
    code = "import sys, minutesreader.session; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_every_write_says_what_it_changed(session: Session) -> None:
    added = session.add_note("r1", 2, PARAGRAPHS[1], "check the target", undo="new note")
    assert (added.kind, added.reports, added.revision) == ("note added", ("r1",), 1)
    tagged = session.retag("r1", 2, PARAGRAPHS[1], ["growth", "targets"], [], undo="tags")
    assert (tagged.kind, tagged.tags, tagged.revision) == ("tags changed", ("growth", "targets"), 2)
    marks = session.marks("r1", PARAGRAPHS)
    assert [note.id for note in marks.notes] == list(added.ids)
    assert [(m.paragraph, m.tag) for m in marks.tags] == [(2, "growth"), (2, "targets")]
    assert marks.orphan_count == 0


def test_marks_count_what_no_longer_fits(session: Session) -> None:
    session.add_note("r1", 3, PARAGRAPHS[2], "housing")
    marks = session.marks("r1", ["Something else entirely, nothing alike."])
    assert (marks.notes, marks.orphan_count) == ((), 1)
    assert [note.text for note in session.orphans("r1")[0]] == ["housing"]


def test_undo_and_redo_go_through_the_session(session: Session) -> None:
    session.add_note("r1", 1, PARAGRAPHS[0], "first", undo="new note")
    undone = session.undo()
    assert undone is not None and (undone.kind, undone.what, undone.reports) == ("undone", "new note", ("r1",))
    assert session.notes("r1") == ()
    redone = session.redo()
    assert redone is not None and redone.kind == "redone"
    assert [note.text for note in session.notes("r1")] == ["first"]
    assert session.redo() is None


def test_undo_refuses_what_another_window_changed(session: Session, tmp_path: Path) -> None:
    change = session.add_note("r1", 1, PARAGRAPHS[0], "mine", undo="new note")
    Store.open(tmp_path / "db").update_note(change.ids[0], "theirs")
    with pytest.raises(ChangedElsewhere):
        session.undo()
    assert [note.text for note in session.notes("r1")] == ["theirs"]


def test_an_edit_of_a_note_deleted_elsewhere_keeps_the_words(session: Session, tmp_path: Path) -> None:
    session.add_note("r1", 2, PARAGRAPHS[1], "draft")
    note = session.notes("r1")[0]
    Store.open(tmp_path / "db").delete_note(note.id)
    change = session.edit_note(note, "draft, finished", 2, PARAGRAPHS[1])
    assert change.kind == "note re-added"
    assert [(n.paragraph, n.text) for n in session.notes("r1")] == [(2, "draft, finished")]


def test_briefs_follow_the_current_one(session: Session) -> None:
    assert session.current_brief == "Brief" and session.brief() is None
    session.add_to_brief(BriefItem("quote", PARAGRAPHS[1], "r1", 2), undo="quote")
    session.rename_brief("Brief", "Growth", undo="rename")
    assert session.current_brief == "Growth" and session.brief_names() == ("Growth",)
    session.undo()  # the rename: the brief b adds to follows it back
    assert session.current_brief == "Brief"
    brief = session.brief()
    assert brief is not None and [item.text for item in brief.items] == [PARAGRAPHS[1]]
    session.delete_brief("Brief", undo="delete")
    assert session.current_brief == "Brief" and session.brief() is None


def test_a_tag_rename_counts_what_it_touched(session: Session) -> None:
    session.retag("r1", 1, PARAGRAPHS[0], ["grwth"], [])
    session.add_note("r2", 1, PARAGRAPHS[0], "note")
    session.retag("r2", 1, PARAGRAPHS[0], ["grwth"], [])
    change = session.rename_tag("grwth", "growth", undo="rename")
    assert (change.kind, change.count) == ("tag renamed", 2)
    assert [(m.report, m.paragraph) for m in session.tagged("growth").marks] == [("r2", 1), ("r1", 1)]
    assert session.tag_counts() == {"growth": 2}
