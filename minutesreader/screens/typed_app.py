"""The app and its session, typed, for screens and dialogs (posting's cast, written once).

Textual types `self.app` as `App[object]` (invariant), so `self.app.session` would be
unchecked in every screen and no subclass may narrow it. Screens and dialogs put
`TypedApp` first among their bases and read the data through `self.session`; functions
that take a node use `app_of(node)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from minutesreader.app import MinutesReaderApp
    from minutesreader.session import Session


def app_of(node: DOMNode) -> MinutesReaderApp:
    """The app a widget or screen belongs to, typed."""
    return cast("MinutesReaderApp", node.app)


class TypedApp:
    @property
    def session(self) -> Session:
        """The app's session: the screen's one way to the notes, tags, briefs and the library."""
        return app_of(cast(DOMNode, self)).session
