"""The chapter tree dock: a filter box over the outline of every instrument, and a chooser of
the paragraphs that open with a verb ("every paragraph that urges")."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from desktop.ui.docks.dock_body import BodyLater, opening_chooser, set_dock_body
from desktop.ui.docks.outline_model import (
    INSTRUMENT_ROLE,
    UNIT_ROLE,
    OutlineFilterModel,
    OutlineModel,
)
from desktop.ui.lazy_qt import Qt
from desktop.ui.startup import in_turn


class OutlineDock(BodyLater, QDockWidget):
    unit_activated = Signal(str)  # a row was clicked or activated: show this unit
    # The filter, the chooser and the tree are made after the window's first paint.
    BODY = ("proxy", "filter", "opening", "tree")

    def __init__(self, model: OutlineModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Chapters"), parent)
        self.setObjectName("chaptersDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.model = model
        # What the panes asked before the tree was made: opened instruments, the current row.
        self._expanded: list[str] = []
        self._selected: str | None = None

    def _make_body(self) -> None:
        from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView

        from desktop.ui.docks.outline_delegate import OutlineDelegate

        self.proxy = OutlineFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("chapterFilter")
        self.filter.setPlaceholderText(self.tr("Filter chapters and paragraphs"))
        # Its clear button shows only once something is typed; the first one made loads the
        # style's icon (~4 ms): in a turn of its own, not in the turn that fills the dock.
        in_turn(lambda: self.filter.setClearButtonEnabled(True), self)
        self.filter.textChanged.connect(self._filter_changed)
        self.opening = opening_chooser(
            self, "chapterOpening", self.tr("Any opening"),
            self.tr("Only the paragraphs that open with this verb or participle"),
            self.model.source.openings)
        self.opening.setMinimumContentsLength(8)  # a narrow dock elides, never widens
        self.opening.currentIndexChanged.connect(self._opening_changed)
        self.tree = QTreeView(self)
        self.tree.setObjectName("chapterTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setItemDelegate(OutlineDelegate(self.tree))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.clicked.connect(self._activated)
        self.tree.activated.connect(self._activated)
        set_dock_body(self, self.filter, self.opening, fill=self.tree)
        self.filter.returnPressed.connect(self._activate_first)
        for instrument_id in self._expanded:
            self.expand_instrument(instrument_id)
        if self._selected is not None:
            self.select_unit(self._selected)

    def _activated(self, index: QModelIndex) -> None:
        unit = index.data(UNIT_ROLE)
        if unit:
            self.unit_activated.emit(str(unit))

    def _activate_first(self) -> None:
        """Enter in the filter box opens the first row that matches."""
        first = self._first_match(QModelIndex())
        if first is not None:
            self.tree.setCurrentIndex(first)
            self._activated(first)

    def _first_match(self, parent: QModelIndex) -> QModelIndex | None:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if self.proxy.matches(index):
                return index
            inner = self._first_match(index)
            if inner is not None:
                return inner
        return None

    def choose_opening(self, opening: str) -> bool:
        """Show only the paragraphs opening with `opening` ("" for all); False if no
        paragraph opens so."""
        self.opening.ensure_loaded()
        row = self.opening.findData(opening)
        if row < 0:
            return False
        self.opening.setCurrentIndex(row)
        return True

    def _opening_changed(self, _row: int) -> None:
        opening = str(self.opening.currentData() or "")
        units = frozenset(hit.unit for hit in self.model.source.search(
            "", opening=opening, limit=1_000_000)) if opening else None
        if units is not None:
            self.model.fetch_all()
        self.proxy.set_units(units)
        self._expand_matches()

    def _filter_changed(self, text: str) -> None:
        if text.strip():
            self.model.fetch_all()
        self.proxy.setFilterFixedString(text.strip())
        self._expand_matches()

    def _expand_matches(self) -> None:
        self.tree.collapseAll()
        if self.proxy.filtering():
            self._open_to_matches(QModelIndex())

    def _open_to_matches(self, parent: QModelIndex) -> bool:
        """Expand every row that leads to a match, leaving matching rows themselves closed."""
        found = False
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            inner = self._open_to_matches(index)
            if inner:
                self.tree.expand(index)
            found = found or inner or self.proxy.matches(index)
        return found

    def expand_instrument(self, instrument_id: str) -> None:
        if not self.has_body():
            self._expanded.append(instrument_id)
            return
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(INSTRUMENT_ROLE) == instrument_id:
                self.tree.expand(index)

    def select_unit(self, unit_id: str) -> None:
        """Show which row the focused pane is at, without activating it."""
        if not self.has_body():
            self._selected = unit_id
            return
        index = self.proxy.mapFromSource(self.model.index_of(unit_id))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
