"""`D` and `P` timed in a real terminal (tmux, as ../shared/tools/tui drives it): the key
sent, then the screen polled every 10 ms until what the user waits for is on it.

Used by bench_compare.py --terminal. Each `D` run starts the app afresh (nothing kept:
the key is pressed as soon as the report's text shows), then presses `D` again once the
reader has settled (the comparison worked out ahead).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "bench-compare"


def tmux(*args: str) -> str:
    command = ["tmux", "-L", f"tui-{NAME}", "-f", "/dev/null", *args]
    return subprocess.run(command, check=True, text=True, capture_output=True).stdout


def start(library: Path, db: Path) -> None:
    stop()
    app = f"cd {shlex.quote(str(ROOT))} && env TERM=xterm-256color {shlex.quote(sys.executable)} -m minutesreader " \
          f"--library {shlex.quote(str(library))} --db {shlex.quote(str(db))}; sleep 3600"
    tmux("new-session", "-d", "-s", NAME, "-x", "140", "-y", "40", app)


def stop() -> None:
    subprocess.run(["tmux", "-L", f"tui-{NAME}", "kill-server"], capture_output=True)


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", NAME)


def wait(pattern: str, seconds: float = 60.0) -> float:
    """Seconds until the screen matches."""
    rx = re.compile(pattern, re.S)
    start_time = time.perf_counter()
    while not rx.search(screen()):
        if time.perf_counter() - start_time > seconds:
            raise SystemExit(f"terminal_compare: no {pattern!r} on screen after {seconds:.0f} s:\n{screen()}")
        time.sleep(0.01)
    return time.perf_counter() - start_time


def keys(*names: str, text: str = "") -> None:
    for name in names:
        tmux("send-keys", "-t", NAME, name)
    if text:
        tmux("send-keys", "-t", NAME, "-l", text)


def time_key(key: str, pattern: str) -> float:
    """From the key sent to the pattern on screen."""
    start_time = time.perf_counter()
    keys(key)
    wait(pattern)
    return time.perf_counter() - start_time


def time_D(library: Path, db: Path, report: str, runs: int, kept: bool = True) -> tuple[list[float], list[float]]:
    """(D as soon as the report shows, in a fresh app; D again once the reader settled).
    kept=False: the reports' sentences kept on disk from the runs before are removed
    first (the first comparison of the pair ever)."""
    at_once, settled = [], []
    for _ in range(runs):
        if not kept:
            shutil.rmtree(db / "index" / "sentences", ignore_errors=True)
        start(library, db)
        wait(r"Phrase timeline|\? Keys")  # the library is listed
        keys("/", text=report[4:])
        keys("Enter")
        wait(r"¶1/")  # the report's text and status are on screen
        at_once.append(time_key("D", r"Was  .*Now  "))
        keys("Escape")
        wait(r"¶1/")
        wait(r"Series: ← ")  # the reader settled (its series found, directives long since)
        time.sleep(1.0)  # it compares ahead once its directives are found
        settled.append(time_key("D", r"Was  .*Now  "))
        stop()
    return at_once, settled


def time_P(library: Path, db: Path, phrases: list[str], runs: int) -> dict[str, list[float]]:
    """Each phrase entered at P's prompt to the timeline's chart on screen."""
    times: dict[str, list[float]] = {p: [] for p in phrases}
    start(library, db)
    try:
        wait(r"\? Keys")
        wait(r"10,000 reports|10000 reports", 120)  # the scan, then the index, done
        time.sleep(3.0)
        for _ in range(runs):
            for phrase in phrases:
                keys("P")
                wait(r"Track a phrase")
                keys(text=phrase)
                times[phrase].append(time_key("Enter", r"in [0-9,]+ reports"))
                keys("Escape")
                wait(r"\? Keys")
    finally:
        stop()
    return times
