"""The floor of any Textual start: an app that shows one label (bench/scale.py times it)."""

from textual.app import App, ComposeResult
from textual.widgets import Label


class OneLabel(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("one label")


if __name__ == "__main__":
    OneLabel().run()
