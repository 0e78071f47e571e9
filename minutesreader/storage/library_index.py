"""The library index: what the list shows of each report, and its text for the filter, in SQLite.

One row a report file (title, date, directive counts, size and modification time), kept
while the file's size and mtime are unchanged, so a start reads only what changed. The
list asks for the rows it draws (a page in the list's order, from an index on it), so a
start costs the same at 50 reports and 50,000: nothing is decoded whole, no object is
made for a report off screen. The casefolded text of each report sits in an FTS5
trigram table, so the filter finds the reports holding a word without keeping 10,000
texts in memory (a word of one or two characters: see `shorts` below).

It is a cache: never fsync'd, and one that cannot be read is simply rebuilt (the report
files are the truth). The JSON index of earlier versions (library-HASH.json and .text)
is read once, written here in a file renamed into place only when whole, then removed.
"""

from __future__ import annotations

import hashlib
import marshal
import operator
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any

from minutesreader.core.library import ReportSummary
from minutesreader.storage.atomic import make_private_folder, remove_database
from minutesreader.storage.tinystorage import load_json_cache

# 2: a link out of the folder and random bytes are unreadable; the directives column
INDEX_VERSION = 2
LEGACY_VERSION = 2  # of the JSON index migrated from
# The list's order: newest first, undated after dated, then by id (as Catalog sorts).
_NEWEST = "(date IS NOT NULL) DESC, coalesce(date, '') DESC, id DESC"
ORDER = f"ORDER BY {_NEWEST}"
# The list's other orders (core/library_order.py), each with the date's as ties. Notes are
# not here (they live in the store): that order is the date's until the scan reads them.
# The title's is NOCASE (ASCII) where the catalog casefolds: a preview may differ a little.
ORDERS = {
    "date": ORDER,
    "title": f"ORDER BY (error IS NOT NULL), title COLLATE NOCASE, {_NEWEST}",
    "directives": f"ORDER BY directives DESC, {_NEWEST}",
}
_COLUMNS = "path, id, size, mtime_ns, title, date, counts, words, error, counted"
_WRITTEN = f"{_COLUMNS}, directives"

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value ANY) STRICT;
CREATE TABLE reports (path TEXT PRIMARY KEY, id TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, title TEXT NOT NULL, date TEXT, counts BLOB NOT NULL,
    words INTEGER NOT NULL, error TEXT, counted INTEGER NOT NULL, directives INTEGER NOT NULL) STRICT;
