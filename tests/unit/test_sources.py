"""A report's source: url, publisher, meeting date, language (issue 13)."""

from __future__ import annotations

import json
import re

import pytest

from minutesreader.cli import main
from minutesreader.core.citations import STYLES, Quote
from minutesreader.core.settings import load_settings
from minutesreader.core.sources import ReportSource, SourceProblem
from minutesreader.storage.store import Store
from minutesreader.storage.undo_records import Scope, apply, record


@pytest.mark.parametrize("name, value, problem", [
    ("url", "ftp://example.org/x", "not an http(s) address"),
    ("url", "example.org", "not an http(s) address"),
    ("meeting_date", "2024-02-30", "not a date"),
    ("meeting_date", "30/01/2024", "not a date"),
    ("language", "English please", "not a language tag"),
    ("publisher", "x" * 501, "longer than 500"),
])
def test_a_bad_detail_is_refused_with_its_reason(name, value, problem):
    with pytest.raises(SourceProblem, match=re.escape(problem)):
        ReportSource().updated(**{name: value})


def test_details_are_cleaned_and_kept_in_the_store(tmp_path):
    store = Store.open(tmp_path / "db")
    source = ReportSource().updated(url="https://example.org/r", publisher="  State\x1b[31m Council ", meeting_date="2024-01-30")
    store.sources.set("r1", source)
    again = Store.open(tmp_path / "db")
    assert again.sources.get("r1") == ReportSource("https://example.org/r", "State Council", "2024-01-30")
    assert again.sources.get("other").is_empty()
    again.sources.set("r1", ReportSource())
    assert Store.open(tmp_path / "db").sources.all() == {}


def test_a_hand_edited_bad_detail_is_skipped_and_a_bad_file_moved_aside(tmp_path):
    Store.open(tmp_path / "db")
    path = tmp_path / "db" / "sources.json"
    path.write_text(json.dumps({"sources": {
        "1": {"report": "r1", "url": "javascript:alert(1)"},
        "2": {"report": "r2", "publisher": "Fine"}}}), encoding="utf-8")
    assert Store.open(tmp_path / "db").sources.all() == {"r2": ReportSource(publisher="Fine")}
    path.write_text(json.dumps({"sources": {"1": "not a record"}}), encoding="utf-8")
    store = Store.open(tmp_path / "db")
    assert store.sources.all() == {}
    [warning] = store.warnings
    assert "report details file" in warning and "moved to" in warning
    assert list(path.parent.glob("sources.json.corrupt-*"))


def test_a_details_change_is_undone(tmp_path):
    store = Store.open(tmp_path / "db")
    store.sources.set("r1", ReportSource(publisher="Old"))
    _, changes = record(store, Scope(sources=("r1",)), lambda s: s.sources.set("r1", ReportSource(publisher="New")))
    from minutesreader.core.undo import Step
    apply(store, Step("details", changes).inverse())
    assert store.sources.get("r1") == ReportSource(publisher="Old")


def test_source_fields_in_templates_and_empty_parts_left_out():
    source = ReportSource("https://example.org/r", "State Council", "2024-01-30")
    quote = Quote("We must act.", "Executive meeting", "2024-02-01", 3, "r1", 3, source)
    assert quote.cite("{quote} ({publisher}, {meeting_date}, {url})") == \
        "We must act. (State Council, 2024-01-30, https://example.org/r)"
    assert quote.cite(STYLES["chicago"]) == ("“We must act.” — State Council, “Executive meeting,” meeting of 2024-01-30, "
                                             "2024-02-01, ¶3, https://example.org/r")
    assert quote.cite(STYLES["apa"]) == "“We must act.” — State Council. (2024-02-01). Executive meeting, ¶3. https://example.org/r"
    bare = Quote("We must act.", "Executive meeting", "2024-02-01", 3, "r1", 3)
    assert bare.cite(STYLES["chicago"]) == "“We must act.” — “Executive meeting,” 2024-02-01, ¶3"
    assert bare.cite(STYLES["apa"]) == "“We must act.” — (2024-02-01). Executive meeting, ¶3"


@pytest.fixture
def config(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    monkeypatch.setenv("MINUTESREADER_CONFIG", str(path))
    return path


def test_a_named_style_is_chosen_in_the_config(config):
    config.write_text('[citation]\nstyle = "apa"\n', encoding="utf-8")
    assert load_settings().citation_template == STYLES["apa"]
    config.write_text('[citation]\nstyle = "mla"\n', encoding="utf-8")
    settings = load_settings()
    assert settings.citation_template == STYLES["plain"]
    assert settings.warnings == [f"{config}: unknown citation style 'mla' (styles: plain, chicago, apa); using the default"]
    config.write_text('[citation]\nstyle = "apa"\ntemplate = "{quote} ({url})"\n', encoding="utf-8")
    settings = load_settings()
    assert settings.citation_template == "{quote} ({url})" and "using the template" in settings.warnings[0]


def test_import_keeps_the_details_in_the_store_not_the_file(tmp_path, capsys):
    memo = tmp_path / "memo.txt"
    memo.write_text("The board met.\n\nStaff must file returns.\n", encoding="utf-8")
    library, db = tmp_path / "library", tmp_path / "db"
    library.mkdir()
    argv = ["import", str(memo), "--library", str(library), "--db", str(db)]
    assert main([*argv, "--url", "https://example.org/memo", "--publisher", "The Board", "--meeting-date", "2024-01-30"]) == 0
    assert (library / "memo.txt").read_text(encoding="utf-8") == memo.read_text(encoding="utf-8")
    # Importing the same text again only adds the details given (the library keeps one copy).
    assert main([*argv, "--language", "en"]) == 0
    assert Store.open(db).sources.get("memo") == ReportSource("https://example.org/memo", "The Board", "2024-01-30", "en")


@pytest.mark.parametrize("flag, value, message", [
    ("--meeting-date", "2024-13-01", "meeting date '2024-13-01' is not a date"),
    ("--url", "ftp://x", "url 'ftp://x' is not an http(s) address"),
])
def test_import_with_a_bad_detail_imports_nothing(tmp_path, capsys, flag, value, message):
    memo = tmp_path / "memo.txt"
    memo.write_text("The board met.\n", encoding="utf-8")
    library = tmp_path / "library"
    library.mkdir()
    code = main(["import", str(memo), "--library", str(library), flag, value])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (library / "memo.txt").exists()
