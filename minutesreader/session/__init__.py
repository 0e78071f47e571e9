"""The session: the one object between the screens and the data (issue 10).

It owns the store, the catalog, the search index, the briefs and the undo history; it
hands out immutable snapshots and answers every write with a Change. It never imports
Textual (a test checks), so the CLI and tests can use it without a screen.
"""

from minutesreader.session.changes import Change
from minutesreader.session.session import ChangedElsewhere, Session
from minutesreader.session.snapshots import ReportMarks, TaggedMarks

__all__ = ["Change", "ChangedElsewhere", "ReportMarks", "Session", "TaggedMarks"]
