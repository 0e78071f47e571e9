"""`minutesreader compare`, `track` and `series`, as scripts use them."""

from __future__ import annotations

import json
import shutil

import pytest

from minutesreader.cli import main
from minutesreader.core.compare import CHANGES, spell
from tests.conftest import BUNDLED_LIBRARY

OLD = "048_653eb7bcc905d09c"
NEW = "049_73e9958d0c926e56"
FIRST = "044_da5f0730ca9a2dfe"


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    for name in (OLD, NEW, FIRST):
        shutil.copy(BUNDLED_LIBRARY / f"{name}.txt", folder)
    (folder / "county.txt").write_text(
        " date 2024-01-05 County meeting\n\nThe county met. We must stabilise growth.\n\nThe roads were discussed.", encoding="utf-8")
    (folder / "county2.txt").write_text(
        " date 2024-04-05 County meeting\n\nThe roads were discussed.\n\nThe county met. We must stabilise growth and jobs.",
        encoding="utf-8")
    return folder


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_json_fields_and_reading_order(capsys, library):
    code, out, err = run(capsys, "compare", "county", "county2", "--json", "--library", str(library))
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [list(r) for r in rows][0] == ["change", "old", "new", "old_paragraph", "new_paragraph", "old_category", "new_category"]
    assert [(r["change"], r["old_paragraph"], r["new_paragraph"]) for r in rows] == [
        ("same", 1, 1), ("moved", 3, 2), ("same", 2, 3), ("changed", 2, 3)]
    changed = rows[3]
    assert changed["old_category"] == changed["new_category"] == "obligation"
    assert changed["words"] == [["=", "We must stabilise growth"], ["+", " and jobs"], ["=", "."]]


def test_compare_with_previous_of_the_series_on_real_minutes(capsys, library):
    code, out, err = run(capsys, "compare", NEW, "--previous", "--json", "--library", str(library))
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["change"] for r in rows} <= set(CHANGES)
    assert rows[0]["old"].startswith("Minutes of the Federal Open Market Committee April 28")  # 048 is the previous
    for row in rows:
        if row["change"] == "changed":
            assert spell(row["words"], "-") == row["old"] and spell(row["words"], "+") == row["new"]


def test_compare_plain_reads_like_a_redline(capsys, library):
    code, out, _ = run(capsys, "compare", "county", "county2", "--library", str(library))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("--- County meeting · 2024-01-05 · county")
    assert "~ ¶2→¶3 [obligation] We must stabilise growth{+ and jobs+}." in lines
    assert "> ¶3→¶2 The roads were discussed." in lines
    assert lines[-1] == "2 same, 1 moved, 1 changed, 0 added, 0 removed"


@pytest.mark.parametrize("argv, message", [
    (["compare", "county", "county"], "county compared with itself"),
    (["compare", FIRST, "--previous"], f"{FIRST} has no earlier report in its series"),
    (["compare", "nope", "county"], "no report 'nope'"),
    (["compare", "county"], "give two reports"),
    (["track", "zzyzx"], "occurs in no report"),
    (["track", "--", "..."], "the phrase has no words"),
])
def test_bad_input_exits_2_with_one_line(capsys, library, argv, message):
    code, out, err = run(capsys, argv[0], "--library", str(library), *argv[1:])
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_track_by_report_and_by_year(capsys, library):
    code, out, err = run(capsys, "track", "Stabilise-Growth", "--json", "--library", str(library))
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["report"], r["date"], r["count"], r["paragraph"], r["sentence"]) for r in rows] == [
        ("county", "2024-01-05", 1, 2, "We must stabilise growth."),
        ("county2", "2024-04-05", 1, 3, "We must stabilise growth and jobs.")]
    code, out, _ = run(capsys, "track", "stabilise growth", "--by", "year", "--json", "--library", str(library))
    (year,) = [json.loads(line) for line in out.splitlines()]
    assert (year["period"], year["count"], year["reports"], year["report"]) == ("2024", 2, 2, "county")


def test_track_lists_at_most_limit_reports_and_says_how_many_more(capsys, library):
    """A phrase in every report ("the") is listed a bounded number of lines at a time."""
    code, out, err = run(capsys, "track", "the", "--limit", "2", "--json", "--library", str(library))
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["report"] for r in rows] == [FIRST, OLD]  # the earliest, by date
    assert all(r["sentence"] and r["count"] > 0 for r in rows)
    assert err.strip() == "minutesreader: 3 more reports after these hold “the” (--limit 0 lists all 5; --by year sums them)"
    code, out, err = run(capsys, "track", "the", "--limit", "0", "--library", str(library))
    assert code == 0 and err == ""
    assert [line.split("\t")[2] for line in out.splitlines()] == [FIRST, OLD, NEW, "county", "county2"]
    code, out, err = run(capsys, "track", "the", "--limit", "-1", "--library", str(library))
    assert code == 2 and out == "" and "--limit" in err


def test_series_name_set_in_the_store_joins_reports(capsys, library):
    code, out, _ = run(capsys, "compare", "county", "--previous", "--library", str(library))
    assert code == 2
    run(capsys, "series", "county", "--name", "Roads", "--library", str(library))
    run(capsys, "series", FIRST, "--name", "roads", "--library", str(library))
    code, out, err = run(capsys, "series", "county", "--library", str(library))
    assert code == 0, err
    assert [line.split("\t")[1] for line in out.splitlines()] == [FIRST, "county"]
    code, out, err = run(capsys, "compare", "county", "--previous", "--json", "--library", str(library))
    assert code == 0, err
    assert (library / "county.txt").read_text(encoding="utf-8").startswith(" date 2024-01-05 County meeting")
