"""Adding, closing and reordering panes; the layout remembered across a restart; the palette."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reading_helpers import units_in_viewport, wait_ready

from desktop.ui.main_window import MainWindow
from desktop.ui.reading.pane_header import PaneHeader
from desktop.ui.window_settings import SETTINGS_FILE

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
# Menus work off screen, but the offscreen platform says it cannot raise them or grab the
# keyboard for them; those two notices only.
OFFSCREEN_POPUPS = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)",
                                             "This plugin does not support grabbing the keyboard")


def _titles(window: MainWindow) -> list[str]:
    return [pane.title() for pane in window.pane_area.panes()]


def test_ctrl_t_adds_panes_up_to_four_on_instruments_not_yet_open(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards adding panes: each new pane opens beside the focused one on a main instrument
    not yet shown, takes the focus, and a fifth is refused."""
    window = open_window()
    left = window.pane_area.panes()[0]
    qtbot.keyClick(left.view, Qt.Key.Key_T, CTRL)
    wait_ready(qtbot, window)
    assert _titles(window) == ["UNGASS 2016 outcome document", "GA resolution 74/178",
                               "Plan of Action (2009)"]
    middle = window.pane_area.panes()[1]
    assert QApplication.focusWidget() is middle.view
    qtbot.keyClick(middle.view, Qt.Key.Key_T, CTRL)
    wait_ready(qtbot, window)
    assert _titles(window) == ["UNGASS 2016 outcome document", "GA resolution 74/178",
                               "Political Declaration (2009)", "Plan of Action (2009)"]
    qtbot.keyClick(window.pane_area.panes()[2].view, Qt.Key.Key_T, CTRL)
    assert len(window.pane_area.panes()) == 4
    assert window.statusBar().currentMessage() == (
        "Four panes are open, the most the window shows: close one (Ctrl+W) to open another.")
    for pane in window.pane_area.panes():
        assert pane.width() > 150  # four panes share the width; none is squeezed away
        assert units_in_viewport(pane.view)


def _choose_in_pane_menu(qtbot: QtBot, header: PaneHeader, action: QAction) -> None:
    """Click the header's ⋮ button and pick an entry of the menu it opens, with the keys."""

    def pick() -> None:
        menu = header.menu
        assert menu.isVisible()
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(header.menu_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not header.menu.isVisible())
    # Off screen the window is not made active again when a popup closes; a desktop does it.
    header.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is header.window())


