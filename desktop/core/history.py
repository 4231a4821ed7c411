"""The places a reader has been, for Back and Forward (Qt-free).

A place is a unit id. Jumps (a click, the chapter tree, Go to, a search result, a link) each
add a place; a run of keyboard steps (next unit, next heading) counts as one place, where the
run ended, so Back after stepping returns to where the steps began rather than one step up.
Going somewhere new after going back drops the places ahead, as in a browser.
"""

from __future__ import annotations

from collections.abc import Callable

LIMIT = 500  # places kept; the oldest go first


class History:
    def __init__(self, limit: int = LIMIT) -> None:
        self._places: list[str] = []
        self._index = -1
        self._stepping = False  # the current place was reached by a keyboard step
        self._limit = limit

    def visit(self, unit_id: str, step: bool = False) -> bool:
        """Record arriving at a unit; False when nothing changed (already there)."""
        if self.current() == unit_id:
            self._stepping = self._stepping and step
            return False
        del self._places[self._index + 1:]
        if step and self._stepping and self._places:
            self._places[-1] = unit_id
        else:
            self._places.append(unit_id)
            if len(self._places) > self._limit:
                del self._places[0]
        self._index = len(self._places) - 1
        self._stepping = step
        return True

    def current(self) -> str | None:
        return self._places[self._index] if self._index >= 0 else None

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> str | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        self._stepping = False
        return self._places[self._index]

    def forward(self) -> str | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        self._stepping = False
        return self._places[self._index]

    def places(self) -> list[str]:
        return list(self._places)

    def position(self) -> int:
        """Where in places() the reader is (-1: nowhere yet)."""
        return self._index

    def restore(self, places: list[str], position: int,
                known: Callable[[str], bool] = lambda place: True) -> None:
        """Take back a history kept across a restart: the places still `known` (a rebuilt
        corpus may have lost some), the newest `limit` of them, the reader at the same place
        (or, if that one is gone, the nearest earlier one; out of range: the last)."""
        kept = [(i, place) for i, place in enumerate(places) if known(place)][-self._limit:]
        self._places = [place for _, place in kept]
        before = [n for n, (i, _) in enumerate(kept) if i <= position]
        self._index = (before[-1] if before and 0 <= position < len(places)
                       else len(self._places) - 1)
        self._stepping = False
