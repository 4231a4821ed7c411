"""The conflicts list as rows: each annotation a colleague changed where the delegate changed
it too, the version here beside theirs (category, tags, note, place), for the delegate to
choose one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.core.exchange.conflicts import Conflict
from desktop.ui.docks.rows_model import Row, RowsModel

CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 60  # int: the annotation's id


class ConflictsModel(RowsModel):
    def __init__(self, place: Callable[[str, str], str], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._place = place
        self._ids: list[int] = []

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        rows = []
        self._ids = []
        for conflict in conflicts:
            here, theirs = conflict.annotation, conflict.theirs
            mine = self._describe(here.category, here.tags, here.note, here.anchor.quote)
            other = self._describe(theirs.category, theirs.tags, theirs.note, theirs.quote)
            rows.append(Row(
                title=self._place(here.anchor.unit, here.anchor.end_unit),
                lines=(self.tr("mine: %s") % mine,
                       self.tr("theirs (%s): %s") % (theirs.author or self.tr("no author"),
                                                     other)),
                note=self.tr("from %s") % conflict.source, unit=here.anchor.unit,
                kind="conflict"))
            self._ids.append(here.id)
        self.set_rows(rows)

    def _describe(self, category: str | None, tags: tuple[str, ...], note: str,
                  quote: str) -> str:
        parts = [category or self.tr("no category")]
        parts += [f"#{tag}" for tag in tags]
        first = " ".join(note.split())
        parts.append(f"“{first}”" if first else self.tr("no note"))
        parts.append(self.tr("on “%s”") % (quote if len(quote) < 60 else quote[:59] + "…"))
        return " · ".join(parts)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == CONFLICT_ROLE:
            return self._ids[index.row()] if index.isValid() and index.row() < len(
                self._ids) else None
        return super().data(index, role)
