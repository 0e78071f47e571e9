"""The search index: every paragraph of the library and every note, in SQLite FTS5.

A derived cache, kept beside the store (index/search-<library digest>.sqlite3), one per
library folder. Report text is re-read per file only when its size or modification time
changed; notes are mirrored from the store (which stays the truth) whenever a notes
file changed. Writes go in WAL transactions, so a reader in another thread or process
sees the index before or after a batch, never half of it, and searching works while
an update runs. An index that cannot be read is deleted and rebuilt.

    index = SearchIndex.for_library(store_dir, library)
    index.update(store, progress=lambda done, total: ...)   # in a worker thread
    hits = index.search('"domestic demand" housing', titles=store.titles())
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from minutesreader.core.search import (
    Query,
    SearchHit,
    fts_expression,
    make_snippet,
    match_spans,
    parse_query,
)
from minutesreader.core.search_cjk import index_grams
from minutesreader.storage import word_counts
from minutesreader.storage.atomic import make_private_folder, remove_database
from minutesreader.storage.report_ranges import RangedCounting, ReportRanges
from minutesreader.storage.search_freshness import Listing, Snapshot, file_signature, library_folder, scan, shard_signatures

try:
    # Python's own SHA-1: hashlib loads OpenSSL's (~3 ms of every `search`) for one digest.
    from _sha1 import sha1  # type: ignore[import-not-found]
except ImportError:  # a Python built without it
    from hashlib import sha1

if TYPE_CHECKING:
    from minutesreader.core.reports import Paragraph
    from minutesreader.storage.store import Store

# 4: a second column, `grams`, holds the Chinese text as bigrams (core.search_cjk).
# 5: word_counts, each word's count per report (storage.word_counts).
INDEX_VERSION = "6"  # 6: a link out of the folder and random bytes are not indexed
DEFAULT_LIMIT = 50
COMMIT_EVERY_SECONDS = 0.5
OPTIMIZE_AFTER = 1000  # files read in one update
BIG_REPORT_BYTES = 1_000_000  # read in parts, so that an update can stop within it
# Matches ranked per query: a word found in more paragraphs than this ("the") is ranked
# among the first RANK_CAP matches only, so that no query takes long.
RANK_CAP = 20_000
Progress = Callable[[int, int], None]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, report TEXT NOT NULL, size INTEGER, mtime_ns INTEGER,
    date TEXT, title TEXT, error TEXT);
CREATE INDEX IF NOT EXISTS files_report ON files(report);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY, path TEXT, report TEXT NOT NULL, paragraph INTEGER NOT NULL,
    kind TEXT NOT NULL, note TEXT);
CREATE INDEX IF NOT EXISTS chunks_path ON chunks(path);
CREATE INDEX IF NOT EXISTS chunks_note ON chunks(note);
CREATE TABLE IF NOT EXISTS note_shards (shard TEXT PRIMARY KEY, sig TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS shard_notes (shard TEXT NOT NULL, note TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS shard_notes_shard ON shard_notes(shard);
CREATE TABLE IF NOT EXISTS titles (report TEXT PRIMARY KEY, title TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_text USING fts5(body, grams, tokenize = '%s');
""" % word_counts.TOKENIZER + word_counts.SCHEMA


class SearchIndexError(Exception):
    """The index cannot be used (e.g. its folder is not writable); one line for the user."""


@dataclass(frozen=True, slots=True)
class UpdateResult:
    read: int  # report files (re)read
    removed: int  # report files gone from the folder
    unchanged: int
    notes_changed: bool
    cancelled: bool = False


