"""List rows of a few lines: a bold title, then lines whose marked words stand out (search
matches), then a muted note. Used by the search results, the links panel and Go to."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.render.heads import fit
from desktop.core.search import MARK_END, MARK_START

LINES_ROLE = Qt.ItemDataRole.UserRole + 20  # list[str]: the lines under the title
NOTE_ROLE = Qt.ItemDataRole.UserRole + 21  # str: a muted last line ("" for none)
PADDING = 4

Index = QModelIndex | QPersistentModelIndex


def segments(line: str) -> list[tuple[str, bool]]:
    """A line cut into (text, marked) pieces at the search markers."""
    pieces: list[tuple[str, bool]] = []
    marked = False
    text = ""
    for ch in line:
        if ch in (MARK_START, MARK_END):
            if text:
                pieces.append((text, marked))
            text, marked = "", ch == MARK_START
        else:
            text += ch
    if text:
        pieces.append((text, marked))
    return pieces


def plain(line: str) -> str:
    return line.replace(MARK_START, "").replace(MARK_END, "")


class RowDelegate(QStyledItemDelegate):
    def _lines(self, index: Index) -> tuple[str, list[str], str]:
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = index.data(LINES_ROLE) or []
        note = str(index.data(NOTE_ROLE) or "")
        return title, [str(line) for line in lines], note

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        _title, lines, note = self._lines(index)
        count = 1 + len(lines) + (1 if note else 0)
        spacing = QFontMetrics(option.font).lineSpacing()
        return QSize(200, count * spacing + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)

        title, lines, note = self._lines(index)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = (QPalette.ColorRole.HighlightedText if selected
                     else QPalette.ColorRole.Text)
        colour = palette.color(text_role)
        rect: QRect = option.rect.adjusted(PADDING + 2, PADDING, -PADDING - 2, -PADDING)
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        spacing = QFontMetrics(base).lineSpacing()
        painter.save()
        y = rect.top()
        self._draw(painter, [(title, False)], rect.left(), y, rect.right(), bold, bold, colour,
                   None)
        mark = QColor(palette.color(QPalette.ColorRole.Highlight))
        mark.setAlpha(70)
        for line in lines:
            y += spacing
            self._draw(painter, segments(line), rect.left(), y, rect.right(), base, bold,
                       colour, None if selected else mark)
        if note:
            y += spacing
            muted = colour if selected else palette.color(QPalette.ColorRole.PlaceholderText)
            self._draw(painter, [(note, False)], rect.left(), y, rect.right(), base, bold,
                       muted, None)
        painter.restore()

    @staticmethod
    def _draw(painter: QPainter, pieces: list[tuple[str, bool]], left: int, top: int,
              right: int, font: QFont, marked_font: QFont, colour: QColor,
              mark: QColor | None) -> None:
        """One line of pieces from `left`, marked ones bold on a tint; the last piece that
        does not fit loses its last words."""
        x = left
        for text, marked in pieces:
            use = marked_font if marked else font
            metrics = QFontMetrics(use)
            room = right - x
            if room <= metrics.horizontalAdvance("…"):
                break
            shown = text
            if metrics.horizontalAdvance(text) > room:  # whole words, never half of one
                shown = fit([text], lambda part, m=metrics, r=room: m.horizontalAdvance(part)
                            <= r) or "…"
            width = metrics.horizontalAdvance(shown)
            area = QRect(x, top, width, metrics.lineSpacing())
            if marked and mark is not None:
                painter.fillRect(area, mark)
            painter.setFont(use)
            painter.setPen(colour)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             shown)
            x += width
            if shown != text:
                break
