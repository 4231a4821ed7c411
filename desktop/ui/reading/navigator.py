"""Where the reader goes: every move to a unit (a click, the chapter tree, Go to, a search result,
a link, the keyboard, Back and Forward) passes through here, is recorded for Back/Forward, and
is broadcast (`moved`) to whoever follows the reader: the sync controller, the links panel.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.history import History
from desktop.ui.document_source import DocumentSource
from desktop.ui.reading.document_pane import DocumentPane
from desktop.ui.reading.pane_area import PaneArea


class Navigator(QObject):
    moved = Signal(object, str)  # the pane, the unit the reader moved to in it
    history_changed = Signal()

    def __init__(self, source: DocumentSource, pane_area: PaneArea,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._panes = pane_area
        self.history = History()

    def arrive(self, pane: DocumentPane, unit_id: str, step: bool = False,
               record: bool = True) -> None:
        """The pane already shows the unit (its reader clicked in it): record, broadcast."""
        if record and self.history.visit(unit_id, step):
            self.history_changed.emit()
        self.moved.emit(pane, unit_id)

    def go(self, pane: DocumentPane, unit_id: str, step: bool = False,
           record: bool = True) -> bool:
        """Show a unit in this pane (switching its instrument if needed), then arrive."""
        # A jump shows the unit under its headings and chapeau; a step scrolls only as needed.
        shown = pane.step_to(unit_id) if step else pane.show_unit(unit_id, lead_in=True)
        if shown:
            self.arrive(pane, unit_id, step, record)
        return shown

    def pane_for(self, unit_id: str) -> DocumentPane:
        """Where a unit opens: the focused pane if it shows the unit's instrument, else a
        pane that does, else the focused pane (which switches instrument)."""
        unit = self._source.unit(unit_id)
        focused = self._panes.focused_pane()
        if unit is None:
            return focused
        panes = [focused, *self._panes.panes()]
        return next((p for p in panes if p.instrument_id() == unit.instrument), focused)

    def open(self, unit_id: str, record: bool = True, give_focus: bool = True) -> bool:
        """Show a unit where it belongs (`pane_for`); that pane takes the focus and leads."""
        if self._source.unit(unit_id) is None:
            return False
        pane = self.pane_for(unit_id)
        self._panes.set_focused(pane, give_focus=give_focus)
        return self.go(pane, unit_id, record=record)

    def back(self) -> bool:
        unit = self.history.back()
        if unit is None:
            return False
        self.history_changed.emit()
        return self.open(unit, record=False)

    def forward(self) -> bool:
        unit = self.history.forward()
        if unit is None:
            return False
        self.history_changed.emit()
        return self.open(unit, record=False)

    def step(self, pane: DocumentPane, direction: int, headings: bool = False) -> bool:
        """The next (+1) or previous (-1) unit of the pane's instrument after its current
        unit (or the unit at its top), or the next heading."""
        units = self._source.units(pane.instrument_id())
        ids = [unit.id for unit in units]
        current, top = pane.current_unit(), pane.top_unit()
        if current in ids:
            position = ids.index(current) + direction
        elif top in ids:  # nothing current yet: start from the unit at the top
            position = ids.index(top) + (0 if direction > 0 else -1)
        else:
            position = 0 if direction > 0 else len(ids) - 1
        while 0 <= position < len(units):
            if not headings or units[position].kind == "heading":
                return self.go(pane, ids[position], step=True)
            position += direction
        return False
