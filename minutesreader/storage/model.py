"""The stored JSON's one owner: records (core/records.py) to and from the store's documents.

A shard holds two TinyDB tables, "notes" and "tags" (tag marks); briefs.json holds
"briefs". Every other storage module reads a document's fields and builds new documents
through the functions here, so a field's name, its default and its meaning ("orphaned":
kept with its old paragraph number, placed nowhere) are written down once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from minutesreader.core.anchoring import CONTEXT_CHARS
from minutesreader.core.records import (
    BRIEF_ITEM_KINDS,
    AnchorResult,
    AnnotationNotFound,
    Brief,
    BriefItem,
    Highlight,
    Note,
    StoreError,
    TagMark,
)
from minutesreader.core.text import for_terminal, tag_name

# Kept importable from here while other branches still import the records from storage.
__all__ = ["AnchorResult", "AnnotationNotFound", "Brief", "BriefItem", "Highlight", "Note", "StoreError", "TagMark"]

NOTES, MARKS, HIGHLIGHTS = "notes", "tags", "highlights"  # a shard's tables
Doc = dict[str, Any]


def stamp() -> str:
    """The time a record is created or changed, as every store file writes it."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


# ---- reading a document's fields -------------------------------------------------------

def note_docs(shard: Doc) -> Iterable[Doc]:
    return shard.get(NOTES, {}).values()  # type: ignore[no-any-return]


def mark_docs(shard: Doc) -> Iterable[Doc]:
    return shard.get(MARKS, {}).values()  # type: ignore[no-any-return]


def id_of(doc: Mapping[str, Any]) -> str:
    return doc["id"]  # type: ignore[no-any-return]


def report_of(doc: Mapping[str, Any]) -> str:
    return doc["report"]  # type: ignore[no-any-return]


def paragraph_of(doc: Mapping[str, Any]) -> int:
    return doc["paragraph"]  # type: ignore[no-any-return]


def tag_of(doc: Mapping[str, Any]) -> str:
    """A tag mark's tag."""
    return doc["tag"]  # type: ignore[no-any-return]


def tags_of(doc: Mapping[str, Any]) -> list[str]:
    """A note's tags."""
    return list(doc.get("tags", ()))


def is_orphan(doc: Mapping[str, Any]) -> bool:
    """Placed nowhere in the report's current text (kept with its old number and quote)."""
    return bool(doc.get("orphaned"))


def anchor_of(doc: Mapping[str, Any]) -> tuple[int, str, str, str]:
    """(paragraph, quote, prefix, suffix): what re-anchoring looks for."""
    return doc["paragraph"], doc.get("quote", ""), doc.get("prefix", ""), doc.get("suffix", "")


# ---- building documents and changes ------------------------------------------------------

def span_fields(start: int | None) -> Doc:
    """The field that puts an annotation on words of its paragraph (none: on all of it)."""
    return {} if start is None else {"start": int(start)}


def is_on(doc: Mapping[str, Any], report: str, paragraph: int, start: int | None, quote: str) -> bool:
    """Whether a stored annotation, not orphaned, is on that paragraph (start None) or those words."""
    if doc["report"] != report or doc["paragraph"] != paragraph or is_orphan(doc):
        return False
    return doc.get("start") == start and (start is None or doc.get("quote") == quote)


def new_note_doc(note_id: str, report: str, paragraph: int, quote: str, text: str, tags: Iterable[str],
                 context: tuple[str, str], start: int | None = None) -> Doc:
    prefix, suffix = clip_context(context)
    now = stamp()
    return {
        "id": note_id, "report": report, "paragraph": int(paragraph), "quote": quote,
        "prefix": prefix, "suffix": suffix, "text": for_terminal(text, one_line=False), "tags": clean_tags(tags),
        "created": now, "updated": now, "orphaned": False, **span_fields(start),
    }


def new_mark_doc(mark_id: str, report: str, paragraph: int, quote: str, tag: str, context: tuple[str, str],
                 start: int | None = None) -> Doc:
    prefix, suffix = clip_context(context)
    return {"id": mark_id, "report": report, "paragraph": int(paragraph), "quote": quote,
            "prefix": prefix, "suffix": suffix, "tag": tag, "created": stamp(), "orphaned": False, **span_fields(start)}


