"""Keys typed ahead of an input's focus, and terminal pastes, land in the input (issue 9, defect 3)."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from minutesreader.dialogs.note_editor import NoteEditor
from minutesreader.screens.library import LibraryScreen
from minutesreader.screens.notes import NotesScreen
from minutesreader.screens.search import SearchScreen
from minutesreader.widgets.find_bar import FindBar
from tests.ui.conftest import burst, open_model, paste, settle, wait_for_scan


async def test_a_burst_after_slash_goes_into_the_library_filter(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await burst(pilot, "/group municipal")
        assert isinstance(app.screen, LibraryScreen)  # `r` did not open the rename dialog, `A` not the notes
        assert app.screen.query_one("#filter", Input).value == "group municipal"


async def test_a_burst_after_s_goes_into_the_search_box(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await burst(pilot, "sgrain reserves")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "grain reserves"


async def test_a_burst_after_A_goes_into_the_notes_filter(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await burst(pilot, "Aqrst")
        assert isinstance(app.screen, NotesScreen)
        assert app.screen.query_one(Input).value == "qrst"


async def test_a_burst_after_r_goes_into_the_rename_box(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await burst(pilot, "r and more")
        assert app.screen.query_one(Input).value.endswith(" and more")


async def test_a_burst_after_n_goes_into_the_note(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await burst(pilot, "nquick thought")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "quick thought"


async def test_a_burst_after_slash_in_the_reader_goes_into_find(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await burst(pilot, "/grain")
        assert app.screen.query_one(FindBar).query_one(Input).value == "grain"


async def test_a_paste_into_the_filter_arrives_whole_without_control_sequences(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await pilot.press("slash")
        await paste(pilot, "group\x1b[31m of the\nmunicipal\x07")
        assert app.screen.query_one("#filter", Input).value == "group of the municipal"


async def test_a_paste_right_after_n_lands_in_the_note_with_its_lines(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        pilot.app.post_message(__import__("textual.events", fromlist=["Key"]).Key("n", "n"))
        await paste(pilot, "first line\n\x1b]52;c;aGk=\x07second line")
        await settle(pilot)
        assert app.screen.query_one(TextArea).text == "first line\nsecond line"



async def test_a_burst_after_h_in_the_brief_goes_into_the_heading(app_factory):
    from minutesreader.screens.brief import BriefScreen

    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        await burst(pilot, "hOutlook\r")
        assert [item.text for item in app.screen.items] == ["Outlook"]


async def test_a_burst_after_r_in_the_tag_browser_goes_into_the_new_name(app_factory):
    from minutesreader.screens.tags import TagsScreen

    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("t", *"growth", "enter", "T")
        await settle(pilot)
        assert isinstance(app.screen, TagsScreen)
        await burst(pilot, "r2")
        assert app.screen.query_one(Input).value == "growth2"


async def test_a_burst_after_P_goes_into_the_phrase_box_in_order(app_factory):
    """`P` pushes the timeline, which pushes its phrase box over itself: two screens. The
    first key after `P` reaches the timeline before the box; it must not end up last."""
    from minutesreader.dialogs.prompt import PromptDialog

    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await burst(pilot, "Pmonetary policy")
        assert isinstance(app.screen, PromptDialog)
        assert app.screen.query_one(Input).value == "monetary policy"
