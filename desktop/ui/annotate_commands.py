"""The Annotate commands: highlight the selection (or the current unit) in a category with
one keystroke, Ctrl+1 … Ctrl+9 in the categories' order; add a note with Ctrl+N. The same
commands stand in the Annotate menu, the pane's right-click menu and the palette that
appears by a selection made with the mouse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.hub import AnnotationHub
from desktop.ui.lazy_qt import set_shortcut
from desktop.ui.operations import AnnotationOperations, Span
from desktop.ui.reading.document_pane import DocumentPane
from desktop.ui.reading.pane_area import PaneArea

if TYPE_CHECKING:
    from desktop.core.notes.model import Annotation, Category, Change
    from desktop.ui.dialogs.categories_dialog import CategoriesDialog
    from desktop.ui.reading.selection_palette import SelectionPalette

NOTE_KEY = "Ctrl+N"


def category_key(position: int) -> QKeySequence:
    return QKeySequence(f"Ctrl+{position + 1}")


class AnnotateCommands(QObject):
    note_requested = Signal(int)  # an annotation whose note the reader wants to write
    annotation_made = Signal(int)  # a highlight or note was made or recoloured
    told = Signal(str)  # a short message for the status bar

    def __init__(self, operations: AnnotationOperations, hub: AnnotationHub,
                 pane_area: PaneArea, menu: QMenu, window: QWidget) -> None:
        super().__init__(window)
        self._operations = operations
        self._hub = hub
        self._pane_area = pane_area
        self._menu = menu
        self._window = window
        self._categories: list[Category] = []
        self._category_actions: list[QAction] = []
        self._palettes: dict[int, SelectionPalette] = {}
        self._watched: set[int] = set()
        self.note_action = QAction(self.tr("Add or edit &note"), window)
        set_shortcut(self.note_action, NOTE_KEY)  # a window shortcut, as QAction's are
        self.note_action.triggered.connect(self.add_note)
        window.addAction(self.note_action)
        self._note_separator = menu.addSeparator()
        menu.addAction(self.note_action)
        menu.addSeparator()
        self.categories_action = menu.addAction(self.tr("&Categories…"), self.open_categories)
        self.categories_dialog: CategoriesDialog | None = None
        hub.changed.connect(self._hub_changed)
        self._categories_loaded = False

    # -- categories -----------------------------------------------------------------------

    def categories(self) -> list[Category]:
        if not self._categories_loaded:
            self.reload_categories()
        return list(self._categories)

    def reload_categories(self) -> None:
        from desktop.ui.reading.selection_palette import swatch  # after the first paint

        self._categories = self._hub.categories()
        self._categories_loaded = bool(self._categories) or not self._hub.current_problem()
        for action in self._category_actions:
            self._menu.removeAction(action)
            self._window.removeAction(action)
            action.deleteLater()
        self._category_actions = []
        for position, category in enumerate(self._categories):
            action = QAction(swatch(category.colour),
                             self.tr("Highlight in %s") % category.name, self._window)
            if position < 9:
                set_shortcut(action, category_key(position))
            action.triggered.connect(lambda _checked=False, p=position: self.highlight(p))
            self._window.addAction(action)
            self._menu.insertAction(self._note_separator, action)
            self._category_actions.append(action)
        for palette in self._palettes.values():
            palette.set_categories(self._categories)

    def category_actions(self) -> list[QAction]:
        self.categories()
        return list(self._category_actions)

    def _hub_changed(self, change: Change) -> None:
        if change.action == "category" or (change.action == "external"
                                           and not change.annotations):
            self.reload_categories()

    def open_categories(self) -> CategoriesDialog:
        """Annotate ▸ Categories…: rename, recolour, add, reorder, remove."""
        from desktop.ui.dialogs.categories_dialog import CategoriesDialog

        if self.categories_dialog is None:
            self.categories_dialog = CategoriesDialog(self._hub, self._operations, self._window)
        dialog = self.categories_dialog
        dialog.reload()
        if dialog.isVisible():
            dialog.raise_()  # already open behind the window: bring it up
            dialog.activateWindow()
        else:
            dialog.show()
        return dialog

    # -- commands -------------------------------------------------------------------------

    def _target(self, pane: DocumentPane) -> tuple[Span | None, str | None]:
        found = pane.view.selection_span()
        if found is not None:
            return Span(*found), None
        return None, pane.current_unit()

    def highlight(self, position: int, pane: DocumentPane | None = None) -> Annotation | None:
        """Highlight the pane's selection (or note its current unit as a whole) in the
        category at `position`."""
        categories = self.categories()
        if not 0 <= position < len(categories):
            return None
        pane = pane or self._pane_area.focused_pane()
        span, unit = self._target(pane)
        if span is None and unit is None:
            self.told.emit(self.tr("Select words, or click a paragraph, to highlight it."))
            return None
        made = self._operations.highlight(span, unit, categories[position].name)
        if made is not None:
            self._clear_selection(pane)
            self.annotation_made.emit(made.id)
        return made

    def add_note(self, pane: DocumentPane | None = None) -> Annotation | None:
        """Ctrl+N: the note of the selection's highlight (made if there is none) or of the
        current unit, opened for writing."""
        pane = pane or self._pane_area.focused_pane()
        span, unit = self._target(pane)
        if span is None and unit is None:
            self.told.emit(self.tr("Select words, or click a paragraph, to write a note."))
            return None
        target = self._operations.note_target(span, unit)
        if target is not None:
            self._clear_selection(pane)
            self.annotation_made.emit(target.id)
            self.note_requested.emit(target.id)
        return target

    @staticmethod
    def _clear_selection(pane: DocumentPane) -> None:
        # The highlight shows at once (a selection would hide its colour).
        cursor = pane.view.textCursor()
        cursor.clearSelection()
        cursor.movePosition(QTextCursor.MoveOperation.NoMove)
        pane.view.setTextCursor(cursor)

    # -- panes: right-click menu and the palette by the selection ----------------------------

    def panes_changed(self) -> None:
        for pane in self._pane_area.panes():
            if id(pane) in self._watched:
                continue
            self._watched.add(id(pane))
            pane.menu_requested.connect(self._extend_menu)
            pane.view.selection_made.connect(lambda pane=pane: self._offer_palette(pane))
            pane.view.selectionChanged.connect(lambda pane=pane: self._selection_changed(pane))
            pane.view.verticalScrollBar().valueChanged.connect(
                lambda _value, pane=pane: self._hide_palette(pane))

    def _extend_menu(self, pane: DocumentPane, menu: QMenu, position: QPoint) -> None:
        from desktop.ui.reading.selection_palette import swatch

        menu.addSeparator()
        under = pane.view.highlight_at(position)
        if under is not None:
            menu.addAction(self.tr("Edit this annotation's note"),
                           lambda: self.note_requested.emit(under))
            menu.addAction(self.tr("Delete this highlight"),
                           lambda: self._operations.remove(under))
            menu.addSeparator()
        highlight = menu.addMenu(self.tr("&Highlight in"))
        enabled = bool(pane.view.textCursor().hasSelection() or pane.current_unit())
        highlight.setEnabled(enabled and bool(self.categories()))
        for position, category in enumerate(self.categories()):
            action = highlight.addAction(swatch(category.colour), category.name,
                                         lambda p=position, pane=pane: self.highlight(p, pane))
            if position < 9:
                action.setShortcut(category_key(position))  # shown; the window's acts
        note = menu.addAction(self.tr("Add or edit &note"), lambda: self.add_note(pane))
        note.setShortcut(QKeySequence(NOTE_KEY))
        note.setEnabled(enabled)

    def palette(self, pane: DocumentPane) -> SelectionPalette:
        found = self._palettes.get(id(pane))
        if found is None:
            from desktop.ui.reading.selection_palette import SelectionPalette

            found = SelectionPalette(pane.view.viewport())
            found.set_categories(self.categories())
            found.chosen.connect(lambda position, pane=pane: self.highlight(position, pane))
            found.note_requested.connect(lambda pane=pane: self.add_note(pane))
            self._palettes[id(pane)] = found
        return found

    def _offer_palette(self, pane: DocumentPane) -> None:
        if pane.view.selection_span() is None or not self.categories():
            return
        rect = pane.view.cursorRect()
        self.palette(pane).show_at(QPoint(rect.center().x(), rect.top()))

    def _selection_changed(self, pane: DocumentPane) -> None:
        if not pane.view.textCursor().hasSelection():
            self._hide_palette(pane)

    def _hide_palette(self, pane: DocumentPane) -> None:
        palette = self._palettes.get(id(pane))
        if palette is not None:
            palette.hide()
