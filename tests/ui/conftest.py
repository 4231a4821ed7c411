"""Fixtures for driving the reading window as a person does, and reading what they see."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from reading_helpers import wait_ready
from shiboken6 import isValid

from desktop.core.corpus import Corpus
from desktop.core.notes.database import store_path
from desktop.core.notes.service import NotesService
from desktop.core.render.html import Wording
from desktop.ui.document_source import DocumentSource
from desktop.ui.hub import AnnotationHub
from desktop.ui.main_window import MainWindow
from desktop.ui.window_settings import WindowSettings, open_settings

SIZE = (1366, 768)


@pytest.fixture
def source(corpus: Corpus) -> DocumentSource:
    return DocumentSource(corpus, Wording())


@pytest.fixture
def open_window(qtbot: QtBot, source: DocumentSource, corpus: Corpus,
                _private_data_dir: Path) -> Iterator[Callable[..., MainWindow]]:
    """Start a window on the test's data directory, as `concordia` does, and show it."""
    opened: list[MainWindow] = []
    services: list[NotesService] = []

    def start(data_dir: Path | None = None, size: tuple[int, int] = SIZE,
              settle: bool = True) -> MainWindow:
        """`settle=False`: shown, and handed back before the event loop turns once (not
        painted, nothing made after the first paint yet)."""
        folder = data_dir or _private_data_dir
        settings = WindowSettings(open_settings(folder))
        service = NotesService(store_path(folder), corpus)
        services.append(service)
        window = MainWindow(source, settings, AnnotationHub(service))
        qtbot.addWidget(window)
        if not window.restored_geometry:
            window.resize(*size)
        window.show()
        opened.append(window)
        if settle:
            qtbot.waitExposed(window)
            wait_ready(qtbot, window)
        return window

    yield start
    for window in opened:
        if isValid(window) and isValid(window.hub):
            window.hub.stop_watching()
    for service in services:
        service.close()


