"""Reading what a person sees in the window: units in a pane's viewport, a tree's rows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from desktop.ui.document_view import DocumentView
from desktop.ui.main_window import MainWindow


def wait_ready(qtbot: QtBot, window: MainWindow) -> None:
    """Until every pane has laid out its whole instrument (not only the first screenful)."""
    qtbot.waitUntil(lambda: all(p.is_complete() for p in window.pane_area.panes()),
                    timeout=5000)


def units_in_viewport(view: DocumentView) -> list[str]:
    """The units a person sees in a pane, read from the layout, not from the view's own index.

    Every few pixels down the viewport, Qt's hit test says which text block lies there; the
    anchor that opens the block names its unit. Blocks without a unit (role lines) are skipped.
    """
    seen: list[str] = []
    viewport = view.viewport()
    for y in range(0, viewport.height(), 3):
        cursor = view.cursorForPosition(QPoint(viewport.width() // 2, y))
        block = cursor.block()
        rect = view.document().documentLayout().blockBoundingRect(block)
        top = rect.top() - view.verticalScrollBar().value()
        if top >= viewport.height() or top + rect.height() <= 0:
            continue
        fragments = block.begin()
        if fragments.atEnd():
            continue
        for name in fragments.fragment().charFormat().anchorNames():
            if "/fn" not in name and name not in seen:
                seen.append(name)
    return seen


def visible_rows(tree: QTreeView, parent: QModelIndex | None = None) -> list[str]:
    """The rows of a tree a person can see: every top row, and the rows of expanded ones."""
    model = tree.model()
    parent = parent or QModelIndex()
    rows: list[str] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append(str(index.data()))
        if tree.isExpanded(index):
            rows.extend("  " + text for text in visible_rows(tree, index))
    return rows


def row_rect_center(tree: QTreeView, text: str) -> QPoint:
    """Where to click a visible row, found by how its text begins (as a person finds it)."""
    model = tree.model()

    def find(parent: QModelIndex) -> QModelIndex | None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if str(index.data()).startswith(text):
                return index
            if tree.isExpanded(index):
                found = find(index)
                if found is not None:
                    return found
        return None

    index = find(QModelIndex())
    assert index is not None, f"no visible row {text!r}"
    tree.scrollTo(index)
    return tree.visualRect(index).center()
