"""What the store hands out: frozen records built from its JSON documents."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutesreader.core.anchoring import CONTEXT_CHARS
from minutesreader.core.text import for_terminal


class StoreError(Exception):
    """A store problem the user must hear about, in one line."""


class AnnotationNotFound(StoreError):
    """The note or tag is gone (deleted here or by another window)."""


@dataclass(frozen=True)
class Note:
    id: str
    report: str
    paragraph: int
    quote: str
    text: str
    tags: tuple[str, ...]
    created: str
    updated: str
    orphaned: bool = False
    prefix: str = ""
    suffix: str = ""
    # On some words of the paragraph (issue 13): where they start in it (the quote is
    # then those words, prefix/suffix the paragraph's text around them); None: on the
    # whole paragraph (the quote is its text, prefix/suffix its neighbours').
    start: int | None = None


@dataclass(frozen=True)
class TagMark:
    report: str
    paragraph: int
    quote: str
    tag: str
    orphaned: bool = False
    id: str = ""
    prefix: str = ""
    suffix: str = ""
    created: str = ""
    start: int | None = None  # as Note.start


@dataclass(frozen=True)
class Highlight:
    """Words the user kept (`m` on a selection): always a span, as Note.start describes."""

    id: str
    report: str
    paragraph: int
    start: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    created: str = ""
    orphaned: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.quote)


@dataclass(frozen=True)
class AnchorResult:
    """Where a report's annotations belong in its current text.

    notes/tags/highlights: placed ones, paragraph numbers valid for the paragraphs given.
    orphan_notes/orphan_tags/orphan_highlights: could not be placed with confidence; they keep their old
    paragraph number and quote, for an orphans view (re-attach or delete).
    moved: ids whose paragraph number changed in this call.
    """

    notes: list[Note] = field(default_factory=list)
    tags: list[TagMark] = field(default_factory=list)
    orphan_notes: list[Note] = field(default_factory=list)
    orphan_tags: list[TagMark] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    orphan_highlights: list[Highlight] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)


def clean_tags(tags: Any) -> list[str]:
    """Strip, collapse inner spaces, drop empties and duplicates; keep the user's order."""
    if isinstance(tags, str):
        tags = [tags]
    seen: list[str] = []
    for tag in tags:
        # A tag is shown everywhere and matched exactly: no control character is ever stored.
        name = " ".join(for_terminal(str(tag)).split())
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
