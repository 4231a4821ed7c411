"""The window in French (issue 18): `--lang fr` (or Preferences, or the system's language)
loads the shipped translation; menus, docks, bars and tooltips read in French — none left in
English — while the instruments' texts and citations stay as the UN printed them."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
)
from pytestqt.qtbot import QtBot
from reading_helpers import wait_ready

from desktop.core.notes.database import store_path
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow

Opener = Callable[..., MainWindow]
TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "concordia_fr.ts"


@pytest.fixture
def french() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "fr")
    assert translators, "the French translation is not shipped"
    yield
    for translator in translators:
        app.removeTranslator(translator)
    i18n.install(app, i18n.SOURCE_LANGUAGE)


def _english_only() -> set[str]:
    """English interface strings whose French differs: seeing one means it was missed."""
    found = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation")
        if translation and translation != source and "%" not in source and "{" not in source:
            found.add(source)
    return found


def test_the_window_reads_in_french_and_the_instruments_in_english(
        french: None, open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    bar = [action.text() for action in window.menuBar().actions()]
    assert bar == ["&Fichier", "É&dition", "&Affichage", "A&ller", "A&nnoter", "&Volets",
                   "A&ide"]
    shown: list[str] = []
    for menu in window.findChildren(QMenu):
        shown.extend(action.text().split("\t")[0] for action in menu.actions())
    for dock in window.findChildren(QDockWidget):
        shown.append(dock.windowTitle())
    for widget in (*window.findChildren(QLabel), *window.findChildren(QAbstractButton)):
        if widget.isVisible():
            shown.extend((widget.text(), widget.toolTip()))
    for field in window.findChildren(QLineEdit):
        shown.extend((field.placeholderText(), field.toolTip(), field.accessibleName()))
    left_english = sorted(set(shown) & _english_only())
    assert left_english == []
    assert "&Chapitres" in shown and "Lié" in shown
    left = window.pane_area.panes()[0]
    assert left.title() == "UNGASS 2016 outcome document"  # the instrument, as printed
    assert "Our joint commitment" in left.view.toPlainText()
    assert window.zoom_indicator.text() == "Zoom 100 %"
    window.open_go_to()  # the resolver's sentences in French, the citations as printed
    qtbot.keyClicks(window.go_to_panel.field, "PoA 99")
    assert window.go_to_panel.message.text() == "Plan of Action (2009) n'a pas de para. 99."
    qtbot.keyClick(window.go_to_panel.field, Qt.Key.Key_Escape)
    window.open_unit("poa2009/41(g)")  # linked to PD 26 through UNGASS 3 (h)
    wait_ready(qtbot, window)
    notes = [row.note for row in window.links.model.rows()]
    assert any(note.startswith("indirect · via UNGASS 3 (h) · table : ") for note in notes)
    assert not any("through" in note for note in notes)


def test_lang_chooses_the_language_and_says_so_when_there_is_none(tmp_path: Path) -> None:
    assert i18n.wanted("fr", "") == "fr"
    assert i18n.wanted(None, "fr") == "fr"
    assert i18n.wanted("fr_CA", "en") == "fr"
    assert i18n.wanted("de", "") == "en"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path),
                             "--lang", "de", "--screenshot", str(tmp_path / "de.png")],
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "concordia: no 'de' translation; the languages are en, fr" in result.stderr


def test_the_notes_bar_says_what_happened_in_french(french: None, open_window: Opener,
                                                    qtbot: QtBot, _private_data_dir: Path) -> None:
    """A damaged notes file: the bar says so in French, the store's own sentence (naming the
    file) in its tooltip; the file is left as it was."""
    _private_data_dir.mkdir(parents=True, exist_ok=True)
    damaged = store_path(_private_data_dir)
    damaged.write_bytes(b"this is not a database" * 200)
    window = open_window()
    qtbot.waitUntil(lambda: window.store_bar.isVisible())
    text = window.store_bar.message.text()
    assert text.startswith("Votre base de notes est endommagée ; elle a été laissée telle "
                           "quelle. La lecture continue")
    assert str(damaged) in window.store_bar.message.toolTip()
    assert damaged.read_bytes() == b"this is not a database" * 200
