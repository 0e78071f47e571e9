"""A brief as Markdown, and `minutesreader brief list|export`."""

from __future__ import annotations

import pytest

from minutesreader.cli import main
from minutesreader.core.brief_export import brief_to_markdown, source_template
from minutesreader.core.citations import DEFAULT_TEMPLATE
from minutesreader.core.records import Brief, BriefItem
from minutesreader.storage.store import Store

QUOTE_1 = BriefItem("quote", "The property market must be stabilised.", "028_2ea5fe255b02860d", 3, "Politburo meeting", "2024-09-26")
QUOTE_2 = BriefItem("quote", "Use *all* [tools] <now>\n# not a heading", "r2", 7, "Council_meeting", None)
BRIEF = Brief("China housing", (
    BriefItem("heading", "Demand"),
    QUOTE_1,
    BriefItem("comment", "My *own* point."),
    QUOTE_2,
), "", "")

EXPECTED = """# China housing

## Demand

> The property market must be stabilised.[^1]

My *own* point.

> Use \\*all\\* \\[tools\\] \\<now\\>
>
> \\# not a heading[^2]

[^1]: Politburo meeting, 2024-09-26, ¶3 (report 028_2ea5fe255b02860d)
[^2]: Council_meeting, undated, ¶7 (report r2)
"""


def test_markdown_headings_comments_quotes_and_footnotes():
    assert brief_to_markdown(BRIEF, DEFAULT_TEMPLATE) == EXPECTED


def test_footnotes_follow_the_users_template():
    template = "{title} ({date}), para. {paragraph} [{report}]: “{quote}”"
    markdown = brief_to_markdown(Brief("B", (QUOTE_1,), "", ""), template)
    assert "[^1]: Politburo meeting (2024-09-26), para. 3 \\[028_2ea5fe255b02860d\\]\n" in markdown
    assert source_template("“{quote}” — {title}, {date}, ¶{paragraph}") == "{title}, {date}, ¶{paragraph}"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store():
    from minutesreader.storage.paths import default_store_dir

    store = Store.open(default_store_dir())
    store.briefs.save("China housing", BRIEF.items)
    return store


def test_brief_list_and_export(capsys, store, tmp_path):
    code, out, _ = run(capsys, "brief", "list")
    assert code == 0 and out.startswith("China housing\t2 quotes\t4 items\t")
    code, out, _ = run(capsys, "brief", "export", "China housing")
    assert code == 0 and out == EXPECTED
    target = tmp_path / "brief.md"
    assert run(capsys, "brief", "export", "China housing", "--out", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == EXPECTED


def test_export_never_overwrites_without_force(capsys, store, tmp_path, monkeypatch):
    target = tmp_path / "brief.md"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "brief", "export", "China housing", "--out", str(target))
    assert code == 2 and err == f"minutesreader: {target} exists; add --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(capsys, "brief", "export", "China housing", "--out", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == EXPECTED


def test_export_uses_the_config_template(capsys, store, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('[citation]\ntemplate = "{quote} ({report}, ¶{paragraph})"\n', encoding="utf-8")
    monkeypatch.setenv("MINUTESREADER_CONFIG", str(config))
    _, out, _ = run(capsys, "brief", "export", "China housing")
    assert "[^1]: 028_2ea5fe255b02860d, ¶3\n" in out


def test_unknown_brief_is_one_line(capsys, store):
    code, _, err = run(capsys, "brief", "export", "Nope")
    assert code == 2 and err == "minutesreader: no brief named 'Nope' (briefs: China housing)\n"


def test_a_comment_keeps_its_line_breaks_in_markdown():
    from minutesreader.core.brief_export import brief_to_markdown
    from minutesreader.core.records import Brief, BriefItem

    markdown = brief_to_markdown(Brief("b", (BriefItem("comment", "First line\nsecond line\n\nA new paragraph"),), "", ""))
    # A backslash before the line end is CommonMark's hard line break: the break shows.
    assert "First line\\\nsecond line\n\nA new paragraph" in markdown


def test_cli_export_cites_the_report_s_current_title_and_details(tmp_path, capsys, monkeypatch):
    import shutil

    from minutesreader.cli import main
    from minutesreader.core.records import BriefItem
    from minutesreader.core.sources import ReportSource
    from minutesreader.storage.store import Store
    from tests.conftest import MODEL_READOUT

    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(MODEL_READOUT, library)
    report = MODEL_READOUT.stem
    store = Store.open(tmp_path / "db")
    store.briefs.append("B", BriefItem("quote", "Words.", report, 2, "Title when added", "2023-05-06", 2))
    argv = ["brief", "export", "B", "--library", str(library), "--db", str(tmp_path / "db")]
    assert main(argv) == 0
    assert "[^1]: Party group of the municipal government: enlarged meeting, 2023-05-06, ¶2" in capsys.readouterr().out
    store.set_title(report, "Shenzhen readout")
    store.sources.set(report, ReportSource(url="https://example.org/r"))
    (tmp_path / "config.toml").write_text('[citation]\nstyle = "chicago"\n', encoding="utf-8")
    monkeypatch.setenv("MINUTESREADER_CONFIG", str(tmp_path / "config.toml"))
    assert main(argv) == 0
    assert "[^1]: “Shenzhen readout,” 2023-05-06, ¶2, https://example.org/r (report" in capsys.readouterr().out
