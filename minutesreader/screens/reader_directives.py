"""The reader's `}` and `{`: the cursor to the next or previous directive.

Beside `]` and `[` (the next find hit here, the next change in the redline): the outline
(`o`) lists the directives, these step through them without leaving the text."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from minutesreader.core.analysis import next_directive
from minutesreader.core.language import has_directive_rules
from minutesreader.widgets.document import DocumentView

# How far } and { look while the report is still being analysed: each paragraph not yet
# worked out costs ~0.2 ms on the UI thread (~0.4 s for these).
LOOK_AHEAD_PARAGRAPHS = 2_000

DIRECTIVE_BINDINGS = [
    Binding("right_curly_bracket", "next_directive(1)", "Next directive", show=False, id="reader.next_directive"),
    Binding("left_curly_bracket", "next_directive(-1)", "Previous directive", show=False, id="reader.previous_directive"),
]


class ReaderDirectives:
    """Mixed into ReaderScreen: needs its `report`, `analysis` and `analysed`."""

    report: Any
    analysis: Any
    analysed: bool
    query_one: Any
    notify: Any

    def action_next_directive(self, step: int) -> None:
        if self.report is None:
            return
        if not has_directive_rules(self.report.language):
            self.notify("No directive rules for this report's language", severity="warning", markup=False)
            return
        document = self.query_one(DocumentView)
        # Until the worker has analysed every paragraph, each one looked at here is worked
        # out on the UI thread: a bounded look, so a key never stalls a big report.
        within = None if self.analysed else LOOK_AHEAD_PARAGRAPHS
        found = next_directive(self.analysis, document.paragraph, document.sentence, step, within)
        if found is not None:
            document.go_to(*found)
        elif within is not None and 0 <= document.paragraph + step * within < len(self.analysis):
            self.notify(f"No directive in the next {within:,} paragraphs; the rest is still being analysed",
                        severity="warning", markup=False)
        else:
            self.notify(f"No directive {'after' if step > 0 else 'before'} this sentence", severity="warning", markup=False)
