"""Every tag with its count; every paragraph under a tag, across reports."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from minutesreader.core.listing import Listing
from minutesreader.core.records import TagMark
from minutesreader.core.text import strip_controls
from minutesreader.dialogs.choose import ConfirmDialog
from minutesreader.dialogs.prompt import PromptDialog
from minutesreader.screens.going_back import back_bindings, goes_back_to
from minutesreader.screens.store_changed import StoreChanged
from minutesreader.screens.typed_app import TypedApp, app_of
from minutesreader.session import TaggedMarks
from minutesreader.widgets.tagged_list import TaggedList

OPENING_WORDS = 12


@dataclass(frozen=True)
class TaggedParagraphs:
    """The paragraphs under one tag, newest report first, with the lines that show them."""

    tag: str
    marks: tuple[TagMark, ...]
    lines: tuple[tuple[Text, Text], ...]  # per mark: report and paragraph; its opening words


class TagsScreen(TypedApp, Screen[None]):
    BINDINGS = [
        *back_bindings("tags"),
        Binding("r", "rename", "Rename / merge", id="tags.rename"),
        Binding("d", "delete", "Delete tag", id="tags.delete"),
    ]

    DEFAULT_CSS = """
    TagsScreen #tags-heading { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    TagsScreen #tag-list { width: 32; height: 1fr; border-right: vkey $accent; }
    TagsScreen #tagged-column { width: 1fr; }
    TagsScreen #tagged-title { padding: 0 1; color: $text-muted; }
    TagsScreen #tagged { height: 1fr; }
    TagsScreen #tags-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    class CountsLoaded(Message):
        """The tags and their counts, read from the store by a worker."""

        def __init__(self, counts: dict[str, int], select: str | None) -> None:
            super().__init__()
            self.counts = counts
            self.select = select

    class MarksLoaded(Message):
        """One tag's paragraphs, read and laid out by a worker."""

        def __init__(self, tagged: TaggedParagraphs) -> None:
            super().__init__()
            self.tagged = tagged

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}
        self.marks: tuple[TagMark, ...] = ()
        # Each tag's paragraphs as read since the store last changed: moving the highlight
        # back to a tag shows it at once. Only the UI thread touches it.
        self.read: dict[str, TaggedParagraphs] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text("Tags across the library"), id="tags-heading")
        with Horizontal():
            yield OptionList(id="tag-list")
            with Vertical(id="tagged-column"):
                yield Label("", id="tagged-title")
                yield TaggedList(id="tagged")
        yield Static(Text("Enter lists a tag's paragraphs · Enter on one opens it · r rename or merge · d delete"), id="tags-status")
        yield Footer()

    def on_mount(self) -> None:
        self.load_tags()

    def on_screen_resume(self) -> None:
        self.load_tags()

    def on_store_changed(self, _message: StoreChanged) -> None:
        self.load_tags()

    # Reading the store grows with the annotations (~340 ms at 100,000 for one tag's
    # paragraphs), so workers read it and post what they found; the UI thread only shows.
    @work(thread=True, exclusive=True, group="tag-counts")
    def load_tags(self, select: str | None = None) -> None:
        counts = self.session.tag_counts()
        if not get_current_worker().is_cancelled:
            self.post_message(self.CountsLoaded(counts, select))

    @on(CountsLoaded)
    def show_tags(self, message: CountsLoaded) -> None:
        tag_list = self.query_one("#tag-list", OptionList)
        current = message.select or self.current_tag
        self.counts = message.counts
        self.read = {}
        names = sorted(self.counts, key=str.casefold)
        tag_list.clear_options()
        tag_list.add_options([Option(self._tag_label(name), id=name) for name in names])
        if not names:
            tag_list.add_option(Option(Text("No tags yet: t in the reader tags a paragraph"), disabled=True))
            self._show_marks(None)
            return
        index = names.index(current) if current in names else 0
        if tag_list.highlighted == index:
            self._show_marks(names[index])  # no highlight event follows: the paragraphs may have changed
        tag_list.highlighted = index
        tag_list.focus()

    def _tag_label(self, name: str) -> Text:
        label = Text(strip_controls(name))
        label.append(f"  {self.counts[name]}", style="dim")
        return label

    @property
    def current_tag(self) -> str | None:
        tag_list = self.query_one("#tag-list", OptionList)
        if tag_list.highlighted is None or not tag_list.option_count:
            return None
        return tag_list.get_option_at_index(tag_list.highlighted).id

    @on(OptionList.OptionHighlighted, "#tag-list")
    def tag_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_marks(event.option.id)

    @on(OptionList.OptionSelected, "#tag-list")
    def tag_selected(self) -> None:
        tagged = self.query_one("#tagged", TaggedList)
        if tagged.entries:
            tagged.focus()

    def _show_marks(self, tag: str | None) -> None:
        if tag is not None and tag not in self.read:
            self.read_marks(tag)
            return
        paragraphs = self.read[tag] if tag is not None else TaggedParagraphs("", (), ())
        self.marks = paragraphs.marks
        self.query_one("#tagged", TaggedList).set_entries(paragraphs.lines)
        heading = f"#{strip_controls(tag)}: {len(self.marks)} paragraph(s)" if tag else ""
        self.query_one("#tagged-title", Label).update(Text(heading))

    @work(thread=True, exclusive=True, group="tag-marks")
    def read_marks(self, tag: str) -> None:
        paragraphs = tagged_paragraphs(self.session.tagged(tag), self.session.listing)
        if not get_current_worker().is_cancelled:
            self.post_message(self.MarksLoaded(paragraphs))

    @on(MarksLoaded)
    def marks_loaded(self, message: MarksLoaded) -> None:
        self.read[message.tagged.tag] = message.tagged
        if message.tagged.tag == self.current_tag:
            self._show_marks(message.tagged.tag)

    @on(TaggedList.Opened)
    def open_mark(self, event: TaggedList.Opened) -> None:
        mark = self.marks[event.index]
        app_of(self).open_report(mark.report, mark.paragraph)

    def action_rename(self) -> None:
        tag = self.current_tag
        if tag is None:
            return
        self.app.push_screen(PromptDialog(f"Rename #{tag} (an existing name merges)", tag, suggestions=list(self.counts)),
                             partial(self._rename_to, tag))

    def _rename_to(self, tag: str, new: str | None) -> None:
        """The new name given: ask before renaming (or merging into a tag that exists)."""
        new = " ".join((new or "").split())
        if not new or new == tag:
            return
        merging = new in self.counts
        verb = f"Merge #{tag} into #{new}" if merging else f"Rename #{tag} to #{new}"
        detail = f"{self.counts[tag]} tagged paragraph(s) and note(s) carry #{tag}."
        if merging:
            detail += f" #{new} has {self.counts[new]}; paragraphs with both keep one."
        self.app.push_screen(ConfirmDialog(f"{verb}?", detail), partial(self._renamed, tag, new, verb))

    def _renamed(self, tag: str, new: str, verb: str, yes: bool | None) -> None:
        if yes and app_of(self).save_changes(lambda session: session.rename_tag(tag, new, undo=verb.lower()),
                                             f"{verb}: done (u undoes)"):
            self.load_tags(select=new)

    def action_delete(self) -> None:
        tag = self.current_tag
        if tag is None:
            return
        detail = f"It is removed from {self.counts[tag]} tagged paragraph(s) and note(s). Notes themselves stay."
        self.app.push_screen(ConfirmDialog(f"Delete #{tag} everywhere?", detail), partial(self._deleted, tag))

    def _deleted(self, tag: str, yes: bool | None) -> None:
        if yes and app_of(self).save_changes(lambda session: session.delete_tag(tag, undo=f"deletion of #{tag}"),
                                             f"Deleted #{tag} (u undoes)"):
            self.load_tags()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return goes_back_to(self, str(parameters[0])) if action == "back" else True

    def action_back(self, _to: str = "") -> None:
        self.app.pop_screen()


def tagged_paragraphs(tagged: TaggedMarks, listing: Listing) -> TaggedParagraphs:
    """The marks (newest report first), each with the line that shows it."""
    summaries = listing.summaries
    lines = []
    for mark in tagged.marks:
        summary = summaries.get(mark.report)
        heading = Text(f" {summary.date_label if summary else 'undated':<10} ", style="dim")
        heading.append(strip_controls(summary.title if summary else mark.report), style="bold")
        heading.append(f"  ¶{mark.paragraph}", style="dim")
        words = strip_controls(mark.quote).split()
        opening = Text("   " + " ".join(words[:OPENING_WORDS]) + (" …" if len(words) > OPENING_WORDS else ""))
        lines.append((heading, opening))
    return TaggedParagraphs(tagged.tag, tagged.marks, tuple(lines))
