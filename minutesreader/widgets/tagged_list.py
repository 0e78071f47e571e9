"""The paragraphs under one tag, two lines each, drawn only where they are on screen.

An OptionList measures every option when it is filled: 7,500 tagged paragraphs took
~0.8 s of the UI thread per highlight in the tag browser. Here every entry has the same
height, so filling the list costs nothing and drawing costs what is visible."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

LINES_EACH = 2


class TaggedList(ScrollView, can_focus=True):
    """Tagged paragraphs (a heading line and an opening line each); Enter opens one."""

    BINDINGS = [
        Binding("enter", "open", "Open", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
    ]

    COMPONENT_CLASSES = {"tagged-list--cursor"}

    DEFAULT_CSS = """
    TaggedList { height: 1fr; }
    TaggedList > .tagged-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    TaggedList:blur > .tagged-list--cursor { background: $block-cursor-blurred-background; }
    """

    cursor = reactive(0, always_update=True)

    class Opened(Message):
        """The user asked to open the paragraph at this index."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: Sequence[tuple[Text, Text]] = ()

    def set_entries(self, entries: Sequence[tuple[Text, Text]]) -> None:
        self.entries = entries
        self.virtual_size = Size(self.size.width, len(entries) * LINES_EACH)
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.entries) - 1))

    def watch_cursor(self, new: int) -> None:
        self.refresh()
        visible = self.scrollable_content_region.height
        top, entry_top = int(self.scroll_y), new * LINES_EACH
        if entry_top < top:
            self.scroll_to(y=entry_top, animate=False)
        elif visible > 0 and entry_top + LINES_EACH > top + visible:
            self.scroll_to(y=entry_top + LINES_EACH - visible, animate=False)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height // LINES_EACH - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height // LINES_EACH - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.entries) - 1

    def action_open(self) -> None:
        if 0 <= self.cursor < len(self.entries):
            self.post_message(self.Opened(self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // LINES_EACH
        if 0 <= index < len(self.entries):
            if index == self.cursor and event.chain >= 2:
                self.action_open()
            self.cursor = index

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, line = divmod(y + int(self.scroll_y), LINES_EACH)
        if index >= len(self.entries):
            return Strip.blank(width, self.rich_style)
        style = self.rich_style
        if index == self.cursor:
            style = style + self.get_component_rich_style("tagged-list--cursor")
        return self._strip(self.entries[index][line], width, style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        segments = [Segment(s.text, style + s.style if s.style else style) for s in text.render(self.app.console)]
        return Strip(segments).crop_extend(0, width, style)
