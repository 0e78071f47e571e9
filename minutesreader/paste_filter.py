"""A terminal paste holding escape sequences reaches the app whole, in order, without them.

Textual 8's terminal parser takes an ESC inside a bracketed paste for the start of a key
sequence: the rest of the paste turns into key presses (its line breaks into Enter) and
arrives out of order. Terminals such as tmux pass a pasted ESC through. So the terminal's
input is filtered before the parser sees it: between the paste's start and end markers
every escape sequence and control character is removed (line breaks and tabs stay).
Outside a paste nothing is touched or held back, so Escape and every key go on at once.
"""

from __future__ import annotations

import re

from minutesreader.core.text import strip_controls

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
# An escape sequence cut off at the end of a read: hold it for the next read. Long ones
# are not sequences worth waiting for.
_OPEN_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*|[PX^_][^\x1b]*|[ -/]*)?\Z")
_HOLD_AT_MOST = 64


class PasteFilter:
    """Feed it the terminal's input read by read; it returns what the parser should see."""

    def __init__(self) -> None:
        self.in_paste = False
        self.pending = ""  # inside a paste: an escape sequence cut off by the read
        self.recent = ""  # outside: the last characters passed on, for a start marker cut in two

    def __call__(self, data: str) -> str:
        out: list[str] = []
        while data:
            if not self.in_paste:
                # Nothing is held back here (an Escape key must not wait for the next
                # key); a start marker cut by a read is recognised by what went before.
                seen = self.recent + data
                start = seen.find(PASTE_START)
                if start == -1:
                    out.append(data)
                    self.recent = seen[-(len(PASTE_START) - 1):]
                    break
                after = start + len(PASTE_START) - len(self.recent)
                out.append(data[:after])
                data, self.recent, self.in_paste = data[after:], "", True
            else:
                data, self.pending = self.pending + data, ""
                end = data.find(PASTE_END)
                if end == -1:
                    cut = _OPEN_SEQUENCE.search(data[-_HOLD_AT_MOST:])
                    held = len(cut.group()) if cut else 0
                    out.append(strip_controls(data[: len(data) - held]))
                    self.pending = data[len(data) - held:]
                    break
                out.append(strip_controls(data[:end]) + PASTE_END)
                data, self.in_paste = data[end + len(PASTE_END):], False
        return "".join(out)


def install() -> None:
    """Put the filter in front of Textual's terminal parser (Linux and macOS drivers)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # Windows: another driver, which this does not touch
        return
    parser_class = linux_driver.XTermParser
    if getattr(parser_class, "filters_pastes", False):
        return

    class PasteFilteringParser(parser_class):  # type: ignore[misc, valid-type]
        filters_pastes = True

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._paste_filter = PasteFilter()

        def feed(self, data: str):
            return super().feed(self._paste_filter(data) if data else data)

    linux_driver.XTermParser = PasteFilteringParser
