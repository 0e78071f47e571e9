"""Chinese reports in the app: columns line up, text wraps between characters, the header
and quotes speak for the report's language. Report texts are written for the tests."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from minutesreader.widgets.cells import fit_cells, line_starts, wrap_cjk
from minutesreader.widgets.document import DocumentView
from minutesreader.widgets.report_table import ReportTable
from tests.ui.conftest import wait_for_scan

CHINESE = (
    " date 2024-03-01 本报讯（记者 王小明）3月1日，县委书记李明主持召开县委常委会会议，研究春季农田水利建设。\n\n"
    "会议强调，要加快推进农田水利建设，确保春耕用水。加快修复受损水渠。会议要求各乡镇深刻认识防汛工作的紧迫性。\n"
)
RUSSIAN = " date 2024-02-01 Городской совет собрался в понедельник. Совет должен отремонтировать мост.\n"


def add_reports(library) -> None:
    (library / "zh_water.txt").write_text(CHINESE, encoding="utf-8")
    (library / "ru_bridge.txt").write_text(RUSSIAN, encoding="utf-8")


async def open_report(pilot, report_id: str) -> None:
    await wait_for_scan(pilot)
    await pilot.press("slash", *report_id, "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_library_columns_line_up_with_chinese_titles(app_factory, library):
    add_reports(library)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        chinese = next(row for row in table.rows if row.id == "zh_water")
        assert chinese.title == "县委常委会会议"
        assert chinese.counts == {"obligation": 1, "call": 1, "task": 1}
        lines = [table.render_line(y).text.rstrip() for y in range(1, len(table.rows) + 1)]
        readable = [line for line in lines if "cannot read" not in line]
        # The last count column ends in the same cell on every row, whatever the script.
        assert len({cell_len(line) for line in readable}) == 1, lines
        russian = next(line for line, row in zip(lines, table.rows) if row.id == "ru_bridge")
        assert russian.split()[-3:] == ["–", "–", "–"]  # no rules: not zero directives


async def test_chinese_report_in_the_reader(app_factory, library, system_clipboard):
    add_reports(library)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "zh_water")
        view = app.screen.query_one(DocumentView)
        assert [s.text for s in view.analysis[1]] == [
            "会议强调，要加快推进农田水利建设，确保春耕用水。", "加快修复受损水渠。", "会议要求各乡镇深刻认识防汛工作的紧迫性。"]
        legend = str(app.screen.query_one("#legend").render())
        assert "obligation 1" in legend and "call 1" in legend and "task 1" in legend
        await pilot.press("j", "c")
        assert app.clipboard == "“会议强调，要加快推进农田水利建设，确保春耕用水。”——县委常委会会议，2024-03-01，第2段"
        await pilot.press("slash", *"水利", "enter")
        await pilot.pause()
        assert view.hits and all(view.report.paragraphs[i].text[s:e] == "水利" for i, spans in view.hits.items() for s, e in spans)


async def test_report_without_directive_rules_says_so(app_factory, library):
    add_reports(library)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "ru_bridge")
        view = app.screen.query_one(DocumentView)
        assert view.report.paragraphs[0].text.startswith("Городской совет")
        legend = str(app.screen.query_one("#legend").render())
        assert "no directive rules for this language" in legend
        assert "obligation 0" not in legend


def test_chinese_wraps_between_characters_and_fills_each_line():
    text = Text("本报讯 (记者 王小明)3月14日，省长张华主持召开省政府常务会议，研究H7N9禽流感防控工作。")
    lines = wrap_cjk(text, 20)
    assert "".join(line.plain for line in lines) == text.plain
    assert all(line.cell_len <= 20 for line in lines)
    assert all(line.cell_len >= 18 for line in lines[:-1])  # no half-empty line before a long run
    assert not any(line.plain.startswith(("，", "。")) for line in lines)  # closing marks never open a line
    assert "H7N9" in "".join(line.plain for line in lines if "H7" in line.plain)  # a Latin word stays whole
    assert len(line_starts(text.plain, 20, chinese=True)) == len(lines)


def test_titles_are_cut_and_padded_by_cells():
    assert cell_len(fit_cells("中共中央政治局会议", 10)) == 10
    assert fit_cells("中共中央政治局会议", 10).rstrip().endswith("…")
    assert fit_cells("县委常委会议", 20) == "县委常委会议" + " " * 8
    assert fit_cells("Budget", 8) == "Budget  "
