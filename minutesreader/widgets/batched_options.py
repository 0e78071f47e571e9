"""An option list that shows its first screenful at once and adds the rest a batch per
refresh: measuring thousands of wrapped options takes far longer than the moment a
list may take to appear, and nobody reads past the first screen in that moment."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

FIRST_BATCH = 25  # at most: fewer when they already fill the list (long wrapped sentences)
BATCH = 50  # a batch per refresh: small, so that keys pressed meanwhile wait little


def cursor_safe(style: Style) -> Style:
    """A component style for text inside an option, without a colour that is the
    terminal's default: the ansi themes' muted text is "ansi_default 50%", and that
    colour, set on the text, overrode the cursor's black on its white row (light on
    white on a dark terminal). Dim keeps it muted; the cursor's colour shows through."""
    if style.color is None or not style.color.is_default:
        return style
    return Style(bgcolor=style.bgcolor, bold=style.bold, italic=style.italic, underline=style.underline,
                 strike=style.strike, dim=True)


class BatchedOptionList(OptionList):
    # The scrollbar's room is kept from the start: it appears when a later batch makes
    # the list taller than its box, and OptionList keeps options wrapped to the wider
    # width it drew them at, so their line ends were cropped (a word's last letters).
    DEFAULT_CSS = "BatchedOptionList { scrollbar-gutter: stable; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._make: Callable[[int], Option] = lambda number: Option("")
        self._next = self._count = 0
        self._generation = 0  # a new show() stops the batches of the last one

    def show_lazily(self, count: int, make: Callable[[int], Option]) -> None:
        """Show options make(0) .. make(count - 1), the first few now, the rest soon."""
        self._make, self._next, self._count = make, 0, count
        self._generation += 1
        self.clear_options()
        first = []
        width, height = self._room()
        lines = 0
        # Wrapping each option to measure it is most of the first frame's work: only
        # as many as fill the list (by their length) are added before it is drawn.
        while len(first) < min(FIRST_BATCH, count) and lines < height:
            option = self._make(len(first))
            prompt = option.prompt
            length = prompt.cell_len if isinstance(prompt, Text) else len(str(prompt))
            lines += max(1, -(-length // width))
            first.append(option)
        self.add_options(first)
        self._next = len(first)
        if self._next < self._count:
            self.call_after_refresh(self._add, self._generation)

    def _room(self) -> tuple[int, int]:
        """(width, height) of the list, or of the screen before the list is laid out."""
        size = self.scrollable_content_region.size if self.size.height else self.app.size
        return max(10, size.width - 4), max(1, size.height)

    def _add(self, generation: int, size: int = BATCH) -> None:
        # Not once the list is being taken down (Escape while it fills): the options'
        # maker may read the screen, whose widgets are then gone.
        if generation != self._generation or self._next >= self._count or not self.is_attached:
            return
        end = min(self._count, self._next + size)
        self.add_options([self._make(number) for number in range(self._next, end)])
        self._next = end
        if end < self._count:
            self.call_after_refresh(self._add, generation)

    def show_all(self) -> None:
        """Add every option not yet shown (before stepping or jumping past them)."""
        self._add(self._generation, self._count - self._next)
