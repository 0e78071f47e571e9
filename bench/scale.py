"""The rows of issue 16 that bench/run.py's own figures do not cover, with floors and peers.

    python bench/scale.py --dir /tmp/bench [--runs 5]      (run.py calls measure() too)
    python bench/scale.py --dir /tmp/bench --commands-only [--python VENV/bin/python]

- commands from process start: `directives FILE` (a bare `python3 -c pass` beside it),
  `search` at 10,000 reports (a raw `sqlite3` FTS5 query process, and ripgrep if installed),
  taken in turns so that the machine's load weighs on each alike, wall and CPU time, with
  the load average before and after. `--python` measures the `minutesreader` script of a
  normal (non-editable) install in that interpreter's virtualenv, as users and CI get it;
  without it, the checkout, its bytecode kept in DIR/pycache as an install keeps it (an
  environment with PYTHONDONTWRITEBYTECODE would otherwise compile every module each run);
- in a real terminal (tmux): a one-label Textual app (the floor of any Textual start),
  the library listed and the scan complete, Enter on a 50 MB report to its text on
  screen (less and toolong on the same file beside it), `q` with it open to the
  process gone, and `q` while a cold scan counts its directives (with that start's
  peak memory);
- through Pilot, in a fresh process: keys on a 10 MB paragraph with no spaces, and the
  peak memory of reading and analysing the 50 MB report.
"""

from __future__ import annotations

import asyncio
import glob
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
FIFTY_MB = 50_000_000
ONE_LABEL = HERE / "one_label.py"


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system) milliseconds of one run of a command, process start to exit."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return (time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def build_huge(root: Path) -> tuple[Path, Path]:
    """DIR/huge: the model readout, a 50 MB report (the FOMC minutes over and over, with
    paragraph breaks between copies) and a 10 MB line with no space at all."""
    folder = root / "huge"
    fifty, blob = folder / "fifty.txt", folder / "blob.txt"
    if fifty.exists() and blob.exists():
        return fifty, blob
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "library" / "000_9d62e18ffa0ab910.txt", folder)
    minutes = (REPO / "library" / "048_653eb7bcc905d09c.txt").read_text(encoding="utf-8")
    with fifty.open("w", encoding="utf-8") as out:
        written = 0
        while written < FIFTY_MB:
            written += out.write(minutes + "\n\n")
    blob.write_text("".join(chr(ord("a") + i % 26) for i in range(10_000_000)), encoding="utf-8")
    return fifty, blob


def wrapped_copy(fifty: Path) -> Path:
    """The same text in lines of about 100 characters, for the line viewers (less,
    toolong), which do not wrap a 60 KB line: what they are compared on."""
    wrapped = fifty.parent.parent / "fifty-wrapped.txt"
    if not wrapped.exists():
        text = fifty.read_text(encoding="utf-8")
        wrapped.write_text(re.sub(r"(.{1,100})(?: |$)", "\\1\n", text, flags=re.M), encoding="utf-8")
    return wrapped


# ---- a real terminal ------------------------------------------------------------------

