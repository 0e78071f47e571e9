"""`python3 -m minutesreader` ends without Python's teardown (minutesreader/__main__.py):
nothing it prints or writes may be lost on the way, and its exit status is main()'s."""

from __future__ import annotations

import subprocess
import sys

from minutesreader.cli import main
from tests.conftest import BUNDLED_LIBRARY, MODEL_READOUT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutesreader", *args], capture_output=True, text=True)


def test_every_line_of_a_long_output_reaches_the_pipe(tmp_path, capsys):
    # Through a pipe the output is block-buffered: what is still in the buffer at the end
    # is written only if the quick exit flushes it.
    args = ["directives", str(BUNDLED_LIBRARY / "048_653eb7bcc905d09c.txt"), "--db", str(tmp_path / "store")]
    assert main(args) == 0
    expected = capsys.readouterr().out
    assert len(expected) > 8192  # more than one buffer
    result = _run(*args)
    assert result.returncode == 0
    assert result.stdout == expected


def test_a_note_saved_by_the_command_is_there_for_the_next(tmp_path):
    store = str(tmp_path / "store")
    assert _run("note", "--library", str(BUNDLED_LIBRARY), "--db", store, MODEL_READOUT.stem, "1", "kept").returncode == 0
    listed = _run("notes", "--library", str(BUNDLED_LIBRARY), "--db", store)
    assert "kept" in listed.stdout


def test_a_bad_file_is_one_line_and_status_2():
    result = _run("directives", "/no/such/report.txt")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "no such file" in result.stderr
