"""Cut text to fit a chooser, a prompt or a notice at a sentence or word end, never mid-word."""

from __future__ import annotations

import re

ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|[。！？]")


def shorten(text: str, width: int) -> str:
    """`text` on one line in at most `width` characters. If it must be cut: at the last
    sentence end in its second half, else at the last space, and an ellipsis says so."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    room = line[: max(width - 1, 1)]
    ends = [m.end() for m in _SENTENCE_END.finditer(room)]
    if ends and ends[-1] > width // 2:
        cut = ends[-1]
    else:
        space = room.rfind(" ")
        # Text without spaces (Chinese, a long address) can only be cut where the room ends.
        cut = space if space > width // 3 else len(room)
    return room[:cut].rstrip(" ,;:") + ELLIPSIS


def around(text: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """The part of `text` around `text[start:end]` (a directive's trigger) in about `width`
    characters, cut at word ends with an ellipsis where cut; with the span's place in it."""
    line = text.replace("\n", " ")
    if len(line) <= width:
        return line, start, end
    # A third of the room before the trigger, the rest after it: what is to be done
    # follows the trigger ("agreed to maintain the target range …").
    left = max(0, min(start - max(width - (end - start), 0) // 3, len(line) - width))
    right = min(len(line), max(left + width, end))
    if left > 0:
        space = line.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(line):
        space = line.rfind(" ", end, right)
        right = space if space != -1 else right
    lead = ELLIPSIS if left > 0 else ""
    tail = ELLIPSIS if right < len(line) else ""
    return lead + line[left:right].strip() + tail, start - left + len(lead), end - left + len(lead)
