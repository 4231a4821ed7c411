"""A table model of the corpus's instruments and how many units of each kind they hold."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.core.corpus import Corpus

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class InstrumentRow:
    id: str
    title: str
    full_title: str
    symbol: str
    adopted: str
    preamble: int
    paragraphs: int
    subparagraphs: int
    headings: int


class InstrumentsModel(QAbstractTableModel):
    def __init__(self, corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = [
            InstrumentRow(
                id=instrument.id,
                title=instrument.short_title,
                full_title=instrument.title,
                symbol=instrument.symbol,
                adopted=instrument.adopted,
                preamble=corpus.count(instrument.id, "preamble"),
                paragraphs=corpus.count(instrument.id, "paragraph"),
                subparagraphs=corpus.count(instrument.id, "subparagraph"),
                headings=corpus.count(instrument.id, "heading"),
            )
            for instrument in corpus.instruments()
        ]
        self._headers = [
            self.tr("Instrument"), self.tr("Id"), self.tr("Symbol"), self.tr("Adopted"),
            self.tr("Preambular paragraphs"), self.tr("Paragraphs"), self.tr("Subparagraphs"),
            self.tr("Headings"),
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        values = (row.title, row.id, row.symbol, row.adopted, row.preamble, row.paragraphs,
                  row.subparagraphs, row.headings)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return row.full_title
        return None

    def row_of(self, instrument_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.id == instrument_id:
                return number
        return -1
