"""Keys typed ahead of a focus change land where the user was going to type.

Textual sends each key to the widget focused when the app reads the key. A fast typist
(or a key-repeat, or a terminal that delivers `/group` in one read) gets every key routed
to the old widget before `/` has even moved the focus; each one then comes back to the
app's bindings and `g` jumps, `r` renames. So the app notes where each key was sent, and
a key that comes back unused from a widget that has since lost the focus is sent again to
where the focus is now: into the input that was opened, or, while a new screen is still
being built, to that screen (which hands it on once its input has the focus).

A terminal paste is cleaned here too: control sequences removed, and for a one-line
input its lines joined, so a paste arrives whole and in order.
"""

from __future__ import annotations

import re

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

from minutesreader.core.text import strip_controls

_LINE_BREAKS = re.compile(r"[ \t]*[\n\t][ \t]*")


def paste_text_for(widget: Widget | None, text: str) -> str:
    """The pasted text as `widget` should take it: no control sequences; one line for an Input."""
    text = strip_controls(text)
    if isinstance(widget, Input):
        text = _LINE_BREAKS.sub(" ", text.strip("\n"))
    return text


class TypeAhead:
    """Mixin for the App (before App in the bases)."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if isinstance(event, events.Paste):
                event = events.Paste(paste_text_for(self.focused, event.text))
            event.routed_to = self.focused or self.screen  # type: ignore[union-attr]
        await super().on_event(event)  # type: ignore[misc]

    def _resend(self, event: events.Key | events.Paste) -> bool:
        """Send a key or paste that came back from a widget that lost the focus to where the focus is now."""
        target = getattr(event, "routed_to", None)
        now = self.focused or self.screen
        if target is None or target is now:
            return False
        if isinstance(self.focused, (Input, TextArea)) or self.focused is None:
            again: events.Key | events.Paste
            if isinstance(event, events.Key):
                again = events.Key(event.key, event.character)
            else:
                again = events.Paste(paste_text_for(self.focused, event.text))
            again.routed_to = now  # type: ignore[union-attr]
            now._forward_event(again)
            return True
        return False  # another kind of widget: the bindings of where the focus is now take it

    async def _on_key(self, event: events.Key) -> None:
        if self._resend(event):
            event.prevent_default()  # not the App's own bindings: the key is on its way

    async def _on_paste(self, event: events.Paste) -> None:
        if self._resend(event):
            event.prevent_default()
