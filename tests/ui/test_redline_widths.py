"""Walk report item 3: at 120 columns the redline cut letters off the end of wrapped lines
("…if necessary bu" / "costly", the file has "but costly"). The list grows in batches after
its first frame; when the growing list first needed a scrollbar, the lines already wrapped
to the wider width were drawn cropped. Every word must be on screen, at any width."""

from __future__ import annotations

import pytest

from minutesreader.screens.compare import CompareScreen
from minutesreader.widgets.redline import Redline
from tests.ui.conftest import screen_lines, settle, settle_until, wait_for_scan

FRAME = "▊▎▔▁▂▃▄▅▆▇█"  # the focused list's edges and the scrollbar, not text


def words_on_screen(app, redline: Redline) -> list[str]:
    top, bottom = redline.region.y, redline.region.bottom
    lines = screen_lines(app)[top:bottom]
    return " ".join(line.translate({ord(c): " " for c in FRAME}) for line in lines).split()


def words_listed(redline: Redline) -> list[str]:
    return [word for option in redline.options for word in str(option.prompt).split()]


@pytest.mark.parametrize("width", [80, 100, 120, 150])
async def test_every_word_of_the_redline_is_on_screen(app_factory, width):
    app = app_factory()
    async with app.run_test(size=(width, 40)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("slash", *"73e9958d0c926e56", "enter")  # the June 2023 minutes
        await app.workers.wait_for_complete()
        await pilot.press("D")
        await settle_until(pilot, lambda: len(app.screen_stack) > 2)
        await pilot.press("enter")  # compared with the report before it in its series
        for view in ("all changes", "changed directives only"):
            await settle_until(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.changes)
            await settle(pilot)
            redline = app.screen.query_one(Redline)
            shown = words_on_screen(app, redline)
            assert len(shown) > 100, view
            assert shown == words_listed(redline)[:len(shown)], (width, view)
            await pilot.press("d")
