"""What changed in a store folder since last looked: how a window notices another's saves.

Every save replaces its file atomically (a new inode), so comparing the signatures of the
files that hold user data finds every save of any window, without reading a file. One
look at a store of 1,024 shards is one directory listing and ~1,000 stats (~2 ms).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from minutesreader.storage.tinystorage import Signature, signature

# The files beside the shards that hold what the user made (counts.json is derived, and
# written by every window: it is left out, or each count would look like a change).
USER_FILES = ("titles.json", "briefs.json", "series.json", "sources.json")


@dataclass(frozen=True)
class StoreChange:
    """What changed between two looks: the shards (notes and tags) by name, and whether
    titles, briefs, series names or report details did."""

    shards: frozenset[str]
    others: bool


def look(directory: Path) -> dict[str, Signature]:
    """The signature of every file of the store that holds user data, by name
    ("titles", "briefs", ..., "shards/3f0")."""
    found: dict[str, Signature] = {}
    for name in USER_FILES:
        try:
            found[name.removesuffix(".json")] = signature(os.stat(directory / name))
        except OSError:
            pass  # not written yet (or just being replaced: the next look sees it)
    try:
        with os.scandir(directory / "shards") as entries:
            for entry in entries:
                if entry.name.endswith(".json"):  # not the .bakN copies nor temporary files
                    try:
                        found[f"shards/{entry.name.removesuffix('.json')}"] = signature(entry.stat())
                    except OSError:
                        pass
    except OSError:
        pass  # no shards folder (yet): no notes
    return found


def compare(before: dict[str, Signature], after: dict[str, Signature]) -> StoreChange | None:
    """What differs between two looks, or None if nothing does."""
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    if not changed:
        return None
    shards = frozenset(name.removeprefix("shards/") for name in changed if name.startswith("shards/"))
    return StoreChange(shards, others=len(shards) < len(changed))
