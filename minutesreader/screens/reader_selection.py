"""Any span of a paragraph (issue 13): `v` selects the first word of the cursor sentence;
`l`/`h` grow/shrink the selection by a word at its end (crossing sentences), `L`/`H`
move its start; `c` copies it as a quote with its citation, `b` adds it to the brief,
`m` keeps it as a highlight, `n` writes a note on it and `t` tags it (those three end
the selection once saved); Escape ends it. The selection is drawn like find hits
(DocumentView.set_hits).

Its keys are ordinary bindings of the reader, switched on by check_action while words are
selected; then the keys they take over are switched off (the document's `l` and `h`, the
reader's `c`, `b`, `n`, `t` and Escape). Not priority bindings: those are looked up as each
key arrives, before the keys typed just ahead of it have been handled, so in a burst
(`jlvlllm` typed at once) `l` came before `v` had started the selection."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.actions import SkipAction
from textual.binding import Binding

from minutesreader.core.anchoring import context_of
from minutesreader.core.citations import Quote
from minutesreader.core.shorten import shorten
from minutesreader.core.span_anchoring import span_context
from minutesreader.core.text import strip_controls

if TYPE_CHECKING:
    from minutesreader.dialogs.tag_dialog import TagChange

WORD = re.compile(r"\S+")


@dataclass
class Selection:
    paragraph: int  # 0-based
    words: list[tuple[int, int]]  # every word of the paragraph: (start, end) characters
    first: int  # index in words
    last: int

    @property
    def span(self) -> tuple[int, int]:
        return self.words[self.first][0], self.words[self.last][1]


SELECTION_BINDINGS = [
    Binding("v", "select", "Select words (then l/h, L/H, c, b, m, n, t, Esc)", show=False, id="reader.select"),
    Binding("l", "select_end(1)", "Selecting: one word more at the end", show=False, id="reader.select_grow"),
    Binding("h", "select_end(-1)", "Selecting: one word less at the end", show=False, id="reader.select_shrink"),
    Binding("L", "select_start(1)", "Selecting: start one word later", show=False, id="reader.select_later"),
    Binding("H", "select_start(-1)", "Selecting: start one word earlier", show=False, id="reader.select_earlier"),
    Binding("c", "select_copy", "Selecting: copy it as a quote", show=False, id="reader.select_copy"),
    Binding("b", "select_brief", "Selecting: add it to the brief", show=False, id="reader.select_brief"),
    Binding("m", "select_highlight", "Selecting: keep it as a highlight", show=False, id="reader.select_highlight"),
    Binding("n", "select_note", "Selecting: a note on it", show=False, id="reader.select_note"),
    Binding("t", "select_tags", "Selecting: tags on it", show=False, id="reader.select_tags"),
    Binding("escape", "select_end_selection", "Selecting: end the selection", show=False, id="reader.select_escape"),
]


@dataclass(frozen=True)
class SelectedWords:
    """What a highlight, note or tag on the selection is saved with."""

    index: int  # the paragraph's, 0-based
    number: int  # the paragraph's number, as the store keeps it
    start: int
    quote: str
    context: tuple[str, str]  # the paragraph's text around the words
    # A note or tag on all the words of a paragraph is on the paragraph (as `n` and `t`
    # without a selection): (quote, context, start) it is saved with.
    note_anchor: tuple[str, tuple[str, str], int | None]

    @property
    def label(self) -> str:
        return f"“{shorten(strip_controls(self.quote), 40)}” (¶{self.number})"


# The reader's own actions for keys the selection takes over while words are selected.
TAKEN_OVER = frozenset({"copy_sentence", "brief_sentence", "add_note", "tags", "back", "close_find", "close_outline"})


class ReaderSelection:
    """Mixed into ReaderScreen: needs `self.app`, `self.report`, `self.query_one`,
    `self.session`, `source()`, `_to_brief`, `_find_hits_by_paragraph` and ReaderAnnotations'
    `_refresh_marks`, `highlights_by_paragraph` and `span_tags`."""

    app: Any
    report: Any
    query_one: Any
    source: Any
    notify: Any
    _to_brief: Any
    session: Any
    _refresh_marks: Any
    highlights_by_paragraph: Any
    span_tags: Any
    tags_by_paragraph: Any
    refresh_bindings: Any
    selection: Selection | None = None

    def action_select(self) -> None:
        from minutesreader.widgets.document import DocumentView

        if self.report is None:
            return
        document = self.query_one(DocumentView)
        text = self.report.paragraphs[document.paragraph].text
        words = [match.span() for match in WORD.finditer(text)]
        if not words:
            return
        sentence = document.current_sentence
        begin = sentence.start if sentence is not None else 0
        first = next((i for i, (start, _) in enumerate(words) if start >= begin), 0)
        self.selection = Selection(document.paragraph, words, first, first)
        document.selecting = True
        self._show_selection()
        self.refresh_bindings()  # Escape now ends the selection, and the footer says so

    def selection_allows(self, action: str) -> bool | None:
        """For check_action: the selection's keys are on only while words are selected and
        the text has the cursor (so the footer and `?` show them then, and typing in the
        find bar is never taken), and the reader's actions for the same keys are off then;
        None for any other action."""
        from minutesreader.widgets.document import DocumentView

        selecting = self.selection is not None and isinstance(self.app.focused, DocumentView)
        if action.startswith("select_"):
            return selecting
        return False if selecting and action in TAKEN_OVER else None

    def _words_selected(self) -> Selection:
        from minutesreader.widgets.document import DocumentView

        # Nothing selected, or typing in the find bar: the key keeps its usual meaning.
        if self.selection is None or not isinstance(self.app.focused, DocumentView):
            raise SkipAction()
        return self.selection

    def action_select_end(self, step: int) -> None:
        selection = self._words_selected()
        selection.last = max(selection.first, min(len(selection.words) - 1, selection.last + step))
        self._show_selection()

    def action_select_start(self, step: int) -> None:
        selection = self._words_selected()
        selection.first = max(0, min(selection.last, selection.first + step))
        self._show_selection()

    def _selected_quote(self) -> Quote:
        selection = self._words_selected()
        paragraph = self.report.paragraphs[selection.paragraph]
        start, end = selection.span
        return Quote(paragraph.text[start:end], self.report.title, self.report.date, paragraph.number, self.report.id,
                     paragraph.published, self.source())

    def action_select_copy(self) -> None:
        self.app.copy_quote(self._selected_quote(), "selection")

    def action_select_brief(self) -> None:
        self._to_brief(self._selected_quote(), "selection")

    def _selected_words(self) -> SelectedWords:
        selection = self._words_selected()
        paragraph = self.report.paragraphs[selection.paragraph]
        start, end = selection.span
        words, context = paragraph.text[start:end], span_context(paragraph.text, start, end)
        if (start, end) == (0, len(paragraph.text)):
            anchor = (paragraph.text, context_of([p.text for p in self.report.paragraphs], selection.paragraph), None)
        else:
            anchor = (words, context, start)
        return SelectedWords(selection.paragraph, paragraph.number, start, words, context, anchor)

    def action_select_highlight(self) -> None:
        words = self._selected_words()
        kept = self.highlights_by_paragraph.get(words.index, [])
        if any(h.start == words.start and h.quote == words.quote for h in kept):
            self.notify(f"{words.label} is already a highlight (x deletes it)", severity="warning", markup=False)
            return
        if self.app.save_changes(
                lambda session: session.add_highlight(self.report.id, words.number, words.start, words.quote, words.context,
                                                      undo=f"highlight of {words.label}"),
                f"Highlighted {words.label} (x deletes it, u undoes)"):
            self._saved_on_selection()

    def action_select_note(self) -> None:
        from minutesreader.dialogs.note_editor import NoteEditor

        words = self._selected_words()
        self.app.push_screen(NoteEditor(f"New note on {words.label}", words.quote, on_save=partial(self._save_note_on, words)))

    def _save_note_on(self, words: SelectedWords, text: str) -> bool:
        if not text:
            return True
        quote, context, start = words.note_anchor
        saved = self.app.save_changes(
            lambda session: session.add_note(self.report.id, words.number, quote, text, context=context,
                                             undo=f"new note on {words.label}", start=start),
            "Note saved") is not None
        if saved:  # not saved: the editor stays open with the text, and the words stay selected
            self._saved_on_selection()
        return saved

    def action_select_tags(self) -> None:
        from minutesreader.dialogs.tag_dialog import TagDialog

        words = self._selected_words()
        quote, context, start = words.note_anchor
        if start is None:
            current = self.tags_by_paragraph.get(words.index, [])
        else:
            current = self.span_tags.get((words.index, start, quote), [])
        self.app.push_screen(TagDialog(f"Tags of {words.label}", current, list(self.session.tag_counts())),
                             partial(self._save_tags_on, words))

    def _save_tags_on(self, words: SelectedWords, change: TagChange | None) -> None:
        if change is None or not (change.added or change.removed):
            return
        quote, context, start = words.note_anchor
        summary = ", ".join([f"+{t}" for t in change.added] + [f"-{t}" for t in change.removed])
        if self.app.save_changes(
                lambda session: session.retag(self.report.id, words.number, quote, change.added, change.removed, context,
                                              undo=f"tags of {words.label} ({summary})", start=start),
                f"Tags saved ({summary})"):
            self._saved_on_selection()

    def action_select_end_selection(self) -> None:
        self._words_selected()
        self._end_selection()

    def _saved_on_selection(self) -> None:
        """What was saved on the words shows in their place, no longer under the selection
        (a failed save keeps the selection, to try again)."""
        self._refresh_marks()
        self._end_selection()

    def _end_selection(self) -> None:
        """No words selected any more."""
        from minutesreader.widgets.document import DocumentView

        self.selection = None
        document = self.query_one(DocumentView)
        document.selecting = False
        document.set_hits(self._find_hits_by_paragraph())
        self.refresh_bindings()

    def _show_selection(self) -> None:
        from minutesreader.widgets.document import DocumentView

        selection = self._words_selected()
        self.query_one(DocumentView).set_hits({selection.paragraph: [selection.span]})
