"""Textual's footer, rebuilt only while its screen is the one shown.

Textual's footer rebuilds its keys whenever its screen's bindings change, and a screen's
bindings change when another screen covers it: pressing `D` in the reader rebuilt the
reader's hidden footer (27 keys, ~70 ms) while the redline was being drawn. The screen
publishes its bindings again when it is shown once more, and the footer is rebuilt then.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class ShownFooter(Footer):
    def bindings_changed(self, screen: Screen) -> None:
        if screen is not self.app.screen:
            return  # covered: rebuilt when its screen is shown again
        super().bindings_changed(screen)
