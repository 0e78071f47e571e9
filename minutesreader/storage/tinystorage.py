"""A TinyDB Storage that writes atomically, notices other writers and never overwrites a bad file.

TinyDB's own JSONStorage truncates and rewrites its file in place, so a crash mid-write
leaves half a file. This storage keeps TinyDB's JSON format but replaces the file
atomically (see atomic.py), keeps the parsed data in memory, and re-reads it only when
the file's identity (inode, size, mtime) changed, which is how another process's save
becomes visible.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from stat import S_ISREG
from typing import Any

from tinydb.storages import Storage

from minutesreader.core.records import StoreError
from minutesreader.storage.atomic import (
    BACKUP_COUNT,
    make_private_folder,
    move_aside,
    write_atomic,
)

Signature = tuple[int, int, int]
# Returns a one-line description of what is wrong with parsed data, or None if it is fine.
Validator = Callable[[dict[str, Any]], str | None]
# Called with (path, problem); moves the bad file aside (under the store lock) and reports it.
# Returns True if the file was moved, False if it had already changed and should be re-read,
# None if it could not be moved (a read-only store): it is then read as empty and never written.
UnreadableHandler = Callable[[Path, str, Signature], bool | None]


def signature(stat: os.stat_result) -> Signature:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def file_signature(path: Path | str) -> Signature | None:
    try:
        return signature(os.stat(path))
    except FileNotFoundError:
        return None


def tinydb_shape_problem(data: Any) -> str | None:
    """TinyDB's layout: {table: {doc_id (digits): {field: value}}}."""
    if not isinstance(data, dict):
        return f"JSON of the wrong shape (top level is {type(data).__name__}, not an object)"
    for table_name, table in data.items():
        if not isinstance(table, dict):
            return f"JSON of the wrong shape (table {table_name!r} is not an object)"
        for doc_id, doc in table.items():
            if not (isinstance(doc_id, str) and doc_id.isdigit()) or not isinstance(doc, dict):
                return f"JSON of the wrong shape (table {table_name!r} has a bad record {doc_id!r})"
    return None


def parse_store_file(raw: bytes, validate: Validator | None = None) -> tuple[dict[str, Any], str | None]:
    """Parse raw bytes; on any problem return ({}, description)."""
    if not raw.strip():
        return {}, "empty"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return {}, "not UTF-8 text"
    except RecursionError:
        return {}, "JSON nested too deeply"
    except json.JSONDecodeError as exc:
        # JSON that stops early is what a crash mid-write (or a full disk) leaves.
        kind = "truncated JSON" if exc.pos >= len(raw.rstrip()) - 1 else "not JSON"
        return {}, kind
    problem = tinydb_shape_problem(data)
    if problem is None and validate is not None:
        problem = validate(data)
    return (data, None) if problem is None else ({}, problem)


class AtomicJSONStorage(Storage):
    """TinyDB storage for one store file. Not thread-safe on its own: the Store serialises calls."""

    def __init__(
        self,
        path: Path,
        on_unreadable: UnreadableHandler,
        validate: Validator | None = None,
        backups: int = BACKUP_COUNT,
    ) -> None:
        self.path = Path(path)
        self._on_unreadable = on_unreadable
        self._validate = validate
        self._backups = backups
        self._data: dict[str, Any] | None = None
        self._sig: Signature | None = None
        # Why this file must not be written (it could not be read nor moved aside), or None.
        self._kept: str | None = None

    @property
    def sig(self) -> Signature | None:
        return self._sig

    def refresh(self) -> bool:
        """Re-read the file if it changed on disk since we last read or wrote it.

        Returns True when the in-memory data was (re)loaded.
        """
        if self._data is not None and file_signature(self.path) == self._sig:
            return False
        self._load()
        return True

    def _load(self) -> None:
        while True:
            try:
                sig, raw = read_regular_file(self.path)
            except FileNotFoundError:
                self._data, self._sig, self._kept = {}, None, None
                return
            except OSError as exc:
                sig, raw = file_signature(self.path) or (0, 0, 0), b""
                problem = f"not a readable file ({exc.strerror or exc})"
            else:
                data, parse_problem = parse_store_file(raw, self._validate)
                if parse_problem is None:
                    self._data, self._sig, self._kept = data, sig, None
                    return
                problem = parse_problem
            moved = self._on_unreadable(self.path, problem, sig)
            if moved is None:
                self._data, self._sig, self._kept = {}, sig, problem
                return
            if moved:
                self._data, self._sig, self._kept = {}, None, None
                return
            # Someone replaced the file meanwhile: read the new one.

    def read(self) -> dict[str, Any]:
        if self._data is None:
            self._load()
        assert self._data is not None
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """Replace the file with data; any failure is a StoreError and leaves the file as it was."""
        try:
            if self._kept:
                raise StoreError(f"not saved: {self.path} could not be read ({self._kept}) and is kept as it is")
            try:
                payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            except UnicodeEncodeError:
                raise StoreError("not saved: the text holds bytes that are not UTF-8") from None
            try:
                make_private_folder(self.path.parent)
                stat = write_atomic(self.path, payload, self._backups)
            except OSError as exc:
                raise StoreError(f"could not save {self.path}: {exc.strerror or exc}") from None
        except BaseException:
            # TinyDB mutated the cached dict before calling write; forget it so the next
            # read shows what is really on disk.
            self._data, self._sig = None, None
            raise
        self._data, self._sig = data, signature(stat)

    def close(self) -> None:
        pass


# A store file larger than this is not a store file (and would take the memory of a JSON parse).
MAX_STORE_FILE = 256 * 1024 * 1024


def read_regular_file(path: Path, limit: int = MAX_STORE_FILE) -> tuple[Signature, bytes]:
    """The signature and bytes of path, only if it is a regular file: a FIFO, device or
    folder put in its place is refused (OSError) without blocking or reading it."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    try:
        stat = os.fstat(fd)
        if not S_ISREG(stat.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if stat.st_size > limit:
            raise OSError(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(limit + 1)
        return signature(stat), raw
    finally:
        os.close(fd)


def read_cache_bytes(path: Path) -> bytes | None:
    """A cache file's bytes, or None if it is missing, not a regular file or unreadable:
    a cache is rebuilt, never a reason to fail or to block on a FIFO."""
    try:
        return read_regular_file(path)[1]
    except OSError:
        return None


def load_json_cache(path: Path) -> Any:
    """A JSON cache file parsed, or None for anything unusable (see read_cache_bytes)."""
    raw = read_cache_bytes(path)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def quarantine(path: Path, sig: Signature) -> Path | None:
    """Move path aside if it is still the file with signature sig; else None."""
    if file_signature(path) != sig:
        return None
    return move_aside(path)
