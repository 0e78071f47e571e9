"""A file's size and modification time, the signature by which every cache here knows
that a file is as it was read (an edit in place changes one or the other)."""

from __future__ import annotations

import os


def size_and_mtime(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(size, mtime in ns), or None if the file cannot be looked at."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns
