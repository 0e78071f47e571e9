"""The library list: one row a report, drawn line by line.

A line-API widget rather than a DataTable: with 10,000 reports, filtering swaps a list
of rows and redraws what is on screen, instead of rebuilding thousands of cells. The
rows may be a tuple or, painted before the library is checked, a sequence that reads
them from the index as they are drawn (core/paged.py): only the rows on screen are read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from minutesreader.core.library import ReportSummary
from minutesreader.core.short_titles import SharedOpenings, shorten
from minutesreader.widgets.cells import fit_cells

DATE_WIDTH = 10
COUNT_WIDTH = 5


class ReportTable(ScrollView, can_focus=True):
    """Reports, newest first; Enter opens the one under the cursor."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open"),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
    ]

    COMPONENT_CLASSES = {
        "report-table--header",
        "report-table--cursor",
        "report-table--error",
        "report-table--undated",
    }

    DEFAULT_CSS = """
    ReportTable { height: 1fr; }
    ReportTable > .report-table--header { text-style: bold; color: $text-muted; background: $panel; }
    ReportTable > .report-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    ReportTable:blur > .report-table--cursor { background: $block-cursor-blurred-background; text-style: none; }
    ReportTable > .report-table--error { color: $error; }
    ReportTable > .report-table--undated { color: $text-muted; }
    """

    cursor = reactive(0, always_update=True)

    class Opened(Message):
        """The user asked to open a report."""

        def __init__(self, report_id: str) -> None:
            super().__init__()
            self.report_id = report_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[ReportSummary] = ()
        self.note_counts: Mapping[str, int] = {}
        self._shared = SharedOpenings(())  # per title, the opening it shares with another row
        self._shared_window: tuple[int, int] | None = None  # rows _shared was worked out over, if not all
        self.user_moved = False

    # The header is line 0 of the virtual space; rows start at line 1.
    def set_rows(self, rows: Sequence[ReportSummary], note_counts: Mapping[str, int] | None = None, keep_cursor: bool = True) -> None:
        """Show these rows. The cursor stays on its report if the user put it there;
        otherwise (a fresh list, a new filter) it goes to the first row."""
        current = self.current_id if keep_cursor and self.user_moved else None
        if not (isinstance(rows, tuple) and isinstance(self.rows, tuple) and rows == self.rows):
            # Over every row when they are all at hand; read from the index, over the
            # rows on screen (see _shared_on_screen) until the full list replaces them.
            self._shared = SharedOpenings(row.title for row in rows) if isinstance(rows, tuple) else SharedOpenings(())
            self._shared_window = None if isinstance(rows, tuple) else (-1, -1)
        self.rows = rows
        if note_counts is not None:
            self.note_counts = note_counts
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        index = next((i for i, row in enumerate(rows) if row.id == current), 0) if current else 0
        self.cursor = index
        self.refresh()

    def set_note_counts(self, note_counts: Mapping[str, int]) -> None:
        self.note_counts = note_counts
        self.refresh()

    @property
    def current(self) -> ReportSummary | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def current_id(self) -> str | None:
        row = self.current
        return row.id if row else None

    def select_id(self, report_id: str) -> None:
        for index, row in enumerate(self.rows):
            if row.id == report_id:
                self.user_moved = True
                self.cursor = index
                return

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        visible = self.scrollable_content_region.height - 1
        top = int(self.scroll_y)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif visible > 0 and new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)

    def action_cursor_down(self) -> None:
        self.user_moved = True
        self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor == 0:
            raise SkipAction()  # Up on the first row is the screen's: back to its filter box
        self.user_moved = True
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.user_moved = True
        self.cursor += max(1, self.scrollable_content_region.height - 2)

    def action_page_up(self) -> None:
        self.user_moved = True
        self.cursor -= max(1, self.scrollable_content_region.height - 2)

    def action_first(self) -> None:
        self.user_moved = True
        self.cursor = 0

    def action_last(self) -> None:
        self.user_moved = True
        self.cursor = len(self.rows) - 1

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.user_moved = True  # back from the reader, the cursor stays on this report
            self.post_message(self.Opened(row.id))

    def on_click(self, event: events.Click) -> None:
        index = event.y + int(self.scroll_y) - 1
        if 0 <= index < len(self.rows):
            self.user_moved = True
            if index == self.cursor and event.chain >= 2:
                self.action_open()
            self.cursor = index

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            style = self.get_component_rich_style("report-table--header")
            return self._strip(self._header(width), width, style)
        index = y + int(self.scroll_y) - 1
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        if self._shared_window is not None:
            self._shared_on_screen()
        base = self.rich_style
        if row.error:
            base = base + self.get_component_rich_style("report-table--error")
        if index == self.cursor:
            base = base + self.get_component_rich_style("report-table--cursor")
        return self._strip(self._row_text(row, width), width, base)

    def _shared_on_screen(self) -> None:
        top = int(self.scroll_y)
        window = (top, top + self.scrollable_content_region.height)
        if window != self._shared_window:
            self._shared_window = window
            self._shared = SharedOpenings(row.title for row in self.rows[window[0]:window[1]])

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        segments = [Segment(s.text, style + s.style if s.style else style) for s in text.render(self.app.console)]
        return Strip(segments).crop_extend(0, width, style)

    def _title_width(self, width: int) -> int:
        return max(10, width - DATE_WIDTH - 4 * (COUNT_WIDTH + 1) - 3)

    def _header(self, width: int) -> Text:
        title_width = self._title_width(width)
        counts = "".join(f"{label:>{COUNT_WIDTH}} " for label in ("Obl", "Call", "Task", "Notes"))
        return Text(f" {'Date':<{DATE_WIDTH}} {'Title':<{title_width}}{counts}")

    def _row_text(self, row: ReportSummary, width: int) -> Text:
        title_width = self._title_width(width)
        text = Text(" ")
        muted = self.get_component_rich_style("report-table--undated")
        text.append(f"{row.date_label:<{DATE_WIDTH}} ", muted if row.date is None else "")
        title = row.title if not row.error else f"{row.id} — cannot read: {row.error}"
        title = shorten(title, title_width - 1, self._shared)
        text.append(fit_cells(title, title_width - 1) + " ")  # by cells: 中文 takes two each
        if row.error:
            return text
        for category in ("obligation", "call", "task"):
            # "…" still being counted; "–" no directive rules for the report's language
            count = row.counts.get(category, "–") if row.counted else "…"
            text.append(f"{count:>{COUNT_WIDTH}} ")
        notes = self.note_counts.get(row.id, 0)
        text.append(f"{notes or '':>{COUNT_WIDTH}} ")
        return text
