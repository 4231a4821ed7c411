"""Reading what a person sees in the window: units in a pane's viewport, a tree's rows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.reading.document_view import DocumentView
from desktop.ui.reading.theme import target_colour


def wait_ready(qtbot: QtBot, window: MainWindow) -> None:
    """Until every pane has laid out its whole instrument (not only the first screenful) and
    the window has made the parts it makes after its first paint."""
    qtbot.waitUntil(lambda: window.is_built()
                    and all(p.is_complete() for p in window.pane_area.panes()), timeout=5000)


def units_in_viewport(view: DocumentView) -> list[str]:
    """The units a person sees in a pane, read from the layout, not from the view's geometry.

    Every few pixels down the viewport, Qt's hit test says which text block lies there; the
    renderer's name for that block gives its unit (`block_unit`; test_block_index checks those
    names against the anchors of the same text). Blocks without a unit (role lines) are
    skipped."""
    return list(_rows_of_units(view))


def _rows_of_units(view: DocumentView) -> dict[str, list[int]]:
    """Each unit in the viewport, with the viewport rows (every third pixel) it covers."""
    seen: dict[str, list[int]] = {}
    viewport = view.viewport()
    for y in range(0, viewport.height(), 3):
        cursor = view.cursorForPosition(QPoint(viewport.width() // 2, y))
        block = cursor.block()
        rect = view.document().documentLayout().blockBoundingRect(block)
        top = rect.top() - view.verticalScrollBar().value()
        if top >= viewport.height() or top + rect.height() <= 0:
            continue
        name = view.block_unit(block.blockNumber())
        if name is not None:
            rows = seen.setdefault(name, [])
            if top <= y < top + rect.height():  # not a gap the hit test rounded
                rows.append(y)
    return seen


def marked_in_viewport(view: DocumentView, active: bool = False) -> list[str]:
    """The units a person sees marked as corresponding units: a bar in the marks' colour at
    the pane's left edge beside them (read from the painted pixels). With `active`, only the
    one shown now, whose bar is wider."""
    colour = target_colour(view.palette()).name()
    image = view.viewport().grab().toImage()
    x = 4 if active else 1
    return [unit for unit, rows in _rows_of_units(view).items()
            if any(image.pixelColor(x, y).name() == colour for y in rows)]


def click_unit(qtbot: QtBot, view: DocumentView, unit_id: str, scroll: bool = True) -> None:
    """Click in a unit's text as a person does: scrolled into view first (only scrolled:
    scrolling moves nothing else), then a click in the middle of its first line."""
    if scroll and not view.is_unit_visible(unit_id):
        view.scroll_to_unit(unit_id)
    rect = view.unit_rect(unit_id)
    assert rect is not None, unit_id
    y = int(rect.top()) - view.verticalScrollBar().value() + 8
    assert 0 <= y < view.viewport().height(), f"{unit_id} is not on screen"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(view.viewport().width() // 2, y))


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
