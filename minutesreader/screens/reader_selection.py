"""Any span of a paragraph (issue 13): `v` selects the first word of the cursor sentence;
`l`/`h` grow/shrink the selection by a word at its end (crossing sentences), `L`/`H`
move its start; `c` copies it as a quote with its citation, `b` adds it to the brief;
Escape ends it. The selection is drawn like find hits (DocumentView.set_hits).

Its keys are priority bindings of the reader (they must win over the document's own `l`
and `h`), switched off by check_action when nothing is selected."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from textual.actions import SkipAction
from textual.binding import Binding

from minutesreader.core.citations import Quote

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
    Binding("v", "select", "Select words (then l/h, L/H, c, b, Esc)", show=False, id="reader.select"),
    Binding("l", "select_end(1)", "Selecting: one word more at the end", show=False, priority=True, id="reader.select_grow"),
    Binding("h", "select_end(-1)", "Selecting: one word less at the end", show=False, priority=True, id="reader.select_shrink"),
    Binding("L", "select_start(1)", "Selecting: start one word later", show=False, priority=True, id="reader.select_later"),
    Binding("H", "select_start(-1)", "Selecting: start one word earlier", show=False, priority=True, id="reader.select_earlier"),
    Binding("c", "select_copy", "Selecting: copy it as a quote", show=False, priority=True, id="reader.select_copy"),
    Binding("b", "select_brief", "Selecting: add it to the brief", show=False, priority=True, id="reader.select_brief"),
    Binding("escape", "select_end_selection", "Selecting: end the selection", show=False, priority=True, id="reader.select_escape"),
]


class ReaderSelection:
    """Mixed into ReaderScreen: needs `self.app`, `self.report`, `self.query_one`,
    `source()`, `_to_brief` and `_find_hits_by_paragraph`."""

    app: Any
    report: Any
    query_one: Any
    source: Any
    _to_brief: Any
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
        self._show_selection()
        self.refresh_bindings()  # Escape now ends the selection, and the footer says so

    def selection_allows(self, action: str) -> bool | None:
        """For check_action: the selection's keys are on only while words are selected and
        the text has the cursor (so the footer and `?` show them then, and typing in the
        find bar is never taken); None for an action that is not the selection's."""
        from minutesreader.widgets.document import DocumentView

        if not action.startswith("select_"):
            return None
        return self.selection is not None and isinstance(self.app.focused, DocumentView)

    def _selecting(self) -> Selection:
        from minutesreader.widgets.document import DocumentView

        # Nothing selected, or typing in the find bar: the key keeps its usual meaning.
        if self.selection is None or not isinstance(self.app.focused, DocumentView):
            raise SkipAction()
        return self.selection

    def action_select_end(self, step: int) -> None:
        selection = self._selecting()
        selection.last = max(selection.first, min(len(selection.words) - 1, selection.last + step))
        self._show_selection()

    def action_select_start(self, step: int) -> None:
        selection = self._selecting()
        selection.first = max(0, min(selection.last, selection.first + step))
        self._show_selection()

    def _selected_quote(self) -> Quote:
        selection = self._selecting()
        paragraph = self.report.paragraphs[selection.paragraph]
        start, end = selection.span
        return Quote(paragraph.text[start:end], self.report.title, self.report.date, paragraph.number, self.report.id,
                     paragraph.published, self.source())

    def action_select_copy(self) -> None:
        self.app.copy_quote(self._selected_quote(), "selection")

    def action_select_brief(self) -> None:
        self._to_brief(self._selected_quote(), "selection")

    def action_select_end_selection(self) -> None:
        from minutesreader.widgets.document import DocumentView

        self._selecting()
        self.selection = None
        self.query_one(DocumentView).set_hits(self._find_hits_by_paragraph())
        self.refresh_bindings()

    def _show_selection(self) -> None:
        from minutesreader.widgets.document import DocumentView

        selection = self._selecting()
        self.query_one(DocumentView).set_hits({selection.paragraph: [selection.span]})
