"""Writing annotations read from a Web Annotation document (issue 13) into the store.

Each imported note or tag remembers the annotation's id (`imported`), and one exported by
this store is known by its own id, so importing the same file twice adds nothing.
Written like every store change: one save per report's shard, under the store lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tinydb.table import Table

from minutesreader.core.text import for_terminal
from minutesreader.core.web_annotations import NOTE_URN, TAG_URN
from minutesreader.storage.model import clean_tags, clip_context

if TYPE_CHECKING:
    from minutesreader.storage.store import Store


@dataclass(frozen=True)
class Placed:
    """An annotation ready to store: on a paragraph, or orphaned with the words it quoted."""

    key: str
    paragraph: int
    quote: str
    context: tuple[str, str]
    comment: str
    tags: tuple[str, ...]
    created: str
    modified: str
    orphaned: bool


def known_keys(notes: Table, marks: Table) -> set[str]:
    keys = {doc["imported"] for doc in [*notes.all(), *marks.all()] if isinstance(doc.get("imported"), str)}
    keys |= {NOTE_URN + doc["id"] for doc in notes.all()} | {TAG_URN + doc["id"] for doc in marks.all()}
    return keys


def add_imported(store: Store, report: str, placed: list[Placed], now: str) -> int:
    """Store what is not there yet; returns how many annotations were added."""
    shard = store.shard_of(report)

    def change(notes: Table, marks: Table) -> int:
        keys, added = known_keys(notes, marks), 0
        tagged = {(doc["report"], doc["paragraph"], doc["tag"]) for doc in marks.all() if not doc.get("orphaned")}
        for item in placed:
            if item.key in keys:
                continue
            keys.add(item.key)
            prefix, suffix = clip_context(item.context)
            common: dict[str, Any] = {"report": report, "paragraph": item.paragraph, "quote": item.quote,
                                      "prefix": prefix, "suffix": suffix, "created": item.created or now,
                                      "orphaned": item.orphaned, "imported": item.key}
            if item.comment:
                notes.insert({**common, "id": store._new_id(shard), "text": for_terminal(item.comment, one_line=False),
                              "tags": clean_tags(item.tags), "updated": item.modified or item.created or now})
                added += 1
                continue
            fresh = [tag for tag in clean_tags(item.tags) if item.orphaned or (report, item.paragraph, tag) not in tagged]
            for tag in fresh:
                tagged.add((report, item.paragraph, tag))
                marks.insert({**common, "id": store._new_id(shard), "tag": tag})
            added += bool(fresh)
        return added

    return store.modify_shard(shard, change)
