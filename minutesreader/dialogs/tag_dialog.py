"""Tag a paragraph: what you type is added; removing a tag is its own act, in the list below."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from minutesreader.core.text import strip_controls, tag_name
from minutesreader.dialogs.prompt import CompletingInput


@dataclass(frozen=True)
class TagChange:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def typed_tags(value: str, current: list[str]) -> list[str]:
    """The comma-separated tags of `value`, case kept, without those the paragraph has (in any case)."""
    have = {tag.casefold() for tag in current}
    tags: list[str] = []
    for part in value.split(","):
        tag = tag_name(part)  # as the store keeps it: "#economy" is "economy"
        if tag and tag.casefold() not in have:
            have.add(tag.casefold())
            tags.append(tag)
    return tags


class TagDialog(ModalScreen[TagChange | None]):
    """Dismisses with the tags to add and to remove, or None on Escape."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="tag.cancel"),
        Binding("ctrl+s", "save", "Save", priority=True, id="tag.save"),
        Binding("down", "to_tags", "Its tags", show=False, id="tag.list"),
    ]

    DEFAULT_CSS = """
    TagDialog { align: center middle; }
    TagDialog Label { width: 100%; }  /* wrap, never clip: a question must be read whole */
    TagDialog > Vertical { width: 70%; max-width: 90; height: auto; border: thick $accent; background: $surface; padding: 0 1; }
    TagDialog #tag-current { height: auto; max-height: 10; border: none; }
    TagDialog .hint { color: $text-muted; }
    """

    class CurrentTags(OptionList):
        BINDINGS = [
            Binding("x,delete", "toggle_removal", "Remove / keep", id="tag.remove"),
            Binding("up", "up_or_input", "Up", show=False),
        ]

        def action_toggle_removal(self) -> None:
            self.screen.toggle_removal()

        def action_up_or_input(self) -> None:
            if not self.highlighted:
                self.screen.query_one(Input).focus()
            else:
                self.action_cursor_up()

    def __init__(self, heading: str, current: list[str], known: list[str]) -> None:
        super().__init__()
        self.heading = heading
        self.current = list(current)
        self.known = known
        self.removing: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.heading, style="bold"))
            yield CompletingInput(values=self.known, placeholder="add tags, comma separated", id="tag-input")
            if self.current:
                yield Label(Text("Its tags (↓ to reach them; x removes one, x again keeps it):"), classes="hint")
                yield self.CurrentTags(*[self._option(tag) for tag in self.current], id="tag-current")
            yield Label(Text("Enter saves · Tab or → completes a known tag · Escape cancels"), classes="hint")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))

    def _option(self, tag: str) -> Option:
        label = Text("#" + strip_controls(tag))
        if tag in self.removing:
            label.stylize("strike")
            label.append("  removed when you save", style="italic")
        return Option(label, id=tag)

    def toggle_removal(self) -> None:
        tags = self.query_one(self.CurrentTags)
        if tags.highlighted is None:
            return
        tag = self.current[tags.highlighted]
        self.removing ^= {tag}
        tags.replace_option_prompt_at_index(tags.highlighted, self._option(tag).prompt)

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def enter_saves(self, event: Input.Submitted | OptionList.OptionSelected) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        added = typed_tags(self.query_one(Input).value, self.current)
        removed = [tag for tag in self.current if tag in self.removing]
        self.dismiss(TagChange(added, removed))

    def action_to_tags(self) -> None:
        if self.current:
            tags = self.query_one(self.CurrentTags)
            tags.focus()
            tags.highlighted = tags.highlighted or 0

    def action_cancel(self) -> None:
        self.dismiss(None)