def new_highlight_doc(highlight_id: str, report: str, paragraph: int, start: int, quote: str,
                      context: tuple[str, str]) -> Doc:
    prefix, suffix = clip_context(context)
    return {"id": highlight_id, "report": report, "paragraph": int(paragraph), "start": int(start),
            "quote": quote, "prefix": prefix, "suffix": suffix, "created": stamp(), "orphaned": False}


def highlight_docs(shard: Doc) -> Iterable[Doc]:
    return shard.get(HIGHLIGHTS, {}).values()  # type: ignore[no-any-return]


def imported_doc(report: str, paragraph: int, quote: str, context: tuple[str, str], created: str,
                 orphaned: bool, key: str) -> Doc:
    """The fields an imported note or tag mark shares (web annotations, issue 13); key is
    the annotation's id in the file it came from, so importing it again adds nothing."""
    prefix, suffix = clip_context(context)
    return {"report": report, "paragraph": paragraph, "quote": quote, "prefix": prefix, "suffix": suffix,
            "created": created, "orphaned": orphaned, "imported": key}


def imported_key(doc: Doc) -> str | None:
    key = doc.get("imported")
    return key if isinstance(key, str) else None


def note_text_change(text: str) -> Doc:
    return {"text": for_terminal(text, one_line=False), "updated": stamp()}


def placed_at(paragraph: int, quote: str, context: tuple[str, str]) -> Doc:
    """The fields that put a note or mark on a paragraph (no longer an orphan)."""
    prefix, suffix = clip_context(context)
    return {"paragraph": int(paragraph), "quote": quote, "prefix": prefix, "suffix": suffix, "orphaned": False}


ORPHANED: Doc = {"orphaned": True}


def clean_tags(tags: Any) -> list[str]:
    """Strip, collapse inner spaces, drop empties and duplicates; keep the user's order.
    A tag is shown as #name, so a `#` typed before a name is not part of it."""
    if isinstance(tags, str):
        tags = [tags]
    seen: list[str] = []
    for tag in tags:
        # A tag is shown everywhere and matched exactly: no control character is ever stored.
        name = tag_name(tag)
        if name and name not in seen:
            seen.append(name)
    return seen


def clip_context(context: tuple[str, str]) -> tuple[str, str]:
    prefix, suffix = context if context else ("", "")
    return (prefix or "")[-CONTEXT_CHARS:], (suffix or "")[:CONTEXT_CHARS]


def _clean(value: Any) -> str:
    # Store files can be edited by hand or by another program: what they hold is cleaned
    # like any text from outside before anyone shows it. Ids and report ids are kept
    # exact (they are keys); they are cleaned where they are printed or drawn.
    return for_terminal(value, one_line=False)


def note_from_doc(doc: dict[str, Any]) -> Note:
    return Note(
        id=doc["id"],
        report=doc["report"],
        paragraph=int(doc["paragraph"]),
        quote=_clean(doc.get("quote", "")),
        text=_clean(doc.get("text", "")),
        tags=tuple(_clean(tag) for tag in doc.get("tags", ())),
        created=doc.get("created", ""),
        updated=doc.get("updated", ""),
        orphaned=bool(doc.get("orphaned", False)),
        prefix=doc.get("prefix", ""),
        suffix=doc.get("suffix", ""),
        start=doc.get("start"),
    )


def mark_from_doc(doc: dict[str, Any]) -> TagMark:
    return TagMark(
        report=doc["report"],
        paragraph=int(doc["paragraph"]),
        quote=_clean(doc.get("quote", "")),
        tag=_clean(doc["tag"]),
        orphaned=bool(doc.get("orphaned", False)),
        id=doc.get("id", ""),
        prefix=doc.get("prefix", ""),
        suffix=doc.get("suffix", ""),
        created=doc.get("created", ""),
        start=doc.get("start"),
    )


def highlight_from_doc(doc: dict[str, Any]) -> Highlight:
    return Highlight(
        id=doc["id"],
        report=doc["report"],
        paragraph=int(doc["paragraph"]),
        start=int(doc["start"]),
        quote=_clean(doc["quote"]),
        prefix=doc.get("prefix", ""),
        suffix=doc.get("suffix", ""),
        created=doc.get("created", ""),
        orphaned=bool(doc.get("orphaned", False)),
    )


# ---- briefs ---------------------------------------------------------------------------------

def brief_item_doc(item: BriefItem) -> Doc:
    return asdict(item)


