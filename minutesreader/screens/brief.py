"""The brief: quotes gathered from many reports, in order, with headings and comments."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from minutesreader.core.brief_export import Lookup, ReportNow, brief_to_markdown, export_brief, footnote
from minutesreader.core.records import Brief, BriefItem
from minutesreader.core.text import strip_controls
from minutesreader.dialogs.choose import ChooseDialog, ConfirmDialog
from minutesreader.dialogs.note_editor import NoteEditor
from minutesreader.dialogs.prompt import PromptDialog
from minutesreader.screens.going_back import back_bindings, goes_back_to
from minutesreader.screens.store_changed import StoreChanged
from minutesreader.screens.typed_app import TypedApp, app_of
from minutesreader.widgets.stopping_list import StoppingOptionList


class BriefScreen(TypedApp, Screen[None]):
    BINDINGS = [
        *back_bindings("brief"),
        Binding("K,ctrl+up", "move(-1)", "Move up", id="brief.up"),
        Binding("J,ctrl+down", "move(1)", "Move down", id="brief.down"),
        Binding("x,delete", "remove", "Remove", id="brief.remove"),
        Binding("h", "add('heading')", "Heading", id="brief.heading"),
        Binding("m", "add('comment')", "Comment", id="brief.comment"),
        Binding("e", "edit", "Edit", show=False, id="brief.edit"),
        Binding("w", "export", "Export .md", id="brief.export"),
        Binding("y", "copy_brief", "Copy all", id="brief.copy"),
        Binding("N", "new_brief", "New brief", show=False, id="brief.new"),
        Binding("S", "switch_brief", "Switch brief", show=False, id="brief.switch"),
        Binding("R", "rename_brief", "Rename brief", show=False, id="brief.rename"),
        Binding("D", "delete_brief", "Delete brief", show=False, id="brief.delete"),
        Binding("o", "open_quote", "Open at the quote", id="brief.open"),
    ]

    DEFAULT_CSS = """
    BriefScreen #brief-heading { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    BriefScreen #brief-items { height: 1fr; border: none; }
    BriefScreen #brief-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.shown: tuple[BriefItem, ...] = ()  # the items on screen, as last read

    def compose(self) -> ComposeResult:
        yield Static("", id="brief-heading")
        yield StoppingOptionList(id="brief-items")
        yield Static(Text("Enter/o open · K/J move · x remove · h heading · m comment · e edit · w export · y copy"
                          " · N new · S switch · R rename · D delete · u undo"),
                     id="brief-status")
        yield Footer()

    def on_mount(self) -> None:
        self.show_brief()

    @property
    def items(self) -> list[BriefItem]:
        """The brief as stored now: read (under the store's lock) once per change, so a
        change builds on what another window may have added."""
        brief = self.session.brief()
        return list(brief.items) if brief else []

    def report_now(self) -> Lookup:
        """Each quoted report's title and details as they are now (a rename shows at once)."""
        summaries, sources = self.session.listing.summaries, self.session.sources()

        def now(report: str) -> ReportNow | None:
            summary = summaries.get(report)
            title, source = (summary.title if summary else ""), sources.get(report)
            return ReportNow(title, source) if title or source else None

        return now

    @on(OptionList.OptionSelected)
    def open_selected(self) -> None:
        self.action_open_quote()

    def action_open_quote(self) -> None:
        """The quote's report, at the quote: its paragraph, with its words found (the find
        follows the words if the report file changed since the quote was added)."""
        items, index = self.items, self.cursor
        if index is None or items[index].kind != "quote":
            return
        item = items[index]
        words = " ".join(item.text.replace('"', " ").split())
        app_of(self).open_report(item.report, item.paragraph or None, f'"{words}"')

    def show_brief(self, select: int | None = None) -> None:
        self._now = self.report_now()
        items = self.items
        self.shown = tuple(items)
        heading = Text(f"Brief: {self.session.current_brief}")
        quotes = sum(1 for item in items if item.kind == "quote")
        heading.append(f"  ·  {quotes} quote(s)  ·  {len(self.session.brief_names()) or 1} brief(s)", style="dim")
        self.query_one("#brief-heading", Static).update(heading)
        option_list = self.query_one(OptionList)
        previous = option_list.highlighted
        option_list.clear_options()
        option_list.add_options([Option(self._label(item), id=str(i)) for i, item in enumerate(items)])
        if not items:
            option_list.add_option(Option(Text("Empty: b in the reader adds the sentence under the cursor, B the paragraph"), disabled=True))
            return
        target = select if select is not None else previous
        option_list.highlighted = max(0, min(target or 0, len(items) - 1))
        option_list.focus()

    def _label(self, item: BriefItem) -> Text:
        text = strip_controls(item.text)
        if item.kind == "heading":
            return Text(text, style="bold underline")
        if item.kind == "comment":
            return Text(text, style="italic")
        label = Text("“" + text + "”")
        label.append("\n  — " + strip_controls(footnote(item, app_of(self).template, app_of(self).chinese_template, self._now)), style="dim")
        return label

    @property
    def cursor(self) -> int | None:
        # What is on screen, not the store: moving the cursor takes no lock.
        return self.query_one(OptionList).highlighted if self.shown else None

    def _save(self, items: list[BriefItem], done: str, what: str, select: int | None = None) -> bool:
        if not app_of(self).save_changes(lambda session: session.save_brief(items, undo=what), done):
            return False
        self.show_brief(select)
        return True

    def on_store_changed(self, _message: StoreChanged) -> None:
        self.show_brief()

    def action_move(self, step: int) -> None:
        items, index = self.items, self.cursor
        if index is None or not 0 <= index + step < len(items):
            return
        items[index], items[index + step] = items[index + step], items[index]
        self._save(items, "Moved", f"move of item {index + 1}", select=index + step)

    def action_remove(self) -> None:
        items, index = self.items, self.cursor
        if index is None:
            return
        removed = items.pop(index)
        self._save(items, f"Removed the {removed.kind} (u undoes)", f"removal of the {removed.kind}", select=index)

    def action_add(self, kind: str) -> None:
        index = self.cursor

        def added(text: str | None) -> bool:
            if not text:
                return True
            items = self.items
            at = len(items) if index is None else index + 1
            items.insert(at, BriefItem(kind, text))
            return self._save(items, f"Added a {kind}", f"new {kind}", select=at)

        if kind == "heading":
            self.app.push_screen(PromptDialog("New heading (after the selected item)"), added)
        else:  # a comment that could not be saved stays in its editor
            self.app.push_screen(NoteEditor("New comment (after the selected item)", "", on_save=added, kind="comment"))

    def action_edit(self) -> None:
        items, index = self.items, self.cursor
        if index is None:
            return
        item = items[index]
        if item.kind == "quote":
            self.notify("A quote keeps the report's exact words; add a comment (m) instead", severity="warning")
            return

        def edited(text: str | None) -> bool:
            if text is None or text == item.text:
                return True
            changed = list(items)
            if not text:
                changed.pop(index)
            else:
                changed[index] = BriefItem(item.kind, text)
            return self._save(changed, "Saved", f"edit of the {item.kind}", select=index)

        if item.kind == "heading":
            self.app.push_screen(PromptDialog("Edit heading", item.text), edited)
        else:
            self.app.push_screen(NoteEditor("Edit comment", "", item.text, on_save=edited, kind="comment"))

    def _brief(self) -> Brief | None:
        brief = self.session.brief()
        if brief is None or not brief.items:
            self.notify("The brief is empty", severity="warning")
            return None
        return brief

    def action_copy_brief(self) -> None:
        brief = self._brief()
        if brief is not None:
            app_of(self).copy(brief_to_markdown(brief, app_of(self).template, app_of(self).chinese_template, self.report_now()),
                          f"Copied the brief “{brief.name}” as Markdown")

    def action_export(self) -> None:
        brief = self._brief()
        if brief is None:
            return
        slug = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in brief.name).strip("-") or "brief"
        default = app_of(self).last_export or str(Path.cwd() / f"{slug}.md")
        self.app.push_screen(PromptDialog("Export the brief as Markdown to", default), partial(self._export_to, brief))

    def _export_to(self, brief: Brief, path_text: str | None, overwrite: bool = False) -> None:
        if not path_text:
            return
        path = Path(path_text).expanduser()
        if path.exists() and not overwrite:
            self.app.push_screen(ConfirmDialog(f"{path} exists. Replace it?"),
                                 lambda yes: yes and self._export_to(brief, path_text, overwrite=True))
            return
        try:
            export_brief(path, brief, app_of(self).template, app_of(self).chinese_template, self.report_now(), replace=True)
        except OSError as exc:
            self.notify(f"Not exported: {exc.strerror or exc} ({path})", severity="error", markup=False)
            return
        app_of(self).last_export = str(path)
        self.notify(f"Exported the brief to {path}", markup=False)

    def action_new_brief(self) -> None:
        self.app.push_screen(PromptDialog("Name of the new brief"), self._create_brief)

    def _create_brief(self, name: str | None) -> None:
        name = " ".join((name or "").split())
        if not name:
            return
        if name not in self.session.brief_names():
            # Saved at once, empty: it is a brief (listed, counted, kept) before its first quote.
            if not app_of(self).save_changes(lambda session: session.save_brief([], name, undo=f"new brief “{name}”"),
                                             f"New brief “{name}”"):
                return
        self.session.current_brief = name
        self.show_brief()
        self.notify(f"“{name}” is now the brief that b and B add to", markup=False)

    def action_delete_brief(self) -> None:
        name = self.session.current_brief
        if name not in self.session.brief_names():
            self.notify("This brief is not saved yet: there is nothing to delete", severity="warning", markup=False)
            return
        count = len(self.shown)
        self.app.push_screen(ConfirmDialog(f"Delete the brief “{name}”?", f"Its {count} item(s) go with it."),
                             partial(self._delete_brief, name))

    def _delete_brief(self, name: str, yes: bool | None) -> None:
        if yes and app_of(self).save_changes(lambda session: session.delete_brief(name, undo=f"deletion of the brief “{name}”"),
                                             f"Deleted the brief “{name}” (u undoes)"):
            self.show_brief(0)

    def action_switch_brief(self) -> None:
        names = self.session.brief_names()
        if not names:
            self.notify("There is only this brief (N makes a new one)")
            return

        def chosen(name: str | None) -> None:
            if name:
                self.session.current_brief = name
                self.show_brief(0)

        self.app.push_screen(ChooseDialog("Which brief?", [(n, n) for n in names]), chosen)

    def action_rename_brief(self) -> None:
        old = self.session.current_brief
        self.app.push_screen(PromptDialog("Rename the brief", old), partial(self._rename_brief, old))

    def _rename_brief(self, old: str, new: str | None) -> None:
        new = " ".join((new or "").split())
        if not new or new == old:
            return
        if old not in self.session.brief_names():
            self.session.current_brief = new  # not saved yet: only its name changes
        elif not app_of(self).save_changes(lambda session: session.rename_brief(old, new, undo=f"the brief's rename to “{new}”"),
                                           f"Renamed to “{new}”"):
            return
        self.show_brief()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return goes_back_to(self, str(parameters[0])) if action == "back" else True

    def action_back(self, _to: str = "") -> None:
        self.app.pop_screen()
