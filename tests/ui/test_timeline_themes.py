"""Walk report item 2: the phrase timeline colours its phrases from theme variables, and
the ansi-* themes name their colours `ansi_green`, which Rich cannot parse: `P` crashed the
app under them. Every built-in theme must draw the timeline, each phrase in a colour."""

from __future__ import annotations

from textual.widgets import Static

from minutesreader.screens.library import LibraryScreen
from minutesreader.screens.timeline import TimelineScreen
from tests.ui.conftest import settle_until, wait_for_scan


async def test_the_timeline_draws_in_colour_under_every_built_in_theme(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            await pilot.press("P", *"economic", "enter")
            await settle_until(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.rows)
            await pilot.press("a", *"development", "enter")
            await settle_until(pilot, lambda: len(app.screen.rows) == 2)
            chart = app.screen.query_one("#timeline-chart", Static)
            lines = [line.text for line in chart.render_lines(chart.region.reset_offset)]
            assert any("economic" in line for line in lines), (theme, lines)
            bars = [segment for line in chart.render_lines(chart.region.reset_offset) for segment in line
                    if segment.text.strip() and set(segment.text.strip()) <= set("▁▂▃▄▅▆▇█")]
            colours = {segment.style.color for segment in bars}
            assert len(colours) == 2 and None not in colours, (theme, colours)  # each phrase its own colour
            await pilot.press("escape")
            await settle_until(pilot, lambda: isinstance(app.screen, LibraryScreen))


async def test_the_timeline_takes_the_colours_of_a_theme_chosen_while_it_is_shown(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        app.theme = "textual-dark"
        await pilot.press("P", *"economic", "enter")
        await settle_until(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.rows)
        app.theme = "ansi-dark"  # as ctrl+p → theme does, the timeline on screen
        await pilot.pause()
        await pilot.pause()
        chart = app.screen.query_one("#timeline-chart", Static)
        bars = [segment for line in chart.render_lines(chart.region.reset_offset) for segment in line
                if segment.text.strip() and set(segment.text.strip()) <= set("▁▂▃▄▅▆▇█")]
        # the terminal's own colours, as ansi-dark names them, not the orange of textual-dark
        assert bars and all(segment.style.color.is_system_defined for segment in bars)


async def test_the_selected_row_is_readable_under_the_ansi_themes(app_factory):
    """Second walk, item 1: under ansi-dark the list's muted text asked for the terminal's
    default colour, which overrode the cursor's black: light text on the white cursor."""
    from minutesreader.widgets.batched_options import BatchedOptionList

    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_scan(pilot)
        app.theme = "ansi-dark"
        await pilot.pause()
        await pilot.press("P", *"inflation", "enter")
        await settle_until(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.rows)
        listing = app.screen.query_one(BatchedOptionList)
        await settle_until(pilot, lambda: listing.option_count > 0)
        await pilot.pause()
        row = listing.render_line(0)  # the highlighted first row
        assert row.text.strip()
        default = [segment.text for segment in row if segment.text.strip() and segment.style and segment.style.color
                   and segment.style.color.is_default]
        assert default == []
