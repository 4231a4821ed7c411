"""The reader's preferences kept in settings.ini with the layout: language, theme, what opens at
start (the text size is the window's zoom, `view/zoom`). The author name and the current
meeting are not here: they are the notes store's own settings (one value with `concordia notes
config`), read and written through the hub and the window's operations."""

from __future__ import annotations

from desktop.ui.reading.palettes import SYSTEM, THEMES
from desktop.ui.window_settings import WindowSettings

LANGUAGE_KEY = "view/language"
THEME_KEY = "view/theme"
START_KEY = "start/open"
START_LAST, START_DEFAULT = "last", "default"  # where the reader left off; the first layout
LANGUAGES = ("", "en", "fr")  # "" follows the system's language


class Preferences:
    def __init__(self, settings: WindowSettings) -> None:
        self._settings = settings

    def language(self) -> str:
        value = self._settings.choice(LANGUAGE_KEY)
        return value if value in LANGUAGES else ""

    def theme(self) -> str:
        value = self._settings.choice(THEME_KEY)
        return value if value in THEMES else SYSTEM

    def start(self) -> str:
        return START_DEFAULT if self._settings.choice(START_KEY) == START_DEFAULT else START_LAST

    def save(self, *, language: str, theme: str, start: str) -> bool:
        return all([self._settings.set_choice(LANGUAGE_KEY, language),
                    self._settings.set_choice(THEME_KEY, theme),
                    self._settings.set_choice(START_KEY, start)])
