"""The command line as a script sees it: one line and exit 2 on any failure, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutesreader.storage.store import Store
from tests.conftest import MODEL_READOUT

MODEL = "000_9d62e18ffa0ab910"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(MODEL_READOUT, folder)
    return folder


def cli(*argv: str, db: Path, library: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    args = [sys.executable, "-m", "minutesreader", *argv, "--db", str(db)]
    if library is not None:
        args += ["--library", str(library)]
    return subprocess.run(args, check=False, capture_output=True, timeout=60, input=stdin.encode() if stdin else None,
                          cwd=Path(__file__).resolve().parents[2])


def test_search_after_a_cli_note_finds_it(tmp_path: Path, library: Path) -> None:
    db = tmp_path / "db"
    noted = cli("note", MODEL, "3", "x marks inflation worries", db=db, library=library)
    assert noted.returncode == 0, noted.stderr
    found = cli("search", "inflation", db=db, library=library)
    assert b"Traceback" not in found.stderr
    assert found.returncode == 0, found.stderr
    assert b"note:" in found.stdout


def test_an_unexpected_error_is_one_line_and_exit_2(tmp_path: Path, library: Path, monkeypatch, capsys) -> None:
    from minutesreader import cli as cli_module

    def broken(context, args):
        raise ZeroDivisionError("boom")

    monkeypatch.setitem(cli_module.COMMANDS, "list", broken)
    code = cli_module.main(["list", "--library", str(library), "--db", str(tmp_path / "db")])
    _, err = capsys.readouterr()
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "boom" in err and "Traceback" not in err


def test_notes_plain_output_is_one_record_per_line(tmp_path: Path, library: Path) -> None:
    db = tmp_path / "db"
    cli("note", MODEL, "2", "first line\nsecond line\twith a tab", db=db, library=library)
    cli("note", MODEL, "3", "plain", db=db, library=library)
    listed = cli("notes", db=db, library=library)
    lines = listed.stdout.decode().splitlines()
    assert len(lines) == 2
    assert any("first line\\nsecond line\\twith a tab" in line for line in lines)


def test_notes_of_a_missing_report_exit_2(tmp_path: Path, library: Path) -> None:
    Store.open(tmp_path / "db")
    result = cli("notes", "--report", "nosuch", db=tmp_path / "db", library=library)
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "nosuch" in result.stderr.decode()


def test_version(tmp_path: Path) -> None:
    result = cli("--version", db=tmp_path / "db")
    assert result.returncode == 0 and result.stdout.decode().startswith("minutesreader ")


def test_output_to_a_full_device_is_one_line(tmp_path: Path) -> None:
    Store.open(tmp_path / "db")
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "minutesreader", "list", "--db", str(tmp_path / "db")],
                                stdout=full, stderr=subprocess.PIPE, check=False, timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and result.stderr.count(b"\n") == 1
    assert b"No space left" in result.stderr


def test_notes_follow_the_report_when_it_changes(tmp_path: Path, library: Path) -> None:
    db = tmp_path / "db"
    cli("note", MODEL, "3", "on the third", db=db, library=library)
    report = library / f"{MODEL}.txt"
    text = report.read_text(encoding="utf-8")
    stamp, _, rest = text.partition("\n\n")
    paragraphs = rest.split("\n\n")
    paragraphs[1] = paragraphs[1].replace("emphasized", "stressed", 1)  # ¶3, a few words edited
    report.write_text(stamp + "\n\nA paragraph inserted at the top.\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    [row] = [json.loads(line) for line in cli("notes", "--json", db=db, library=library).stdout.splitlines()]
    assert row["paragraph"] == 4
    assert "stressed" in row["paragraph_text"]


def test_orphans_are_listed(tmp_path: Path, library: Path) -> None:
    db = tmp_path / "db"
    note_id = cli("note", MODEL, "3", "on the third", db=db, library=library).stdout.decode().strip()
    (library / f"{MODEL}.txt").write_text(" date 2024-01-01 \n\nSomething else entirely.\n\nAnd more of it.", encoding="utf-8")
    assert cli("notes", db=db, library=library).stdout == b""
    listed = cli("notes", "--orphans", db=db, library=library).stdout.decode().splitlines()
    assert len(listed) == 1 and listed[0].startswith(note_id) and "(orphan)" in listed[0]


def test_a_note_with_undecodable_bytes_is_all_or_nothing(tmp_path: Path, library: Path) -> None:
    db = tmp_path / "db"
    Store.open(db)
    args = [sys.executable, "-m", "minutesreader", "note", MODEL, "1", "ok", "--tag", b"t\xe9g",
            "--db", str(db), "--library", str(library)]
    result = subprocess.run(args, check=False, capture_output=True, timeout=60, cwd=Path(__file__).resolve().parents[2],
                            env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert result.returncode == 2 and result.stderr.count(b"\n") == 1 and b"Traceback" not in result.stderr
    assert cli("notes", db=db, library=library).stdout == b""  # nothing saved: a retry cannot duplicate


def test_search_shows_a_note_where_it_now_is(tmp_path: Path, library: Path) -> None:
    db = tmp_path / "db"
    cli("note", MODEL, "3", "zebra remark", db=db, library=library)
    assert json.loads(cli("search", "zebra", "--json", db=db, library=library).stdout)["paragraph"] == 3
    report = library / f"{MODEL}.txt"
    stamp, _, rest = report.read_text(encoding="utf-8").partition("\n\n")
    report.write_text(stamp + "\n\nA paragraph inserted at the top.\n\n" + rest, encoding="utf-8")
    assert json.loads(cli("search", "zebra", "--json", db=db, library=library).stdout)["paragraph"] == 4


@pytest.mark.parametrize("argv", [["notes", "--report", b"r\xe9"], ["notes", "--tag", b"t\xe9"], ["search", b"x\xe9"],
                                  ["brief", "export", b"b\xe9"]])
def test_undecodable_arguments_are_refused_in_one_line(tmp_path: Path, library: Path, argv) -> None:
    Store.open(tmp_path / "db")
    args = [sys.executable, "-m", "minutesreader", *argv, "--db", str(tmp_path / "db"), "--library", str(library)]
    result = subprocess.run(args, check=False, capture_output=True, timeout=60, cwd=Path(__file__).resolve().parents[2],
                            env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert result.returncode == 2 and result.stderr.count(b"\n") == 1
    assert b"not UTF-8" in result.stderr


def test_search_on_a_full_disk_searches_the_index_as_it_was(tmp_path: Path, library: Path, monkeypatch, capsys) -> None:
    import sqlite3

    from minutesreader.cli import main
    from minutesreader.storage.search_index import SearchIndex

    argv = ["search", "meeting", "--db", str(tmp_path / "db"), "--library", str(library)]
    Store.open(tmp_path / "db")
    assert main(argv) == 0
    index_files = sorted((tmp_path / "db" / "index").glob("search-*"))

    def full(self, *args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SearchIndex, "_update", full)
    # A report changed since, so the index must be updated, and the disk is full.
    changed = sorted(library.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA paragraph added.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert out and "searching the index as it was" in err and len(err.splitlines()) == 1
    assert sorted((tmp_path / "db" / "index").glob("search-*")) == index_files  # not thrown away


def test_orphans_list_highlights_too(tmp_path: Path, library: Path) -> None:
    from minutesreader.core.library import read_report

    db = tmp_path / "db"
    paragraph = read_report(library / f"{MODEL}.txt").paragraphs[1]
    start = paragraph.text.index("accurately grasp")
    kept = Store.open(db).add_highlight(MODEL, paragraph.number, start, "accurately grasp", ("We must", "the"))
    (library / f"{MODEL}.txt").write_text(" date 2024-01-01 \n\nSomething else entirely.\n\nAnd more of it.", encoding="utf-8")
    rows = [json.loads(line) for line in cli("notes", "--orphans", "--json", db=db, library=library).stdout.splitlines()]
    assert [(r["id"], r["kind"], r["words"]) for r in rows] == [(kept.id, "highlight", "accurately grasp")]
    plain = cli("notes", "--orphans", db=db, library=library).stdout.decode().splitlines()
    assert len(plain) == 1 and plain[0].startswith(kept.id) and "(orphan)" in plain[0] and "accurately grasp" in plain[0]


def test_a_note_on_words_says_which_words(tmp_path: Path, library: Path) -> None:
    from minutesreader.core.library import read_report

    db = tmp_path / "db"
    paragraph = read_report(library / f"{MODEL}.txt").paragraphs[1]
    start = paragraph.text.index("accurately grasp")
    Store.open(db).add_note(MODEL, paragraph.number, "accurately grasp", "on two words", context=("We must", "the"), start=start)
    [row] = [json.loads(line) for line in cli("notes", "--json", db=db, library=library).stdout.splitlines()]
    assert (row["words"], row["start"]) == ("accurately grasp", start)
    assert row["paragraph_text"] == paragraph.text  # the paragraph's text, not the two words
