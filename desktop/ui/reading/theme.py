"""The look of the reading panes, derived from the palette so light and dark both read well."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette

from desktop.core.contrast import GRAPHIC_AA, TEXT_AA, reaching
from desktop.core.render.html import RenderStyle

ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
DEFAULT_ZOOM = 100
# Reading size at 100 %: a little larger than interface text, as print reads on a laptop.
READING_POINT_SIZE = 11.0


def clamp_zoom(percent: int) -> int:
    return min(ZOOM_STEPS, key=lambda step: abs(step - percent))


def next_zoom(percent: int, direction: int) -> int:
    """The next zoom step up (direction > 0) or down from `percent`."""
    steps = ZOOM_STEPS if direction > 0 else tuple(reversed(ZOOM_STEPS))
    for step in steps:
        if (step - percent) * direction > 0:
            return step
    return steps[-1]


def reading_font(zoom: int) -> QFont:
    font = QFont(QGuiApplication.font())
    base = max(READING_POINT_SIZE, font.pointSizeF() * 1.15)
    font.setPointSizeF(round(base * zoom / 100, 1))
    return font


def render_style(palette: QPalette, font: QFont) -> RenderStyle:
    """Indentation from the font (the widest label, "(viii)", and a gap); marks from the palette."""
    metrics = QFontMetrics(font)
    indent = metrics.horizontalAdvance("(viii)") + metrics.horizontalAdvance("  ")
    return RenderStyle(
        indent_px=int(indent),
        mark_colour=mark_colour(palette).name(),
        muted_colour=palette.color(QPalette.ColorRole.PlaceholderText).name(),
    )


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def readable(colour: QColor, palette: QPalette, wanted: float) -> QColor:
    """`colour`, darkened on a light page or lightened on a dark one just enough to stand
    `wanted`:1 against the page (WCAG AA: 4.5 for text, 3 for marks and bars)."""
    moved = QColor(*reaching(_rgb(colour), _rgb(palette.color(QPalette.ColorRole.Base)),
                             wanted))
    moved.setAlpha(colour.alpha())
    return moved


def mark_colour(palette: QPalette) -> QColor:
    """The colour of repair and slip marks: the selection colour's complement, as light or dark
    as the selection colour itself, so it stands out from links and reads on the same base
    (as text: 4.5:1 at least)."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    hue, saturation, lightness, _alpha = highlight.getHslF()
    return readable(QColor.fromHslF((max(hue, 0.0) + 0.5) % 1.0, max(saturation, 0.5),
                                    lightness), palette, TEXT_AA)


def reading_column(font: QFont, indent: int) -> int:
    """The widest the text runs, in pixels: about ninety characters after two indents, a
    printed page's measure; wider panes centre the column."""
    return int(90 * QFontMetrics(font).averageCharWidth() + 2 * indent)


def current_unit_colour(palette: QPalette) -> QColor:
    """A tint of the selection colour: visible on light and dark bases, text stays readable."""
    colour = palette.color(QPalette.ColorRole.Highlight)  # a copy
    colour.setAlpha(48)
    return colour


def target_colour(palette: QPalette) -> QColor:
    """The marks of corresponding units: a hue a quarter turn from the selection colour (the
    current unit) and from its complement (repair marks), as light or dark as the selection
    colour, so all three tell apart on light and dark bases."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    hue, saturation, lightness, _alpha = highlight.getHslF()
    return readable(QColor.fromHslF((max(hue, 0.0) + 0.75) % 1.0, max(saturation, 0.5),
                                    min(max(lightness, 0.35), 0.65)), palette, GRAPHIC_AA)


def found_colour(palette: QPalette) -> QColor:
    """Words a search found, marked as a highlighter pen would: amber, strong on a light base,
    translucent on a dark one so the light text stays readable."""
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    return QColor(255, 193, 7, 110) if dark else QColor(255, 213, 79)


UNCATEGORISED_COLOUR = "#8d8d8d"  # a highlight or note with no category


def highlight_colour(colour: str | None, palette: QPalette) -> QColor:
    """A category's tint over the page: strong enough to tell the categories apart at a
    glance (well over 30 % of the colour), the text still readable on light and dark bases."""
    tint = QColor(colour or UNCATEGORISED_COLOUR)
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    tint.setAlpha(130 if dark else 100)
    return tint


def note_mark_colour(colour: str | None, palette: QPalette | None = None) -> QColor:
    """A note's mark in the margin: the category's own colour, opaque; on a page (`palette`)
    made to stand 3:1 against it, as a mark must."""
    mark = QColor(colour or UNCATEGORISED_COLOUR)
    return readable(mark, palette, GRAPHIC_AA) if palette is not None else mark
