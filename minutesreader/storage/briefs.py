"""Named briefs: ordered quotes (with their source), headings and comments (issue 6).

Kept in briefs.json (one TinyDB document per brief, table "briefs"), written like every
store file: under the store lock, re-read first, atomic replace, backups. Appending
re-reads the brief, so two windows adding quotes to the same brief both keep theirs;
a reorder or removal saves the whole list the user sees (last one wins).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from tinydb.table import Table

from minutesreader.core.text import for_terminal
from minutesreader.storage.model import StoreError
from minutesreader.storage.tinystorage import AtomicJSONStorage

KINDS = ("quote", "heading", "comment")


@dataclass(frozen=True)
class BriefItem:
    kind: str  # "quote", "heading" or "comment"
    text: str  # the quote's exact words, or the user's heading or comment
    report: str = ""  # quotes: where the words come from
    paragraph: int = 0
    title: str = ""
    date: str | None = None
    # The paragraph's number in the file, 0 for a display part (core.citations.locator);
    # None in quotes saved before it was kept.
    published: int | None = None


@dataclass(frozen=True)
class Brief:
    name: str
    items: tuple[BriefItem, ...]
    created: str
    updated: str

    def holds(self, quote: BriefItem) -> bool:
        """The same words of the same report are already quoted (adding them again warns)."""
        return any(item.kind == "quote" and item.report == quote.report and item.text == quote.text for item in self.items)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _item_from(raw: Any) -> BriefItem | None:
    if not isinstance(raw, dict) or raw.get("kind") not in KINDS or not isinstance(raw.get("text"), str):
        return None  # one damaged entry should not hide the rest of the brief
    paragraph, date = raw.get("paragraph") or 0, raw.get("date")
    published = raw.get("published")
    if type(paragraph) is not int or not isinstance(date, (str, type(None))) or not (published is None or type(published) is int):
        return None
    return BriefItem(
        kind=raw["kind"], text=for_terminal(raw["text"], one_line=False), report=str(raw.get("report", "")),
        paragraph=paragraph, title=for_terminal(str(raw.get("title", ""))), date=date, published=published,
    )


def _brief_from(doc: dict[str, Any]) -> Brief:
    raw_items = doc.get("items")
    items = tuple(item for item in map(_item_from, raw_items if isinstance(raw_items, list) else []) if item is not None)
    created, updated = doc.get("created"), doc.get("updated")
    return Brief(doc["name"], items, created if isinstance(created, str) else "", updated if isinstance(updated, str) else "")


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
                    return _brief_from(doc)
        return None

    def _change(self, name: str, change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> Brief:
        name = for_terminal(name)  # a name is shown everywhere: no control character is ever stored
        with self._guard():
            self._storage.refresh()
            table = Table(self._storage, "briefs", cache_size=0)
            try:
                existing = [doc for doc in table.all() if doc.get("name") == name]
                now = _now()
                if existing:
                    doc = existing[0]
                    if not isinstance(doc.get("items", []), list):
                        raise StoreError(f"brief {name!r} in {self._storage.path} is damaged (its items are not a list); not saved")
                    items = change(list(doc.get("items", [])))
                    table.update({"items": items, "updated": now}, doc_ids=[doc.doc_id])
                    return _brief_from({**doc, "items": items, "updated": now})
                items = change([])
                table.insert({"name": name, "items": items, "created": now, "updated": now})
                return _brief_from({"name": name, "items": items, "created": now, "updated": now})
            except OSError as exc:
                raise StoreError(f"could not save briefs to {self._storage.path}: {exc.strerror or exc}") from None

    def append(self, name: str, item: BriefItem) -> Brief:
        """Add an item at the end of the brief, creating the brief if needed."""
        _check(item)
        return self._change(name, lambda items: items + [asdict(item)])

    def save(self, name: str, items: Iterable[BriefItem]) -> Brief:
        """Replace the brief's items with this ordered list (after a move or a removal)."""
        wanted = [asdict(_check(item)) for item in items]
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
                table.update({"name": new, "updated": _now()}, doc_ids=[names[old]])
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
    if item.kind not in KINDS:
        raise ValueError(f"brief item kind must be one of {KINDS}, not {item.kind!r}")
    return item