class SearchIndex(RangedCounting):
    def __init__(self, path: Path, library: Path) -> None:
        self.path = path
        self.library = library_folder(library)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._ranges: ReportRanges | None = None  # kept for tracking phrases (warm_ranges)

    @classmethod
    def for_library(cls, store_dir: Path, library: Path) -> "SearchIndex":
        """The index of this library folder, in the store folder's index/ (as the catalog's)."""
        digest = sha1(str(Path(library).resolve()).encode()).hexdigest()[:16]
        return cls(Path(store_dir) / "index" / f"search-{digest}.sqlite3", library)

    # ---- connection -------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        cached: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if cached is not None:
            return cached
        try:
            make_private_folder(self.path.parent)
        except OSError as exc:
            raise SearchIndexError(f"cannot create the search index folder {self.path.parent}: {exc.strerror}") from None
        for attempt in (1, 2):
            try:
                connection = self._open()
                break
            except OSError as exc:
                raise SearchIndexError(f"search index {self.path} cannot be opened: {exc.strerror or exc}") from None
            except sqlite3.DatabaseError as exc:
                if attempt == 2 or _is_busy(exc):
                    raise SearchIndexError(f"search index {self.path} cannot be used: {exc}") from None
                self._discard()  # damaged or from another version: it is only a cache
        self._local.connection = connection
        return connection

    def _open(self) -> sqlite3.Connection:
        # Notes are in the index: private like the store (SQLite gives its -wal and -shm
        # files the mode of the database file).
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600))
        os.chmod(self.path, 0o600)
        connection = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            # Pages freed (the word counts staged while an update runs) can be given
            # back to the disk (_update). Takes effect only in a new file, before its
            # first table and its switch to WAL; a no-op on an existing index.
            connection.execute("PRAGMA auto_vacuum = INCREMENTAL")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA cache_size = -8192")  # 8 MB a connection (one per thread): memory counts at 10,000 reports
            version = None
            if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                row = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
                version = row[0] if row else None
                if version != INDEX_VERSION:
                    raise sqlite3.DatabaseError(f"index version {version!r}, not {INDEX_VERSION}")
            else:
                connection.executescript("BEGIN IMMEDIATE;" + _SCHEMA + "COMMIT;")
                connection.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
        except BaseException:
            connection.close()
            raise
        return connection

    def _discard(self) -> None:
        try:
            remove_database(self.path)
        except OSError as exc:
            raise SearchIndexError(f"damaged search index {self.path} cannot be removed: {exc.strerror}") from None

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # ---- keeping it fresh ------------------------------------------------------------------

    def update(self, store: Store | None = None, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None) -> UpdateResult:
        """Bring the index up to date with the library folder and the store's notes.

        Reads only report files whose size or mtime changed; commits every half second,
        so a search meanwhile sees what is done. Raises LibraryError for a bad folder.
        """
        with self._write_lock:
            try:
                return self._update(store, progress, should_stop)
            except sqlite3.DatabaseError as exc:
                if _is_busy(exc):
                    raise SearchIndexError(f"search index {self.path} is busy: {exc}") from None
                self.close()
                self._discard()
                return self._update(store, progress, should_stop)

    def _update(self, store: Store | None, progress: Progress | None, should_stop: Callable[[], bool] | None) -> UpdateResult:
        db = self._connect()
        taken = scan(self.library)
        listing = taken.signatures()
        if _listing_unchanged(db, taken):
            # The common case: one row compared in C instead of 10,000 read from the
            # files table and compared in Python.
            known = listing
        else:
            known = {row[0]: (row[1], row[2]) for row in db.execute("SELECT path, size, mtime_ns FROM files")}
        changed = [(Path(key), *signature) for key, signature in listing.items() if known.get(key) != signature]
        present = listing
        gone = [key for key in known if key not in present]
        total = len(changed)
        if progress is not None:
            progress(0, total)

        cancelled = False
        last_commit = time.monotonic()
        db.execute("BEGIN IMMEDIATE")
        try:
            word_counts.merge(db)  # what a cancelled update left, before any report is forgotten
            if changed or gone:
                db.execute("DELETE FROM meta WHERE key = 'listing'")  # stale until this update is through
            for key in gone:
                self._forget_file(db, key)
            stop = should_stop or _never
            for done, (path, size, mtime_ns) in enumerate(changed, 1):
                if stop() or not self._index_file(db, path, size, mtime_ns, stop):
                    cancelled = True
                    break
                if time.monotonic() - last_commit > COMMIT_EVERY_SECONDS:
                    db.execute("COMMIT")
                    if progress is not None:
                        progress(done, total)
                    last_commit = time.monotonic()
                    db.execute("BEGIN IMMEDIATE")
            if not cancelled:  # (else left to the next update: quitting must not wait for it)
                word_counts.merge(db)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        if not cancelled and (changed or gone or known is not listing):
            db.execute("INSERT OR REPLACE INTO meta VALUES ('listing', ?)", (taken.packed(),))
        if progress is not None and not cancelled:
            progress(total, total)

        notes_changed = False
        if store is not None and not cancelled:
            # Only the store folder's file signatures are looked at unless something
            # changed, so a store opened lazily is not opened at all (a fast CLI search).
            self._sync_titles(db, store)
            notes_changed = self._sync_notes(db, store, files_changed=bool(changed or gone))
        if len(changed) >= OPTIMIZE_AFTER and not cancelled:
            # Merge the index's segments after a large build: common words rank faster.
            db.execute("INSERT INTO chunk_text(chunk_text) VALUES ('optimize')")
        if (changed or gone) and not cancelled:
            # Give the pages freed back to the disk: the word counts staged during a
            # first build are ~50 MB (a script, as Python's execute() frees one page).
            db.executescript("PRAGMA incremental_vacuum;")
        return UpdateResult(len(changed), len(gone), len(listing) - len(changed), notes_changed, cancelled)

    def _forget_file(self, db: sqlite3.Connection, key: str) -> None:
        word_counts.remove_report(db, key)
        db.execute("DELETE FROM chunk_text WHERE rowid IN (SELECT id FROM chunks WHERE path = ?)", (key,))
        db.execute("DELETE FROM chunks WHERE path = ?", (key,))
        db.execute("DELETE FROM files WHERE path = ?", (key,))

    def _index_file(self, db: sqlite3.Connection, path: Path, size: int, mtime_ns: int, should_stop: Callable[[], bool]) -> bool:
        """Index one report; False, with nothing of it written, if stopped part way. A
        report over BIG_REPORT_BYTES is read in parts, paragraph by paragraph between
        checks: whole, a 50 MB one kept a quit waiting for up to 18 s under load."""
        # Imported by the first file read: a search of a fresh index reads none.
        from minutesreader.core.library import ReportUnreadable, read_report
        from minutesreader.core.report_parts import NotUtf8, read_in_parts

        key = str(path)
        db.execute("SAVEPOINT one_report")
        self._forget_file(db, key)
        try:
            report, later = read_in_parts(path, should_stop) if size > BIG_REPORT_BYTES else (read_report(path), iter(()))
        except ReportUnreadable as exc:
            db.execute("INSERT INTO files VALUES (?, ?, ?, ?, NULL, ?, ?)", (key, path.stem, size, mtime_ns, path.stem, str(exc)))
            db.execute("RELEASE one_report")
            return True
        db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, NULL)", (key, report.id, size, mtime_ns, report.date, report.title))
        indexed: list[tuple[int | None, str]] = []
        try:
            self._index_paragraphs(db, key, report.id, report.paragraphs, indexed)
            for paragraphs in later:
                self._index_paragraphs(db, key, report.id, paragraphs, indexed)
        except NotUtf8:  # a later part is not UTF-8: decoded whole, as every command reads it
            db.execute("DELETE FROM chunk_text WHERE rowid IN (SELECT id FROM chunks WHERE path = ?)", (key,))
            db.execute("DELETE FROM chunks WHERE path = ?", (key,))
            indexed = []
            self._index_paragraphs(db, key, report.id, read_report(path).paragraphs, indexed)
        if should_stop():  # the parts were cut short: the report is left for the next update
            db.execute("ROLLBACK TO one_report")
            db.execute("RELEASE one_report")
            return False
        word_counts.add_report(db, indexed)
        db.execute("RELEASE one_report")
        return True

    @staticmethod
    def _index_paragraphs(db: sqlite3.Connection, key: str, report_id: str, paragraphs: list[Paragraph],
                          indexed: list[tuple[int | None, str]]) -> None:
        for paragraph in paragraphs:
            cursor = db.execute("INSERT INTO chunks (path, report, paragraph, kind) VALUES (?, ?, ?, 'report')",
                                (key, report_id, paragraph.number))
            db.execute("INSERT INTO chunk_text (rowid, body, grams) VALUES (?, ?, ?)",
                       (cursor.lastrowid, paragraph.text, index_grams(paragraph.text)))
            indexed.append((cursor.lastrowid, paragraph.text))

    def _sync_titles(self, db: sqlite3.Connection, store: Store) -> None:
        """Mirror the user's report titles, so a search shows them without the store."""
        signature = file_signature(Path(store.directory) / "titles.json")
        row = db.execute("SELECT value FROM meta WHERE key = 'titles'").fetchone()
        if row and row[0] == signature:
            return
        titles = store.titles()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM titles")
            db.executemany("INSERT INTO titles VALUES (?, ?)", titles.items())
            db.execute("INSERT OR REPLACE INTO meta VALUES ('titles', ?)", (signature,))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _sync_notes(self, db: sqlite3.Connection, store: Store, files_changed: bool = False) -> bool:
        """Mirror the store's notes, one shard file at a time, only the shards whose file
        changed since the last update: a note saved re-reads one small shard, and even a
        first build never holds 100,000 notes in memory at once."""
        current = shard_signatures(Path(store.directory))
        known = dict(db.execute("SELECT shard, sig FROM note_shards"))
        changed = sorted(shard for shard in set(current) | set(known) if current.get(shard) != known.get(shard))
        if not changed:
            return False
        from minutesreader.storage.model import id_of, note_docs, paragraph_of, report_of, tags_of

        db.execute("BEGIN IMMEDIATE")
        try:
            for shard in changed:
                old = [note for (note,) in db.execute("SELECT note FROM shard_notes WHERE shard = ?", (shard,))]
                for note_id in old:
                    db.execute("DELETE FROM chunk_text WHERE rowid IN (SELECT id FROM chunks WHERE note = ?)", (note_id,))
                    db.execute("DELETE FROM chunks WHERE note = ?", (note_id,))
                db.execute("DELETE FROM shard_notes WHERE shard = ?", (shard,))
                db.execute("DELETE FROM note_shards WHERE shard = ?", (shard,))
                if shard not in current:
                    continue
                # The signature was taken before the read: a save in between is seen next time.
                for doc in note_docs(store.shard_data(shard)):
                    body = doc["text"] + "".join(f" #{tag}" for tag in tags_of(doc))
                    cursor = db.execute(
                        "INSERT INTO chunks (report, paragraph, kind, note) VALUES (?, ?, 'note', ?)",
                        (report_of(doc), paragraph_of(doc), id_of(doc)),
                    )
                    db.execute("INSERT INTO chunk_text (rowid, body, grams) VALUES (?, ?, ?)", (cursor.lastrowid, body, index_grams(body)))
                    db.execute("INSERT INTO shard_notes VALUES (?, ?)", (shard, id_of(doc)))
                db.execute("INSERT INTO note_shards VALUES (?, ?)", (shard, current[shard]))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return True

    # ---- searching -------------------------------------------------------------------------

    def search(self, query: Query | str, limit: int = DEFAULT_LIMIT, titles: dict[str, str] | None = None) -> list[SearchHit]:
        """The best `limit` paragraphs and notes holding every term, best first.

        Titles are the user's as of the last update(); `titles` (store.titles()) overrides.
        """
        if isinstance(query, str):
            query = parse_query(query)
        if not query:
            return []
        db = self._connect()
        try:
            rows = db.execute(
                "SELECT c.report, c.paragraph, c.kind, c.note, t.body, m.score, f.date, coalesce(u.title, f.title) FROM ("
                " SELECT id, score FROM (SELECT rowid AS id, bm25(chunk_text) AS score FROM chunk_text"
                "  WHERE chunk_text MATCH ? LIMIT ?) ORDER BY score LIMIT ?) AS m "
                "JOIN chunks AS c ON c.id = m.id JOIN chunk_text AS t ON t.rowid = m.id "
                "LEFT JOIN files AS f ON f.report = c.report AND f.error IS NULL "
                "LEFT JOIN titles AS u ON u.report = c.report "
                "WHERE c.kind = 'report' OR f.report IS NOT NULL "  # notes: only on reports of this library
                "ORDER BY m.score",
                (fts_expression(query), RANK_CAP, limit),
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None
        titles = titles or {}
        hits = []
        for report, paragraph, kind, note, body, score, date, title in rows:
            snippet, spans = make_snippet(body, match_spans(query, body, require_all=False))
            hits.append(SearchHit(
                report=report, date=date, title=titles.get(report) or title or report, paragraph=paragraph,
                kind=kind, snippet=snippet, spans=spans, score=round(-score, 4), note=note, text=body,
            ))
        return hits

    def search_if_fresh(self, query: Query, limit: int, snapshot: Snapshot) -> list[SearchHit] | None:
        """search(), if the index holds the library and the store's notes and titles as the
        snapshot found them (what update() would change nothing of); None if not, or if the
        index cannot be read. The query and the look at what the index holds are one read
        of the database, so that an update by another process in between cannot pass a
        stale answer off as fresh."""
        try:
            db = self._connect()
            db.execute("BEGIN")  # deferred: both reads see the database as of the first
            try:
                hits = self.search(query, limit)
                listing, titles, shards = snapshot.taken()
                if not _listing_unchanged(db, listing):
                    return None
                row = db.execute("SELECT value FROM meta WHERE key = 'titles'").fetchone()
                fresh = bool(row and row[0] == titles) and dict(db.execute("SELECT shard, sig FROM note_shards")) == shards
                return hits if fresh else None
            finally:
                db.execute("ROLLBACK")
        except (SearchIndexError, sqlite3.DatabaseError):
            return None  # update() says what is wrong, or rebuilds the index

    def report_paragraphs(self, match: str = "", containing: str = "") -> list[tuple[str, int, str, str | None, str | None]]:
        """(report, paragraph, text, date, title) of every report paragraph matching an FTS5
        expression, or holding a string; for counting a phrase exactly (core.track)."""
        where, argument = ("chunk_text MATCH ?", match) if match else ("instr(t.body, ?) > 0", containing)
        try:
            return self._connect().execute(
                "SELECT c.report, c.paragraph, t.body, f.date, coalesce(u.title, f.title) FROM chunk_text AS t "
                "JOIN chunks AS c ON c.id = t.rowid AND c.kind = 'report' "
                "JOIN files AS f ON f.path = c.path AND f.error IS NULL "
                f"LEFT JOIN titles AS u ON u.report = c.report WHERE {where}",
                (argument,),
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def word_reports(self, word: str) -> list[tuple[str, int, int, int, str | None, str | None]]:
        """(report, count, first paragraph, that paragraph's chunk, date, title) of every
        report whose text holds the word (folded as the index folds it): one indexed
        query of the per-report counts kept with the text (storage.word_counts), no
        paragraph read, so a word in every report ("the") costs 10,000 rows, not its
        450,000 places."""
        try:
            return word_counts.word_reports(self._connect(), word)
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def word_places(self, word: str) -> list[tuple[int, int]]:
        """(chunk, word number) of every place the word occurs, notes too, in order."""
        try:
            db = self._connect()
            return db.execute(f"SELECT doc, offset FROM temp.word_places WHERE term = ?{self._in_body(db, word)}", (word,)).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def _unreadable(self, exc: sqlite3.DatabaseError) -> SearchIndexError:
        return SearchIndexError(f"search index {self.path} cannot be read ({exc}); it will be rebuilt on the next update")

    @staticmethod
    def _in_body(db: sqlite3.Connection, word: str) -> str:
        """The condition that keeps a word's places in the text column: none when the
        word is not in the bigram column at all (text without ideographs, nearly always),
        as comparing the column's name on each of 500,000 places of "the" costs a third."""
        # Per connection and in memory (temp): the index file is not changed.
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.word_places USING fts5vocab(main, 'chunk_text', 'instance')")
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.word_columns USING fts5vocab(main, 'chunk_text', 'col')")
        in_grams = db.execute("SELECT 1 FROM temp.word_columns WHERE term = ? AND col = 'grams'", (word,)).fetchone()
        return " AND col = 'body'" if in_grams else ""

    def word_total(self, word: str) -> int:
        """How many places the word occurs at in the whole index (notes too): one lookup."""
        try:
            db = self._connect()
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.word_totals USING fts5vocab(main, 'chunk_text', 'row')")
            row = db.execute("SELECT cnt FROM temp.word_totals WHERE term = ?", (word,)).fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None
        return int(row[0]) if row else 0

    def matching_paragraphs(self, match: str) -> list[tuple[int, str, int, str | None, str | None]]:
        """(chunk, report, paragraph, date, title) of every report paragraph matching an
        FTS5 expression: report_paragraphs without the text."""
        try:
            return self._connect().execute(
                "SELECT c.id, c.report, c.paragraph, f.date, coalesce(u.title, f.title) FROM chunk_text AS t "
                "JOIN chunks AS c ON c.id = t.rowid AND c.kind = 'report' "
                "JOIN files AS f ON f.path = c.path AND f.error IS NULL "
                "LEFT JOIN titles AS u ON u.report = c.report WHERE chunk_text MATCH ?",
                (match,),
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def paragraph_texts(self, chunks: list[int]) -> dict[int, str]:
        """The text of these report paragraphs (chunk ids from word_reports)."""
        texts: dict[int, str] = {}
        try:
            db = self._connect()
            for start in range(0, len(chunks), 500):  # SQLite's limit on bound values is 999 in old builds
                part = chunks[start:start + 500]
                marks = ",".join("?" * len(part))
                texts.update(db.execute(f"SELECT rowid, body FROM chunk_text WHERE rowid IN ({marks})", part).fetchall())
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None
        return texts


def _listing_unchanged(db: sqlite3.Connection, listing: Listing) -> bool:
    """Whether every file has the size and mtime it had when the index last caught up."""
    row = db.execute("SELECT value FROM meta WHERE key = 'listing'").fetchone()
    return row is not None and listing.matches(row[0])


def _is_busy(exc: sqlite3.DatabaseError) -> bool:
    """Not the index's fault (another writer, a read-only or full disk): keep the index."""
    text = str(exc).lower()
    return any(word in text for word in ("locked", "busy", "unable to open", "readonly", "disk is full", "disk i/o"))


def _never() -> bool:
    return False


def update(library_folder: Path, store: Store, progress_callback: Progress | None = None, should_stop: Callable[[], bool] | None = None) -> UpdateResult:
    """Update the index of library_folder kept in store's folder (for a thread worker)."""
    return SearchIndex.for_library(Path(store.directory), Path(library_folder)).update(store, progress_callback, should_stop)


def search(query: str, library_folder: Path, store_dir: Path, limit: int = DEFAULT_LIMIT, titles: dict[str, str] | None = None) -> list[SearchHit]:
    return SearchIndex.for_library(Path(store_dir), Path(library_folder)).search(query, limit, titles)
