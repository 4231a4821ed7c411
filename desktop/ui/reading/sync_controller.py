"""Synchronised panes: when the reader moves to a unit in one pane, the other linked panes show
what corresponds to it in their instruments (desktop.core.correspondence).

The pane the reader moved in leads; every other linked pane follows. An unlinked pane neither
follows nor leads: it never moves by itself, and moving in it moves nothing else.

No feedback loops: while the controller is telling the panes where to be, a move reported by
any pane is ignored (the re-entrancy guard `_busy`), and the panes themselves report only their
reader's clicks, never a move the controller made (tests/ui/test_sync.py has a pane that echoes
every position back, to prove it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # its module loads with the first correspondence found
    from desktop.core.correspondence import Correspondence


class SyncPane(Protocol):
    """What the controller needs of a pane (desktop.ui.reading.document_pane.DocumentPane)."""

    def instrument_id(self) -> str: ...

    def is_linked(self) -> bool: ...

    def lead(self, unit_id: str) -> None: ...

    def follow(self, result: Correspondence, move: bool = True) -> None: ...

    def clear_sync(self) -> None: ...


Find = Callable[[str, str], "Correspondence"]  # (unit id, instrument) -> what corresponds


class SyncController(QObject):
    synced = Signal(str)  # every linked pane has been told where to be for this unit

    def __init__(self, find: Find, panes: Callable[[], list[SyncPane]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._find = find
        self._panes = panes
        self._busy = False  # the re-entrancy guard
        self._leader: SyncPane | None = None
        self._leader_instrument = ""
        self._unit: str | None = None
        self._followed: dict[int, tuple[str, str]] = {}  # id(pane) -> (unit, instrument)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        self._busy = True
        try:
            yield
        finally:
            self._busy = False

    def is_busy(self) -> bool:
        return self._busy

    def leader(self) -> SyncPane | None:
        return self._leader

    def unit(self) -> str | None:
        """The leading pane's unit (None while no pane leads)."""
        return self._unit

    def lead(self, pane: SyncPane, unit_id: str, move: bool = True) -> bool:
        """The reader moved to `unit_id` in `pane`: it leads, the other linked panes follow.
        False (and nothing moves) during a sync, or when the pane is not linked. Without
        `move` the others only mark what corresponds and say so, staying where they are (a
        restart restores who led without undoing where the reader had scrolled)."""
        if self._busy or not pane.is_linked():
            return False
        with self._guard():
            self._leader, self._unit = pane, unit_id
            self._leader_instrument = pane.instrument_id()
            self._followed.clear()
            for other in self._panes():
                if other is pane:
                    other.lead(unit_id)
                else:
                    self._follow(other, move)
        self.synced.emit(unit_id)
        return True

    def _follow(self, pane: SyncPane, move: bool = True) -> None:
        if self._unit is None or not pane.is_linked():
            return
        instrument = pane.instrument_id()
        self._followed[id(pane)] = (self._unit, instrument)
        result = self._find(self._unit, instrument)
        if move:
            pane.follow(result)
        else:
            pane.follow(result, move=False)

    def link_changed(self, pane: SyncPane, linked: bool) -> None:
        """A pane was linked (it catches up with the leading pane) or unlinked (if it led,
        no pane leads now: the others stay where they are, their marks go)."""
        if self._busy:
            return
        with self._guard():
            if not linked:
                self._followed.pop(id(pane), None)
                if pane is self._leader:
                    # No pane leads now, so no pane keeps marks "for" its unit: they would
                    # outlive the pane (closing it would leave them stale).
                    self._leader, self._unit = None, None
                    self._followed.clear()
                    for other in self._panes():
                        other.clear_sync()
                return
            if self._leader is not None and pane is not self._leader:
                self._follow(pane)
            else:
                pane.clear_sync()
        if linked and self._unit is not None:
            self.synced.emit(self._unit)

    def panes_changed(self) -> None:
        """Panes were added, closed, moved or switched instrument: a new or switched linked
        pane catches up; if the leading pane closed or switched instrument, no pane leads."""
        if self._busy:
            return
        panes = self._panes()
        with self._guard():
            leader = self._leader
            if leader is not None and (leader not in panes
                                       or leader.instrument_id() != self._leader_instrument):
                self._leader, self._unit = None, None
                self._followed.clear()
                for pane in panes:
                    pane.clear_sync()
                return
            if leader is None or self._unit is None:
                return
            for pane in panes:
                if pane is not leader and pane.is_linked() and \
                        self._followed.get(id(pane)) != (self._unit, pane.instrument_id()):
                    self._follow(pane)
            alive = {id(pane) for pane in panes}
            self._followed = {key: value for key, value in self._followed.items()
                              if key in alive}
