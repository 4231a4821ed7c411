"""Small icons drawn in the palette's colours: the style's own vanish on some dark palettes,
and these need nothing of QStyle or of Qt's namespace, so the window's first frame can show
them (desktop.ui.lazy_qt)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPolygonF

ICON_SIZE = 16


# The icons are drawn for the window's first frame: as paths stroked and filled, since
# QPainter's setPen and setBrush try overloads taking Qt's own colours and styles first,
# which would make Qt's namespace before that frame (desktop.ui.lazy_qt).


def _drawn_once(draw: Callable[..., QIcon]) -> Callable[..., QIcon]:
    """Each icon is drawn once per palette (its cacheKey says when the colours are the same):
    every pane shows the same ones, and they are drawn before the window's first paint."""
    drawn: dict[tuple[object, ...], QIcon] = {}

    @wraps(draw)
    def icon(palette: QPalette, *args: object, **kwargs: object) -> QIcon:
        key = (palette.cacheKey(), *args, *sorted(kwargs.items()))
        if key not in drawn:
            drawn[key] = draw(palette, *args, **kwargs)
        return drawn[key]

    return icon


def blank_pixmap() -> QPixmap:
    pixmap = QPixmap(ICON_SIZE * 2, ICON_SIZE * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(QColor(0, 0, 0, 0))
    return pixmap


@_drawn_once
def chain_icon(palette: QPalette) -> QIcon:
    """Two chain links: joined when the toggle is on, apart when it is off."""
    icon = QIcon()
    pen = QPen(palette.brush(QPalette.ColorRole.ButtonText), 1.6)
    for state, apart in ((QIcon.State.On, 0.0), (QIcon.State.Off, 2.5)):
        pixmap = blank_pixmap()
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(ICON_SIZE / 2, ICON_SIZE / 2)
        painter.rotate(-45)
        for side in (-1, 1):
            centre = QPointF(side * (3.2 + apart), 0)
            link = QPainterPath()
            link.addRoundedRect(QRectF(centre.x() - 4.2, -2.6, 8.4, 5.2), 2.6, 2.6)
            painter.strokePath(link, pen)
        painter.end()
        icon.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return icon


@_drawn_once
def arrow_icon(palette: QPalette, up: bool) -> QIcon:
    """A small triangle in the palette's text colour (the style's arrows vanish on some dark
    palettes); greyed when disabled."""
    icon = QIcon()
    for mode, role in ((QIcon.Mode.Normal, QPalette.ColorRole.ButtonText),
                       (QIcon.Mode.Disabled, QPalette.ColorRole.PlaceholderText)):
        pixmap = blank_pixmap()
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        middle, top, bottom = ICON_SIZE / 2, ICON_SIZE * 0.32, ICON_SIZE * 0.68
        tip, base = (top, bottom) if up else (bottom, top)
        triangle = QPainterPath()
        triangle.addPolygon(QPolygonF([QPointF(middle, tip), QPointF(middle - 4.5, base),
                                       QPointF(middle + 4.5, base)]))
        triangle.closeSubpath()
        painter.fillPath(triangle, palette.brush(QPalette.ColorGroup.Active, role))
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon


@_drawn_once
def close_icon(palette: QPalette) -> QIcon:
    """A cross in the palette's text colour: a pane's close button (the style's own icon
    would make QStyle's Python type, 566 values, before the window's first frame)."""
    icon = QIcon()
    pen = QPen(palette.brush(QPalette.ColorRole.ButtonText), 1.5)
    pixmap = blank_pixmap()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    near, far = ICON_SIZE * 0.3, ICON_SIZE * 0.7
    cross = QPainterPath()
    cross.moveTo(near, near)
    cross.lineTo(far, far)
    cross.moveTo(far, near)
    cross.lineTo(near, far)
    painter.strokePath(cross, pen)
    painter.end()
    icon.addPixmap(pixmap, QIcon.Mode.Normal, QIcon.State.Off)
    return icon
