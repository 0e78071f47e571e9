"""The reader: one report, paragraph and sentence cursor, notes, tags and quotes."""

from __future__ import annotations

import threading

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static
from textual.worker import get_current_worker

from minutesreader.core.analysis import AnalyzedSentence, ReportAnalysis
from minutesreader.core.citations import Quote
from minutesreader.core.directives import CATEGORIES
from minutesreader.core.language import LANGUAGE_NAMES, has_directive_rules
from minutesreader.core.library import ReportUnreadable, read_report
from minutesreader.core.records import BriefItem
from minutesreader.core.report_parts import NotUtf8, read_in_parts
from minutesreader.core.reports import Report
from minutesreader.core.search import find_in_paragraphs
from minutesreader.dialogs.prompt import PromptDialog
from minutesreader.screens.going_back import back_bindings, goes_back_to
from minutesreader.screens.reader_annotations import ReaderAnnotations
from minutesreader.screens.reader_details import ReaderDetails
from minutesreader.screens.reader_directives import DIRECTIVE_BINDINGS, ReaderDirectives
from minutesreader.screens.reader_messages import (
    DirectivesFound,
    DirectivesProgress,
    ParagraphsRead,
    ReportComplete,
    ReportFailed,
    ReportRead,
    ReportReading,
    SeriesFound,
)
from minutesreader.screens.reader_selection import SELECTION_BINDINGS, ReaderSelection
from minutesreader.screens.reader_series import ReaderSeries
from minutesreader.screens.store_changed import StoreChanged
from minutesreader.screens.typed_app import TypedApp, app_of
from minutesreader.widgets.document import DocumentView
from minutesreader.widgets.find_bar import FindBar
from minutesreader.widgets.footer import ShownFooter
from minutesreader.widgets.outline import DirectiveOutline

BIG_REPORT_BYTES = 1_000_000


