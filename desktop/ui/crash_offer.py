"""At start-up, offer the crash report the last run left (once)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import crashlog


def offer_crash_report(parent: QWidget | None, data_dir: Path) -> QMessageBox | None:
    """Offer the new crash report, if there is one: the message box (the caller keeps it
    alive when it has no parent), or None."""
    report = crashlog.pending_report(data_dir)
    if report is None:
        return None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("CrashOffer", "Concordia"))
    box.setText(QCoreApplication.translate("CrashOffer",
                                           "Concordia closed unexpectedly last time."))
    box.setInformativeText(QCoreApplication.translate(
        "CrashOffer", "Your notes are safe: each one was saved when you made it. A report of "
        "what went wrong (no text of your notes) is in {path}. Show details to read or copy "
        "it.").format(path=crashlog.log_path(data_dir)))
    box.setDetailedText(report)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("crashOffer")
    box.finished.connect(lambda _result: crashlog.acknowledge(data_dir))
    box.open()  # window-modal, non-blocking: the window is usable behind it
    return box
