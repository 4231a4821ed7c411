"""The About box and the crash-report offer, as a delegate meets them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop import crashlog
from desktop.core.corpus import Corpus
from desktop.ui.crash_offer import offer_crash_report
from desktop.ui.dialogs.about_dialog import about_html


def test_about_names_version_and_sources(corpus: Corpus) -> None:
    """Guards the About box: the version, each instrument with its symbol and date."""
    text = about_html("9.9.9", corpus.instruments())
    assert "Concordia 9.9.9" in text
    assert "A/RES/74/178, 2019-12-18, General Assembly" in text
    assert "A/RES/S-30/1, 2016-04-19" in text
    assert "Plan of Action (2009)" in text


CRASH = """
import sys
from pathlib import Path
from desktop import crashlog
crashlog.install(Path(sys.argv[1]))
raise KeyError("note text that must not be logged")
"""


def test_crash_report_is_offered_once(qtbot: QtBot, tmp_path: Path) -> None:
    """Guards the offer at the next start: after a crash in another process, the report is
    shown with its details (without the note text), and once dismissed not offered again."""
    data = tmp_path / "data"
    subprocess.run([sys.executable, "-c", CRASH, str(data)], capture_output=True, check=False,
                   timeout=60)
    box = offer_crash_report(None, data)
    assert box is not None and box.objectName() == "crashOffer"
    qtbot.addWidget(box)
    qtbot.waitExposed(box)
    assert "closed unexpectedly" in box.text()
    assert "builtins.KeyError" in box.detailedText()
    assert "note text" not in box.detailedText()
    with qtbot.waitSignal(box.finished, timeout=2000):
        box.button(QMessageBox.StandardButton.Ok).click()
    assert crashlog.pending_report(data) is None
    assert offer_crash_report(None, data) is None
