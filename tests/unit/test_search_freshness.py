"""`minutesreader search` answers from the index only when the index holds the files as they
are now: the query runs while the files are looked at, and its answer is thrown away
when anything changed since (storage/search_freshness.py)."""

from __future__ import annotations

import json
import os

import pytest

from minutesreader.cli import main
from minutesreader.storage.store import Store

REPORT = "2024-03-01 Council meeting\n\nThe council discussed the harbour budget.\n\nMembers must publish the audit.\n"


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "council.txt").write_text(REPORT, encoding="utf-8")
    (folder / "other.txt").write_text("2024-03-02 Other meeting\n\nNothing of note was said.\n", encoding="utf-8")
    return folder


def search(capsys, library, db, *words):
    capsys.readouterr()
    code = main(["search", "--library", str(library), "--db", str(db), "--json", *words])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines()]


def test_a_report_edited_in_place_is_found_by_the_next_search(capsys, library, tmp_path):
    db = tmp_path / "db"
    assert search(capsys, library, db, "harbour")[0] == 0
    assert search(capsys, library, db, "harbour")[0] == 0  # the index is fresh: answered at once
    folder_before = os.stat(library)
    # Overwritten where it stands, the same length: the folder's own times do not change,
    # only the file's.
    report = library / "council.txt"
    with open(report, "r+b") as file:
        file.seek(REPORT.encode().index(b"harbour"))
        file.write(b"airport")
    assert os.stat(library).st_mtime_ns == folder_before.st_mtime_ns
    assert search(capsys, library, db, "harbour") == (1, [])
    code, hits = search(capsys, library, db, "airport")
    assert code == 0 and hits[0]["report"] == "council" and "airport budget" in hits[0]["snippet"]


def test_a_report_added_or_removed_is_seen_by_the_next_search(capsys, library, tmp_path):
    db = tmp_path / "db"
    assert search(capsys, library, db, "lighthouse") == (1, [])
    (library / "new.txt").write_text("2024-03-03 New meeting\n\nThe lighthouse must be repaired.\n", encoding="utf-8")
    assert [hit["report"] for hit in search(capsys, library, db, "lighthouse")[1]] == ["new"]
    (library / "new.txt").unlink()
    assert search(capsys, library, db, "lighthouse") == (1, [])


def test_a_note_or_title_saved_after_a_search_is_found_by_the_next(capsys, library, tmp_path):
    db = tmp_path / "db"
    assert search(capsys, library, db, "audit")[0] == 0
    store = Store.open(db)
    note = store.add_note("council", 2, "Members must publish the audit.", "ask the treasurer about the zeppelin")
    store.set_title("council", "Harbour council, March")
    store.close()
    code, hits = search(capsys, library, db, "zeppelin")
    assert code == 0 and hits[0]["note"] == note.id
    assert search(capsys, library, db, "audit")[1][0]["title"] == "Harbour council, March"


def test_a_library_that_cannot_be_read_is_one_line_and_exit_2(capsys, tmp_path):
    code = main(["search", "--library", str(tmp_path / "missing"), "--db", str(tmp_path / "db"), "audit"])
    assert code == 2
    assert capsys.readouterr().err.strip() == f"minutesreader: library folder not found: {tmp_path / 'missing'}"
