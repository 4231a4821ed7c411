"""Starting Concordia again, for a change that only shows at start (a new language): the same
program, the same data directory (CONCORDIA_DATA_DIR, which `--data-dir` set, reaches the new
process through the environment), opening where the reader left off. The window closes first
so its layout and reading places are saved; every note is saved already."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QMainWindow, QMessageBox

# QProcess.startDetached(program, arguments) -> bool, and the application's quit: a test puts
# recorders here.
start_detached: Callable[[str, list[str]], bool] = QProcess.startDetached
quit_application: Callable[[], None] = QCoreApplication.quit


def restart_command(frozen: bool | None = None, executable: str | None = None) -> list[str]:
    """The command that starts this Concordia: the bundle's program itself, or this Python
    running the package (the `concordia` script is a Python script; `-m` runs it the same
    way on every system)."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    program = executable or sys.executable
    return [program] if frozen else [program, "-m", "desktop"]


def restart(window: QMainWindow) -> bool:
    """Start a new Concordia, then close this one; False (and nothing closed) if the new one
    could not be started."""
    program, *arguments = restart_command()
    if not start_detached(program, arguments):
        return False
    window.close()
    quit_application()
    return True


def offer_restart(window: QMainWindow, language: str) -> QMessageBox:
    """Ask whether to start again now in `language` (its name), or later."""
    box = QMessageBox(window)
    box.setObjectName("restartOffer")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Restart", "Concordia"))
    box.setText(QCoreApplication.translate(
        "Restart", "Concordia shows a new language when it starts. Start it again now in %s? "
        "Your notes are saved and it opens where you are.") % language)
    now = box.addButton(QCoreApplication.translate("Restart", "Restart &now"),
                        QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Restart", "&Later"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)

    def answered() -> None:
        if box.clickedButton() is now and not restart(window):
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Restart", "Concordia could not be started again: the new language "
                    "shows the next time you start it."), 10000)

    box.finished.connect(answered)
    box.open()
    return box
