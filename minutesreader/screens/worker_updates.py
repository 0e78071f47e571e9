"""One guard for the screen updates a worker sends to the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.css.query import NoMatches
from textual.screen import Screen


def guarded(screen: Screen[Any], update: Callable[..., Any]) -> Callable[..., Any]:
    """`update`, dropped if the user has left `screen` meanwhile (it may be detached, or
    half torn down with its widgets gone)."""

    def run(*args: Any) -> Any:
        if not screen.is_attached:
            return None
        try:
            return update(*args)
        except NoMatches:
            return None

    return run
