"""Two revisions of a draft, paragraph by paragraph: what `concordia instrument diff` prints,
as a delegate reads it — each paragraph of the current revision with where it was before
(drafts renumber: pairs are found by their words), same, changed (the redline, struck through
and underlined), new, or deleted; copyable into a brief as rich and plain text."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.drafts.brief import short_place
from desktop.core.drafts.revisions import CHANGED, DELETED, NEW, SAME
from desktop.core.drafts.service import RevisionDiff
from desktop.core.text.diff import html_redline, plain_redline, word_diff

Differ = Callable[[int | None], RevisionDiff]


class RevisionsDialog(QDialog):
    """`differ(revision)` compares the current revision with an earlier one (None: the last
    before it); the dialog asks it again when another earlier revision is chosen."""

    def __init__(self, title: str, differ: Differ, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revisionsDialog")
        self.setWindowTitle(self.tr("Compare revisions of %s") % title)
        self._differ = differ
        self.diff = differ(None)
        self.plain = ""
        self.html = ""
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("revisionChooser")
        self.chooser.setAccessibleName(self.tr("Earlier revision"))
        for revision in reversed(self.diff.earlier):  # the latest first, as it is the default
            self.chooser.addItem(self.tr("Revision %d") % revision, revision)
        self.chooser.currentIndexChanged.connect(
            lambda index: self.show_diff(self._differ(self.chooser.itemData(index))))
        chooser_label = QLabel(self.tr("&Compare the current revision with:"), self)
        chooser_label.setBuddy(self.chooser)
        self.changes_only = QCheckBox(self.tr("&Only what changed"), self)
        self.changes_only.setObjectName("changesOnly")
        self.changes_only.toggled.connect(lambda _: self.show_diff(self.diff))
        self.heading = QLabel(self)
        self.heading.setObjectName("revisionsHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.view = QTextBrowser(self)
        self.view.setObjectName("revisionsView")
        self.view.setAccessibleName(self.tr("Paragraphs of the two revisions"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy as rich text (struck through, underlined) "
                                            "and as plain text ([-deleted-]{+inserted+})"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        top.addWidget(self.changes_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.show_diff(self.diff)
        self.resize(820, 560)

    def show_diff(self, diff: RevisionDiff) -> None:
        self.diff = diff
        counts = {kind: sum(1 for p in diff.pairs if p.relation == kind)
                  for kind in (SAME, CHANGED, NEW, DELETED)}
        self.heading.setText(
            self.tr("Revision %1 (%2) → revision %3 (%4): %5 the same, %6 changed, %7 new, "
                    "%8 deleted. Paragraphs are paired by their words, not their numbers.")
            .replace("%1", str(diff.old_revision)).replace("%2", diff.old_file)
            .replace("%3", str(diff.new_revision)).replace("%4", diff.new_file)
            .replace("%5", str(counts[SAME])).replace("%6", str(counts[CHANGED]))
            .replace("%7", str(counts[NEW])).replace("%8", str(counts[DELETED])))
        words = {SAME: self.tr("same"), CHANGED: self.tr("changed"), NEW: self.tr("new"),
                 DELETED: self.tr("deleted")}
        rows, lines = [], []
        for pair in diff.pairs:
            if pair.relation == SAME and self.changes_only.isChecked():
                continue
            place = short_place(f"_/{pair.new}") if pair.new else ""
            was = short_place(f"_/{pair.old}") if pair.old else ""
            status = words[pair.relation]
            if pair.old and was != place:
                status = self.tr("%1 (was %2)").replace("%1", status).replace("%2", was)
            old_text = diff.old_texts.get(pair.old or "", "")
            new_text = diff.new_texts.get(pair.new or "", "")
            if pair.relation == CHANGED:
                pieces = word_diff(old_text, new_text)
                html, plain = html_redline(pieces), plain_redline(pieces)
            elif pair.relation == DELETED:
                html, plain = f"<s>{escape(old_text)}</s>", f"[-{old_text}-]"
            else:
                html, plain = escape(new_text), new_text
            rows.append(f"<tr><td style='padding:4px 8px 4px 0'><b>{escape(place)}</b></td>"
                        f"<td style='padding:4px 8px'><i>{escape(status)}</i></td>"
                        f"<td style='padding:4px 0'>{html}</td></tr>")
            lines.append(f"{place or '—'}\t{status}\t{plain}")
        self.html = f"<table cellspacing='0'>{''.join(rows)}</table>"
        self.plain = "\n".join(lines)
        self.view.setHtml(self.html)

    def copy(self) -> None:
        data = QMimeData()
        head = self.heading.text()
        data.setHtml(f"<p>{escape(head)}</p>{self.html}")
        data.setText(f"{head}\n{self.plain}")
        QGuiApplication.clipboard().setMimeData(data)
