"""The messages of the store watcher (and of undo): what screens hear about the store.

The app's watcher (minutesreader/store_watcher.py) posts them to the app, which hands
StoreChanged and IndexProgress to the screen on top only: a hidden screen does no work,
and catches up when it is shown again. None of them bubbles, so a screen that does not
handle one never sends it back to the app (declared as a class keyword: a `bubble = False`
attribute in the body is overwritten by Message.__init_subclass__).
"""

from __future__ import annotations

from textual.message import Message


class StoreChanged(Message, bubble=False):
    """Notes, tags, titles or briefs changed (in this window by an undo, or in another)."""

    def __init__(self, shards: frozenset[str] | None = None) -> None:
        """shards: the only shards (of notes and tags) that changed; None: anything may have."""
        super().__init__()
        self.shards = shards

    def touches(self, shard: str) -> bool:
        """Whether the notes and tags kept in `shard` (Store.shard_of a report) may have changed."""
        return self.shards is None or shard in self.shards


class StoreWarning(Message, bubble=False):
    """Something the user must hear about the store: a file found unreadable and moved aside."""

    def __init__(self, warning: str) -> None:
        super().__init__()
        self.warning = warning


class IndexProgress(Message, bubble=False):
    """The search index is being brought up to date: `done` of `total` reports (equal: finished)."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    @property
    def finished(self) -> bool:
        return self.done >= self.total
