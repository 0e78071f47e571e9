"""Notes, tags and highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/),
out and back in (issue 13). Pure functions: no store, no files.

Out: an AnnotationCollection whose first page holds one Annotation per note, tag mark
and highlight. Its target is the report (`urn:minutesreader:report:ID`) with a
TextQuoteSelector (the words it is on: its paragraph's, or the few words it was made on,
with up to 32 characters before and after) and a TextPositionSelector (character offsets
in the report's text as the reader shows it: its paragraphs joined by a blank line). A
note is a TextualBody with purpose "commenting" (its tags follow as "tagging" bodies); a
tag is a TextualBody with purpose "tagging"; a highlight has no body and the motivation
"highlighting".

In: that document, a single Annotation, a list or page of them, or a Hypothesis export
(`{"rows": [...]}` with `text`, `tags`, `uri` and `target[].selector`). An annotation
with a comment is a note, one with tags only is tagging, one with neither a highlight;
words inside one paragraph are kept as those words, others as their (first) paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
REPORT_URN = "urn:minutesreader:report:"
NOTE_URN = "urn:minutesreader:note:"
TAG_URN = "urn:minutesreader:tag:"
HIGHLIGHT_URN = "urn:minutesreader:highlight:"
SELECTOR_CONTEXT = 32  # characters of prefix and suffix (Hypothesis keeps 32 too)
PARAGRAPH_JOIN = "\n\n"


class NotAnnotations(ValueError):
    """The document is not one this module reads: the message says why, in a few words."""


@dataclass(frozen=True)
class Annotated:
    """One note, tag mark or highlight to export, with its paragraph's words in the report now."""

    id: str  # the store's id: stable from one export to the next
    kind: str  # "note", "tag" or "highlight"
    report: str
    paragraph: int  # 1-based; 0 for an orphan, exported by the words it was on, without a position
    text: str  # the note's text, or the tag ("" for a highlight)
    tags: tuple[str, ...] = ()
    created: str = ""
    modified: str = ""
    span: tuple[int, int] | None = None  # on some words: where they start and end in the paragraph


@dataclass(frozen=True)
class Incoming:
    """One annotation read from a document, before it is placed in a report."""

    key: str  # its id (or, without one, what it says): importing it twice adds nothing
    sources: tuple[str, ...]  # the target's source(s): a report URN, a URL
    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    comment: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    modified: str = ""


@dataclass
class Parsed:
    annotations: list[Incoming] = field(default_factory=list)
    unreadable: int = 0  # annotations without a text quote to place (e.g. a page note)


def report_text(paragraphs: Sequence[str]) -> tuple[str, list[int]]:
    """The report's text as positions count it, and where each paragraph starts."""
    starts, at = [], 0
    for text in paragraphs:
        starts.append(at)
        at += len(text) + len(PARAGRAPH_JOIN)
    return PARAGRAPH_JOIN.join(paragraphs), starts


def export_document(items: Sequence[Annotated], paragraphs_of: dict[str, Sequence[str]], quotes: dict[str, str]) -> dict[str, Any]:
    """The JSON-LD document for these notes and tags. paragraphs_of: each report's current
    paragraphs (a report missing from it is exported with the words kept in the store,
    `quotes[id]`, and no position)."""
    texts = {report: report_text(paragraphs) for report, paragraphs in paragraphs_of.items()}
    annotations = [_annotation(item, texts.get(item.report), quotes.get(item.id, "")) for item in items]
    return {
        "@context": CONTEXT,
        "id": "urn:minutesreader:annotations",
        "type": "AnnotationCollection",
        "label": "minutesreader notes, tags and highlights",
        "total": len(annotations),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }


def _annotation(item: Annotated, text: tuple[str, list[int]] | None, stored_quote: str) -> dict[str, Any]:
    selectors: list[dict[str, Any]]
    if text is not None and 1 <= item.paragraph <= len(text[1]):
        whole, starts = text
        start = starts[item.paragraph - 1]
        end = _paragraph_end(whole, starts, item.paragraph)
        if item.span is not None:
            start, end = start + item.span[0], start + item.span[1]
        selectors = [
            {"type": "TextQuoteSelector", "exact": whole[start:end],
             "prefix": whole[max(0, start - SELECTOR_CONTEXT):start], "suffix": whole[end:end + SELECTOR_CONTEXT]},
            {"type": "TextPositionSelector", "start": start, "end": end},
        ]
    else:
        selectors = [{"type": "TextQuoteSelector", "exact": stored_quote}]
    body: list[dict[str, Any]]
    if item.kind == "note":
        body = [{"type": "TextualBody", "value": item.text, "purpose": "commenting", "format": "text/plain"}]
        body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in item.tags]
        urn, motivation = NOTE_URN, "commenting"
    elif item.kind == "tag":
        body = [{"type": "TextualBody", "value": item.text, "purpose": "tagging"}]
        urn, motivation = TAG_URN, "tagging"
    else:
        body, urn, motivation = [], HIGHLIGHT_URN, "highlighting"  # the words are all it says
    annotation: dict[str, Any] = {
        "id": urn + item.id,
        "type": "Annotation",
        "motivation": motivation,
        **({"body": body} if body else {}),
        "target": {"source": REPORT_URN + item.report, "selector": selectors},
    }
    if item.created:
        annotation["created"] = item.created
    if item.modified or item.created:
        annotation["modified"] = item.modified or item.created
    return annotation


def _paragraph_end(whole: str, starts: list[int], number: int) -> int:
    return starts[number] - len(PARAGRAPH_JOIN) if number < len(starts) else len(whole)


