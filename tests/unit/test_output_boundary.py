"""Every string from outside, on every output path of the command line, reaches the
terminal without a control character: the bytes written are checked, not the code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutesreader.core.records import BriefItem
from minutesreader.storage.store import Store
from tests.conftest import MODEL_READOUT

ROOT = Path(__file__).resolve().parents[2]
MODEL = "000_9d62e18ffa0ab910"
# OSC 52 (clipboard), OSC 0 (title), CSI colour, its 8-bit form, a bidi override, BEL, BS, CR, NUL, DEL.
HOSTILE = "\x1b]52;c;aGk=\x07\x1b]0;t\x07\x1b[31m\x9b31m\u202e\x07\x08\r\x00\x7fz"
IN_NAME = HOSTILE.replace("\x00", "")  # a file name cannot hold NUL
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    library, db, source = root / "library", root / "db", root / "src"
    library.mkdir()
    source.mkdir()
    shutil.copy(MODEL_READOUT, library)
    (library / "colours.txt").write_text(f"Title {HOSTILE}\n\nThe staff must act {HOSTILE} now.", encoding="utf-8")
    (library / f"name{IN_NAME}.txt").write_text("A report.\n\nWith a hostile name.", encoding="utf-8")
    (source / f"import{IN_NAME}.txt").write_text("Imported.\n\nWords.", encoding="utf-8")
    store = Store.open(db)
    store.set_title(MODEL, f"Renamed {HOSTILE}")
    paragraph = "The meeting pointed out"
    store.add_note(MODEL, 2, paragraph + HOSTILE, f"note {HOSTILE}\nsecond line", tags=[f"t{HOSTILE}"],
                   paragraph_tags=[f"p{HOSTILE}"])
    store.briefs.append(f"brief{IN_NAME}", BriefItem("quote", f"quoted {HOSTILE}", MODEL, 2, f"T{HOSTILE}", "2023-05-06"))
    store.briefs.append(f"brief{IN_NAME}", BriefItem("comment", f"comment {HOSTILE}"))
    return library, db, source


COMMANDS = [
    ["list"], ["list", "--json"], ["show", MODEL], ["show", "colours"], ["directives", "colours"],
    ["directives", "colours", "--json"], ["notes"], ["notes", "--json"], ["notes", "--orphans"],
    ["search", "note"], ["search", "note", "--json"], ["search", "staff"], ["brief", "list"],
    ["show", f"name{IN_NAME}"], ["note", f"x{IN_NAME}", "1", "y"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c)[:30].encode("unicode_escape").decode())
def test_no_control_character_reaches_the_terminal(hostile, command) -> None:
    library, db, _ = hostile
    result = subprocess.run([sys.executable, "-m", "minutesreader", *command, "--db", str(db), "--library", str(library)],
                            check=False, capture_output=True, timeout=60, cwd=ROOT)
    for stream in (result.stdout, result.stderr):
        text = stream.decode("utf-8")
        assert not UNSAFE.search(text), (command, UNSAFE.findall(text))
    assert b"Traceback" not in result.stderr


def test_brief_export_and_import_names(hostile, tmp_path) -> None:
    library, db, source = hostile
    name = next(Store.open(db).briefs.names().__iter__())
    for argv in (["brief", "export", name], ["import", str(source), "--library", str(tmp_path / "lib")]):
        args = [sys.executable, "-m", "minutesreader", *argv, "--db", str(db)]
        if "--library" not in argv:
            args += ["--library", str(library)]
        result = subprocess.run(args, check=False, capture_output=True, timeout=60, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        for stream in (result.stdout, result.stderr):
            assert not UNSAFE.search(stream.decode("utf-8")), argv
    exported = subprocess.run([sys.executable, "-m", "minutesreader", "brief", "export", name, "--out", str(tmp_path / "b.md"),
                               "--db", str(db), "--library", str(library)], check=False, capture_output=True, timeout=60, cwd=ROOT)
    assert exported.returncode == 0
    assert not UNSAFE.search((tmp_path / "b.md").read_text(encoding="utf-8").replace("\n", ""))
