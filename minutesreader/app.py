"""The minutesreader app: a thin shell that takes its session (store, catalog, search index) and classifier."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen
from textual.worker import get_current_worker

from minutesreader.clipboard import copy_text
from minutesreader.core.citations import CHINESE_TEMPLATE, DEFAULT_TEMPLATE, Quote, locator
from minutesreader.core.directives import DirectiveClassifier
from minutesreader.core.records import StoreError
from minutesreader.core.shorten import shorten
from minutesreader.core.text import strip_controls
from minutesreader.core.undo import Step
from minutesreader.dialogs.help import HelpScreen
from minutesreader.screens.library import LibraryScreen
from minutesreader.screens.store_changed import IndexProgress, StoreChanged, StoreWarning
from minutesreader.session import Change, ChangedElsewhere, Session
from minutesreader.storage.preferences import load_preferences, remember
from minutesreader.store_watcher import StoreWatcher
from minutesreader.typeahead import TypeAhead
from minutesreader.widgets.contrast import ReadableText

if TYPE_CHECKING:
    from minutesreader.core.reports import Report

QUOTE_PREVIEW = 40
READABLE_TEXT = ReadableText()


class MinutesReaderApp(TypeAhead, App[None]):
    CSS_PATH = "minutesreader.tcss"
    TITLE = "minutesreader"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        # ctrl+c quits too, as in every terminal program; in a text box it copies (Textual's
        # own binding there wins), so a note being typed is never lost to it.
        Binding("ctrl+c", "quit", "Quit", show=False, id="app.interrupt"),
        Binding("question_mark", "help", "Keys", id="app.help"),
        Binding("ctrl+b", "show_brief", "Brief", id="app.brief"),
        Binding("T", "show_tags", "Tags", show=False, id="app.tags"),
        Binding("A", "show_notes", "All notes", show=False, id="app.notes"),
        Binding("u,ctrl+z", "undo", "Undo", show=False, id="app.undo"),
        Binding("U,ctrl+y", "redo", "Redo", show=False, id="app.redo"),
    ]

    def __init__(self, session: Session, classifier: DirectiveClassifier, *,
                 warnings: Iterable[str] = (), template: str = DEFAULT_TEMPLATE,
                 chinese_template: str = CHINESE_TEMPLATE,
                 reading_width: int = 100, remember_theme: bool = False) -> None:
        """session: the screens' one way to the store, the catalog, the search index and
        the briefs. remember_theme: start in the theme chosen last time, and remember a new choice."""
        super().__init__()
        self.session = session
        self.classifier = classifier
        self.startup_warnings = list(warnings)
        self.template = template
        self.chinese_template = chinese_template
        self.reading_width = reading_width
        self.remember_theme = remember_theme
        self.last_export: str | None = None
        self.clipboard_warned = False  # a machine without a system clipboard is said once a session

    def on_mount(self) -> None:
        if self.remember_theme:
            theme = load_preferences().get("theme")
            if theme in self.available_themes:
                self.theme = theme
            self.theme_changed_signal.subscribe(self, self._theme_chosen)
        self.push_screen(LibraryScreen())
        for warning in self.startup_warnings:
            self.notify(warning, severity="warning", timeout=15, markup=False)
        # The store reads its files lazily; a file found unreadable later (and moved
        # aside) adds to store.warnings, which the user must hear about too. The watcher
        # tells them, other windows' saves and the search index's progress.
        self.watcher = StoreWatcher(self.session.store, self.post_message, lambda: self.session.index_progress)
        self.watcher.start()

    def on_unmount(self) -> None:
        self.watcher.stop()

    def on_store_warning(self, message: StoreWarning) -> None:
        self.notify(message.warning, severity="warning", timeout=15, markup=False)

    # Only the screen on top hears of changes: a hidden one catches up when shown again.
    def on_store_changed(self, message: StoreChanged) -> None:
        self._tell_screen(StoreChanged(message.shards))

    def on_index_progress(self, message: IndexProgress) -> None:
        self._tell_screen(IndexProgress(message.done, message.total))

    def _tell_screen(self, message: StoreChanged | IndexProgress) -> None:
        if self.screen_stack:  # none while the app closes
            self.screen.post_message(message)

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), READABLE_TEXT]

    def _theme_chosen(self, theme: Any) -> None:
        problem = remember("theme", theme.name)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def update_search_index(self) -> None:
        worker = get_current_worker()
        try:
            self.session.update_search_index(should_stop=lambda: worker.is_cancelled)
        except Exception as exc:  # the index is a cache: a failure costs search, not the app
            self.post_message(StoreWarning(f"Search index not updated: {exc}"))

    # -- shared actions ----------------------------------------------------------------
    def open_report(self, report_id: str, paragraph: int | None = None, find: str = "") -> None:
        """Open a report, at a paragraph number and with words highlighted if given.

        The stack stays shallow: a report opened from a view (tags, notes) that was
        itself opened from a reader replaces that reader and the view, so Escape goes
        straight back to where the reading started."""
        # Here, not at the top: a start shows only the library, and the reader's chain of
        # imports cost it a fifth of its time to the first paint.
        from minutesreader.screens.reader import ReaderScreen

        stack = self.screen_stack
        if isinstance(self.screen, ReaderScreen) and self.screen.report_id == report_id:
            self.pop_screen()
        elif len(stack) > 2 and isinstance(stack[-2], ReaderScreen):
            self.pop_screen()
            self.pop_screen()
        self.push_screen(ReaderScreen(report_id, paragraph, find))

    @work(thread=True, exclusive=True, group="import-reader", exit_on_error=False)
    def import_reader(self) -> None:
        """Import the reader screen once the library is listed, so the first Enter does not wait on it."""
        import minutesreader.screens.reader  # noqa: F401

    def _show_once(self, screen_type: type[Screen]) -> None:
        if not isinstance(self.screen, screen_type):
            self.push_screen(screen_type())

    # The screens below are imported when first wanted: a start shows only the library.
    def action_show_brief(self) -> None:
        from minutesreader.screens.brief import BriefScreen

        self._show_once(BriefScreen)

    def action_show_tags(self) -> None:
        from minutesreader.screens.tags import TagsScreen

        self._show_once(TagsScreen)

    def action_show_notes(self) -> None:
        from minutesreader.screens.notes import NotesScreen

        self._show_once(NotesScreen)

    def action_search(self) -> None:
        from minutesreader.screens.search import SearchScreen

        self._show_once(SearchScreen)

    def title_of(self, report: Report) -> str:
        return self.session.title_of(report.id, report.derived_title)

    def rename_report(self, report_id: str, title: str) -> None:
        title = " ".join(strip_controls(title).split())
        message = f"Renamed to “{title}”" if title else "Title restored from the text"
        self.save_changes(lambda session: session.set_title(report_id, title or None, undo=f"the rename of {report_id}"), message)

    def save_changes(self, write: Callable[[Session], Change], done: str | Callable[[Change], str]) -> Change | None:
        """Make one write through the session; a failure is told, never raised.

        write: a session call (give it `undo="..."` to make it a step of the undo history).
        done: what to tell once saved (or a function of the Change the write returned).
        Returns that Change, or None if nothing was saved."""
        try:
            change = write(self.session)
        except StoreError as exc:
            self.notify(f"Not saved: {exc}", severity="error", timeout=10, markup=False)
            return None
        self.notify(done if isinstance(done, str) else done(change), timeout=2 if isinstance(done, str) else 6, markup=False)
        self._saved()
        return change

    def _saved(self) -> None:
        self.watcher.saved()
        if self.session.can_search:
            self.update_search_index()  # notes are searchable too

    # -- undo ---------------------------------------------------------------------------
    def action_undo(self) -> None:
        self._step(self.session.undo, "Undone", "Nothing to undo", self.session.next_undo)

    def action_redo(self) -> None:
        self._step(self.session.redo, "Redone", "Nothing to redo", self.session.next_redo)

    def _step(self, move: Callable[[], Change | None], verb: str, nothing: str, pending: Step | None) -> None:
        try:
            step = move()
        except ChangedElsewhere as exc:
            assert pending is not None
            self.notify(f"Not {verb.lower()}: {pending.what} — {exc}", severity="warning", timeout=8, markup=False)
            return
        except StoreError as exc:
            self.notify(f"Not {verb.lower()}: {exc}", severity="error", timeout=10, markup=False)
            return
        if step is None:
            self.notify(nothing, timeout=2)
            return
        self.notify(f"{verb}: {step.what}", timeout=4, markup=False)
        self._saved()
        self.screen.post_message(StoreChanged())

    def copy_quote(self, quote: Quote, what: str) -> None:
        self.copy(quote.cite(self.template, self.chinese_template),
                  f"Copied the {what} of {locator(quote.paragraph, quote.published)}: “{shorten(quote.quote, QUOTE_PREVIEW)}”")

    def copy(self, text: str, told: str) -> None:
        """Every copy goes through here: OSC 52 always, the system clipboard where there is one.

        One short notice per copy; the first copy on a machine without a system
        clipboard says so in that same notice, and no later one repeats it."""
        result = copy_text(self, text)
        if result.problem and not self.clipboard_warned:
            self.clipboard_warned = True
            self.notify(f"{told} ({result.problem})", severity="warning", timeout=8, markup=False)
        else:
            self.notify(told, timeout=3, markup=False)

    # -- help and the command palette -----------------------------------------------------
    def _screen_keys(self, screen: Screen) -> list[tuple[str, str, str, Any]]:
        """(keys, description, action, node) for every binding of the focused widget, the screen and the app."""
        seen: dict[str, tuple[str, str, str, Any]] = {}
        nodes = [screen.focused, screen, self] if screen.focused else [screen, self]
        for node in nodes:
            for binding in getattr(node, "BINDINGS", []):
                if not isinstance(binding, Binding) or not binding.description or binding.action in seen:
                    continue
                _, name, parameters = parse_action(binding.action)
                # A key whose action is off just now (Escape's other meanings) is not listed.
                if node.check_action(name, parameters) is not False:
                    keys = binding.key_display or ", ".join(self.get_key_display(Binding(k, "")) for k in binding.key.split(","))
                    seen[binding.action] = (keys, binding.description, binding.action, node)
        return list(seen.values())

    def action_help(self) -> None:
        screen = self.screen
        keys = [(keys, description) for keys, description, _, _ in self._screen_keys(screen)]
        keys.append(("ctrl+p", "Command palette: every action"))
        self.push_screen(HelpScreen(f"Keys — {type(screen).__name__.removesuffix('Screen')}", keys))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for keys, description, action, node in self._screen_keys(screen):
            if action in ("quit", "command_palette"):
                continue
            yield SystemCommand(description, f"key: {keys}", partial(node.run_action, action))


def make_app(context: Any) -> MinutesReaderApp:
    """Build the app from a CLI context (library, db, rules): one factory for the CLI and tests."""
    from minutesreader.core.settings import load_settings
    from minutesreader.paste_filter import install as filter_pastes
    from minutesreader.storage.search_index import SearchIndex

    filter_pastes()  # a paste with escape sequences in it must not turn into key presses

    store = context.store_for_app()
    classifier, rule_warnings = context.classifier()
    settings = load_settings()
    catalog = context.catalog(store, classifier)
    session = Session(store, catalog, SearchIndex.for_library(context.db, context.library))
    return MinutesReaderApp(
        session, classifier,
        warnings=[*store.warnings, *rule_warnings, *settings.warnings],
        template=settings.citation_template,
        chinese_template=settings.chinese_citation_template,
        reading_width=settings.reading_width,
        remember_theme=True,
    )
