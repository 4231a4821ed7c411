"""The window puts the panes' first screens of text on screen first and makes the rest right
after (desktop.ui.startup): what a reader does at once works, the rest is made without any
action, and nothing on screen moves when it is."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QWidget
from pytestqt.qtbot import QtBot
from reading_helpers import units_in_viewport, wait_ready

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.notes.anchoring import anchor_quote, anchor_units
from desktop.core.notes.database import store_path
from desktop.core.notes.store import AnnotationStore
from desktop.core.notes.texts import CorpusText
from desktop.ui import main_window as main_window_module
from desktop.ui.docks.first_run import (
    PAGE_PICTURE,
    PICTURE,
    PICTURE_WIDTH,
    offer_first_run,
    page_copy,
)
from desktop.ui.docks.search_view import NOTES
from desktop.ui.main_window import MainWindow
from desktop.ui.startup import Construction, FirstPaint, in_turn, loading

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _note(corpus: Corpus, data_dir: Path, unit: str, note: str) -> int:
    text = CorpusText.from_corpus(corpus).of_unit(unit)
    assert text is not None
    with AnnotationStore.open(store_path(data_dir)) as store:
        made = store.add(anchor_units(text, unit), note=note)
    assert made.annotation is not None
    return made.annotation.id


def _highlight(corpus: Corpus, data_dir: Path, unit: str, words: str) -> int:
    text = CorpusText.from_corpus(corpus).of_unit(unit)
    assert text is not None
    with AnnotationStore.open(store_path(data_dir)) as store:
        made = store.add(anchor_quote(text, unit, words))
    assert made.annotation is not None
    return made.annotation.id


def test_the_search_and_the_annotations_panel_answer_before_the_window_is_finished(
        open_window: Opener, qtbot: QtBot, corpus: Corpus, _private_data_dir: Path) -> None:
    """Guards the deferred construction: a reader who searches their notes and opens the
    annotations panel as soon as the window shows gets their note, though the notes were
    not read yet."""
    made = _note(corpus, _private_data_dir, "poa2009/41(g)", "Check the *forfeiture* line")
    window = open_window(settle=False)
    assert not window.is_built()
    dock = window.search
    dock.show()
    dock.part.setCurrentIndex(dock.part.findData(NOTES))
    with qtbot.waitSignal(dock.searched):
        qtbot.keyClicks(dock.field, "forfeiture")
    assert dock.model.rowCount() == 1
    qtbot.keyClick(dock.field, Qt.Key.Key_Return)
    assert window.annotations.selected_id() == made
    assert window.annotations.isVisible()
    assert window.pane_area.focused_pane().instrument_id() == "poa2009"


def test_a_menu_key_pressed_in_the_first_frames_works(open_window: Opener,
                                                       qtbot: QtBot) -> None:
    """Ctrl+Shift+N opens the annotations panel as soon as the window takes keys, whether or
    not it has finished making its parts."""
    window = open_window(settle=False)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert not window.annotations.isVisible()
    qtbot.keyClick(window.pane_area.focused_pane().view, Qt.Key.Key_N, CTRL | SHIFT)
    assert window.annotations.isVisible()


def test_the_rest_is_made_after_the_first_paint_without_any_action(
        open_window: Opener, qtbot: QtBot, corpus: Corpus, _private_data_dir: Path) -> None:
    """The highlights already in the notes, File ▸ Import draft… and the controls' accessible
    names come without the reader doing anything."""
    made = _highlight(corpus, _private_data_dir, "ungass2016/1(a)", "primary prevention")
    window = open_window(settle=False)
    with qtbot.waitSignal(window.built, timeout=5000):
        pass
    assert window.is_built()
    wait_ready(qtbot, window)
    left = window.pane_area.panes()[0]
    assert left.view.highlighted_text(made) == ["primary prevention"]
    file_menu = window.menuBar().actions()[0].menu()
    assert "Import &draft…" in [action.text() for action in file_menu.actions()]
    category = window.findChild(QComboBox, "noteCategory")
    assert category is not None and category.accessibleName() == "Category of the note"


def _layout(window: MainWindow) -> dict[str, object]:
    """Where the reader sees things: each pane's place and its text's first units, each
    dock's place, the window's menu bar and status bar."""
    def place(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())

    return {
        "panes": [(place(pane), place(pane.view.viewport()), units_in_viewport(pane.view)[:3])
                  for pane in window.pane_area.panes()],
        # A dock behind another's tab is kept off screen by Qt, at whatever size: not seen.
        "docks": {dock.objectName(): place(dock) for dock in window.findChildren(QDockWidget)
                  if dock.isVisible() and not dock.visibleRegion().isEmpty()},
        "bars": (place(window.menuBar()), place(window.statusBar())),
    }


def test_nothing_moves_when_the_rest_is_made(open_window: Opener, qtbot: QtBot,
                                             tmp_path: Path) -> None:
    """The first paint and the finished window have the same layout: the panes' text, the
    docks and the bars stay where they were (on a first start, on a restored layout, and on
    one where the annotations panel was left open)."""
    for start in range(3):
        window = open_window(tmp_path, settle=False)
        first: list[dict[str, object]] = []

        def painted(window: MainWindow = window, first: list[dict[str, object]] = first) -> None:
            first.append(_layout(window) if not window.is_built() else {})

        # Watching the same first paint as the window: this runs before its first step.
        FirstPaint([pane.view.viewport() for pane in window.pane_area.panes()], painted, window)
        with qtbot.waitSignal(window.built, timeout=5000):
            pass
        wait_ready(qtbot, window)
        assert first and first[0], "the first paint came after the window was finished"
        assert first[0] == _layout(window), f"start {start + 1}"
        assert all(pane_units for _pane, _viewport, pane_units in first[0]["panes"])  # type: ignore[union-attr]
        if start == 1:  # the third start: with the annotations panel left open, on top
            window.annotations.show()
            window.annotations.raise_()
            qtbot.waitUntil(lambda window=window: not window.annotations.visibleRegion().isEmpty())
        elif start == 2:
            assert not window.annotations.visibleRegion().isEmpty()
        window.close()


def test_the_first_run_page_comes_after_the_first_paint_in_its_place(
        open_window: Opener, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first start's page is in the first frame by its place and title, as the docks are;
    its text comes in the window's first step after that paint, and its screenshot is decoded
    in a later one, into the room kept for it: neither the panes nor the text below move."""
    window = open_window(settle=False)
    assert offer_first_run(window, None, screenshot=False)
    dock = window.first_run
    assert not dock.has_body()  # made after the first paint

    def heading_top() -> float:
        page = dock.page
        block = page.document().find("Read side by side").block()
        return page.document().documentLayout().blockBoundingRect(block).top()

    def picture() -> QImage | QPixmap:  # the blank is a pixmap, the picture an image
        image = dock.page.document().resource(QTextDocument.ResourceType.ImageResource,
                                              QUrl("screenshots/sync-jump.png"))
        assert isinstance(image, QImage | QPixmap)
        return image

    def widths() -> list[int]:
        return [pane.view.viewport().width() for pane in window.pane_area.panes()]

    first: list[tuple[bool, bool, list[int]]] = []
    FirstPaint([pane.view.viewport() for pane in window.pane_area.panes()],
               lambda: first.append((dock.has_body(), dock.isVisible(), widths())), window)
    before_picture: list[tuple[float, int]] = []
    load_picture = dock.load_picture

    def loading() -> None:
        before_picture.append((heading_top(), picture().width()))
        load_picture()

    monkeypatch.setattr(dock, "load_picture", loading)
    with qtbot.waitSignal(window.built, timeout=5000):
        pass
    (had_body, shown, painted_widths), = first
    assert shown and not had_body
    assert "Read side by side" in dock.text()
    assert widths() == painted_widths  # the panes were not laid out again
    (top, width), = before_picture
    assert width == PICTURE_WIDTH  # the blank that keeps the picture's room
    decoded = picture()
    assert isinstance(decoded, QImage) and decoded.width() == 2 * PICTURE_WIDTH
    assert decoded.pixelColor(decoded.width() // 2, decoded.height() // 2).alpha() == 255
    assert heading_top() == top


def test_the_pages_copy_of_its_picture_is_the_screenshot_as_it_is_now() -> None:
    """The getting-started page decodes a copy of the screenshot made at its size: the copy
    must be the screenshot as it is now (tools/make_first_run_picture.py makes it again)."""
    docs = paths.bundle_root() / "docs"
    screenshot, copy = QImage(str(docs / PICTURE)), QImage(str(docs / PAGE_PICTURE))
    assert copy.width() == 2 * PICTURE_WIDTH
    made = page_copy(screenshot).convertToFormat(copy.format())
    assert made.size() == copy.size()
    assert made == copy, "run tools/make_first_run_picture.py"


def test_the_work_after_the_first_paint_runs_one_piece_a_turn_in_order(qtbot: QtBot) -> None:
    """What the first paint sets going (the panes' whole texts, the window's steps) runs one
    piece per turn of the event loop, in the order asked, and not for an owner gone."""
    keep, gone = QObject(), QObject()
    ran: list[str] = []
    turns: list[int] = []

    def piece(name: str) -> Callable[[], None]:
        def run() -> None:
            ran.append(name)
            turns.append(len(ran))
            QApplication.processEvents()  # a turn inside a piece runs no other piece
        return run

    for name, owner in (("a", keep), ("b", gone), ("c", keep), ("d", keep)):
        in_turn(piece(name), owner)
    gone.deleteLater()
    qtbot.waitUntil(lambda: ran == ["a", "c", "d"], timeout=2000)
    assert turns == [1, 2, 3]


def test_a_scroll_made_meanwhile_is_painted_before_the_next_piece(qtbot: QtBot) -> None:
    """Guards the wheel at first text: a repaint that input asks for while the window is
    still building (here an update() arriving after the next piece was queued) is on screen
    before that next, long piece runs, not after it."""
    paints: list[int] = []

    class Counted(QWidget):
        def paintEvent(self, event: object) -> None:
            paints.append(1)

    widget = Counted()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: bool(paints))
    seen: list[int] = []

    def first() -> None:
        # As input does: handled once this piece is over, after the next piece is queued.
        QTimer.singleShot(0, widget.update)

    before = len(paints)
    in_turn(first, widget)
    in_turn(lambda: seen.append(len(paints) - before), widget)
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert seen == [1]


