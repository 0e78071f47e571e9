"""The plain command line, as scripts use it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from minutesreader.cli import main
from tests.conftest import BUNDLED_LIBRARY, MODEL_READOUT

MODEL = "000_9d62e18ffa0ab910"


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(MODEL_READOUT, folder)
    shutil.copy(BUNDLED_LIBRARY / "044_da5f0730ca9a2dfe.txt", folder)
    return folder


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_has_counts(capsys, library):
    code, out, _ = run(capsys, "list", "--json", "--library", str(library))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [MODEL, "044_da5f0730ca9a2dfe"]  # newest first
    assert rows[0]["directives"] == 9 and rows[0]["notes"] == 0
    assert rows[0]["by_category"] == {"obligation": 8, "call": 0, "task": 1}


def test_list_counts_notes_apart_from_tagged_paragraphs(capsys, library):
    """Defect 17: 16 shown for 13 notes (tagged paragraphs were added in)."""
    from minutesreader.storage.store import Store

    store = Store.open(library.parent / "db")
    store.add_note(MODEL, 1, "p1", "one note")
    store.add_tags(MODEL, 2, "p2", ["growth"])
    store.add_tags(MODEL, 3, "p3", ["growth", "jobs"])
    code, out, _ = run(capsys, "list", "--json", "--library", str(library), "--db", str(library.parent / "db"))
    row = json.loads(out.splitlines()[0])
    assert (row["notes"], row["tagged_paragraphs"]) == (1, 2)
    code, out, _ = run(capsys, "list", "--library", str(library), "--db", str(library.parent / "db"))
    assert out.splitlines()[0].endswith("\t1")


def test_directives_json_matches_the_worked_example(capsys, library):
    code, out, _ = run(capsys, "directives", MODEL, "--json", "--library", str(library))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["paragraph"], r["category"]) for r in rows] == [
        (2, "obligation"), (2, "obligation"), (2, "task"), (2, "obligation"), (2, "obligation"), (2, "obligation"),
        (3, "obligation"), (3, "obligation"), (3, "obligation")]
    text = MODEL_READOUT.read_text(encoding="utf-8")
    for row in rows:
        assert row["report"] == MODEL
        assert row["sentence"] in text  # exact text as in the file
        assert row["trigger"] in row["sentence"]


def test_directives_of_a_file_outside_the_library(capsys, tmp_path):
    report = tmp_path / "memo.txt"
    report.write_text("The board met on Monday.\n\nStaff must file the returns by Friday.", encoding="utf-8")
    code, out, _ = run(capsys, "directives", str(report), "--json")
    assert code == 0
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row == {"report": "memo", "paragraph": 2, "sentence": "Staff must file the returns by Friday.",
                   "category": "obligation", "trigger": "must"}


def test_show_numbers_paragraphs_and_marks_directives(capsys, library):
    code, out, _ = run(capsys, "show", MODEL, "--library", str(library))
    assert code == 0
    assert "¶3 The meeting emphasized" in out
    assert "[OBLIGATION: We must accurately grasp" in out
    assert "[TASK: To strengthen the industrial economy" in out


def test_note_then_notes_round_trip(capsys, library):
    code, out, _ = run(capsys, "note", MODEL, "2", "Growth targets", "--tag", "economy", "--library", str(library))
    assert code == 0
    note_id = out.strip()
    code, out, _ = run(capsys, "notes", "--json", "--tag", "economy")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row["id"] == note_id and row["paragraph"] == 2 and row["tags"] == ["economy"]
    assert row["paragraph_text"].startswith("The meeting pointed out that")
    code, out, _ = run(capsys, "list", "--library", str(library))
    assert out.splitlines()[0].endswith("\t9\t1")  # one note (its tagged paragraph is not a note)


@pytest.mark.parametrize("argv, message", [
    (["show", "nope"], "no report 'nope'"),
    (["note", MODEL, "99", "x"], "has paragraphs 1 to 5, not 99"),
    (["list", "--library", "/nonexistent/folder"], "library folder not found"),
])
def test_bad_input_exits_2_with_one_line(capsys, library, argv, message):
    if "--library" not in argv:
        argv = [*argv, "--library", str(library)]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_no_traceback_from_a_real_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "minutesreader", "show", "missing", "--library", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("minutesreader: ")


def test_core_and_storage_never_import_textual():
    code = ("import sys, minutesreader.core.catalog, minutesreader.core.analysis, minutesreader.storage.store, "
            "minutesreader.storage.library_index, minutesreader.cli; "
            "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_user_rules_change_what_the_commands_find(capsys, tmp_path):
    report = tmp_path / "memo.txt"
    report.write_text("The board met on Monday.\n\nThe ministry is on the hook to publish the figures.\n\n"
                      "Staff must have seen the memo.", encoding="utf-8")
    rules = tmp_path / "rules.toml"
    rules.write_text('[triggers]\nobligation = ["is on the hook to"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "directives", str(report), "--json")
    assert code == 0 and out == ""  # "must have" is inference, and the phrase is not built in
    code, out, _ = run(capsys, "directives", str(report), "--json", "--rules", str(rules))
    [row] = [json.loads(line) for line in out.splitlines()]
    assert (row["paragraph"], row["category"], row["trigger"]) == (2, "obligation", "is on the hook to")


@pytest.mark.parametrize("before", [True, False], ids=["before the command", "after the command"])
def test_the_common_options_are_honoured_before_the_command_as_the_help_shows_them(capsys, library, tmp_path, before):
    """`minutesreader [--library DIR] [--db DIR] [--rules FILE] COMMAND` is the usage line: a
    note given `--db` first went into the default store, and `--library` first listed the
    bundled library."""
    store = tmp_path / "elsewhere"
    rules = tmp_path / "rules.toml"
    rules.write_text('[triggers]\ntask = ["rehearse"]\n', "utf-8")
    options = ["--library", str(library), "--db", str(store), "--rules", str(rules)]

    def line(command, *rest):
        return [*options, command, *rest] if before else [command, *rest, *options]

    code, out, _ = run(capsys, *line("note", MODEL, "1", "kept where asked"))
    assert code == 0
    code, out, _ = run(capsys, "notes", "--json", "--db", str(store), "--library", str(library))
    assert [json.loads(row)["text"] for row in out.splitlines()] == ["kept where asked"]
    code, out, _ = run(capsys, *line("list"))
    assert [row.split()[0] for row in out.splitlines()] == [MODEL, "044_da5f0730ca9a2dfe"]
    sample = tmp_path / "sample.txt"
    sample.write_text("Title\n\nThe team will rehearse the plan.\n", "utf-8")
    code, out, _ = run(capsys, *line("directives", str(sample), "--json"))
    assert [json.loads(row)["category"] for row in out.splitlines()] == ["task"]
