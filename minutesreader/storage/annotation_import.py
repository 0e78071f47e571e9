"""Writing annotations read from a Web Annotation document (issue 13) into the store.

Each imported note or tag remembers the annotation's id (`imported`), and one exported by
this store is known by its own id, so importing the same file twice adds nothing.
Written like every store change: one save per report's shard, under the store lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tinydb.table import Table

from minutesreader.core.text import for_terminal
from minutesreader.core.web_annotations import NOTE_URN, TAG_URN
from minutesreader.storage.model import (
    clean_tags,
    id_of,
    imported_doc,
    imported_key,
    is_orphan,
    paragraph_of,
    report_of,
    tag_of,
)

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
    keys = {key for doc in [*notes.all(), *marks.all()] if (key := imported_key(doc)) is not None}
    keys |= {NOTE_URN + id_of(doc) for doc in notes.all()} | {TAG_URN + id_of(doc) for doc in marks.all()}
    return keys


def add_imported(store: Store, report: str, placed: list[Placed], now: str) -> int:
    """Store what is not there yet; returns how many annotations were added."""
    shard = store.shard_of(report)

    def change(notes: Table, marks: Table) -> int:
        keys, added = known_keys(notes, marks), 0
        tagged = {(report_of(doc), paragraph_of(doc), tag_of(doc)) for doc in marks.all() if not is_orphan(doc)}
        for item in placed:
            if item.key in keys:
                continue
            keys.add(item.key)
            common = imported_doc(report, item.paragraph, item.quote, item.context, item.created or now,
                                  item.orphaned, item.key)
            if item.comment:
                notes.insert({**common, "id": store.new_id(shard), "text": for_terminal(item.comment, one_line=False),
                              "tags": clean_tags(item.tags), "updated": item.modified or item.created or now})
                added += 1
                continue
            fresh = [tag for tag in clean_tags(item.tags) if item.orphaned or (report, item.paragraph, tag) not in tagged]
            for tag in fresh:
                tagged.add((report, item.paragraph, tag))
                marks.insert({**common, "id": store.new_id(shard), "tag": tag})
            added += bool(fresh)
        return added

    return store.modify_shard(shard, change)
