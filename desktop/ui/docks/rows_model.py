"""A flat list of rows for RowDelegate: a title, lines under it, a muted note, the unit a row
leads to. The search results, the links panel and Go to fill one each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.ui.docks.row_delegate import LINES_ROLE, NOTE_ROLE, plain

UNIT_ROLE = Qt.ItemDataRole.UserRole + 30  # the unit a row leads to ("" for none)
KIND_ROLE = Qt.ItemDataRole.UserRole + 31  # what the row is (a link kind, "hit", …)

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    title: str
    lines: tuple[str, ...] = ()  # may hold search match markers
    note: str = ""
    unit: str = ""  # "" when the row leads nowhere (a "no counterpart" line)
    kind: str = ""


class RowsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, index: _Index) -> Row | None:
        if not index.isValid() or index.model() is not self or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_of(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == LINES_ROLE:
            return list(row.lines)
        if role == NOTE_ROLE:
            return row.note
        if role == UNIT_ROLE:
            return row.unit
        if role == KIND_ROLE:
            return row.kind
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join([row.title, *(plain(line) for line in row.lines), row.note]).strip()
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        row = self.row_of(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsSelectable if row.unit else flags
