"""The docks' shared parts: controls stacked above a list that takes the remaining height, the
list of rows itself, a chooser whose items are read when first wanted, and contents made
after the window's first paint."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtWidgets import QComboBox, QDockWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:  # PySide6 makes a type for a Qt class when first named: not at start-up
    from PySide6.QtCore import QAbstractItemModel, QModelIndex
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QListView, QStyledItemDelegate


class BodyLater:
    """A dock shown empty in the window's first frame (its title, its place, its tab) whose
    contents are made right after (`make_body`), or the moment one of its parts (a name in
    BODY) is first asked for: by a key pressed in the first frames, or a test. Mixed in
    before the Qt class."""

    BODY: ClassVar[tuple[str, ...]] = ()

    def __getattr__(self, name: str) -> Any:
        # Python asks here only for a name the object does not have: a part not made yet.
        if name in type(self).BODY and not self.has_body():
            self.make_body()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def has_body(self) -> bool:
        return "_body_made" in vars(self)

    def make_body(self) -> None:
        if not self.has_body():
            self._body_made = True
            self._make_body()

    def _make_body(self) -> None:
        raise NotImplementedError


def set_dock_body(dock: QDockWidget, *controls: QWidget, fill: QWidget) -> None:
    body = QWidget(dock)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.setSpacing(4)
    for control in controls:
        layout.addWidget(control)
    layout.addWidget(fill, 1)
    dock.setWidget(body)


def row_list(parent: QWidget, name: str, model: QAbstractItemModel,
             activated: Callable[[QModelIndex], None],
             delegate: Callable[[QWidget], QStyledItemDelegate] | None = None) -> QListView:
    """A dock's list of rows (links, results, annotations): read-only, scrolled by pixel, a
    click or Enter on a row calls `activated`."""
    from PySide6.QtWidgets import QAbstractItemView, QListView

    from desktop.ui.docks.row_delegate import RowDelegate

    view = QListView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setItemDelegate((delegate or RowDelegate)(view))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.clicked.connect(activated)
    view.activated.connect(activated)
    return view


class LazyCombo(QComboBox):
    """A combo box whose items are read when it is first opened or focused (or
    `ensure_loaded` is called), not at start-up."""

    def __init__(self, load: Callable[[QComboBox], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load: Callable[[QComboBox], None] | None = load

    def ensure_loaded(self) -> None:
        if self._load is not None:
            load, self._load = self._load, None
            self.blockSignals(True)
            load(self)
            self.blockSignals(False)

    def showPopup(self) -> None:
        self.ensure_loaded()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_loaded()
        super().focusInEvent(event)


def opening_chooser(parent: QWidget, name: str, anything: str, tooltip: str,
                    openings: Callable[[], list[tuple[str, int]]]) -> LazyCombo:
    """'Every paragraph that urges': the opening verbs and participles as printed, with how
    many paragraphs open with each, read when first wanted; `anything` is the first item."""

    def load(combo: QComboBox) -> None:
        for opening, count in openings():
            combo.addItem(f"{opening} ({count})", opening)

    combo = LazyCombo(load, parent)
    combo.setObjectName(name)
    combo.setToolTip(tooltip)
    combo.addItem(anything, "")
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo
