"""The zoom level in the status bar ("Zoom 125 %"); a click puts it back to 100 %."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QToolButton, QWidget


class ZoomIndicator(QToolButton):
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoomIndicator")
        self.setAutoRaise(True)
        self.setToolTip(self.tr("Text size of the panes: Ctrl++ larger, Ctrl+- smaller; "
                                "click or Ctrl+0 for 100 %"))
        self.clicked.connect(self.reset_requested)
        self.show_zoom(100)

    def show_zoom(self, percent: int) -> None:
        self.setText(self.tr("Zoom %d %%") % percent)
        self.setAccessibleName(self.text())
