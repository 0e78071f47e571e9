"""The redline: one line (wrapped) per sentence of a comparison, changes marked.

Removed text is struck through, added text underlined, in the theme's error and success
colours; a changed sentence marks only its changed words; a moved sentence shows both
paragraph numbers; a directive's category is named in a badge. Sentences are user data:
Text objects are built by appending, never through markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minutesreader.core.compare import Change

FIRST_BATCH = 25
BATCH = 150
MARKS = {"same": " ", "moved": "↕", "changed": "~", "added": "+", "removed": "−"}


class Redline(OptionList):
    COMPONENT_CLASSES = {"redline--removed", "redline--added", "redline--same", "redline--where", "redline--category"}

    DEFAULT_CSS = """
    Redline { height: 1fr; border: none; padding: 0 1; }
    Redline > .redline--removed { color: $text-error; text-style: strike; }
    Redline > .redline--added { color: $text-success; text-style: underline; }
    Redline > .redline--same { color: $text-muted; }
    Redline > .redline--where { color: $text-muted; }
    Redline > .redline--category { color: $text-warning; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._changes: Sequence[Change] = ()
        self._pending: list[int] = []
        self._batch = 0

    def show(self, changes: Sequence[Change], shown: Sequence[int]) -> None:
        """Show changes[i] for i in shown; each option's id is its index in changes.

        The first screenful is shown at once, the rest added a batch per refresh:
        wrapping 600 long sentences to measure them takes longer than the 300 ms a
        redline may take to appear, and nobody reads them all in the first second."""
        self._changes = changes
        self._pending = list(shown)
        self._batch += 1
        self.clear_options()
        self._add_batch(self._batch, FIRST_BATCH)

    def _add_batch(self, batch: int, size: int = BATCH) -> None:
        if batch != self._batch or not self._pending:
            return
        styles = {name: self.get_component_rich_style(f"redline--{name}", partial=True)
                  for name in ("removed", "added", "same", "where", "category")}
        now, self._pending = self._pending[:size], self._pending[size:]
        self.add_options([Option(redline_text(self._changes[i], styles), id=str(i)) for i in now])
        if self._pending:
            self.call_after_refresh(self._add_batch, batch)

    def show_all(self) -> None:
        """Add every option not yet shown (to step to a change further down)."""
        self._add_batch(self._batch, len(self._pending))

    @property
    def change_index(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id is not None else None


def redline_text(change: Change, styles: dict[str, Style]) -> Text:
    text = Text(no_wrap=False)
    old_p = f"¶{change.old_paragraph}" if change.old_paragraph else ""
    new_p = f"¶{change.new_paragraph}" if change.new_paragraph else ""
    where = f"{old_p}→{new_p}" if old_p and new_p and old_p != new_p else (new_p or old_p)
    text.append(f"{MARKS[change.change]} {where:<9} ", style=styles["where"])
    if change.old_category != change.new_category and change.old_category and change.new_category:
        text.append(f"[{change.old_category}→{change.new_category}] ", style=styles["category"])
    elif change.is_directive:
        text.append(f"[{change.new_category or change.old_category}] ", style=styles["category"])
    if change.change == "changed":
        for op, words in change.words:
            text.append(words, style=styles["removed"] if op == "-" else styles["added"] if op == "+" else None)
    elif change.change == "removed":
        text.append(change.old or "", style=styles["removed"])
    elif change.change == "added":
        text.append(change.new or "", style=styles["added"])
    elif change.change == "moved":
        text.append(change.new or "")
    else:
        text.append(change.new or "", style=styles["same"])
    return text
