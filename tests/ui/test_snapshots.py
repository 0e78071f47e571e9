"""Snapshots of the main screens, in a dark and a light theme: what no assertion names
(colours, layout, truncation, contrast) is compared with the accepted SVG in
__snapshots__/. After a deliberate change of a screen, look at the new picture and accept
it: python3 -m pytest tests/ui/test_snapshots.py --snapshot-update

The pictures are Textual's rendering (8.2.8 when taken): after an upgrade of Textual, look
at the failures' report and accept them the same way.

Deterministic: a fixed terminal size, a library and store made here (shown by relative
paths), a fixed clock for the note's date, every worker done before the picture.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from minutesreader.app import make_app
from minutesreader.cli import Context
from minutesreader.storage.briefs import BriefItem
from minutesreader.storage.store import Store
from tests.conftest import BUNDLED_LIBRARY
from tests.ui.conftest import paragraph_text, wait_for_scan

MODEL = "000_9d62e18ffa0ab910"
REPORTS = (f"{MODEL}.txt", "044_da5f0730ca9a2dfe.txt", "049_73e9958d0c926e56.txt")
THEMES = ("textual-dark", "textual-light")
SIZE = (110, 32)


@pytest.fixture
def snapshot_app(tmp_path, monkeypatch):
    """The app on a small library with one note, one tag and a brief of one quote."""
    (tmp_path / "library").mkdir()
    for name in REPORTS:
        shutil.copy(BUNDLED_LIBRARY / name, tmp_path / "library" / name)
    monkeypatch.chdir(tmp_path)  # the library's heading shows its path: the same on every machine
    monkeypatch.setattr("minutesreader.storage.model.stamp", lambda: "2026-01-15T09:30:00.000+00:00")  # the note's date
    store = Store.open(Path("store"))
    second = paragraph_text(Path("library"), MODEL, 2)
    store.add_note(MODEL, 2, second, "Ask the chair about the timing of this")
    store.add_tags(MODEL, 2, second, ["timing"])
    store.briefs.append("Brief", BriefItem("quote", second[:120], MODEL, 2, "The model readout", "2024-05-05"))
    store.close()
    return lambda: make_app(Context(Path("library"), Path("store"), None))


def showing(theme: str, *keys: str):
    """run_before for snap_compare: the theme, the library read, the keys, every worker done."""

    async def run_before(pilot) -> None:
        pilot.app.theme = theme
        await wait_for_scan(pilot)
        await pilot.press(*keys)
        await pilot.app.workers.wait_for_complete()
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False  # the cursor shown steadily, not caught mid-blink
        await pilot.pause()

    return run_before


OPEN_MODEL = ("slash", *MODEL.split("_")[1], "enter")


@pytest.mark.parametrize("theme", THEMES)
def test_library(snap_compare, snapshot_app, theme):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=showing(theme))


@pytest.mark.parametrize("theme", THEMES)
def test_reader_with_directives_and_a_note(snap_compare, snapshot_app, theme):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=showing(theme, *OPEN_MODEL))


@pytest.mark.parametrize("theme", THEMES)
def test_all_notes(snap_compare, snapshot_app, theme):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=showing(theme, "A"))


@pytest.mark.parametrize("theme", THEMES)
def test_tag_browser(snap_compare, snapshot_app, theme):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=showing(theme, "T"))


@pytest.mark.parametrize("theme", THEMES)
def test_brief(snap_compare, snapshot_app, theme):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=showing(theme, "ctrl+b"))


@pytest.mark.parametrize("theme", THEMES)
def test_help_in_the_reader(snap_compare, snapshot_app, theme):
    assert snap_compare(snapshot_app(), terminal_size=SIZE, run_before=showing(theme, *OPEN_MODEL, "question_mark"))
