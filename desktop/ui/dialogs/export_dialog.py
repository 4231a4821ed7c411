"""File ▸ Export… and File ▸ Share annotations…: the export command's choices in a dialog.

The same filters as `concordia export`, a preview of how many annotations go in (and how many
private ones stay out), progress with Cancel while a long brief is built, and the error in the
dialog if the file cannot be written (the earlier file is left as it was). In share mode the
format is the W3C JSON-LD and only the filters are asked. The work is the core's: the pack
(desktop.core.excerpts), its writers, and desktop.core.exchange for sharing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.excerpts.atomic import ExportError
from desktop.core.excerpts.pack import DATE, DOCUMENT, Filters, build_pack, select
from desktop.core.notes.errors import NotesError
from desktop.core.notes.service import NotesService

# format → (the writer module, the file ending)
WRITERS = {
    "docx": ("desktop.core.excerpts.docx_writer", ".docx"),
    "pdf": ("desktop.pdf_export", ".pdf"),
    "html": ("desktop.core.excerpts.html_writer", ".html"),
    "md": ("desktop.core.excerpts.markdown_writer", ".md"),
}
JSONLD_ENDING = ".jsonld"


class ExportDialog(QDialog):
    exported = Signal(str)  # what was written, in a sentence, once the file is in place

    def __init__(self, service: NotesService, share: bool = False,
                 parent: QWidget | None = None, ids: tuple[int, ...] | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._share = share
        self._ids = ids  # the annotations selected in the panel: only those, if given
        self.setWindowTitle(self.tr("Share annotations") if share else self.tr("Export"))
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.format = QComboBox(self)
        for key, label in (("docx", self.tr("Word document (.docx)")),
                           ("pdf", self.tr("PDF (.pdf)")),
                           ("html", self.tr("Web page (.html)")),
                           ("md", self.tr("Markdown (.md)"))):
            self.format.addItem(label, key)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.categories = self._checklist([c.name for c in service.store().categories()])
        self.instruments = self._checklist(
            [i.id for i in service.corpus().instruments()],
            {i.id: i.short_title or i.title for i in service.corpus().instruments()})
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("any of these, separated by commas"))
        self.meeting = QLineEdit(self)
        self.meeting.setPlaceholderText(self.tr("part of the meeting's name"))
        self.author = QLineEdit(self)
        self.include_private = QCheckBox(self.tr("Include private annotations"), self)
        self.full_text = QCheckBox(self.tr("Print the whole paragraph around each quote"), self)
        self.order = QComboBox(self)
        self.order.addItem(self.tr("By instrument, in document order"), DOCUMENT)
        self.order.addItem(self.tr("By date"), DATE)
        self.title = QLineEdit(self.tr("Excerpts"), self)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("File:"), where)
        if not share:
            form.addRow(self.tr("Format:"), self.format)
            form.addRow(self.tr("Title:"), self.title)
        if ids is None:
            form.addRow(self.tr("Categories:\n(none ticked: all)"), self.categories)
            form.addRow(self.tr("Instruments:\n(none ticked: all)"), self.instruments)
            form.addRow(self.tr("Tags:"), self.tags)
            form.addRow(self.tr("Meeting:"), self.meeting)
            form.addRow(self.tr("Author:"), self.author)
        else:  # the selection in the panel says which
            for unused in (self.categories, self.instruments, self.tags, self.meeting,
                           self.author):
                unused.hide()
        form.addRow("", self.include_private)
        if not share:
            form.addRow("", self.full_text)
            form.addRow(self.tr("Order:"), self.order)
        else:  # a shared file is the annotations themselves: no layout to choose
            for unused in (self.format, self.title, self.full_text, self.order):
                unused.hide()
        self.setMinimumWidth(520)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.go = self.buttons.addButton(self.tr("Share") if share else self.tr("Export"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.run_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in (self.tags, self.meeting, self.author):
            edit.textChanged.connect(self.update_preview)
        self.include_private.toggled.connect(self.update_preview)
        self.path.textChanged.connect(lambda _: self.error.hide())
        self.update_preview()

    def _checklist(self, names: list[str], labels: dict[str, str] | None = None) -> QListWidget:
        """A short list of checkable names: none checked means all."""
        found = QListWidget(self)
        for name in names:
            item = QListWidgetItem((labels or {}).get(name, name), found)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        found.setMaximumHeight(found.sizeHintForRow(0) * min(len(names), 4) + 6)
        found.itemChanged.connect(lambda _: self.update_preview())
        return found

    @staticmethod
    def _checked(found: QListWidget) -> tuple[str, ...]:
        return tuple(found.item(row).data(Qt.ItemDataRole.UserRole)
                     for row in range(found.count())
                     if found.item(row).checkState() == Qt.CheckState.Checked)

    def filters(self) -> Filters:
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        return Filters(categories=self._checked(self.categories), tags=tags,
                       meeting=self.meeting.text().strip(),
                       instruments=self._checked(self.instruments),
                       author=self.author.text().strip(),
                       include_private=self.include_private.isChecked(), ids=self._ids)

    def chosen_format(self) -> str:
        return "jsonld" if self._share else str(self.format.currentData())

    def update_preview(self) -> None:
        try:
            chosen, left_out = select(self._service, self.filters())
        except NotesError as error:
            self.preview.setText(str(error))
            return
        text = counted(len(chosen), self.tr("1 annotation will be exported"),
                       self.tr("%1 annotations will be exported"))
        if left_out:
            text += counted(left_out, self.tr("; 1 private one left out"),
                            self.tr("; %1 private ones left out"))
        self.preview.setText(text + ".")
        self.go.setEnabled(bool(chosen))

    def _format_changed(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(self._ending())))

    def _ending(self) -> str:
        return JSONLD_ENDING if self._share else WRITERS[self.chosen_format()][1]

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.windowTitle(),
                                                self.path.text() or "", f"*{self._ending()}")
        if chosen:
            self.path.setText(chosen if Path(chosen).suffix else chosen + self._ending())

    def run_export(self) -> bool:
        """Write the file; True when it is in place (the dialog closes), else the reason is
        shown in the dialog and it stays open."""
        text = self.path.text().strip()
        if not text:
            return self._fail(self.tr("Choose the file to write."))
        target = Path(text).expanduser()
        try:
            message = self._write(target)
        except (NotesError, ExportError) as error:
            return self._fail(str(error))
        if message is None:  # cancelled: nothing was written
            return False
        self.exported.emit(message)
        self.accept()
        return True

    def _write(self, target: Path) -> str | None:
        if self._share:
            from desktop.core.exchange import export as share

            result = share.write(self._service, self.filters(), target)
            said = counted(result.written, self.tr("Shared 1 annotation in %2"),
                           self.tr("Shared %1 annotations in %2")).replace("%2", str(target))
            if result.in_review:
                said += counted(result.in_review,
                                self.tr("; 1 waiting in the review list was left out"),
                                self.tr("; %1 waiting in the review list were left out"))
            return said
        progress = QProgressDialog(self.tr("Building the brief…"), self.tr("Cancel"), 0, 100,
                                   self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        try:
            pack = build_pack(self._service, self.filters(), order=str(self.order.currentData()),
                              full_text=self.full_text.isChecked(),
                              title=self.title.text().strip() or self.tr("Excerpts"),
                              progress=_progress(progress))
        except NotesError:
            if progress.wasCanceled():
                return None
            raise
        finally:
            progress.reset()
        module, _ = WRITERS[self.chosen_format()]
        importlib.import_module(module).write(pack, target)
        return counted(pack.excerpts_count, self.tr("Exported 1 annotation to %2"),
                       self.tr("Exported %1 annotations to %2")).replace("%2", str(target))

    def _fail(self, message: str) -> bool:
        self.error.setText(message)
        self.error.show()
        return False


def counted(number: int, one: str, many: str) -> str:
    """The translated sentence for one or for `number` (%1) things."""
    return (one if number == 1 else many).replace("%1", str(number))


def _progress(dialog: QProgressDialog) -> Callable[[int, int], bool]:
    def told(done: int, total: int) -> bool:
        if total:
            dialog.setValue(done * 100 // total)
        return not dialog.wasCanceled()
    return told
