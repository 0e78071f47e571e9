"""Defect 18: every text we draw reads (4.5:1) in every built-in theme, and directive
shading stands out from the plain background, obligation (the strongest) most."""

from __future__ import annotations

from textual.color import Color
from textual.geometry import Region

from minutesreader.widgets.contrast import contrast
from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import open_model

DIM = 0.66  # how much of its colour dim text keeps (Textual's dim factor)
# ansi-* themes draw with the terminal's own 16 colours, which no program can measure.
THEMES = ["atom-one-dark", "atom-one-light", "catppuccin-frappe", "catppuccin-latte", "catppuccin-macchiato",
          "catppuccin-mocha", "dracula", "flexoki", "gruvbox", "monokai", "nord", "rose-pine", "rose-pine-dawn",
          "rose-pine-moon", "solarized-dark", "solarized-light", "textual-dark", "textual-light", "tokyo-night"]


def poorly_readable(screen, theme: str) -> list[tuple[str, str, str, float]]:
    """Every piece of text on the screen, in every widget (ours and Textual's), under 4.5:1."""
    return [(theme, type(widget).__name__, text, round(ratio, 2))
            for widget in screen.query("*") if widget.display and widget.region.area
            for text, ratio in drawn(widget) if ratio < 4.5]


def drawn(widget) -> list[tuple[str, float]]:
    """(text, contrast) of every piece of visible text the widget draws."""
    width, height = widget.size
    found = []
    bg_default = widget.background_colors[1]
    fg_default = bg_default + widget.colors[3]
    for strip in widget.render_lines(Region(0, 0, width, height)):
        for segment in strip:
            text, style = segment.text, segment.style
            if not text.strip() or style is None or set(text) <= {"▌", "▎", "▊"}:
                continue
            fg = Color.from_rich_color(style.color) if style.color and style.color.triplet else fg_default
            bg = Color.from_rich_color(style.bgcolor) if style.bgcolor and style.bgcolor.triplet else bg_default
            if style.dim:
                fg = bg.blend(fg, DIM)
            found.append((text, contrast(fg, bg)))
    return found


async def test_reader_text_reads_and_shading_stands_out_in_every_theme(app_factory):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "l", "n", *"a note", "ctrl+s", "t", *"growth", "enter")
        await pilot.press("slash", *"economic", "enter")
        await app.workers.wait_for_complete()
        view = app.screen.query_one(DocumentView)
        poor, faint = [], []
        for theme in THEMES:
            app.theme = theme  # the reader recolours itself as the user switches
            await pilot.pause()
            await pilot.pause()
            poor += poorly_readable(app.screen, theme)
            plain = view.background_colors[1]
            apart = {category: round(contrast(Color.from_rich_color(view.category_style(category).bgcolor), plain), 2)
                     for category in ("obligation", "call", "task")}
            if min(apart.values()) < 1.2 or apart["obligation"] < max(apart.values()):
                faint.append((theme, apart))
        assert poor == [], "\n".join(map(str, poor))
        assert faint == []  # each shading distinguishable; obligation's never the faintest


async def test_the_chosen_theme_is_remembered_across_restarts(app_factory):
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme != "solarized-light"
        app.theme = "solarized-light"
        await pilot.pause()
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "solarized-light"


async def test_changing_theme_in_the_reader_recolours_the_heading(app_factory):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_model(pilot)
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        poor = poorly_readable(app.screen, "textual-light")
        assert poor == []


async def test_library_text_reads_in_every_theme(app_factory, tmp_path):
    import shutil

    from tests.conftest import BUNDLED_LIBRARY
    from tests.ui.conftest import wait_for_scan

    folder = tmp_path / "full"
    shutil.copytree(BUNDLED_LIBRARY, folder)
    (folder / "undated.txt").write_text("Notes of a meeting without a date.\n\nIt must be read.\n", encoding="utf-8")
    app = app_factory(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_scan(pilot)
        poor = []
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            poor += poorly_readable(app.screen, theme)
        assert poor == [], "\n".join(map(str, poor))


async def test_brief_tags_and_notes_views_read_in_every_theme(app_factory):
    app = app_factory()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_model(pilot)
        await pilot.press("j", "n", *"a note", "ctrl+s", "t", *"growth", "enter", "b")
        poor = []
        for key in ("ctrl+b", "T", "A"):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            for theme in THEMES:
                app.theme = theme
                await pilot.pause()
                await pilot.pause()
                poor += poorly_readable(app.screen, theme)
            await pilot.press("escape")
        assert poor == [], "\n".join(map(str, poor))
