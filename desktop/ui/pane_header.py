"""The header of a document pane: the instrument chooser, the running head, pane buttons."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolButton,
    QWidget,
)

from desktop.core.model import Instrument


class ElidedLabel(QWidget):
    """One line of text that shrinks with an ellipsis instead of cutting off or widening."""

    def __init__(self, parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle) -> None:
        super().__init__(parent)
        self._text = ""
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self.setToolTip(text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(80, self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        shown = self.fontMetrics().elidedText(self._text, self._mode,
                                              self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter), shown)


class InstrumentChooser(QComboBox):
    """A combo box that asks for room for its whole current title, but can shrink (eliding it)
    when four panes share a small screen."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = QSize(self.fontMetrics().horizontalAdvance(self.currentText()), hint.height())
        wanted = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return wanted.expandedTo(hint)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Styles clip a title that does not fit; elide it instead, so no word is cut in half.
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class PaneHeader(QFrame):
    instrument_chosen = Signal(str)
    move_requested = Signal(int)  # -1 left, +1 right
    close_requested = Signal()

    def __init__(self, instruments: list[Instrument], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paneHeader")
        self._active = False
        self.chooser = InstrumentChooser(self)
        self.chooser.setObjectName("instrumentChooser")
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(8)
        self.chooser.currentIndexChanged.connect(self.chooser.updateGeometry)
        self.chooser.setToolTip(self.tr("The instrument in this pane (Ctrl+O)"))
        for instrument in instruments:
            self.chooser.addItem(instrument.short_title, instrument.id)
            self.chooser.setItemData(self.chooser.count() - 1, instrument.title,
                                     Qt.ItemDataRole.ToolTipRole)
        self.chooser.activated.connect(
            lambda row: self.instrument_chosen.emit(self.chooser.itemData(row)))
        self.location = ElidedLabel(self)
        self.location.setObjectName("runningHead")
        style = self.style()
        self.left_button = self._button(QStyle.StandardPixmap.SP_ArrowLeft,
                                        self.tr("Move this pane left"))
        self.right_button = self._button(QStyle.StandardPixmap.SP_ArrowRight,
                                         self.tr("Move this pane right"))
        self.close_button = self._button(QStyle.StandardPixmap.SP_TitleBarCloseButton,
                                         self.tr("Close this pane"))
        self.left_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.right_button.clicked.connect(lambda: self.move_requested.emit(1))
        self.close_button.clicked.connect(self.close_requested)
        layout = QHBoxLayout(self)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        layout.setContentsMargins(margin, 2, 2, 4)
        layout.setSpacing(max(4, margin))
        layout.addWidget(self.chooser)
        layout.addWidget(self.location, 1)
        for button in (self.left_button, self.right_button, self.close_button):
            layout.addWidget(button)

    def _button(self, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def instrument_id(self) -> str:
        return str(self.chooser.currentData())

    def set_instrument(self, instrument_id: str) -> None:
        row = self.chooser.findData(instrument_id)
        if row >= 0:
            self.chooser.setCurrentIndex(row)

    def title(self) -> str:
        return self.chooser.currentText()

    def set_location(self, text: str) -> None:
        self.location.setText(text)

    def set_active(self, active: bool) -> None:
        self._active = active
        self.update()

    def is_active(self) -> bool:
        return self._active

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # The focused pane's header is underlined in the selection colour, the others in a
        # quiet line; both come from the palette, so dark mode keeps them visible.
        painter = QPainter(self)
        role = QPalette.ColorRole.Highlight if self._active else QPalette.ColorRole.Mid
        thickness = 3 if self._active else 1
        painter.fillRect(0, self.height() - thickness, self.width(), thickness,
                         self.palette().color(role))
