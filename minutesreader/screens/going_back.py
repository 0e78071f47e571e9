"""Where Escape goes back to, named in the footer ("esc Library", "esc Search").

Textual's footer shows a binding's fixed description, so each screen carries one Escape
binding per place it can go back to, and `check_action` keeps only the one that names
the screen under it."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

# Footer name -> the class of the screen Escape returns to.
DESTINATIONS = {
    "Library": "LibraryScreen",
    "Report": "ReaderScreen",
    "Search": "SearchScreen",
    "Tags": "TagsScreen",
    "All notes": "NotesScreen",
    "Brief": "BriefScreen",
    "Phrase timeline": "TimelineScreen",
}


def back_bindings(screen_id: str) -> list[Binding]:
    """Escape, once per destination; `goes_back_to` enables the right one."""
    return [
        Binding("escape", f"back('{name}')", name, id=f"{screen_id}.back.{name.lower().replace(' ', '_')}")
        for name in DESTINATIONS
    ]


def goes_back_to(screen: Screen, name: str) -> bool:
    """Is the screen under `screen` the one called `name`? (Anything else counts as the library.)"""
    stack = screen.app.screen_stack
    index = stack.index(screen) if screen in stack else len(stack)
    under = type(stack[index - 1]).__name__ if index > 0 else "LibraryScreen"
    if under not in DESTINATIONS.values():
        under = "LibraryScreen"
    return DESTINATIONS.get(name) == under
