"""The current meeting, shown and edited in the status bar: it is stamped on every new
annotation. One value with `concordia notes config --meeting` (a store setting)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.ui.hub import AnnotationHub
from desktop.ui.operations import AnnotationOperations

if TYPE_CHECKING:
    from desktop.core.notes.model import Change


class MeetingField(QWidget):
    def __init__(self, hub: AnnotationHub, operations: AnnotationOperations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._operations = operations
        label = QLabel(self.tr("Meeting:"), self)
        self.field = QLineEdit(self)
        self.field.setObjectName("meetingField")
        self.field.setPlaceholderText(self.tr("none"))
        self.field.setToolTip(self.tr("The meeting stamped on every new highlight and note"))
        self.field.setMinimumWidth(120)
        self.field.setMaximumWidth(320)
        label.setBuddy(self.field)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.field)
        self.field.editingFinished.connect(self._edited)
        hub.changed.connect(self._changed)

    def load(self) -> None:
        from desktop.core.notes.model import MEETING  # with the notes, after the first paint

        if not self.field.hasFocus():
            self.field.setText(self._hub.setting(MEETING))
            self.field.setCursorPosition(0)  # the start of a long name shows

    def _edited(self) -> None:
        from desktop.core.notes.model import MEETING

        text = " ".join(self.field.text().split())
        if text != self._hub.setting(MEETING):
            self._operations.set_meeting(text)

    def _changed(self, change: Change) -> None:
        from desktop.core.notes.model import MEETING

        if MEETING in change.settings or change.action == "external":
            self.load()
