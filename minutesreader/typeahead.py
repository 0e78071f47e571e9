"""Keys typed ahead of a focus change land where the user was going to type, in order.

Textual sends each key to the widget focused when the app reads the key. A fast typist
(or a key-repeat, or a terminal that delivers `/group` in one read) gets every key routed
to the old widget before `/` has even moved the focus; each one then comes back to the
app's bindings and `g` jumps, `r` renames. So the app notes where each key was sent, and
a key that comes back unused from a widget that has since lost the focus is sent again to
where the focus is now: into the input that was opened, or, while a new screen is still
being built, to that screen (which hands it on once its input has the focus). Keys that
arrive while others are on that detour wait for them, and so does a key that comes back
while one typed before it is still on its way (a key re-sent to a screen whose input has
not the focus yet makes a second trip): each key carries its place in the typing order,
so nothing overtakes.

A screen still opening what it shows (the reader reading a big report: nothing there
takes keys yet) says so with `opening`; the keys typed meanwhile wait, and go on in order
once it calls `screen_opened()`. The keys that leave act at once, and so do the app's own
(`?`) unless typed after held ones; the keys held for a screen that was left are dropped,
not sent to the screen below.

A terminal paste is cleaned here too: control sequences removed, and for a one-line
input its lines joined, so a paste arrives whole and in order.
"""

from __future__ import annotations

import bisect
import itertools
import re
import time

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

from minutesreader.core.text import strip_controls

_LINE_BREAKS = re.compile(r"[ \t]*[\n\t][ \t]*")
# A key sent this long ago no longer holds newer ones back, even if it never came back
# (a widget stopped it): the keyboard must never stay blocked. Generous, as a dialog
# can take a while to build on a loaded machine, and keys wait for it.
GIVE_UP_SECONDS = 2.0

# Act at once even while a screen opens: leaving (and quitting) never waits.
LEAVING_KEYS = frozenset({"escape", "ctrl+c", "ctrl+q"})

TypedEvent = events.Key | events.Paste


def paste_text_for(widget: Widget | None, text: str) -> str:
    """The pasted text as `widget` should take it: no control sequences; one line for an Input."""
    text = strip_controls(text)
    if isinstance(widget, Input):
        text = _LINE_BREAKS.sub(" ", text.strip("\n"))
    return text


def _copy(event: TypedEvent, widget: Widget | None) -> TypedEvent:
    if isinstance(event, events.Key):
        again: TypedEvent = events.Key(event.key, event.character)
    else:
        again = events.Paste(paste_text_for(widget, event.text))
    again.typed = _typed(event)  # type: ignore[union-attr]
    return again


def _typed(event: TypedEvent) -> int:
    """The key's place in the order it was typed in."""
    return getattr(event, "typed", 0)


