"""Report sources (issue 13): URL, publisher, meeting date, language per report, kept in
sources.json, never in the report file; written like every store file (store lock,
re-read first, atomic replace, backups)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from tinydb.table import Table

from minutesreader.core.records import StoreError
from minutesreader.core.sources import ReportSource, source_from
from minutesreader.storage.tinystorage import AtomicJSONStorage


class SourceBook:
    """`store.sources.set("043_...", ReportSource(url=...))`; `store.sources.get("043_...")`."""

    def __init__(self, storage: AtomicJSONStorage, guard: Callable[[], AbstractContextManager[None]]) -> None:
        self._storage = storage
        self._guard = guard

    def all(self) -> dict[str, ReportSource]:
        self._storage.refresh()  # a read needs no lock: files are replaced whole
        table = self._storage.read().get("sources", {})
        docs = table.values() if isinstance(table, dict) else ()  # a hand-edited file of another shape
        found: dict[str, ReportSource] = {}
        for doc in docs:
            source = source_from(doc)
            if source is not None and isinstance(doc.get("report"), str):
                found[doc["report"]] = source
        return found

    def get(self, report: str) -> ReportSource:
        return self.all().get(report, ReportSource())

    def set(self, report: str, source: ReportSource) -> None:
        """Keep a report's details (all of them at once); an empty source forgets them."""
        with self._guard():
            self._storage.refresh()
            table = Table(self._storage, "sources", cache_size=0)
            try:
                old = [doc.doc_id for doc in table.all() if doc.get("report") == report]
                if old:
                    table.remove(doc_ids=old)
                if not source.is_empty():
                    table.insert({"report": report, **source.as_dict()})
            except OSError as exc:
                raise StoreError(f"could not save report details to {self._storage.path}: {exc.strerror or exc}") from None
