"""Library entries that are not plain report files: never opened if they could block or
never end, listed with the reason, and no name reaches the terminal raw."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutesreader.core.library import (
    MAX_WORD_CHARS,
    ReportUnreadable,
    read_report,
    read_report_text,
)
from tests.conftest import MODEL_READOUT

MODEL = "000_9d62e18ffa0ab910"
ROOT = Path(__file__).resolve().parents[2]
HOSTILE_NAME = "evil\x1b]52;c;aGVsbG8=\x07\x1b]0;pwned\x07.txt"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(MODEL_READOUT, folder)
    return folder


def cli(*argv: str, db: Path, library: Path) -> subprocess.CompletedProcess[bytes]:
    # The time limit is the test: before, a FIFO blocked every command forever.
    return subprocess.run([sys.executable, "-m", "minutesreader", *argv, "--db", str(db), "--library", str(library)],
                          check=False, capture_output=True, timeout=60, cwd=ROOT)


def test_a_fifo_and_a_link_to_dev_zero_are_listed_not_read(tmp_path: Path, library: Path) -> None:
    os.mkfifo(library / "x.txt")
    (library / "zero.txt").symlink_to("/dev/zero")
    db = tmp_path / "db"
    listed = cli("list", db=db, library=library)
    assert listed.returncode == 0, listed.stderr
    rows = {line.split(b"\t")[0]: line for line in listed.stdout.splitlines()}
    # /dev/zero lies out of the folder: that is the reason given, before it is ever stat'ed.
    assert b"FIFO" in rows[b"x"] and b"symbolic link out of the folder" in rows[b"zero"]
    for command in (["show", "x"], ["show", "zero"], ["note", "x", "1", "t"]):
        result = cli(*command, db=db, library=library)
        assert result.returncode == 2 and result.stderr.count(b"\n") == 1
    assert cli("search", "meeting", db=db, library=library).returncode == 0
    target = tmp_path / "target"
    imported = cli("import", str(library), db=db, library=target)
    assert imported.returncode == 0 and b"skipped" in imported.stdout


def test_a_report_too_large_is_listed_as_such(tmp_path: Path, library: Path) -> None:
    with open(library / "huge.txt", "wb") as huge:
        huge.truncate(70 * 1024 * 1024)  # sparse: no disk used, and never read
    listed = cli("list", db=tmp_path / "db", library=library)
    [row] = [line for line in listed.stdout.splitlines() if line.startswith(b"huge\t")]
    assert b"too large" in row


def test_a_run_without_spaces_is_broken_for_layout(tmp_path: Path) -> None:
    report = tmp_path / "run.txt"
    report.write_text("Title\n\n" + "x" * (3 * MAX_WORD_CHARS + 5) + "\n\nThe end.", encoding="utf-8")
    paragraphs = read_report(report).paragraphs
    assert max(len(word) for p in paragraphs for word in p.text.split()) == MAX_WORD_CHARS
    assert sum(p.text.count("x") for p in paragraphs) == 3 * MAX_WORD_CHARS + 5  # nothing lost


def test_a_hostile_file_name_never_reaches_the_terminal(tmp_path: Path, library: Path) -> None:
    shutil.copy(MODEL_READOUT, library / HOSTILE_NAME)
    listed = cli("list", db=tmp_path / "db", library=library)
    assert listed.returncode == 0
    assert b"\x1b" not in listed.stdout and b"\x07" not in listed.stdout
    assert b"rename it" in listed.stdout
    with pytest.raises(ReportUnreadable, match="control characters"):
        read_report_text(library / HOSTILE_NAME)


def test_ids_are_unique_and_a_collision_is_reported(tmp_path: Path, library: Path) -> None:
    (library / "a.txt").write_text("First report.\n\nIts only paragraph.", encoding="utf-8")
    (library / "a.TXT").write_text("Second report.\n\nAnother paragraph.", encoding="utf-8")
    (library / "b.TXT").write_text("Only upper case.\n\nStill a report.", encoding="utf-8")
    db = tmp_path / "db"
    rows = [line.split(b"\t") for line in cli("list", db=db, library=library).stdout.splitlines()]
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids))
    [clash] = [row for row in rows if row[0] == b"a.TXT"]
    assert b"same id as a.txt" in clash[2]
    assert b"Its only paragraph" in cli("show", "a", db=db, library=library).stdout
    assert b"Still a report" in cli("show", "b", db=db, library=library).stdout


def test_a_fifo_as_rules_file_does_not_block(tmp_path: Path, library: Path) -> None:
    rules = tmp_path / "rules.toml"
    os.mkfifo(rules)
    result = cli("list", "--rules", str(rules), db=tmp_path / "db", library=library)
    assert result.returncode == 0 and b"FIFO" in result.stderr
