"""Pick one of several things (which note to edit), or confirm an action."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList
from textual.widgets.option_list import Option


class ChooseDialog(ModalScreen[str | None]):
    """Dismisses with the id of the chosen option, or None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choose.cancel")]

    DEFAULT_CSS = """
    ChooseDialog { align: center middle; }
    ChooseDialog Label { width: 100%; }  /* wrap, never clip: a question must be read whole */
    ChooseDialog > Vertical { width: 80%; max-width: 100; height: auto; max-height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    ChooseDialog OptionList { height: auto; max-height: 20; }
    ChooseDialog .hint { color: $text-muted; }
    """

    def __init__(self, heading: str, options: list[tuple[str, str | Text]], hint: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.options = options
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.heading, style="bold"))
            yield OptionList(*[Option(label if isinstance(label, Text) else Text(label), id=key) for key, label in self.options])
            if self.hint:
                yield Label(Text(self.hint), classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """Yes or no; Escape and n are no."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "No", id="confirm.no"),
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
    ]

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog Label { width: 100%; }  /* wrap, never clip: a question must be read whole */
    ConfirmDialog > Vertical { width: 70%; max-width: 90; height: auto; border: thick $warning; background: $surface; padding: 0 1; }
    ConfirmDialog Horizontal { height: auto; align: right middle; }
    ConfirmDialog Button { margin-left: 2; }
    """

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.question, style="bold"))
            if self.detail:
                yield Label(Text(self.detail))
            with Horizontal():
                yield Button("No (n)", id="no")
                yield Button("Yes (y)", id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