@OFFSCREEN_POPUPS
def test_pane_menu_reorders_and_close_button_closes_but_two_stay(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the pane header: moving a pane is in its ⋮ menu (nothing in the header looks
    like Back and Forward), the × closes it; two panes stay."""
    window = open_window()
    window.add_pane()
    wait_ready(qtbot, window)
    first, second, third = window.pane_area.panes()
    assert [action.text().split("\t")[0] for action in first.header.menu.actions()
            if not action.isSeparator()] == ["Move pane &left", "Move pane &right",
                                             "&Close pane"]
    assert not first.header.left_action.isEnabled()
    assert not third.header.right_action.isEnabled()
    _choose_in_pane_menu(qtbot, first.header, first.header.right_action)
    qtbot.waitUntil(lambda: window.pane_area.panes() == [second, first, third])
    assert window.focusWidget() is first.view  # the moved pane has the keyboard
    assert _titles(window) == ["GA resolution 74/178", "UNGASS 2016 outcome document",
                               "Plan of Action (2009)"]
    _choose_in_pane_menu(qtbot, third.header, third.header.left_action)
    qtbot.waitUntil(lambda: window.pane_area.panes() == [second, third, first])
    shift = CTRL | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(third.view, Qt.Key.Key_PageUp, shift)  # the focused pane moves left
    assert window.pane_area.panes() == [third, second, first]
    qtbot.keyClick(third.view, Qt.Key.Key_PageDown, shift)
    assert window.pane_area.panes() == [second, third, first]
    qtbot.mouseClick(second.header.close_button, Qt.MouseButton.LeftButton)
    assert _titles(window) == ["Plan of Action (2009)", "UNGASS 2016 outcome document"]
    assert all(not pane.header.close_button.isEnabled() for pane in window.pane_area.panes())
    qtbot.keyClick(window.pane_area.panes()[0].view, Qt.Key.Key_W, CTRL)
    assert len(window.pane_area.panes()) == 2


def test_layout_instruments_places_and_zoom_survive_a_restart(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards remembering: a second window on the same data directory opens with the first
    one's panes, instruments, reading places (by unit), current units, zoom and geometry."""
    first = open_window()
    first.resize(780, 560)  # inside the offscreen platform's 800 x 600 screen
    first.add_pane()
    wait_ready(qtbot, first)
    left, middle, right = first.pane_area.panes()
    middle.set_instrument("pd2009")
    # A click gives the right pane the focus (the others follow it; then they are moved).
    qtbot.mouseClick(right.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(100, 30))
    right.show_unit("poa2009/41(g)")
    left.show_unit("ungass2016/h:4.1", mark=False)
    first.zoom(1)
    seen = [units_in_viewport(pane.view)[0] for pane in first.pane_area.panes()]
    sizes = first.pane_area.sizes()
    first.close()

    settings_file = _private_data_dir / SETTINGS_FILE
    assert settings_file.is_file()
    stored = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert isinstance(stored.value("window/geometry", type=QByteArray), QByteArray)
    assert stored.value("view/zoom", type=int) == 110

    second = open_window()
    assert _titles(second) == ["UNGASS 2016 outcome document", "Political Declaration (2009)",
                               "Plan of Action (2009)"]
    assert [units_in_viewport(pane.view)[0] for pane in second.pane_area.panes()] == seen
    assert seen[0] == "ungass2016/h:4.1" and seen[2] == "poa2009/41(g)"
    assert second.pane_area.panes()[2].view.current_unit() == "poa2009/41(g)"
    assert second.zoom_level() == 110
    assert (second.width(), second.height()) == (780, 560)
    assert second.pane_area.sizes() == sizes
    assert second.pane_area.focused_pane() is second.pane_area.panes()[2]


def test_reading_places_are_saved_while_the_window_stays_open(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards a crash or a dead battery: the layout is saved shortly after each change, so a
    second window started while the first one never closed (it saved nothing on close) opens
    where the first was reading."""
    first = open_window()
    left, right = first.pane_area.panes()
    right.set_linked(False)  # the left pane stays where it is
    with qtbot.waitSignal(first.settings_saved, timeout=10_000) as saved:
        right.show_unit("poa2009/41(g)")
        left.show_unit("ungass2016/h:4.1", mark=False)
    assert saved.args == [True]
    seen = [units_in_viewport(pane.view)[0] for pane in first.pane_area.panes()]
    assert seen == ["ungass2016/h:4.1", "poa2009/41(g)"]

    second = open_window()
    assert [units_in_viewport(pane.view)[0] for pane in second.pane_area.panes()] == seen
    assert second.pane_area.panes()[1].view.current_unit() == "poa2009/41(g)"
    assert not second.pane_area.panes()[1].is_linked()


def test_settings_that_no_longer_fit_fall_back_to_the_default(
        open_window: Opener, _private_data_dir: Path) -> None:
    """Guards restoring from odd settings: unknown instruments and units, a single pane and a
    zoom out of range give the default layout at a valid zoom, not an error."""
    _private_data_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(_private_data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    settings.setValue("view/zoom", 7000)
    settings.setValue("window/geometry", QByteArray(b"not a geometry"))
    settings.beginWriteArray("panes/list", 2)
    settings.setArrayIndex(0)
    settings.setValue("instrument", "res99-1")
    settings.setArrayIndex(1)
    settings.setValue("instrument", "poa2009")
    settings.setValue("top", "poa2009/999")
    settings.endArray()
    settings.sync()
    window = open_window()
    assert _titles(window) == ["UNGASS 2016 outcome document", "Plan of Action (2009)"]
    assert window.zoom_level() == 300
    assert (window.width(), window.height()) == (1366, 768)


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
             QPalette.ColorRole.Base: "#181818", QPalette.ColorRole.Text: "#e8eaed",
             QPalette.ColorRole.Button: "#303134", QPalette.ColorRole.ButtonText: "#e8eaed",
             QPalette.ColorRole.Highlight: "#8ab4f8", QPalette.ColorRole.Link: "#8ab4f8",
             QPalette.ColorRole.LinkVisited: "#c58af9",
             QPalette.ColorRole.PlaceholderText: "#9aa0a6"}
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark_palette() -> object:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(_dark_palette())
    yield
    app.setPalette(before)


def test_panes_follow_a_dark_palette(
        open_window: Opener, qtbot: QtBot, dark_palette: object) -> None:
    """Guards dark mode: the page is dark, the words light, and the marks take the palette's
    colours (no colour is fixed in the text)."""
    window = open_window()
    left = window.pane_area.panes()[0]
    left.show_unit("pd2009/pp1")
    image = left.view.viewport().grab().toImage()
    colours: dict[str, int] = {}
    for x in range(0, image.width(), 7):
        for y in range(0, image.height(), 7):
            name = image.pixelColor(x, y).name()
            colours[name] = colours.get(name, 0) + 1
    background = max(colours, key=colours.__getitem__)
    assert QColor(background).lightness() < 60
    assert any(QColor(name).lightness() > 180 for name in colours)  # the words
    document = left.view.document()
    mark = document.find("\u270e").charFormat().foreground().color()
    assert mark.lightness() - QColor(background).lightness() > 100  # reads on the dark page
    assert mark.name() != _dark_palette().color(QPalette.ColorRole.Link).name()
