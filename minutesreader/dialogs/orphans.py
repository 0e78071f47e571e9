"""Notes and tags that could not be placed in the changed text of their report."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from minutesreader.core.text import strip_controls

EXCERPT = 160


class OrphansDialog(ModalScreen[str | None]):
    """Lists orphans with their old paragraph; dismisses with the chosen one's id."""

    BINDINGS = [Binding("escape", "cancel", "Close", id="orphans.close")]

    DEFAULT_CSS = """
    OrphansDialog { align: center middle; }
    OrphansDialog > Vertical { width: 90%; max-width: 120; height: auto; max-height: 90%; border: thick $warning; background: $surface; padding: 0 1; }
    OrphansDialog OptionList { height: auto; max-height: 30; }
    OrphansDialog .hint { color: $text-muted; }
    """

    def __init__(self, notes: list, tags: list) -> None:
        super().__init__()
        self.notes = notes
        self.tags = tags

    def compose(self) -> ComposeResult:
        options = []
        for note in self.notes:
            options.append(Option(self._label("✎ " + note.text, note.paragraph, note.quote), id=note.id))
        for mark in self.tags:
            options.append(Option(self._label("#" + mark.tag, mark.paragraph, mark.quote), id=mark.id))
        with Vertical():
            yield Label(Text(f"{len(options)} note(s) and tag(s) could not be placed in the changed text", style="bold"))
            yield OptionList(*options)
            yield Label(Text("Enter: re-attach to the paragraph under the cursor, or delete · Escape closes"), classes="hint")

    @staticmethod
    def _label(what: str, paragraph: int, quote: str) -> Text:
        label = Text(strip_controls(what).replace("\n", " "), style="bold")
        excerpt = strip_controls(quote)
        label.append(f"\n   was on ¶{paragraph}: ", style="dim")
        label.append(excerpt[:EXCERPT] + ("…" if len(excerpt) > EXCERPT else ""), style="dim italic")
        return label

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
