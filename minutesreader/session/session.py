"""The session: the screens' one way to the store, the catalog, the search index and the briefs.

Reads hand out immutable snapshots (a Listing, ReportMarks, TaggedMarks, a Brief, tuples
of records); every write returns a Change and, when given an `undo` name, becomes one
step of the undo history. Writes raise StoreError with a one-line reason; the caller
tells the user. Calls that touch disk or grow with the data are meant for workers:
the session keeps no state a worker could change under the UI thread's feet other
than the catalog's listing, which is swapped whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from minutesreader.core.catalog import Catalog, ScanProgress
from minutesreader.core.library import ReportSummary, find_report_file
from minutesreader.core.listing import Listing
from minutesreader.core.records import AnnotationNotFound, Brief, BriefItem, Highlight, Note, TagMark
from minutesreader.core.search import SearchHit
from minutesreader.core.sources import ReportSource
from minutesreader.core.track import Occurrence, Phrase, track, with_sentences
from minutesreader.core.undo import Step, UndoHistory
from minutesreader.session.changes import Change
from minutesreader.session.snapshots import ReportMarks, TaggedMarks
from minutesreader.storage.kept_sentences import KeptSentences
from minutesreader.storage.model import report_of
from minutesreader.storage.search_index import SearchIndex
from minutesreader.storage.store import Store
from minutesreader.storage.tag_admin import delete_tag, rename_tag
from minutesreader.storage.undo_records import ANNOTATION_KINDS, ChangedElsewhere, Scope, apply, record

__all__ = ["ChangedElsewhere", "Session"]

T = TypeVar("T")
DEFAULT_BRIEF = "Brief"


class Session:
    def __init__(self, store: Store, catalog: Catalog, search_index: SearchIndex | None = None) -> None:
        self._store = store
        self._catalog = catalog
        self._search_index = search_index
        self.history = UndoHistory()
        names = store.briefs.names()
        # The brief that b and B add to (the brief screen switches it).
        self.current_brief = names[0] if names else DEFAULT_BRIEF
        self.revision = 0  # writes made through this session (Change.revision)
        # (done, total) while the search index is being brought up to date, else None.
        self.index_progress: tuple[int, int] | None = None

    @property
    def store(self) -> Store:
        """For the CLI and for tests that set up data; screens ask the session instead."""
        return self._store

    @property
    def kept_sentences(self) -> KeptSentences:
        """Reports' sentences kept between runs for comparing (in the store's index folder)."""
        return KeptSentences.for_store(Path(self._store.directory))

    # ---- the library ---------------------------------------------------------------------

    @property
    def listing(self) -> Listing:
        return self._catalog.listing

    @property
    def library_folder(self) -> Path:
        return self._catalog.folder

    @property
    def scanning(self) -> bool:
        return self._catalog.scanning

    def scan(self) -> Iterator[ScanProgress]:
        """Read the library folder (in a worker): progress as it goes; the listing follows."""
        return self._catalog.scan()

    def refresh_annotations(self, changed: Sequence[str] | None = None) -> None:
        """Bring the listing's note counts, tags and titles up to date (a new listing is swapped in)."""
        self._catalog.refresh_annotations(list(changed) if changed is not None else None)

    @property
    def library_sort(self) -> str:
        """The library list's order (core/library_order.py): kept for the whole session."""
        return self._catalog.sort

    def sort_library(self, sort: str) -> None:
        """Put the library list in this order; a new listing is swapped in."""
        self._catalog.set_sort(sort)

    def summary(self, report: str) -> ReportSummary | None:
        return self._catalog.listing.summaries.get(report)

    def report_path(self, report: str) -> Path:
        summary = self.summary(report)
        return Path(summary.path) if summary else find_report_file(self._catalog.folder, report)

    def title_of(self, report: str, derived: str) -> str:
        """The user's name for the report, else the title read from its text."""
        return self._catalog.title_of(report, derived)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every problem the store found so far (files are read lazily: the list grows)."""
        return tuple(self._store.warnings)

    # ---- notes and tags (reads) --------------------------------------------------------------

    def shard_of(self, report: str) -> str:
        """The name of the store file holding the report's notes (what a StoreChanged names)."""
        return self._store.shard_of(report)

    def annotations_revision(self, report: str) -> object:
        """Changes whenever the report's notes or tags change on disk, in any window."""
        return self._store.revision(report)

    def marks(self, report: str, paragraphs: list[str]) -> ReportMarks:
        """The report's notes and tags placed on its current paragraphs (moves are saved)."""
        revision = self._store.revision(report)  # before reading: a save landing meanwhile shows next time
        return ReportMarks.of(report, self._store.anchor(report, paragraphs), revision)

    def orphans(self, report: str) -> tuple[tuple[Note, ...], tuple[TagMark, ...]]:
        notes, marks = self._store.orphans(report)
        return tuple(notes), tuple(marks)

    def orphan_highlights(self, report: str) -> tuple[Highlight, ...]:
        return tuple(kept for kept in self._store.highlights(report, include_orphans=True) if kept.orphaned)

    def highlights(self, report: str | None = None) -> tuple[Highlight, ...]:
        """One report's highlights in reading order, or every one newest first (grows: use a worker)."""
        return tuple(self._store.highlights(report))

    def notes(self, report: str | None = None) -> tuple[Note, ...]:
        """One report's notes by paragraph, or every note newest first (grows: use a worker)."""
        return tuple(self._store.notes(report))

    def tags(self, report: str) -> tuple[TagMark, ...]:
        return tuple(self._store.tags(report))

    def tag_counts(self) -> dict[str, int]:
        """Per tag: tagged paragraphs plus notes carrying it (reads every shard's counts: a worker)."""
        return self._store.tag_counts()

    def tagged(self, tag: str) -> TaggedMarks:
        """Every paragraph carrying the tag, newest report first (grows: use a worker)."""
        summaries = self._catalog.listing.summaries
        ordered = sorted(self._store.tagged(tag),
                         key=lambda m: (summaries[m.report].date or "" if m.report in summaries else "", m.report, m.paragraph),
                         reverse=True)
        return TaggedMarks(tag, tuple(ordered))

    # ---- briefs, details, series (reads) -----------------------------------------------------

    def brief(self, name: str | None = None) -> Brief | None:
        """The brief as stored now (the current one unless named)."""
        return self._store.briefs.get(self.current_brief if name is None else name)

    def brief_names(self) -> tuple[str, ...]:
        """Most recently changed first."""
        return tuple(self._store.briefs.names())

    def source(self, report: str) -> ReportSource:
        return self._store.sources.get(report)

    def sources(self) -> Mapping[str, ReportSource]:
        return self._store.sources.all()

    def series_names(self) -> Mapping[str, str]:
        return self._store.series.all()

    # ---- search ---------------------------------------------------------------------------

    @property
    def can_search(self) -> bool:
        return self._search_index is not None

    def update_search_index(self, should_stop: Callable[[], bool]) -> None:
        """Bring the index up to date with the library and the notes (a worker: it reads files)."""
        if self._search_index is None:
            return

        def progress(done: int, total: int) -> None:
            self.index_progress = (done, total)

        try:
            self._search_index.update(self._store, progress=progress, should_stop=should_stop)
        finally:
            self.index_progress = None

    def search(self, query: str, limit: int) -> list[SearchHit]:
        if self._search_index is None:
            return []
        titles = {report: summary.title for report, summary in self._catalog.listing.summaries.items()}
        return self._search_index.search(query, limit=limit, titles=titles)

    def track(self, phrase: Phrase) -> list[Occurrence]:
        """Every report holding the phrase, by date, counted (first sentences not loaded)."""
        return track(self._search_index, phrase) if self._search_index is not None else []

    def prepare_tracking(self) -> None:
        """Map the index's paragraphs to their reports in memory, so phrases are counted
        without joining each paragraph to its report (while the user types one)."""
        if self._search_index is not None:
            self._search_index.warm_ranges()

    def with_sentences(self, phrase: Phrase, rows: list[Occurrence]) -> list[Occurrence]:
        """The rows with their first occurrence's sentence loaded: for the rows shown only."""
        return with_sentences(phrase, rows, self._search_index) if rows else []

    # ---- writes ---------------------------------------------------------------------------

    def _write(self, undo: str | None, scope: Scope, write: Callable[[Store], T]) -> T:
        if undo is None:
            result = write(self._store)
        else:
            result, changes = record(self._store, scope, write)
            self.history.record(Step(undo, changes))
        self.revision += 1
        return result

    def _annotations(self, kind: str, report: str, undo: str | None, write: Callable[[Store], object],
                     ids: tuple[str, ...] = (), tags: Iterable[str] = ()) -> Change:
        self._write(undo, Scope(reports=(report,)), write)
        return Change(kind, self.revision, reports=(report,), ids=ids, tags=tuple(tags))

    def add_note(self, report: str, paragraph: int, quote: str, text: str, context: tuple[str, str] = ("", ""),
                 undo: str | None = None, start: int | None = None) -> Change:
        """A note on a paragraph, or (start given) on the words `quote` starting there."""
        note = self._write(undo, Scope(reports=(report,)),
                           lambda store: store.add_note(report, paragraph, quote, text, context=context, start=start))
        return Change("note added", self.revision, reports=(report,), ids=(note.id,))

    def add_highlight(self, report: str, paragraph: int, start: int, quote: str, context: tuple[str, str] = ("", ""),
                      undo: str | None = None) -> Change:
        kept = self._write(undo, Scope(reports=(report,)),
                           lambda store: store.add_highlight(report, paragraph, start, quote, context))
        return Change("highlight added", self.revision, reports=(report,), ids=(kept.id,))

    def edit_note(self, note: Note, text: str, paragraph: int, quote: str, context: tuple[str, str] = ("", ""),
                  undo: str | None = None) -> Change:
        """Change a note's text; one deleted meanwhile (in another window) is saved anew
        on `paragraph`, so the user's words are never lost (kind "note re-added")."""

        def edit(store: Store) -> tuple[str, str]:
            try:
                return "note edited", store.update_note(note.id, text).id
            except AnnotationNotFound:
                return "note re-added", store.add_note(note.report, paragraph, quote, text, context=context).id

        kind, note_id = self._write(undo, Scope(reports=(note.report,)), edit)
        return Change(kind, self.revision, reports=(note.report,), ids=(note_id,))

    def delete_note(self, note: Note, undo: str | None = None) -> Change:
        return self._annotations("note deleted", note.report, undo, lambda store: store.delete_note(note.id), ids=(note.id,))

    def retag(self, report: str, paragraph: int, quote: str, added: Sequence[str], removed: Sequence[str],
              context: tuple[str, str] = ("", ""), undo: str | None = None, start: int | None = None) -> Change:
        """Put `added` on the paragraph (or, start given, on the words `quote` starting
        there) and take `removed` off, in one step."""

        def change(store: Store) -> None:
            if added:
                store.add_tags(report, paragraph, quote, added, context=context, start=start)
            for tag in removed:
                store.remove_tag(report, paragraph, tag, start=start, quote=quote)

        return self._annotations("tags changed", report, undo, change, tags=(*added, *removed))

    def reattach(self, report: str, annotation_id: str, paragraph: int, quote: str, context: tuple[str, str] = ("", ""),
                 undo: str | None = None) -> Change:
        return self._annotations("reattached", report, undo,
                                 lambda store: store.reattach(annotation_id, paragraph, quote, context), ids=(annotation_id,))

    def delete_annotation(self, report: str, annotation_id: str, undo: str | None = None) -> Change:
        return self._annotations("annotation deleted", report, undo,
                                 lambda store: store.delete_annotation(annotation_id), ids=(annotation_id,))

    def rename_tag(self, old: str, new: str, undo: str | None = None) -> Change:
        """Rename a tag everywhere (onto an existing name: merge); the listing's tags follow."""
        count = self._write(undo, Scope(tags=(old, new)), lambda store: rename_tag(store, old, new))
        self.refresh_annotations()
        return Change("tag renamed", self.revision, tags=(old, new), count=count)

    def delete_tag(self, tag: str, undo: str | None = None) -> Change:
        count = self._write(undo, Scope(tags=(tag,)), lambda store: delete_tag(store, tag))
        self.refresh_annotations()
        return Change("tag deleted", self.revision, tags=(tag,), count=count)

    def set_title(self, report: str, title: str | None, undo: str | None = None) -> Change:
        """Rename a report (its file is never touched); None or "" restores the derived title."""
        self._write(undo, Scope(titles=(report,)), lambda store: store.set_title(report, title))
        self.refresh_annotations()
        return Change("title", self.revision, reports=(report,))

    def set_source(self, report: str, source: ReportSource, undo: str | None = None) -> Change:
        self._write(undo, Scope(sources=(report,)), lambda store: store.sources.set(report, source))
        return Change("details", self.revision, reports=(report,))

    def set_series(self, report: str, name: str) -> Change:
        self._write(None, Scope(), lambda store: store.series.set(report, name))
        return Change("series", self.revision, reports=(report,))

    def add_to_brief(self, item: BriefItem, name: str | None = None, undo: str | None = None) -> Change:
        name = self.current_brief if name is None else name
        self._write(undo, Scope(briefs=(name,)), lambda store: store.briefs.append(name, item))
        return Change("brief", self.revision, briefs=(name,), reports=(item.report,) if item.report else ())

    def save_brief(self, items: Iterable[BriefItem], name: str | None = None, undo: str | None = None) -> Change:
        """Replace the brief's items with this ordered list (a move, a removal, a new empty brief)."""
        name = self.current_brief if name is None else name
        wanted = list(items)
        self._write(undo, Scope(briefs=(name,)), lambda store: store.briefs.save(name, wanted))
        return Change("brief", self.revision, briefs=(name,))

    def delete_brief(self, name: str, undo: str | None = None) -> Change:
        """Delete a brief; if it was the current one, the most recent other one becomes current."""
        self._write(undo, Scope(briefs=(name,)), lambda store: store.briefs.delete(name))
        if name == self.current_brief:
            names = self.brief_names()
            self.current_brief = names[0] if names else DEFAULT_BRIEF
        return Change("brief deleted", self.revision, briefs=(name,))

    def rename_brief(self, old: str, new: str, undo: str | None = None) -> Change:
        """Rename a brief (a brief not saved yet only changes its name here)."""
        if old in self.brief_names():
            self._write(undo, Scope(briefs=(old, new)), lambda store: store.briefs.rename(old, new))
        if self.current_brief == old:
            self.current_brief = new
        return Change("brief renamed", self.revision, briefs=(old, new))

    # ---- undo -----------------------------------------------------------------------------

    @property
    def next_undo(self) -> Step | None:
        return self.history.next_undo

    @property
    def next_redo(self) -> Step | None:
        return self.history.next_redo

    def undo(self) -> Change | None:
        """Undo the last step; None if there is none. Raises ChangedElsewhere (nothing written)
        if another window changed its records since, StoreError if it cannot be saved."""
        step = self.history.undo(lambda change: apply(self._store, change))
        return None if step is None else self._stepped("undone", step, step.inverse())

    def redo(self) -> Change | None:
        step = self.history.redo(lambda change: apply(self._store, change))
        return None if step is None else self._stepped("redone", step, step)

    def _stepped(self, kind: str, step: Step, done: Step) -> Change:
        """done: what the store went through (the step itself, or its inverse for an undo)."""
        briefs = [change for change in done.changes if change.kind == "brief"]
        # Undoing a brief's rename removes the brief b adds to: follow it to where it went.
        if any(change.key == self.current_brief and change.after is None for change in briefs):
            self.current_brief = next((c.key for c in briefs if c.after is not None), self.current_brief)
        self.refresh_annotations()
        self.revision += 1
        reports = sorted({report_of(c.after or c.before) for c in done.changes if c.kind in ANNOTATION_KINDS})
        return Change(kind, self.revision, reports=tuple(reports), briefs=tuple(c.key for c in briefs), what=step.what)
