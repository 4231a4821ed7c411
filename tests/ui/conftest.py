"""Fixtures for driving the reading window as a person does, and reading what they see."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from reading_helpers import wait_ready

from desktop.core.corpus import Corpus
from desktop.core.render.html import Wording
from desktop.ui.document_source import DocumentSource
from desktop.ui.main_window import MainWindow
from desktop.ui.window_settings import WindowSettings, open_settings

SIZE = (1366, 768)


@pytest.fixture
def source(corpus: Corpus) -> DocumentSource:
    return DocumentSource(corpus, Wording())


@pytest.fixture
def open_window(qtbot: QtBot, source: DocumentSource,
                _private_data_dir: Path) -> Iterator[Callable[..., MainWindow]]:
    """Start a window on the test's data directory, as `concordia` does, and show it."""
    opened: list[MainWindow] = []

    def start(data_dir: Path | None = None, size: tuple[int, int] = SIZE) -> MainWindow:
        settings = WindowSettings(open_settings(data_dir or _private_data_dir))
        window = MainWindow(source, settings)
        qtbot.addWidget(window)
        if not window.restored_geometry:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        wait_ready(qtbot, window)
        opened.append(window)
        return window

    yield start


