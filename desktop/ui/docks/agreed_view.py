""""Where was this agreed?" (a dock): every unit carrying the selected wording, or the
current unit's, oldest instrument first, each with its citation, relation, score and the
matching words marked; a result opens in a pane, and Compare shows it against the unit the
wording came from as a redline (as does a right-click on a row of the Links panel).

`install_agreed(window)` adds the dock and its command to a main window: the one hook.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from desktop.core.search import MARK_END, MARK_START
from desktop.ui.docks.dock_body import row_list, set_dock_body
from desktop.ui.docks.link_words import relation_name
from desktop.ui.docks.rows_model import UNIT_ROLE, Row, RowsModel
from desktop.ui.document_source import DocumentSource

if TYPE_CHECKING:
    from desktop.core.agreed import Found
    from desktop.ui.main_window import MainWindow

AGREED_KEY = "Ctrl+Shift+A"
SNIPPET_WORDS = 18
QUOTE_CHARACTERS = 60


def snippet(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """A window of words around the first matching span, the matching words marked."""
    marked, last = [], 0
    for start, end in spans:
        marked.append(text[last:start] + MARK_START + text[start:end] + MARK_END)
        last = end
    words = ("".join(marked) + text[last:]).split(" ")
    first = next((i for i, word in enumerate(words) if MARK_START in word), 0)
    begin = max(0, first - 3)
    # A mark cut by the window is closed (or opened) so the rest of the row stays plain.
    shown = " ".join(words[begin:begin + SNIPPET_WORDS])
    if shown.count(MARK_START) > shown.count(MARK_END):
        shown += MARK_END
    if begin and MARK_END in shown and shown.find(MARK_END) < max(0, shown.find(MARK_START)):
        shown = MARK_START + shown
    return ("…" if begin else "") + shown + ("…" if begin + SNIPPET_WORDS < len(words) else "")


class AgreedDock(QDockWidget):
    unit_activated = Signal(str)
    compare_requested = Signal(str, str)  # earlier unit, later unit

    def __init__(self, source: DocumentSource, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Where was this agreed?"), parent)
        self.setObjectName("agreedDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self._source = source
        self._origin: str | None = None  # the unit the wording came from
        self._found: list[Found] = []
        self.compare_dialog: QDialog | None = None  # the last one opened
        self.model = RowsModel(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("agreedSummary")
        self.summary.setWordWrap(True)
        self.compare_button = QPushButton(self.tr("&Compare with the origin"), self)
        self.compare_button.setObjectName("agreedCompare")
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.compare_current)
        self.list = row_list(self, "agreedList", self.model, self._activated)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_compare())
        set_dock_body(self, self.summary, self.compare_button, fill=self.list)
        self.summary.setText(self.tr("Select words in a pane (or stand on a paragraph) and "
                                     "choose Edit ▸ Where was this agreed?"))

    def find(self, text: str, origin: str | None = None, whole_unit: bool = False) -> None:
        """Look `text` up; `origin`: the unit it comes from (left out of the results, and
        what Compare compares with); `whole_unit`: the text is that unit's own."""
        self._origin = origin
        try:
            found = self._source.provenance(text, origin if whole_unit else None)
        except sqlite3.Error as error:  # a read can fail: say so, keep the window up
            self._show([], self.tr("The corpus could not be read: %s") % error)
            return
        found = [f for f in found if f.unit != origin]
        # A wording's history reads oldest first.
        found.sort(key=lambda f: (self._adopted(f.unit) or "9999", -f.score, f.unit))
        quote = " ".join(text.split())
        if len(quote) > QUOTE_CHARACTERS:
            quote = quote[:QUOTE_CHARACTERS].rsplit(" ", 1)[0] + " …"
        if not found:
            summary = self.tr("“%s”: not found beyond common formulas.") % quote
        elif len(found) == 1:
            summary = self.tr("“%s”: 1 unit.") % quote
        else:
            summary = self.tr("“%s”: %d units, oldest first.") % (quote, len(found))
        self._show(found, summary)

    def _adopted(self, unit_id: str) -> str:
        instrument = self._source.instrument(unit_id.split("/", 1)[0])
        return instrument.adopted if instrument else ""

    def _show(self, found: list[Found], summary: str) -> None:
        self._found = found
        rows = []
        for item in found:
            unit = self._source.unit(item.unit)
            words = snippet(unit.text, item.spans) if unit else ""
            note = self.tr("%s · score %.2f") % (relation_name(item.relation), item.score)
            rows.append(Row(title=self._source.citation(item.unit), lines=(words,), note=note,
                            unit=item.unit, kind=item.relation))
        self.model.set_rows(rows)
        self.summary.setText(summary)
        self._update_compare()

    def results(self) -> list[Found]:
        return list(self._found)

    def _current(self) -> str | None:
        index = self.list.currentIndex()
        return str(index.data(UNIT_ROLE)) if index.isValid() else None

    def _update_compare(self) -> None:
        self.compare_button.setEnabled(bool(self._origin and self._current()))

    def compare_current(self) -> bool:
        """The chosen result against the origin, the earlier of the two first."""
        unit = self._current()
        if not unit or not self._origin:
            return False
        pair = sorted((self._origin, unit), key=lambda u: (self._adopted(u) or "9999", u))
        self.compare_requested.emit(pair[0], pair[1])
        return True

    def _activated(self, index: QModelIndex) -> None:
        unit = index.data(UNIT_ROLE)
        if unit:
            self.unit_activated.emit(str(unit))


