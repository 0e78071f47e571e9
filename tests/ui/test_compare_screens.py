"""`D` in the reader (the redline against the previous report of the series) and `P` in
the library (a phrase timeline), as the user meets them."""

from __future__ import annotations

import shutil
import threading

import pytest

from minutesreader.screens.compare import CompareScreen
from minutesreader.screens.reader import ReaderScreen
from minutesreader.screens.timeline import TimelineScreen
from minutesreader.widgets.redline import Redline
from tests.conftest import BUNDLED_LIBRARY
from tests.ui.conftest import wait_for_scan

OLD = "048_653eb7bcc905d09c"
NEW = "049_73e9958d0c926e56"


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    for name in (OLD, NEW, "000_9d62e18ffa0ab910"):
        shutil.copy(BUNDLED_LIBRARY / f"{name}.txt", folder)
    return folder


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_report(pilot, report: str) -> None:
    await wait_for_scan(pilot)
    await pilot.press("slash", *report[4:], "enter")
    await settle(pilot)


def heading(app) -> str:
    return str(app.screen.query_one("#compare-heading").render())


async def test_reader_names_the_series_and_D_shows_the_redline(app_factory):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_report(pilot, NEW)
        assert isinstance(app.screen, ReaderScreen)
        series = str(app.screen.query_one("#reader-heading").render())
        assert "← 2020-05-20 Minutes of the Federal Open Market Committee April 28–29, 2020" in series
        assert "latest of the series" in series
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        text = heading(app)
        assert "2020-05-20" in text and "2023-07-05" in text and "changed" in text
        redline = app.screen.query_one(Redline)
        first = app.screen.changes[redline.change_index]
        # ] steps to the next change, skipping unchanged sentences
        await pilot.press("right_square_bracket", "right_square_bracket")
        here = app.screen.changes[redline.change_index]
        assert here.change != "same" and redline.highlighted > 0 and here is not first
        await pilot.press("c")
        lines = app.clipboard.splitlines()
        # FOMC files are one line each: their display parts are cited "part N", never ¶N (issue 13).
        if here.old:
            assert lines[0] == f"Was: “{here.old}” — Minutes of the Federal Open Market Committee April 28–29, 2020, 2020-05-20, part {here.old_paragraph}"
        if here.new:
            assert lines[-1] == f"Now: “{here.new}” — Minutes of the Federal Open Market Committee June 13–14, 2023, 2023-07-05, part {here.new_paragraph}"
        # only changed directives
        await pilot.press("d")
        await pilot.pause()
        shown = [app.screen.changes[int(o.id)] for o in redline.options]
        assert shown and all(c.change != "same" and c.is_directive for c in shown)
        await pilot.press("question_mark")
        keys = dict(app.screen.keys)
        assert keys["]"] == "Next change" and keys["["] == "Previous change"
        assert keys["d"] == "Changed directives only" and keys["c"] == "Copy change"
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_D_pressed_as_soon_as_the_report_shows_gives_the_whole_redline(app_factory):
    """Before the reader has found its directives or compared ahead: the redline waits
    for that work (or does it), and shows every sentence with the directives' categories."""
    from minutesreader.core.compare import compare_reports, summary_counts
    from minutesreader.core.compared_files import forget
    from minutesreader.core.library import read_report

    forget()
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("slash", *NEW[4:], "enter")
        while not (isinstance(app.screen, ReaderScreen) and app.screen.report is not None):
            await pilot.pause()
        await pilot.press("D")  # no settling: the reader may still be finding directives
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        expected = compare_reports(read_report(BUNDLED_LIBRARY / f"{OLD}.txt"), read_report(BUNDLED_LIBRARY / f"{NEW}.txt"),
                                   app.classifier)
        assert app.screen.changes == expected
        counts = summary_counts(expected)
        assert "  ·  ".join(f"{n} {kind}" for kind, n in counts.items()) in heading(app)
        assert "2020-05-20" in heading(app) and "2023-07-05" in heading(app)


async def test_D_with_no_earlier_report_lets_you_choose(app_factory):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_report(pilot, OLD)
        await pilot.press("D")
        await pilot.pause()
        from minutesreader.dialogs.choose import ChooseDialog

        assert isinstance(app.screen, ChooseDialog)
        await pilot.press("enter")  # the first choice: the other report of the series
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.old_id, app.screen.new_id) == (NEW, OLD)


