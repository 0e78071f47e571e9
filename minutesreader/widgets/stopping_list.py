"""An option list whose cursor stops at its ends: Up on the first stays there, as in a text.

Textual's OptionList wraps around, so Up from the first brief item landed on the last
and a heading meant for item 1 went to the end. `g`/`G` (and Home/End) go to the first
and the last, as in the library and the reader."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class StoppingOptionList(OptionList):
    BINDINGS = [
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            self.action_first() if direction > 0 else self.action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)
