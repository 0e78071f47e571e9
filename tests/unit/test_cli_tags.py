"""`tags` and `tag`: tags from and for scripts (issue 13)."""

from __future__ import annotations

import json
import shutil

import pytest

from minutesreader.cli import main
from tests.conftest import MODEL_READOUT

MODEL = "000_9d62e18ffa0ab910"


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(MODEL_READOUT, folder)
    return folder


def run(capsys, library, *argv):
    code = main([*argv, "--library", str(library)])
    out, err = capsys.readouterr()
    return code, out, err


def test_tag_from_a_script_then_tags_counts_it(capsys, library):
    code, out, _ = run(capsys, library, "tag", MODEL, "2", "economy", "growth")
    assert code == 0
    assert out.strip().split("\t") == [MODEL, "¶2", "#economy #growth"]
    run(capsys, library, "tag", MODEL, "3", "economy")
    code, out, _ = run(capsys, library, "tags", "--json")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"tag": "economy", "count": 2}, {"tag": "growth", "count": 1}]
    code, out, _ = run(capsys, library, "tags")
    assert out.splitlines() == ["economy\t2", "growth\t1"]


def test_tagging_twice_adds_nothing(capsys, library):
    run(capsys, library, "tag", MODEL, "2", "economy")
    run(capsys, library, "tag", MODEL, "2", "economy")
    _, out, _ = run(capsys, library, "tags", "--json")
    assert [json.loads(line) for line in out.splitlines()] == [{"tag": "economy", "count": 1}]


def test_tags_shows_up_in_notes(capsys, library):
    run(capsys, library, "tag", MODEL, "2", "economy")
    run(capsys, library, "note", MODEL, "2", "A note")
    _, out, _ = run(capsys, library, "notes", "--json", "--tag", "economy")
    [note] = [json.loads(line) for line in out.splitlines()]
    assert note["paragraph"] == 2 and note["tags"] == ["economy"]


@pytest.mark.parametrize("argv, message", [
    (["tag", MODEL, "99", "x"], "has paragraphs 1 to 5, not 99"),
    (["tag", MODEL, "2", "  "], "no tag given"),
    (["tag", "nope", "2", "x"], "no report 'nope'"),
])
def test_bad_tag_input_is_one_line_exit_2(capsys, library, argv, message):
    code, out, err = run(capsys, library, *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_tag_given_with_its_hash_on_the_command_line_is_the_plain_tag(capsys, library):
    code, out, _ = run(capsys, library, "tag", MODEL, "2", "#hashy")
    assert code == 0 and "##" not in out
    code, out, _ = run(capsys, library, "note", MODEL, "2", "a note", "--tag", "#hashy")
    assert code == 0
    code, out, _ = run(capsys, library, "notes", "--tag", "#hashy", "--json")
    assert [json.loads(line)["tags"] for line in out.splitlines()] == [["hashy"]]
