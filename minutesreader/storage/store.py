"""The annotation store: notes, tags, highlights, report titles (TinyDB JSON, sharded).

Layout of the store folder (--db DIR or MINUTESREADER_DB; default: the user data dir):

    meta.json            schema version and shard count
    titles.json          user renames of reports
    briefs.json          named briefs (ordered quotes, headings, comments)
    sources.json         report details: url, publisher, meeting date, language
    shards/NNN.json      notes, tags and highlights; a report's annotations all live in one shard,
                         NNN = hash of the report id (note ids start with their shard: NNN-...)
    counts.json          cache of per-shard counts (safe to delete; rebuilt)
    *.bak1 .. *.bak3     the previous three versions of each file, newest first
    *.corrupt-TIMESTAMP  a file that could not be read, moved aside byte for byte

Restoring a backup: quit every minutesreader window, then copy the backup over the file,
e.g. `cp -p shards/3f0.json.bak1 shards/3f0.json` (or `titles.json.bak1 titles.json`).
A file moved aside as unreadable can be repaired by hand and copied back the same way.
To find a report's shard: `grep -l '"report":"REPORT-ID"' shards/*.json`.

Every write takes the store's file lock, re-reads the shard if another process changed it,
and replaces the file atomically (atomic.py), so two windows never lose each other's notes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

from tinydb.table import Table

from minutesreader.core.records import (
    AnchorResult,
    AnnotationNotFound,
    Brief,
    BriefItem,
    Highlight,
    Note,
    StoreError,
    TagMark,
)
from minutesreader.core.text import for_terminal
from minutesreader.storage.atomic import make_private_folder, remove_stale_temps
from minutesreader.storage.briefs import BriefBook
from minutesreader.storage.counts import AnnotationTotals, CountIndex, summed
from minutesreader.storage.lock import StoreLock
from minutesreader.storage.model import (
    ANNOTATION_TABLES,
    clean_tags,
    existing_shard_names,
    highlight_docs,
    highlight_from_doc,
    id_of,
    is_on,
    is_orphan,
    mark_docs,
    mark_from_doc,
    meta_problem,
    new_highlight_doc,
    new_mark_doc,
    new_note_doc,
    note_docs,
    note_from_doc,
    note_text_change,
    placed_at,
    report_of,
    shard_problem,
    tag_of,
    tags_of,
)
from minutesreader.storage.series_names import SeriesNames
from minutesreader.storage.sources import SourceBook
from minutesreader.storage.tinystorage import (
    AtomicJSONStorage,
    Signature,
    file_signature,
    quarantine,
)

__all__ = ["AnchorResult", "AnnotationNotFound", "Brief", "BriefItem", "Highlight", "Note", "Store", "StoreError", "TagMark"]

SCHEMA_VERSION = 1
# 1,024 shards: at 100,000 annotations a shard holds ~100 (~110 KB), so a save re-encodes
# and fsyncs ~110 KB; at 256 shards the JSON encoding alone took ~5 ms.
SHARD_COUNT = 1024
# Parsed shards kept in memory; a library-wide listing must not hold all of them.
CACHED_SHARDS = 32
T = TypeVar("T")


class Store:
    def __init__(self, directory: Path, shard_count: int, lock: StoreLock, read_only: bool = False) -> None:
        self.directory = directory
        self.warnings: list[str] = []
        # A folder we cannot write (a read-only disk, another user's store): everything
        # reads; every save is a StoreError that says so.
        self.read_only = read_only
        self._shard_count = shard_count
        self._lock = lock
        self._mutex = threading.RLock()
        self._shards: OrderedDict[str, AtomicJSONStorage] = OrderedDict()
        self._shard_listing: list[tuple[str, str]] | None = None
        self._counts = CountIndex(directory / "counts.json")
        self._titles = self._storage(directory / "titles.json", "titles file")
        # Named briefs (issue 6): store.briefs.append(name, BriefItem(...)), .get, .save, ...
        self.briefs = BriefBook(self._storage(directory / "briefs.json", "briefs file"), self._guard)
        # Series names (issue 14): store.series.set(report, name), store.series.all()
        self.series = SeriesNames(self._storage(directory / "series.json", "series file"), self._guard)
        # Report details (issue 13): store.sources.set(report, ReportSource(...)), .get(report)
        self.sources = SourceBook(self._storage(directory / "sources.json", "report details file"), self._guard)

    # ---- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, directory: Path | str, announce_new: bool = False) -> "Store":
        """Open (creating if missing) the store folder. Problems found are in .warnings.

        announce_new: the user named this folder (--db): creating it is said loudly, since
        a mistyped name would otherwise show an empty store as if every note were gone.
        """
        directory = Path(directory).expanduser()
        if directory.exists() and not directory.is_dir():
            raise StoreError(f"store {directory} is a file, not a folder; give --db a folder")
        new = not directory.exists()
        try:
            make_private_folder(directory / "shards")
        except OSError as exc:
            if new or not directory.is_dir():
                raise StoreError(f"cannot create store folder {directory}: {exc.strerror}") from None
        read_only = not all(os.access(folder, os.W_OK | os.X_OK) for folder in (directory, directory / "shards") if folder.exists())
        read_only = read_only or not (directory / "shards").is_dir()
        lock = StoreLock(directory)
        store = cls(directory, SHARD_COUNT, lock, read_only)
        if new and announce_new:
            store.note_problem(f"created a new, empty store at {directory} (a mistyped --db?)")
        if read_only:
            store.note_problem(f"store {directory} cannot be written: showing notes, saving nothing")
        with store._guard():
            if not read_only:
                remove_stale_temps(directory)
                remove_stale_temps(directory / "shards")
            store._check_meta()
        return store

    def _check_meta(self) -> None:
        meta = self._storage(self.directory / "meta.json", "store settings file")
        meta.refresh()
        table = Table(meta, "meta", cache_size=0)
        docs = table.all()
        if not docs:
            if not self.read_only:
                table.insert({"format": "minutesreader-store", "schema": SCHEMA_VERSION, "shards": SHARD_COUNT})
            return
        problem = meta_problem(docs[0], SCHEMA_VERSION, existing_shard_names(self.directory / "shards"))
        if problem:
            raise StoreError(f"store {self.directory}: meta.json {problem}")
        self._shard_count = docs[0]["shards"]

    def close(self) -> None:
        with self._mutex:
            if not self.read_only:
                self._counts.save()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- plumbing --------------------------------------------------------------------

    def note_problem(self, warning: str) -> None:
        """Tell the user (the app and the CLI show .warnings): one clean line, as it quotes paths."""
        self.warnings.append(for_terminal(warning))

    def _storage(self, path: Path, label: str, validate: Callable[[dict[str, Any]], str | None] | None = None) -> AtomicJSONStorage:
        def moved_aside(bad: Path, problem: str, sig: Signature) -> bool | None:
            try:
                if self.read_only:
                    raise PermissionError(errno.EROFS, "the store cannot be written")
                with self._guard():
                    target = quarantine(bad, sig)
            except (OSError, StoreError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) else str(exc)
                self.note_problem(f"{label} {bad} could not be read ({problem}) nor moved aside ({reason}); kept as it is, shown empty")
                return None
            if target is None:
                return False
            self.note_problem(f"{label} {bad} could not be read ({problem}); moved to {target}, starting empty")
            return True

        return AtomicJSONStorage(path, moved_aside, validate)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """This thread and no other process may write until the block ends.

        A read-only store takes no file lock (it cannot create one): it never writes.
        """
        with self._mutex:
            if self.read_only:
                yield
                return
            with self._lock.held():
                yield

    def exclusive(self) -> AbstractContextManager[None]:
        """No other window or thread writes until the block ends (this one may: re-entrant)."""
        return self._guard()

    def shard_of_annotation(self, annotation_id: str) -> str:
        """The shard holding a note or tag mark, from its id."""
        return self._shard_of_id(annotation_id)

    def _shard_name(self, number: int) -> str:
        width = len(f"{self._shard_count - 1:x}")
        return f"{number:0{width}x}"

    def shard_of(self, report: str) -> str:
        """The shard holding a report's annotations (stable: a hash of the report id)."""
        digest = hashlib.blake2b(report.encode("utf-8"), digest_size=4).digest()
        return self._shard_name(int.from_bytes(digest, "big") % self._shard_count)

    def _shard_path(self, shard: str) -> Path:
        return self.directory / "shards" / f"{shard}.json"

    def _shard_files(self) -> list[tuple[str, str]]:
        """Every shard's name and path, made once: a Path each time cost a library
        refresh ~15 ms of its 1,024 stats."""
        if self._shard_listing is None or len(self._shard_listing) != self._shard_count:
            self._shard_listing = [(shard, str(self._shard_path(shard)))
                                   for shard in map(self._shard_name, range(self._shard_count))]
        return self._shard_listing

    def _shard(self, shard: str) -> AtomicJSONStorage:
        storage = self._shards.get(shard)
        if storage is None:
            storage = self._storage(self._shard_path(shard), "notes file", shard_problem)
            self._shards[shard] = storage
            while len(self._shards) > CACHED_SHARDS:
                self._shards.popitem(last=False)
        self._shards.move_to_end(shard)
        return storage

    def shard_data(self, shard: str) -> dict[str, Any]:
        """The shard's current data, re-read if another process saved it."""
        with self._mutex:
            storage = self._shard(shard)
            if storage.refresh():
                self._counts.record(shard, storage.sig, storage.read())
            return storage.read()

    def modify_shard(self, shard: str, change: Callable[[Table, Table], T]) -> T:
        """Run change(notes, tags) on the freshest copy of a shard, under the lock.

        A save that fails (full disk, read-only store) raises StoreError; the file is as it was.
        """
        return self.modify_tables(shard, lambda tables: change(tables["notes"], tables["tags"]))

    def modify_tables(self, shard: str, change: Callable[[dict[str, Table]], T]) -> T:
        """modify_shard for a change to any kind of annotation: change({"notes": ..., "tags": ...,
        "highlights": ...})."""
        self._check_writable()
        with self._guard():
            storage = self._shard(shard)
            storage.refresh()
            result = change({kind: Table(storage, kind, cache_size=0) for kind in ANNOTATION_TABLES})
            self._counts.record(shard, storage.sig, storage.read())
            return result

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"not saved: store {self.directory} cannot be written")

    def _shard_of_id(self, annotation_id: str) -> str:
        shard = annotation_id.split("-", 1)[0]
        try:
            valid = annotation_id.count("-") == 1 and self._shard_name(int(shard, 16)) == shard
        except ValueError:
            valid = False
        if not valid:
            raise AnnotationNotFound(f"no note or tag with id {annotation_id!r}")
        return shard

    def new_id(self, shard: str) -> str:
        """A fresh note or tag mark id in this shard."""
        return f"{shard}-{secrets.token_hex(5)}"

    # ---- notes -------------------------------------------------------------------------

    def add_note(self, report: str, paragraph: int, quote: str, text: str, tags: Iterable[str] = (),
                 context: tuple[str, str] = ("", ""), paragraph_tags: Iterable[str] = (), start: int | None = None) -> Note:
        """Save a note on a paragraph (and paragraph_tags on the paragraph, in the same save);
        returns once it is durably on disk. start: the note is on the words `quote` that
        start there in the paragraph, and `context` is the paragraph's text around them."""
        shard = self.shard_of(report)
        doc = new_note_doc(self.new_id(shard), report, paragraph, quote, text, tags, context, start)
        add_marks = self._tagging(report, paragraph, quote, paragraph_tags, context)

        def change(notes: Table, marks: Table) -> None:
            notes.insert(doc)
            add_marks(notes, marks)

        self.modify_shard(shard, change)
        return note_from_doc(doc)

    def update_note(self, note_id: str, text: str) -> Note:
        def change(notes: Table, _tags: Table) -> dict[str, Any]:
            for doc in notes.all():
                if id_of(doc) == note_id:
                    fields = note_text_change(text)
                    notes.update(fields, doc_ids=[doc.doc_id])
                    return {**doc, **fields}
            raise AnnotationNotFound(f"note {note_id} no longer exists (deleted in another window?)")

        return note_from_doc(self.modify_shard(self._shard_of_id(note_id), change))

    def delete_note(self, note_id: str) -> None:
        """Delete a note; deleting one that is already gone is not an error."""
        self.delete_annotation(note_id)

    def notes(self, report: str | None = None, tag: str | None = None, include_orphans: bool = False) -> list[Note]:
        """Notes of one report (by paragraph, then age) or of all reports (newest first).

        Orphans (notes whose paragraph could not be found after the report changed) are left
        out unless include_orphans; call anchor() when a report is opened so numbers are right.
        """
        shards = [self.shard_of(report)] if report is not None else self.shards_with(tag, "note_tags")
        found = [
            note_from_doc(doc)
            for shard in shards
            for doc in note_docs(self.shard_data(shard))
            if (report is None or report_of(doc) == report)
            and (tag is None or tag in tags_of(doc))
            and (include_orphans or not is_orphan(doc))
        ]
        if report is not None:
            return sorted(found, key=lambda n: (n.paragraph, n.created, n.id))
        return sorted(found, key=lambda n: (n.created, n.id), reverse=True)

    def shards_with(self, tag: str | None, table: str) -> list[str]:
        """Shards that can hold matches, judged from the count index without parsing the rest."""
        entries = self._count_entries()
        return [
            shard for shard, entry in entries.items()
            if (entry[table].get(tag) if tag is not None else entry["reports"])
        ]

    # ---- tags on paragraphs --------------------------------------------------------------

    def add_tags(self, report: str, paragraph: int, quote: str, tags: Iterable[str], context: tuple[str, str] = ("", ""),
                 start: int | None = None) -> None:
        """Tag a paragraph, or (start given, as add_note) the words `quote` in it."""
        self.modify_shard(self.shard_of(report), self._tagging(report, paragraph, quote, tags, context, start))

    def _tagging(self, report: str, paragraph: int, quote: str, tags: Iterable[str],
                 context: tuple[str, str], start: int | None = None) -> Callable[[Table, Table], None]:
        """The change that puts tags on a paragraph or its words (those not carried yet)."""
        wanted = clean_tags(tags)
        shard = self.shard_of(report)

        def change(_notes: Table, marks: Table) -> None:
            present = {tag_of(doc) for doc in marks.all() if is_on(doc, report, paragraph, start, quote)}
            new = [new_mark_doc(self.new_id(shard), report, paragraph, quote, tag, context, start)
                   for tag in wanted if tag not in present]
            if new:
                marks.insert_multiple(new)

        return change

    def remove_tag(self, report: str, paragraph: int, tag: str, start: int | None = None, quote: str = "") -> None:
        """Untag a paragraph, or (start given) the words `quote` starting there."""
        def change(_notes: Table, marks: Table) -> None:
            gone = [doc.doc_id for doc in marks.all() if tag_of(doc) == tag and is_on(doc, report, paragraph, start, quote)]
            if gone:
                marks.remove(doc_ids=gone)

        self.modify_shard(self.shard_of(report), change)

    def tags(self, report: str, include_orphans: bool = False) -> list[TagMark]:
        marks = [
            mark_from_doc(doc) for doc in mark_docs(self.shard_data(self.shard_of(report)))
            if report_of(doc) == report and (include_orphans or not is_orphan(doc))
        ]
        return sorted(marks, key=lambda m: (m.paragraph, m.tag))

    # ---- highlights -------------------------------------------------------------------------

    def add_highlight(self, report: str, paragraph: int, start: int, quote: str, context: tuple[str, str] = ("", "")) -> Highlight:
        """Keep the words `quote`, starting at `start` in the paragraph (context: the
        paragraph's text around them); the same words kept twice are one highlight."""
        shard = self.shard_of(report)
        doc = new_highlight_doc(self.new_id(shard), report, paragraph, start, quote, context)

        def change(tables: dict[str, Table]) -> dict[str, Any]:
            for kept in tables["highlights"].all():
                if is_on(kept, report, paragraph, start, quote):
                    return dict(kept)
            tables["highlights"].insert(doc)
            return doc

        return highlight_from_doc(self.modify_tables(shard, change))

    def highlights(self, report: str | None = None, include_orphans: bool = False) -> list[Highlight]:
        """Highlights of one report (in reading order) or of all reports (newest first)."""
        shards = [self.shard_of(report)] if report is not None else self.shards_with(None, "tags")
        found = [
            highlight_from_doc(doc)
            for shard in shards
            for doc in highlight_docs(self.shard_data(shard))
            if (report is None or report_of(doc) == report) and (include_orphans or not is_orphan(doc))
        ]
        if report is not None:
            return sorted(found, key=lambda h: (h.paragraph, h.start, h.id))
        return sorted(found, key=lambda h: (h.created, h.id), reverse=True)

    def tagged(self, tag: str) -> list[TagMark]:
        """Every paragraph carrying tag, across the library (for the tag browser)."""
        marks = [
            mark_from_doc(doc)
            for shard in self.shards_with(tag, "tags")
            for doc in mark_docs(self.shard_data(shard))
            if tag_of(doc) == tag and not is_orphan(doc)
        ]
        return sorted(marks, key=lambda m: (m.report, m.paragraph))

    def tag_counts(self) -> dict[str, int]:
        """Per tag: tagged paragraphs plus notes carrying the tag."""
        return summed(self._count_entries().values(), "tags")

    def report_tags(self) -> dict[str, frozenset[str]]:
        """Per report: the tags on its paragraphs (orphans aside), from the count index:
        only shards that changed since it was saved are parsed."""
        found: dict[str, frozenset[str]] = {}
        for entry in self._count_entries().values():
            for report, names in entry.get("report_tags", {}).items():
                found[report] = frozenset(names)  # a report's annotations all live in one shard
        return found

    def note_counts(self) -> dict[str, int]:
        """Per report: notes plus tagged paragraphs (orphans included: they still need the user)."""
        return summed(self._count_entries().values(), "reports")

    def notes_per_report(self) -> dict[str, int]:
        """Per report: notes only (the library's Notes column); orphans included."""
        return summed(self._count_entries().values(), "report_notes")

    def annotation_totals(self) -> AnnotationTotals:
        """note_counts, notes_per_report and tag_counts from one look at the shards: asked
        for one by one, the library's refresh checked all 1,024 shards three times."""
        entries = self._count_entries().values()
        return AnnotationTotals(summed(entries, "reports"), summed(entries, "report_notes"), summed(entries, "tags"))

    def _count_entries(self) -> dict[str, dict[str, Any]]:
        """Counts for every shard: one stat per shard, a parse only for shards that changed."""
        with self._mutex:
            entries = {}
            for shard, path in self._shard_files():
                sig = file_signature(path)
                entry = self._counts.lookup(shard, sig)
                if entry is None:
                    if sig is None:
                        entry = self._counts.record(shard, None, {})
                    else:
                        data = self.shard_data(shard)
                        entry = self._counts.record(shard, self._shard(shard).sig, data)
                entries[shard] = entry
            if not self.read_only:
                self._counts.save()
            return entries

    # ---- titles ------------------------------------------------------------------------

    def set_title(self, report: str, title: str | None) -> None:
        """Rename a report (the file is never touched); None or "" restores the derived title."""
        name = " ".join(for_terminal(title or "").split())
        self._check_writable()
        with self._guard():
            self._titles.refresh()
            table = Table(self._titles, "titles", cache_size=0)
            try:
                old = [doc.doc_id for doc in table.all() if doc.get("report") == report]
                if name:
                    if old:
                        table.update({"title": name}, doc_ids=old[:1])
                    else:
                        table.insert({"report": report, "title": name})
                elif old:
                    table.remove(doc_ids=old)
            except OSError as exc:
                raise StoreError(f"could not save titles to {self._titles.path}: {exc.strerror or exc}") from None

    def titles(self) -> dict[str, str]:
        with self._mutex:
            self._titles.refresh()
            docs = self._titles.read().get("titles", {}).values()
            return {
                report_of(doc): for_terminal(doc["title"])
                for doc in docs if isinstance(doc.get("report"), str) and isinstance(doc.get("title"), str)
            }

    # ---- changed reports -------------------------------------------------------------------

    def anchor(self, report: str, paragraphs: list[str]) -> AnchorResult:
        """Place this report's notes and tags on its current paragraphs (paragraphs[i] is ¶ i+1).

        Moves are saved, so numbers stay right for the CLI too. What cannot be placed with
        confidence becomes an orphan: kept with its old paragraph number and quote.
        """
        from minutesreader.storage.reanchor import (
            anchor_without_saving,
            apply_anchoring,
        )

        shard = self.shard_of(report)
        try:
            return self.modify_tables(shard, lambda tables: apply_anchoring(report, paragraphs, tables))
        except StoreError:
            # A store we cannot write (read-only, full disk) must still show the notes
            # where they now are; the moves are saved by the next window that can.
            with self._mutex:
                return anchor_without_saving(report, paragraphs, self.shard_data(shard))

    def revision(self, report: str) -> Signature | None:
        """Changes whenever this report's annotations change on disk, in any window."""
        return file_signature(self._shard_path(self.shard_of(report)))

    def orphans(self, report: str | None = None) -> tuple[list[Note], list[TagMark]]:
        shards = [self.shard_of(report)] if report is not None else list(self._count_entries())
        notes, marks = [], []
        for shard in shards:
            data = self.shard_data(shard)
            notes += [note_from_doc(d) for d in note_docs(data) if is_orphan(d) and report in (None, report_of(d))]
            marks += [mark_from_doc(d) for d in mark_docs(data) if is_orphan(d) and report in (None, report_of(d))]
        return notes, marks

    def reattach(self, annotation_id: str, paragraph: int, quote: str, context: tuple[str, str] = ("", "")) -> None:
        """Put an orphaned note, tag or highlight on a paragraph the user chose (a
        highlight then keeps the whole paragraph; a note or tag hangs on it)."""
        fields = placed_at(paragraph, quote, context)

        def on_paragraph(doc: dict[str, Any]) -> None:
            doc.pop("start", None)
            doc.update(fields)

        def change(tables: dict[str, Table]) -> None:
            for kind, table in tables.items():
                for doc in table.all():
                    if id_of(doc) == annotation_id:
                        whole = {**fields, "start": 0, "prefix": "", "suffix": ""}  # its span is the paragraph
                        table.update(whole if kind == "highlights" else on_paragraph, doc_ids=[doc.doc_id])  # type: ignore[arg-type]
                        return
            raise AnnotationNotFound(f"no note or tag with id {annotation_id} (deleted in another window?)")

        self.modify_tables(self._shard_of_id(annotation_id), change)

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete a note, tag mark or highlight by id (e.g. an orphan the user gave up on)."""

        def change(tables: dict[str, Table]) -> None:
            for table in tables.values():
                gone = [doc.doc_id for doc in table.all() if id_of(doc) == annotation_id]
                if gone:
                    table.remove(doc_ids=gone)

        self.modify_tables(self._shard_of_id(annotation_id), change)

