"""The colour arithmetic behind defect 18 (WCAG contrast), without an app."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color

from minutesreader.widgets.contrast import ReadableText, contrast, readable, shading

WHITE, BLACK = Color(255, 255, 255), Color(0, 0, 0)
LIGHT_GREY = Color.parse("#dadada")


def test_contrast_matches_wcag():
    assert round(contrast(WHITE, BLACK), 1) == 21.0
    assert contrast(LIGHT_GREY, LIGHT_GREY) == 1.0
    # The example: amber ¶ numbers on the light theme's grey.
    assert round(contrast(Color.parse("#ffaf00"), LIGHT_GREY), 2) == 1.32


def test_readable_moves_a_faint_colour_only_as_far_as_needed():
    fixed = readable(Color.parse("#ffaf00"), LIGHT_GREY)
    assert 4.5 <= contrast(fixed, LIGHT_GREY) < 6
    assert readable(BLACK, LIGHT_GREY) == BLACK


def test_shading_stands_apart_by_the_ratio_asked():
    dark = Color.parse("#1e1e1e")
    shaded = shading(dark, Color.parse("#ff0000"), 1.6)
    assert contrast(shaded, dark) >= 1.6
    assert contrast(shading(dark, Color.parse("#ff0000"), 1.3), dark) < contrast(shaded, dark)


def test_the_line_filter_fixes_faint_and_dim_text():
    faint = Segment("¶1", Style(color="#ffaf00", bgcolor="#dadada"))
    dim = Segment("2023", Style(color="#1c1c1c", dim=True))
    fixed = ReadableText().apply([faint, dim], LIGHT_GREY)
    assert [s.text for s in fixed] == ["¶1", "2023"]
    for segment in fixed:
        assert not segment.style.dim
        assert contrast(Color.from_rich_color(segment.style.color), LIGHT_GREY) >= 4.5
