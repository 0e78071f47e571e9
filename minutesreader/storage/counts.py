"""A small persisted index of per-shard counts, so the library list never parses every shard.

Each entry is keyed by the shard file's signature (inode, size, mtime): a shard that changed
(here or in another process) no longer matches and is recounted; unchanged shards are not
read at all. The index is derived data: if it is missing or unreadable it is rebuilt, so it
is written without fsync and without backups.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from minutesreader.storage.atomic import write_atomic
from minutesreader.storage.model import highlight_docs, is_orphan, mark_docs, note_docs, paragraph_of, report_of, tag_of, tags_of
from minutesreader.storage.tinystorage import Signature, load_json_cache

INDEX_VERSION = 5  # 3: report_notes; 4: the tags of each report, for the library filter; 5: highlights


def count_shard(data: dict[str, Any]) -> dict[str, Any]:
    """Per report: notes + tagged paragraphs + highlights, and notes alone. Per tag: tag marks + notes carrying it.

    note_tags (notes carrying each tag) lets notes(tag=...) skip shards with only marks;
    report_tags (the tags on each report's paragraphs) lets the library filter by tag
    without parsing any shard.
    """
    reports: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    note_tags: Counter[str] = Counter()
    for doc in note_docs(data):
        reports[report_of(doc)] += 1
        for tag in tags_of(doc):
            note_tags[tag] += 1
    tags.update(note_tags)
    tagged_paragraphs = set()
    report_tags: dict[str, set[str]] = {}
    for doc in mark_docs(data):
        tags[tag_of(doc)] += 1
        tagged_paragraphs.add((report_of(doc), paragraph_of(doc), is_orphan(doc)))
        if not is_orphan(doc):
            report_tags.setdefault(report_of(doc), set()).add(tag_of(doc))
    for report, _paragraph, _orphaned in tagged_paragraphs:
        reports[report] += 1
    reports.update(report_of(doc) for doc in highlight_docs(data))
    notes = Counter(report_of(doc) for doc in note_docs(data))
    return {"reports": dict(reports), "report_notes": dict(notes), "tags": dict(tags), "note_tags": dict(note_tags),
            "report_tags": {report: sorted(names) for report, names in report_tags.items()}}


class AnnotationTotals(NamedTuple):
    """What the library list shows of the store, summed over every shard."""

    note_counts: dict[str, int]  # notes + tagged paragraphs + highlights, per report
    notes_per_report: dict[str, int]  # notes alone
    tag_counts: dict[str, int]


def summed(entries: Iterable[dict[str, Any]], table: str) -> dict[str, int]:
    """One of the count tables ("reports", "report_notes", "tags") summed over shards."""
    total: Counter[str] = Counter()
    for entry in entries:
        total.update(entry.get(table, {}))
    return dict(total)


def _entry_is_sound(entry: Any) -> bool:
    # Read from JSON, so every object's keys are strings: only the values need checking,
    # a set of their types at a time (checked one by one, this was half the index's load).
    if not isinstance(entry, dict):
        return False
    sig = entry.get("sig")
    if sig is not None and not (isinstance(sig, list) and len(sig) == 3 and {*map(type, sig)} == {int}):
        return False
    for table in ("reports", "report_notes", "tags", "note_tags"):
        counts = entry.get(table)
        if not isinstance(counts, dict) or not {*map(type, counts.values())} <= {int}:
            return False
    names = entry.get("report_tags")
    if not isinstance(names, dict) or not {*map(type, names.values())} <= {list}:
        return False
    return {type(tag) for tags in names.values() for tag in tags} <= {str}


class CountIndex:
    def __init__(self, path: Path) -> None:
        self.path = path
        # Read when first asked, by the library scan's worker: opening the store must not
        # decode it before the first paint (6 MB and ~0.5 s at 500,000 annotations).
        self._entries: dict[str, dict[str, Any]] | None = None
        self.dirty = False

    @property
    def entries(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            self._entries = self._load()
        return self._entries

    def _load(self) -> dict[str, dict[str, Any]]:
        data = load_json_cache(self.path)
        if isinstance(data, dict) and data.get("version") == INDEX_VERSION and isinstance(data.get("shards"), dict):
            # A damaged or hand-edited entry is dropped (and recounted), never trusted.
            return {shard: entry for shard, entry in data["shards"].items() if _entry_is_sound(entry)}
        return {}

    def lookup(self, shard: str, sig: Signature | None) -> dict[str, Any] | None:
        entry = self.entries.get(shard)
        if entry is None or entry.get("sig") != (list(sig) if sig else None):
            return None
        return entry

    def record(self, shard: str, sig: Signature | None, data: dict[str, Any]) -> dict[str, Any]:
        entry = {"sig": list(sig) if sig else None, **count_shard(data)}
        self.entries[shard] = entry
        self.dirty = True
        return entry

    def save(self) -> None:
        if not self.dirty:
            return
        payload = json.dumps({"version": INDEX_VERSION, "shards": self.entries}, ensure_ascii=False)
        try:
            write_atomic(self.path, payload.encode("utf-8"), backups=0, durable=False)
        except OSError:
            return  # a cache that cannot be saved is rebuilt next time
        self.dirty = False
