"""Fuzzing: random and adversarial content in every store file and every kind of library
entry, then every command (and a headless app start) must finish within a time limit,
print no traceback and no control byte, and write nothing outside the store.

Examples are derandomized and few, so CI sees the same cases each run in about a minute.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import re
import shutil
import signal
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from minutesreader.cli import main
from minutesreader.core.records import BriefItem, StoreError
from minutesreader.storage.store import Store
from tests.conftest import MODEL_READOUT

MODEL = "000_9d62e18ffa0ab910"
TIME_LIMIT = 30  # seconds a command may take; the slowest real one takes well under 2
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# No shrinking: a failure prints its example at once instead of spending minutes in CI.
PHASES = [Phase.explicit, Phase.reuse, Phase.generate]
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None, phases=PHASES,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

NASTY_TEXT = st.lists(st.text(st.characters(codec="utf-8"), max_size=8) | st.sampled_from(
    ["\x1b]52;c;aGk=\x07", "\x1b[2J", "\x9b", "\u202e", "\x00", "\r", "\n", "\t", "[bold]", "{quote}"]), max_size=5).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2, 10**12) | st.floats(allow_nan=False) | NASTY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(NASTY_TEXT, inner, max_size=4),
    max_leaves=12,
)
RECORD_FIELDS = ["id", "report", "paragraph", "quote", "text", "tags", "tag", "created", "updated", "orphaned",
                 "prefix", "suffix", "name", "items", "title", "schema", "shards", "kind", "date"]


@st.composite
def store_file_content(draw) -> bytes:
    """Bytes for a store file: noise, any JSON, or TinyDB's shape with fields of any type."""
    kind = draw(st.sampled_from(["bytes", "json", "shaped", "deep"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "deep":
        depth = draw(st.integers(500, 100_000))
        return b"[" * depth + b"]" * depth
    if kind == "json":
        return json.dumps(draw(JSON_VALUES)).encode()
    table = draw(st.sampled_from(["notes", "tags", "titles", "briefs", "meta", "shards", "reports"]))
    records = draw(st.lists(st.dictionaries(st.sampled_from(RECORD_FIELDS), JSON_VALUES, max_size=8), max_size=3))
    return json.dumps({table: {str(n + 1): record for n, record in enumerate(records)}}).encode()


def store_files(db: Path, store: Store) -> dict[str, Path]:
    """Every file of the store by a short name, the caches in index/ included."""
    files = {name: db / name for name in ("meta.json", "titles.json", "briefs.json", "counts.json", ".lock")}
    files["shard"] = db / "shards" / f"{store.shard_of(MODEL)}.json"
    for cache in ("library-*.sqlite3", "search-*.sqlite3"):
        files[cache.split("-")[0] + cache.rsplit(".", 1)[1]] = next((db / "index").glob(cache))
    return files


ENTRY_KINDS = ["text", "binary", "fifo", "link-zero", "link-missing", "link-loop", "link-out", "folder", "huge", "long-run"]


def make_entry(library: Path, outside: Path, kind: str, name: str, payload: bytes) -> None:
    path = library / name
    if kind == "text":
        path.write_bytes(payload)
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + payload)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "link-zero":
        path.symlink_to("/dev/zero")
    elif kind == "link-missing":
        path.symlink_to(library / "nowhere")
    elif kind == "link-loop":
        path.symlink_to(path)
    elif kind == "link-out":
        path.symlink_to(outside / "secret.txt")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        with open(path, "wb") as huge:
            huge.truncate(70 * 1024 * 1024)  # sparse
    else:
        path.write_bytes(b"Title\n\n" + b"x" * 30_000 + payload)


def snapshot(folder: Path) -> dict[str, object]:
    """What a folder holds, never opening anything but regular files."""
    seen: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        info = os.lstat(path)
        regular = path.is_file() and not path.is_symlink() and info.st_size < 1_000_000
        seen[str(path)] = (info.st_mode, info.st_size, path.read_bytes() if regular else None)
    return seen


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang(f"a command ran longer than {TIME_LIMIT} s")


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIME_LIMIT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return code, out.getvalue(), err.getvalue()


COMMANDS = [
    ["list"], ["list", "--json"], ["show", MODEL], ["directives", MODEL, "--json"], ["notes"], ["notes", "--json"],
    ["notes", "--orphans"], ["notes", "--report", MODEL], ["notes", "--tag", "kept"], ["search", "meeting"],
    ["search", "kept", "--json"], ["brief", "list"], ["brief", "export", "kept"], ["note", MODEL, "2", "fuzz"],
]


def build(root: Path, damage: dict[str, bytes], entries: list[tuple[str, str, bytes]]) -> tuple[Path, Path, Path]:
    library, db, outside = root / "library", root / "db", root / "outside"
    for folder in (library, outside):
        folder.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nnot for the library")
    shutil.copy(MODEL_READOUT, library)
    store = Store.open(db)
    store.add_note(MODEL, 2, "The meeting pointed out", "kept note", paragraph_tags=["kept"])
    store.briefs.append("kept", BriefItem("quote", "Words.", MODEL, 2, "A meeting", "2023-05-06"))
    for command in (["search", "meeting"], ["list"]):  # build the caches in index/
        run([*command, "--db", str(db), "--library", str(library)])
    files = store_files(db, store)
    for name, content in damage.items():
        target = files[name]
        if content == b"<folder>":
            target.unlink(missing_ok=True)
            target.mkdir()
        else:
            target.write_bytes(content)
    for kind, name, payload in entries:
        if not (library / name).exists() and not (library / name).is_symlink():
            make_entry(library, outside, kind, name, payload)
    return library, db, outside


DAMAGE = st.dictionaries(
    st.sampled_from(["meta.json", "titles.json", "briefs.json", "counts.json", "shard", ".lock",
                     "librarysqlite3", "searchsqlite3"]),
    store_file_content() | st.just(b"<folder>"), max_size=3,
)
ENTRIES = st.lists(st.tuples(
    st.sampled_from(ENTRY_KINDS),
    st.sampled_from(["x.txt", "y.TXT", f"{MODEL}.TXT", "e\x1b]0;t\x07.txt", "z.txt", "deep.txt"]),
    st.binary(max_size=100),
), max_size=4)


@FUZZ
@given(damage=DAMAGE, entries=ENTRIES)
def test_every_command_survives_a_hostile_store_and_library(damage, entries) -> None:
    with tempfile.TemporaryDirectory() as temp:
        library, db, outside = build(Path(temp), damage, entries)
        library_before, outside_before = snapshot(library), snapshot(outside)
        for command in COMMANDS:
            code, out, err = run([*command, "--db", str(db), "--library", str(library)])
            assert code in (0, 1, 2), (command, code)
            assert "Traceback" not in err and "unexpected error" not in err, (command, err)
            assert all(line.startswith("minutesreader: ") for line in err.splitlines()), (command, err)
            assert not UNSAFE.search(out.replace("\t", "").replace("\n", "")), (command, out)
            assert not UNSAFE.search(err.replace("\n", "")), (command, err)
        assert snapshot(library) == library_before and snapshot(outside) == outside_before


@settings(max_examples=6, deadline=None, derandomize=True, database=None, phases=PHASES,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(damage=DAMAGE, entries=ENTRIES)
def test_the_app_starts_and_quits_on_a_hostile_store_and_library(damage, entries) -> None:
    from minutesreader.app import make_app
    from minutesreader.cli import Context

    async def start_and_quit(library: Path, db: Path) -> None:
        app = make_app(Context(library, db, None))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.2)
            await pilot.press("q")
        assert not app.is_running

    with tempfile.TemporaryDirectory() as temp:
        library, db, _ = build(Path(temp), damage, entries)
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(TIME_LIMIT)
        try:
            with contextlib.suppress(StoreError):  # a store refused outright: the CLI says it in one line
                asyncio.run(start_and_quit(library, db))
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