def test_a_piece_that_fails_does_not_stop_the_ones_after_it(qtbot: QtBot) -> None:
    """One failing piece (reported, as Qt reports a failing slot) leaves the rest to run."""
    owner = QObject()
    ran: list[str] = []

    def fails() -> None:
        raise RuntimeError("a piece that fails")

    in_turn(fails, owner)
    in_turn(lambda: ran.append("after"), owner)
    with qtbot.captureExceptions() as failures:
        qtbot.waitUntil(lambda: ran == ["after"], timeout=2000)
    assert [str(error) for _kind, error, _trace in failures] == ["a piece that fails"]


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)",
                           "This plugin does not support grabbing the keyboard")
def test_the_edit_menu_opened_at_once_has_every_entry(open_window: Opener, qtbot: QtBot) -> None:
    """Where was this agreed? and Preferences… are made after the first paint; the Edit menu
    opened before then has them all the same."""
    window = open_window(settle=False)
    assert not window.is_built()
    edit = window.menuBar().actions()[1].menu()
    edit.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(edit.isVisible)
    names = [action.objectName() for action in edit.actions()]
    edit.close()
    assert "agreedAction" in names and "preferencesAction" in names


# A window started as `concordia` starts it, in a process of its own (this one has made Qt's
# namespace long ago): at the moment both panes have painted their text, has anything made
# Qt's namespace, or QStyle's Python type? Then the window is closed as a reader closes it
# (its layout saved).
_FIRST_PAINT_CHILD = r"""
import sys
import PySide6.QtWidgets
from desktop.ui import lazy_qt
import desktop.ui.reading.document_view as view_module
from desktop.cli import main

paint, painted, seen = view_module.DocumentView.paintEvent, set(), []

def watched(view, event):
    paint(view, event)
    if view.unit_ids() and view.visible_units():
        painted.add(id(view))
        if len(painted) == 2 and not seen:
            seen.append(lazy_qt.made())
            print(f"made at the first paint: {seen[0]}", flush=True)
            print(f"QStyle made at the first paint: {'QStyle' in vars(PySide6.QtWidgets)}",
                  flush=True)
            view.window().close()

view_module.DocumentView.paintEvent = watched
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _made_at_first_paint(data: Path) -> dict[str, bool]:
    """Whether Qt's namespace and QStyle's type were made when both panes first painted."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _FIRST_PAINT_CHILD, str(data)],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if " at the first paint: " in line]
    assert len(lines) == 2, result.stdout + result.stderr
    answers = dict(line.split(" at the first paint: ") for line in lines)
    return {"Qt": answers["made"] == "True", "QStyle": answers["QStyle made"] == "True"}


