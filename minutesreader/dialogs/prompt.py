"""A one-line question (rename a report, name a heading), and the input that completes known names."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label


def complete_last(value: str, values: list[str]) -> str | None:
    """`value` with its last comma-separated item completed from `values`; what comes before it kept as typed."""
    stem = value.rpartition(",")[2].lstrip()
    if stem.startswith("#") and not any(candidate.startswith("#") for candidate in values):
        stem = stem.lstrip("#")  # a tag typed as it is shown (#economy): the # stays as typed
    if not stem:
        return None
    lead = value[: len(value) - len(stem)]
    for candidate in values:
        if candidate.casefold().startswith(stem.casefold()) and candidate.casefold() != stem.casefold():
            return lead + candidate
    return None


class ListSuggester(Suggester):
    """Shows the completion of the last comma-separated item, greyed, as you type."""

    def __init__(self, values: list[str]) -> None:
        # Case-sensitive for Textual: otherwise it hands us (and we hand back) a lowercased box.
        super().__init__(use_cache=False, case_sensitive=True)
        self.values = values

    async def get_suggestion(self, value: str) -> str | None:
        return complete_last(value, self.values)


class CompletingInput(Input):
    """An input whose last comma-separated item Tab or → completes from known names.

    Completes at once from the names, not from the greyed suggestion, which a fast
    typist's Tab can overtake."""

    BINDINGS = [Binding("tab", "complete", "Complete", show=False)]

    def __init__(self, value: str = "", *, values: list[str], **kwargs) -> None:
        self.values = sorted(values, key=str.casefold)
        super().__init__(value, suggester=ListSuggester(self.values), select_on_focus=False, **kwargs)

    def _complete(self) -> bool:
        completed = complete_last(self.value, self.values) if self.cursor_at_end else None
        if completed is None:
            return False
        self.value = completed
        self.cursor_position = len(completed)
        return True

    def action_complete(self) -> None:
        if not self._complete():
            self.screen.focus_next()  # nothing to complete: Tab moves on as everywhere else

    def action_cursor_right(self, select: bool = False) -> None:
        if select or not self._complete():
            super().action_cursor_right(select)


class PromptDialog(ModalScreen[str | None]):
    """Dismisses with the entered text, or None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    DEFAULT_CSS = """
    PromptDialog { align: center middle; }
    PromptDialog Label { width: 100%; }  /* wrap, never clip: a question must be read whole */
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
            # Nothing pre-selected: a key typed must add to the text, never replace it.
            if self.suggestions:
                yield CompletingInput(self.value, values=self.suggestions, id="prompt-input")
            else:
                yield Input(self.value, id="prompt-input", select_on_focus=False)
            yield Label(Text(self.hint or "Enter accept · Escape cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def accept(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
