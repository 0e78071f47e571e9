"""The reader knows where every wrapped line of a paragraph starts, so the sentence
under the cursor is scrolled into view (issue 10: on a paragraph of repeated sentences
19 of 20 line starts were wrong, found by searching for each line's first words)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from minutesreader.widgets.cells import line_starts, wrap_cjk
from minutesreader.widgets.document import DocumentView
from tests.ui.conftest import wait_for_scan

SHARED = Path(__file__).resolve().parents[3] / "shared"
REPEATED = " ".join(["The committee met again and agreed to meet again."] * 40)


def _paragraphs(pattern: str) -> list[str]:
    paragraphs = [REPEATED, "short", "a\nkept break", "x" * 130 + " then words", "  spaced   out  words  "]
    for path in sorted(SHARED.glob(pattern))[:6]:
        paragraphs += [block for block in path.read_text("utf-8", errors="replace").split("\n\n") if block.strip()][:40]
    return paragraphs


def _slices(text: str, starts: list[int]) -> list[str]:
    ends = [*starts[1:], len(text)]
    return [text[start:end].rstrip() for start, end in zip(starts, ends)]


def test_line_starts_are_where_rich_wraps_each_line():
    console = Console(width=200)
    for text in _paragraphs("corpus/readouts/*.txt"):
        for width in (12, 37, 80):
            lines = [line.plain.rstrip() for line in Text(text).wrap(console, width)]
            assert _slices(text, line_starts(text, width)) == lines, (width, text[:40])


def test_line_starts_are_where_chinese_wraps_each_line():
    for text in _paragraphs("corpus/readouts-zh/*.txt"):
        for width in (12, 37, 80):
            lines = [line.plain.rstrip() for line in wrap_cjk(Text(text), width)]
            assert _slices(text, line_starts(text, width, chinese=True)) == lines, (width, text[:40])


def _cursor_sentence_on_screen(view: DocumentView) -> bool:
    """Some of the sentence under the cursor (drawn reversed) is on screen."""
    return any(
        segment.style is not None and segment.style.reverse and segment.text.strip()
        for y in range(view.scrollable_content_region.height)
        for segment in view.render_line(y)
    )


async def test_the_cursor_sentence_stays_on_screen_in_a_paragraph_of_repeated_sentences(app_factory, tmp_path):
    folder = tmp_path / "repeated"
    folder.mkdir()
    (folder / "repeated.txt").write_text(f" date 2024-01-01 Repeated sentences\n\n{REPEATED}\n", "utf-8")
    app = app_factory(folder)
    # Two sentences a line: the old search by first words found every line at the first.
    async with app.run_test(size=(120, 10)) as pilot:
        await wait_for_scan(pilot)
        await pilot.press("enter")
        await wait_for_scan(pilot)
        view = app.screen.query_one(DocumentView)
        await pilot.press("down")  # the paragraph after the title
        moves = 0
        while view.paragraph < 5 and moves < 60:  # through every sentence of the repeated text
            assert _cursor_sentence_on_screen(view), (view.paragraph, view.sentence)
            await pilot.press("right")
            await pilot.pause()
            moves += 1
        assert moves >= 20
