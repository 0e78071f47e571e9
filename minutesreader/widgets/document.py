"""The report as numbered paragraphs, directives and kept words highlighted, notes and tags beneath.

A line-API widget: the height of every paragraph is counted cheaply (word-wrap offsets,
no styling), and a paragraph is styled and wrapped into strips only when it is drawn,
then cached; so opening a 9,000-word report draws one screen, moving the cursor redraws
two paragraphs, and scrolling draws only what is on screen.
Report and note text is always appended to `rich.text.Text` as plain strings: a report
holding `[bold]` shows those characters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from minutesreader.core.analysis import AnalyzedSentence
from minutesreader.core.reports import Report
from minutesreader.widgets.cells import line_starts, wrap_cjk
from minutesreader.widgets.contrast import shading

# The gutter: cursor bar, note mark, "¶" and the number padded to the widest number
# (at least 4 digits), then a space: "▌●¶12   ".
MIN_NUMBER_DIGITS = 4
# Up to this much text every paragraph's height is counted exactly when the report opens
# (a 9,000-word report costs about 20 ms); past it heights are estimated and corrected as
# each paragraph is first drawn, so opening costs the same whatever the length.
EXACT_LAYOUT_CHARS = 20_000
# How far (contrast ratio) each category's shading stands from the plain background:
# obligation, the strongest category, the most.
SHADING = {"document--obligation": 1.6, "document--call": 1.3, "document--task": 1.3}
# Paragraphs kept drawn: several screens' worth, so scrolling back redraws nothing, but
# not a whole 50 MB report's strips (Textual's Log bounds its line cache the same way).
DRAWN_PARAGRAPHS = 1_000


@dataclass(slots=True)
class ParagraphMarks:
    """What the user attached to one paragraph."""

    notes: list[tuple[str, str]] = field(default_factory=list)  # (note id, text)
    tags: list[str] = field(default_factory=list)
    highlights: list[tuple[int, int]] = field(default_factory=list)  # kept words: (start, end) in the paragraph
    noted: list[tuple[int, int]] = field(default_factory=list)  # words a note or tag is on

    def __bool__(self) -> bool:
        return bool(self.notes or self.tags or self.highlights)


class DocumentView(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("down,j", "paragraph(1)", "Next ¶", show=False),
        Binding("up,k", "paragraph(-1)", "Previous ¶", show=False),
        Binding("right,l", "sentence(1)", "Next sentence", show=False),
        Binding("left,h", "sentence(-1)", "Previous sentence", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(0)", "Top", show=False),
        Binding("end,G", "edge(1)", "Bottom", show=False),
    ]

    COMPONENT_CLASSES = {
        "document--obligation",
        "document--call",
        "document--task",
        "document--trigger",
        "document--cursor-sentence",
        "document--cursor-bar",
        "document--number",
        "document--headline",
        "document--note",
        "document--tag",
        "document--mark",
        "document--highlight",
        "document--noted",
        "document--hit",
    }

    DEFAULT_CSS = """
    DocumentView { height: 1fr; padding: 0 1; }
    DocumentView > .document--obligation { background: $error 25%; }
    DocumentView > .document--call { background: $warning 25%; }
    DocumentView > .document--task { background: $success 25%; }
    DocumentView > .document--trigger { text-style: bold underline; }
    DocumentView > .document--cursor-sentence { text-style: reverse; }
    DocumentView > .document--cursor-bar { color: $accent; text-style: bold; }
    DocumentView > .document--number { color: $foreground 50%; }
    DocumentView > .document--headline { text-style: bold; }
    DocumentView > .document--note { color: $text-accent; }
    DocumentView > .document--tag { color: $text-secondary; text-style: italic; }
    DocumentView > .document--mark { color: $accent; }
    DocumentView > .document--highlight { background: $secondary 45%; }
    DocumentView > .document--noted { text-style: underline; }
    DocumentView > .document--hit { background: $accent 50%; text-style: bold; }
    """

    paragraph = reactive(0, init=False)
    sentence = reactive(0, init=False)
    # Words are selected (the reader's `v`): `l` and `h` grow and shrink the selection
    # instead of moving the cursor, so this view lets those keys go to the reader.
    selecting = var(False)

    class CursorMoved(Message):
        def __init__(self, paragraph: int, sentence: int) -> None:
            super().__init__()
            self.paragraph = paragraph
            self.sentence = sentence

    def __init__(self, *, id: str | None = None, reading_width: int = 100) -> None:
        """reading_width: the longest line of text, in columns, however wide the terminal."""
        super().__init__(id=id)
        self.reading_width = reading_width
        self.report: Report | None = None
        self.analysis: Sequence[list[AnalyzedSentence]] = []
        self.marks: dict[int, ParagraphMarks] = {}
        self.hits: dict[int, list[tuple[int, int]]] = {}
        self._blocks: LRUCache[int, list[Strip]] = LRUCache(DRAWN_PARAGRAPHS)
        self._line_starts: list[list[int]] = []
        self._tops: list[int] = []
        self._heights: list[int] = []
        self._width = 0
        self._scroll_pending = False
        self._tops_pending = False
        self._gutter = 4 + MIN_NUMBER_DIGITS
        self._style_cache: dict[str, Style] = {}

    # -- content ---------------------------------------------------------------
    def load(self, report: Report, analysis: Sequence[list[AnalyzedSentence]], marks: dict[int, ParagraphMarks]) -> None:
        self.report = report
        digits = len(str(report.paragraphs[-1].number)) if report.paragraphs else 1
        self._gutter = 4 + max(MIN_NUMBER_DIGITS, digits)
        self.analysis = analysis
        self.marks = marks
        self._invalidate_all()
        self.set_reactive(DocumentView.paragraph, 0)
        self.set_reactive(DocumentView.sentence, 0)
        self.scroll_to(y=0, animate=False, immediate=True, force=True)

    @property
    def _chinese(self) -> bool:
        """Text written without spaces: wrapped between characters, not at spaces."""
        return self.report is not None and self.report.language in ("zh", "ja")

    def paragraphs_added(self) -> None:
        """The report grew (a big report is read in parts): only the new paragraphs are
        laid out, the cursor and what is drawn stay."""
        assert self.report is not None
        new = len(self.analysis) - len(self._line_starts)
        if new <= 0:
            return
        self._line_starts.extend([] for _ in range(new))
        gutter = 4 + max(MIN_NUMBER_DIGITS, len(str(self.report.paragraphs[-1].number)))
        if gutter != self._gutter:  # ¶10000: every paragraph is drawn a column narrower
            self._gutter = gutter
            self._invalidate_all()
        elif self._tops and len(self._heights) + new == len(self._line_starts):
            self._heights.extend(self._estimate_lines(index) for index in range(len(self._heights), len(self._line_starts)))
            self._set_tops()
        else:
            self._tops = []
        self.refresh()

    def set_marks(self, marks: dict[int, ParagraphMarks]) -> None:
        self.marks = marks
        self._invalidate_all()

    def set_hits(self, hits: dict[int, list[tuple[int, int]]]) -> None:
        self.hits = hits
        self._restyle()

    @property
    def current_sentence(self) -> AnalyzedSentence | None:
        if not self.analysis:
            return None
        sentences = self.analysis[self.paragraph]
        return sentences[self.sentence] if sentences else None

    def go_to(self, paragraph: int, sentence: int = 0) -> None:
        if not self.analysis:
            return
        paragraph = max(0, min(paragraph, len(self.analysis) - 1))
        self.paragraph = paragraph
        self.sentence = max(0, min(sentence, len(self.analysis[paragraph]) - 1))

    # -- cursor ------------------------------------------------------------------
    def validate_paragraph(self, value: int) -> int:
        return max(0, min(value, len(self.analysis) - 1)) if self.analysis else 0

    def validate_sentence(self, value: int) -> int:
        if not self.analysis:
            return 0
        return max(0, min(value, len(self.analysis[self.paragraph]) - 1))

    def watch_paragraph(self, old: int, new: int) -> None:
        self.set_reactive(DocumentView.sentence, 0)
        self._invalidate(old)
        self._invalidate(new)
        self._moved()

    def watch_sentence(self, old: int, new: int) -> None:
        self._invalidate(self.paragraph)
        self._moved()

    def _moved(self) -> None:
        self.refresh()
        self.call_after_refresh(self._scroll_to_cursor)
        self.post_message(self.CursorMoved(self.paragraph, self.sentence))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "sentence" and self.selecting)

    def action_paragraph(self, step: int) -> None:
        self.paragraph += step

    def action_sentence(self, step: int) -> None:
        count = len(self.analysis[self.paragraph]) if self.analysis else 0
        target = self.sentence + step
        if target >= count and self.paragraph < len(self.analysis) - 1:
            self.paragraph += 1
        elif target < 0 and self.paragraph > 0:
            self.paragraph -= 1
            self.sentence = len(self.analysis[self.paragraph]) - 1
        else:
            self.sentence = target

    def action_page(self, direction: int) -> None:
        self._ensure_layout()
        height = self.scrollable_content_region.height
        target_line = self._tops[self.paragraph] + direction * max(1, height - 2) if self._tops else 0
        self.paragraph = max(0, bisect_right(self._tops, target_line) - 1)

    def action_edge(self, end: int) -> None:
        self.paragraph = len(self.analysis) - 1 if end else 0

    def on_click(self, event: events.Click) -> None:
        self._ensure_layout()
        line = event.y + int(self.scroll_y)
        index = bisect_right(self._tops, line) - 1
        if 0 <= index < len(self.analysis):
            self.paragraph = index

    def _scroll_to_cursor(self) -> None:
        self._ensure_layout()
        if not self._tops:
            self._scroll_pending = True  # no size yet: scroll once the first layout is made
            return
        self._scroll_pending = False
        block = self._render_block(self.paragraph)
        top = self._tops[self.paragraph]
        height = self.scrollable_content_region.height
        sentence_line = self._sentence_line(self.paragraph, self.sentence)
        if len(block) - 1 <= height:
            first, last = top, top + len(block) - 1
        else:
            first = last = top + sentence_line
        if first < self.scroll_y:
            self.scroll_to(y=first, animate=False, immediate=True, force=True)
        elif last >= self.scroll_y + height:
            self.scroll_to(y=max(first, last - height + 1) if last - first < height else first, animate=False, immediate=True, force=True)

    def _sentence_line(self, paragraph: int, sentence: int) -> int:
        starts = self._line_starts[paragraph] if paragraph < len(self._line_starts) else []
        if not starts or not self.analysis[paragraph]:
            return 0
        offset = self.analysis[paragraph][sentence].start
        return max(0, bisect_right(starts, offset) - 1)

    # -- layout and drawing ------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._invalidate_all()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache = {}
        self._restyle()

    def _invalidate(self, index: int) -> None:
        self._blocks.discard(index)

    def _invalidate_all(self) -> None:
        """Content changed: heights must be counted again."""
        self._blocks.clear()
        self._line_starts = [[] for _ in range(len(self.analysis))]
        self._tops = []
        self.refresh()

    def _restyle(self) -> None:
        """Only styles changed: heights stand, the strips are drawn again when seen."""
        self._blocks.clear()
        self.refresh()

    def _ensure_layout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= self._gutter:
            return
        if width != self._width:
            # Lines wrap anew (the outline opened or closed, the terminal resized): the
            # cursor paragraph moves down or up the text, and the view goes with it.
            self._scroll_pending = self._scroll_pending or self._width > 0
            self._width = width
            self._blocks.clear()
            self._tops = []
        if self._tops and len(self._tops) == len(self.analysis):
            return
        # Exact heights cost a word wrap of the whole text (seconds for a 50 MB report).
        assert self.report is not None
        exact = sum(len(p.text) for p in self.report.paragraphs) <= EXACT_LAYOUT_CHARS
        count = self._count_lines if exact else self._estimate_lines
        self._heights = [count(index) for index in range(len(self.analysis))]
        self._set_tops()

    @property
    def _text_width(self) -> int:
        """Columns for the text: what the gutter leaves, up to the reading width."""
        return max(1, min(self._width - self._gutter, self.reading_width))

    def _estimate_lines(self, index: int) -> int:
        assert self.report is not None
        width = max(1, int(self._text_width * 0.9))  # word wrap leaves ragged ends
        text = self.report.paragraphs[index].text
        marks = self.marks.get(index)
        extra = len(self._marks_strips(marks, Segment(" "), width)) if marks else 0
        cells = len(text) * (2 if self._chinese else 1)  # ideographs take two cells
        return cells // width + text.count("\n") + 2 + extra

    def _set_tops(self) -> None:
        self._tops = [0, *accumulate(self._heights)][:-1] if self._heights else []
        self.virtual_size = Size(self._width, sum(self._heights))
        if self._scroll_pending:
            self.call_later(self._scroll_to_cursor)

    def _count_lines(self, index: int) -> int:
        """Lines the paragraph will take, as Text.wrap would break it, without styling it."""
        assert self.report is not None
        width = self._text_width
        lines = len(line_starts(self.report.paragraphs[index].text, width, self._chinese))
        marks = self.marks.get(index)
        if marks:
            lines += len(self._marks_strips(marks, Segment(" "), width))
        return lines + 1  # the blank line after the paragraph

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        width = self.scrollable_content_region.width
        line = y + int(self.scroll_y)
        index = bisect_right(self._tops, line) - 1
        if index < 0 or not self._tops:
            return Strip.blank(width, self.rich_style)
        block = self._render_block(index)
        offset = line - self._tops[index]
        if offset >= len(block):
            return Strip.blank(width, self.rich_style)
        return block[offset].crop_extend(0, width, self.rich_style)

    def category_style(self, category: str) -> Style:
        """How a directive category is shown here: for legends and outlines to match."""
        return self._style(f"document--{category}")

    def _style(self, name: str) -> Style:
        """A component's own style: its translucent colours blended over our background (Rich
        styles have no alpha: unblended, `$error 25%` would paint full red), and a category's
        shading just strong enough to stand out in this theme. (Text that would not read on
        it is made to by the app's last line filter, contrast.ReadableText.)"""
        style = self._style_cache.get(name)
        if style is None:
            styles = self.get_component_styles(name)
            style = self.get_component_rich_style(name, partial=True)
            plain = self.background_colors[1]
            under = plain
            if styles.has_rule("background"):
                ratio = SHADING.get(name)
                under = shading(plain, styles.background, ratio) if ratio else plain + styles.background
                style += Style(bgcolor=under.rich_color)
            if styles.has_rule("color") and styles.color.a < 1:
                style += Style(color=(under + styles.color).rich_color)
            self._style_cache[name] = style
        return style

    def _render_block(self, index: int) -> list[Strip]:
        cached = self._blocks.get(index)
        if cached is not None:
            return cached
        assert self.report is not None
        paragraph = self.report.paragraphs[index]
        is_cursor = index == self.paragraph
        width = self._text_width
        console = self.app.console

        body = Text(paragraph.text, style=self._style("document--headline") if paragraph.headline else "")
        for number, sentence in enumerate(self.analysis[index]):
            if sentence.directive:
                body.stylize(self._style(f"document--{sentence.directive.category}"), sentence.start, sentence.end)
                trigger_start = sentence.start + sentence.directive.start
                body.stylize(self._style("document--trigger"), trigger_start, sentence.start + sentence.directive.end)
            if is_cursor and number == self.sentence:
                body.stylize(self._style("document--cursor-sentence"), sentence.start, sentence.end)
        marks = self.marks.get(index)
        # The user's own marks over the directives; the selection and find hits over all.
        for start, end in marks.highlights if marks else ():
            body.stylize(self._style("document--highlight"), start, end)
        for start, end in marks.noted if marks else ():
            body.stylize(self._style("document--noted"), start, end)
        for start, end in self.hits.get(index, ()):
            body.stylize(self._style("document--hit"), start, end)

        lines = wrap_cjk(body, width) if self._chinese else body.wrap(console, width)
        self._line_starts[index] = line_starts(paragraph.text, width, self._chinese)

        bar = Segment("▌" if is_cursor else " ", self._style("document--cursor-bar"))
        mark = Segment("●" if marks else " ", self._style("document--mark"))
        number = Segment(f"¶{paragraph.number:<{self._gutter - 4}} ", self._style("document--number"))
        blank = Segment(" " * (self._gutter - 1))
        strips: list[Strip] = []
        for row, line in enumerate(lines):
            lead = [bar, mark, number] if row == 0 else [bar, blank]
            strips.append(Strip([*lead, *line.render(console)]))
        if marks:
            strips.extend(self._marks_strips(marks, bar, width))
        strips.append(Strip([]))
        # The widget's own style under every segment (light themes need its background and
        # text colour); once per drawn paragraph, not per line on every refresh.
        base = self.rich_style
        strips = [strip.apply_style(base) for strip in strips]
        self._blocks.set(index, strips)
        if index < len(self._heights) and self._heights[index] != len(strips):
            # The count was off (an estimate, or a rare wrap): trust the drawing. The new
            # offsets are applied after this frame, not in the middle of drawing it.
            self._heights[index] = len(strips)
            if not self._tops_pending:
                self._tops_pending = True
                self.call_later(self._apply_heights)
        return strips

    def _apply_heights(self) -> None:
        self._tops_pending = False
        self._set_tops()
        self.refresh()

    def _marks_strips(self, marks: ParagraphMarks, bar: Segment, width: int) -> list[Strip]:
        console = self.app.console
        strips = []
        blank = Segment(" " * (self._gutter - 1))
        rows: list[Text] = []
        for _note_id, note in marks.notes:
            text = Text("✎ ", style=self._style("document--note"))
            text.append(note, style=self._style("document--note"))
            rows.append(text)
        if marks.tags:
            tags = Text("", style=self._style("document--tag"))
            tags.append("  ".join(f"#{tag}" for tag in marks.tags))
            rows.append(tags)
        for text in rows:
            for line in text.wrap(console, width):
                strips.append(Strip([bar, blank, *line.render(console)]))
        return strips
