"""A filter box over a list: typing filters, Down goes into the list (as in fzf or VS
Code's quick open), and the footer says so while the box has the keys."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class FilterBox(Input):
    # The screen's action, run with the key (no message hop): the keys typed right after
    # Down already reach the list. A binding of the box, not of the screen: Input's own
    # (hidden) Down would otherwise be the one the footer shows.
    BINDINGS = [Binding("down", "screen.filter_to_list", "To the list", key_display="↓", id="filter.to_list")]
