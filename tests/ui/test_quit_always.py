"""q ends the app, even with a FIFO and a link to /dev/zero in the library (nothing is
left blocked reading them: before, a worker stuck on the FIFO kept the process alive)."""

from __future__ import annotations

import os

from tests.ui.conftest import wait_for_scan


async def test_the_app_ends_with_a_fifo_in_the_library(app_factory, library):
    os.mkfifo(library / "x.txt")
    (library / "zero.txt").symlink_to("/dev/zero")
    app = app_factory()
    async with app.run_test() as pilot:
        await wait_for_scan(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_c_ends_the_app_but_never_a_note_being_typed(app_factory):
    from minutesreader.dialogs.note_editor import NoteEditor
    from tests.ui.conftest import open_model

    app = app_factory()
    async with app.run_test() as pilot:
        await open_model(pilot)
        await pilot.press("n", *"half a thought")
        await pilot.press("ctrl+c")  # in the editor: copy, not quit
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, NoteEditor)
        await pilot.press("escape", "escape")  # typed text: the first Escape asks, the second discards
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
