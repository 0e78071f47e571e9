"""Library-wide tag changes: rename (renaming onto an existing tag merges), delete.

Each touches every shard that holds the tag, one atomic shard write at a time under the
store lock, so a crash midway leaves some shards renamed and the rest not, never a
half-written file; running the same rename again finishes the job.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tinydb.table import Table

from minutesreader.core.records import StoreError
from minutesreader.storage.model import is_orphan, paragraph_of, report_of, tag_of, tags_of

if TYPE_CHECKING:
    from minutesreader.storage.store import Store


def tag_usage(store: Store, tag: str) -> int:
    """How many tagged paragraphs and notes carry the tag (what a change would touch)."""
    return store.tag_counts().get(tag, 0)


def rename_tag(store: Store, old: str, new: str) -> int:
    """Rename `old` to `new` everywhere; where a paragraph has both, they become one."""
    new = " ".join(new.split())
    if not new:
        raise StoreError("a tag needs a name")
    if new == old:
        return 0
    touched = 0
    for shard in _shards_holding(store, old):

        def change(notes: Table, marks: Table) -> int:
            count = 0
            present = {_place(d) for d in marks.all() if tag_of(d) == new}
            for doc in marks.all():
                if tag_of(doc) != old:
                    continue
                count += 1
                if _place(doc) in present:
                    marks.remove(doc_ids=[doc.doc_id])  # merged into the mark already there
                else:
                    marks.update({"tag": new}, doc_ids=[doc.doc_id])
            for doc in notes.all():
                tags = tags_of(doc)
                if old in tags:
                    count += 1
                    renamed = [new if t == old else t for t in tags]
                    notes.update({"tags": list(dict.fromkeys(renamed))}, doc_ids=[doc.doc_id])
            return count

        touched += store.modify_shard(shard, change)
    return touched


def delete_tag(store: Store, tag: str) -> int:
    """Remove the tag from every paragraph and note; the notes themselves stay."""
    touched = 0
    for shard in _shards_holding(store, tag):

        def change(notes: Table, marks: Table) -> int:
            gone = [doc.doc_id for doc in marks.all() if tag_of(doc) == tag]
            if gone:
                marks.remove(doc_ids=gone)
            count = len(gone)
            for doc in notes.all():
                tags = tags_of(doc)
                if tag in tags:
                    count += 1
                    notes.update({"tags": [t for t in tags if t != tag]}, doc_ids=[doc.doc_id])
            return count

        touched += store.modify_shard(shard, change)
    return touched


def _place(doc: Mapping[str, Any]) -> tuple[object, ...]:
    """Where a tag mark is: two marks of one tag in the same place are one (a tag on some
    words of a paragraph is not the same place as a tag on the paragraph)."""
    start = doc.get("start")
    return report_of(doc), paragraph_of(doc), is_orphan(doc), start, doc.get("quote") if start is not None else None


def _shards_holding(store: Store, tag: str) -> list[str]:
    # The per-shard tag counts cover tag marks and notes carrying the tag.
    return store.shards_with(tag, "tags")
