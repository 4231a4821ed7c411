"""The reading window: the chapter tree, search and links docks beside two to four document
panes that follow one another through the links.

It arranges the widgets and the commands (menus, shortcuts) and remembers the layout; what each
widget needs (the document source, the settings) is handed in by desktop.ui.app. Every move to
a unit goes through the navigator (history, broadcast), whose `moved` signal drives the sync
controller and the links panel.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QVBoxLayout, QWidget

from desktop.ui.annotate_commands import AnnotateCommands
from desktop.ui.dialogs.exchange_actions import ExchangeActions
from desktop.ui.docks.links_view import LinksDock
from desktop.ui.docks.outline_model import OutlineModel
from desktop.ui.docks.outline_view import OutlineDock
from desktop.ui.docks.search_view import SearchDock
from desktop.ui.document_source import DocumentSource, default_panes, main_instruments
from desktop.ui.help_menu import install_help
from desktop.ui.hub import AnnotationHub
from desktop.ui.lazy_qt import Qt, set_shortcut
from desktop.ui.meeting_field import MeetingField
from desktop.ui.operations import AnnotationOperations, Span
from desktop.ui.preferences import START_DEFAULT, Preferences
from desktop.ui.reading.document_pane import COPY_WITH_CITATION_KEY, DocumentPane
from desktop.ui.reading.navigator import Navigator
from desktop.ui.reading.pane_area import MAX_PANES, MIN_PANES, PaneArea
from desktop.ui.reading.sync_controller import SyncController
from desktop.ui.reading.theme import DEFAULT_ZOOM, clamp_zoom, next_zoom
from desktop.ui.startup import Construction, FirstPaint, loading
from desktop.ui.store_bar import ReviewBar, StoreBar
from desktop.ui.window_settings import PaneState, WindowSettings, first_start_state
from desktop.ui.zoom_indicator import ZoomIndicator

T = TypeVar("T")

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QDockWidget

    from desktop.ui.dialogs.draft_actions import DraftActions
    from desktop.ui.docks.agreed_view import AgreedDock
    from desktop.ui.docks.annotations_view import AnnotationsDock
    from desktop.ui.reading.annotation_marks import AnnotationMarks
    from desktop.ui.reading.go_to_panel import GoToPanel

Key = QKeySequence.StandardKey
FIRST_RUN_TREE_WIDTH = 330
FIRST_RUN_LINKS_SHARE = 0.4  # of the left column's height, below the chapters
SEARCH_CHOICES = ("search/instrument", "search/part")
LINKS_CHOICE = "links/kind"
# Whether the annotations panel was open (perhaps as a tab behind another): then it is made
# before the first paint, so the left column shows the tabs it had; else right after.
ANNOTATIONS_OPEN = "annotations/open"
# What the parts made after the first paint import, each module after its own imports (so a
# step loads about one): a head start only, each part still imports what it uses.
CHAPTERS_MODULES = ("desktop.ui.docks.outline_delegate",)
LINKS_MODULES = ("dataclasses", "desktop.core.correspondence", "desktop.core.search",
                 "desktop.ui.docks.rows_model", "desktop.ui.docks.links_model")
SEARCH_MODULES = ("desktop.ui.docks.search_model",)
COMMANDS_MODULES = ("desktop.core.notes.model", "desktop.ui.dialogs.preferences_dialog",
                    "desktop.ui.docks.agreed_view")
ANNOTATIONS_MODULES = ("html", "json", "desktop.core.exchange.record",
                       "desktop.ui.docks.annotations_model", "desktop.ui.docks.note_editor",
                       "difflib", "desktop.ui.docks.review_model",
                       "desktop.ui.docks.annotations_view")
NOTES_MODULES = ("uuid", "desktop.core.notes.backups", "desktop.core.notes.sidecar",
                 "desktop.core.notes.database", "hashlib", "desktop.core.notes.texts",
                 "desktop.core.notes.anchoring", "desktop.core.notes.store",
                 "desktop.core.notes.service", "desktop.core.notes.watch")
# A store not made yet (a first start) is made with sqlite-utils: ~50 ms of imports that a start
# whose store exists does without.
STORE_MAKING_MODULES = ("decimal", "secrets", "sqlite_fts4", "pluggy", "click", "calendar",
                        "dateutil.tz", "dateutil.parser", "sqlite_utils")
MARKS_MODULES = ("xml.etree.ElementTree", "markdown",  # (its package loads all of it)
                 "desktop.core.notes.render", "desktop.ui.reading.annotation_marks")
DRAFTS_MODULES = ("desktop.core.agreed", "desktop.ui.reading.draft_marks",
                  "desktop.ui.dialogs.draft_actions")
# All of them, for the bundle's build: it compiles their expressions once (pyside_cache).
AFTER_PAINT_MODULES = (*CHAPTERS_MODULES, *LINKS_MODULES, *SEARCH_MODULES, *COMMANDS_MODULES,
                       *ANNOTATIONS_MODULES, *NOTES_MODULES, *STORE_MAKING_MODULES,
                       *MARKS_MODULES, *DRAFTS_MODULES)
# The layout and reading places are saved this long after the last change, not only on close:
# after a crash or a dead battery the next start opens where the delegate was reading.
AUTOSAVE_DELAY_MS = 1500


def _made(part: Callable[[], T | None], make: Callable[[], None]) -> T:
    """A part of the window made after its first paint: made now if it is not yet."""
    if part() is None:
        make()
    made = part()
    assert made is not None
    return made


def _as_saved(name: str) -> bytes:
    """An object name as a saved layout holds it: UTF-16, high byte first (QDataStream's
    QString), for the ASCII names the docks have; no codec module to load at start-up."""
    return bytes(byte for char in name.encode("ascii") for byte in (0, char))


def _make_qt_namespace() -> None:
    """Qt's namespace, which the first paint went without (desktop.ui.lazy_qt): made in a
    step of its own (~20 ms), not inside the first step that needs it."""
    Qt.AlignmentFlag  # noqa: B018 - the first use makes it


class MainWindow(QMainWindow):
    settings_saved = Signal(bool)  # the layout was written (True) or could not be (False)
    built = Signal()  # every part is made (after the panes' first paint, or on demand)

    def __init__(self, source: DocumentSource, settings: WindowSettings, hub: AnnotationHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Concordia"))
        self._source = source
        self._settings = settings
        self.hub = hub
        hub.setParent(self)  # its watch ends with the window
        self.operations = AnnotationOperations(hub, self)
        self._zoom = DEFAULT_ZOOM
        self._shown_once = False
        self._room_for_annotations = False  # first run: make room when the panel first shows
        # What the first frame does not show is made after it (desktop.ui.startup).
        self._construction = Construction(self)
        self._construction.built.connect(self.built)
        self._marks: AnnotationMarks | None = None
        self._annotations: AnnotationsDock | None = None
        self._drafts: DraftActions | None = None
        # Qt's print dialog by default (imported when first printing); tests put a stand-in here.
        self.make_print_dialog: Callable[..., Any] | None = None
        self.delete_when_closed = False  # the application's window goes once closed
        self.first_start_layout = False  # a first start's docks came from the saved layout
        # The docks are placed by the saved layout, else as at a first start (_restore).
        self.outline = OutlineModel(source, self)
        self.chapters = OutlineDock(self.outline, self)
        self.chapters.unit_activated.connect(self.show_in_focused_pane)
        self.links = LinksDock(source, self)
        self.search = SearchDock(source, self)
        self.pane_area = PaneArea(self._new_pane, self)
        self.navigator = Navigator(source, self.pane_area, self)
        self.sync = SyncController(lambda unit, instrument:
                                   source.correspondences().find(unit, instrument),
                                   self.pane_area.panes, self)
        self.navigator.moved.connect(self._moved)
        self.navigator.history_changed.connect(self._update_actions)
        self.pane_area.panes_changed.connect(self._update_actions)
        self.pane_area.panes_changed.connect(self.sync.panes_changed)
        self.search.unit_activated.connect(self.open_result)
        self.search.set_notes_search(lambda text: self.annotations.matching(text))
        self.search.annotation_activated.connect(self.show_annotation)
        self.links.unit_activated.connect(self.show_correspondent)

        self.store_bar = StoreBar(self)
        self.store_bar.retry_requested.connect(hub.poll)
        self.store_bar.recover_requested.connect(self.recover_notes)
        self.outline.corpus_failed.connect(self.store_bar.show_corpus_problem)
        hub.problem.connect(lambda text: self.store_bar.show_problem(
            text, hub.can_recover(), hub.problem_error()))
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.store_bar)
        self.review_bar = ReviewBar(self)
        self.review_bar.review_requested.connect(self._show_review)
        column.addWidget(self.review_bar)
        hub.changed.connect(self._count_reviews)
        column.addWidget(self.pane_area, 1)
        self.setCentralWidget(central)
        self.meeting = MeetingField(hub, self.operations, self)
        self.statusBar().addPermanentWidget(self.meeting)
        self.zoom_indicator = ZoomIndicator(self)
        self.zoom_indicator.reset_requested.connect(lambda: self.zoom(0))
        self.statusBar().addPermanentWidget(self.zoom_indicator)
        self._go_to: GoToPanel | None = None  # made on first use (not at start-up)
        self._build_actions()
        self.annotate = AnnotateCommands(self.operations, hub, self.pane_area,
                                         self._menus["annotate"], self)
        self.pane_area.panes_changed.connect(self.annotate.panes_changed)
        self.annotate.note_requested.connect(lambda note: self.annotations.edit(note))
        self.annotate.told.connect(lambda text: self.statusBar().showMessage(text, 4000))
        hub.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._agreed: AgreedDock | None = None  # with Preferences…, after the first paint
        self._menus["edit"].aboutToShow.connect(self._build_commands)  # or when Edit opens
        self.first_run = install_help(self, self._menus["help"])
        self.preferences = Preferences(settings)
        self._restore()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self._save_now)
        self._autosave_failed = False
        for signal in (self.pane_area.panes_changed, self.pane_area.focused_pane_changed,
                       self.pane_area.splitterMoved, self.navigator.history_changed,
                       self.sync.synced, *(
                           dock_signal for dock in (self.chapters, self.links, self.search)
                           for dock_signal in (dock.visibilityChanged,
                                               dock.dockLocationChanged))):
            signal.connect(self._layout_changed)
        # The modules of the parts made after the first paint load a step each before the
        # step that makes the part: every piece of that work stays short.
        for step in (self._first_run_page, _make_qt_namespace, *self._dock_steps(),
                     *loading(*COMMANDS_MODULES), self._build_commands,
                     *loading(*ANNOTATIONS_MODULES), self._build_annotations,
                     *loading(*NOTES_MODULES), self._ahead_of_store, self._start_notes,
                     *loading(*MARKS_MODULES), self._build_marks,
                     *loading(*DRAFTS_MODULES), self._build_drafts,
                     self._first_run_picture, self._name_controls):
            self._construction.add(step)

    def _dock_steps(self) -> list[Callable[[], None]]:
        """The chapter tree, the links and the search: their places and titles are in the
        first frame, their contents come right after it, one dock a step (a scroll or a key
        waits for one at most), then the watch on their lists."""
        return [*loading(*CHAPTERS_MODULES), self.chapters.make_body,
                *loading(*LINKS_MODULES), self.links.make_body,
                *loading(*SEARCH_MODULES), self.search.make_body, self._watch_dock_views]

    def _watch_dock_views(self) -> None:
        # The mouse's back and forward buttons: the panes let the press through to the
        # window (mousePressEvent); the item views take it, so they are watched. (The first
        # of these viewports handed to Python makes PySide6 classify Qt's widget classes:
        # a step of its own.)
        for view in (self.chapters.tree, self.search.results, self.links.list):
            view.viewport().installEventFilter(self)

    def _build_commands(self) -> None:
        """Edit ▸ Where was this agreed? with its panel, and Edit ▸ Preferences…: their
        modules load after the first paint."""
        if self._agreed is not None:
            return
        from desktop.ui.dialogs.preferences_dialog import install_preferences
        from desktop.ui.docks.agreed_view import install_agreed

        self._agreed = install_agreed(self, self._source, self._menus["edit"])
        install_preferences(self, self._menus["edit"], self.preferences)
        self._agreed.visibilityChanged.connect(self._layout_changed)

    @property
    def agreed(self) -> AgreedDock:
        """The agreed-language panel."""
        return _made(lambda: self._agreed, self._build_commands)

    def _new_pane(self, parent: QWidget) -> DocumentPane:
        pane = DocumentPane(self._source, parent)
        pane.set_zoom(self._zoom)
        pane.view.zoom_requested.connect(self.zoom)
        pane.view.current_changed.connect(
            lambda unit: self.chapters.select_unit(unit)
            if pane is self.pane_area.focused_pane() else None)
        pane.view.current_changed.connect(self._layout_changed)
        pane.view.top_changed.connect(self._layout_changed)
        pane.link_toggled.connect(self._layout_changed)
        pane.unit_chosen.connect(self._chosen)
        pane.link_toggled.connect(self.sync.link_changed)
        pane.step_requested.connect(lambda chosen, step: chosen.step_target(step))
        pane.view.highlight_clicked.connect(lambda note: self.annotations.select(note))
        pane.view.note_mark_clicked.connect(lambda note: self.annotations.select(note))
        pane.menu_requested.connect(self._pane_menu)
        return pane

    def _pane_menu(self, pane: DocumentPane, menu: QMenu, _position: object) -> None:
        """The pane's right-click menu also asks where its selection was agreed before."""
        self.pane_area.set_focused(pane, give_focus=False)
        self._build_commands()  # a right-click in the first frames has it too
        agreed = self.findChild(QAction, "agreedAction")
        if agreed is not None:
            menu.addAction(agreed)

    def _chosen(self, pane: DocumentPane, unit_id: str) -> None:
        # A pane's reader clicked a unit. During a sync no pane moves of its own accord: a
        # pane that reported one then would be echoing the sync back (no history, no lead).
        if not self.sync.is_busy():
            self.navigator.arrive(pane, unit_id)

    def _moved(self, pane: DocumentPane, unit_id: str) -> None:
        self.sync.lead(pane, unit_id)
        self.links.show_unit(unit_id)

    # -- commands --------------------------------------------------------------------------

    def _action(self, menu_name: str, text: str, slot: object,
                *shortcuts: QKeySequence | Key | str) -> QAction:
        action = QAction(text, self)
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:  # a standard key may be one of the others: once each
            key = QKeySequence(shortcut)
            if not key.isEmpty() and key not in keys:
                keys.append(key)
        action.setShortcuts(keys)  # a window shortcut, as QAction's are
        action.triggered.connect(slot)
        self.addAction(action)
        self._menus[menu_name].addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self._menus = {"file": bar.addMenu(self.tr("&File")), "edit": bar.addMenu(self.tr("&Edit")),
                       "view": bar.addMenu(self.tr("&View")),
                       "go": bar.addMenu(self.tr("&Go")),
                       "annotate": bar.addMenu(self.tr("&Annotate")),
                       "panes": bar.addMenu(self.tr("&Panes")),
                       "help": bar.addMenu(self.tr("&Help"))}
        self._action("help", self.tr("&About Concordia"), self.show_about)
        # Export, Share, Import: on this window's notes service; an import is broadcast.
        self.exchange = ExchangeActions(self, self._menus["file"], lambda: self.hub.service)
        self.exchange.changed.connect(self.hub.publish)
        self._action("file", self.tr("&Print…"), self.print_focused_pane, Key.Print)
        self._menus["file"].addSeparator()
        self._action("file", self.tr("&Quit"), self.close, Key.Quit, "Ctrl+Q")

        stack = self.operations.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        for action, keys in ((self.undo_action, [QKeySequence(Key.Undo)]),
                             (self.redo_action, [QKeySequence("Ctrl+Shift+Z"),
                                                 QKeySequence(Key.Redo)])):
            unique: list[QKeySequence] = []
            for key in keys:
                if not key.isEmpty() and key not in unique:
                    unique.append(key)
            action.setShortcuts(unique)
            self.addAction(action)
            self._menus["edit"].addAction(action)
        self._menus["edit"].addSeparator()
        self._action("edit", self.tr("Copy with &citation"), self.copy_with_citation,
                     COPY_WITH_CITATION_KEY)

        self._action("view", self.tr("Zoom &in"), lambda: self.zoom(1), Key.ZoomIn, "Ctrl+=")
        self._action("view", self.tr("Zoom &out"), lambda: self.zoom(-1), Key.ZoomOut)
        self._action("view", self.tr("&Actual size"), lambda: self.zoom(0), "Ctrl+0")
        self._menus["view"].addSeparator()
        # F9 brings the chapters to the top when another tab (Search, Annotations) hides
        # them; the dock's own toggle would close them instead.
        self.chapters_action = self._action("view", self.tr("&Chapters"),
                                            self.toggle_chapters, "F9")
        self.chapters_action.setCheckable(True)
        self.chapters_action.setChecked(True)
        self.chapters.visibilityChanged.connect(self.chapters_action.setChecked)
        for dock, text, key in ((self.links, self.tr("&Links"), "Ctrl+Shift+K"),
                                (self.search, self.tr("&Search results"), "")):
            toggle = dock.toggleViewAction()
            toggle.setText(text)
            set_shortcut(toggle, key)
            self._menus["view"].addAction(toggle)
        # The panel is made after the first paint; its entry and key are here from the start.
        self.annotations_action = self._action(
            "view", self.tr("A&nnotations"),
            lambda: self.annotations.toggleViewAction().trigger(), "Ctrl+Shift+N")
        self.annotations_action.setCheckable(True)
        self._action("view", self.tr("&Find a chapter"), self.focus_chapter_filter,
                     "Ctrl+Shift+L")

        go = "go"
        self.back_action = self._action(go, self.tr("&Back"), self.navigator.back, "Alt+Left")
        self.forward_action = self._action(go, self.tr("&Forward"), self.navigator.forward,
                                           "Alt+Right")
        self._menus[go].addSeparator()
        self._action(go, self.tr("&Go to…"), self.open_go_to, "Ctrl+L")
        self._action(go, self.tr("&Search…"), self.search.focus_field, Key.Find, "Ctrl+F")
        self._menus[go].addSeparator()
        self._action(go, self.tr("&Next unit"), lambda: self.step_unit(1), "Ctrl+Down")
        self._action(go, self.tr("&Previous unit"), lambda: self.step_unit(-1), "Ctrl+Up")
        self._action(go, self.tr("Next &heading"), lambda: self.step_unit(1, headings=True),
                     "Ctrl+Shift+Down")
        self._action(go, self.tr("Previous h&eading"), lambda: self.step_unit(-1, headings=True),
                     "Ctrl+Shift+Up")
        self._menus[go].addSeparator()
        self.next_target_action = self._action(go, self.tr("Next &corresponding unit"),
                                               lambda: self.step_target(1), "F8")
        self._action(go, self.tr("Previous c&orresponding unit"), lambda: self.step_target(-1),
                     "Shift+F8")

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
        self._menus[panes].addSeparator()
        self._action(panes, self.tr("Lin&k or unlink this pane"), self.toggle_link, "Ctrl+K")

    def copy_with_citation(self) -> str:
        """The focused pane's selection (or current unit) to the clipboard, cited."""
        return self.pane_area.focused_pane().copy_with_citation()

    def show_about(self) -> None:
        from desktop import __version__
        from desktop.ui.dialogs.about_dialog import show_about

        show_about(self, __version__, self._source.instruments())

    def _update_actions(self) -> None:
        # Ctrl+T stays enabled at four panes, so the key says why no fifth opens.
        self.close_action.setEnabled(self.pane_area.can_close())
        self.back_action.setEnabled(self.navigator.history.can_go_back())
        self.forward_action.setEnabled(self.navigator.history.can_go_forward())

    def add_pane(self) -> DocumentPane | None:
        """A new pane beside the focused one, on an instrument not yet open (if any)."""
        if not self.pane_area.can_add():
            self.statusBar().showMessage(
                self.tr("Four panes are open, the most the window shows: close one "
                        "(Ctrl+W) to open another."), 6000)
            return None
        shown = {pane.instrument_id() for pane in self.pane_area.panes()}
        main = main_instruments()
        choices = [i for i in main if i not in shown] or list(main)
        position = self.pane_area.panes().index(self.pane_area.focused_pane()) + 1
        pane = self.pane_area.add_pane(choices[0], position)
        if pane is not None:
            self.pane_area.set_focused(pane)
        return pane

    def close_focused_pane(self) -> bool:
        return self.pane_area.close_pane(self.pane_area.focused_pane())

    def move_focused_pane(self, step: int) -> bool:
        return self.pane_area.move_pane(self.pane_area.focused_pane(), step)

    @property
    def go_to_panel(self) -> GoToPanel:
        if self._go_to is None:
            from desktop.ui.accessibility import name_controls
            from desktop.ui.reading.go_to_panel import GoToPanel

            self._go_to = GoToPanel(self._source, self)
            name_controls(self._go_to)
            self._go_to.unit_chosen.connect(self.open_unit)
            self._go_to.cancelled.connect(lambda: self.pane_area.set_focused(
                self.pane_area.focused_pane()))
        return self._go_to

    def open_go_to(self) -> None:
        self.go_to_panel.open(self.pane_area.focused_pane().instrument_id())

    def step_unit(self, direction: int, headings: bool = False) -> bool:
        """The focused pane's next or previous unit (or heading) becomes current."""
        return self.navigator.step(self.pane_area.focused_pane(), direction, headings)

    def step_target(self, direction: int) -> bool:
        """Show the next or previous corresponding unit: in the focused pane if it follows,
        else in the first pane that has more than one."""
        focused = self.pane_area.focused_pane()
        panes = [focused, *self.pane_area.panes()]
        pane = next((p for p in panes if len(p.targets()) > 1), None)
        return pane.step_target(direction) if pane is not None else False

    def toggle_link(self) -> None:
        pane = self.pane_area.focused_pane()
        pane.set_linked(not pane.is_linked())

    def show_correspondent(self, unit_id: str) -> bool:
        """A row of the links panel: show that unit in a following pane on its instrument (a
        following pane switches instrument if none is on it); else open it as a jump."""
        unit = self._source.unit(unit_id)
        if unit is None:
            return False
        leader = self.sync.leader()
        followers = [p for p in self.pane_area.panes() if p is not leader and p.is_linked()]
        pane = next((p for p in followers if p.instrument_id() == unit.instrument), None)
        if pane is None and followers and self.sync.unit() == self.links.model.unit():
            pane = followers[0]
            pane.set_instrument(unit.instrument)  # the sync controller makes it follow
        if pane is not None and pane.select_target(unit_id):
            return True
        return self.open_unit(unit_id, give_focus=False)

    def toggle_chapters(self) -> None:
        """F9: hide the chapter tree if it is in view, else bring it back on top of its tabs."""
        # A dock behind another tab is "visible" to Qt but has nothing on screen.
        if self.chapters.isVisible() and not self.chapters.visibleRegion().isEmpty():
            self.chapters.close()
        else:
            self.chapters.show()
            self.chapters.raise_()

    def focus_chapter_filter(self) -> None:
        self.chapters.show()
        self.chapters.raise_()  # on top of the Search and Annotations tabs
        self.chapters.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.chapters.filter.selectAll()

    def zoom(self, direction: int) -> None:
        """Zoom every pane one step in (+1) or out (-1), or back to 100 % (0)."""
        self._zoom = DEFAULT_ZOOM if direction == 0 else next_zoom(self._zoom, direction)
        # The unit the reader is at stays in view as the text grows or shrinks.
        keep = [(pane, unit) for pane in self.pane_area.panes()
                if (unit := pane.current_unit()) and pane.is_complete()
                and pane.view.is_unit_visible(unit)]
        for pane in self.pane_area.panes():
            pane.set_zoom(self._zoom)
        for pane, unit in keep:
            pane.view.bring_into_view(unit)
        self.zoom_indicator.show_zoom(self._zoom)
        self._layout_changed()

    def zoom_level(self) -> int:
        return self._zoom

    def zoom_to(self, percent: int) -> None:
        """Preferences ▸ Text size: a zoom step, as Ctrl++ and Ctrl+- reach them."""
        while clamp_zoom(percent) != self._zoom:
            self.zoom(1 if clamp_zoom(percent) > self._zoom else -1)

    def print_focused_pane(self) -> bool:
        from desktop.ui.reading.printing import print_pane  # QtPrintSupport loads only when needed

        return print_pane(self.pane_area.focused_pane(), self, self.make_print_dialog)

    # -- showing units ---------------------------------------------------------------------

    def show_in_focused_pane(self, unit_id: str) -> bool:
        """A row of the chapter tree opens where every unit opens (`Navigator.pane_for`):
        the focused pane if it shows the row's instrument, else a pane that does, else the
        focused pane switches; the keyboard stays in the tree."""
        return self.navigator.open(unit_id, give_focus=False)

    def open_unit(self, unit_id: str, give_focus: bool = True) -> bool:
        """Show a unit (Go to, a search result, --open): in a pane already on its instrument
        (the focused one first), else in the focused pane; that pane becomes the focused one
        (with the keyboard focus, unless the reader stays in a list) and leads, the other
        panes follow."""
        return self.navigator.open(unit_id, give_focus=give_focus and self.isVisible())

    def recover_notes(self) -> QWidget:
        """The bar's Recover…: choose a backup; the report goes to the status bar."""
        from desktop.ui.dialogs.recover_dialog import RecoverDialog

        self.annotations.editor.save()  # typed text is kept in the editor if refused
        dialog = RecoverDialog(self.hub, self)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            " ".join(" ".join(line.split()) for line in dialog.report), 15000))
        dialog.open()
        return dialog

    def _count_reviews(self, *_: object) -> None:
        self.review_bar.show_count(len(self.hub.reviews()))

    def _move_review_item(self, annotation_id: int) -> None:
        """Review ▸ Move: the item goes to the words selected in the focused pane (or its
        current unit)."""
        pane = self.pane_area.focused_pane()
        found = pane.view.selection_span()
        span = Span(*found) if found else None
        unit = None if span else pane.current_unit()
        if span is None and unit is None:
            self.statusBar().showMessage(
                self.tr("Select the new place in a pane first, then Move."), 6000)
            return
        self.operations.move(annotation_id, span, unit)

    def _annotations_shown(self, visible: bool) -> None:
        """The panel's list and editor need more height than the links below it: the first
        time it opens on a first-run layout, it takes most of the column."""
        if visible and self._room_for_annotations and self.links.isVisible():
            self._room_for_annotations = False
            tall = max(self.height(), 400)
            self.resizeDocks([self.annotations, self.links], [int(tall * 0.72),
                                                               int(tall * 0.28)],
                             Qt.Orientation.Vertical)

    def show_annotation(self, annotation_id: int, unit_id: str) -> bool:
        """A row of the annotations panel (or a notes search result): a pane goes to its
        unit, the keyboard staying in the list; the panel shows it selected."""
        shown = self.open_unit(unit_id, give_focus=False)
        if self.annotations.selected_id() != annotation_id:
            self.annotations.select(annotation_id)
        return shown

    def open_result(self, unit_id: str) -> bool:
        """A search result: opened with the words it found marked, while the keyboard stays
        in the results (↓, Enter)."""
        if not self.open_unit(unit_id, give_focus=False):
            return False
        pane = self.pane_area.focused_pane()  # the pane it opened in (Navigator.open)
        pane.view.set_found(unit_id, self.search.found_words(unit_id))
        return True

    # -- remembering -----------------------------------------------------------------------

    def _restore(self) -> None:
        settings = self._settings
        self._zoom = clamp_zoom(settings.zoom(DEFAULT_ZOOM))
        self.zoom_indicator.show_zoom(self._zoom)
        starting = Preferences(settings).start()  # Preferences ▸ At start, open
        states = [state for state in settings.panes()
                  if self._source.instrument(state.instrument) is not None
                  and starting != START_DEFAULT][:MAX_PANES]
        if len(states) < MIN_PANES:
            states = [PaneState(instrument) for instrument in default_panes()]
        for state in states:
            top = state.top if self._source.unit(state.top or "") else None
            current = state.current if self._source.unit(state.current or "") else None
            pane = self.pane_area.add_pane(state.instrument, top=top, current=current)
            if pane is not None:
                pane.set_linked(state.linked)
        panes = self.pane_area.panes()
        self.pane_area.set_focused(panes[min(max(settings.focused(), 0), len(panes) - 1)],
                                   give_focus=False)
        geometry = settings.geometry()
        self.restored_geometry = geometry is not None and self.restoreGeometry(geometry)
        state = settings.window_state()
        if state is not None and settings.choice(ANNOTATIONS_OPEN):
            self._build_annotations(place=False)  # the layout puts its tab back as it was
        self.first_start = state is None or not self._restore_docks(state)
        if self.first_start:
            self._room_for_annotations = True  # the annotations' panel: see _build_annotations
            shipped = first_start_state()
            self.first_start_layout = shipped is not None and self._restore_docks(shipped)
            if not self.first_start_layout:
                self._arrange_first_start()
        self.search.set_filters(*(settings.choice(key) for key in SEARCH_CHOICES))
        self.links.set_kind(settings.choice(LINKS_CHOICE))
        self.navigator.history.restore(*settings.history(),
                                       known=lambda place: self._source.unit(place) is not None)
        self._restore_leader(*settings.leader())
        splitter = settings.splitter_state()
        if splitter is not None:
            self.pane_area.restoreState(splitter)
        self._update_actions()
        for pane in panes:  # the open instruments' chapters, one click away
            self.chapters.expand_instrument(pane.instrument_id())

    def _docks(self) -> list[QDockWidget]:
        return [self.chapters, self.links, self.search, self.first_run,
                *([self._annotations] if self._annotations is not None else [])]

    def _restore_docks(self, state: QByteArray) -> bool:
        """Put the docks where the saved layout has them. Qt places the docks a layout
        names without their being added first (adding names a dock area, an enum of Qt's
        namespace: see desktop.ui.lazy_qt); a layout that leaves one out (an older one) is
        not used."""
        saved = bytes(state.data())
        if not all(_as_saved(dock.objectName()) in saved for dock in self._docks()):
            return False
        return self.restoreState(state)

    def _arrange_first_start(self) -> None:
        """The first start's docks, placed by naming their areas: the chapters on the left
        with the links below, the search a tab behind the chapters (shown once Ctrl+F asks
        for it), the getting-started page on the right (closed until opened). A first start
        restores the same arrangement saved as a layout (resources/layout/, made by
        tools/make_first_start_layout.py), which names no dock area before the first paint."""
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.addDockWidget(left, self.chapters)
        self.splitDockWidget(self.chapters, self.links, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.chapters, self.search)
        self.chapters.raise_()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.first_run)
        self.first_run.hide()
        if self._annotations is not None:
            self._place_annotations(self._annotations)
        # Room for the chapter titles (UNGASS 2016's all open alike: "Operational
        # recommendations on …"), the rest for the text; the links below.
        self.resizeDocks([self.chapters, self.links], [FIRST_RUN_TREE_WIDTH] * 2,
                         Qt.Orientation.Horizontal)
        self.search.hide()
        tall = max(self.height(), 400)
        self.resizeDocks([self.chapters, self.links],
                         [int(tall * (1 - FIRST_RUN_LINKS_SHARE)),
                          int(tall * FIRST_RUN_LINKS_SHARE)], Qt.Orientation.Vertical)

    def _layout_changed(self, *_: object) -> None:
        """Something remembered changed: save it shortly (restarting the wait, so scrolling
        writes the file once, when it stops). Nothing is saved before the window is shown:
        restoring the layout is not a change."""
        if self._shown_once:
            self._autosave.start()

    def _save_now(self) -> None:
        # A file that cannot be written is reported once, not every time the reader scrolls.
        saved = self.save_settings(report=not self._autosave_failed)
        self._autosave_failed = not saved
        self.settings_saved.emit(saved)

    def _restore_leader(self, position: int, unit_id: str) -> None:
        """The pane that led leads again with its unit, the others marking what corresponds
        where they stand (each was restored to its own place, which the reader may have
        scrolled after the sync)."""
        panes = self.pane_area.panes()
        unit = self._source.unit(unit_id)
        if 0 <= position < len(panes) and unit is not None \
                and unit.instrument == panes[position].instrument_id():
            self.sync.lead(panes[position], unit_id, move=False)
            self.links.show_unit(unit_id)

    def save_settings(self, report: bool = True) -> bool:
        panes = self.pane_area.panes()
        leader = self.sync.leader()
        saved = self._settings.save(
            geometry=self.saveGeometry(),
            window_state=self.saveState(),
            splitter=self.pane_area.saveState(),
            panes=[PaneState(p.instrument_id(), p.top_unit(), p.current_unit(), p.is_linked())
                   for p in panes],
            focused=panes.index(self.pane_area.focused_pane()),
            zoom=self._zoom,
            choices={**dict(zip(SEARCH_CHOICES, self.search.filters(), strict=True)),
                     LINKS_CHOICE: self.links.current_kind(),
                     ANNOTATIONS_OPEN: self._settings.choice(ANNOTATIONS_OPEN)
                     if self._annotations is None
                     else "1" if self._annotations.toggleViewAction().isChecked() else ""},
            history=(self.navigator.history.places(), self.navigator.history.position()),
            leader=(panes.index(leader), self.sync.unit() or "") if leader in panes
            else (-1, ""),
        )
        if not saved and report:
            print(f"concordia: could not save the window's layout to "
                  f"{self._settings.file_name()}", file=sys.stderr)
        return saved

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.pane_area.focused_pane().view.setFocus()  # Qt's OtherFocusReason
            # The rest is made once the panes' first screens are painted (not before).
            FirstPaint([pane.view.viewport() for pane in self.pane_area.panes()],
                       self._construction.start, self)

    # -- the parts made after the first paint ----------------------------------------------

    def finish_building(self) -> None:
        """Make every part not made yet, now (a test, a screenshot, a command that needs
        one before the window got round to it)."""
        self._construction.finish()

    def is_built(self) -> bool:
        return self._construction.is_built()

    def after_building(self, step: Callable[[], None]) -> None:
        """Run `step` once the window has made its parts, as a step of its own (not if the
        window closes first)."""
        if self.is_built():
            QTimer.singleShot(0, self, step)
        else:
            self._construction.add(step)

    @property
    def marks(self) -> AnnotationMarks:
        """The notes' highlights and marks in the panes."""
        return _made(lambda: self._marks, self._build_marks)

    @property
    def drafts(self) -> DraftActions:
        """File ▸ Import draft… and a draft's paragraph marks."""
        return _made(lambda: self._drafts, self._build_drafts)

    def _build_marks(self) -> None:
        if self._marks is not None:
            return
        from desktop.ui.reading.annotation_marks import AnnotationMarks  # markdown loads with it

        self._marks = AnnotationMarks(self.hub, self.pane_area.panes, self)
        self.pane_area.panes_changed.connect(self._marks.panes_changed)
        self._marks.panes_changed()
        for pane in self.pane_area.panes():  # those whose text was laid out before
            self._marks.refresh(pane)

    def _build_drafts(self) -> None:
        if self._drafts is not None:
            return
        from desktop.ui.dialogs.draft_actions import install_drafts

        self._drafts = install_drafts(self, self._source, self._menus["file"])

    def _first_run_page(self) -> None:
        # The page a restored layout or a first start shows: its place and title are in the
        # first frame, its text right after (as the docks' contents).
        if self.first_run.isVisible():
            self.first_run.make_body()

    def _first_run_picture(self) -> None:
        if self.first_run.isVisible():  # else decoded when the page is first opened
            self.first_run.load_picture()

    def _name_controls(self) -> None:
        from desktop.ui.accessibility import name_controls

        name_controls(self)

    @property
    def annotations(self) -> AnnotationsDock:
        """The annotations panel (a tab beside the chapters)."""
        return _made(lambda: self._annotations, self._build_annotations)

    def _build_annotations(self, place: bool = True) -> None:
        if self._annotations is not None:
            return
        from desktop.ui.docks.annotations_view import AnnotationsDock

        dock = self._annotations = AnnotationsDock(self.hub, self.operations, self._source, self)
        if place:  # else the layout about to be restored places it
            self._place_annotations(dock)
        dock.annotation_activated.connect(self.show_annotation)
        dock.visibilityChanged.connect(self._annotations_shown)
        dock.move_requested.connect(self._move_review_item)
        dock.review_unit_requested.connect(lambda unit: self.open_unit(unit, give_focus=False))
        dock.reviews_changed.connect(self.review_bar.show_count)
        dock.export_requested.connect(lambda ids: self.exchange.open_export(ids=tuple(ids)))
        for signal in (dock.visibilityChanged, dock.dockLocationChanged):
            signal.connect(self._layout_changed)
        dock.list.viewport().installEventFilter(self)
        toggle = dock.toggleViewAction()
        self.annotations_action.setChecked(toggle.isChecked())
        toggle.toggled.connect(self.annotations_action.setChecked)

    def _place_annotations(self, dock: AnnotationsDock) -> None:
        # Where the saved layout had it (restoreState kept its place), else behind the
        # chapters, closed until a note or Ctrl+Shift+N opens it.
        if not self.restoreDockWidget(dock):
            self.tabifyDockWidget(self.chapters, dock)
            dock.hide()

    def _show_review(self) -> None:
        from desktop.ui.docks.annotations_view import REVIEW

        self.annotations.show_view(REVIEW)

    def _ahead_of_store(self) -> None:
        """The notes' store is made when it is first opened, if there is none yet: what it is
        made with then loads a step a module before it (one turn of ~60 ms otherwise)."""
        if not self.hub.service.path.exists():
            self._construction.insert(loading(*STORE_MAKING_MODULES))

    def _start_notes(self) -> None:
        self.annotate.categories()  # Ctrl+1 … Ctrl+9 and the Annotate menu's entries
        self._count_reviews()
        self.meeting.load()
        self.hub.start_watching()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._construction.cancel()
        if self._annotations is not None:
            self._annotations.editor.save()  # a note typed just before closing is kept
        self._autosave.stop()
        self.save_settings()
        self.hub.stop_watching()  # a closed window reads no more changes (its notes close)
        super().closeEvent(event)
        if self.delete_when_closed and event.isAccepted():
            self.deleteLater()  # Qt's WA_DeleteOnClose, without its enum before the first paint

    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._layout_changed()
        if self._go_to is not None and self._go_to.isVisible():
            self._go_to.place()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._back_or_forward(event):
            super().mousePressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            return self._back_or_forward(event)
        return super().eventFilter(watched, event)

    def _back_or_forward(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.BackButton:
            self.navigator.back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.navigator.forward()
        else:
            return False
        event.accept()
        return True