def terminal(tui, library: Path, db: Path, fifty: Path, expect: int, runs: int) -> dict[str, list[float]]:
    from run import tui_wait

    figures: dict[str, list[float]] = {k: [] for k in ("one_label", "listed", "complete", "open", "less", "toolong", "quit",
                                                       "cold_quit", "cold_rss")}
    name = "mr-scale"
    app = [sys.executable, "-m", "minutesreader", "--db", str(db)]
    for _ in range(runs):
        started = time.monotonic()
        _start(tui, name, ["--size", "120x40", "--", sys.executable, str(ONE_LABEL)])
        tui_wait(tui, name, r"one label")
        figures["one_label"].append(time.monotonic() - started)
        started = time.monotonic()
        _start(tui, name, ["--size", "120x40", "--", *app, "--library", str(library)])
        tui_wait(tui, name, rf"\b{expect:,} reports", 120)
        figures["listed"].append(time.monotonic() - started)
        tui_wait(tui, name, rf"\b{expect:,} reports · Enter", 300)
        figures["complete"].append(time.monotonic() - started)
        tui.tmux(name, "kill-server", check=False, capture=True)
    first_words = re.escape(" ".join(fifty.read_text(encoding="utf-8")[:4000].split()[2:6]))
    for _ in range(runs):
        open_and_quit(tui, app, fifty, first_words, figures)
        wrapped = wrapped_copy(fifty)
        for viewer, key in ((["less", str(wrapped)], "less"), (_toolong(wrapped), "toolong")):
            if viewer is None:
                continue
            started = time.monotonic()
            _start(tui, name, ["--size", "120x40", "--", *viewer])
            try:
                tui_wait(tui, name, first_words, 60)
                figures[key].append(time.monotonic() - started)
            except TimeoutError:
                pass
            tui.tmux(name, "kill-server", check=False, capture=True)
    for _ in range(runs):
        # Cold: the library index forgotten, so the scan counts the 50 MB report's
        # directives anew; `q` while it does, to the process gone, and its peak memory.
        for index in fifty.parent.parent.glob("huge-store/index/library-*"):
            index.unlink()
        _start(tui, name, ["--size", "120x40", "--", "bash", "-c", " ".join(
            ["/usr/bin/time", "-f", "'MAXRSS %M KB'", *app, "--library", str(fifty.parent)]) + "; echo MR-EXITED"])
        tui_wait(tui, name, r"\b3 reports · counting directives", 300)
        time.sleep(1.0)  # well into the count of the 50 MB report
        started = time.monotonic()
        tui.keys(name, ["q"])
        figures["cold_quit"].append(time.monotonic() - started - 0.05 + tui_wait(tui, name, r"MR-EXITED", 60))
        rss = re.search(r"MAXRSS (\d+) KB", tui.screen(name))
        if rss:
            figures["cold_rss"].append(int(rss.group(1)) / 1024)
        tui.tmux(name, "kill-server", check=False, capture=True)
    return figures


def open_and_quit(tui, app: list[str], fifty: Path, first_words: str, figures: dict[str, list[float]]) -> None:
    """The 50 MB report: Enter in the list to its first words on screen, then `q` at
    once (its reading still under way) to the process gone."""
    from run import tui_wait

    name = "mr-scale"
    _start(tui, name, ["--size", "120x40", "--", "bash", "-c",
                       " ".join([*app, "--library", str(fifty.parent)]) + "; echo MR-EXITED"])
    tui_wait(tui, name, r"\b3 reports · Enter", 300)
    tui.keys(name, ["text:/"])
    time.sleep(0.3)  # the filter box takes the focus
    tui.keys(name, ["text:fifty"])
    tui_wait(tui, name, r"\b1 of 3 reports")
    started = time.monotonic()
    tui.keys(name, ["Enter"])
    figures["open"].append(time.monotonic() - started - 0.05 + tui_wait(tui, name, r"·  fifty.*" + first_words, 60))
    started = time.monotonic()
    tui.keys(name, ["q"])
    figures["quit"].append(time.monotonic() - started - 0.05 + tui_wait(tui, name, r"MR-EXITED", 60))
    tui.tmux(name, "kill-server", check=False, capture=True)


def quit_rows(root: Path, runs: int) -> list[str]:
    """Only Enter on the 50 MB report and `q` with it still being read (DIR/huge-store
    warm: its directives counted, or the first start counts them for minutes)."""
    from run import _tui, row

    fifty, _ = build_huge(root)
    first_words = re.escape(" ".join(fifty.read_text(encoding="utf-8")[:4000].split()[2:6]))
    app = [sys.executable, "-m", "minutesreader", "--db", str(root / "huge-store")]
    figures: dict[str, list[float]] = {"open": [], "quit": []}
    load_before = os.getloadavg()
    for _ in range(runs):
        open_and_quit(_tui(), app, fifty, first_words, figures)
    load_after = os.getloadavg()
    return [f"1-minute load average {load_before[0]:.2f} before, {load_after[0]:.2f} after",
            row("tui: 50 MB report, Enter to its text on screen", "≤ 500 ms", figures["open"], "ms", 1000),
            row("tui: q with the 50 MB report open, to exit", "≤ 1 s", figures["quit"], "ms", 1000)]


def _start(tui, name: str, argv: list[str]) -> None:
    """tui.start, again if tmux lost the race with the server just killed."""
    for attempt in range(3):
        try:
            tui.start(name, argv)
            return
        except subprocess.CalledProcessError:
            if attempt == 2:
                raise
            time.sleep(0.5)


def _toolong(path: Path) -> list[str] | None:
    """toolong (PyPI) in its own virtualenv, so that its Textual pin never touches ours."""
    for candidate in ("/tmp/speed-tl/bin/tl", shutil.which("tl")):
        if candidate and Path(candidate).exists():
            return [candidate, str(path)]
    return None


