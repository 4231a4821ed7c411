"""File ▸ Import draft…: a draft's file, its id and record, a preview of the structure the
grammar detected (and every line it could not place) before anything is kept.

The dialog does what `concordia instrument add` does (desktop.core.drafts.service): `prepare`
for the preview, `keep` on Import. A new revision (Replace) carries the annotations forward
through the notes store's re-attachment. Errors (an unreadable file, an id in use) are shown
in the dialog; nothing is kept until Import.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.corpus import Corpus, CorpusError
from desktop.core.drafts import service
from desktop.core.drafts.analysis import summary
from desktop.core.drafts.readers import DraftError
from desktop.core.drafts.store import UserCorpusError

FILTER = "Drafts (*.docx *.pdf *.txt *.md)"


class ImportDraftDialog(QDialog):
    imported = Signal(str, int)  # the instrument id, its revision

    def __init__(self, corpus: Corpus, keep: Callable[[service.Prepared], service.Kept],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDraftDialog")
        self.setWindowTitle(self.tr("Import draft"))
        self._corpus = corpus
        self._keep = keep
        self.prepared: service.Prepared | None = None
        self.kept: service.Kept | None = None

        self.file_field = QLineEdit(self)
        self.file_field.setObjectName("draftFile")
        self.file_field.setPlaceholderText(self.tr("A .docx, .pdf, .txt or .md file"))
        choose = QPushButton(self.tr("&Choose…"), self)
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_field, 1)
        row.addWidget(choose)
        self.id_field = QLineEdit(self)
        self.id_field.setObjectName("draftId")
        self.id_field.setPlaceholderText(self.tr("from the file name"))
        self.title_field = QLineEdit(self)
        self.title_field.setPlaceholderText(self.tr("from the draft's masthead"))
        self.symbol_field = QLineEdit(self)
        self.symbol_field.setPlaceholderText(self.tr("e.g. E/CN.7/2025/L.5"))
        self.date_field = QLineEdit(self)
        self.date_field.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.aliases_field = QLineEdit(self)
        self.aliases_field.setPlaceholderText(self.tr("short forms you will type, separated "
                                                      "by ; (e.g. L.5; our draft)"))
        self.replace_box = QCheckBox(self.tr("A new &revision of the imported instrument with "
                                             "this id (annotations carried forward)"), self)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.file_field)
        form.addRow(file_label, row)
        form.addRow(self.tr("&Id:"), self.id_field)
        form.addRow(self.tr("&Title:"), self.title_field)
        form.addRow(self.tr("&Symbol:"), self.symbol_field)
        form.addRow(self.tr("&Date:"), self.date_field)
        form.addRow(self.tr("Short &forms:"), self.aliases_field)
        form.addRow("", self.replace_box)

        self.preview = QTextBrowser(self)
        self.preview.setObjectName("draftPreview")
        self.preview.setMinimumHeight(260)
        self.message = QLabel(self)
        self.message.setObjectName("draftMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setObjectName("importDraftButton")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.refresh_preview)
        self.import_button.clicked.connect(self.import_draft)
        for field in (self.file_field, self.id_field, self.title_field, self.symbol_field,
                      self.date_field, self.aliases_field):
            field.editingFinished.connect(self.refresh_preview)
            field.textChanged.connect(self._stale)
        self.replace_box.toggled.connect(self.refresh_preview)

        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("What was found:"), self))
        column.addWidget(self.preview, 1)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self.resize(760, 620)
        self._stale()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import draft"), "",
                                              self.tr(FILTER))
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        self.file_field.setText(str(path))
        self.refresh_preview()

    def options(self) -> service.Options:
        aliases = tuple(a.strip() for a in self.aliases_field.text().split(";") if a.strip())
        return service.Options(instrument_id=self.id_field.text().strip(),
                               title=self.title_field.text().strip(),
                               symbol=self.symbol_field.text().strip(),
                               date=self.date_field.text().strip(), aliases=aliases,
                               replace=self.replace_box.isChecked())

    def _stale(self) -> None:
        self.prepared = None
        self.import_button.setEnabled(False)

    def refresh_preview(self) -> None:
        """Read and detect the draft as the fields say; show what was found or why not."""
        self._stale()
        text = self.file_field.text().strip()
        if not text:
            self.preview.setHtml("")
            self.message.setText(self.tr("Choose the draft's file."))
            return
        try:
            self.prepared = service.prepare(Path(text).expanduser(), self._corpus,
                                            self.options())
        except (DraftError, UserCorpusError, CorpusError) as error:
            self.preview.setHtml("")
            self.message.setText(self.tr("Cannot import: %s") % error)
            return
        self.preview.setHtml(self._describe(self.prepared))
        unplaced = len(self.prepared.detection.report["unplaced"])  # type: ignore[arg-type]
        self.message.setText(
            self.tr("Ready to import as %s.") % self.prepared.instrument.id if not unplaced
            else self.tr("Ready to import as %1; %n line(s) could not be placed (listed above, "
                         "kept out).", "", unplaced).replace("%1", self.prepared.instrument.id))
        self.import_button.setEnabled(True)

    def _describe(self, prepared: service.Prepared) -> str:
        report = prepared.detection.report
        counts = report["counts"]
        assert isinstance(counts, dict)
        out = [f"<p><b>{html.escape(prepared.instrument.title)}</b>"
               + (f" — {html.escape(prepared.instrument.symbol)}"
                  if prepared.instrument.symbol else "") + "</p>"]
        front = report["front"]
        assert isinstance(front, list)
        if front:
            out.append("<p>" + "<br>".join(
                f"<i>{html.escape(self._role(item['role']))}</i>: {html.escape(item['text'])}"
                for item in front) + "</p>")
        formula = report["formula"]
        out.append("<p>" + (self.tr("Opening formula: %s") % html.escape(str(formula))
                            if formula else self.tr("No opening formula found.")) + "</p>")
        out.append("<p>" + self.tr("%1 preambular paragraphs, %2 operative paragraphs "
                                   "(%3 inserted), %4 subparagraphs, %5 headings, "
                                   "%6 footnotes")
                   .replace("%1", str(counts["preamble"])).replace("%2", str(counts["operative"]))
                   .replace("%3", str(counts["inserted"]))
                   .replace("%4", str(counts["subparagraphs"]))
                   .replace("%5", str(counts["headings"]))
                   .replace("%6", str(counts["footnotes"])) + "</p>")
        found = summary(prepared.paragraphs)
        out.append("<p>" + self.tr("Agreed language: %1 agreed, %2 changed, %3 partly agreed, "
                                   "%4 new")
                   .replace("%1", str(len(found["agreed"])))
                   .replace("%2", str(len(found["changed"])))
                   .replace("%3", str(len(found["partly agreed"])))
                   .replace("%4", str(len(found["new"]))) + "</p>")
        unplaced = report["unplaced"]
        assert isinstance(unplaced, list)
        if unplaced:
            out.append("<p><b>" + self.tr("Could not place:") + "</b><br>" + "<br>".join(
                f"{html.escape(item['place'])}: {html.escape(item['reason'])} — "
                f"“{html.escape(item['text'])}”" for item in unplaced) + "</p>")
        rows = []
        for paragraph in prepared.paragraphs:
            unit = paragraph.unit
            if unit.kind in ("front",):
                continue
            status = paragraph.status or ""
            label = html.escape(unit.label or unit.id.split("/", 1)[1])
            words = html.escape(unit.text if len(unit.text) <= 90 else unit.text[:89] + "…")
            rows.append(f"<tr><td>{label}</td><td><i>{html.escape(self._status(status))}"
                        f"</i></td><td>{words}</td></tr>")
        out.append("<table cellspacing='4'>" + "".join(rows) + "</table>")
        return "".join(out)

    def _role(self, role: str) -> str:
        return {"symbol": self.tr("symbol"), "session": self.tr("session"),
                "committee": self.tr("committee"), "agenda item": self.tr("agenda item"),
                "draft": self.tr("draft"), "title": self.tr("title"),
                "distribution": self.tr("distribution"), "date": self.tr("date"),
                "language": self.tr("language")}.get(role, self.tr("other"))

    def _status(self, status: str) -> str:
        return {"agreed": self.tr("agreed"), "changed": self.tr("changed"),
                "partly agreed": self.tr("partly agreed"), "new": self.tr("new")}.get(status,
                                                                                      "")

    def import_draft(self) -> None:
        if self.prepared is None:
            self.refresh_preview()
            if self.prepared is None:
                return
        try:
            self.kept = self._keep(self.prepared)
        except (DraftError, UserCorpusError, CorpusError, OSError) as error:
            self.message.setText(self.tr("Not imported: %s") % error)
            return
        self.imported.emit(self.kept.prepared.instrument.id, self.kept.revision)
        self.accept()
