"""What a change did to the store, and how to write it back: the store side of undo.

record() runs a change under the store lock and returns the records it changed, each
with its value before and after (notes and tag marks as their stored documents, titles,
briefs as their items). apply() writes one side of such a list back, after checking,
under the same lock, that every record still holds the other side: if another window
changed it meanwhile, nothing is written and ChangedElsewhere says what.
Like tag_admin.py, this works on the store's shards directly.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from tinydb.table import Table

from minutesreader.core.records import BriefItem, StoreError
from minutesreader.core.sources import ReportSource, source_from
from minutesreader.core.undo import RecordChange, StaleStep, Step
from minutesreader.storage.model import ANNOTATION_TABLES, id_of

T = TypeVar("T")
ANNOTATION_KINDS = ANNOTATION_TABLES
# Notes and tags also move when their report file changed and they were re-anchored.
WHAT_CHANGED = {
    "notes": "the note has changed since (in another window, or its report file changed)",
    "tags": "the tag has changed since (in another window, or its report file changed)",
    "highlights": "the highlight has changed since (in another window, or its report file changed)",
    "title": "the report's title was changed in another window",
    "brief": "the brief was changed in another window",
    "source": "the report's details were changed in another window",
}


class ChangedElsewhere(StoreError, StaleStep):
    """A record no longer holds what this window wrote there."""


@dataclass(frozen=True)
class Scope:
    """The records a change may touch, so only they are compared before and after."""

    reports: tuple[str, ...] = ()  # every note and tag of these reports (and their shard)
    tags: tuple[str, ...] = ()  # every note and tag in the shards that hold these tags
    titles: tuple[str, ...] = ()  # these reports' titles
    briefs: tuple[str, ...] = ()  # these briefs
    sources: tuple[str, ...] = ()  # these reports' details (url, publisher, ...)


Snapshot = dict[tuple[str, str], Any]


def record(store: Any, scope: Scope, change: Callable[[Any], T]) -> tuple[T, tuple[RecordChange, ...]]:
    """Run change(store) and return its result with every record it changed."""
    with store.exclusive():  # no other window writes between the two snapshots
        shards = sorted({store.shard_of(r) for r in scope.reports} | {s for t in scope.tags for s in store.shards_with(t, "tags")})
        before = _snapshot(store, scope, shards)
        result = change(store)
        after = _snapshot(store, scope, shards)
    changes = tuple(
        RecordChange(kind, key, before.get((kind, key)), after.get((kind, key)))
        for kind, key in sorted(before.keys() | after.keys())
        if before.get((kind, key)) != after.get((kind, key))
    )
    return result, changes


def apply(store: Any, step: Step) -> None:
    """Make each record of the step go from its `before` to its `after` value, or change nothing."""
    with store.exclusive():
        for change in step.changes:
            if _current(store, change.kind, change.key) != change.before:
                raise ChangedElsewhere(WHAT_CHANGED[change.kind])
        by_shard: dict[str, list[RecordChange]] = {}
        for change in step.changes:
            if change.kind in ANNOTATION_KINDS:
                by_shard.setdefault(store.shard_of_annotation(change.key), []).append(change)
            elif change.kind == "title":
                store.set_title(change.key, change.after)
            elif change.kind == "source":
                store.sources.set(change.key, source_from(change.after) or ReportSource())
            elif change.after is None:
                store.briefs.delete(change.key)
            else:
                store.briefs.save(change.key, [BriefItem(**item) for item in change.after])
        for shard, changes in by_shard.items():
            store.modify_tables(shard, lambda tables, changes=changes: _write(tables, changes))


def _snapshot(store: Any, scope: Scope, shards: Iterable[str]) -> Snapshot:
    found: Snapshot = {}
    for shard in shards:
        data = store.shard_data(shard)
        for kind in ANNOTATION_KINDS:
            for doc in data.get(kind, {}).values():
                found[(kind, id_of(doc))] = copy.deepcopy(doc)
    titles = store.titles() if scope.titles else {}
    for report in scope.titles:
        if report in titles:
            found[("title", report)] = titles[report]
    for report in scope.sources:
        details = _source(store, report)
        if details is not None:
            found[("source", report)] = details
    for name in scope.briefs:
        items = _brief_items(store, name)
        if items is not None:
            found[("brief", name)] = items
    return found


def _brief_items(store: Any, name: str) -> list[dict[str, Any]] | None:
    brief = store.briefs.get(name)
    return None if brief is None else [asdict(item) for item in brief.items]


def _source(store: Any, report: str) -> dict[str, str] | None:
    return store.sources.get(report).as_dict() or None


def _current(store: Any, kind: str, key: str) -> Any:
    if kind == "title":
        return store.titles().get(key)
    if kind == "source":
        return _source(store, key)
    if kind == "brief":
        return _brief_items(store, key)
    for doc in store.shard_data(store.shard_of_annotation(key)).get(kind, {}).values():
        if id_of(doc) == key:
            return doc
    return None


def _write(tables: dict[str, Table], changes: list[RecordChange]) -> None:
    for change in changes:
        table = tables[change.kind]
        present = [doc.doc_id for doc in table.all() if id_of(doc) == change.key]
        if change.after is None:
            if present:
                table.remove(doc_ids=present)
        elif present:
            table.update(_replace_with(change.after), doc_ids=present[:1])
        else:
            table.insert(copy.deepcopy(change.after))


def _replace_with(wanted: dict[str, Any]) -> Callable[[MutableMapping[str, Any]], None]:
    def replace(doc: MutableMapping[str, Any]) -> None:
        doc.clear()
        doc.update(copy.deepcopy(wanted))

    return replace