async def test_P_shows_a_timeline_and_enter_opens_the_first_occurrence(app_factory):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for_scan(pilot)
        await settle(pilot)  # the search index is built after the scan
        await pilot.press("P", *"monetary policy", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        chart = str(app.screen.query_one("#timeline-chart").render())
        assert chart.startswith("monetary policy") and "2020" in chart and "2023" in chart
        assert [o.report for o in app.screen.rows["monetary policy"]] == [OLD, NEW]
        await pilot.press("a", *"high-quality development", "enter")
        await settle(pilot)
        assert list(app.screen.rows) == ["monetary policy", "high-quality development"]
        timeline_rows = app.screen.rows["monetary policy"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.report_id == OLD
        first = timeline_rows[0]
        status = str(app.screen.query_one("#reader-status").render())
        assert status.startswith(f"¶{first.paragraph}/") and "hit 1/" in status
        assert 'for “monetary policy”' in status  # quoted once, not “"monetary policy"”
        assert app.screen.active_bindings["escape"].binding.description == "Phrase timeline"  # not "Library"
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)


async def test_P_lists_a_page_of_reports_then_says_how_many_more_and_enter_lists_them(app_factory, monkeypatch):
    import minutesreader.screens.timeline as timeline

    monkeypatch.setattr(timeline, "PAGE", 1)  # as a phrase found in more reports than a page
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for_scan(pilot)
        await settle(pilot)
        await pilot.press("P", *"monetary policy", "enter")
        await settle(pilot)
        listing = app.screen.query_one("#timeline-list")
        lines = [str(option.prompt) for option in listing.options]
        assert len(lines) == 2 and "2020-05-20" in lines[0]
        assert "… 1 more reports (1 of 2 listed): Enter lists 1 more" in lines[1]
        assert " in 2 reports" in str(app.screen.query_one("#timeline-chart").render())  # the chart counts them all
        await pilot.press("down", "enter")
        await settle(pilot)
        lines = [str(option.prompt) for option in listing.options]
        assert len(lines) == 2 and "2023-07-05" in lines[1] and "more reports" not in "".join(lines)
        assert listing.highlighted == 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.report_id == NEW


async def test_P_shows_the_chart_as_soon_as_the_phrase_is_counted_then_its_reports(app_factory, monkeypatch):
    """Finding each report's first sentence (thousands of them for a common phrase) is
    not waited for: the chart and counts show first, the list follows."""
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for_scan(pilot)
        await settle(pilot)
        release = threading.Event()
        find_sentences = app.session.with_sentences

        def held(*args):
            release.wait(30)  # until the test has looked at the screen (a guard, not a timing)
            return find_sentences(*args)

        monkeypatch.setattr(app.session, "with_sentences", held)
        await pilot.press("P", *"monetary policy", "enter")
        while not (isinstance(app.screen, TimelineScreen) and app.screen.rows):
            await pilot.pause(0)
        await pilot.pause()
        listing = app.screen.query_one("#timeline-list")
        assert " in 2 reports" in str(app.screen.query_one("#timeline-chart").render())
        assert listing.option_count == 0
        assert str(app.screen.query_one("#timeline-status").render()).startswith("listing reports…")
        release.set()
        await settle(pilot)
        lines = [str(option.prompt) for option in listing.options]
        assert len(lines) == 2 and "2020-05-20" in lines[0] and "2023-07-05" in lines[1]
        assert "listing" not in str(app.screen.query_one("#timeline-status").render())


async def test_leaving_the_timeline_while_its_list_still_fills_is_safe(app_factory, monkeypatch, tmp_path):
    """Escape pressed while rows are still being added a batch per refresh: the batches
    left must not reach into the screen being taken down (it crashed the app)."""
    import minutesreader.widgets.batched_options as batched

    monkeypatch.setattr(batched, "FIRST_BATCH", 1)
    monkeypatch.setattr(batched, "BATCH", 1)
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(60):
        (folder / f"r{number:02d}.txt").write_text(f" date 2020-01-{1 + number % 28:02d} Meeting {number}\n\nWe must stabilise growth.")
    app = app_factory(folder)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for_scan(pilot)
        await settle(pilot)
        await pilot.press("P", *"growth", "enter")
        while not (isinstance(app.screen, TimelineScreen) and app.screen.rows):
            await pilot.pause(0)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, TimelineScreen)


async def test_S_names_the_series_in_the_store_and_the_heading_follows(app_factory):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_report(pilot, OLD)
        assert "latest of the series" not in str(app.screen.query_one("#reader-heading").render())
        await pilot.press("S", *"County roads", "enter")
        await pilot.pause()
        assert app.session.series_names() == {OLD: "County roads"}
        assert "no other report of this series" in str(app.screen.query_one("#reader-heading").render())


async def test_P_cancelled_or_empty_goes_back_to_the_library(app_factory):
    from minutesreader.screens.library import LibraryScreen

    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("P", "escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("P", *"...", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)


def test_timeline_chart_has_a_row_of_bars_per_phrase_and_a_time_axis():
    from minutesreader.core.track import Occurrence
    from minutesreader.screens.timeline import BARS, chart, chart_periods

    def seen(date, count):
        return Occurrence("r" + date, date, "T", count, 1)

    rows = {"stabilise growth": [seen("2001-03-01", 2), seen("2010-05-01", 8)], "jobs": [seen("2005-01-01", 4)]}
    assert chart_periods(rows) == ("year", [str(y) for y in range(2001, 2011)])
    lines = chart(rows, ["bold", "bold"], width=120).plain.splitlines()
    assert lines[0] == "stabilise growth " + BARS[2] + "        " + BARS[-1] + "  10 in 2 reports"
    assert lines[1] == "jobs             " + "    " + BARS[4] + "     " + "  4 in 1 reports"
    assert lines[2].startswith(" " * 17 + "2001") and "2010" in lines[2]
    assert chart_periods({"a": [seen("2023-11-05", 1), seen("2024-02-01", 1)]})[1] == ["2023-11", "2023-12", "2024-01", "2024-02"]
