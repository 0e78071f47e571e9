"""The directive outline: every directive of the report, with counts per category."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from minutesreader.core.analysis import AnalyzedSentence
from minutesreader.core.directives import CATEGORIES
from minutesreader.core.search_cjk import has_cjk
from minutesreader.core.shorten import around
from minutesreader.core.text import strip_controls

# Characters of each directive shown, around its trigger (two lines of the outline).
AROUND_TRIGGER = 70


class DirectiveOutline(Vertical):
    DEFAULT_CSS = """
    DirectiveOutline { width: 50; max-width: 45%; dock: right; border-left: vkey $accent; display: none; }
    DirectiveOutline.-shown { display: block; }
    DirectiveOutline > Label { padding: 0 1; color: $text-muted; }
    DirectiveOutline > OptionList { height: 1fr; border: none; }
    """

    class Jump(Message):
        """The user chose a directive: go to its paragraph and sentence."""

        def __init__(self, paragraph: int, sentence: int) -> None:
            super().__init__()
            self.paragraph = paragraph
            self.sentence = sentence

    def compose(self) -> ComposeResult:
        yield Label("", id="outline-counts")
        yield OptionList(id="outline-list")

    def show_directives(self, analysis: list[list[AnalyzedSentence]], paragraph_numbers: list[int], styles: dict[str, object]) -> None:
        counts = dict.fromkeys(CATEGORIES, 0)
        options = []
        for index, sentences in enumerate(analysis):
            for number, sentence in enumerate(sentences):
                if not sentence.directive:
                    continue
                category = sentence.directive.category
                counts[category] += 1
                label = Text(f"¶{paragraph_numbers[index]:<4}")
                label.append(f" {category:<10} ", style=styles.get(category, ""))
                label.append(" ")
                directive = sentence.directive
                trigger = AROUND_TRIGGER // 2 if has_cjk(sentence.text) else AROUND_TRIGGER  # CJK: two cells each
                shown, start, end = around(sentence.text, directive.start, directive.end, trigger)
                excerpt = Text(strip_controls(shown[:start]))
                excerpt.append(strip_controls(shown[start:end]), style="bold underline")
                excerpt.append(strip_controls(shown[end:]))
                label.append_text(excerpt)
                options.append(Option(label, id=f"{index}:{number}"))
        summary = Text(f"{sum(counts.values())} directives  ")
        summary.append("  ".join(f"{c} {n}" for c, n in counts.items()))
        self.query_one("#outline-counts", Label).update(summary)
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(options or [Option(Text("No directives in this report"), disabled=True)])

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            paragraph, sentence = (int(part) for part in event.option.id.split(":"))
            self.post_message(self.Jump(paragraph, sentence))
