"""The links panel (a dock): every unit corresponding to the current unit, with its citation,
first words, link kind and the table's printed reference; a filter by kind; activating a row
shows that unit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QWidget,
)

from desktop.ui.docks.dock_body import BodyLater, row_list, set_dock_body
from desktop.ui.document_source import DocumentSource

if TYPE_CHECKING:
    from desktop.ui.docks.links_model import LinksModel


class LinksDock(BodyLater, QDockWidget):
    unit_activated = Signal(str)
    # Made after the window's first paint, with the modules of the list and the links.
    BODY = ("model", "kind", "summary", "list")
    model: LinksModel

    def __init__(self, source: DocumentSource, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Links"), parent)
        self.setObjectName("linksDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self._source = source
        self._wanted_kind = ""  # a remembered kind, chosen once the kinds are known
        self._wanted_unit: str | None = None  # shown once the list is made

    def _make_body(self) -> None:
        from desktop.ui.docks.links_model import LinksModel

        self.model = LinksModel(self._source, self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("linkKind")
        self.kind.setToolTip(self.tr("Show the links of one kind"))
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(5)
        self.kind.addItem(self.tr("All kinds of link"), "")
        self.kind.currentIndexChanged.connect(
            lambda: self.model.set_kind(self.kind.currentData() or None))
        self.kind.currentIndexChanged.connect(self._summarise)
        self.summary = QLabel(self)
        self.summary.setObjectName("linksSummary")
        self.summary.setWordWrap(True)
        self.list = row_list(self, "linksList", self.model, self._activated)
        set_dock_body(self, self.summary, self.kind, fill=self.list)
        if self._wanted_unit is not None:
            self.show_unit(self._wanted_unit)
        else:
            self._summarise()

    def show_unit(self, unit_id: str | None) -> None:
        """The links of this unit (the unit the reader moved to)."""
        if not self.has_body():
            self._wanted_unit = unit_id
            return
        self._offer_kinds()
        self.model.set_unit(unit_id)
        self._summarise()

    def _offer_kinds(self) -> None:
        # The kinds come from the links, read on first use (not at start-up).
        if self.kind.count() > 1:
            return
        from desktop.ui.docks.links_model import kind_name

        for kind in self.model.kinds():
            name = kind_name(kind)
            self.kind.addItem(name[:1].upper() + name[1:], kind)
        self.set_kind(self._wanted_kind)

    def set_kind(self, kind: str | None) -> None:
        self._wanted_kind = kind or ""
        if not self.has_body():
            return
        row = self.kind.findData(self._wanted_kind)
        self.kind.setCurrentIndex(max(row, 0))

    def current_kind(self) -> str:
        """The kind shown ("" for all), to remember."""
        if not self.has_body():
            return self._wanted_kind
        return self._wanted_kind if self.kind.count() == 1 else str(self.kind.currentData())

    def _summarise(self) -> None:
        unit = self.model.unit()
        if unit is None:
            self.summary.setText(self.tr("Click a paragraph to see what corresponds to it."))
            return
        name = self._source.short_citation(unit)
        instrument = unit.split("/", 1)[0]
        if not self._source.in_concordance(instrument):
            self.summary.setText(self.tr("%s: the concordance table does not include %s.")
                                 % (name, self._source.instrument_title(instrument)))
            return
        count = self.model.target_count()
        shown = sum(1 for row in self.model.rows() if row.unit)
        if count == 0:
            text = self.tr("%s: no corresponding unit.") % name
        elif count == 1:
            text = self.tr("%s: 1 corresponding unit.") % name
        else:
            text = self.tr("%s: %d corresponding units.") % (name, count)
        if shown != count:
            text += " " + self.tr("%d shown.") % shown
        self.summary.setText(text)

    def _activated(self, index: QModelIndex) -> None:
        from desktop.ui.docks.rows_model import UNIT_ROLE

        unit = index.data(UNIT_ROLE)
        if unit:
            self.unit_activated.emit(str(unit))
