"""`i` in the reader: a report's details (URL, publisher, meeting date, language), shown
and edited. Each value is checked as typed is accepted; a bad one is named in the dialog
and nothing is saved until it is fixed."""

from __future__ import annotations

from dataclasses import fields

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from minutesreader.core.sources import ReportSource, SourceProblem

LABELS = {
    "url": "URL (http or https)",
    "publisher": "Publisher",
    "meeting_date": "Meeting date (YYYY-MM-DD; the report's own date is its release)",
    "language": "Language (en, zh, …; empty: as detected)",
}


class ReportDetailsDialog(ModalScreen[ReportSource | None]):
    """Dismisses with the details as entered (checked), or None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="details.cancel")]

    DEFAULT_CSS = """
    ReportDetailsDialog { align: center middle; }
    ReportDetailsDialog Label { width: 100%; }
    ReportDetailsDialog > Vertical { width: 80%; max-width: 100; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    ReportDetailsDialog .hint { color: $text-muted; }
    ReportDetailsDialog #details-problem { color: $error; }
    """

    def __init__(self, heading: str, source: ReportSource) -> None:
        super().__init__()
        self.heading = heading
        self.source = source

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.heading, style="bold"))
            for field in fields(ReportSource):
                yield Label(Text(LABELS[field.name]), classes="hint")
                yield Input(getattr(self.source, field.name), id=f"details-{field.name}", select_on_focus=False)
            yield Label("", id="details-problem")
            yield Label(Text("Tab next field · Enter save · Escape cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def accept(self, event: Input.Submitted) -> None:
        event.stop()
        values = {field.name: self.query_one(f"#details-{field.name}", Input).value for field in fields(ReportSource)}
        try:
            source = ReportSource().updated(**values)
        except SourceProblem as problem:
            self.query_one("#details-problem", Label).update(Text(str(problem)))
            return
        self.dismiss(source)

    def action_cancel(self) -> None:
        self.dismiss(None)