def brief_item_from_doc(raw: Any) -> BriefItem | None:
    if not isinstance(raw, dict) or raw.get("kind") not in BRIEF_ITEM_KINDS or not isinstance(raw.get("text"), str):
        return None  # one damaged entry should not hide the rest of the brief
    paragraph, date = raw.get("paragraph") or 0, raw.get("date")
    published = raw.get("published")
    if type(paragraph) is not int or not isinstance(date, (str, type(None))) or not (published is None or type(published) is int):
        return None
    return BriefItem(
        kind=raw["kind"], text=for_terminal(raw["text"], one_line=False), report=str(raw.get("report", "")),
        paragraph=paragraph, title=for_terminal(str(raw.get("title", ""))), date=date, published=published,
    )


def brief_from_doc(doc: Doc) -> Brief:
    raw_items = doc.get("items")
    items = tuple(item for item in map(brief_item_from_doc, raw_items if isinstance(raw_items, list) else []) if item is not None)
    created, updated = doc.get("created"), doc.get("updated")
    return Brief(doc["name"], items, created if isinstance(created, str) else "", updated if isinstance(updated, str) else "")


# ---- checking a shard -------------------------------------------------------------------------

def _field_problem(doc: dict[str, Any], required: dict[str, type]) -> str | None:
    for name, kind in required.items():
        value = doc.get(name)
        # bool is an int to Python, never a paragraph number to us.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            return name
    return None


NOTE_FIELDS = {"id": str, "report": str, "paragraph": int, "text": str, "tags": list}
MARK_FIELDS = {"id": str, "report": str, "paragraph": int, "tag": str}
HIGHLIGHT_FIELDS = {"id": str, "report": str, "paragraph": int, "start": int, "quote": str}
# Fields a record may leave out, but if present must have this type.
OPTIONAL_FIELDS = {"quote": str, "prefix": str, "suffix": str, "created": str, "updated": str, "orphaned": bool,
                   "start": int}
# The shard's tables, one per kind of annotation.
ANNOTATION_TABLES = ("notes", "tags", "highlights")


def _record_problem(doc: dict[str, Any], required: dict[str, type]) -> str | None:
    missing = _field_problem(doc, required)
    if missing:
        return f"no valid {missing!r}"
    for name, kind in OPTIONAL_FIELDS.items():
        if name in doc and not isinstance(doc[name], kind):
            return f"a {name!r} that is not a {kind.__name__}"
    if doc["paragraph"] < 1:
        return "a paragraph number below 1"
    if "start" in doc and (isinstance(doc["start"], bool) or doc["start"] < 0):
        return "a start that is not a character position"
    if "tags" in required and not all(isinstance(tag, str) for tag in doc["tags"]):
        return "a tag that is not text"
    return None


def shard_problem(data: dict[str, Any]) -> str | None:
    """Records a shard must hold for the store to show them; anything else is the wrong shape."""
    for table, required in (("notes", NOTE_FIELDS), ("tags", MARK_FIELDS), ("highlights", HIGHLIGHT_FIELDS)):
        for doc_id, doc in data.get(table, {}).items():
            problem = _record_problem(doc, required)
            if problem:
                return f"JSON of the wrong shape ({table} record {doc_id} has {problem})"
    return None


# More shards than this is not a store this program made (it writes 1,024); a count read
# from a damaged meta.json must not make every command stat millions of files.
MAX_SHARDS = 65_536


def existing_shard_names(folder: Path) -> list[str]:
    try:
        return [name[:-5] for name in os.listdir(folder) if name.endswith(".json")]
    except OSError:
        return []


def meta_problem(doc: dict[str, Any], schema_version: int, shard_names: list[str]) -> str | None:
    """What is wrong with the store's meta.json record (given the shard files present), or None."""
    schema, shards = doc.get("schema"), doc.get("shards")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema > schema_version:
        return (f"has schema {schema!r}; this minutesreader reads schema {schema_version} or older "
                "(upgrade minutesreader)")
    if not isinstance(shards, int) or isinstance(shards, bool) or not 1 <= shards <= MAX_SHARDS:
        return f"has a shard count of {shards!r}, not a number from 1 to {MAX_SHARDS} (was it edited? this store writes 1024)"
    width = len(f"{shards - 1:x}")
    for name in shard_names:
        try:
            fits = len(name) == width and int(name, 16) < shards
        except ValueError:
            fits = False
        if not fits:
            return (f"says {shards} shards, but shards/{name}.json belongs to another count "
                    "(was meta.json edited? this store writes 1024); notes would be hidden")
    return None
