"""Application start-up: the one place that builds the corpus, the settings and the window, and
wires them together."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths
from desktop.core.corpus import Corpus, CorpusError, check_beside

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.core.notes.service import NotesService
    from desktop.ui.main_window import MainWindow

ORGANIZATION = "Concordia"
# How long the window waits for another process's write to the notes before it says so and
# keeps the reader's text to save later (a command-line write waits longer).
WINDOW_BUSY_S = 1.0
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


def resolve_unit(corpus: Corpus, typed: str) -> tuple[str | None, str]:
    """A unit id from what was typed after --open: an id, or a citation ("PoA 41 (g)")."""
    if corpus.unit(typed) is not None:
        return typed, ""
    from desktop.core.citations import CitationIndex

    resolution = CitationIndex(corpus.instruments(), corpus.unit_ids()).resolve(typed)
    if len(resolution.candidates) == 1:
        return resolution.candidates[0], ""
    return None, resolution.message or f"no unit {typed!r} in the corpus"


def run_app(open_unit: str | None, screenshot: Path | None, size: str, data_dir: Path,
            lang: str | None = None) -> int:
    # Start-up makes objects that live as long as the window (modules, classes, widgets);
    # the cyclic garbage collector would walk them over and over before the first paint
    # (some 8 ms). It rests until the window is built, or until this returns.
    collecting = gc.isenabled()
    running = True

    def collect_again() -> None:  # once built; not for a window left from an earlier run
        if collecting and running:
            gc.enable()

    gc.disable()
    try:
        return _run_app(open_unit, screenshot, size, data_dir, lang, collect_again)
    finally:
        running = False
        if collecting:
            gc.enable()


def _run_app(open_unit: str | None, screenshot: Path | None, size: str, data_dir: Path,
             lang: str | None, collect_again: Callable[[], None]) -> int:
    try:
        width, height = parse_size(size)
    except ValueError as error:
        print(f"concordia: {error}", file=sys.stderr)
        return 2
    if screenshot is not None and _headless():
        # A screenshot never needs a screen; with one (a desktop, Xvfb) the real platform runs.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checked = check_beside(paths.corpus_path())  # while Qt is imported (~2 ms, not waited for)
    from desktop.ui.deferred_imports import deferred
    from desktop.ui.pyside_cache import cached_while

    # PySide6's own compiling, done once (~25 ms a start); the modules it imports but does
    # not use yet, loaded once the window is built (~4 ms)
    with deferred(), cached_while():
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

    from desktop.ui.feature_check import quicken

    quicken()  # before the window's modules are imported
    from desktop.core.render.html import Wording
    from desktop.ui.document_source import DocumentSource
    from desktop.ui.hub import AnnotationHub
    from desktop.ui.main_window import MainWindow
    from desktop.ui.window_settings import WindowSettings, open_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    try:
        corpus = Corpus.open(paths.corpus_path(), paths.user_corpus_path(), checked)
    except CorpusError as error:
        if screenshot is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, APPLICATION, str(error))
        print(f"concordia: {error}", file=sys.stderr)
        return 2
    target = None
    if open_unit:
        target, message = resolve_unit(corpus, open_unit)
        if target is None:
            print(f"concordia: {message}", file=sys.stderr)
            if screenshot is not None:
                return 2  # a screenshot of the wrong place is worse than none
    settings = WindowSettings(open_settings(data_dir))
    # The language before any widget is made (menus are built in it), the theme with it.
    from desktop.ui import i18n
    from desktop.ui.preferences import Preferences
    from desktop.ui.reading.palettes import apply_theme

    preferences = Preferences(settings)
    if lang and i18n.wanted(lang, "") != lang.split("_")[0].lower():
        print(f"concordia: no {lang!r} translation; the languages are "
              f"{', '.join(i18n.available())}", file=sys.stderr)
    i18n.install(app, i18n.wanted(lang, preferences.language()))
    apply_theme(preferences.theme())
    translate = QCoreApplication.translate
    wording = Wording(repaired=translate("DocumentPane", "Repaired in this edition"),
                      slip=translate("DocumentPane", "Kept as printed"),
                      notes=translate("DocumentPane", "Notes"))

    opened: list[NotesService] = []

    def notes() -> NotesService:
        from desktop.core.notes.database import store_path
        from desktop.core.notes.service import NotesService

        opened.append(NotesService(store_path(data_dir), corpus, busy_timeout=WINDOW_BUSY_S))
        return opened[-1]

    # The notes are opened when first read (after the first paint), against the same corpus;
    # their modules load then too. They are closed here once the window is done: by then the
    # window (which saves a note being typed as it closes) and its hub are gone.
    try:
        return _show(app, MainWindow(DocumentSource(corpus, wording), settings,
                                     AnnotationHub(notes)),
                     target, screenshot, (width, height), data_dir, collect_again)
    finally:
        for service in opened:
            service.close()


def _show(app: QApplication, window: MainWindow, target: str | None, screenshot: Path | None,
          size: tuple[int, int], data_dir: Path, collect_again: Callable[[], None]) -> int:
    """Show the window where it belongs, then run it (or take its picture)."""
    from desktop.ui.deferred_imports import load_deferred
    from desktop.ui.pyside_cache import AFTER_PAINT

    width, height = size
    window.built.connect(collect_again)
    window.after_building(load_deferred)  # on this thread, before any other reads one
    window.after_building(AFTER_PAINT.save)  # what the later modules compiled, if new
    if screenshot is not None:
        window.resize(width, height)
    elif not window.restored_geometry:
        screen = app.primaryScreen()
        room = screen.availableGeometry().size() if screen else None
        window.resize(min(width, room.width()) if room else width,
                      min(height, room.height()) if room else height)
    if target:
        window.open_unit(target)
    from desktop.ui.docks.first_run import offer_first_run

    offer_first_run(window, target, screenshot is not None)  # the first start: a page beside
    window.show()
    if screenshot is not None:
        return _screenshot(app, window, screenshot)
    window.delete_when_closed = True  # it saves its layout, then goes

    def offer_report() -> None:  # once the window is there to read behind it
        from desktop.ui.crash_offer import offer_crash_report

        offer_crash_report(window, data_dir)

    window.after_building(offer_report)
    return app.exec()


def _screenshot(app: object, window: object, target: Path) -> int:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

    assert isinstance(app, QApplication) and isinstance(window, MainWindow)
    # Show, paint the first screenful, lay out the rest: the picture is of the settled window.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not all(
            pane.is_complete() for pane in window.pane_area.panes()):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    window.finish_building()  # every part the first paint went without
    app.processEvents()
    if not window.grab().save(str(target)):
        print(f"concordia: cannot write the screenshot {target}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return 0
