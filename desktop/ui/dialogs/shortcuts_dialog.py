"""Help ▸ Keyboard shortcuts: every command of the window with its keys, searchable.

Generated from the window's own menus and actions each time it opens, so it cannot drift
from what the keys do: a command added, renamed or given another key shows here as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

NATIVE = QKeySequence.SequenceFormat.NativeText


@dataclass(frozen=True)
class Shortcut:
    menu: str  # "Go", "Annotate"
    command: str  # "Go to…", without its mnemonic
    keys: str  # "Ctrl+L, F6"; "" for a command without keys


def plain(text: str) -> str:
    """A menu text as read: the mnemonic's & gone ("&&" stays one "&"), no key after a tab."""
    return text.split("\t", 1)[0].replace("&&", "\0").replace("&", "").replace("\0", "&")


def _keys(action: QAction) -> str:
    return ", ".join(key.toString(NATIVE) for key in action.shortcuts() if not key.isEmpty())


def shortcuts(window: QMainWindow) -> list[Shortcut]:
    """The commands of the window's menus in menu order (submenus named "Menu ▸ Sub"), with
    their keys; then the window's commands that have keys but stand in no menu."""
    found: list[Shortcut] = []
    listed: set[int] = set()

    def walk(menu: QMenu, name: str) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{name} ▸ {plain(action.text())}")
                continue
            listed.add(id(action))
            found.append(Shortcut(name, plain(action.text()), _keys(action)))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), plain(top.text()))
    for action in window.actions():
        if id(action) not in listed and _keys(action) and action.text():
            found.append(Shortcut("", plain(action.text()), _keys(action)))
    return found


class _AnyColumnFilter(QSortFilterProxyModel):
    """Rows where every typed word is in the menu, the command or the keys."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: object) -> bool:  # type: ignore[override]
        words = self.words
        model = self.sourceModel()
        text = " ".join(str(model.index(row, column).data() or "")
                        for column in range(model.columnCount())).casefold()
        return all(word in text for word in words)


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys"),
                                              self.tr("Menu")])
        for shortcut in shortcuts(window):
            row = [QStandardItem(shortcut.command), QStandardItem(shortcut.keys),
                   QStandardItem(shortcut.menu)]
            for item in row:
                item.setEditable(False)
            self.model.appendRow(row)
        self.proxy = _AnyColumnFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setPlaceholderText(self.tr("Type a command or a key (e.g. note, Ctrl+L)"))
        self.filter.setAccessibleName(self.tr("Filter the shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.table = QTreeView(self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Commands and their keys"))
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel(self)
        self.count.setObjectName("shortcutsCount")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.filter.installEventFilter(self)
        self._filter("")
        self.resize(640, 520)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self.count.setText(self.tr("%d of %d commands") % (self.proxy.rowCount(),
                                                          self.model.rowCount()))

    def rows(self) -> list[tuple[str, str, str]]:
        """What the sheet shows now: (command, keys, menu) per row."""
        return [tuple(str(self.proxy.index(row, column).data() or "")  # type: ignore[misc]
                      for column in range(3)) for row in range(self.proxy.rowCount())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ↓ from the filter box goes into the list, as in the other filtered lists.
        if watched is self.filter and isinstance(event, QKeyEvent) and \
                event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.table.setFocus()
            self.table.setCurrentIndex(self.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)
