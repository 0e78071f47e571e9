"""Colours that stay readable in every theme: WCAG contrast, and the fixes that reach it.

A theme's colours are chosen for its own widgets, not for ours: `$foreground 50%` on a
light background, or a category shading over it, can fall under the 4.5:1 that text
needs. So the colours we draw text with are checked against what is under them, and
nudged towards black or white until they read; and a directive category's shading is
made just strong enough to stand out from the plain background, whatever the theme.
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.constants import DIM_FACTOR
from textual.filter import LineFilter

READABLE = 4.5  # WCAG AA for text
BLACK, WHITE = Color(0, 0, 0), Color(255, 255, 255)


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable(color: Color, background: Color, minimum: float = READABLE) -> Color:
    """color, or the nearest blend of it towards black or white that reads on background."""
    if contrast(color, background) >= minimum:
        return color
    target = BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE
    for step in range(1, 21):
        nearer = color.blend(target, step / 20)
        if contrast(nearer, background) >= minimum:
            return nearer
    return target


def shading(background: Color, tint: Color, ratio: float, most: float = 0.85) -> Color:
    """The lightest blend of tint over background that stands `ratio` apart from it."""
    tint = tint.with_alpha(1.0)
    for step in range(1, 18):
        alpha = min(most, step * 0.05)
        shaded = background.blend(tint, alpha)
        if contrast(shaded, background) >= ratio or alpha >= most:
            return shaded
    return background.blend(tint, most)


class ReadableText(LineFilter):
    """The last filter on every line drawn: text whose colour does not read (4.5:1) on its
    background is nudged until it does; dim text is first given the colour it would show.
    Our own styles already aim for this; the filter also covers the themes' colours in
    Textual's widgets (option lists, footer, inputs) and anything a theme adds later."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(segment.text, _readable_style(segment.style, background), segment.control)
            if segment.style is not None and segment.text.strip() else segment
            for segment in segments
        ]


@lru_cache(4096)
def _readable_style(style: Style, background: Color) -> Style:
    fg, bg = style.color, style.bgcolor
    if fg is None or fg.triplet is None or (bg is not None and not bg.is_default and bg.triplet is None):
        return style  # the terminal's own colours (ANSI themes): nothing to measure
    under = Color.from_rich_color(bg) if bg is not None and bg.triplet is not None else background
    colour = Color.from_rich_color(fg)
    if style.dim:
        colour = under.blend(colour, DIM_FACTOR)
        style += Style(dim=False)
    if style.reverse:
        colour, under = under, colour
    fixed = readable(colour, under)
    if fixed == colour and not style.dim:
        return style
    if style.reverse:
        return style + Style(bgcolor=fixed.rich_color)
    return style + Style(color=fixed.rich_color)
