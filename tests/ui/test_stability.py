"""Long sessions: scrolling must not wear down the interpreter.

PySide6 6.12.0 on Python 3.11 drops a reference to None on most Qt calls; after a couple of
thousand repaints the interpreter aborts ("Fatal Python error: none_dealloc"), taking the
delegate's window with it. 6.11.2 does not; pyproject.toml pins it, and this test fails if a
version with that fault comes back.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow


def test_scrolling_keeps_none_alive(qtbot: QtBot,
                                    open_window: Callable[..., MainWindow]) -> None:
    """Guards against the None reference leak: 600 scroll-and-repaint cycles leave None's
    reference count where it was (a leaking build loses hundreds)."""
    window = open_window()
    right = window.pane_area.panes()[-1]
    bar = right.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    before = sys.getrefcount(None)
    for step in range(600):
        bar.setValue((step * 37) % bar.maximum())
        right.view.viewport().repaint()
    assert before - sys.getrefcount(None) < 50
