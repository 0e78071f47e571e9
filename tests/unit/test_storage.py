"""The store as a user meets it: notes, tags and titles that are there after a restart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from minutesreader.storage.paths import default_store_dir
from minutesreader.storage.store import AnnotationNotFound, BriefItem, Store, StoreError

P1, P2, P3 = "The meeting opened.", "Cadres must implement the plan.", "The meeting closed."


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


def reopen(store: Store) -> Store:
    store.close()
    return Store.open(store.directory)


def test_note_survives_restart_with_its_quote_and_context(store_dir: Path) -> None:
    store = Store.open(store_dir)
    note = store.add_note("r1", 2, P2, "check the deadline", tags=["plan", " plan ", ""], context=(P1, P3))
    store = reopen(store)
    [again] = store.notes("r1")
    assert again == note
    assert (again.paragraph, again.quote, again.text, again.tags) == (2, P2, "check the deadline", ("plan",))
    assert (again.prefix, again.suffix) == (P1, P3)
    assert store.warnings == []


def test_update_and_delete_note(store_dir: Path) -> None:
    store = Store.open(store_dir)
    note = store.add_note("r1", 2, P2, "first")
    updated = store.update_note(note.id, "second")
    assert updated.text == "second" and updated.created == note.created
    assert [n.text for n in reopen(store).notes("r1")] == ["second"]
    store.delete_note(note.id)
    assert store.notes("r1") == []
    store.delete_note(note.id)  # already gone: nothing to do
    with pytest.raises(AnnotationNotFound):
        store.update_note(note.id, "third")
    with pytest.raises(StoreError):
        store.update_note("not-an-id-at-all", "x")


def test_notes_by_report_are_in_paragraph_order_and_all_notes_newest_first(store_dir: Path) -> None:
    store = Store.open(store_dir)
    late = store.add_note("r1", 3, P3, "on three")
    early = store.add_note("r1", 1, P1, "on one")
    other = store.add_note("r2", 1, P1, "other report", tags=["x"])
    assert [n.text for n in store.notes("r1")] == ["on one", "on three"]
    assert [n.id for n in store.notes()] == [other.id, early.id, late.id]
    assert [n.id for n in store.notes(tag="x")] == [other.id]
    assert store.notes("missing") == []


def test_tags_on_paragraphs_add_remove_and_count(store_dir: Path) -> None:
    store = Store.open(store_dir)
    store.add_tags("r1", 2, P2, ["housing", "deadline"], context=(P1, P3))
    store.add_tags("r1", 2, P2, ["housing"])  # already there: not doubled
    store.add_tags("r2", 1, P1, "housing")
    store.add_note("r1", 3, P3, "n", tags=["deadline"])
    assert [(m.paragraph, m.tag) for m in store.tags("r1")] == [(2, "deadline"), (2, "housing")]
    assert store.tag_counts() == {"housing": 2, "deadline": 2}
    assert store.note_counts() == {"r1": 2, "r2": 1}
    assert [(m.report, m.paragraph) for m in store.tagged("housing")] == [("r1", 2), ("r2", 1)]
    store.remove_tag("r1", 2, "housing")
    store = reopen(store)
    assert [m.tag for m in store.tags("r1")] == ["deadline"]
    assert store.tag_counts() == {"housing": 1, "deadline": 2}


def test_titles_rename_and_restore(store_dir: Path) -> None:
    store = Store.open(store_dir)
    store.set_title("r1", "  Plenary   session ")
    store.set_title("r2", "Other")
    store.set_title("r2", None)
    assert reopen(store).titles() == {"r1": "Plenary session"}


def test_second_window_sees_and_keeps_the_first_windows_notes(store_dir: Path) -> None:
    first, second = Store.open(store_dir), Store.open(store_dir)
    assert first.notes("r1") == [] and first.note_counts() == {}
    a = first.add_note("r1", 1, P1, "from first")
    b = second.add_note("r1", 2, P2, "from second")  # same shard: must re-read, not overwrite
    assert {n.id for n in first.notes("r1")} == {a.id, b.id}
    assert first.note_counts() == {"r1": 2}
    second.set_title("r1", "Renamed")
    assert first.titles() == {"r1": "Renamed"}


def test_counts_follow_changes_made_behind_the_index(store_dir: Path) -> None:
    store = Store.open(store_dir)
    store.add_note("r1", 1, P1, "x")
    assert store.note_counts() == {"r1": 1}
    store.close()
    other = Store.open(store_dir)
    other.add_note("r1", 2, P2, "y")
    other.add_note("r9", 2, P2, "z")
    assert Store.open(store_dir).note_counts() == {"r1": 2, "r9": 1}


def test_files_are_private(store_dir: Path) -> None:
    store = Store.open(store_dir)
    store.add_note("r1", 1, P1, "secret")
    store.set_title("r1", "T")
    store.note_counts()
    assert store_dir.stat().st_mode & 0o777 == 0o700
    assert (store_dir / "shards").stat().st_mode & 0o777 == 0o700
    files = [p for p in store_dir.rglob("*") if p.is_file()]
    assert len(files) >= 4
    for path in files:
        assert path.stat().st_mode & 0o777 == 0o600, path


def test_schema_version_is_recorded_and_newer_store_refused(store_dir: Path) -> None:
    Store.open(store_dir)
    meta = json.loads((store_dir / "meta.json").read_text())
    assert meta["meta"]["1"]["schema"] == 1
    meta["meta"]["1"]["schema"] = 99
    (store_dir / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(StoreError, match="schema 99"):
        Store.open(store_dir)


def test_a_file_given_as_store_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("{}")
    with pytest.raises(StoreError, match="not a folder"):
        Store.open(path)
    assert path.read_text() == "{}"


def test_default_dir_honours_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MINUTESREADER_DB", str(tmp_path / "db"))
    assert default_store_dir() == tmp_path / "db"


def test_storage_and_core_never_import_textual() -> None:
    code = (
        "import sys, minutesreader.storage.store, minutesreader.core.anchoring;"
        "sys.exit('textual' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_briefs_keep_order_sources_and_survive_restart(store_dir: Path) -> None:
    store = Store.open(store_dir)
    quote = BriefItem("quote", P2, report="r1", paragraph=2, title="Plenary", date="2024-03-01")
    store.briefs.append("Housing", BriefItem("heading", "What was ordered"))
    store.briefs.append("Housing", quote)
    Store.open(store_dir).briefs.append("Housing", BriefItem("comment", "added in another window"))
    store.briefs.append("Other", BriefItem("comment", "x"))
    brief = store.briefs.get("Housing")
    assert brief is not None
    assert [item.kind for item in brief.items] == ["heading", "quote", "comment"]
    assert brief.items[1] == quote
    store.briefs.save("Housing", [brief.items[1], brief.items[0]])  # moved up, comment removed
    store = reopen(store)
    assert [item.text for item in store.briefs.get("Housing").items] == [P2, "What was ordered"]
    assert store.briefs.names() == ["Housing", "Other"]
    with pytest.raises(StoreError, match="already exists"):
        store.briefs.rename("Other", "Housing")
    store.briefs.rename("Other", "Rates")
    store.briefs.delete("Housing")
    assert store.briefs.names() == ["Rates"] and store.briefs.get("Housing") is None
