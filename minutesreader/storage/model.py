"""What the store hands out: frozen records built from its JSON documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from minutesreader.core.anchoring import CONTEXT_CHARS


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


@dataclass(frozen=True)
class AnchorResult:
    """Where a report's annotations belong in its current text.

    notes/tags: placed ones, paragraph numbers valid for the paragraphs given.
    orphan_notes/orphan_tags: could not be placed with confidence; they keep their old
    paragraph number and quote, for an orphans view (re-attach or delete).
    moved: ids whose paragraph number changed in this call.
    """

    notes: list[Note] = field(default_factory=list)
    tags: list[TagMark] = field(default_factory=list)
    orphan_notes: list[Note] = field(default_factory=list)
    orphan_tags: list[TagMark] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)


def clean_tags(tags: Any) -> list[str]:
    """Strip, collapse inner spaces, drop empties and duplicates; keep the user's order."""
    if isinstance(tags, str):
        tags = [tags]
    seen: list[str] = []
    for tag in tags:
        name = " ".join(str(tag).split())
        if name and name not in seen:
            seen.append(name)
    return seen


def clip_context(context: tuple[str, str]) -> tuple[str, str]:
    prefix, suffix = context if context else ("", "")
    return (prefix or "")[-CONTEXT_CHARS:], (suffix or "")[:CONTEXT_CHARS]


def note_from_doc(doc: dict[str, Any]) -> Note:
    return Note(
        id=doc["id"],
        report=doc["report"],
        paragraph=int(doc["paragraph"]),
        quote=doc.get("quote", ""),
        text=doc.get("text", ""),
        tags=tuple(doc.get("tags", ())),
        created=doc.get("created", ""),
        updated=doc.get("updated", ""),
        orphaned=bool(doc.get("orphaned", False)),
        prefix=doc.get("prefix", ""),
        suffix=doc.get("suffix", ""),
    )


def mark_from_doc(doc: dict[str, Any]) -> TagMark:
    return TagMark(
        report=doc["report"],
        paragraph=int(doc["paragraph"]),
        quote=doc.get("quote", ""),
        tag=doc["tag"],
        orphaned=bool(doc.get("orphaned", False)),
        id=doc.get("id", ""),
        prefix=doc.get("prefix", ""),
        suffix=doc.get("suffix", ""),
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


def shard_problem(data: dict[str, Any]) -> str | None:
    """Records a shard must hold for the store to show them; anything else is the wrong shape."""
    for table, required in (("notes", NOTE_FIELDS), ("tags", MARK_FIELDS)):
        for doc_id, doc in data.get(table, {}).items():
            missing = _field_problem(doc, required)
            if missing:
                return f"JSON of the wrong shape ({table} record {doc_id} has no valid {missing!r})"
    return None