def test_the_first_paint_goes_without_qts_namespace_or_qstyle(tmp_path: Path) -> None:
    """Guards start-up time: Qt's namespace costs ~20 ms to make (desktop.ui.lazy_qt), made
    after the first paint, not before. If this fails, a module on the first paint's path
    imports `Qt` from PySide6 (name it through desktop.ui.lazy_qt) or makes a call whose
    overloads take one of its enums (the module's docstring lists the usual ones). QStyle's
    type, 566 values, costs ~6 ms: nothing before the first paint names QStyle or calls
    `style()` (the pane header's chooser reads the style's margins off Qt's hint)."""
    data = tmp_path / "data"
    none = {"Qt": False, "QStyle": False}
    assert _made_at_first_paint(data) == none, "a first start (its page beside the panes)"
    assert (data / "settings.ini").exists()  # the layout is saved as it closes
    assert _made_at_first_paint(data) == none, "started again"


def test_lazy_qt_stands_for_qts_namespace(qtbot: QtBot) -> None:
    from desktop.ui import lazy_qt

    assert lazy_qt.Qt.AlignmentFlag.AlignRight is Qt.AlignmentFlag.AlignRight
    assert lazy_qt.made()
    named = {lazy_qt.DISPLAY_ROLE: Qt.ItemDataRole.DisplayRole,
             lazy_qt.TOOL_TIP_ROLE: Qt.ItemDataRole.ToolTipRole,
             lazy_qt.USER_ROLE: Qt.ItemDataRole.UserRole,
             lazy_qt.ALIGN_V_CENTER: Qt.AlignmentFlag.AlignVCenter}
    assert all(value == enum.value for value, enum in named.items())
    view = QWidget()
    qtbot.addWidget(view)
    lazy_qt.set_enum(view, "contextMenuPolicy", "CustomContextMenu")
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    with pytest.raises(ValueError, match="contextMenuPolicy"):
        lazy_qt.set_enum(view, "contextMenuPolicy", "NoSuchPolicy")


