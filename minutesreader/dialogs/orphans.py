"""Notes, tags and highlights that could not be placed in the changed text of their report."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from minutesreader.core.records import Highlight, Note, TagMark
from minutesreader.core.shorten import shorten
from minutesreader.core.text import strip_controls
from minutesreader.dialogs.choose import ChooseDialog

EXCERPT = 160


def orphans_dialog(notes: Sequence[Note], tags: Sequence[TagMark], highlights: Sequence[Highlight] = ()) -> ChooseDialog:
    """Each orphan with the paragraph (or words) it was on; dismisses with the chosen one's id."""
    options: list[tuple[str, str | Text]] = [(note.id, _label("✎ " + note.text, note.paragraph, note.quote)) for note in notes]
    options += [(mark.id, _label("#" + mark.tag, mark.paragraph, mark.quote)) for mark in tags]
    options += [(kept.id, _label("❝ highlight", kept.paragraph, kept.quote)) for kept in highlights]
    return ChooseDialog(
        f"{len(options)} note(s), tag(s) and highlight(s) could not be placed in the changed text",
        options,
        hint="Enter: re-attach to the paragraph under the cursor, or delete · Escape closes",
    )


def _label(what: str, paragraph: int, quote: str) -> Text:
    label = Text(strip_controls(what).replace("\n", " "), style="bold")
    excerpt = strip_controls(quote)
    label.append(f"\n   was on ¶{paragraph}: ", style="dim")
    label.append(shorten(excerpt, EXCERPT), style="dim italic")
    return label
