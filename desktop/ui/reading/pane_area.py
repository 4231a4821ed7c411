"""Two to four document panes side by side: add, close, reorder, and which one has the focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from desktop.ui.lazy_qt import Qt
from desktop.ui.reading.document_pane import DocumentPane

MIN_PANES = 2
MAX_PANES = 4
MIN_PANE_CHARACTERS = 30


class PaneArea(QSplitter):
    focused_pane_changed = Signal(object)  # the pane
    panes_changed = Signal()  # added, closed, moved or switched instrument

    def __init__(self, make_pane: Callable[[QWidget], DocumentPane],
                 parent: QWidget | None = None) -> None:
        # Side by side, QSplitter's own orientation; QSplitter(parent) would try its
        # (orientation, parent) form first, making Qt's namespace (desktop.ui.lazy_qt).
        super().__init__()
        self.setParent(parent)
        self.setObjectName("paneArea")
        self.setChildrenCollapsible(False)
        self._make_pane = make_pane
        self._focused: DocumentPane | None = None
        self._widths_set = False  # by a restored layout, or by sharing out on first show
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def panes(self) -> list[DocumentPane]:
        return [pane for index in range(self.count())
                if isinstance(pane := self.widget(index), DocumentPane)]

    def can_add(self) -> bool:
        return self.count() < MAX_PANES

    def can_close(self) -> bool:
        return self.count() > MIN_PANES

    def add_pane(self, instrument_id: str, index: int = -1, top: str | None = None,
                 current: str | None = None) -> DocumentPane | None:
        if not self.can_add():
            return None
        pane = self._make_pane(self)
        # A pane narrower than this reads a word or two a line: the splitter stops there.
        pane.setMinimumWidth(MIN_PANE_CHARACTERS * pane.fontMetrics().averageCharWidth())
        pane.close_requested.connect(self.close_pane)
        pane.move_requested.connect(self.move_pane)
        pane.instrument_changed.connect(lambda _pane: self.panes_changed.emit())
        pane.set_instrument(instrument_id, top, current)
        self.insertWidget(index if index >= 0 else self.count(), pane)
        self._even_out()
        self._update_buttons()
        if self._focused is None:
            self.set_focused(pane, give_focus=False)
        self.panes_changed.emit()
        return pane

    def close_pane(self, pane: DocumentPane) -> bool:
        if not self.can_close() or pane not in self.panes():
            return False
        panes = self.panes()
        position = panes.index(pane)
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
        if pane is self._focused:
            self._focused = None
            rest = self.panes()
            self.set_focused(rest[min(position, len(rest) - 1)])
        self._even_out()
        self._update_buttons()
        self.panes_changed.emit()
        return True

    def move_pane(self, pane: DocumentPane, step: int) -> bool:
        panes = self.panes()
        position = panes.index(pane) + step
        if not 0 <= position < len(panes):
            return False
        sizes = self.sizes()
        sizes.insert(position, sizes.pop(panes.index(pane)))
        self.insertWidget(position, pane)
        self.setSizes(sizes)
        self._update_buttons()
        pane.view.setFocus()
        self.panes_changed.emit()
        return True

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview) -> bool:
        self._widths_set = super().restoreState(state)
        return self._widths_set

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._widths_set:  # the panes were added before the window had its width
            self._widths_set = True
            self._even_out()

    def _even_out(self) -> None:
        width = max(self.width(), 1)
        self.setSizes([width // max(self.count(), 1)] * self.count())

    def _update_buttons(self) -> None:
        panes = self.panes()
        for position, pane in enumerate(panes):
            pane.header.left_action.setEnabled(position > 0)
            pane.header.right_action.setEnabled(position < len(panes) - 1)
            pane.header.close_button.setEnabled(self.can_close())
            pane.header.close_action.setEnabled(self.can_close())

    # -- focus -----------------------------------------------------------------------------

    def focused_pane(self) -> DocumentPane:
        """The focused pane, else the first. Only set_focused() makes a pane focused: a
        reader asking early must not make the first pane focused without its header showing
        it (set_focused would then take it for done)."""
        if self._focused is None or self._focused not in self.panes():
            return self.panes()[0]
        return self._focused

    def set_focused(self, pane: DocumentPane, give_focus: bool = True) -> None:
        if pane is not self._focused:
            self._focused = pane
            for other in self.panes():
                other.set_active(other is pane)
            self.focused_pane_changed.emit(pane)
        if give_focus:
            pane.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_next(self, step: int = 1) -> DocumentPane:
        panes = self.panes()
        pane = panes[(panes.index(self.focused_pane()) + step) % len(panes)]
        self.set_focused(pane)
        return pane

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        # The pane that last held the keyboard focus stays "focused" while the focus is in the
        # chapter tree, so a click there knows where to show its unit.
        for pane in self.panes():
            if now is not None and (now is pane or pane.isAncestorOf(now)):
                self.set_focused(pane, give_focus=False)
                return
