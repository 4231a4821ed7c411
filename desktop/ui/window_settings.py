"""The window's remembered state, typed (DESIGN.md §5), in an INI file in the user data dir.

Geometry and dock/splitter state are QByteArray (the dock's visibility is inside the window
state), numbers are read with type=int; reading positions are unit ids, never pixels, so they
survive a new window size, a new zoom or a rebuilt corpus. Whatever is missing or no longer
valid falls back to the default.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from desktop import paths

SETTINGS_FILE = "settings.ini"


def open_settings(data_dir: Path) -> QSettings:
    """The settings file of a data directory (`--data-dir` moves it with the notes)."""
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def first_start_state() -> QByteArray | None:
    """The docks as a first start arranges them, saved as a window's layout is (None if
    the file is missing or unreadable: the window then arranges them itself)."""
    try:
        data = paths.first_start_layout().read_bytes()
    except OSError:
        return None
    return QByteArray(data) if data else None


class PaneState(NamedTuple):
    instrument: str
    top: str | None = None  # the unit at the top of the pane
    current: str | None = None  # the unit marked current
    linked: bool = True  # follows the leading pane (desktop.ui.reading.sync_controller)


class WindowSettings:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def file_name(self) -> str:
        return self._settings.fileName()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key, None, type=QByteArray)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter_state(self) -> QByteArray | None:
        return self._bytes("panes/splitter")

    def zoom(self, default: int) -> int:
        return int(self._settings.value("view/zoom", default, type=int))

    def focused(self) -> int:
        return int(self._settings.value("panes/focused", 0, type=int))

    def panes(self) -> list[PaneState]:
        count = self._settings.beginReadArray("panes/list")
        panes = []
        for position in range(count):
            self._settings.setArrayIndex(position)
            instrument = str(self._settings.value("instrument", "", type=str))
            top = str(self._settings.value("top", "", type=str)) or None
            current = str(self._settings.value("current", "", type=str)) or None
            linked = bool(self._settings.value("linked", True, type=bool))
            if instrument:
                panes.append(PaneState(instrument, top, current, linked))
        self._settings.endArray()
        return panes

    def history(self) -> tuple[list[str], int]:
        """The places of Back and Forward (unit ids) and where the reader was among them."""
        places = self._settings.value("history/places", [], type=list)
        position = int(self._settings.value("history/position", -1, type=int))
        return [str(place) for place in places if place], position

    def leader(self) -> tuple[int, str]:
        """Which pane led (its position; -1: none) and the unit it led with."""
        return (int(self._settings.value("sync/leader", -1, type=int)),
                str(self._settings.value("sync/unit", "", type=str)))

    def choice(self, key: str) -> str:
        """A remembered choice in a panel ("search/instrument", "links/kind"); "" if none."""
        return str(self._settings.value(key, "", type=str))

    def set_choice(self, key: str, value: str) -> bool:
        """Remember a choice at once (Preferences); False when the file cannot be written."""
        self._settings.setValue(key, value)
        self._settings.sync()
        return self._settings.status() == QSettings.Status.NoError

    def save(self, *, geometry: QByteArray, window_state: QByteArray, splitter: QByteArray,
             panes: list[PaneState], focused: int, zoom: int,
             choices: dict[str, str] | None = None,
             history: tuple[list[str], int] = ([], -1),
             leader: tuple[int, str] = (-1, "")) -> bool:
        """Write everything at once (QSettings replaces the file atomically); False when the
        file could not be written."""
        settings = self._settings
        settings.setValue("window/geometry", geometry)
        settings.setValue("window/state", window_state)
        settings.setValue("panes/splitter", splitter)
        settings.setValue("panes/focused", focused)
        settings.setValue("view/zoom", zoom)
        for key, value in (choices or {}).items():
            settings.setValue(key, value)
        settings.setValue("history/places", history[0])
        settings.setValue("history/position", history[1])
        settings.setValue("sync/leader", leader[0])
        settings.setValue("sync/unit", leader[1])
        settings.remove("panes/list")
        settings.beginWriteArray("panes/list", len(panes))
        for position, pane in enumerate(panes):
            settings.setArrayIndex(position)
            settings.setValue("instrument", pane.instrument)
            settings.setValue("top", pane.top or "")
            settings.setValue("current", pane.current or "")
            settings.setValue("linked", pane.linked)
        settings.endArray()
        settings.sync()
        return settings.status() == QSettings.Status.NoError
