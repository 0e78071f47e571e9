from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from minutesreader.app import make_app
from minutesreader.cli import Context
from tests.conftest import BUNDLED_LIBRARY


@pytest.fixture
def library(tmp_path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for name in ("000_9d62e18ffa0ab910.txt", "044_da5f0730ca9a2dfe.txt", "049_73e9958d0c926e56.txt"):
        shutil.copy(BUNDLED_LIBRARY / name, folder / name)
    return folder


@pytest.fixture
def store_dir(tmp_path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def app_factory(library, store_dir, tmp_path):
    def build(folder: Path | None = None):
        return make_app(Context(folder or library, store_dir, None))

    return build


async def wait_for_scan(pilot) -> None:
    """Let the library worker finish, then let the screen take its messages."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def settle_until(pilot, condition, rounds: int = 20) -> None:
    """Let workers finish and their messages arrive until `condition()` holds (a worker's
    result may start another worker, so one round is not always enough)."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert condition()


async def open_model(pilot) -> None:
    await wait_for_scan(pilot)
    await pilot.press("slash", *"9d62e18ffa0ab910", "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """Every notification the app shows, in order (what the user is told)."""
    from minutesreader.app import MinutesReaderApp

    messages: list[str] = []
    shown = MinutesReaderApp.notify

    def notify(self, message, *args, **kwargs):
        messages.append(str(message))
        return shown(self, message, *args, **kwargs)

    monkeypatch.setattr(MinutesReaderApp, "notify", notify)
    return messages


async def burst(pilot, text: str) -> None:
    """Type `text` as a terminal delivers a fast typist's keys: all queued before the app reads one.

    Pilot's own press() waits for the app after every key, which no person does."""
    from textual import events
    from textual.keys import _character_to_key

    named = {"\r": "enter", "\t": "tab"}  # as the terminal parser names them
    for character in text:
        pilot.app.post_message(events.Key(named.get(character) or _character_to_key(character), character))
    await settle(pilot)


async def paste(pilot, text: str) -> None:
    """A terminal's bracketed paste, as the driver hands it to the app."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await settle(pilot)


async def settle(pilot, rounds: int = 8) -> None:
    """Let keys travel widget to widget (each hop is a message) until the app is quiet."""
    for _ in range(rounds):
        await pilot.pause()


def paragraph_text(library: Path, report_id: str, number: int) -> str:
    """The text of a report's paragraph, as the store anchors notes and tags to it."""
    from minutesreader.core.library import read_report

    return read_report(library / f"{report_id}.txt").paragraphs[number - 1].text


async def wait_until(pilot, condition, seconds: float = 60.0) -> None:
    """Let the app run until `condition()` holds, for what a thread (the store watcher)
    does on its own time; fails if it never does within `seconds` (a loaded machine is slow)."""
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.02)
    assert condition()


def screen_lines(app) -> list[str]:
    """The screen's rows of text as the terminal shows them (from the public SVG screenshot:
    what is cropped or hidden there is cropped for the user too)."""
    import html
    import re

    rows: dict[float, list[tuple[float, str]]] = {}
    svg = app.export_screenshot()
    for x, y, text in re.findall(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        rows.setdefault(float(y), []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    return ["".join(text for _, text in sorted(row)) for _, row in sorted(rows.items())]
