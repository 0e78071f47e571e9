"""A small tmux driver: the installed app in a real terminal, driven by keys as a person does.

Pilot waits for the app after every key; people do not. Here keys arrive as a terminal
sends them: a burst in one write, a bracketed paste, and a copy leaves by OSC 52 into
tmux's buffer (set-clipboard on). Waits poll the screen for an expected text, with a
generous time-out, never a fixed sleep.

Reuse: ask for the `reader_terminal` fixture (the app on a temp store and a temp copy of
the bundled library), or for `terminal` and call `start(...)` with any command.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_LIBRARY, REPO

WAIT_SECONDS = 20.0  # generous: a loaded CI machine may start Python slowly


class Terminal:
    """One tmux server on its own socket, one window running one program."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-S", str(self.socket), "-f", os.devnull, *args],
                              check=check, text=True, capture_output=True)

    def start(self, argv: list[str], *, env: dict[str, str], cwd: Path, size: tuple[int, int] = (120, 40)) -> None:
        width, height = str(size[0]), str(size[1])
        # Python reads COLUMNS and LINES before the terminal: whatever the test process has must not win.
        env = {**env, "COLUMNS": width, "LINES": height}
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        # The shell waits after the program ends, so its last screen can still be read.
        line = f"cd {shlex.quote(str(cwd))} && env TERM=xterm-256color {exports} {shlex.join(argv)}; sleep 600"
        self.tmux("new-session", "-d", "-s", "t", "-x", width, "-y", height, line)
        self.tmux("set-option", "-g", "set-clipboard", "on")

    def keys(self, *names: str) -> None:
        """tmux key names, one at a time: Enter, Escape, Down, C-s, Tab, Right …"""
        for name in names:
            self.tmux("send-keys", "-t", "t", name)

    def burst(self, text: str) -> None:
        """Literal text in one write, as a fast typist or a key-repeat delivers it."""
        self.tmux("send-keys", "-t", "t", "-l", text)

    def paste(self, text: str) -> None:
        """A bracketed paste (the program asked the terminal for it)."""
        self.tmux("set-buffer", "-b", "paste", "--", text)
        self.tmux("paste-buffer", "-p", "-d", "-b", "paste", "-t", "t")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t").stdout

    def wait_for(self, pattern: str, seconds: float = WAIT_SECONDS) -> str:
        """Poll until the screen matches `pattern` (a regex); the screen, or a failure showing it."""
        rx = re.compile(pattern, re.DOTALL)
        deadline = time.monotonic() + seconds
        while True:
            screen = self.screen()
            if rx.search(screen):
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"the screen never showed {pattern!r}; it shows:\n{screen}")
            time.sleep(0.05)  # a poll interval, not a wait for the app: the loop waits for the text

    def clipboard(self) -> str:
        """What the program last copied with OSC 52 (tmux keeps it as its newest buffer)."""
        result = self.tmux("show-buffer", check=False)
        return result.stdout if result.returncode == 0 else ""

    def wait_for_clipboard(self, pattern: str, seconds: float = WAIT_SECONDS) -> str:
        rx = re.compile(pattern, re.DOTALL)
        deadline = time.monotonic() + seconds
        while not rx.search(copied := self.clipboard()):
            if time.monotonic() > deadline:
                pytest.fail(f"nothing matching {pattern!r} reached the terminal's clipboard; it holds {copied!r}")
            time.sleep(0.05)
        return copied

    def open_report(self, report_id: str) -> None:
        """From the library: filter to one report, open it, wait for its first paragraph."""
        self.burst("/" + report_id)
        self.wait_for(r"1 of \d+ report")
        self.keys("Enter")
        self.wait_for(r"¶1/\d+ · sentence 1/")

    def stop(self) -> None:
        self.tmux("kill-server", check=False)


@pytest.fixture
def terminal():
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: the real-terminal tests need it (Debian: apt-get install tmux)")
    # A short socket path: a Unix socket's path may not exceed about 100 bytes.
    folder = Path(tempfile.mkdtemp(prefix="mrterm"))
    term = Terminal(folder / "tmux")
    yield term
    term.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def reader_terminal(terminal, tmp_path, private_user_dirs) -> Terminal:
    """minutesreader started by `python -m minutesreader` from this checkout, on a temp store
    and a temp copy of the bundled library, its library list on screen."""
    library = tmp_path / "library"
    shutil.copytree(BUNDLED_LIBRARY, library)
    env = {
        "HOME": str(private_user_dirs),
        "XDG_DATA_HOME": str(private_user_dirs / "data"),
        "XDG_CONFIG_HOME": str(private_user_dirs / "config"),
        "MINUTESREADER_CLIPBOARD": "terminal",  # never the desktop's clipboard
    }
    argv = [sys.executable, "-m", "minutesreader", "--library", str(library), "--db", str(tmp_path / "store")]
    terminal.start(argv, env=env, cwd=REPO)
    terminal.wait_for(r"\d+ reports")
    return terminal
