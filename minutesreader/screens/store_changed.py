"""The message a screen gets when the app changed the store behind it (an undo or redo)."""

from __future__ import annotations

from textual.message import Message


class StoreChanged(Message):
    """Notes, tags, titles or briefs changed: show them again."""
