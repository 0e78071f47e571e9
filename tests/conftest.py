"""Every test runs with its own data dir and a fake clipboard.

No test may touch the developer's real notes, config or system clipboard.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BUNDLED_LIBRARY = REPO / "library"
MODEL_READOUT = BUNDLED_LIBRARY / "000_9d62e18ffa0ab910.txt"


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("MINUTESREADER_DB", str(home / "store"))
    monkeypatch.delenv("MINUTESREADER_RULES", raising=False)
    monkeypatch.delenv("MINUTESREADER_LIBRARY", raising=False)
    return home


class FakeClipboard:
    def __init__(self) -> None:
        self.copied: list[str] = []
        self.available = True

    def __call__(self, text: str) -> None:
        import pyperclip

        if not self.available:
            raise pyperclip.PyperclipException("no clipboard mechanism")
        self.copied.append(text)


@pytest.fixture(autouse=True)
def system_clipboard(monkeypatch) -> FakeClipboard:
    fake = FakeClipboard()
    monkeypatch.setattr("minutesreader.clipboard.system_copy", fake)
    return fake
