"""Files minutesreader writes outside the store: exported briefs and imported reports.
Nothing but a regular file is replaced, no mode is widened, no link is followed out."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from minutesreader.core.importer import import_reports, write_new_text
from minutesreader.core.records import BriefItem
from minutesreader.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str, db: Path, library: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "minutesreader", *argv, "--db", str(db), "--library", str(library)],
                          check=False, capture_output=True, timeout=60, cwd=ROOT)


def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def briefed(tmp_path: Path) -> Path:
    db = tmp_path / "db"
    Store.open(db).briefs.append("b", BriefItem("quote", "Words.", "r", 2, "A meeting", "2024-01-01"))
    return db


def test_export_refuses_a_fifo_and_keeps_a_replaced_files_mode(tmp_path: Path, briefed: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    refused = cli("brief", "export", "b", "--out", str(fifo), "--force", db=briefed, library=tmp_path)
    assert refused.returncode == 2 and b"not a regular file" in refused.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    private = tmp_path / "private.md"
    private.write_text("old")
    private.chmod(0o600)
    done = cli("brief", "export", "b", "--out", str(private), "--force", db=briefed, library=tmp_path)
    assert done.returncode == 0 and "Words." in private.read_text()
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_replacing_refuses_a_symlink_and_a_device(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep")
    link = tmp_path / "link.md"
    link.symlink_to(victim)
    for target in (link, Path("/dev/null")):
        with pytest.raises(OSError, match="not a regular file"):
            write_new_text(target, "x", replace=True)
    assert victim.read_text() == "keep" and link.is_symlink()


def test_import_of_a_251_character_name(tmp_path: Path) -> None:
    sources = []
    for n in range(2):  # the same long name twice: the second needs "-2" too
        source = tmp_path / f"src{n}" / ("n" * 251 + ".txt")
        source.parent.mkdir()
        source.write_text(f"A title\n\nParagraph {n}.")
        sources.append(source)
    result = import_reports(sources, library(tmp_path))
    assert len(result.imported) == 2 and not result.failed
    assert all(len(done.target.name.encode()) <= 255 for done in result.imported)


def test_import_skips_links_out_of_the_folder_and_never_widens_modes(tmp_path: Path) -> None:
    secret = tmp_path / "shadow.txt"
    secret.write_text("Secret title\n\nroot:hash")
    secret.chmod(0o640)
    source = tmp_path / "src"
    source.mkdir()
    (source / "leak.txt").symlink_to(secret)
    own = source / "own.txt"
    own.write_text("Own title\n\nOwn words.")
    own.chmod(0o640)
    (source / "inside.txt").symlink_to(own)
    result = import_reports([source], library(tmp_path))
    assert [s.reason for s in result.skipped if s.source.name == "leak.txt"] == ["a symbolic link out of the folder"]
    [imported] = result.imported
    assert stat.S_IMODE(imported.target.stat().st_mode) == 0o640


def test_a_full_disk_during_import_is_reported_and_the_run_goes_on(tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for n in range(3):
        (source / f"r{n}.txt").write_text(f"Title {n}\n\nWords {n}.")
    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            calls.append(fd)
        if len(calls) == 2 and stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    result = import_reports([source], library(tmp_path))
    assert len(result.failed) == 1 and "No space left" in result.failed[0].reason
    assert len(result.imported) == 2
    assert not [p for p in (tmp_path / "lib").iterdir() if p.name.startswith(".")]  # no temp left behind


def test_import_copies_a_long_run_whole(tmp_path: Path) -> None:
    source = tmp_path / "run.txt"
    source.write_text("Title\n\n" + "y" * 5_000, encoding="utf-8")
    [done] = import_reports([source], library(tmp_path)).imported
    assert "y" * 5_000 in done.target.read_text(encoding="utf-8")
