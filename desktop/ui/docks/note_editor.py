"""The note editor under the annotations panel: the selected annotation's category, note
(Markdown, saved as it is typed: one store transaction per pause, no Save button), tags
(completed from the tags already used) and privacy. The pane shows the note rendered (the
tooltip of its mark in the margin).

What the reader typed is kept here until the store takes it: a locked or damaged store
leaves the text in the editor, says so, and tries again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.notes.model import Annotation, Category
from desktop.ui.operations import AnnotationOperations
from desktop.ui.reading.selection_palette import swatch

SAVE_PAUSE_MS = 600  # a pause in typing this long saves the note
RETRY_MS = 2000  # a note the store refused is offered again this often


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(tag.strip() for tag in text.replace(";", ",").split(",") if tag.strip())


class NoteEditor(QWidget):
    saved = Signal(int)  # the annotation whose note the store took

    def __init__(self, operations: AnnotationOperations,
                 citation: Callable[[Annotation], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self._operations = operations
        self._citation = citation
        self._annotation: Annotation | None = None
        self._dirty = False
        self._loading = False
        self.heading = QLabel(self)
        self.heading.setObjectName("noteHeading")
        self.heading.setMinimumWidth(1)  # a long citation is cut, never widens the panel
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.category = QComboBox(self)
        self.category.setObjectName("noteCategory")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("noteText")
        self.text.setPlaceholderText(
            self.tr("Write a note (Markdown: **bold**, *italic*, - lists)"))
        self.text.setTabChangesFocus(True)
        self.tags = QLineEdit(self)
        self.tags.setObjectName("noteTags")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self._tag_words = QStringListModel(self)
        completer = QCompleter(self._tag_words, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tags.setCompleter(completer)
        self.private = QCheckBox(self.tr("Private"), self)
        self.private.setObjectName("notePrivate")
        self.private.setToolTip(self.tr("Left out of shared exports and briefs unless asked for"))
        self.text.setMinimumHeight(48)
        self.state = QLabel(self)
        self.state.setObjectName("noteState")
        self.state.setWordWrap(True)
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(4)
        fields = QHBoxLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addWidget(self.category, 1)
        fields.addWidget(self.tags, 1)
        row = QHBoxLayout()
        row.addWidget(self.private)
        row.addStretch(1)
        row.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addLayout(fields)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SAVE_PAUSE_MS)
        self._pause.timeout.connect(self.save)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.save)
        self.text.textChanged.connect(self._typed)
        self.tags.editingFinished.connect(self._tags_changed)
        self.category.activated.connect(self._category_chosen)
        self.private.toggled.connect(self._private_toggled)
        self.set_annotation(None)

    # -- what it edits --------------------------------------------------------------------

    def annotation(self) -> Annotation | None:
        return self._annotation

    def is_dirty(self) -> bool:
        """Typed text the store has not taken yet."""
        return self._dirty

    def set_categories(self, categories: list[Category]) -> None:
        current = self.category.currentData()
        self._loading = True
        self.category.clear()
        self.category.addItem(self.tr("No category"), "")
        for category in categories:
            self.category.addItem(swatch(category.colour), category.name, category.name)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self._loading = False

    def set_known_tags(self, tags: list[str]) -> None:
        self._tag_words.setStringList(tags)

    def set_annotation(self, annotation: Annotation | None) -> None:
        """Edit this annotation (None: nothing to edit). Text not yet saved is saved first."""
        if self._dirty and (annotation is None or self._annotation is None
                            or annotation.id != self._annotation.id):
            self.save()
        if self._dirty and annotation is not None and self._annotation is not None \
                and annotation.id == self._annotation.id:
            self._annotation = annotation  # another window changed it: keep what was typed
            return
        self._annotation = annotation
        self._loading = True
        enabled = annotation is not None
        for widget in (self.category, self.text, self.tags, self.private):
            widget.setEnabled(enabled)
        if annotation is None:
            self.heading.setText(self.tr("Select an annotation, or select words in a pane "
                                         "and press Ctrl+N."))
            self.text.setPlainText("")
            self.tags.setText("")
            self.private.setChecked(False)
            self.category.setCurrentIndex(0)
        else:
            self.heading.setText(self._citation(annotation))
            if self.text.toPlainText() != annotation.note:
                self.text.setPlainText(annotation.note)
            self.tags.setText(", ".join(annotation.tags))
            self.private.setChecked(annotation.private)
            self.category.setCurrentIndex(max(0, self.category.findData(
                annotation.category or "")))
        self.state.setText("")
        self._loading = False

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    # -- saving ---------------------------------------------------------------------------

    def _typed(self) -> None:
        if self._loading or self._annotation is None:
            return
        self._dirty = True
        self.state.setText(self.tr("Typing…"))
        self._pause.start()

    def save(self) -> bool:
        """Hand the typed note to the store (one transaction); keep it here if refused."""
        self._pause.stop()
        if not self._dirty or self._annotation is None:
            self._retry.stop()
            return True
        text = self.text.toPlainText()
        updated = self._operations.update(self._annotation.id, note=text)
        if updated is None:
            self.state.setText(self.tr("Not saved yet — kept here, trying again"))
            self._retry.start()
            return False
        self._retry.stop()
        self._annotation = updated
        self._dirty = self.text.toPlainText() != text  # typed on while it saved
        self.state.setText(self.tr("Saved"))
        self.saved.emit(updated.id)
        return True

    def _tags_changed(self) -> None:
        if self._loading or self._annotation is None:
            return
        tags = split_tags(self.tags.text())
        if tags != self._annotation.tags:
            updated = self._operations.update(self._annotation.id, tags=tags)
            if updated is not None:
                self._annotation = updated

    def _category_chosen(self) -> None:
        if self._loading or self._annotation is None:
            return
        name = self.category.currentData() or None
        if name != self._annotation.category:
            updated = self._operations.update(self._annotation.id, category=name)
            if updated is not None:
                self._annotation = updated

    def _private_toggled(self, checked: bool) -> None:
        if self._loading or self._annotation is None or checked == self._annotation.private:
            return
        updated = self._operations.update(self._annotation.id, private=checked)
        if updated is not None:
            self._annotation = updated