class ReaderScreen(TypedApp, ReaderSelection, ReaderDirectives, ReaderDetails, ReaderSeries, ReaderAnnotations, Screen[None]):
    BINDINGS = [
        # Escape closes the innermost thing; only one of these is active, and the footer
        # names where it goes (see check_action).
        Binding("escape", "close_find", "Close find", id="reader.close_find"),
        Binding("escape", "close_outline", "Close outline", id="reader.close_outline"),
        *back_bindings("reader"),
        Binding("n", "add_note", "Note", id="reader.note"),
        Binding("e", "edit_note", "Edit note", id="reader.edit_note"),
        Binding("x", "delete_note", "Delete note or highlight", show=False, id="reader.delete_note"),
        Binding("t", "tags", "Tags", id="reader.tags"),
        Binding("c", "copy_sentence", "Copy sentence", id="reader.copy_sentence"),
        Binding("C", "copy_paragraph", "Copy ¶", id="reader.copy_paragraph"),
        Binding("o", "toggle_outline", "Outline", id="reader.outline"),
        Binding("r", "rename", "Rename", show=False, id="reader.rename"),
        Binding("O", "orphans", "Orphaned notes", show=False, id="reader.orphans"),
        Binding("slash", "find", "Find", id="reader.find"),
        Binding("right_square_bracket", "next_hit(1)", "Next hit", show=False, id="reader.next_hit"),
        Binding("left_square_bracket", "next_hit(-1)", "Previous hit", show=False, id="reader.previous_hit"),
        *DIRECTIVE_BINDINGS,
        Binding("b", "brief_sentence", "To brief", id="reader.brief_sentence"),
        Binding("B", "brief_paragraph", "¶ to brief", show=False, id="reader.brief_paragraph"),
        Binding("D", "compare", "Compare", id="reader.compare"),
        Binding("S", "series_name", "Series name", show=False, id="reader.series"),
        Binding("i", "details", "Details", show=False, id="reader.details"),
        *SELECTION_BINDINGS,
    ]

    DEFAULT_CSS = """
    ReaderScreen #reader-heading { height: auto; padding: 0 1; background: $panel; }
    ReaderScreen #legend { height: 1; padding: 0 1; }
    ReaderScreen #reader-body { height: 1fr; }
    ReaderScreen #opening { height: 3; padding: 1 2; }
    ReaderScreen #reader-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    paragraph_label = reactive("")

    def __init__(self, report_id: str, paragraph: int | None = None, find: str = "") -> None:
        """Open a report; at a paragraph number, with the words of `find` highlighted."""
        super().__init__()
        self.report_id = report_id
        self.start_paragraph = paragraph
        self.find_query = find
        self.hits: list[tuple[int, int, int]] = []
        self.hit = -1
        self.report: Report | None = None
        self.analysis: ReportAnalysis | list[list[AnalyzedSentence]] = []
        self.notes_by_paragraph: dict[int, list] = {}
        self.tags_by_paragraph: dict[int, list[str]] = {}
        self.orphan_count = 0
        self.analysed = False  # every paragraph's directives found (counts and outline shown)
        self._first_paint = threading.Event()
        self._all_read = threading.Event()  # a big report's last part is added (UI thread)
        self._complete = False
        self._revision: object = None  # of this report's notes when last shown (Session.annotations_revision)
        # Nothing takes keys until the text is shown (a 5 MB report takes seconds): the
        # app holds the keys typed meanwhile and applies them then (typeahead.py).
        self.opening = True

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Opening {self.report_id}…"), id="reader-heading")
        yield Static("", id="legend")
        yield LoadingIndicator(id="opening")
        with Horizontal(id="reader-body"):
            yield DocumentView(id="document", reading_width=self.app.reading_width)
            yield DirectiveOutline(id="outline")
        yield FindBar()
        yield Static("", id="reader-status")
        yield ShownFooter()

    def on_mount(self) -> None:
        self.query_one("#reader-body").display = False
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.call_after_refresh(self._recolour))
        self.load_report()

    def _recolour(self) -> None:
        """Another theme: the legend shows the document's category colours, computed per theme."""
        if self.analysed:
            self._show_legend()

    # -- loading ---------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="open")
    def load_report(self) -> None:
        """Read and parse off the UI thread, place the notes, show the report, then find its directives.

        Paragraphs on screen are analysed as they are drawn, so even a long report is
        readable at once; this worker analyses the rest, with progress, for the counts
        and the outline. A 50 MB report never freezes the screen, and Escape leaves at
        once (the worker is cancelled). Each step is a message (reader_messages.py)."""
        worker = get_current_worker()
        try:
            path = self.session.report_path(self.report_id)
            try:
                size = path.stat().st_size
            except OSError:
                size = 0  # read_report says what is wrong
            if size > BIG_REPORT_BYTES:  # say so; for the rest a message costs more than it tells
                self.post_message(ReportReading(size))
                # Its first part is shown at once, the rest follows as it is parsed;
                # leaving or quitting stops the parsing within a paragraph.
                report, later = read_in_parts(path, should_stop=lambda: worker.is_cancelled)
            else:
                report, later = read_report(path), iter(())
            if worker.is_cancelled:
                return
            analysis = ReportAnalysis(report, self.app.classifier)
            # Placed on part of a big report's paragraphs, the notes on the rest would be
            # saved as orphans: until the last part is in, none are placed (nor shown).
            texts = [p.text for p in report.paragraphs]
            placed = self._place_notes(texts) if size <= BIG_REPORT_BYTES else None
            self.post_message(ReportRead(report, analysis, placed))
            # The first screen is drawn before the rest is parsed: the two would share the GIL.
            self._first_paint.wait(1.0)
            try:
                for paragraphs in later:
                    if worker.is_cancelled:
                        return  # so that leaving, or quitting, never waits on the rest of 50 MB
                    texts += [p.text for p in paragraphs]
                    self.post_message(ParagraphsRead(paragraphs))
            except NotUtf8:
                report = read_report(path)  # decoded as a whole, as every command reads it
                analysis = ReportAnalysis(report, self.app.classifier)
                texts = [p.text for p in report.paragraphs]
                self.post_message(ReportRead(report, analysis, None))
            if size > BIG_REPORT_BYTES and not worker.is_cancelled:
                self.post_message(ReportComplete(self._place_notes(texts)))
                # The UI thread adds the parts to the report and its analysis: every
                # directive is looked for once it has added the last.
                while not self._all_read.wait(0.1):
                    if worker.is_cancelled:
                        return
        except ReportUnreadable as exc:
            self.post_message(ReportFailed(str(exc)))
            return
        if worker.is_cancelled:
            return
        def progress(done: int, total: int) -> None:
            self.post_message(DirectivesProgress(done, total))

        finished = analysis.fill(should_stop=lambda: worker.is_cancelled, progress=progress)
        if finished and not worker.is_cancelled:
            self.post_message(DirectivesFound())

    @on(ReportReading)
    def _reading(self, message: ReportReading) -> None:
        heading = Text(f"Opening {self.report_id}… ")
        heading.append(f"reading {message.size / 1_000_000:,.0f} MB", style="dim")
        self.query_one("#reader-heading", Static).update(heading)

    @on(DirectivesProgress)
    def _analysing(self, message: DirectivesProgress) -> None:
        self.query_one("#legend", Static).update(
            Text(f"Finding directives… {message.done:,} of {message.total:,} paragraphs (on screen: done)", style="dim"))

    @on(ReportFailed)
    def _failed(self, message: ReportFailed) -> None:
        self.app.notify(f"{self.report_id} cannot be read: {message.reason}", severity="error", markup=False)
        self.dismiss_to_library()

    @on(ReportRead)
    def _loaded(self, message: ReportRead) -> None:
        """Show the report; while only its first part is read (nothing placed), without
        notes: placing them on a part of the paragraphs would orphan the rest."""
        report, complete = message.report, message.placed is not None
        report.title = self.app.title_of(report)
        self.report = report
        self.analysis = message.analysis
        self._complete = complete
        self.query_one("#opening").display = False
        self.query_one("#reader-body").display = True
        document = self.query_one(DocumentView)
        self._show_heading()
        self.query_one("#legend", Static).update(Text("Finding directives…" if complete else "Reading…", style="dim"))
        document.load(report, message.analysis, self._show_marks(message.placed) if message.placed else {})
        document.focus()
        self.call_after_refresh(self._first_paint.set)
        if self.opening:
            self.opening = False
            app_of(self).screen_opened()
        if complete:
            self._settle()
        else:
            self._show_status()

    @on(ParagraphsRead)
    def _read_more(self, message: ParagraphsRead) -> None:
        assert self.report is not None and isinstance(self.analysis, ReportAnalysis)
        self.report.paragraphs.extend(message.paragraphs)
        self.analysis.grow()
        self.query_one(DocumentView).paragraphs_added()
        self.query_one("#legend", Static).update(Text(f"Reading… {len(self.report.paragraphs):,} paragraphs so far", style="dim"))
        self._show_status()  # "¶1/140" would understate the report

    @on(ReportComplete)
    def _read_all(self, message: ReportComplete) -> None:
        """The last part of a big report is in: its notes are placed."""
        self._complete = True
        self._all_read.set()
        self.query_one(DocumentView).set_marks(self._show_marks(message.placed))
        self.query_one("#legend", Static).update(Text("Finding directives…", style="dim"))
        self._settle()

    def _settle(self) -> None:
        """Every paragraph is in: go where asked."""
        document = self.query_one(DocumentView)
        if self.start_paragraph is not None:
            document.go_to(self.start_paragraph - 1)
        if self.find_query:
            self._find(self.find_query, from_cursor=True)
        self._show_status()
        self.prepare_comparison()

    @on(DirectivesFound)
    def _analysed(self) -> None:
        """Every paragraph analysed: the counts and the outline."""
        assert self.report is not None
        self.analysed = True
        self._show_legend()
        self.query_one(DirectiveOutline).show_directives(
            self.analysis, [p.number for p in self.report.paragraphs], {c: self._category_style(c) for c in CATEGORIES}
        )

    @on(SeriesFound)
    def _show_heading(self) -> None:
        assert self.report is not None
        heading = Text(self.report.title, style="bold")
        heading.append(f"  ·  {self.report.date_label}  ·  {self.report.id}", style="dim")
        heading.append_text(self.details_line())
        heading.append("\n")
        heading.append_text(self.series_line())
        self.query_one("#reader-heading", Static).update(heading)

    def _category_style(self, category: str):
        return self.query_one(DocumentView).category_style(category)

    def _show_legend(self) -> None:
        assert self.report is not None
        if not has_directive_rules(self.report.language):
            # Zero counts would say "no directives" of a report nobody could read for them.
            name = LANGUAGE_NAMES.get(self.report.language, LANGUAGE_NAMES["other"])
            self.query_one("#legend", Static).update(Text(f"{name}: no directive rules for this language", style="italic"))
            return
        counts = dict.fromkeys(CATEGORIES, 0)
        for sentences in self.analysis:
            for sentence in sentences:
                if sentence.directive:
                    counts[sentence.directive.category] += 1
        legend = Text("Directives: ")
        for category in CATEGORIES:
            legend.append(f" {category} {counts[category]} ", style=self._category_style(category))
            legend.append("  ")
        legend.append("trigger", style="bold underline")
        legend.append("   ● annotated  ", style="dim").append(" highlight ", style=self._category_style("highlight"))
        self.query_one("#legend", Static).update(legend)

    # -- quotes ------------------------------------------------------------------------
    def _quote(self, whole_paragraph: bool) -> Quote | None:
        if self.report is None:
            return None
        document = self.query_one(DocumentView)
        paragraph = self.report.paragraphs[document.paragraph]
        sentence = document.current_sentence
        text = paragraph.text if whole_paragraph or sentence is None else sentence.text
        return Quote(text, self.report.title, self.report.date, paragraph.number, self.report.id, paragraph.published,
                     self.source())

    def action_copy_sentence(self) -> None:
        self._copy(self._quote(whole_paragraph=False), "sentence")

    def action_copy_paragraph(self) -> None:
        self._copy(self._quote(whole_paragraph=True), "paragraph")

    def _copy(self, quote: Quote | None, what: str) -> None:
        if quote is not None:
            self.app.copy_quote(quote, what)

    # -- find in the report ------------------------------------------------------------
    def action_find(self) -> None:
        if self.report is not None:
            self.query_one(FindBar).open(self.find_query)

    @on(FindBar.Find)
    def find_requested(self, event: FindBar.Find) -> None:
        self._find(event.query, from_cursor=True)
        self.query_one(DocumentView).focus()

    @on(FindBar.Closed)
    def find_closed(self) -> None:
        self.query_one(DocumentView).focus()

    def _find(self, query: str, from_cursor: bool) -> None:
        assert self.report is not None
        self.find_query = query
        self.hits = find_in_paragraphs(query, [p.text for p in self.report.paragraphs]) if query.strip() else []
        document = self.query_one(DocumentView)
        document.set_hits(self._find_hits_by_paragraph())
        self.hit = -1
        if self.hits and from_cursor:
            here = document.paragraph
            self.hit = next((i for i, hit in enumerate(self.hits) if hit[0] >= here), 0)
            self._go_to_hit()
        elif query.strip() and not self.hits:
            self.notify(f"Not found: {query}", severity="warning", markup=False)
        self._show_find_count()

    def _find_hits_by_paragraph(self) -> dict[int, list[tuple[int, int]]]:
        by_paragraph: dict[int, list[tuple[int, int]]] = {}
        for index, start, end in self.hits:
            by_paragraph.setdefault(index, []).append((start, end))
        return by_paragraph

    def action_next_hit(self, step: int) -> None:
        if not self.hits:
            if self.report is not None:
                self.action_find()
            return
        self.hit = (self.hit + step) % len(self.hits)
        self._go_to_hit()
        self._show_find_count()

    def _go_to_hit(self) -> None:
        index, start, _end = self.hits[self.hit]
        sentences = self.analysis[index]
        sentence = next((n for n, s in enumerate(sentences) if s.start <= start < s.end + 1), 0)
        self.query_one(DocumentView).go_to(index, sentence)

    def _show_find_count(self) -> None:
        count = f"{self.hit + 1}/{len(self.hits)}" if self.hits else ("0 hits" if self.find_query.strip() else "")
        self.query_one(FindBar).show_count(count)
        self._show_status()

    # -- the brief ------------------------------------------------------------------------
    def action_brief_sentence(self) -> None:
        self._to_brief(self._quote(whole_paragraph=False), "sentence")

    def action_brief_paragraph(self) -> None:
        self._to_brief(self._quote(whole_paragraph=True), "paragraph")

    def _to_brief(self, quote: Quote | None, what: str) -> None:
        if quote is None:
            return
        item = BriefItem("quote", quote.quote, quote.report, quote.paragraph, quote.title, quote.date, quote.published)
        name = self.session.current_brief
        brief = self.session.brief(name)
        if brief is not None and brief.holds(item):
            self.app.notify(f"The {what} is already in the brief “{name}”: not added again", severity="warning", markup=False)
            return
        self.app.save_changes(lambda session: session.add_to_brief(item, name, undo=f"the {what} added to the brief “{name}”"),
                              f"Added the {what} to the brief “{name}” (ctrl+b shows it)")
        # A paragraph is added whole even when a sentence of it is quoted (the reader asked
        # for all of it), but never silently: the brief now holds those words twice.
        if brief is not None and (inside := brief.quoted_within(item)):
            earlier = f"{len(inside)} earlier quote" + ("s" if len(inside) > 1 else "")
            self.app.notify(f"The brief “{name}” already quoted part of this {what} ({earlier}): "
                            "ctrl+b to delete one if the words are not wanted twice", severity="warning", markup=False)

    # -- the rest ------------------------------------------------------------------------
    def action_toggle_outline(self) -> None:
        outline = self.query_one(DirectiveOutline)
        outline.toggle_class("-shown")
        self.refresh_bindings()
        if outline.has_class("-shown"):
            outline.query_one("#outline-list").focus()
        else:
            self.query_one(DocumentView).focus()

    @on(DirectiveOutline.Jump)
    def jump(self, event: DirectiveOutline.Jump) -> None:
        document = self.query_one(DocumentView)
        document.go_to(event.paragraph, event.sentence)
        document.focus()

    def on_store_changed(self, message: StoreChanged) -> None:
        if self.report is None:
            return
        if message.shards is None:  # an undo, or titles changed: everything again
            self.report.title = self.app.title_of(self.report)
            self._show_heading()
            self._refresh_marks()
        elif message.touches(self.session.shard_of(self.report_id)):
            self._refresh_marks_if_changed()

    def on_screen_resume(self) -> None:
        # Changes made while another screen was on top were not told to this one.
        if self.report is not None:
            self._refresh_marks_if_changed()

    @on(DocumentView.CursorMoved)
    def cursor_moved(self) -> None:
        self._show_status()

    def _show_status(self) -> None:
        if self.report is None:
            return
        document = self.query_one(DocumentView)
        paragraph = self.report.paragraphs[document.paragraph]
        count = len(self.analysis[document.paragraph])
        parts = [f"¶{paragraph.number}/{len(self.report.paragraphs)}", f"sentence {document.sentence + 1}/{count}"]
        sentence = document.current_sentence
        if sentence and sentence.directive:
            parts.append(f"{sentence.directive.category}: “{sentence.directive.trigger}”")
        if self.hits:
            query = self.find_query.strip('"')  # a phrase searched as one ("high-quality development") is quoted once
            parts.append(f"hit {self.hit + 1}/{len(self.hits)} for “{query}” (] next, [ previous)")
        if self.orphan_count:
            parts.append(f"{self.orphan_count} note(s), tag(s) or highlight(s) could not be placed in the changed text: O to review")
        self.query_one("#reader-status", Static).update(Text(" · ".join(parts)))

    def action_rename(self) -> None:
        if self.report is None:
            return

        def renamed(title: str | None) -> None:
            if title is None or self.report is None:
                return
            self.app.rename_report(self.report.id, title)
            self.report.title = self.app.title_of(self.report)
            self._show_heading()

        self.app.push_screen(PromptDialog(f"Rename {self.report.id}", self.report.title), renamed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        try:
            find_shown = self.query_one(FindBar).has_class("-shown")
            outline_shown = self.query_one(DirectiveOutline).has_class("-shown")
        except NoMatches:  # asked while the screen is built or torn down
            find_shown = outline_shown = False
        if (selecting := self.selection_allows(action)) is not None:
            return selecting
        if action == "close_find":
            return find_shown
        if action == "close_outline":
            return outline_shown and not find_shown
        if action == "back":
            return not find_shown and not outline_shown and goes_back_to(self, str(parameters[0]))
        return True

    def action_close_find(self) -> None:
        self.query_one(FindBar).action_close()

    def action_close_outline(self) -> None:
        if self.query_one(DirectiveOutline).has_class("-shown"):
            self.action_toggle_outline()

    def action_back(self, _view: str = "") -> None:
        self.dismiss_to_library()

    def dismiss_to_library(self) -> None:
        self.app.pop_screen()