CREATE INDEX reports_order ON reports ((date IS NOT NULL), coalesce(date, ''), id);
CREATE INDEX reports_title ON reports ((error IS NOT NULL), title COLLATE NOCASE, (date IS NOT NULL), coalesce(date, ''), id);
CREATE INDEX reports_directives ON reports (directives, (date IS NOT NULL), coalesce(date, ''), id);
CREATE INDEX reports_id ON reports (id);
CREATE TABLE texts_of (rowid INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, id TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL) STRICT;
CREATE VIRTUAL TABLE texts USING fts5 (body, tokenize = 'trigram case_sensitive 1');
CREATE VIRTUAL TABLE shorts USING fts5 (body, tokenize = 'trigram case_sensitive 1', detail = none);
INSERT INTO meta VALUES ('version', {INDEX_VERSION});
"""
# A term shorter than a trigram is found in `shorts`: each character of the text once,
# then each pair of characters once, each padded to a trigram with this mark, so that
# one lookup of "c\1\1" or "ab\1" answers (terms hold no whitespace, so pairs with
# whitespace are left out).
_MARK = "\x01"


class LibraryIndex:
    def __init__(self, path: Path, classifier_key: str = "") -> None:
        self.path = path
        # Directive counts are only valid for the classifier (and rules) that made them.
        self.classifier_key = classifier_key
        self._local = threading.local()  # a connection a thread: the list reads while the scan writes
        self._pending_lock = threading.Lock()
        self._pending: dict[str, tuple[Any, ...]] = {}
        self._pending_texts: dict[str, tuple[str, int, int, str]] = {}
        self._ids: dict[int, str] | None = None  # report id by text row, read when first needed

    @classmethod
    def for_store(cls, store_dir: Path, library: Path, classifier_key: str = "") -> LibraryIndex:
        digest = hashlib.sha1(str(library.resolve()).encode()).hexdigest()[:16]
        return cls(store_dir / "index" / f"library-{digest}.sqlite3", classifier_key)

    @property
    def legacy_path(self) -> Path:
        return self.path.with_suffix(".json")

    # -- the rows the list draws --------------------------------------------------------
    def count(self) -> tuple[int, int]:
        """(reports, of which unreadable), as last seen."""
        row = self._read("SELECT count(*), count(error) FROM reports", one=True)
        return (row[0], row[1]) if row else (0, 0)

    def page(self, offset: int, limit: int, sort: str = "date") -> list[ReportSummary | None]:
        """Rows offset.. in the list's order, or another (ORDERS); None for a damaged row."""
        order = ORDERS.get(sort, ORDER)
        rows = self._read(f"SELECT {_COLUMNS} FROM reports {order} LIMIT ? OFFSET ?", (limit, offset))
        return [_summary(row) for row in rows or ()]

    def find(self, report_id: str) -> ReportSummary | None:
        row = self._read(f"SELECT {_COLUMNS} FROM reports WHERE id = ? {ORDER} LIMIT 1", (report_id,), one=True)
        return _summary(row) if row else None

    def every(self, sort: str = "date") -> list[ReportSummary | None]:
        """Every row in the list's order, or another (ORDERS)."""
        return [_summary(row) for row in self._read(f"SELECT {_COLUMNS} FROM reports {ORDERS.get(sort, ORDER)}") or ()]

    def ids(self) -> list[str]:
        return [row[0] for row in self._read(f"SELECT id FROM reports {ORDER}") or ()]

    def entries(self) -> dict[str, ReportSummary]:
        """Every report as last seen, by path (the files are not checked)."""
        listed = {}
        sound: set[bytes] = set()  # 10,000 reports hold ~450 different counts: each checked once
        for row in self._read(f"SELECT {_COLUMNS} FROM reports") or ():
            summary = _summary(row, sound)
            if summary is not None:
                listed[summary.path] = summary
        return listed

    def put(self, summary: ReportSummary) -> None:
        if _storable(summary.path, summary.id, summary.title, summary.date, summary.error):
            with self._pending_lock:
                self._pending[summary.path] = _row(summary)

    # -- the filter's text ------------------------------------------------------------------
    def put_text(self, summary: ReportSummary, text: str) -> None:
        """The report's casefolded text, as of its size and mtime."""
        if _storable(summary.path, summary.id, text):
            with self._pending_lock:
                self._pending_texts[summary.path] = (summary.id, summary.size, summary.mtime_ns, text)

    def text_signatures(self) -> dict[str, tuple[int, int]]:
        """path -> (size, mtime_ns) of the text held for it, or waiting to be written."""
        with self._pending_lock:
            waiting = {path: (size, mtime_ns) for path, (_, size, mtime_ns, _) in self._pending_texts.items()}
        return {row[0]: (row[1], row[2]) for row in self._read("SELECT path, size, mtime_ns FROM texts_of") or ()} | waiting

    def containing(self, term: str) -> frozenset[str]:
        """Ids of the reports whose text holds `term` (casefolded, no whitespace)."""
        if not term or not _storable(term):
            return frozenset()
        if _MARK in term:  # (a text holding the mark itself: a rare case, looked for the slow way)
            rows = self._read("SELECT rowid FROM texts WHERE instr(body, ?) > 0", (term,))
        else:
            table = "texts" if len(term) >= 3 else "shorts"
            padded = term + _MARK * (3 - len(term)) if len(term) < 3 else term
            rows = self._read(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", ('"' + padded.replace('"', '""') + '"',))
        ids = self._ids
        if ids is None:
            ids = self._ids = dict(self._read("SELECT rowid, id FROM texts_of") or ())
        return frozenset([ids[row[0]] for row in rows or () if row[0] in ids])

    # -- writing ------------------------------------------------------------------------------
    def flush(self, texts: int | None = None) -> int:
        """Write the rows put since the last flush and up to `texts` of the texts (all if
        None), in one transaction; how many texts are still to write. Indexing a text
        costs ~2 ms: a first start writes its rows at once and the texts afterwards."""
        with self._pending_lock:
            rows, self._pending = list(self._pending.values()), {}
            paths = list(islice(self._pending_texts, texts))
            pending = {path: self._pending_texts.pop(path) for path in paths}
            left = len(self._pending_texts)
        if rows or pending:
            self._write(rows, pending)
        return left

    def _write(self, rows: list[tuple[Any, ...]], texts: dict[str, tuple[str, int, int, str]]) -> None:
        try:
            db = self._db()
            with db:
                db.executemany(f"INSERT OR REPLACE INTO reports ({_WRITTEN}) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
                for path, (report_id, size, mtime_ns, text) in texts.items():
                    _drop_text(db, path)
                    rowid = db.execute("INSERT INTO texts_of (path, id, size, mtime_ns) VALUES (?,?,?,?)",
                                       (path, report_id, size, mtime_ns)).lastrowid
                    db.execute("INSERT INTO texts (rowid, body) VALUES (?, ?)", (rowid, text))
                    db.execute("INSERT INTO shorts (rowid, body) VALUES (?, ?)", (rowid, _shorts(text)))
        except (sqlite3.Error, OSError):
            pass  # a cache that cannot be written costs speed next start, nothing else
        finally:
            self._ids = None

    def forget(self, paths: list[str]) -> None:
        """Drop files no longer in the library (their rows and their text)."""
        if not paths:
            return
        try:
            db = self._db()
            with db:
                db.executemany("DELETE FROM reports WHERE path = ?", [(path,) for path in paths])
                for path in paths:
                    _drop_text(db, path)
        except (sqlite3.Error, OSError):
            pass
        finally:
            self._ids = None

    # -- the connection -------------------------------------------------------------------
    def _read(self, sql: str, args: tuple[Any, ...] = (), one: bool = False) -> Any:
        try:
            cursor = self._db().execute(sql, args)
            return cursor.fetchone() if one else cursor.fetchall()
        except (sqlite3.Error, OSError):
            return None  # damaged under our feet: read as empty; the next start rebuilds it

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            make_private_folder(self.path.parent)
            try:
                db = self._open()
            except sqlite3.DatabaseError:
                self._discard()  # damaged, or another version's: only a cache
                db = self._open()
            self._local.db = db
        return db

    def _open(self) -> sqlite3.Connection:
        if not self.path.exists():
            self._create()
        db = sqlite3.connect(self.path, timeout=10.0, check_same_thread=True)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = OFF")
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if not row or row[0] != INDEX_VERSION:
                raise sqlite3.DatabaseError(f"library index version {row and row[0]!r}, not {INDEX_VERSION}")
            row = db.execute("SELECT value FROM meta WHERE key = 'classifier'").fetchone()
            if not row or row[0] != self.classifier_key:
                with db:  # counted under other rules: listed again; the texts stay good
                    db.execute("DELETE FROM reports")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('classifier', ?)", (self.classifier_key,))
        except BaseException:
            db.close()
            raise
        return db

    def _create(self) -> None:
        """A new index, holding the JSON index's rows if there is one; renamed into place whole."""
        fd, name = tempfile.mkstemp(prefix=self.path.name, suffix=".new", dir=self.path.parent)
        os.close(fd)
        try:
            db = sqlite3.connect(name)
            try:
                with db:
                    db.executescript(_SCHEMA)
                    db.execute("INSERT INTO meta VALUES ('classifier', ?)", (self.classifier_key,))
                    db.executemany(f"INSERT OR REPLACE INTO reports ({_WRITTEN}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                   self._legacy_rows())
            finally:
                db.close()
            os.replace(name, self.path)
        except BaseException:
            os.unlink(name)
            raise
        for legacy in (self.legacy_path, self.legacy_path.with_suffix(".text")):
            try:
                legacy.unlink()
            except OSError:
                pass

    def _legacy_rows(self) -> Iterable[tuple[Any, ...]]:
        document = load_json_cache(self.legacy_path)
        if not (isinstance(document, dict) and document.get("version") == LEGACY_VERSION
                and document.get("classifier") == self.classifier_key and isinstance(document.get("reports"), dict)):
            return
        for entry in document["reports"].values():
            summary = _legacy_summary(entry)
            if summary is not None and _storable(summary.path, summary.id, summary.title, summary.date, summary.error):
                yield _row(summary)

    def _discard(self) -> None:
        remove_database(self.path)


def _row(summary: ReportSummary) -> tuple[Any, ...]:
    return (summary.path, summary.id, summary.size, summary.mtime_ns, summary.title, summary.date,
            marshal.dumps(summary.counts), summary.words, summary.error, int(summary.counted), summary.directives)


def _summary(row: tuple[Any, ...], sound: set[bytes] | None = None) -> ReportSummary | None:
    """The row as a summary, or None if damaged; `sound` holds count blobs already checked."""
    path, report_id, size, mtime_ns, title, date, blob, words, error, counted = row
    try:
        counts = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None
    if sound is None or blob not in sound:
        if type(counts) is not dict or not {*map(type, counts)} <= {str} or not {*map(type, counts.values())} <= {int}:
            return None  # a damaged or hand-edited row: the report is read again
        if sound is not None:
            sound.add(blob)
    return ReportSummary(report_id, path, date, title, counts, words, size, mtime_ns, error, bool(counted))


# What a JSON index entry's fields must be before it is trusted as a ReportSummary.
_ENTRY_TYPES: dict[str, type | tuple[type, ...]] = {
    "id": str, "path": str, "date": (str, type(None)), "title": str, "counts": dict, "words": int,
    "size": int, "mtime_ns": int, "error": (str, type(None)), "counted": bool,
}


def _legacy_summary(entry: Any) -> ReportSummary | None:
    if not isinstance(entry, dict) or any(not isinstance(entry.get(name), kinds) for name, kinds in _ENTRY_TYPES.items()):
        return None
    if not all(isinstance(k, str) and type(v) is int for k, v in entry["counts"].items()):
        return None
    return ReportSummary(**{name: entry[name] for name in _ENTRY_TYPES})


def _drop_text(db: sqlite3.Connection, path: str) -> None:
    row = db.execute("SELECT rowid FROM texts_of WHERE path = ?", (path,)).fetchone()
    if row:
        db.execute("DELETE FROM texts WHERE rowid = ?", row)
        db.execute("DELETE FROM shorts WHERE rowid = ?", row)
        db.execute("DELETE FROM texts_of WHERE rowid = ?", row)


def _shorts(text: str) -> str:
    """The text's characters and pairs of characters, once each, padded (see _MARK)."""
    # Pairs as map(add) makes them: a third faster than slicing (0.43 against 0.67 ms for
    # a 4,000-character report; a first start of 100,000 makes them all).
    pairs = " ".join(set(map(operator.add, text, text[1:]))).split()  # those with whitespace fall apart
    return "".join(char + _MARK * 2 for char in set(text) if not char.isspace()) + "".join(
        pair + _MARK for pair in pairs if len(pair) == 2)


def _storable(*texts: str | None) -> bool:
    """SQLite takes UTF-8: a file name that is not (kept by Python as surrogates) is not indexed."""
    try:
        for text in texts:
            if text is not None:
                text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
