"""How the chapter tree draws a row: by what sets a chapter apart, shortened a whole word at a
time (its own module: the tree is made after the window's first paint)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.render.heads import fit
from desktop.ui.docks.outline_model import TREE_TEXT_ROLE


class OutlineDelegate(QStyledItemDelegate):
    """Shows a chapter by its number and, where its siblings open alike, by what sets it
    apart (the model's TREE_TEXT_ROLE): UNGASS 2016's chapters all open "Operational
    recommendations on …". A row too long for the tree loses whole words, never half of one."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        shorter = index.data(TREE_TEXT_ROLE)
        if shorter:
            option.text = shorter
        if option.rect.width() > 0:  # painting: shortened a whole word at a time
            style = option.widget.style() if option.widget else QApplication.style()
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                       option.widget) + 1
            room = option.rect.width() - 2 * margin
            metrics = option.fontMetrics
            option.text = fit([option.text], lambda text: metrics.horizontalAdvance(text)
                              <= room) or option.text
