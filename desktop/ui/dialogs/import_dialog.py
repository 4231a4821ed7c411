"""File ▸ Import annotations…: a colleague's shared file in, all or nothing.

Shows what the import did (how many added, updated, unchanged, kept, in conflict), or why the
file was refused and that nothing changed. The store's Change is emitted for the views.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exchange.importer import Imported, import_file
from desktop.core.exchange.record import ADDED, CONFLICT, KEPT, UNCHANGED, UPDATED
from desktop.core.notes.errors import NotesError
from desktop.core.notes.service import NotesService
from desktop.ui.dialogs.export_dialog import counted


class ImportDialog(QDialog):
    imported = Signal(object)  # the Change the import made, for the views

    def __init__(self, service: NotesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.setWindowTitle(self.tr("Import annotations"))
        intro = QLabel(self.tr("A colleague's shared annotations (a .jsonld file). Nothing is "
                               "overwritten: where you and they changed the same annotation, "
                               "both versions are kept for you to choose."), self)
        intro.setWordWrap(True)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.go = self.buttons.addButton(self.tr("Import"),
                                         QDialogButtonBox.ButtonRole.ApplyRole)
        self.go.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(where)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), self.path.text(),
                                                self.tr("Shared annotations (*.jsonld *.json)"))
        if chosen:
            self.path.setText(chosen)

    def run_import(self) -> Imported | None:
        text = self.path.text().strip()
        if not text:
            self._show(self.tr("Choose the file to import."), failed=True)
            return None
        try:
            result = import_file(self._service, Path(text).expanduser())
        except NotesError as error:
            self._show(str(error), failed=True)
            return None
        self._show(self._summary(result), failed=False)
        if result.change.annotations:
            self.imported.emit(result.change)
        return result

    def _summary(self, result: Imported) -> str:
        counts = result.counts
        lines = [self.tr("Imported: %1 added").replace("%1", str(counts[ADDED])),
                 self.tr("%1 updated (changed only by your colleague)").replace(
                     "%1", str(counts[UPDATED])),
                 self.tr("%1 unchanged").replace("%1", str(counts[UNCHANGED])),
                 self.tr("%1 kept (changed only by you)").replace("%1", str(counts[KEPT]))]
        if counts[CONFLICT]:
            lines.append(counted(
                counts[CONFLICT],
                self.tr("1 changed by both of you: both versions are kept on the conflicts "
                        "list for you to choose"),
                self.tr("%1 changed by both of you: both versions are kept on the "
                        "conflicts list for you to choose")))
        return "\n".join(lines)

    def _show(self, text: str, failed: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("color: #b00020" if failed else "")
        self.result.show()
