"""The start window: the instruments and their paragraph counts, as a person sees them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from desktop.core.corpus import Corpus
from desktop.ui.instruments_model import InstrumentsModel
from desktop.ui.main_window import MainWindow


def test_instruments_model_passes_the_model_checker(qtbot: QtBot, corpus: Corpus) -> None:
    """Guards DESIGN.md §5: item models pass QAbstractItemModelTester."""
    model = InstrumentsModel(corpus)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 6


def test_window_lists_each_instrument_with_its_counts(qtbot: QtBot, corpus: Corpus) -> None:
    """Guards the start window: one row per instrument, counts as in the corpus."""
    window = MainWindow(corpus)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.table.model()
    rows = {model.index(r, 1).data(): [model.index(r, c).data() for c in range(8)]
            for r in range(model.rowCount())}
    assert rows["res74-178"][0] == "GA resolution 74/178"
    assert rows["res74-178"][2:6] == ["A/RES/74/178", "2019-12-18", 38, 120]
    assert rows["poa2009"][5] == 64
    assert "816 units" in window.statusBar().currentMessage()


def test_clicking_a_row_selects_that_instrument(qtbot: QtBot, corpus: Corpus) -> None:
    """Guards the table's interaction: a click selects the whole row."""
    window = MainWindow(corpus)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    rect = window.table.visualRect(window.table.model().index(3, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = window.table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [3]
    assert window.table.model().index(3, 1).data() == "poa2009"


def test_screenshot_command_renders_the_window(tmp_path: Path) -> None:
    """Guards `concordia --screenshot`: normal start-up, a PNG of the window's size."""
    target = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--screenshot", str(target), "--size", "1024x640",
         "--open", "poa2009/4"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 640)
    colours = {image.pixel(x, y) for x in range(0, 1024, 16) for y in range(0, 640, 16)}
    assert len(colours) > 3, "the screenshot is blank"
