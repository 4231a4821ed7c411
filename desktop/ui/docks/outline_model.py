"""The chapter tree as an item model: instruments, their headings, then their paragraphs.

The nodes come from desktop.core.render.outline; an instrument's outline is built the first
time its row is expanded (or searched), so start-up only touches the instruments list.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)
from PySide6.QtGui import QFont

from desktop import paths
from desktop.core.corpus import CorpusError, damaged
from desktop.core.render.heads import tree_title
from desktop.core.render.outline import (
    INSTRUMENT,
    OPERATIVE_GROUP,
    PREAMBLE_GROUP,
    OutlineNode,
)
from desktop.ui.document_source import DocumentSource
from desktop.ui.lazy_qt import DISPLAY_ROLE, USER_ROLE, Qt

_Index = QModelIndex | QPersistentModelIndex
UNIT_ROLE = USER_ROLE + 1  # the unit a row leads to
KIND_ROLE = USER_ROLE + 2  # instrument | heading | preamble | paragraph | …
INSTRUMENT_ROLE = USER_ROLE + 3  # the id of the row's instrument
TREE_TEXT_ROLE = USER_ROLE + 4  # what the tree shows, if not the display text


class OutlineModel(QAbstractItemModel):
    # A read of the corpus failed (a damaged page): the message, once. Qt calls fetchMore and
    # data from C++, where a Python exception must never arrive.
    corpus_failed = Signal(str)

    def __init__(self, source: DocumentSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.failure: str | None = None
        self._unreadable: set[str] = set()  # instruments whose outline could not be read
        self._source = source
        self._instruments = [instrument.id for instrument in source.instruments()]
        self._roots: dict[str, OutlineNode] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self._bold = QFont()
        self._bold.setBold(True)
        self._tree_titles: dict[int, str | None] = {}  # id(node) -> what the tree shows

    @property
    def source(self) -> DocumentSource:
        return self._source

    def reload(self) -> None:
        """The instruments changed (a draft imported or removed): rows built anew."""
        self.beginResetModel()
        self._instruments = [instrument.id for instrument in self._source.instruments()]
        self._roots.clear()
        self._tree_titles.clear()
        self._unreadable.clear()
        self.endResetModel()

    def node(self, index: _Index) -> OutlineNode | None:
        """The outline node of a row; an instrument's only once its outline is fetched."""
        if not index.isValid():
            return None
        parent = index.internalPointer()
        if parent is None:
            return self._roots.get(self._instruments[index.row()])
        assert isinstance(parent, OutlineNode)
        return parent.children[index.row()]

    # -- lazy population (Qt's fetchMore protocol) ---------------------------------------

    def canFetchMore(self, parent: _Index) -> bool:
        if not parent.isValid() or parent.internalPointer() is not None:
            return False
        instrument = self._instruments[parent.row()]
        return instrument not in self._roots and instrument not in self._unreadable

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        instrument = self._instruments[parent.row()]
        try:
            root = self._source.outline(instrument)
        except (sqlite3.Error, CorpusError) as error:
            self._unreadable.add(instrument)
            self._fail(error)
            return
        if root.children:
            self.beginInsertRows(parent, 0, len(root.children) - 1)
            self._roots[instrument] = root
            self.endInsertRows()
        else:
            self._roots[instrument] = root

    def fetch_all(self) -> None:
        """Build every instrument's outline (filtering looks at every row)."""
        for row in range(len(self._instruments)):
            self.fetchMore(self.index(row, 0))

    # -- structure -------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt API
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, None) if row < len(self._instruments) else QModelIndex()
        node = self.node(parent)
        if node is None or row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt API
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer()
        if parent is None:
            return QModelIndex()
        assert isinstance(parent, OutlineNode)
        if parent.kind == INSTRUMENT:
            return self.createIndex(self._instruments.index(parent.instrument.id), 0, None)
        return self.createIndex(parent.row, 0, parent.parent)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._instruments)
        node = self.node(parent)
        return len(node.children) if node else 0  # 0 for an instrument not yet fetched

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 1

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        if parent.isValid() and parent.internalPointer() is None:
            return True  # an instrument always has an outline; don't build it just to ask
        return self.rowCount(parent) > 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- data ------------------------------------------------------------------------------

    def _fail(self, error: Exception) -> None:
        if self.failure is None:
            self.failure = str(error if isinstance(error, CorpusError)
                               else damaged(paths.corpus_path(), str(error)))
            self.corpus_failed.emit(self.failure)

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> object:
        try:
            return self._data(index, role)
        except (sqlite3.Error, CorpusError) as error:
            self._fail(error)
            return None

    def _data(self, index: _Index, role: int) -> object:
        if index.isValid() and index.internalPointer() is None:
            return self._instrument_data(index.row(), role)
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == UNIT_ROLE:
            return node.target()
        if role == KIND_ROLE:
            return node.kind
        if role == INSTRUMENT_ROLE:
            return node.instrument.id
        if role == TREE_TEXT_ROLE:
            return self._tree_title(node)
        if role == Qt.ItemDataRole.FontRole and node.kind in (PREAMBLE_GROUP, "preamble"):
            return self._italic  # preambular paragraphs told apart from operative ones
        return None

    def _instrument_data(self, row: int, role: int) -> object:
        """An instrument's row, answered without building its outline."""
        instrument = self._source.instrument(self._instruments[row])
        assert instrument is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return instrument.short_title
        if role == Qt.ItemDataRole.ToolTipRole:
            return instrument.title
        if role == UNIT_ROLE:
            units = self._source.units(instrument.id)
            return units[0].id if units else None
        if role == KIND_ROLE:
            return INSTRUMENT
        if role == INSTRUMENT_ROLE:
            return instrument.id
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def display_text(self, node: OutlineNode) -> str:
        if node.kind == PREAMBLE_GROUP:
            return self.tr("Preamble (%d)") % len(node.children)
        if node.kind == OPERATIVE_GROUP:
            return self.tr("Operative part (%d)") % len(node.children)
        return f"{node.label} {node.title}".strip()

    def _tree_title(self, node: OutlineNode) -> str | None:
        """The shorter title the tree shows for a chapter whose siblings open alike (the
        display text, which the filter reads, stays whole)."""
        key = id(node)
        if key not in self._tree_titles:
            self._tree_titles[key] = tree_title(node)
        return self._tree_titles[key]

    def _tooltip(self, node: OutlineNode) -> str:
        if node.unit is None:
            return self.display_text(node)
        citation = self._source.citation(node.unit.id)
        text = node.unit.text if len(node.unit.text) < 400 else node.unit.text[:400] + "…"
        if node.kind == "heading":  # the whole title, which the tree may have elided
            return f"{citation}\n\n{node.title}" if node.title else citation
        return f"{citation}\n\n{text}"

    def index_of(self, unit_id: str) -> QModelIndex:
        """The row of a unit (or of its instrument when the unit is not in the outline)."""
        unit = self._source.unit(unit_id)
        if unit is None:
            return QModelIndex()
        instrument_row = self._instruments.index(unit.instrument)
        self.fetchMore(self.index(instrument_row, 0))
        node = self._source.outline_node(unit_id)
        if node is None:
            return self.index(instrument_row, 0)
        return self.createIndex(node.row, 0, node.parent)


class OutlineFilterModel(QSortFilterProxyModel):
    """Rows whose text contains what was typed stay, with their ancestors (and their own
    rows below, so a matching chapter still opens onto its paragraphs). With a set of units
    (the paragraphs opening with a chosen verb), only those rows can match."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._units: frozenset[str] | None = None

    def set_units(self, units: frozenset[str] | None) -> None:
        self.beginFilterChange()
        self._units = units
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filtering(self) -> bool:
        return bool(self.filterRegularExpression().pattern()) or self._units is not None

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if self._units is not None:
            index = self.sourceModel().index(source_row, 0, source_parent)
            if index.data(UNIT_ROLE) not in self._units:
                return False
        return super().filterAcceptsRow(source_row, source_parent)

    def matches(self, index: QModelIndex) -> bool:
        """Whether a row (of this model) matches the filter itself, not through a relative."""
        if not self.filtering():
            return False
        if self._units is not None and index.data(UNIT_ROLE) not in self._units:
            return False
        expression = self.filterRegularExpression()
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return not expression.pattern() or expression.match(text).hasMatch()
