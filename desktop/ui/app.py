"""Application start-up: the one place that builds the corpus and the window and wires them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop import paths
from desktop.core.corpus import Corpus, CorpusError

ORGANIZATION = "Concordia"
APPLICATION = "Concordia"


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x", 1))
    except ValueError:
        raise ValueError(f"--size takes WIDTHxHEIGHT, such as 1366x768, not {text!r}") from None
    if width < 200 or height < 150:
        raise ValueError(f"--size {text} is too small for the window")
    return width, height


def _headless() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_app(open_unit: str | None, screenshot: Path | None, size: str, data_dir: Path) -> int:
    try:
        width, height = parse_size(size)
    except ValueError as error:
        print(f"concordia: {error}", file=sys.stderr)
        return 2
    if screenshot is not None and _headless():
        # A screenshot never needs a screen; with one (a desktop, Xvfb) the real platform runs.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    try:
        corpus = Corpus.open(paths.corpus_path())
    except CorpusError as error:
        if screenshot is None:
            QMessageBox.critical(None, APPLICATION, str(error))
        print(f"concordia: {error}", file=sys.stderr)
        return 2
    window = MainWindow(corpus)
    window.resize(width, height)
    if open_unit:
        unit = corpus.unit(open_unit)
        if unit is None or not window.select_instrument(unit.instrument):
            print(f"concordia: no unit {open_unit!r} in the corpus", file=sys.stderr)
    window.show()
    if screenshot is not None:
        app.processEvents()
        if not window.grab().save(str(screenshot)):
            print(f"concordia: cannot write the screenshot {screenshot}", file=sys.stderr)
            return 1
        print(f"wrote {screenshot}")
        return 0
    return app.exec()
