"""Series names the user gives reports (issue 14): kept in series.json, never in the
report file, written like every store file (store lock, re-read first, atomic replace)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from tinydb.table import Table

from minutesreader.core.records import StoreError
from minutesreader.core.text import for_terminal
from minutesreader.storage.tinystorage import AtomicJSONStorage


class SeriesNames:
    """`store.series.set("043_...", "State Council executive meeting")`; `store.series.all()`."""

    def __init__(self, storage: AtomicJSONStorage, guard: Callable[[], AbstractContextManager[None]]) -> None:
        self._storage = storage
        self._guard = guard

    def all(self) -> dict[str, str]:
        """Report id -> series name, for the reports the user named a series for."""
        self._storage.refresh()  # a read needs no lock: files are replaced whole
        table = self._storage.read().get("series", {})
        docs = table.values() if isinstance(table, dict) else ()  # a hand-edited file of another shape
        return {doc["report"]: for_terminal(doc["name"]) for doc in docs
                if isinstance(doc, dict) and isinstance(doc.get("report"), str) and isinstance(doc.get("name"), str)}

    def set(self, report: str, name: str | None) -> None:
        """Put a report in the named series; None or "" puts it back in its title's series."""
        name = " ".join(for_terminal(name or "").split())
        with self._guard():
            self._storage.refresh()
            table = Table(self._storage, "series", cache_size=0)
            try:
                old = [doc.doc_id for doc in table.all() if doc.get("report") == report]
                if old:
                    table.remove(doc_ids=old)
                if name:
                    table.insert({"report": report, "name": name})
            except OSError as exc:
                raise StoreError(f"could not save series names to {self._storage.path}: {exc.strerror or exc}") from None
