"""The reading window: the chapter tree beside two to four document panes.

It arranges the widgets and the commands (menus, shortcuts) and remembers the layout; what each
widget needs (the document source, the settings) is handed in by desktop.ui.app.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.ui.document_pane import DocumentPane
from desktop.ui.document_source import DEFAULT_PANES, MAIN_INSTRUMENTS, DocumentSource
from desktop.ui.outline_model import OutlineModel
from desktop.ui.outline_view import OutlineDock
from desktop.ui.pane_area import MAX_PANES, MIN_PANES, PaneArea
from desktop.ui.theme import DEFAULT_ZOOM, clamp_zoom, next_zoom
from desktop.ui.window_settings import PaneState, WindowSettings

Key = QKeySequence.StandardKey
FIRST_RUN_TREE_WIDTH = 330


class MainWindow(QMainWindow):
    def __init__(self, source: DocumentSource, settings: WindowSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Concordia"))
        self._source = source
        self._settings = settings
        self._zoom = DEFAULT_ZOOM
        self._shown_once = False
        # Qt's print dialog by default (imported when first printing); tests put a stand-in here.
        self.make_print_dialog: Callable[..., Any] | None = None
        self.chapters = OutlineDock(OutlineModel(source, self), self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.chapters)
        self.chapters.unit_activated.connect(self.show_in_focused_pane)
        self.pane_area = PaneArea(self._new_pane, self)
        self.pane_area.panes_changed.connect(self._update_actions)
        self.setCentralWidget(self.pane_area)
        self._build_actions()
        self._restore()

    def _new_pane(self, parent: QWidget) -> DocumentPane:
        pane = DocumentPane(self._source, parent)
        pane.set_zoom(self._zoom)
        pane.view.zoom_requested.connect(self.zoom)
        pane.view.current_changed.connect(
            lambda unit: self.chapters.select_unit(unit)
            if pane is self.pane_area.focused_pane() else None)
        return pane

    # -- commands --------------------------------------------------------------------------

    def _action(self, menu_name: str, text: str, slot: object,
                *shortcuts: QKeySequence | Key | str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self._menus[menu_name].addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self._menus = {"file": bar.addMenu(self.tr("&File")), "view": bar.addMenu(self.tr("&View")),
                       "panes": bar.addMenu(self.tr("&Panes")),
                       "help": bar.addMenu(self.tr("&Help"))}
        self._action("help", self.tr("&About Concordia"), self.show_about)
        self._action("file", self.tr("&Print…"), self.print_focused_pane, Key.Print)
        self._menus["file"].addSeparator()
        self._action("file", self.tr("&Quit"), self.close, Key.Quit, "Ctrl+Q")

        self._action("view", self.tr("Zoom &in"), lambda: self.zoom(1), Key.ZoomIn, "Ctrl+=")
        self._action("view", self.tr("Zoom &out"), lambda: self.zoom(-1), Key.ZoomOut)
        self._action("view", self.tr("&Actual size"), lambda: self.zoom(0), "Ctrl+0")
        self._menus["view"].addSeparator()
        toggle = self.chapters.toggleViewAction()
        toggle.setText(self.tr("&Chapters"))
        toggle.setShortcut(QKeySequence("F9"))
        self._menus["view"].addAction(toggle)
        self._action("view", self.tr("&Find a chapter"), self.focus_chapter_filter, "Ctrl+L")

        panes = "panes"
        self.add_action = self._action(panes, self.tr("&Add a pane"), self.add_pane, "Ctrl+T")
        self.close_action = self._action(panes, self.tr("&Close this pane"),
                                         self.close_focused_pane, "Ctrl+W")
        self._action(panes, self.tr("Move pane &left"), lambda: self.move_focused_pane(-1),
                     "Ctrl+Shift+PgUp")
        self._action(panes, self.tr("Move pane &right"), lambda: self.move_focused_pane(1),
                     "Ctrl+Shift+PgDown")
        self._menus[panes].addSeparator()
        self._action(panes, self.tr("&Next pane"), lambda: self.pane_area.focus_next(1),
                     "Ctrl+Tab", "F6")
        self._action(panes, self.tr("&Previous pane"), lambda: self.pane_area.focus_next(-1),
                     "Ctrl+Shift+Tab", "Shift+F6")
        self._menus[panes].addSeparator()
        self._action(panes, self.tr("C&hoose instrument…"),
                     lambda: self.pane_area.focused_pane().choose_instrument(), "Ctrl+O")
        self._action(panes, self.tr("N&ext instrument"),
                     lambda: self.pane_area.focused_pane().cycle_instrument(1), "Ctrl+PgDown")
        self._action(panes, self.tr("Pre&vious instrument"),
                     lambda: self.pane_area.focused_pane().cycle_instrument(-1), "Ctrl+PgUp")

    def show_about(self) -> None:
        from desktop import __version__
        from desktop.ui.about_dialog import show_about

        show_about(self, __version__, self._source.instruments())

    def _update_actions(self) -> None:
        self.add_action.setEnabled(self.pane_area.can_add())
        self.close_action.setEnabled(self.pane_area.can_close())

    def add_pane(self) -> DocumentPane | None:
        """A new pane beside the focused one, on an instrument not yet open (if any)."""
        shown = {pane.instrument_id() for pane in self.pane_area.panes()}
        choices = [i for i in MAIN_INSTRUMENTS if i not in shown] or list(MAIN_INSTRUMENTS)
        position = self.pane_area.panes().index(self.pane_area.focused_pane()) + 1
        pane = self.pane_area.add_pane(choices[0], position)
        if pane is not None:
            self.pane_area.set_focused(pane)
        return pane

    def close_focused_pane(self) -> bool:
        return self.pane_area.close_pane(self.pane_area.focused_pane())

    def move_focused_pane(self, step: int) -> bool:
        return self.pane_area.move_pane(self.pane_area.focused_pane(), step)

    def focus_chapter_filter(self) -> None:
        self.chapters.show()
        self.chapters.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.chapters.filter.selectAll()

    def zoom(self, direction: int) -> None:
        """Zoom every pane one step in (+1) or out (-1), or back to 100 % (0)."""
        self._zoom = DEFAULT_ZOOM if direction == 0 else next_zoom(self._zoom, direction)
        for pane in self.pane_area.panes():
            pane.set_zoom(self._zoom)

    def zoom_level(self) -> int:
        return self._zoom

    def print_focused_pane(self) -> bool:
        from desktop.ui.printing import print_pane  # QtPrintSupport loads only when needed

        return print_pane(self.pane_area.focused_pane(), self, self.make_print_dialog)

    # -- showing units ---------------------------------------------------------------------

    def show_in_focused_pane(self, unit_id: str) -> bool:
        return self.pane_area.focused_pane().show_unit(unit_id)

    def open_unit(self, unit_id: str) -> bool:
        """Show a unit: in a pane already on its instrument (the focused one first), else in
        the focused pane; that pane takes the focus."""
        unit = self._source.unit(unit_id)
        if unit is None:
            return False
        focused = self.pane_area.focused_pane()
        panes = [focused, *self.pane_area.panes()]
        pane = next((p for p in panes if p.instrument_id() == unit.instrument), focused)
        self.pane_area.set_focused(pane, give_focus=self.isVisible())
        return pane.show_unit(unit_id)

    # -- remembering -----------------------------------------------------------------------

    def _restore(self) -> None:
        settings = self._settings
        self._zoom = clamp_zoom(settings.zoom(DEFAULT_ZOOM))
        states = [state for state in settings.panes()
                  if self._source.instrument(state.instrument) is not None][:MAX_PANES]
        if len(states) < MIN_PANES:
            states = [PaneState(instrument) for instrument in DEFAULT_PANES]
        for state in states:
            top = state.top if self._source.unit(state.top or "") else None
            current = state.current if self._source.unit(state.current or "") else None
            self.pane_area.add_pane(state.instrument, top=top, current=current)
        panes = self.pane_area.panes()
        self.pane_area.set_focused(panes[min(max(settings.focused(), 0), len(panes) - 1)],
                                   give_focus=False)
        geometry = settings.geometry()
        self.restored_geometry = geometry is not None and self.restoreGeometry(geometry)
        state = settings.window_state()
        if state is None or not self.restoreState(state):
            # First run: room for the chapter titles (UNGASS 2016's all open alike:
            # "Operational recommendations on …"), the rest for the text.
            self.resizeDocks([self.chapters], [FIRST_RUN_TREE_WIDTH], Qt.Orientation.Horizontal)
        splitter = settings.splitter_state()
        if splitter is not None:
            self.pane_area.restoreState(splitter)
        self._update_actions()
        for pane in panes:  # the open instruments' chapters, one click away
            self.chapters.expand_instrument(pane.instrument_id())

    def save_settings(self) -> bool:
        panes = self.pane_area.panes()
        saved = self._settings.save(
            geometry=self.saveGeometry(),
            window_state=self.saveState(),
            splitter=self.pane_area.saveState(),
            panes=[PaneState(p.instrument_id(), p.top_unit(), p.current_unit()) for p in panes],
            focused=panes.index(self.pane_area.focused_pane()),
            zoom=self._zoom,
        )
        if not saved:
            print(f"concordia: could not save the window's layout to "
                  f"{self._settings.file_name()}", file=sys.stderr)
        return saved

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.pane_area.focused_pane().view.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
