"""The reader's notes, tags, highlights and orphans: what the user attaches to paragraphs
(or to some words of one: see reader_selection.py).

A mixin of ReaderScreen (plain methods and key actions only; message handlers stay on
the screen), kept apart so each file holds one idea.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from minutesreader.core.anchoring import context_of
from minutesreader.core.records import Note
from minutesreader.core.shorten import shorten
from minutesreader.core.text import strip_controls
from minutesreader.dialogs.choose import ChooseDialog, ConfirmDialog
from minutesreader.dialogs.note_editor import NoteEditor
from minutesreader.dialogs.orphans import orphans_dialog
from minutesreader.dialogs.tag_dialog import TagChange, TagDialog
from minutesreader.session import ReportMarks
from minutesreader.widgets.document import DocumentView, ParagraphMarks


def _on_words(start: int | None, quote: str, after: bool = False) -> str:
    """How a note or tag on some words names them, beside its text ("" on a whole paragraph)."""
    if start is None:
        return ""
    words = f"“{shorten(strip_controls(quote), 40)}”"
    return f" on {words}" if after else f"{words} — "


# Where a new note or tag goes: (paragraph number, its text, the paragraphs around it).
Anchor = tuple[int, str, tuple[str, str]]


class ReaderAnnotations:
    """Needs: self.app, self.session, self.report, self.report_id, self.query_one, self.notify, self._show_status."""

    # Filled by _show_marks() (replaced whole, never changed in place): until then, nothing.
    highlights_by_paragraph: dict[int, list] = {}
    span_tags: dict[tuple[int, int, str], list[str]] = {}  # (paragraph index, start, words): tags

    def _place_notes(self, paragraphs: list[str]) -> ReportMarks:
        """This report's notes, tags and highlights placed on its current paragraphs (any
        thread: the loading worker calls it), with the revision of the notes taken before
        reading them: another window's save that lands meanwhile then shows at the next
        look instead of being taken for one we have seen."""
        return self.session.marks(self.report_id, paragraphs)

    def _show_marks(self, placed: ReportMarks) -> dict[int, ParagraphMarks]:
        """The marks of the placed notes, tags and highlights (UI thread)."""
        marks: dict[int, ParagraphMarks] = {}
        self.notes_by_paragraph = {}
        self.tags_by_paragraph = {}
        self.span_tags = {}
        self.highlights_by_paragraph = {}
        for note in placed.notes:
            index = note.paragraph - 1
            # Stored text may come from any script (`minutesreader note`): shown as text only.
            marks.setdefault(index, ParagraphMarks()).notes.append((note.id, _on_words(note.start, note.quote) + strip_controls(note.text)))
            self.notes_by_paragraph.setdefault(index, []).append(note)
            if note.start is not None:
                marks[index].noted.append((note.start, note.start + len(note.quote)))
        for mark in placed.tags:
            index = mark.paragraph - 1
            marks.setdefault(index, ParagraphMarks()).tags.append(strip_controls(mark.tag) + _on_words(mark.start, mark.quote, after=True))
            if mark.start is None:
                self.tags_by_paragraph.setdefault(index, []).append(mark.tag)
            else:
                marks[index].noted.append((mark.start, mark.start + len(mark.quote)))
                self.span_tags.setdefault((index, mark.start, mark.quote), []).append(mark.tag)
        for highlight in placed.highlights:
            index = highlight.paragraph - 1
            marks.setdefault(index, ParagraphMarks()).highlights.append((highlight.start, highlight.end))
            self.highlights_by_paragraph.setdefault(index, []).append(highlight)
        self.orphan_count = placed.orphan_count
        self._revision = placed.revision
        return marks

    def _refresh_marks(self) -> None:
        """Place the notes again (after a save here or elsewhere); not before a big report is all read."""
        if not self._complete:
            return
        assert self.report is not None
        placed = self._place_notes([p.text for p in self.report.paragraphs])
        self.query_one(DocumentView).set_marks(self._show_marks(placed))
        self._show_status()

    def _refresh_marks_if_changed(self) -> None:
        """Show notes another window (or `minutesreader note`) saved to this report."""
        if self._complete and self.session.annotations_revision(self.report_id) != self._revision:
            self._refresh_marks()

    def _anchor_args(self, index: int) -> Anchor:
        assert self.report is not None
        paragraphs = self.report.paragraphs
        context = context_of([p.text for p in paragraphs], index)
        return paragraphs[index].number, paragraphs[index].text, context

    def _paragraph_excerpt(self, index: int) -> str:
        assert self.report is not None
        text = self.report.paragraphs[index].text
        return f"¶{self.report.paragraphs[index].number}: {shorten(text, 200)}"

    def action_add_note(self) -> None:
        if self.report is None:
            return
        index = self.query_one(DocumentView).paragraph
        anchor = self._anchor_args(index)
        self.app.push_screen(NoteEditor(f"New note on ¶{anchor[0]}", self._paragraph_excerpt(index),
                                        on_save=partial(self._save_new_note, anchor)))

    def _save_new_note(self, anchor: Anchor, text: str) -> bool:
        if not text:
            return True
        number, quote, context = anchor
        saved = self.app.save_changes(
            lambda session: session.add_note(self.report_id, number, quote, text, context, undo=f"new note on ¶{number}"),
            "Note saved")
        self._refresh_marks()
        return saved

    def _choose_note(self, verb: str, then: Callable[[Note], None]) -> None:
        index = self.query_one(DocumentView).paragraph
        notes = self.notes_by_paragraph.get(index, [])
        if not notes:
            self.notify("This paragraph has no notes (n adds one)", severity="warning")
        elif len(notes) == 1:
            then(notes[0])
        else:
            by_id = {note.id: note for note in notes}
            options = [(note.id, shorten(strip_controls(note.text), 90)) for note in notes]
            self.app.push_screen(ChooseDialog(f"Which note to {verb}?", options), lambda key: key and then(by_id[key]))

    def action_edit_note(self) -> None:
        if self.report is None:
            return
        index = self.query_one(DocumentView).paragraph
        self._choose_note("edit", partial(self._edit_note, index, self._anchor_args(index)))

    def _edit_note(self, index: int, anchor: Anchor, note: Note) -> None:
        self.app.push_screen(NoteEditor(f"Edit note on ¶{note.paragraph}", self._paragraph_excerpt(index), note.text,
                                        on_save=partial(self._save_edited_note, anchor, note)))

    def _save_edited_note(self, anchor: Anchor, note: Note, text: str) -> bool:
        if text == note.text:
            return True
        number, quote, context = anchor
        if text:
            # Deleted in another window while being edited: the user's words are kept.
            saved = self.app.save_changes(
                lambda session: session.edit_note(note, text, number, quote, context, undo=f"edit of the note on ¶{number}"),
                lambda change: ("The note had been deleted in another window: your text is saved as a new note"
                                if change.kind == "note re-added" else "Note saved"))
        else:
            saved = self.app.save_changes(lambda session: session.delete_note(note, undo=f"deleted note on ¶{number}"),
                                          "Note deleted (u undoes)")
        self._refresh_marks()
        return saved

    def action_delete_note(self) -> None:
        """Delete a note or a highlight of the cursor paragraph (asks first; u undoes)."""
        if self.report is None:
            return
        index = self.query_one(DocumentView).paragraph
        # (what it is, its id, what the user recognises it by)
        found = [("note", note.id, strip_controls(note.text)) for note in self.notes_by_paragraph.get(index, [])]
        found += [("highlight", kept.id, f"highlight: “{strip_controls(kept.quote)}”")
                  for kept in self.highlights_by_paragraph.get(index, [])]
        if not found:
            self.notify("This paragraph has no notes or highlights (n adds a note, v then m a highlight)", severity="warning")
            return
        number = self.report.paragraphs[index].number
        if len(found) == 1:
            self._confirm_delete(number, found[0])
            return
        by_id = {choice[1]: choice for choice in found}
        options = [(annotation_id, shorten(words, 90)) for _, annotation_id, words in found]
        self.app.push_screen(ChooseDialog("Which to delete?", options), lambda key: key and self._confirm_delete(number, by_id[key]))

    def _confirm_delete(self, number: int, choice: tuple[str, str, str]) -> None:
        what, annotation_id, words = choice
        self.app.push_screen(ConfirmDialog(f"Delete this {what}?", shorten(words, 300)),
                             partial(self._delete_confirmed, number, what, annotation_id))

    def _delete_confirmed(self, number: int, what: str, annotation_id: str, yes: bool | None) -> None:
        if yes:
            self.app.save_changes(lambda session: session.delete_annotation(self.report_id, annotation_id,
                                                                            undo=f"deleted {what} on ¶{number}"),
                                  f"{what.capitalize()} deleted (u undoes)")
            self._refresh_marks()

    def action_tags(self) -> None:
        if self.report is None:
            return
        index = self.query_one(DocumentView).paragraph
        current = self.tags_by_paragraph.get(index, [])
        heading = f"Tags of ¶{self.report.paragraphs[index].number}"
        self.app.push_screen(TagDialog(heading, current, list(self.session.tag_counts())), partial(self._save_tags, index))

    def _save_tags(self, index: int, change: TagChange | None) -> None:
        if change is None or not (change.added or change.removed):
            return
        number, quote, context = self._anchor_args(index)
        summary = ", ".join([f"+{t}" for t in change.added] + [f"-{t}" for t in change.removed])
        self.app.save_changes(lambda session: session.retag(self.report_id, number, quote, change.added, change.removed,
                                                            context, undo=f"tags of ¶{number} ({summary})"),
                              f"Tags saved ({summary})")
        self._refresh_marks()

    def action_orphans(self) -> None:
        """Review what could not be placed: re-attach to the cursor paragraph, or delete."""
        if self.report is None:
            return
        notes, tags = self.session.orphans(self.report.id)
        highlights = self.session.orphan_highlights(self.report.id)
        if not notes and not tags and not highlights:
            self.notify("Every note, tag and highlight of this report is in place")
            return
        anchor = self._anchor_args(self.query_one(DocumentView).paragraph)
        self.app.push_screen(orphans_dialog(notes, tags, highlights), partial(self._orphan_chosen, anchor))

    def _orphan_chosen(self, anchor: Anchor, annotation_id: str | None) -> None:
        if annotation_id is None:
            return
        # Nothing destructive first: Down + Enter must never delete.
        options = [("keep", "Keep it for now"), ("attach", f"Re-attach to ¶{anchor[0]} (the paragraph under the cursor)"),
                   ("delete", "Delete it…")]
        self.app.push_screen(ChooseDialog("What to do with it?", options), partial(self._orphan_decided, anchor, annotation_id))

    def _orphan_decided(self, anchor: Anchor, annotation_id: str, choice: str | None) -> None:
        number, quote, context = anchor
        if choice == "attach":
            self.app.save_changes(lambda session: session.reattach(self.report_id, annotation_id, number, quote, context,
                                                               undo=f"re-attach to ¶{number}"),
                                  f"Re-attached to ¶{number}")
            self._refresh_marks()
        elif choice == "delete":
            self.app.push_screen(ConfirmDialog("Delete it for good?", "u undoes it afterwards"),
                                 partial(self._orphan_delete_confirmed, annotation_id))

    def _orphan_delete_confirmed(self, annotation_id: str, yes: bool | None) -> None:
        if yes:
            self.app.save_changes(lambda session: session.delete_annotation(self.report_id, annotation_id, undo="deleted orphan"),
                                  "Deleted (u undoes)")
            self._refresh_marks()
