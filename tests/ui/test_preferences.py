"""Preferences (issue 18), driven from Edit ▸ Preferences (Ctrl+,): the theme and the text size
apply at once, the language and what opens at start are remembered, and the author and the
meeting are the notes store's own settings — one value with `concordia notes config`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from reading_helpers import wait_ready

from desktop.core.notes.store import AUTHOR
from desktop.ui import restart
from desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.reading.palettes import apply_theme

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _system_palette_after() -> Iterator[None]:
    yield
    apply_theme("system")


def _open(window: MainWindow, qtbot: QtBot) -> PreferencesDialog:
    qtbot.keyClick(window.pane_area.focused_pane().view, Qt.Key.Key_Comma, CTRL)
    shown = [dialog for dialog in window.findChildren(PreferencesDialog) if dialog.isVisible()]
    assert len(shown) == 1
    qtbot.waitExposed(shown[0])
    return shown[0]


def _choose(combo: object, text: str) -> None:
    row = combo.findText(text)  # type: ignore[attr-defined]
    assert row >= 0, text
    combo.setCurrentIndex(row)  # type: ignore[attr-defined]


def _ok(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_preferences_apply_theme_text_size_author_and_meeting(
        open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    dialog = _open(window, qtbot)
    assert dialog.theme.currentText() == "The system's colours"
    assert dialog.size.currentText() == "100 %"
    _choose(dialog.theme, "Dark")
    _choose(dialog.size, "125 %")
    dialog.author.clear()
    qtbot.keyClicks(dialog.author, "A. Delegate")
    dialog.meeting.clear()
    qtbot.keyClicks(dialog.meeting, "CND 68  intersessional")
    _ok(qtbot, dialog)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Base).lightness() < 60  # dark at once
    assert window.zoom_level() == 125 and window.zoom_indicator.text() == "Zoom 125 %"
    # One value: the store's settings, which the command line and new notes read.
    assert window.hub.setting(AUTHOR) == "A. Delegate"
    assert window.hub.service.meeting() == "CND 68 intersessional"
    qtbot.waitUntil(lambda: window.meeting.field.text() == "CND 68 intersessional")
    again = _open(window, qtbot)
    assert (again.theme.currentText(), again.size.currentText(), again.author.text(),
            again.meeting.text()) == ("Dark", "125 %", "A. Delegate", "CND 68 intersessional")
    again.reject()


def test_cancel_changes_nothing(open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    dialog = _open(window, qtbot)
    _choose(dialog.size, "200 %")
    qtbot.keyClicks(dialog.author, "Someone")
    dialog.reject()
    assert window.zoom_level() == 100
    assert window.hub.setting(AUTHOR) == ""


def test_the_author_set_on_the_command_line_is_the_one_in_preferences(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    env = dict(os.environ, CONCORDIA_DATA_DIR=str(_private_data_dir))
    subprocess.run([sys.executable, "-m", "desktop", "notes", "config", "--author",
                    "From the shell", "--meeting", "Vienna"], env=env, check=True,
                   capture_output=True)
    window = open_window()
    dialog = _open(window, qtbot)
    assert (dialog.author.text(), dialog.meeting.text()) == ("From the shell", "Vienna")
    dialog.author.clear()
    qtbot.keyClicks(dialog.author, "From the window")
    _ok(qtbot, dialog)
    shown = subprocess.run([sys.executable, "-m", "desktop", "notes", "config"], env=env,
                           check=True, capture_output=True, text=True).stdout
    assert "author: From the window" in shown and "meeting: Vienna" in shown


def test_what_opens_at_start_and_the_language_are_remembered(
        open_window: Opener, qtbot: QtBot) -> None:
    first = open_window()
    first.add_pane()
    wait_ready(qtbot, first)
    dialog = _open(first, qtbot)
    _choose(dialog.start, "UNGASS 2016 beside the Plan of Action")
    _choose(dialog.language, "Français")
    _ok(qtbot, dialog)
    first.close()
    second = open_window()
    assert [pane.instrument_id() for pane in second.pane_area.panes()] == [
        "ungass2016", "poa2009"]  # the first layout, not the three panes left open
    dialog = _open(second, qtbot)
    assert dialog.language.currentData() == "fr"
    assert dialog.start.currentData() == "default"
    dialog.reject()


@pytest.mark.parametrize("answer", ["Restart &now", "&Later"])
def test_a_new_language_offers_to_start_again_now(
        open_window: Opener, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    """A language shows at start: OK with a new one asks whether to start again now. Restart
    now starts this same Concordia (the data directory goes with it in the environment) and
    closes the window, which saves its layout; Later leaves everything as it is."""
    started: list[list[str]] = []
    quits: list[bool] = []
    monkeypatch.setattr(restart, "start_detached",
                        lambda program, arguments: started.append([program, *arguments]) or True)
    monkeypatch.setattr(restart, "quit_application", lambda: quits.append(True))
    window = open_window()
    dialog = _open(window, qtbot)
    _choose(dialog.language, "Français")
    _ok(qtbot, dialog)
    offer = window.findChild(QMessageBox, "restartOffer")
    assert offer is not None
    qtbot.waitExposed(offer)
    assert "Start it again now in Français?" in offer.text()
    button = next(b for b in offer.buttons() if b.text() == answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    if answer == "&Later":
        assert started == [] and quits == [] and window.isVisible()
        return
    assert started == [[sys.executable, "-m", "desktop"]]
    assert quits == [True] and not window.isVisible()


def test_the_same_language_asks_nothing(open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    dialog = _open(window, qtbot)
    _choose(dialog.language, "English")
    _ok(qtbot, dialog)
    assert window.findChild(QMessageBox, "restartOffer") is None


def test_the_bundle_starts_itself_again() -> None:
    assert restart.restart_command(frozen=True, executable="/opt/Concordia/Concordia") == [
        "/opt/Concordia/Concordia"]