def install_agreed(window: MainWindow, source: DocumentSource, menu: QMenu) -> AgreedDock:
    """Add the dock (tabbed with the links panel) and "Where was this agreed?" (in `menu`,
    Ctrl+Shift+A) to `window`: the focused pane's selection, or its current unit, is looked
    up; a result opens through the window; Compare opens the redline dialog."""
    dock = AgreedDock(source, window)
    # Made after the window's first paint: where the saved layout had it, else hidden until
    # asked for (then a tab beside the links panel).
    if not window.restoreDockWidget(dock):
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.hide()

    def ask() -> None:
        view = window.pane_area.focused_pane().view
        text, units = view.excerpt()
        if not text:
            return
        whole = not view.textCursor().hasSelection()
        origin = units[0] if len(units) == 1 else None
        if whole and origin:
            unit = source.unit(origin)
            text = unit.text if unit else text
        if not dock.isVisible() and window.links.isVisible() and not window.tabifiedDockWidgets(
                window.links):
            window.tabifyDockWidget(window.links, dock)
        dock.show()
        dock.raise_()
        dock.find(text, origin, whole_unit=whole)

    def compare(old: str, new: str) -> None:
        from desktop.ui.dialogs.compare_dialog import CompareDialog

        dialog = CompareDialog(source, old, new, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dock.compare_dialog = dialog

    action = QAction(QCoreApplication.translate("AgreedDock", "&Where was this agreed?"),
                     window)
    action.setObjectName("agreedAction")
    action.setShortcut(QKeySequence(AGREED_KEY))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(ask)
    window.addAction(action)
    menu.addAction(action)
    dock.unit_activated.connect(lambda unit: window.open_unit(unit, give_focus=False))
    dock.compare_requested.connect(compare)
    # The Links panel's rows compare with the unit they correspond to (right-click).
    rows = window.links.list
    rows.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def links_menu(position: QPoint) -> None:
        menu = link_compare_menu(window, source, compare, position)
        if menu is not None:
            menu.exec(rows.viewport().mapToGlobal(position))
            menu.deleteLater()

    rows.customContextMenuRequested.connect(links_menu)
    return dock


def link_compare_menu(window: MainWindow, source: DocumentSource,
                      compare: Callable[[str, str], None], position: QPoint) -> QMenu | None:
    """The Links panel's menu on the row at `position`: Compare it with the panel's unit,
    the earlier of the two first (None on a row that leads to no unit)."""
    rows = window.links.list
    index = rows.indexAt(position)
    other = str(index.data(UNIT_ROLE) or "") if index.isValid() else ""
    current = window.links.model.unit()
    if not other or not current:
        return None

    def adopted(unit: str) -> str:
        instrument = source.instrument(unit.split("/", 1)[0])
        return (instrument.adopted if instrument else "") or "9999"

    old, new = sorted((current, other), key=lambda u: (adopted(u), u))
    menu = QMenu(rows)
    menu.addAction(QCoreApplication.translate("AgreedDock", "Compare with %s")
                   % source.short_citation(current),
                   lambda: compare(old, new))
    return menu
