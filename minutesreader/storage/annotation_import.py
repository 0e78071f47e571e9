"""Writing annotations read from a Web Annotation document (issue 13) into the store.

An annotation with a comment becomes a note, one with tags only tag marks, one with
neither (a Hypothesis highlight, or ours) a highlight. Each remembers the annotation's
id (`imported`), and one exported by this store is known by its own id, so importing
the same file twice adds nothing. Written like every store change: one save per
report's shard, under the store lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tinydb.table import Table

from minutesreader.core.text import for_terminal
from minutesreader.core.web_annotations import HIGHLIGHT_URN, NOTE_URN, TAG_URN
from minutesreader.storage.model import clean_tags, clip_context

if TYPE_CHECKING:
    from minutesreader.storage.store import Store


@dataclass(frozen=True)
class Placed:
    """An annotation ready to store: on a paragraph or on some words of it (start), or
    orphaned with the words it quoted."""

    key: str
    paragraph: int
    quote: str
    context: tuple[str, str]
    comment: str
    tags: tuple[str, ...]
    created: str
    modified: str
    orphaned: bool
    start: int | None = None  # as Note.start


URNS = {"notes": NOTE_URN, "tags": TAG_URN, "highlights": HIGHLIGHT_URN}


def known_keys(tables: dict[str, Table]) -> set[str]:
    docs = [doc for table in tables.values() for doc in table.all()]
    keys = {doc["imported"] for doc in docs if isinstance(doc.get("imported"), str)}
    return keys | {URNS[kind] + doc["id"] for kind, table in tables.items() for doc in table.all()}


def add_imported(store: Store, report: str, placed: list[Placed], now: str) -> int:
    """Store what is not there yet; returns how many annotations were added."""
    shard = store.shard_of(report)

    def change(tables: dict[str, Table]) -> int:
        keys, added = known_keys(tables), 0
        tagged = {_place(doc, doc["tag"]) for doc in tables["tags"].all() if not doc.get("orphaned")}
        for item in placed:
            if item.key in keys:
                continue
            keys.add(item.key)
            prefix, suffix = clip_context(item.context)
            common: dict[str, Any] = {"report": report, "paragraph": item.paragraph, "quote": item.quote,
                                      "prefix": prefix, "suffix": suffix, "created": item.created or now,
                                      "orphaned": item.orphaned, "imported": item.key}
            if item.start is not None:
                common["start"] = item.start
            if item.comment:
                tables["notes"].insert({**common, "id": store._new_id(shard), "text": for_terminal(item.comment, one_line=False),
                                        "tags": clean_tags(item.tags), "updated": item.modified or item.created or now})
                added += 1
            elif item.tags:
                fresh = [tag for tag in clean_tags(item.tags) if item.orphaned or _place(common, tag) not in tagged]
                for tag in fresh:
                    tagged.add(_place(common, tag))
                    tables["tags"].insert({**common, "id": store._new_id(shard), "tag": tag})
                added += bool(fresh)
            else:
                # A highlight is always on words: one of a whole paragraph keeps all of it.
                tables["highlights"].insert({"start": 0, **common, "id": store._new_id(shard)})
                added += 1
        return added

    return store.modify_tables(shard, change)


def _place(doc: dict[str, Any], tag: str) -> tuple[Any, ...]:
    """A tag on a paragraph, or on some words of it: the same tag there twice is one."""
    start = doc.get("start")
    return doc["report"], doc["paragraph"], start, doc["quote"] if start is not None else None, tag
