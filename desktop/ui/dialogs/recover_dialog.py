"""Recover…: the notes database is damaged; choose the backup to start from (each with its
date and how many annotations it holds). Every row still readable in the damaged file is
kept on top of it, the damaged file is set aside (never deleted), and the report says what
came from where. Offered by the window's bar when the notes are damaged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.notes.errors import NotesError
from desktop.ui.hub import AnnotationHub

PATH_ROLE = Qt.ItemDataRole.UserRole + 70


class RecoverDialog(QDialog):
    def __init__(self, hub: AnnotationHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoverDialog")
        self.setWindowTitle(self.tr("Recover your notes"))
        self._hub = hub
        self.report: list[str] = []
        explain = QLabel(self.tr(
            "Your notes database is damaged. Choose the backup to start from: every note "
            "still readable in the damaged file is kept on top of it, and the damaged file is "
            "set aside, not deleted."), self)
        explain.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("recoverCandidates")
        self.error = QLabel(self)
        self.error.setObjectName("recoverError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.go = self.buttons.addButton(self.tr("Recover"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.recover)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill()
        self.resize(480, 320)

    def _fill(self) -> None:
        from desktop.core.notes import recovery

        found = recovery.candidates(self._hub.service.path)
        for candidate in found:
            when = f"{candidate.backup.taken:%d %B %Y, %H:%M} UTC"
            if candidate.annotations is None:
                item = QListWidgetItem(self.tr("%s — damaged too, cannot be used") % when)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                count = (self.tr("1 annotation") if candidate.annotations == 1
                         else self.tr("%d annotations") % candidate.annotations)
                item = QListWidgetItem(f"{when} — {count}")
                item.setData(PATH_ROLE, str(candidate.backup.path))
            self.list.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("No backup: keep every note still readable in the "
                                           "damaged file"))
            item.setData(PATH_ROLE, "")
            self.list.addItem(item)
        for row in range(self.list.count()):
            if self.list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentRow(row)
                break

    def recover(self) -> bool:
        """Recover from the chosen backup; the report stays in `report` (the window shows
        it). A refusal is shown in the dialog, which stays open."""
        from pathlib import Path

        item = self.list.currentItem()
        if item is None:
            return False
        chosen = str(item.data(PATH_ROLE) or "")
        try:
            self.report = self._hub.recover(Path(chosen) if chosen else None)
        except NotesError as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        self.accept()
        return True
