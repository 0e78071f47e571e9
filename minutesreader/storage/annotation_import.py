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
from minutesreader.storage.model import (
    HIGHLIGHTS,
    MARKS,
    NOTES,
    clean_tags,
    id_of,
    imported_doc,
    imported_key,
    is_orphan,
    paragraph_of,
    report_of,
    span_fields,
    tag_of,
)

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


URNS = {NOTES: NOTE_URN, MARKS: TAG_URN, HIGHLIGHTS: HIGHLIGHT_URN}


def known_keys(tables: dict[str, Table]) -> set[str]:
    docs = [doc for table in tables.values() for doc in table.all()]
    keys = {key for doc in docs if (key := imported_key(doc)) is not None}
    return keys | {URNS[kind] + id_of(doc) for kind, table in tables.items() for doc in table.all()}


def add_imported(store: Store, report: str, placed: list[Placed], now: str) -> int:
    """Store what is not there yet; returns how many annotations were added."""
    shard = store.shard_of(report)

    def change(tables: dict[str, Table]) -> int:
        keys, added = known_keys(tables), 0
        tagged = {_place(doc, tag_of(doc)) for doc in tables[MARKS].all() if not is_orphan(doc)}
        for item in placed:
            if item.key in keys:
                continue
            keys.add(item.key)
            common = {**imported_doc(report, item.paragraph, item.quote, item.context, item.created or now,
                                     item.orphaned, item.key), **span_fields(item.start)}
            if item.comment:
                tables[NOTES].insert({**common, "id": store.new_id(shard), "text": for_terminal(item.comment, one_line=False),
                                      "tags": clean_tags(item.tags), "updated": item.modified or item.created or now})
                added += 1
            elif item.tags:
                fresh = [tag for tag in clean_tags(item.tags) if item.orphaned or _place(common, tag) not in tagged]
                for tag in fresh:
                    tagged.add(_place(common, tag))
                    tables[MARKS].insert({**common, "id": store.new_id(shard), "tag": tag})
                added += bool(fresh)
            else:
                # A highlight is always on words: one of a whole paragraph keeps all of it.
                tables[HIGHLIGHTS].insert({"start": 0, **common, "id": store.new_id(shard)})
                added += 1
        return added

    return store.modify_tables(shard, change)


def _place(doc: dict[str, Any], tag: str) -> tuple[Any, ...]:
    """A tag on a paragraph, or on some words of it: the same tag there twice is one."""
    start = doc.get("start")
    return report_of(doc), paragraph_of(doc), start, doc["quote"] if start is not None else None, tag