# ---- Pilot probes, each in a fresh process -------------------------------------------

async def probe_keys(library: str, db: str, report: str) -> None:
    """Per key on a report: the cursor moved and the moved cursor drawn."""
    from run import _app, _stamp, _wait

    from minutesreader.screens.reader import ReaderScreen
    from minutesreader.widgets.document import DocumentView

    app = _app(library, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait(lambda: not app.session.scanning, timeout=300)
        await pilot.pause()
        app.open_report(report)
        await _wait(lambda: isinstance(app.screen, ReaderScreen) and app.screen.report is not None)
        document = app.screen.query_one(DocumentView)
        await _wait(lambda: document._blocks.get(0) is not None)
        for _ in range(12):
            before = document.paragraph
            start = time.perf_counter()
            app.simulate_key("down")
            await _wait(lambda: document.paragraph == before + 1 and document._blocks.get(document.paragraph) is not None, step=0.001)
            _stamp("key", ms=(time.perf_counter() - start) * 1000)
            await asyncio.sleep(0.05)


async def probe_memory(library: str, db: str, report: str) -> None:
    """Open the report, wait until every paragraph is read and analysed: peak RSS."""
    from run import _app, _stamp, _wait
    from textual.widgets import Static

    from minutesreader.screens.reader import ReaderScreen

    app = _app(library, db)
    async with app.run_test(size=(120, 40)):
        await _wait(lambda: not app.session.scanning, timeout=300)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        app.open_report(report)

        def analysed() -> bool:
            try:
                return isinstance(app.screen, ReaderScreen) and str(app.screen.query_one("#legend", Static).render()).startswith("Directives")
            except Exception:
                return False

        await _wait(analysed, timeout=600, step=0.1)
        _stamp("rss", kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, before_kb=before)


def run_probe(kind: str, *args: str) -> list[dict]:
    out = subprocess.run([sys.executable, str(Path(__file__)), "--probe", kind, *args],
                         capture_output=True, text=True, cwd=REPO, timeout=1200)
    if out.returncode != 0:
        raise RuntimeError(f"probe {kind} failed:\n{out.stderr[-3000:]}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


# ---- the rows -------------------------------------------------------------------------

class _Lines(list):
    """The rows, each also printed to stderr as soon as it is measured."""

    def append(self, line: str) -> None:
        print(line, file=sys.stderr, flush=True)
        super().append(line)


def command_rows(root: Path, runs: int, python: str | None = None) -> list[str]:
    """`directives FILE` and `search` from process start, with their floors, in turns."""
    from run import row

    library, db = root / "library", root / "store"
    expect = sum(1 for p in library.iterdir() if p.name.endswith(".txt"))
    if python:
        interpreter, ours, cwd, env = python, [str(Path(python).parent / "minutesreader")], root, None
    else:
        interpreter, ours, cwd = sys.executable, [sys.executable, "-m", "minutesreader"], REPO
        env = {**os.environ, "PYTHONPYCACHEPREFIX": str(root / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = {
        "bare": [interpreter, "-c", "pass"],
        "directives": [*ours, "directives", str(library / "fomc-048.txt")],
        "search": [*ours, "search", "--library", str(library), "--db", str(db), "inflation"],
    }
    timed(commands["search"], cwd, env)  # brings the index up to date (and the bytecode)
    index = sorted(glob.glob(str(db / "index" / "search-*.sqlite3")))
    if index and shutil.which("sqlite3"):
        commands["raw sqlite3 FTS5"] = ["sqlite3", index[0], "SELECT rowid FROM chunk_text WHERE chunk_text "
                                        "MATCH 'inflation' ORDER BY bm25(chunk_text) LIMIT 20"]
    if shutil.which("rg"):
        commands["ripgrep -c"] = ["rg", "-c", "inflation", str(library)]
    for command in commands.values():
        timed(command, cwd, env)  # a first run of each, not counted: files into the page cache
    print(f"measuring commands from process start ({'installed: ' + python if python else 'the checkout'})…", file=sys.stderr)
    load_before = os.getloadavg()
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs * 2):
        for name, command in commands.items():
            took, used = timed(command, cwd, env)
            wall[name].append(took)
            cpu[name].append(used)
    load_after = os.getloadavg()
    peer = "raw sqlite3 FTS5" if "raw sqlite3 FTS5" in commands else None
    lines = [
        f"commands: {'a normal install, ' + python if python else 'the checkout'}; 1-minute load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after",
        row("`directives FILE`, 9,285-word report", "≤ 60 ms", wall["directives"], "ms",
            baseline=wall["bare"], baseline_name="bare python3"),
        row("  its CPU time (user + system)", "", cpu["directives"], "ms", baseline=cpu["bare"], baseline_name="bare python3"),
        row(f"`search` from process start, {expect:,} reports", "≤ 80 ms", wall["search"], "ms",
            baseline=wall[peer] if peer else None, baseline_name=peer or ""),
        row("  its CPU time (user + system)", "", cpu["search"], "ms",
            baseline=cpu[peer] if peer else None, baseline_name=peer or ""),
        row("  floor: bare `python3 -c pass`", "", wall["bare"], "ms"),
    ]
    lines.extend(row(f"  peer: {name}", "", wall[name], "ms") for name in commands if name not in ("bare", "directives", "search"))
    return lines


def measure(root: Path, runs: int, use_tui: bool, python: str | None = None) -> list[str]:
    from run import _tui, row

    library, db = root / "library", root / "store"
    expect = sum(1 for p in library.iterdir() if p.name.endswith(".txt"))
    fifty, blob = build_huge(root)
    lines = _Lines()
    for line in command_rows(root, runs, python):
        lines.append(line)
    print("measuring keys on a 10 MB line and memory with 50 MB open (Pilot)…", file=sys.stderr)
    huge_db = root / "huge-store"
    keys = [e["ms"] for e in run_probe("keys", str(blob.parent), str(huge_db), "blob") if e["event"] == "key"]
    lines.append(row("a 10 MB paragraph with no spaces, per key (Pilot)", "≤ 50 ms", keys, "ms"))
    memory = [e for e in run_probe("memory", str(fifty.parent), str(huge_db), "fifty") if e["event"] == "rss"]
    lines.append(row("peak RSS, the 50 MB report read and analysed", "≤ 200 MB", [e["kb"] / 1024 for e in memory], "MB"))

    if use_tui and shutil.which("tmux"):
        print("measuring in a real terminal (tmux)…", file=sys.stderr)
        term = terminal(_tui(), library, db, fifty, expect, runs)
        lines.append(row("tui: one-label Textual app, start to label", "", term["one_label"], "s"))
        lines.append(row(f"tui: warm start to the list, {expect:,} reports", "≤ 1.2x 10", term["listed"], "s",
                         baseline=term["one_label"], baseline_name="one-label app"))
        lines.append(row(f"tui: warm start to the scan complete, {expect:,}", "≤ 3x", term["complete"], "s",
                         baseline=term["one_label"], baseline_name="one-label app"))
        lines.append(row("tui: 50 MB report, Enter to its text on screen", "≤ 500 ms", term["open"], "ms", 1000,
                         term["toolong"] or None, "toolong"))
        lines.append(row("  peer: less, start to the same text", "", term["less"], "ms", 1000))
        lines.append(row("tui: q with the 50 MB report open, to exit", "≤ 1 s", term["quit"], "ms", 1000))
        lines.append(row("tui: q while the scan counts the 50 MB report, to exit", "≤ 1 s", term["cold_quit"], "ms", 1000))
        lines.append(row("  peak RSS of that start (counting the 50 MB report)", "≤ 200 MB", term["cold_rss"], "MB"))
    return lines


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--probe":
        sys.path.insert(0, str(HERE))
        kind, rest = sys.argv[2], sys.argv[3:]
        asyncio.run({"keys": probe_keys, "memory": probe_memory}[kind](*rest))
    else:
        import argparse

        sys.path.insert(0, str(HERE))
        parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
        parser.add_argument("--dir", type=Path, required=True)
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument("--no-tui", action="store_true")
        parser.add_argument("--commands-only", action="store_true", help="only `directives FILE` and `search` from process start")
        parser.add_argument("--python", help="for the command rows: the interpreter of a virtualenv holding a normal install")
        parser.add_argument("--quit-only", action="store_true", help="only Enter on the 50 MB report and q with it being read")
        args = parser.parse_args()
        if args.quit_only:
            print("\n".join(quit_rows(args.dir, args.runs)))
        elif args.commands_only:
            print("\n".join(command_rows(args.dir, args.runs, args.python)))
        else:
            print("\n".join(measure(args.dir, args.runs, not args.no_tui, args.python)))
