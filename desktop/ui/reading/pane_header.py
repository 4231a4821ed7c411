"""The header of a document pane: the instrument chooser, the running head, pane buttons."""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, QTimer, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QIcon,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop.core.model import Instrument
from desktop.core.render.heads import fit
from desktop.core.short_citations import instrument_label
from desktop.ui.lazy_qt import ALIGN_V_CENTER, TOOL_TIP_ROLE, USER_ROLE, fill_rect
from desktop.ui.reading.drawn_icons import close_icon

if TYPE_CHECKING:  # made by Qt when it asks initStyleOption, not at import
    from PySide6.QtWidgets import QStyleOptionComboBox


class ElidedLabel(QWidget):
    """One line of text that shortens instead of cutting off or widening: the first of its
    forms that fits (a running head by chapter numbers and short titles, a sync bar's
    parts), else the last one a word at a time — never a word cut in half."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._forms: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def text(self) -> str:
        return self._text

    def setText(self, text: str, forms: Sequence[str] = ()) -> None:
        """The whole text (the tooltip, and what screen readers read) and shorter forms of
        it, longest first."""
        self._text = text
        self._forms = [text, *forms] if text else []
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.update()

    def shown_text(self) -> str:
        """What fits in the label's width now."""
        metrics, room = self.fontMetrics(), self.width()
        return fit(self._forms, lambda form: metrics.horizontalAdvance(form) <= room)

    def sizeHint(self) -> QSize:
        return QSize(80, self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # its pen is the label's foreground colour
        painter.drawText(self.rect(), ALIGN_V_CENTER, self.shown_text())


ABBREVIATION_ROLE = USER_ROLE + 1  # "UNGASS 2016", "PoA 2009"
MINIMUM_CHARACTERS = 5  # the chooser's least width, in wide letters
RUNNING_HEAD_ROOM = 30  # characters the running head keeps before the title gives way


class InstrumentChooser(QComboBox):
    """A combo box that asks for room for its whole current title, but can shrink when four
    panes share a small screen: to the instrument's short name ("UNGASS 2016"), then a word
    at a time.

    Its sizes are the style's (what it adds around a combo box's contents), read off Qt's
    own size hint rather than asked of QStyle: naming QStyle in Python makes its Python
    type, 566 values (~6 ms), and the window's first frame shows the chooser. Qt paints it;
    the text shown is set where Qt reads it (initStyleOption)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._measuring = False
        # _frame reads the style's margins off the hint these two settings give.
        self.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)

    def _frame(self) -> QSize:
        """What the style adds around the contents (its sizeFromContents for a combo box).
        With AdjustToMinimumContentsLengthWithIcon, Qt's size hint is the style's size for
        contents of minimumContentsLength letters X and an icon, as tall as a line of text
        or the icon (QComboBoxPrivate::recomputeSizeHint); the tests check this against the
        style's own answer. (Not the minimum size hint: Qt keeps that one from before
        setMinimumContentsLength.)"""
        self._measuring = True  # Qt asks initStyleOption while it works the hint out
        try:
            hint = QComboBox.sizeHint(self)
        finally:
            self._measuring = False
        icon = self.iconSize()
        width = (self.minimumContentsLength() * self.fontMetrics().horizontalAdvance("X")
                 + icon.width() + 4)
        height = max(max(ceil(QFontMetricsF(self.font()).height()), 14) + 2,
                     icon.height() + 2)
        return QSize(hint.width() - width, hint.height() - height)

    def _wanted(self, text: str) -> QSize:
        """The size that shows `text` whole."""
        frame = self._frame()
        return QSize(self.fontMetrics().horizontalAdvance(text) + frame.width(),
                     QComboBox.sizeHint(self).height() + frame.height())

    def sizeHint(self) -> QSize:
        # The same for every instrument, so panes ask for the same room and share the width
        # evenly; the header lets it grow to the whole title when there is room.
        return self.minimumSizeHint()

    def whole_width(self) -> int:
        return self._wanted(self.currentText()).expandedTo(super().minimumSizeHint()).width()

    def minimumSizeHint(self) -> QSize:
        # The same for every instrument (a few characters): every pane asks for the same
        # minimum, so the splitter shares the width evenly whatever each pane shows, and a
        # narrow pane is not held wider than the reader made it.
        return self._wanted("M" * MINIMUM_CHARACTERS)

    def short_name(self) -> str:
        return str(self.currentData(ABBREVIATION_ROLE) or self.currentText())

    def shown_text(self) -> str:
        """The title as painted now: whole, or the short name, or that shortened by words —
        the first that the chooser's width has room for."""
        room = self.width() - self._frame().width()
        metrics = self.fontMetrics()
        return fit([self.currentText(), self.short_name()],
                   lambda text: metrics.horizontalAdvance(text) <= room)

    def initStyleOption(self, option: QStyleOptionComboBox) -> None:
        super().initStyleOption(option)
        if not self._measuring:
            option.currentText = self.shown_text()


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
        self.chooser.setToolTip(self.tr("The instrument in this pane (Ctrl+O)"))
        self.chooser.setAccessibleName(self.tr("Instrument in this pane"))
        for instrument in instruments:
            self.chooser.addItem(instrument.short_title, instrument.id)
            self.chooser.setItemData(self.chooser.count() - 1, instrument.title,
                                     TOOL_TIP_ROLE)
            self.chooser.setItemData(self.chooser.count() - 1, instrument_label(instrument),
                                     ABBREVIATION_ROLE)
        self.chooser.activated.connect(
            lambda row: self.instrument_chosen.emit(self.chooser.itemData(row)))
        self.location = ElidedLabel(self)
        self.location.setObjectName("runningHead")
        # Moving a pane lives in the pane's menu, so nothing in the header looks like Back
        # and Forward; closing keeps its own button.
        self.menu_button = QToolButton(self)
        self.menu_button.setObjectName("paneMenuButton")
        self.menu_button.setText("\u22ee")  # ⋮
        self.menu_button.setToolTip(self.tr("Pane menu: move this pane left or right, close it"))
        self.menu_button.setAccessibleName(self.tr("Pane menu"))
        self.menu_button.setAutoRaise(True)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.menu = QMenu(self.menu_button)
        # The keys are shown after a tab (the window's own actions hold them): a second
        # action on the same key would make it ambiguous.
        native = QKeySequence.SequenceFormat.NativeText
        self.left_action = self.menu.addAction(self.tr("Move pane &left") + "\t" + QKeySequence(
            "Ctrl+Shift+PgUp").toString(native))
        self.right_action = self.menu.addAction(self.tr("Move pane &right") + "\t" +
                                                QKeySequence("Ctrl+Shift+PgDown").toString(native))
        self.menu.addSeparator()
        self.close_action = self.menu.addAction(self.tr("&Close pane") + "\t" + QKeySequence(
            "Ctrl+W").toString(native))
        self.menu_button.setMenu(self.menu)
        self.close_button = self._button(close_icon(self.palette()),
                                         self.tr("Close this pane"))
        # Acted on once the menu has closed, so the keyboard focus it gives back does not
        # land after the pane has taken it.
        self.left_action.triggered.connect(
            lambda: QTimer.singleShot(0, lambda: self.move_requested.emit(-1)))
        self.right_action.triggered.connect(
            lambda: QTimer.singleShot(0, lambda: self.move_requested.emit(1)))
        self.close_action.triggered.connect(
            lambda: QTimer.singleShot(0, self.close_requested.emit))
        self.close_button.clicked.connect(self.close_requested)
        self._grid = QGridLayout(self)
        margin = max(4, self._grid.horizontalSpacing())  # the style's spacing
        self._grid.setContentsMargins(margin, 2, 2, 4)
        self._grid.setHorizontalSpacing(margin)
        self._grid.setVerticalSpacing(0)
        self._grid.addWidget(self.chooser, 0, 0)
        self._grid.addWidget(self.location, 0, 1)
        self._grid.addWidget(self.menu_button, 0, 2)
        self._grid.addWidget(self.close_button, 0, 3)
        # The chooser grows up to its whole title (its maximum width), the rest is the
        # running head's.
        self.chooser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._grid.setColumnStretch(0, 100)  # filled first, up to its maximum width
        self._grid.setColumnStretch(1, 1)
        self._below = False  # whether the running head has a line of its own
        self.chooser.currentIndexChanged.connect(self._share_width)

    def _button(self, icon: QIcon, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.close_button.setIcon(close_icon(self.palette()))  # drawn in its colours

    def _share_width(self) -> None:
        """The chooser shows the whole title when that leaves the running head room for a
        chapter and its short title; else the short name ("UNGASS 2016"). When even then
        the running head would have too little room (four panes on a laptop), it takes a
        line of its own under the chooser, so it still names the chapter."""
        spacing = self._grid.horizontalSpacing()
        room = self.width() - self.menu_button.sizeHint().width() \
            - self.close_button.sizeHint().width() - 5 * spacing
        head = RUNNING_HEAD_ROOM * self.fontMetrics().averageCharWidth()
        whole = self.chooser.whole_width()
        short = self.chooser._wanted(self.chooser.short_name()).width()
        wanted = whole if room - whole >= head else short
        self.chooser.setMaximumWidth(max(short, min(wanted, room)))  # no minimum forced
        below = room - wanted < head
        if below != self._below:
            self._below = below
            self._grid.removeWidget(self.location)
            if below:
                self._grid.addWidget(self.location, 1, 0, 1, 4)
            else:
                self._grid.addWidget(self.location, 0, 1)

    def running_head_below(self) -> bool:
        return self._below

    def instrument_id(self) -> str:
        return str(self.chooser.currentData())

    def set_instrument(self, instrument_id: str) -> None:
        row = self.chooser.findData(instrument_id)
        if row >= 0:
            self.chooser.setCurrentIndex(row)

    def title(self) -> str:
        return self.chooser.currentText()

    def set_location(self, text: str, forms: Sequence[str] = ()) -> None:
        self.location.setText(text, forms)

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
        fill_rect(painter, QRect(0, self.height() - thickness, self.width(), thickness),
                  self.palette().color(role))
