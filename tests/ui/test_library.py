"""The library screen, as the user meets it."""

from __future__ import annotations

from minutesreader.screens.library import LibraryScreen
from minutesreader.screens.reader import ReaderScreen
from minutesreader.widgets.report_table import ReportTable
from tests.ui.conftest import wait_for_scan


async def test_lists_every_report_newest_first_with_counts(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        dates = [row.date for row in table.rows]
        assert dates == sorted(dates, reverse=True)
        assert len(dates) == 3
        model = next(row for row in table.rows if row.id == "000_9d62e18ffa0ab910")
        assert model.title == "Party group of the municipal government: enlarged meeting"
        assert model.counts == {"obligation": 8, "call": 0, "task": 1}


async def test_filter_narrows_as_you_type_and_enter_opens_first_match(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await pilot.press("slash", *"federal open")
        table = app.screen.query_one(ReportTable)
        assert {row.id for row in table.rows} == {"044_da5f0730ca9a2dfe", "049_73e9958d0c926e56"}
        await pilot.press(*" 1994")
        assert [row.id for row in table.rows] == ["044_da5f0730ca9a2dfe"]
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.report_id == "044_da5f0730ca9a2dfe"


async def test_filter_matches_body_text_and_tags(app_factory, store_dir):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await pilot.press("slash", *"bulk consumer goods")
        table = app.screen.query_one(ReportTable)
        assert [row.id for row in table.rows] == ["000_9d62e18ffa0ab910"]
        app.session.store.add_tags("044_da5f0730ca9a2dfe", 3, "quote", ["inflation-watch"])
        app.screen.refresh_annotations()
        await pilot.press("escape", "slash", *"inflation-w")
        assert [row.id for row in table.rows] == ["044_da5f0730ca9a2dfe"]


async def test_escape_from_reader_returns_to_library_and_q_quits(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_rename_is_stored_and_shown_after_restart(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        table.select_id("000_9d62e18ffa0ab910")
        await pilot.press("r", "ctrl+a", "ctrl+k", *"Jinan May 5 enlarged meeting", "enter")
        await pilot.pause()
        assert table.current.title == "Jinan May 5 enlarged meeting"
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        titles = {row.id: row.title for row in table.rows}
        assert titles["000_9d62e18ffa0ab910"] == "Jinan May 5 enlarged meeting"


async def test_unreadable_files_are_listed_with_the_reason(app_factory, library):
    (library / "empty.txt").write_bytes(b"")
    (library / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (library / "folder.txt").mkdir()
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        rows = {row.id: row for row in app.screen.query_one(ReportTable).rows}
        assert rows["empty"].error == "empty file"
        assert rows["picture"].error == "binary data, not text"
        assert rows["folder"].error == "a folder, not a file"
        assert rows["000_9d62e18ffa0ab910"].error is None


async def test_cursor_starts_on_the_newest_report_and_stays_where_the_user_put_it(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        assert table.current_id == table.rows[0].id == "049_73e9958d0c926e56"
        await pilot.press("j", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.report_id == "000_9d62e18ffa0ab910"
        await pilot.press("escape")
        assert table.current_id == "000_9d62e18ffa0ab910"


async def test_notes_column_counts_notes_not_tagged_paragraphs(app_factory, store_dir):
    """Defect 17: the Notes column added tagged paragraphs to the notes."""
    from minutesreader.storage.store import Store
    from minutesreader.widgets.report_table import ReportTable

    store = Store.open(store_dir)
    store.add_note("000_9d62e18ffa0ab910", 1, "p1", "one note")
    store.add_tags("000_9d62e18ffa0ab910", 2, "p2", ["growth"])
    store.add_tags("000_9d62e18ffa0ab910", 3, "p3", ["jobs"])
    app = app_factory()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        index = next(i for i, r in enumerate(table.rows) if r.id == "000_9d62e18ffa0ab910")
        line = table.render_line(index + 1).text  # line 0 is the header
        assert line.rstrip().endswith(" 1"), line


async def test_at_80_columns_every_row_keeps_what_tells_it_apart(app_factory, tmp_path):
    """Defect 19: every FOMC row read "Minutes of the Federal Open Market Commit…"."""
    import shutil

    from tests.conftest import BUNDLED_LIBRARY

    folder = tmp_path / "full"
    shutil.copytree(BUNDLED_LIBRARY, folder)
    app = app_factory(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        titles = [table.render_line(y + 1).text[12:12 + 40].strip() for y in range(len(table.rows))]
        assert len(table.rows) == 7
        assert any("June 13–14, 2023" in title for title in titles), titles
        assert any("June 26-27, 2001" in title for title in titles), titles
        assert len(set(titles)) == len(titles)


async def test_o_sorts_the_list_and_the_order_is_kept_after_reading_a_report(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_scan(pilot)
        table = app.screen.query_one(ReportTable)
        ids = lambda: [row.id[:3] for row in table.rows]  # noqa: E731
        assert ids() == ["049", "000", "044"]  # newest first
        await pilot.press("o")  # by title: "Minutes … Committee June" < "… Committee Meeting" < "Party …"
        assert ids() == ["049", "044", "000"]
        assert "sorted by title" in str(app.screen.query_one("#library-status").render())
        await pilot.press("o")  # most directives first
        counts = [row.directives for row in table.rows]
        assert counts == sorted(counts, reverse=True) and len(set(counts)) == 3  # not the rules' figures: their order
        await pilot.press("o", "o")  # notes, then round to the date again
        assert ids() == ["049", "000", "044"] and app.session.library_sort == "date"
        await pilot.press("o", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.library_sort == "title" and ids() == ["049", "044", "000"]
