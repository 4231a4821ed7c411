"""Selecting words in a pane as a person does (a drag with the mouse), and reading what is
painted there — found in the laid-out document, independently of the view's own mapping."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.reading.document_view import DocumentView


def words_position(view: DocumentView, unit_id: str, words: str) -> tuple[int, int]:
    """Where `words` stand in the unit's block of the laid-out document (start, end)."""
    rect_block = view.document().findBlockByNumber(view._block[unit_id])
    found = view.document().find(words, rect_block.position(),
                                 QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull() and found.block() == rect_block, f"{words!r} not in {unit_id}"
    return found.selectionStart(), found.selectionEnd()


def point_of(view: DocumentView, position: int) -> QPoint:
    """The viewport point of the caret before the character at `position`."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left(), rect.center().y())


def drag_select(qtbot: QtBot, view: DocumentView, first: str, start_words: str,
                last: str | None = None, end_words: str | None = None) -> None:
    """Drag the mouse from the start of `start_words` in unit `first` to the end of
    `end_words` in unit `last` (default: the end of `start_words`)."""
    start = words_position(view, first, start_words)[0]
    end = words_position(view, last or first, end_words or start_words)[1]
    view.scroll_to_unit(first)
    begin, finish = point_of(view, start), point_of(view, end)
    viewport = view.viewport()
    assert viewport.rect().contains(begin) and viewport.rect().contains(finish)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
    for step in range(1, 5):  # a drag is a few moves with the button held
        point = begin + (finish - begin) * step / 4
        QApplication.sendEvent(viewport, QMouseEvent(
            QEvent.Type.MouseMove, QPointF(point), QPointF(viewport.mapToGlobal(point)),
            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)
    assert view.textCursor().hasSelection()


def pixel_behind(view: DocumentView, position: int) -> QColor:
    """The colour painted behind the character at `position`, just under its line's top
    (clear of the glyph's ink)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    rect = view.cursorRect(cursor)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int((rect.left() + 2) * ratio), int((rect.top() + 1) * ratio))


def blend(colour: QColor, base: QColor) -> QColor:
    """`colour` (with its alpha) painted over an opaque `base`."""
    alpha = colour.alphaF()
    return QColor(*(round(c * alpha + b * (1 - alpha)) for c, b in (
        (colour.red(), base.red()), (colour.green(), base.green()),
        (colour.blue(), base.blue()))))


def close(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in (
        (a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))