def parse_document(document: Any) -> Parsed:
    """The annotations of a document; NotAnnotations if it is not a Web Annotation document."""
    raw = _annotation_list(document)
    parsed = Parsed()
    for item in raw:
        incoming = _incoming(item) if isinstance(item, dict) else None
        if incoming is None:
            parsed.unreadable += 1
        else:
            parsed.annotations.append(incoming)
    return parsed


def _annotation_list(document: Any) -> list[Any]:
    if isinstance(document, list):
        if all(isinstance(item, dict) and ("target" in item or "uri" in item) for item in document):
            return document
        raise NotAnnotations("a list of something other than annotations")
    if not isinstance(document, dict):
        raise NotAnnotations("neither an annotation nor a collection of them")
    if isinstance(document.get("rows"), list):  # a Hypothesis API export
        return cast(list[Any], document["rows"])
    kind = document.get("type")
    if kind == "Annotation":
        return [document]
    if kind == "AnnotationPage" and isinstance(document.get("items"), list):
        return cast(list[Any], document["items"])
    if kind == "AnnotationCollection":
        first = document.get("first")
        if isinstance(first, dict) and isinstance(first.get("items"), list):
            return cast(list[Any], first["items"])
        if isinstance(document.get("items"), list):
            return cast(list[Any], document["items"])
        return []
    raise NotAnnotations("no Annotation, AnnotationPage or AnnotationCollection in it (no \"type\" it knows)")


def _strings(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [item for item in values if isinstance(item, str)]


def _incoming(item: dict[str, Any]) -> Incoming | None:
    targets = item.get("target")
    targets = targets if isinstance(targets, list) else [targets]
    sources: list[str] = _strings(item.get("uri"))
    quote: dict[str, Any] | None = None
    start = None
    for target in targets:
        if isinstance(target, str):
            sources.append(target)
            continue
        if not isinstance(target, dict):
            continue
        sources += _strings(target.get("source"))
        selectors = target.get("selector")
        for selector in selectors if isinstance(selectors, list) else [selectors]:
            if not isinstance(selector, dict):
                continue
            if selector.get("type") == "TextQuoteSelector" and isinstance(selector.get("exact"), str) and quote is None:
                quote = selector
            if selector.get("type") == "TextPositionSelector" and type(selector.get("start")) is int:
                start = selector["start"]
    if quote is None or not quote["exact"].strip():
        return None
    comment, tags = _bodies(item)
    created: str = item["created"] if isinstance(item.get("created"), str) else ""
    modified: str = next((item[k] for k in ("modified", "updated") if isinstance(item.get(k), str)), created)
    key = item["id"] if isinstance(item.get("id"), str) and item["id"] else \
        "|".join([*sources[:1], quote["exact"], comment, *tags])
    return Incoming(
        key=key, sources=tuple(dict.fromkeys(sources)), exact=quote["exact"],
        prefix=quote["prefix"] if isinstance(quote.get("prefix"), str) else "",
        suffix=quote["suffix"] if isinstance(quote.get("suffix"), str) else "",
        start=start, comment=comment, tags=tuple(dict.fromkeys(tags)), created=created, modified=modified,
    )


def _bodies(item: dict[str, Any]) -> tuple[str, list[str]]:
    """The comment and the tags an annotation carries (W3C bodies, or Hypothesis fields)."""
    comments: list[str] = _strings(item.get("bodyValue")) + _strings(item.get("text"))
    tags: list[str] = _strings(item.get("tags"))
    bodies = item.get("body")
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if isinstance(body, str):
            continue  # a body by reference (a URL): nothing we can show
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        if body.get("purpose") == "tagging":
            tags.append(body["value"])
        else:
            comments.append(body["value"])
    return "\n\n".join(text for text in comments if text.strip()), [tag for tag in tags if tag.strip()]


@dataclass(frozen=True)
class Spot:
    """Where an annotation's words are in a report: paragraph (1-based) and, when they lie
    inside it and are not all of it, where they start and end there."""

    paragraph: int
    span: tuple[int, int] | None = None


def place(incoming: Incoming, paragraphs: Sequence[str]) -> int | None:
    """The paragraph (1-based) holding the annotation's words in this report, or None."""
    spot = locate(incoming, paragraphs)
    return spot.paragraph if spot else None


def locate(incoming: Incoming, paragraphs: Sequence[str]) -> Spot | None:
    """Where the annotation's words are in this report, or None.

    As the W3C model means it: the exact words decide; where they occur more than once,
    the prefix and suffix, then the nearest to the position, choose. Whitespace may differ
    (a page's line breaks against our joined lines)."""
    whole, starts = report_text(paragraphs)
    words = incoming.exact.split()
    if not words:
        return None
    found = [m.span() for m in re.finditer(r"\s+".join(map(re.escape, words)), whole)]
    if not found:
        return None

    def score(span: tuple[int, int]) -> tuple[int, int]:
        at, end = span
        context = int(bool(incoming.prefix) and whole[:at].endswith(incoming.prefix))
        context += int(bool(incoming.suffix) and whole[end:].startswith(incoming.suffix))
        distance = abs(at - incoming.start) if incoming.start is not None else 0
        return (-context, distance)

    at, end = min(found, key=score)
    index = max(i for i, start in enumerate(starts) if start <= at)
    inside = (at - starts[index], end - starts[index])
    if inside[1] > len(paragraphs[index]) or inside == (0, len(paragraphs[index])):
        return Spot(index + 1)  # across paragraphs, or a whole one: on the (first) paragraph
    return Spot(index + 1, inside)
