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