def test_the_docks_come_back_where_the_reader_left_them(open_window: Opener, qtbot: QtBot,
                                                        _private_data_dir: Path) -> None:
    """The saved layout places the docks itself (they are not added first): the links moved
    to the right and the annotations panel left open come back so, every dock in its area."""
    right = Qt.DockWidgetArea.RightDockWidgetArea
    window = open_window()
    window.addDockWidget(right, window.links)
    window.annotations_action.trigger()
    qtbot.waitUntil(window.annotations.isVisible)
    window.close()
    again = open_window()
    assert not again.first_start
    assert again.dockWidgetArea(again.links) == right
    assert again.annotations.isVisible()
    docks = again.findChildren(QDockWidget)
    assert all(again.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea
               and not dock.isFloating() for dock in docks)


def test_a_layout_that_leaves_a_dock_out_gives_the_first_starts_arrangement(
        open_window: Opener, _private_data_dir: Path) -> None:
    """A layout saved before a dock existed (here: one without the getting-started page) is
    not used: a dock it does not name would float loose over the window."""
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.window_settings import WindowSettings, open_settings

    older = QMainWindow()
    for name in ("chaptersDock", "linksDock", "searchDock"):
        dock = QDockWidget(name, older)
        dock.setObjectName(name)
        older.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    settings = open_settings(_private_data_dir)
    settings.setValue("window/state", older.saveState())
    settings.sync()
    window = open_window()
    assert WindowSettings(open_settings(_private_data_dir)).window_state() is not None
    assert window.first_start
    assert window.dockWidgetArea(window.chapters) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert window.dockWidgetArea(window.first_run) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not window.first_run.isFloating()


