"""Edit ▸ Preferences (Ctrl+,): language, theme, text size, what opens at start, and — as the
notes store's own settings, the same values `concordia notes config` sets — the author name
and the current meeting.

Nothing is written until OK: then the theme and the text size apply at once, the language
at the next start (the menus are built in it), the author and meeting through the window's
operations (so the status bar's meeting and every open view follow).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desktop.core.notes.service import MEETING
from desktop.core.notes.store import AUTHOR
from desktop.ui.preferences import START_DEFAULT, START_LAST, Preferences
from desktop.ui.reading.palettes import DARK, LIGHT, SYSTEM, apply_theme
from desktop.ui.reading.theme import ZOOM_STEPS

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

PREFERENCES_KEY = "Ctrl+,"
# Each language named in itself, as a language menu does.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


class PreferencesDialog(QDialog):
    def __init__(self, window: MainWindow, preferences: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._window = window
        self._preferences = preferences
        self.language = QComboBox(self)
        self.language.setObjectName("preferencesLanguage")
        self.language.addItem(self.tr("The system's language"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.theme = QComboBox(self)
        self.theme.setObjectName("preferencesTheme")
        for label, value in ((self.tr("The system's colours"), SYSTEM),
                             (self.tr("Light"), LIGHT), (self.tr("Dark"), DARK)):
            self.theme.addItem(label, value)
        self.size = QComboBox(self)
        self.size.setObjectName("preferencesTextSize")
        for step in ZOOM_STEPS:
            self.size.addItem(self.tr("%d %%") % step, step)
        self.start = QComboBox(self)
        self.start.setObjectName("preferencesStart")
        self.start.addItem(self.tr("Where I left off"), START_LAST)
        self.start.addItem(self.tr("UNGASS 2016 beside the Plan of Action"), START_DEFAULT)
        self.author = QLineEdit(self)
        self.author.setObjectName("preferencesAuthor")
        self.author.setPlaceholderText(self.tr("your name, written into new notes"))
        self.meeting = QLineEdit(self)
        self.meeting.setObjectName("preferencesMeeting")
        self.meeting.setPlaceholderText(self.tr("none"))
        form = QFormLayout()
        for label, field in ((self.tr("&Language:"), self.language),
                             (self.tr("&Theme:"), self.theme),
                             (self.tr("Te&xt size:"), self.size),
                             (self.tr("At &start, open:"), self.start),
                             (self.tr("&Author:"), self.author),
                             (self.tr("Current &meeting:"), self.meeting)):
            form.addRow(label, field)
            buddy = form.labelForField(field)
            if isinstance(buddy, QLabel):
                field.setAccessibleName(buddy.text().replace("&", "").rstrip(":"))
        self.language_note = QLabel(self.tr("A new language shows the next time Concordia "
                                            "starts."), self)
        self.language_note.setWordWrap(True)
        self.language_note.setEnabled(False)  # a quiet note
        self.notes_note = QLabel(self.tr("The author and the meeting are kept with your notes "
                                         "(the same as “concordia notes config”)."), self)
        self.notes_note.setWordWrap(True)
        self.notes_note.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.language_note)
        layout.addWidget(self.notes_note)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        prefs, hub = self._preferences, self._window.hub
        for combo, value in ((self.language, prefs.language()), (self.theme, prefs.theme()),
                             (self.size, self._window.zoom_level()),
                             (self.start, prefs.start())):
            row = combo.findData(value)
            combo.setCurrentIndex(max(row, 0))
        self._author = hub.setting(AUTHOR)
        self._meeting = hub.setting(MEETING)
        self.author.setText(self._author)
        self.meeting.setText(self._meeting)

    def accept(self) -> None:
        window = self._window
        theme = str(self.theme.currentData())
        self._preferences.save(language=str(self.language.currentData()), theme=theme,
                               start=str(self.start.currentData()))
        apply_theme(theme)
        window.zoom_to(int(self.size.currentData()))
        if self.author.text().strip() != self._author:
            window.operations.set_author(self.author.text())
        if self.meeting.text().strip() != self._meeting:
            window.operations.set_meeting(self.meeting.text())
        super().accept()
        from desktop.ui import i18n

        coming = i18n.wanted(None, str(self.language.currentData()))
        if coming != i18n.current():  # shows at start: offer to start again now
            from desktop.ui.restart import offer_restart

            self.restart_offer = offer_restart(window, LANGUAGE_NAMES.get(coming, coming))


def install_preferences(window: MainWindow, menu: QMenu, preferences: Preferences) -> QAction:
    """Edit ▸ Preferences… (Ctrl+,): the one hook in the main window."""
    action = QAction(QCoreApplication.translate("MainWindow", "Pre&ferences…"), window)
    action.setObjectName("preferencesAction")
    action.setShortcut(QKeySequence(PREFERENCES_KEY))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)

    def open_dialog() -> None:
        dialog = PreferencesDialog(window, preferences)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(open_dialog)
    window.addAction(action)
    menu.addSeparator()
    menu.addAction(action)
    return action
