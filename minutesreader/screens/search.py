"""Library-wide search over report text and notes, ranked, with the words highlighted."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from minutesreader.core.search import SearchHit
from minutesreader.screens.going_back import back_bindings, goes_back_to
from minutesreader.screens.store_changed import IndexProgress
from minutesreader.screens.typed_app import TypedApp

RESULTS = 100
HIT_STYLE = "bold reverse"


def hit_label(hit: SearchHit) -> Text:
    label = Text()
    label.append(f"{hit.date_label:<10} ", style="dim")
    label.append(hit.title or hit.report, style="bold")
    label.append(f"  ¶{hit.paragraph}", style="dim")
    if hit.kind == "note":
        label.append("  ✎ note", style="italic")
    label.append("\n  ")
    snippet = Text(hit.snippet.replace("\n", " "))
    for start, end in hit.spans:
        snippet.stylize(HIT_STYLE, start, end)
    label.append_text(snippet)
    return label


class SearchScreen(TypedApp, Screen[None]):
    BINDINGS = [
        *back_bindings("search"),
        Binding("down", "to_results", "Results", show=False, id="search.results"),
    ]

    DEFAULT_CSS = """
    SearchScreen #search-heading { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    SearchScreen #results { height: 1fr; border: none; }
    SearchScreen #search-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Search the library: report text and notes"), id="search-heading")
        yield Input(placeholder='words (all must match), "a phrase", stabil* · Enter or ↓ to the results', id="search-input")
        yield OptionList(id="results")
        yield Static("", id="search-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.session.index_progress is None and self.session.can_search:
            self.app.update_search_index()

    def on_index_progress(self, message: IndexProgress) -> None:
        if not message.finished:
            self._status(f"Indexing the library… {message.done:,}/{message.total:,} (results so far)")
        else:  # every report is in: the results again, complete
            self.run_search(self.query_one(Input).value)

    @on(Input.Changed, "#search-input")
    def query_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    class Found(Message):
        """The hits of a query."""

        def __init__(self, query: str, hits: list[SearchHit]) -> None:
            super().__init__()
            self.query, self.hits = query, hits

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        worker = get_current_worker()
        if not query.strip():
            self.post_message(self.Found(query, []))
            return
        hits = self.session.search(query, limit=RESULTS)
        if not worker.is_cancelled:
            self.post_message(self.Found(query, hits))

    @on(Found)
    def _show(self, message: Found) -> None:
        query, hits = message.query, message.hits
        if query != self.query_one(Input).value:
            return  # an older query; a newer one is on its way
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options([Option(hit_label(hit), id=str(i)) for i, hit in enumerate(hits)])
        if query.strip():
            more = " (the best 100)" if len(hits) == RESULTS else ""
            self._status(f"{len(hits)} result(s){more} · Enter opens at the paragraph · Escape back")
        else:
            self._status("")

    def _status(self, message: str) -> None:
        self.query_one("#search-status", Static).update(Text(message))

    @on(Input.Submitted, "#search-input")
    def submitted(self) -> None:
        self.action_to_results()

    def action_to_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            results.highlighted = results.highlighted or 0

    @on(OptionList.OptionSelected, "#results")
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id)]
        self.app.open_report(hit.report, hit.paragraph, self.query_one(Input).value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return goes_back_to(self, str(parameters[0])) if action == "back" else True

    def action_back(self, _to: str = "") -> None:
        self.app.pop_screen()