def test_a_getting_started_page_left_open_is_written_right_after_the_first_paint(
        open_window: Opener, qtbot: QtBot) -> None:
    """Left open when the window closed, the page comes back: its place and title in the
    first frame, its text right after the panes' (as the docks' contents)."""
    window = open_window()
    window.findChild(QAction, "firstRunAction").trigger()
    qtbot.waitUntil(window.first_run.isVisible)
    window.close()
    again = open_window(settle=False)
    assert again.first_run.isVisible() and not again.first_run.has_body()
    with qtbot.waitSignal(again.built, timeout=5000):
        pass
    assert "Welcome to Concordia" in again.first_run.text()


def _docks_at_first_start(open_window: Opener, data_dir: Path,
                          layout: bool) -> dict[str, object]:
    window = open_window(data_dir=data_dir)
    assert window.first_start and window.first_start_layout is layout
    offer_first_run(window, None, screenshot=False)
    QApplication.processEvents()
    return {dock.objectName(): (window.dockWidgetArea(dock), dock.isHidden(), dock.geometry(),
                                sorted(other.objectName()
                                       for other in window.tabifiedDockWidgets(dock)))
            for dock in window.findChildren(QDockWidget)}


def test_a_first_start_restores_the_arrangement_it_would_make(
        open_window: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first start places its docks from a saved layout (no dock area named before the
    first paint): the same places and sizes as the window arranging them itself. If this
    fails, the docks changed: run tools/make_first_start_layout.py."""
    from desktop.ui import main_window

    restored = _docks_at_first_start(open_window, tmp_path / "restored", layout=True)
    monkeypatch.setattr(main_window, "first_start_state", lambda: None)
    arranged = _docks_at_first_start(open_window, tmp_path / "arranged", layout=False)
    assert restored.keys() == arranged.keys()
    for name, (area, hidden, geometry, tabs) in arranged.items():
        got_area, got_hidden, got_geometry, got_tabs = restored[name]  # type: ignore[misc]
        assert (got_area, got_hidden, got_tabs) == (area, hidden, tabs), name
        assert hidden or all(abs(a - b) <= 2 for a, b in zip(
            got_geometry.getRect(), geometry.getRect(), strict=True)), (name, got_geometry,
                                                                        geometry)


def test_the_modules_loaded_ahead_of_the_parts_exist() -> None:
    """The window loads the modules of what it makes after its first paint a step each, ahead
    of the step that makes it: every name listed is a module there is."""
    lists = [value for name, value in vars(main_window_module).items()
             if name.endswith("_MODULES")]
    assert len(lists) >= 6
    for modules in lists:
        for name in modules:
            assert importlib.util.find_spec(name) is not None, name


def test_a_loading_step_imports_its_module_and_only_a_head_start_is_lost_without_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "concordia_loaded_ahead.py").write_text("LOADED = True\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "concordia_loaded_ahead", raising=False)
    present, missing = loading("concordia_loaded_ahead", "concordia_no_such_module")
    assert present.__qualname__ == "load concordia_loaded_ahead"
    present()
    assert sys.modules["concordia_loaded_ahead"].LOADED
    missing()  # nothing to load: the step that needed it would say so when it imports it
    assert "concordia_no_such_module" not in sys.modules
    monkeypatch.delitem(sys.modules, "concordia_loaded_ahead")


def test_a_first_start_loads_what_makes_the_notes_store_a_step_a_module_ahead_of_it(
        open_window: Opener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no notes store yet, sqlite-utils and what it imports load a step each before the
    step that opens (and so makes) the store; a start that finds the store does not ask."""
    inserted: list[list[str]] = []
    insert = Construction.insert

    def recording(construction: Construction, steps: list[Callable[[], None]]) -> None:
        inserted.append([step.__qualname__ for step in steps])
        insert(construction, steps)

    monkeypatch.setattr(Construction, "insert", recording)
    data = tmp_path / "fresh"
    window = open_window(data)
    window.finish_building()
    assert inserted == [[f"load {name}" for name in main_window_module.STORE_MAKING_MODULES]]
    assert store_path(data).exists()
    window.close()
    inserted.clear()
    again = open_window(data)
    again.finish_building()
    assert inserted == []


def test_steps_inserted_run_before_the_ones_waiting(qtbot: QtBot) -> None:
    construction = Construction()
    ran: list[str] = []
    construction.add(lambda: construction.insert([lambda: ran.append("inserted")]))
    construction.add(lambda: ran.append("second"))
    with qtbot.waitSignal(construction.built, timeout=2000):
        construction.start()
    assert ran == ["inserted", "second"]
