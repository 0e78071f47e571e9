"""The reader's notes, tags and orphans: what the user attaches to paragraphs.

A mixin of ReaderScreen (plain methods and key actions only; message handlers stay on
the screen), kept apart so each file holds one idea.
"""

from __future__ import annotations

from minutesreader.core.anchoring import context_of
from minutesreader.core.shorten import shorten
from minutesreader.core.text import strip_controls
from minutesreader.dialogs.choose import ChooseDialog, ConfirmDialog
from minutesreader.dialogs.note_editor import NoteEditor
from minutesreader.dialogs.orphans import orphans_dialog
from minutesreader.dialogs.tag_dialog import TagChange, TagDialog
from minutesreader.storage.model import AnchorResult, AnnotationNotFound
from minutesreader.storage.tinystorage import Signature
from minutesreader.storage.undo_records import Scope
from minutesreader.widgets.document import DocumentView, ParagraphMarks


class ReaderAnnotations:
    """Needs: self.app, self.report, self.report_id, self.query_one, self.notify, self._show_status."""

    def _place_notes(self, paragraphs: list[str]) -> tuple[AnchorResult, Signature | None]:
        """This report's notes and tags placed on its current paragraphs (any thread: the
        loading worker calls it), with the revision of the notes taken before reading them:
        another window's save that lands meanwhile then shows at the next look instead of
        being taken for one we have seen."""
        revision = self.app.store.revision(self.report_id)
        return self.app.store.anchor(self.report_id, paragraphs), revision

    def _show_marks(self, placed: AnchorResult, revision: Signature | None) -> dict[int, ParagraphMarks]:
        """The marks of the placed notes and tags (UI thread)."""
        marks: dict[int, ParagraphMarks] = {}
        self.notes_by_paragraph = {}
        self.tags_by_paragraph = {}
        for note in placed.notes:
            index = note.paragraph - 1
            # Stored text may come from any script (`minutesreader note`): shown as text only.
            marks.setdefault(index, ParagraphMarks()).notes.append((note.id, strip_controls(note.text)))
            self.notes_by_paragraph.setdefault(index, []).append(note)
        for mark in placed.tags:
            index = mark.paragraph - 1
            marks.setdefault(index, ParagraphMarks()).tags.append(strip_controls(mark.tag))
            self.tags_by_paragraph.setdefault(index, []).append(mark.tag)
        self.orphan_count = len(placed.orphan_notes) + len(placed.orphan_tags)
        self._revision = revision
        return marks

    def _refresh_marks(self) -> None:
        """Place the notes again (after a save here or elsewhere); not before a big report is all read."""
        if not self._complete:
            return
        assert self.report is not None
        placed, revision = self._place_notes([p.text for p in self.report.paragraphs])
        self.query_one(DocumentView).set_marks(self._show_marks(placed, revision))
        self._show_status()

    def _refresh_marks_if_changed(self) -> None:
        """Show notes another window (or `minutesreader note`) saved to this report."""
        if self._complete and self.app.store.revision(self.report_id) != self._revision:
            self._refresh_marks()

    def _anchor_args(self, index: int) -> tuple[int, str, tuple[str, str]]:
        assert self.report is not None
        paragraphs = self.report.paragraphs
        context = context_of([p.text for p in paragraphs], index)
        return paragraphs[index].number, paragraphs[index].text, context

    def _paragraph_excerpt(self, index: int) -> str:
        assert self.report is not None
        text = self.report.paragraphs[index].text
        return f"¶{self.report.paragraphs[index].number}: {shorten(text, 200)}"

    def _undo(self, what: str) -> tuple[str, Scope]:
        """How a change to this report's notes and tags is named in the undo history."""
        return what, Scope(reports=(self.report_id,))

    def action_add_note(self) -> None:
        if self.report is None:
            return
        index = self.query_one(DocumentView).paragraph
        number, quote, context = self._anchor_args(index)

        def save(text: str) -> bool:
            if not text:
                return True
            saved = self.app.save_changes(lambda store: store.add_note(self.report_id, number, quote, text, context=context),
                                          "Note saved", undo=self._undo(f"new note on ¶{number}"))
            self._refresh_marks()
            return saved

        self.app.push_screen(NoteEditor(f"New note on ¶{number}", self._paragraph_excerpt(index), on_save=save))

    def _choose_note(self, verb: str, then) -> None:
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
        number, quote, context = self._anchor_args(index)

        def edit(note) -> None:
            def save(text: str) -> bool:
                if text == note.text:
                    return True

                def update(store) -> str:
                    try:
                        store.update_note(note.id, text)
                    except AnnotationNotFound:
                        # Deleted in another window while being edited: the user's words are kept.
                        store.add_note(self.report_id, number, quote, text, context=context)
                        return "The note had been deleted in another window: your text is saved as a new note"
                    return "Note saved"

                if text:
                    saved = self.app.save_changes(update, lambda said: said, undo=self._undo(f"edit of the note on ¶{number}"))
                else:
                    saved = self.app.save_changes(lambda store: store.delete_note(note.id), "Note deleted (u undoes)",
                                                  undo=self._undo(f"deleted note on ¶{number}"))
                self._refresh_marks()
                return saved

            self.app.push_screen(NoteEditor(f"Edit note on ¶{note.paragraph}", self._paragraph_excerpt(index), note.text, on_save=save))

        self._choose_note("edit", edit)

    def action_delete_note(self) -> None:
        if self.report is None:
            return

        def delete(note) -> None:
            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.app.save_changes(lambda store: store.delete_note(note.id), "Note deleted (u undoes)",
                                          undo=self._undo(f"deleted note on ¶{note.paragraph}"))
                    self._refresh_marks()

            self.app.push_screen(ConfirmDialog("Delete this note?", shorten(strip_controls(note.text), 300)), confirmed)

        self._choose_note("delete", delete)

    def action_tags(self) -> None:
        if self.report is None:
            return
        index = self.query_one(DocumentView).paragraph
        current = self.tags_by_paragraph.get(index, [])

        def save(change: TagChange | None) -> None:
            if change is None or not (change.added or change.removed):
                return
            number, quote, context = self._anchor_args(index)

            def apply(store) -> None:
                if change.added:
                    store.add_tags(self.report_id, number, quote, change.added, context=context)
                for tag in change.removed:
                    store.remove_tag(self.report_id, number, tag)

            summary = ", ".join([f"+{t}" for t in change.added] + [f"-{t}" for t in change.removed])
            self.app.save_changes(apply, f"Tags saved ({summary})", undo=self._undo(f"tags of ¶{number} ({summary})"))
            self._refresh_marks()

        heading = f"Tags of ¶{self.report.paragraphs[index].number}"
        self.app.push_screen(TagDialog(heading, current, list(self.app.store.tag_counts())), save)

    def action_orphans(self) -> None:
        """Review what could not be placed: re-attach to the cursor paragraph, or delete."""
        if self.report is None:
            return
        notes, tags = self.app.store.orphans(self.report.id)
        if not notes and not tags:
            self.notify("Every note and tag of this report is in place")
            return
        index = self.query_one(DocumentView).paragraph
        number, quote, context = self._anchor_args(index)

        def decided(choice: str | None, annotation_id: str) -> None:
            if choice == "attach":
                self.app.save_changes(lambda store: store.reattach(annotation_id, number, quote, context), f"Re-attached to ¶{number}",
                                      undo=self._undo(f"re-attach to ¶{number}"))
            elif choice == "delete":
                def confirmed(yes: bool | None) -> None:
                    if yes:
                        self.app.save_changes(lambda store: store.delete_annotation(annotation_id), "Deleted (u undoes)",
                                              undo=self._undo("deleted orphan"))
                        self._refresh_marks()

                self.app.push_screen(ConfirmDialog("Delete it for good?", "u undoes it afterwards"), confirmed)
                return
            else:
                return
            self._refresh_marks()

        def chosen(annotation_id: str | None) -> None:
            if annotation_id is None:
                return
            # Nothing destructive first: Down + Enter must never delete.
            options = [("keep", "Keep it for now"), ("attach", f"Re-attach to ¶{number} (the paragraph under the cursor)"), ("delete", "Delete it…")]
            self.app.push_screen(ChooseDialog("What to do with it?", options), lambda choice: decided(choice, annotation_id))

        self.app.push_screen(orphans_dialog(notes, tags), chosen)
