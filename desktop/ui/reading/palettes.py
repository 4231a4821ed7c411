"""Light, dark or the system's colours for the whole application (Preferences ▸ Theme).

The panes take every colour from the palette (desktop/ui/reading/theme.py), so choosing a
palette here is all a theme needs. "system" puts back the palette the application started with.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)

_LIGHT = {
    "Window": "#efefef", "WindowText": "#1b1b1b", "Base": "#ffffff", "AlternateBase": "#f5f5f5",
    "Text": "#1b1b1b", "Button": "#e8e8e8", "ButtonText": "#1b1b1b", "Highlight": "#2a62b8",
    "HighlightedText": "#ffffff", "Link": "#1a55a8", "LinkVisited": "#6b3fa0",
    "PlaceholderText": "#5f6368", "ToolTipBase": "#ffffdc", "ToolTipText": "#1b1b1b",
    "Mid": "#a0a0a0", "Dark": "#8a8a8a", "Light": "#ffffff", "Midlight": "#f2f2f2",
    "Shadow": "#505050", "BrightText": "#ffffff",
}
_DARK = {
    "Window": "#202124", "WindowText": "#e8eaed", "Base": "#181818", "AlternateBase": "#242528",
    "Text": "#e8eaed", "Button": "#303134", "ButtonText": "#e8eaed", "Highlight": "#8ab4f8",
    "HighlightedText": "#101418", "Link": "#8ab4f8", "LinkVisited": "#c58af9",
    "PlaceholderText": "#9aa0a6", "ToolTipBase": "#303134", "ToolTipText": "#e8eaed",
    "Mid": "#5f6368", "Dark": "#3c4043", "Light": "#5f6368", "Midlight": "#45484c",
    "Shadow": "#000000", "BrightText": "#ffffff",
}
# Disabled text: dimmer, still legible on its background.
_DISABLED = {LIGHT: "#8a8a8a", DARK: "#7d8186"}


def palette_for(theme: str) -> QPalette:
    """The application palette of a light or dark theme."""
    roles = _DARK if theme == DARK else _LIGHT
    palette = QPalette()
    for name, colour in roles.items():
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role,
                         QColor(_DISABLED[DARK if theme == DARK else LIGHT]))
    return palette


class ThemeSwitcher:
    """Remembers the system palette once, so "system" can always go back to it."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._system = app.palette()  # a copy (QPalette(palette) would make Qt's namespace)
        self.theme = SYSTEM

    def apply(self, theme: str) -> None:
        theme = theme if theme in THEMES else SYSTEM
        self.theme = theme
        self._app.setPalette(self._system if theme == SYSTEM else palette_for(theme))


_switcher: ThemeSwitcher | None = None


def apply_theme(theme: str) -> None:
    """Switch the application to a theme; "system" goes back to the palette it started with."""
    global _switcher
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if _switcher is None or _switcher._app is not app:
        _switcher = ThemeSwitcher(app)
    _switcher.apply(theme)
