"""Apply core.anchoring to one report's stored notes and tags, and core.span_anchoring to
its highlights and to notes and tags on some words (inside Store.anchor's lock)."""

from __future__ import annotations

import copy
from typing import Any

from tinydb.storages import MemoryStorage
from tinydb.table import Table

from minutesreader.core.anchoring import Placement, Placer, context_of
from minutesreader.core.records import AnchorResult
from minutesreader.core.span_anchoring import SpanPlacement, SpanPlacer, span_context
from minutesreader.storage.model import (
    ANNOTATION_TABLES,
    ORPHANED,
    anchor_of,
    clip_context,
    highlight_from_doc,
    id_of,
    is_orphan,
    mark_from_doc,
    note_from_doc,
    placed_at,
    report_of,
)


def placement_changes(doc: dict[str, Any], place: Placement, paragraphs: list[str]) -> dict[str, Any]:
    """The fields to store for doc after locate() placed it (empty: nothing to save)."""
    if place.paragraph is None:
        # An orphan keeps its old number and quote: that is what the user will recognise.
        return {} if is_orphan(doc) else dict(ORPHANED)
    index = place.paragraph - 1
    # The stored quote follows the edit, so the next change is measured from this text.
    wanted = placed_at(place.paragraph, paragraphs[index], context_of(paragraphs, index))
    return {key: value for key, value in wanted.items() if doc.get(key) != value}


def span_changes(doc: dict[str, Any], place: SpanPlacement, paragraphs: list[str]) -> dict[str, Any]:
    """placement_changes for an annotation on some words: they, and the text around them, follow the edit."""
    if place.paragraph is None:
        return {} if is_orphan(doc) else dict(ORPHANED)
    text = paragraphs[place.paragraph - 1]
    prefix, suffix = clip_context(span_context(text, place.start, place.end))
    wanted = {
        "paragraph": place.paragraph, "start": place.start, "quote": text[place.start:place.end],
        "prefix": prefix, "suffix": suffix, "orphaned": False,
    }
    return {key: value for key, value in wanted.items() if doc.get(key) != value}


def apply_anchoring(report: str, paragraphs: list[str], tables: dict[str, Table]) -> AnchorResult:
    result = AnchorResult()
    placer, span_placer = Placer(paragraphs), SpanPlacer(paragraphs)
    for table, convert, placed, orphans in (
        (tables["notes"], note_from_doc, result.notes, result.orphan_notes),
        (tables["tags"], mark_from_doc, result.tags, result.orphan_tags),
        (tables["highlights"], highlight_from_doc, result.highlights, result.orphan_highlights),
    ):
        updates: dict[str, dict[str, Any]] = {}
        for doc in table.all():
            if report_of(doc) != report:
                continue
            paragraph, quote, prefix, suffix = anchor_of(doc)
            if isinstance(doc.get("start"), int):
                changes = span_changes(doc, span_placer.locate(paragraph, doc["start"], quote, prefix, suffix), paragraphs)
            else:
                changes = placement_changes(doc, placer.locate(paragraph, quote, prefix, suffix), paragraphs)
            if changes:
                updates[id_of(doc)] = changes
                if "paragraph" in changes:
                    result.moved.append(id_of(doc))
            record = convert({**doc, **changes})
            # Each table's records go to its own lists (notes or tag marks).
            destination: list[Any] = orphans if record.orphaned else placed
            destination.append(record)
        # No paragraphs at all (an emptied or unreadable file) says nothing about where
        # notes belong: show them apart but do not record them as orphans.
        if updates and paragraphs:
            # One write per table, not one per annotation.
            table.update(lambda doc: doc.update(updates.get(id_of(doc), {})))
    result.notes.sort(key=lambda n: (n.paragraph, n.created, n.id))
    result.tags.sort(key=lambda m: (m.paragraph, m.tag))
    result.highlights.sort(key=lambda h: (h.paragraph, h.start, h.id))
    return result


def anchor_without_saving(report: str, paragraphs: list[str], shard: dict[str, Any]) -> AnchorResult:
    """apply_anchoring on a copy of the shard's data: for a store that cannot be written."""
    scratch = MemoryStorage()
    scratch.write(copy.deepcopy(shard))
    return apply_anchoring(report, paragraphs, {kind: Table(scratch, kind, cache_size=0) for kind in ANNOTATION_TABLES})
