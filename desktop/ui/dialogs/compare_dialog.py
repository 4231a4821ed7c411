"""Compare two units side by side as a delegate's redline: deletions struck through in red,
insertions underlined in blue, copyable into a brief as rich text and as plain text with
[-deleted-]{+inserted+} marks."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text.diff import html_redline, plain_redline, word_diff
from desktop.ui.document_source import DocumentSource


class CompareDialog(QDialog):
    """The word-level difference of `old` (the earlier unit) into `new`."""

    def __init__(self, source: DocumentSource, old: str, new: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare"))
        self._source = source
        old_unit, new_unit = source.unit(old), source.unit(new)
        old_text = old_unit.text if old_unit else ""
        new_text = new_unit.text if new_unit else ""
        pieces = word_diff(old_text, new_text)
        self._citations = (source.citation(old), source.citation(new))
        self.plain = plain_redline(pieces)
        self.html = html_redline(pieces)
        self.heading = QLabel(self)
        self.heading.setObjectName("compareHeading")
        self.heading.setWordWrap(True)
        self.heading.setText(self.tr("<b>%s</b> changed into <b>%s</b>: struck through is "
                                     "deleted, underlined is inserted.")
                             % (escape(self._citations[0]), escape(self._citations[1])))
        self.view = QTextBrowser(self)
        self.view.setObjectName("compareView")
        self.view.setHtml(f"<p style='line-height:140%'>{self.html}</p>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy redline"), self)
        self.copy_button.setToolTip(self.tr("Copy as rich text (struck through, underlined) "
                                            "and as plain text ([-deleted-]{+inserted+})"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy(self) -> None:
        """The redline to the clipboard, rich and plain, each with both citations."""
        old, new = self._citations
        data = QMimeData()
        data.setHtml(f"<p>{escape(old)} → {escape(new)}</p><p>{self.html}</p>")
        data.setText(f"{old} → {new}\n{self.plain}")
        QGuiApplication.clipboard().setMimeData(data)  # the clipboard owns it now
