"""The redline screen: a report against an earlier one, sentence by sentence (issue 14)."""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from minutesreader.core.analysis import AnalyzedSentence
from minutesreader.core.citations import Quote
from minutesreader.core.compare import Change, summary_counts
from minutesreader.core.compared_files import compare_files, compared_already
from minutesreader.core.library import ReportUnreadable
from minutesreader.core.reports import Report
from minutesreader.core.series import Member, Series
from minutesreader.dialogs.choose import ChooseDialog
from minutesreader.screens.typed_app import app_of
from minutesreader.widgets.redline import Redline

if TYPE_CHECKING:
    from minutesreader.app import MinutesReaderApp

_series_cache: dict[str, Any] = {}
NewAnalysed = tuple[Report, Sequence[list[AnalyzedSentence]]] | None


def _series_key(app: MinutesReaderApp) -> tuple[Any, ...]:
    session = app.session
    listing, names = session.listing, session.series_names()
    return (id(session), listing.version, len(listing.summaries), tuple(sorted(names.items())))


def library_series(app: MinutesReaderApp) -> Series:
    """The series of the app's library, rebuilt only when the listing or the names change
    (10,000 titles take ~0.1 s: the reader asks for it from a worker)."""
    key = _series_key(app)
    if _series_cache.get("key") != key:
        members = [Member(s.id, s.date, s.title) for s in app.session.listing.summaries.values() if not s.error]
        _series_cache.update(key=key, series=Series(members, dict(key[3])))
    return _series_cache["series"]  # type: ignore[no-any-return]


def series_if_ready(app: MinutesReaderApp) -> Series | None:
    """The series of the library if already worked out for the current listing."""
    return _series_cache["series"] if _series_cache.get("key") == _series_key(app) else None  # type: ignore[no-any-return]


def compare_in_library(app: MinutesReaderApp, old_id: str, new_id: str,
                       new_analysed: NewAnalysed = None) -> tuple[Report, Report, tuple[Change, ...]]:
    """The comparison of two reports of the library (kept for a few pairs, worked out
    once whoever asks); raises ReportUnreadable. `new_analysed`: the reader's report and
    its analysis, used instead of reading and analysing the file again."""
    return compare_files(app.session.report_path(old_id), app.session.report_path(new_id), app.classifier, new_analysed,
                         app.session.kept_sentences)


def choose_report_to_compare(app: MinutesReaderApp, report: str, chosen) -> None:
    """Ask which report to compare `report` with: its series first, then all others, newest first."""
    series = library_series(app)
    own = [m for m in reversed(series.of(report)) if m.report != report]
    own_ids = {m.report for m in own}
    others = [s for s in app.session.listing.ordered if s.id != report and s.id not in own_ids and not s.error]
    options = [(m.report, Text(f"{m.date or 'undated'}  {m.title}  (same series)")) for m in own]
    options += [(s.id, Text(f"{s.date_label}  {s.title}")) for s in others]
    if not options:
        app.notify("There is no other report to compare with", severity="warning")
        return
    app.push_screen(ChooseDialog("Compare with which report?", options, hint="Enter compares · Escape cancels"), chosen)


class CompareScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="compare.back"),
        Binding("right_square_bracket", "step(1)", "Next change", id="compare.next"),
        Binding("left_square_bracket", "step(-1)", "Previous change", id="compare.previous"),
        Binding("d", "toggle_directives", "Changed directives only", id="compare.directives"),
        Binding("c", "copy_change", "Copy change", id="compare.copy"),
        Binding("p", "choose_other", "Compare with…", id="compare.other"),
    ]

    DEFAULT_CSS = """
    CompareScreen #compare-heading { height: auto; padding: 0 1; background: $panel; }
    CompareScreen #compare-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    directives_only = reactive(False, init=False)

    def __init__(self, old_id: str, new_id: str, new_analysed: NewAnalysed = None) -> None:
        super().__init__()
        self.old_id = old_id
        self.new_id = new_id
        self._new_analysed = new_analysed  # from the reader: its report, analysed (or being analysed)
        self.old: Report | None = None
        self.new: Report | None = None
        self.changes: list[Change] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Comparing {self.old_id} with {self.new_id}…"), id="compare-heading")
        yield Redline(id="redline")
        # No footer: its keys are rebuilt at every focus and binding change, which cost
        # more than the comparison; the status line names the keys, and ? lists them all.
        yield Static("", id="compare-status")

    def on_mount(self) -> None:
        # The list is focused from the start: a focus change later makes the footer
        # rebuild its keys, which costs more than the comparison. Its status says
        # "Comparing…" meanwhile (text, not an animation competing with the thread).
        self.query_one(Redline).focus()
        app = app_of(self)
        done = compared_already(app.session.report_path(self.old_id), app.session.report_path(self.new_id), app.classifier)
        if done is not None:  # compared ahead by the reader: drawn in the first frame, no "Comparing…" frame first
            self._compared(self.Compared(copy(done[0]), copy(done[1]), list(done[2])))
            return
        self._status("Comparing…")
        # At once, not after this first frame: nearly always the reader's head start is
        # under way and this only waits for it; started after the frame, it learnt the
        # result up to 0.1 s late on a busy machine.
        self.compare()

    class Compared(Message):
        """The comparison is done (copies of the reports: the cached ones are never changed)."""

        def __init__(self, old: Report, new: Report, changes: list[Change]) -> None:
            super().__init__()
            self.old, self.new, self.changes = old, new, changes

    class Failed(Message):
        """A report cannot be read."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    @work(thread=True, exclusive=True, group="compare")
    def compare(self) -> None:
        try:
            old, new, changes = compare_in_library(app_of(self), self.old_id, self.new_id, self._new_analysed)
        except ReportUnreadable as exc:
            self.post_message(self.Failed(str(exc)))
            return
        self.post_message(self.Compared(copy(old), copy(new), list(changes)))

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.app.notify(f"Cannot compare: {message.reason}", severity="error", markup=False)
        self.app.pop_screen()

    @on(Compared)
    def _compared(self, message: Compared) -> None:
        old, new, changes = message.old, message.new, message.changes
        old.title = self.app.title_of(old)
        new.title = self.app.title_of(new)
        self.old, self.new, self.changes = old, new, changes
        heading = Text("Was  ", style="dim")
        heading.append(old.date_label, style="bold")
        heading.append(f"  {old.title}  ·  {old.id}\n")
        heading.append("Now  ", style="dim")
        heading.append(new.date_label, style="bold")
        heading.append(f"  {new.title}  ·  {new.id}\n")
        counts = summary_counts(changes)
        heading.append("  ·  ".join(f"{n} {kind}" for kind, n in counts.items()), style="dim")
        self.query_one("#compare-heading", Static).update(heading)
        self._show()

    def _show(self) -> None:
        if self.directives_only:
            shown = [i for i, c in enumerate(self.changes) if c.change != "same" and c.is_directive]
        else:
            shown = list(range(len(self.changes)))
        redline = self.query_one(Redline)
        redline.show(self.changes, shown)
        if shown:
            redline.highlighted = 0
            redline.scroll_home(animate=False)
        what = "changed directives only (d shows all)" if self.directives_only else "every sentence (d: changed directives only)"
        self._status(f"{len(shown):,} shown, {what} · ] next change · [ previous · c copy · p compare with another · Esc back · ? keys")

    def _status(self, message: str) -> None:
        self.query_one("#compare-status", Static).update(Text(message))

    def watch_directives_only(self) -> None:
        if self.changes:
            self._show()

    def action_toggle_directives(self) -> None:
        self.directives_only = not self.directives_only

    def action_step(self, step: int) -> None:
        redline = self.query_one(Redline)
        redline.show_all()
        count = redline.option_count
        if not count:
            return
        here = redline.highlighted if redline.highlighted is not None else (-1 if step > 0 else count)
        index = here + step
        while 0 <= index < count:
            change = self.changes[int(redline.get_option_at_index(index).id or 0)]
            if change.change != "same":
                redline.highlighted = index
                redline.scroll_to_highlight(top=True)
                return
            index += step
        self.notify("No further change this way", timeout=2)

    def action_copy_change(self) -> None:
        index = self.query_one(Redline).change_index
        if index is None or self.old is None or self.new is None:
            return
        change = self.changes[index]
        template = self.app.template
        lines = []
        if change.old is not None and change.old_paragraph is not None:
            lines.append("Was: " + Quote(change.old, self.old.title, self.old.date, change.old_paragraph, self.old.id,
                                           self.old.paragraphs[change.old_paragraph - 1].published).cite(template))
        if change.new is not None and change.new_paragraph is not None:
            lines.append("Now: " + Quote(change.new, self.new.title, self.new.date, change.new_paragraph, self.new.id,
                                           self.new.paragraphs[change.new_paragraph - 1].published).cite(template))
        self.app.copy("\n".join(lines), f"Copied the {change.change} sentence, with both citations" if len(lines) == 2
                      else f"Copied the {change.change} sentence, with its citation")

    def action_choose_other(self) -> None:
        def chosen(report: str | None) -> None:
            if report:
                self.app.switch_screen(CompareScreen(report, self.new_id))

        choose_report_to_compare(app_of(self), self.new_id, chosen)

    def action_back(self) -> None:
        self.app.pop_screen()
