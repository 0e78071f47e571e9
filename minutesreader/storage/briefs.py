"""Named briefs: ordered quotes (with their source), headings and comments (issue 6).

Kept in briefs.json (one TinyDB document per brief, table "briefs"), written like every
store file: under the store lock, re-read first, atomic replace, backups. Appending
re-reads the brief, so two windows adding quotes to the same brief both keep theirs;
a reorder or removal saves the whole list the user sees (last one wins).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any

from tinydb.table import Table

from minutesreader.core.records import BRIEF_ITEM_KINDS, Brief, BriefItem, StoreError
from minutesreader.core.text import for_terminal
from minutesreader.storage.model import brief_from_doc, brief_item_doc, stamp
from minutesreader.storage.tinystorage import AtomicJSONStorage


class BriefBook:
    """The store's briefs: `store.briefs.append("China housing", BriefItem("quote", ...))`."""

    def __init__(self, storage: AtomicJSONStorage, guard: Callable[[], AbstractContextManager[None]]) -> None:
        self._storage = storage
        self._guard = guard

    def _docs(self) -> list[dict[str, Any]]:
        self._storage.refresh()
        return [doc for doc in self._storage.read().get("briefs", {}).values() if isinstance(doc.get("name"), str)]

    def names(self) -> list[str]:
        """Brief names, most recently changed first."""
        with self._guard():
            docs = sorted(self._docs(), key=lambda d: str(d.get("updated", "")), reverse=True)
        return [doc["name"] for doc in docs]

    def get(self, name: str) -> Brief | None:
        with self._guard():
            for doc in self._docs():
                if doc["name"] == name:
                    return brief_from_doc(doc)
        return None

    def _change(self, name: str, change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> Brief:
        name = for_terminal(name)  # a name is shown everywhere: no control character is ever stored
        with self._guard():
            self._storage.refresh()
            table = Table(self._storage, "briefs", cache_size=0)
            try:
                existing = [doc for doc in table.all() if doc.get("name") == name]
                now = stamp()
                if existing:
                    doc = existing[0]
                    if not isinstance(doc.get("items", []), list):
                        raise StoreError(f"brief {name!r} in {self._storage.path} is damaged (its items are not a list); not saved")
                    items = change(list(doc.get("items", [])))
                    table.update({"items": items, "updated": now}, doc_ids=[doc.doc_id])
                    return brief_from_doc({**doc, "items": items, "updated": now})
                items = change([])
                table.insert({"name": name, "items": items, "created": now, "updated": now})
                return brief_from_doc({"name": name, "items": items, "created": now, "updated": now})
            except OSError as exc:
                raise StoreError(f"could not save briefs to {self._storage.path}: {exc.strerror or exc}") from None

    def append(self, name: str, item: BriefItem) -> Brief:
        """Add an item at the end of the brief, creating the brief if needed."""
        _check(item)
        return self._change(name, lambda items: items + [brief_item_doc(item)])

    def save(self, name: str, items: Iterable[BriefItem]) -> Brief:
        """Replace the brief's items with this ordered list (after a move or a removal)."""
        wanted = [brief_item_doc(_check(item)) for item in items]
        return self._change(name, lambda _items: wanted)

    def rename(self, old: str, new: str) -> None:
        new = for_terminal(new)
        with self._guard():
            self._storage.refresh()
            table = Table(self._storage, "briefs", cache_size=0)
            names = {doc.get("name"): doc.doc_id for doc in table.all()}
            if old not in names:
                raise StoreError(f"there is no brief named {old!r}")
            if new in names and new != old:
                raise StoreError(f"a brief named {new!r} already exists")
            try:
                table.update({"name": new, "updated": stamp()}, doc_ids=[names[old]])
            except OSError as exc:
                raise StoreError(f"could not save briefs to {self._storage.path}: {exc.strerror or exc}") from None

    def delete(self, name: str) -> None:
        with self._guard():
            self._storage.refresh()
            table = Table(self._storage, "briefs", cache_size=0)
            gone = [doc.doc_id for doc in table.all() if doc.get("name") == name]
            try:
                if gone:
                    table.remove(doc_ids=gone)
            except OSError as exc:
                raise StoreError(f"could not save briefs to {self._storage.path}: {exc.strerror or exc}") from None


def _check(item: BriefItem) -> BriefItem:
    if item.kind not in BRIEF_ITEM_KINDS:
        raise ValueError(f"brief item kind must be one of {BRIEF_ITEM_KINDS}, not {item.kind!r}")
    return item
