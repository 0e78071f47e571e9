"""Find in the report: `/` opens it, Enter finds, `]`/`[` step through the hits."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class FindBar(Horizontal):
    DEFAULT_CSS = """
    FindBar { dock: bottom; height: 3; display: none; background: $panel; }
    FindBar.-shown { display: block; }
    FindBar > Label { width: auto; padding: 1 1; }
    FindBar > Input { width: 1fr; }
    FindBar > #find-count { color: $text-muted; min-width: 12; }
    """

    BINDINGS = [Binding("escape", "close", "Close find", id="find.close")]

    class Find(Message):
        """Find these words in the report (phrases in quotes; every word must match)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Closed(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Label("Find:")
        yield Input(placeholder='words, or "a phrase" · Enter finds · ] and [ step · Escape closes', id="find-input")
        yield Label("", id="find-count")

    def open(self, query: str = "") -> None:
        self.add_class("-shown")
        self.screen.refresh_bindings()  # Escape now closes this bar, and the footer says so
        find_input = self.query_one(Input)
        if query:
            find_input.value = query
        # At once, not after a refresh: keys typed right after `/` belong to the find box.
        self.screen.set_focus(find_input)

    def show_count(self, text: str) -> None:
        self.query_one("#find-count", Label).update(text)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Find(event.value))

    def action_close(self) -> None:
        self.remove_class("-shown")
        self.screen.refresh_bindings()
        self.post_message(self.Closed())
