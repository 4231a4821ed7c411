"""Write resources/layout/first-start.state: the docks as a first start arranges them — the
chapters on the left with the links below, the search a tab behind the chapters, the
getting-started page on the right at its opening width (closed) — saved as Qt saves a window's
layout. A first start restores it, which names no dock area before the window's first paint
(desktop/ui/lazy_qt.py); without it the window arranges the docks itself, as here.

Run it again when the docks change: tests/ui/test_startup.py compares the saved layout with
the arrangement and says so.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_first_start_layout.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.notes.database import store_path
from desktop.core.notes.service import NotesService
from desktop.core.render.html import Wording
from desktop.ui import main_window
from desktop.ui.docks.first_run import open_first_run
from desktop.ui.document_source import DocumentSource
from desktop.ui.hub import AnnotationHub
from desktop.ui.main_window import MainWindow
from desktop.ui.window_settings import WindowSettings, open_settings

SIZE = (1366, 768)  # the window's size at a first start (desktop/ui/app.py)


def arranged_state(data_dir: Path) -> bytes:
    """The dock layout of a first-start window that arranged its docks itself."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    corpus = Corpus.open(paths.corpus_path())
    notes = NotesService(store_path(data_dir), corpus)
    saved, main_window.first_start_state = main_window.first_start_state, lambda: None
    try:  # the window arranges its docks itself, naming their areas
        window = MainWindow(DocumentSource(corpus, Wording("", "", "")),
                            WindowSettings(open_settings(data_dir)), AnnotationHub(notes))
    finally:
        main_window.first_start_state = saved
    assert window.first_start and not window.first_start_layout
    window.resize(*SIZE)
    open_first_run(window, window.first_run)  # opened at its width, as a first start does
    window.show()
    window.finish_building()
    app.processEvents()
    window.first_run.hide()  # closed: the layout keeps its width for when it opens
    app.processEvents()
    state = bytes(window.saveState().data())
    window.close()
    notes.close()
    corpus.close()
    return state


def main() -> int:
    target = paths.first_start_layout()
    with tempfile.TemporaryDirectory() as folder:
        state = arranged_state(Path(folder))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(state)
    print(f"wrote {target.relative_to(paths.bundle_root())} ({len(state)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
