"""Annotate ▸ Categories…: rename (in place: double-click or F2), recolour, add, reorder and
remove the negotiation categories. Every change is made at once, through the undo stack, and
every pane, the panel and the Ctrl+1 … Ctrl+9 keys follow it through the hub. Removing a
category never removes its annotations: they stay, uncategorised, and the dialog says how
many they are."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.notes.model import Category, Change
from desktop.ui.hub import AnnotationHub
from desktop.ui.operations import AnnotationOperations
from desktop.ui.reading.selection_palette import swatch

NAME_ROLE = Qt.ItemDataRole.UserRole + 50  # the category's name as stored


class CategoriesDialog(QDialog):
    def __init__(self, hub: AnnotationHub, operations: AnnotationOperations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoriesDialog")
        self.setWindowTitle(self.tr("Categories"))
        self._hub = hub
        self._operations = operations
        self._loading = False
        self.colour_dialog: QColorDialog | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("categoriesList")
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.colour_button = QPushButton(self.tr("&Colour…"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move &down"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.status = QLabel(self)
        self.status.setObjectName("categoriesStatus")
        self.status.setWordWrap(True)
        hint = QLabel(self.tr("Double-click a name to rename it. The first nine are Ctrl+1 … "
                              "Ctrl+9, in this order. Changes apply at once; Ctrl+Z in the "
                              "window undoes them."), self)
        hint.setWordWrap(True)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.colour_button, self.up_button, self.down_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.colour_button.clicked.connect(self.choose_colour)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove)
        self.list.itemChanged.connect(self._renamed)
        self.list.currentRowChanged.connect(self._update_buttons)
        hub.changed.connect(self._hub_changed)
        self.resize(460, 360)
        self.reload()

    # -- contents -------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        return self._hub.categories()

    def reload(self) -> None:
        current = self.current_name()
        counts = Counter(a.category for a in self._hub.annotations() if a.category)
        self._loading = True
        self.list.clear()
        for category in self.categories():
            item = QListWidgetItem(swatch(category.colour), category.name)
            item.setData(NAME_ROLE, category.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            count = counts.get(category.name, 0)
            item.setToolTip(self._annotations(count))
            self.list.addItem(item)
            if category.name == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._loading = False
        self._update_buttons()

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(NAME_ROLE)) if item is not None else None

    def _hub_changed(self, change: Change) -> None:
        if change.action in ("category", "external") and not self._loading:
            self.reload()

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        for button in (self.colour_button, self.remove_button):
            button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def _select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(NAME_ROLE) == name:
                self.list.setCurrentRow(row)

    # -- changes --------------------------------------------------------------------------

    def add(self) -> None:
        """A new category, named for the reader to rename at once."""
        names = {c.name.casefold() for c in self.categories()}
        base = self.tr("New category")
        name, number = base, 2
        while name.casefold() in names:
            name, number = f"{base} {number}", number + 1
        if self._operations.add_category(name):
            self._select(name)
            self.list.editItem(self.list.currentItem())

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        old, new = str(item.data(NAME_ROLE)), " ".join(item.text().split())
        if new and new != old and self._operations.rename_category(old, new):
            self.status.setText(self.tr("Renamed “%s” to “%s”.") % (old, new))
            self._select(new)
        else:
            self.reload()  # refused or empty: show the name as stored

    def choose_colour(self) -> None:
        name = self.current_name()
        current = next((c for c in self.categories() if c.name == name), None)
        if current is None:
            return
        dialog = QColorDialog(QColor(current.colour), self)
        dialog.setObjectName("categoryColourDialog")
        dialog.setWindowTitle(self.tr("Colour of “%s”") % current.name)
        dialog.colorSelected.connect(
            lambda colour: self.set_colour(current.name, colour.name()))
        self.colour_dialog = dialog
        dialog.open()

    def set_colour(self, name: str, colour: str) -> bool:
        return self._operations.recolour_category(name, colour)

    def move(self, step: int) -> bool:
        names = [c.name for c in self.categories()]
        name = self.current_name()
        if name not in names:
            return False
        row = names.index(name)
        target = row + step
        if not 0 <= target < len(names):
            return False
        names[row], names[target] = names[target], names[row]
        if self._operations.reorder_categories(names):
            self._select(name)
            return True
        return False

    def remove(self) -> int | None:
        name = self.current_name()
        if name is None:
            return None
        count = self._operations.remove_category(name)
        if count is not None:
            self.status.setText(self.tr(
                "Removed “%s”: %s now uncategorised, none deleted (Ctrl+Z in the window "
                "brings the category back).") % (name, self._annotations(count)))
        return count

    def _annotations(self, count: int) -> str:
        return self.tr("1 annotation") if count == 1 else self.tr("%d annotations") % count
