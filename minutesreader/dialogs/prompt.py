"""A one-line question: rename a report, tag a paragraph."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label


class ListSuggester(Suggester):
    """Completes the last comma-separated item from known values (e.g. existing tags)."""

    def __init__(self, values: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.values = sorted(values, key=str.casefold)

    async def get_suggestion(self, value: str) -> str | None:
        head, sep, last = value.rpartition(",")
        stem = last.lstrip()
        if not stem:
            return None
        lead = value[: len(value) - len(stem)]
        for candidate in self.values:
            if candidate.casefold().startswith(stem.casefold()) and candidate.casefold() != stem.casefold():
                return lead + candidate
        return None


class PromptDialog(ModalScreen[str | None]):
    """Dismisses with the entered text, or None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    DEFAULT_CSS = """
    PromptDialog { align: center middle; }
    PromptDialog > Vertical { width: 70%; max-width: 90; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    PromptDialog .hint { color: $text-muted; }
    """

    def __init__(self, heading: str, value: str = "", hint: str = "", suggestions: list[str] | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.value = value
        self.hint = hint
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.heading, style="bold"))
            suggester = ListSuggester(self.suggestions) if self.suggestions else None
            yield Input(self.value, id="prompt-input", suggester=suggester)
            yield Label(Text(self.hint or "Enter accept · Escape cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def accept(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
