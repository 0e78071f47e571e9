"""Every key of the screen below, and the app's own."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 80; max-width: 95%; height: auto; max-height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.heading = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, expand=True, padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description in self.keys:
            table.add_row(Text(keys), Text(description))
        with VerticalScroll():
            yield Static(Text(self.heading, style="bold"))
            yield Static(table)
            yield Static(Text("Escape closes · ctrl+p lists every action", style="dim"))

    def action_dismiss(self) -> None:
        self.dismiss(None)
