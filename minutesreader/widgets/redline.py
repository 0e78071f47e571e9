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
from textual.widgets.option_list import Option

from minutesreader.core.compare import Change
from minutesreader.widgets.batched_options import BatchedOptionList, cursor_safe

MARKS = {"same": " ", "moved": "↕", "changed": "~", "added": "+", "removed": "−"}


class Redline(BatchedOptionList):
    COMPONENT_CLASSES = {"redline--removed", "redline--added", "redline--same", "redline--where", "redline--category"}

    DEFAULT_CSS = """
    Redline { height: 1fr; border: none; padding: 0 1; }
    Redline > .redline--removed { color: $text-error; text-style: strike; }
    Redline > .redline--added { color: $text-success; text-style: underline; }
    Redline > .redline--same { color: $text-muted; }
    Redline > .redline--where { color: $text-muted; }
    Redline > .redline--category { color: $text-warning; text-style: bold; }
    """

    def show(self, changes: Sequence[Change], shown: Sequence[int]) -> None:
        """Show changes[i] for i in shown; each option's id is its index in changes."""
        styles = {name: cursor_safe(self.get_component_rich_style(f"redline--{name}", partial=True))
                  for name in ("removed", "added", "same", "where", "category")}
        self.show_lazily(len(shown), lambda n: Option(redline_text(changes[shown[n]], styles), id=str(shown[n])))

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
