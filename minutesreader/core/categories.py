"""The three kinds of directive, strongest first.

A module of its own so that what only lists or counts them (the library list, the
search command) does not compile the directive rules to know their names.
"""

from __future__ import annotations

CATEGORIES = ("obligation", "call", "task")  # strongest first
