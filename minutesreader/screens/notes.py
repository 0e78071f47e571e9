"""All notes and highlights, newest first, filtered as you type; Enter opens the report
at the note or highlight."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from minutesreader.core.records import Highlight, Note
from minutesreader.core.text import strip_controls
from minutesreader.screens.going_back import back_bindings, goes_back_to
from minutesreader.screens.store_changed import StoreChanged
from minutesreader.screens.typed_app import TypedApp, app_of

SHOWN = 500  # the list shows this many matches; the filter narrows the rest


class NotesScreen(TypedApp, Screen[None]):
    BINDINGS = [
        *back_bindings("notes"),
        Binding("slash", "focus_filter", "Filter", id="notes.filter"),
        Binding("down", "to_list", "List", show=False, id="notes.list"),
    ]

    DEFAULT_CSS = """
    NotesScreen #notes-heading { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    NotesScreen #note-list { height: 1fr; border: none; }
    NotesScreen #notes-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.notes: tuple[Note, ...] = ()
        self.haystacks: list[str] = []
        self.shown: list = []

    def compose(self) -> ComposeResult:
        yield Static(Text("All notes and highlights, newest first"), id="notes-heading")
        yield Input(placeholder="filter: words of the note or highlight, the report title, a tag, a date", id="notes-filter")
        yield OptionList(id="note-list")
        yield Static(Text("Reading the notes…"), id="notes-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.load_notes()

    def on_store_changed(self, _message: StoreChanged) -> None:
        self.load_notes()

    @work(thread=True, exclusive=True, group="notes")
    def load_notes(self) -> None:
        """Every note and highlight in the store: a second or so at 100,000 annotations, so off the UI thread."""
        notes: list[Note | Highlight] = sorted([*self.session.notes(), *self.session.highlights()],
                                               key=lambda found: (found.created, found.id), reverse=True)
        summaries = self.session.listing.summaries
        # The tags of each note's paragraph match too, not only the note's own.
        paragraph_tags: dict[tuple[str, int], list[str]] = {}
        for report in {note.report for note in notes}:
            for mark in self.session.tags(report):
                paragraph_tags.setdefault((report, mark.paragraph), []).append(mark.tag)
        haystacks = []
        for note in notes:
            summary = summaries.get(note.report)
            title = summary.title if summary else note.report
            date = summary.date_label if summary else ""
            tags = [*getattr(note, "tags", ()), *paragraph_tags.get((note.report, note.paragraph), ())]
            words = note.quote if isinstance(note, Highlight) else note.text
            # Tags as they are shown too (#name), so that the filter `#name` finds them alone.
            haystacks.append(f"{words} {title} {date} {note.report} {' '.join(tags)} {' '.join('#' + t for t in tags)}".casefold())
        self.app.call_from_thread(self._loaded, notes, haystacks)

    def _loaded(self, notes: list[Note | Highlight], haystacks: list[str]) -> None:
        self.notes, self.haystacks = notes, haystacks
        self.apply_filter()

    @on(Input.Changed, "#notes-filter")
    def apply_filter(self) -> None:
        terms = self.query_one(Input).value.casefold().split()
        matches = [note for note, hay in zip(self.notes, self.haystacks) if all(t in hay for t in terms)]
        self.shown = matches[:SHOWN]
        summaries = self.session.listing.summaries
        options = []
        for index, note in enumerate(self.shown):
            summary = summaries.get(note.report)
            label = Text(f"{note.created[:10]}  ", style="dim")
            label.append(summary.title if summary else note.report, style="bold")
            label.append(f"  {summary.date_label if summary else ''}  ¶{note.paragraph}", style="dim")
            if note.orphaned:
                label.append("  (orphaned: its paragraph changed)", style="italic")
            if isinstance(note, Highlight):
                label.append("\n  ❝ ")
                label.append(strip_controls(note.quote).replace("\n", " "), style="italic")
            else:
                label.append("\n  ✎ ")
                label.append(strip_controls(note.text).replace("\n", " "))
            options.append(Option(label, id=str(index)))
        note_list = self.query_one(OptionList)
        note_list.clear_options()
        note_list.add_options(options)
        more = f", the first {SHOWN} shown" if len(matches) > SHOWN else ""
        self.query_one("#notes-status", Static).update(
            Text(f"{len(matches):,} of {len(self.notes):,} notes and highlights{more} · Enter opens the report there · Escape back"))

    @on(Input.Submitted, "#notes-filter")
    def action_to_list(self) -> None:
        note_list = self.query_one(OptionList)
        if note_list.option_count:
            note_list.focus()
            note_list.highlighted = note_list.highlighted or 0

    @on(OptionList.OptionSelected, "#note-list")
    def open_note(self, event: OptionList.OptionSelected) -> None:
        note = self.shown[int(event.option.id)]
        app_of(self).open_report(note.report, note.paragraph)

    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one(Input))  # at once: keys typed right after `/` belong to it

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return goes_back_to(self, str(parameters[0])) if action == "back" else True

    def action_back(self, _to: str = "") -> None:
        self.app.pop_screen()
