"""Write or edit a note or a comment: a multi-line editor; ctrl+s saves, Escape cancels.

Escape with text typed and not saved asks first (Escape again discards), as an editor
asks before closing a modified buffer: a note can be minutes of typing, and Escape is
also the key that closes everything else, so one press of it must not throw that away.
A kept draft would also do, but it leaves a note half-saved that nobody asked to keep."""

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
    NoteEditor .hint.-asking { color: $warning; text-style: bold; }
    """

    def __init__(self, heading: str, context: str, text: str = "", on_save: Callable[[str], bool] | None = None,
                 kind: str = "note") -> None:
        super().__init__()
        self.on_save = on_save
        self.heading = heading
        self.context = context
        self.initial = text
        self.kind = kind  # "note" or "comment": what the hint calls it
        self.asked = False  # Escape was pressed once on unsaved text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.heading, style="bold"))
            yield Label(Text(self.context), classes="context")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label(Text(self._hint()), classes="hint")

    def _hint(self) -> str:
        if self.asked:
            return "Not saved: Escape again discards your text · ctrl+s saves it"
        return f"ctrl+s save · Escape cancel · an emptied {self.kind} is deleted"

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        """Typing after the question makes new text: the next Escape asks again."""
        if self.asked:
            self.asked = False
            hint = self.query_one(".hint", Label)
            hint.update(Text(self._hint()))
            hint.remove_class("-asking")

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if self.on_save is None or self.on_save(text):
            self.dismiss(text)

    def action_cancel(self) -> None:
        if self.asked or self.query_one(TextArea).text.strip() == self.initial.strip():
            self.dismiss(None)
            return
        self.asked = True
        hint = self.query_one(".hint", Label)
        hint.update(Text(self._hint()))
        hint.add_class("-asking")