class TypeAhead:
    """Mixin for the App (before App in the bases)."""

    _on_detour: list[tuple[TypedEvent, Widget, float]]
    _held: list[TypedEvent]  # in typing order
    _typing_order: itertools.count[int]

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if not hasattr(self, "_typing_order"):
                self._typing_order = itertools.count(1)
                self._held, self._on_detour = [], []
            event.typed = next(self._typing_order)  # type: ignore[union-attr]
            if isinstance(event, events.Paste):
                event = _copy(event, self.focused)
            if self._opening():
                if not self._acts_while_opening(event):
                    event.held_for = self.screen  # type: ignore[union-attr]
                    self._hold(event)
                    return
            elif self._must_wait():
                self._hold(event)
                return
            await self._send(event)
            return
        await super().on_event(event)  # type: ignore[misc]

    def _hold(self, event: TypedEvent) -> None:
        bisect.insort(self._held, event, key=_typed)
        self.set_timer(GIVE_UP_SECONDS, self._let_go)  # if what it waits for never comes back

    async def _send(self, event: TypedEvent) -> None:
        """Textual's own handling (priority bindings, else to the focused widget), noting where it went."""
        target = self.focused or self.screen
        event.routed_to = target  # type: ignore[union-attr]
        await super().on_event(event)  # type: ignore[misc]
        if event.is_forwarded:  # not taken by a priority binding (ctrl+p): it may come back
            self._note_detour(event, target)

    def _note_detour(self, event: TypedEvent, target: Widget) -> None:
        """A key sent to a widget that does not type comes back to the app, unused, unless a binding takes it."""
        if not isinstance(target, (Input, TextArea)):
            if not hasattr(self, "_on_detour"):
                self._on_detour = []
            self._on_detour.append((event, target, time.monotonic()))

    def _must_wait(self) -> bool:
        """Is a key already held, or one sent before the focus moved still on its way? Then a newer key waits."""
        self._drop_keys_of_screens_left()
        return bool(self._held) or self._detour_pending()

    def _opening(self) -> bool:
        """Is the screen shown still opening what it shows? Then typed keys wait for it."""
        return bool(getattr(self.screen, "opening", False))

    def _acts_while_opening(self, event: TypedEvent) -> bool:
        """Leaving keys always; the app's own keys (`?`, `q`, ctrl+b) when no key typed
        before them waits: a lone `?` shows the keys at once, a `q` inside typed words
        waits its turn."""
        key = getattr(event, "key", "")
        if key in LEAVING_KEYS:
            return True
        active = self.screen.active_bindings.get(key)
        return active is not None and active.node is self and not self._held

    def screen_opened(self) -> None:
        """The screen that was opening shows what it opened: the keys typed meanwhile go
        on, in order, once it is drawn (a key such as `G` needs the text laid out)."""
        self.call_after_refresh(self._let_go)  # type: ignore[attr-defined]

    def _drop_keys_of_screens_left(self) -> None:
        """Keys typed for a screen that was left while it opened (Escape) are not for the one below."""
        held_for = self.screen
        self._held = [e for e in getattr(self, "_held", []) if getattr(e, "held_for", None) in (None, held_for)]

    def _detour_pending(self, before: float = float("inf")) -> bool:
        """Is a key typed before `before` still on its way back from a widget the focus has left?"""
        now, oldest = self.focused or self.screen, time.monotonic() - GIVE_UP_SECONDS
        self._on_detour = [(e, t, at) for e, t, at in getattr(self, "_on_detour", []) if t.is_attached and at > oldest]
        return any(target is not now and _typed(e) < before for e, target, _ in self._on_detour)

    async def _came_back(self, event: TypedEvent) -> bool:
        """A key back from its widget, unused: re-send it if the focus has moved. True if re-sent."""
        self._on_detour = [entry for entry in getattr(self, "_on_detour", []) if entry[0] is not event]
        target = getattr(event, "routed_to", None)
        now = self.focused or self.screen
        resent = False
        if target is not None and target is not now and (self.focused is None or isinstance(self.focused, (Input, TextArea))):
            again = _copy(event, self.focused)
            if self._detour_pending(before=_typed(event)) or any(_typed(e) < _typed(event) for e in self._held):
                self._hold(again)  # a key typed before it is still on its way: it goes first
            else:
                again.routed_to = now  # type: ignore[union-attr]
                now._forward_event(again)
                self._note_detour(again, now)
            resent = True
        await self._let_go()
        return resent

    async def _let_go(self) -> None:
        """Send the held keys on, in order, once nothing sent before them is on a detour."""
        self._drop_keys_of_screens_left()
        if self._opening():
            return  # the screen sends them on when it has opened (screen_opened)
        held = self._held
        for event in held:  # now ordinary keys: one that opens another screen does not drop the rest
            event.held_for = None  # type: ignore[union-attr]
        while held:
            if self._detour_pending(before=_typed(held[0])):
                self.set_timer(GIVE_UP_SECONDS, self._let_go)
                return
            await self._send(held.pop(0))

    async def _on_key(self, event: events.Key) -> None:
        if await self._came_back(event):
            event.prevent_default()  # not the App's own bindings: the key is on its way

    async def _on_paste(self, event: events.Paste) -> None:
        if await self._came_back(event):
            event.prevent_default()
