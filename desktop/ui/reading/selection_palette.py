"""A small row of category colours that appears by a selection made with the mouse: one
click highlights the words in that category (the keyboard's Ctrl+1 … Ctrl+9 do the same)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

if TYPE_CHECKING:
    from desktop.core.notes.model import Category

SWATCH = 16


def swatch(colour: str, size: int = SWATCH) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour).darker(130))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class SelectionPalette(QFrame):
    chosen = Signal(int)  # the category's position (0-based)
    note_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("selectionPalette")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(3, 3, 3, 3)
        self._layout.setSpacing(2)
        self.buttons: list[QToolButton] = []
        self.hide()

    def set_categories(self, categories: list[Category]) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for position, category in enumerate(categories[:9]):
            button = QToolButton(self)
            button.setIcon(swatch(category.colour))
            button.setIconSize(QSize(SWATCH, SWATCH))
            button.setAutoRaise(True)
            button.setToolTip(self.tr("Highlight in %s (Ctrl+%d)") % (category.name,
                                                                      position + 1))
            button.setAccessibleName(category.name)
            button.clicked.connect(lambda _checked=False, p=position: self._choose(p))
            self._layout.addWidget(button)
            self.buttons.append(button)
        note = QToolButton(self)
        note.setText(self.tr("Note"))
        note.setAutoRaise(True)
        note.setToolTip(self.tr("Add a note to the selection (Ctrl+N)"))
        note.clicked.connect(self._note)
        self._layout.addWidget(note)
        self.buttons.append(note)
        self.adjustSize()

    def show_at(self, point: QPoint) -> None:
        """Show just above `point` (the selection's end, in the parent's coordinates), kept
        inside the parent."""
        self.adjustSize()
        parent = self.parentWidget()
        x = max(0, min(point.x() - self.width() // 2, parent.width() - self.width()))
        y = point.y() - self.height() - 6
        if y < 0:
            y = point.y() + 22
        self.move(x, y)
        self.show()
        self.raise_()

    def _choose(self, position: int) -> None:
        self.hide()
        self.chosen.emit(position)

    def _note(self) -> None:
        self.hide()
        self.note_requested.emit()
