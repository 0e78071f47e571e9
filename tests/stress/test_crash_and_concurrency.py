"""Try to lose notes: kill -9 a saving process at random moments, and run two writers at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minutesreader.storage.store import Store

pytestmark = pytest.mark.stress

SAVE_LOOP = Path(__file__).with_name("save_loop.py")
KILLS = 110


def start_saver(folder: Path, name: str, count: int | None = None) -> subprocess.Popen[str]:
    args = [sys.executable, str(SAVE_LOOP), str(folder), name] + ([str(count)] if count else [])
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def title_order(title: str) -> tuple[int, int]:
    run, n = title.split("-")
    return int(run[1:]), int(n)


def test_sigkill_at_random_moments_loses_no_saved_note(tmp_path: Path) -> None:
    folder = tmp_path / "db"
    rng = random.Random(20260101)
    saved_notes: set[str] = set()
    last_title: dict[str, str] = {}
    killed_mid_save = 0
    for run in range(KILLS):
        saver = start_saver(folder, f"k{run:03d}")
        assert saver.stdout is not None
        # Kill after a random number of confirmed saves plus a random few milliseconds, so the
        # kill lands anywhere in the next save: before, inside or after its atomic replace.
        for _ in range(rng.randint(1, 12)):
            line = saver.stdout.readline()
            assert line, saver.stderr.read() if saver.stderr else "saver died"
            kind, *rest = line.split()
            if kind == "note":
                saved_notes.add(rest[0])
            else:
                last_title[rest[0]] = rest[1]
        time.sleep(rng.uniform(0, 0.004))  # jitter, not waiting for anything
        saver.send_signal(signal.SIGKILL)
        tail, _ = saver.communicate()
        killed_mid_save += bool(list(folder.rglob(".*.tmp-*")))
        # Lines already printed when the kill landed were saved too.
        for line in tail.splitlines():
            kind, *rest = line.split()
            if kind == "note":
                saved_notes.add(rest[0])
            else:
                last_title[rest[0]] = rest[1]

        store = Store.open(folder)
        assert store.warnings == []
        present = {note.id for note in store.notes()}
        assert saved_notes <= present, f"run {run}: lost {sorted(saved_notes - present)}"
        titles = store.titles()
        for report, title in last_title.items():
            assert title_order(titles[report]) >= title_order(title)
    assert len(saved_notes) >= KILLS
    # About half the kills leave a temp file behind; none would mean the test lost its point.
    assert killed_mid_save >= 5, killed_mid_save
    print(f"{KILLS} kills, {killed_mid_save} in the middle of a save, {len(saved_notes)} notes checked")
    assert not list(folder.rglob("*.corrupt-*"))


def test_two_processes_adding_500_notes_each_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "db"
    reader = Store.open(folder)  # a long-running window, open before the writers start
    assert reader.notes() == []
    writers = [start_saver(folder, name, 500) for name in ("left", "right")]
    printed: set[str] = set()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        printed |= {line.split()[1] for line in out.splitlines()}
    assert len(printed) == 1000
    notes = reader.notes()
    assert {note.id for note in notes} == printed
    assert sorted({note.tags for note in notes}) == [("left",), ("right",)]
    assert sum(reader.note_counts().values()) == 1000
    assert reader.tag_counts() == {"left": 500, "right": 500}


def test_store_files_written_by_another_process_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "db"
    old_umask = os.umask(0)  # even a careless umask must not expose the notes
    try:
        writer = start_saver(folder, "umask", 3)
        writer.communicate(timeout=60)
    finally:
        os.umask(old_umask)
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files and all(p.stat().st_mode & 0o777 == 0o600 for p in files), [
        (p.name, oct(p.stat().st_mode)) for p in files
    ]
