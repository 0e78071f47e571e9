"""The library: every report, newest first (or in another order, `o`), filtered as you type."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from minutesreader.core.catalog import ScanProgress
from minutesreader.core.library import LibraryError
from minutesreader.core.library_order import SORT_LABELS, next_sort
from minutesreader.core.listing import Filtered, Listing, filter_reports
from minutesreader.dialogs.prompt import PromptDialog
from minutesreader.screens.store_changed import StoreChanged
from minutesreader.screens.typed_app import TypedApp, app_of
from minutesreader.widgets.filter_box import FilterBox
from minutesreader.widgets.footer import ShownFooter
from minutesreader.widgets.report_table import ReportTable


class LibraryScreen(TypedApp, Screen[None]):
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="library.filter"),
        Binding("s", "app.search", "Search", id="library.search"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear"),
        Binding("r", "rename", "Rename", id="library.rename"),
        Binding("ctrl+r", "rescan", "Rescan", show=False, id="library.rescan"),
        Binding("P", "timeline", "Phrase timeline", id="library.timeline"),
        Binding("o", "sort", "Sort by date, title, directives or notes", show=False, id="library.sort"),
        # Down in the filter box goes into the list (FilterBox), Up on its first row back.
        Binding("up", "list_to_filter", "Back to the filter", show=False, id="library.to_filter"),
    ]

    DEFAULT_CSS = """
    LibraryScreen #library-heading { height: 1; padding: 0 1; background: $panel; color: $text; text-style: bold; }
    LibraryScreen #filter { margin: 0 0; border: tall $surface-lighten-1; }
    LibraryScreen #filter:focus { border: tall $accent; }
    LibraryScreen #library-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    class ScanProgressed(Message):
        """The scan worker got this far; the session's listing holds what it found."""

        def __init__(self, progress: ScanProgress) -> None:
            super().__init__()
            self.progress = progress

    class ScanFailed(Message):
        """The library folder could not be read."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self) -> None:
        super().__init__()
        self.filtered: Filtered | None = None  # what the filter showed last: typing on narrows it
        self.stage = "listing"  # of the running scan; "" once it is done
        self.counting = (0, 0)  # reports counted, of all
        self.opened: list[str] = []  # reports opened since the last refresh: their tags may have changed

    def compose(self) -> ComposeResult:
        yield Static(Text(f"minutesreader — {self.session.library_folder}"), id="library-heading")
        yield FilterBox(placeholder="/ to filter by title, date, tag or words in the text", id="filter")
        yield ReportTable(id="reports")
        yield Static("", id="library-status")
        yield ShownFooter()

    def on_mount(self) -> None:
        self.query_one(ReportTable).focus()
        self._status("Reading the library…")
        self.scan()

    def on_screen_resume(self) -> None:
        # Notes may have changed in the reader (or in another window). The first resume
        # comes with the mount: the scan reads the store then, off the UI thread.
        if not self.session.scanning and self.stage == "":
            self.refresh_annotations()

    def on_store_changed(self, _message: StoreChanged) -> None:
        self.refresh_annotations()

    # -- scanning ----------------------------------------------------------------
    # The worker posts what it got to and goes on (post_message is thread-safe and drops
    # messages to a screen that is gone); it never waits for the UI to draw each tick.
    @work(thread=True, exclusive=True, group="scan")
    def scan(self) -> None:
        worker = get_current_worker()
        try:
            for progress in self.session.scan():
                if worker.is_cancelled:
                    return
                self.post_message(self.ScanProgressed(progress))
        except LibraryError as exc:
            self.post_message(self.ScanFailed(str(exc)))

    @on(ScanFailed)
    def scan_failed(self, message: ScanFailed) -> None:
        self.stage = ""
        self._status(message.problem)
        self.notify(message.problem, severity="error", timeout=10, markup=False)

    @on(ScanProgressed)
    def show_progress(self, message: ScanProgressed) -> None:
        done, total, final = message.progress.done, message.progress.total, message.progress.final
        self.stage = "" if final else message.progress.stage
        self.counting = (done, total)
        self.apply_filter()
        if final:
            # Only now the search index: a first start of a large library has the
            # machine to itself until the list is complete. And only once the status
            # saying so is painted: started here, their threads held the GIL against
            # that paint (the search index's freshness check stats every report). Asked
            # of the status line, whose queue holds its repaint, not of the screen, which
            # may not know of it yet and then ran this before the paint.
            self.query_one("#library-status", Static).call_after_refresh(self._after_scan)
        if self.stage == "listing" and done < total:
            # Still filling (a first start); a list painted whole (from the index) shows its count.
            self._status(f"Reading the library… {done:,}/{total:,}")

    def _after_scan(self) -> None:
        app_of(self).update_search_index()
        app_of(self).import_reader()

    def refresh_annotations(self) -> None:
        changed, self.opened = self.opened, []
        self.session.refresh_annotations(changed)
        self.apply_filter()

    # -- filtering -----------------------------------------------------------------
    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.apply_filter(keep_cursor=False)

    def apply_filter(self, keep_cursor: bool = True) -> None:
        query = self.query_one("#filter", Input).value
        listing = self.session.listing
        self.filtered = filter_reports(listing, query, self.filtered)
        rows = self.filtered.reports
        self.query_one(ReportTable).set_rows(rows, listing.notes_by_report, keep_cursor=keep_cursor)
        self._status(self._summary_line(listing, len(rows), query))

    def _summary_line(self, listing: Listing, shown: int, query: str) -> str:
        total = len(listing.summaries)
        unreadable = listing.unreadable
        noun = "report" if total == 1 else "reports"
        parts = [f"{shown:,} of {total:,} {noun}" if query.strip() else f"{total:,} {noun}"]
        if unreadable:
            parts.append(f"{unreadable} cannot be read")
        if self.session.library_sort != "date":
            parts.append(f"sorted {SORT_LABELS[self.session.library_sort]}")
        if self.stage == "counting":
            done, total = self.counting
            parts.append(f"counting directives {done:,}/{total:,}")
        elif self.stage:
            parts.append("reading…")
        parts.append("Enter open · / filter · r rename · o sort · ? keys")
        return " · ".join(parts)

    def _status(self, message: str) -> None:
        self.query_one("#library-status", Static).update(Text(message))

    @on(Input.Submitted, "#filter")
    def open_first_match(self) -> None:
        table = self.query_one(ReportTable)
        if table.rows:
            table.cursor = 0
            table.focus()
            table.action_open()

    def action_focus_filter(self) -> None:
        # At once, not after a refresh: keys typed right after `/` belong to the filter.
        box = self.query_one("#filter", Input)
        box.select_on_focus = True  # `/` starts a new filter: typing replaces the last one
        self.set_focus(box)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "list_to_filter":  # the list's Up on its first row, when a filter is typed
            return self.focused is self.query_one(ReportTable) and bool(self.query_one("#filter", Input).value)
        if action == "filter_to_list":  # not into an empty list, where letters are commands (q quits)
            return bool(self.query_one(ReportTable).rows)
        return True

    def action_filter_to_list(self) -> None:
        table = self.query_one(ReportTable)
        table.cursor = 0  # the first match: Down, Down, Enter opens the second
        self.set_focus(table)

    def action_list_to_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.select_on_focus = False  # back to go on typing: the words stay, not selected to be replaced
        self.set_focus(box)

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.value:
            filter_input.value = ""
        self.query_one(ReportTable).focus()

    def action_sort(self) -> None:
        """The next order (date, title, directives, notes), said on screen; the session keeps it."""
        sort = next_sort(self.session.library_sort)
        self.session.sort_library(sort)
        self.apply_filter(keep_cursor=False)
        self.notify(f"Library sorted {SORT_LABELS[sort]} (o: next order)", timeout=3, markup=False)

    def action_rescan(self) -> None:
        self.scan()

    def action_timeline(self) -> None:
        from minutesreader.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen())

    # -- opening and renaming --------------------------------------------------------
    @on(ReportTable.Opened)
    def open_report(self, event: ReportTable.Opened) -> None:
        summary = self.session.summary(event.report_id)
        if summary and summary.error:
            self.notify(f"{summary.id} cannot be read: {summary.error}", severity="warning", markup=False)
            return
        self.opened.append(event.report_id)
        app_of(self).open_report(event.report_id)

    def action_rename(self) -> None:
        summary = self.query_one(ReportTable).current
        if summary is None or summary.error:
            return

        def renamed(title: str | None) -> None:
            if title is None:
                return
            app_of(self).rename_report(summary.id, title)
            self.apply_filter()

        self.app.push_screen(
            PromptDialog(
                f"Rename {summary.id}",
                summary.title,
                hint="Enter to rename · an empty name restores the title from the text · Escape cancels",
            ),
            renamed,
        )
