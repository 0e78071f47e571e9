"""Write or edit a note: a multi-line editor; ctrl+s saves, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea


class NoteEditor(ModalScreen[str | None]):
    """Dismisses with the note text (stripped), or None when cancelled.

    With on_save, ctrl+s calls it with the text and closes only if it returns True: a
    save that failed (full disk) leaves the editor open with the text, to try again."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor Label { width: 100%; }  /* wrap, never clip: a question must be read whole */
    NoteEditor > Vertical { width: 80%; max-width: 100; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    NoteEditor .context { color: $text-muted; height: auto; max-height: 4; margin-bottom: 1; }
    NoteEditor TextArea { height: 10; }
    NoteEditor .hint { color: $text-muted; }
    """

    def __init__(self, heading: str, context: str, text: str = "", on_save: Callable[[str], bool] | None = None) -> None:
        super().__init__()
        self.on_save = on_save
        self.heading = heading
        self.context = context
        self.initial = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.heading, style="bold"))
            yield Label(Text(self.context), classes="context")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label(Text("ctrl+s save · Escape cancel · an emptied note is deleted"), classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if self.on_save is None or self.on_save(text):
            self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
