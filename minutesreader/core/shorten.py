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
