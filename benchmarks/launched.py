"""The processes bench_window.py launches and watches: the bare window, the floor, and
Concordia's window as `concordia` starts it.

Kept apart from the runner, and importing nothing at its top but `os`, `sys` and `time`, so
that what a launch pays before its first paint is the measured program's own: the bare
window's baseline does not carry the runner's imports (argparse, subprocess, dataclasses …),
which the application would otherwise be credited with. The runner starts it as

    python -c "import sys; sys.path.insert(0, <benchmarks>); import launched; launched.main()" \
        bare|floor|window|first [--memory] [--stay] [--prepare] [FILE …]

(imported, not run as a script, so its bytecode is cached as the application's is).
"""

from __future__ import annotations

import os
import sys
import time

TYPE_CHECKING = False  # typing is not imported: the bare window would pay for it
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType
    from typing import Any

FOUR = ("ungass2016", "res74-178", "pd2009", "poa2009")  # the panes measured for memory

# -- the measured processes ----------------------------------------------------------------------
# Each prints "painted <time.monotonic()>" when its text regions have painted (its own view),
# and "rects x,y,w,h;…" (the regions on the screen); with --stay it then stays open until it is
# ended, so that the watcher sees the window settle. Concordia's window, staying, also prints
# "pieces <longest, seconds> <count>" once built: its work after the first paint, by turns.

def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        lines = status.read().splitlines()
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rects(widgets: Sequence[object]) -> str:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    parts = []
    for widget in widgets:
        assert isinstance(widget, QWidget)
        corner = widget.mapToGlobal(QPoint(0, 0))
        parts.append(f"{corner.x()},{corner.y()},{widget.width()},{widget.height()}")
    return "rects " + ";".join(parts)


def _report(app: object, done: float, widgets: Sequence[object], memory: bool,
            stay: bool) -> None:
    print(f"rss {_rss_mb()!r}" if memory else f"painted {done!r}\n{_rects(widgets)}",
          flush=True)
    if not stay:
        app.quit()  # type: ignore[attr-defined]


def child_bare(memory: bool, stay: bool) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    label = QLabel("Concordia", window)
    window.setCentralWidget(label)
    window.resize(1366, 768)
    reported = []

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is label and event.type() == QEvent.Type.Paint and not reported:
                reported.append(time.monotonic())
                QTimer.singleShot(0, lambda: _report(app, reported[0], [label], memory, stay))
            return False

    watcher = Painted()
    label.installEventFilter(watcher)
    window.show()
    app.exec()


def child_floor(files: list[str], stay: bool) -> None:
    """The stack's floor: a main window whose two QTextBrowsers show the same first screens
    as static HTML — PySide6 and Qt's text layout with no application code."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    splitter = QSplitter(window)
    window.setCentralWidget(splitter)
    browsers = [QTextBrowser(splitter) for _ in files]
    for browser, name in zip(browsers, files, strict=True):
        with open(name, encoding="utf-8") as html:
            browser.setHtml(html.read())
    window.resize(1366, 768)
    viewports = [browser.viewport() for browser in browsers]
    painted: set[int] = set()

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched in viewports and \
                    len(painted) < len(viewports):
                painted.add(viewports.index(watched))
                if len(painted) == len(viewports):
                    done = time.monotonic()
                    QTimer.singleShot(0, lambda: _report(app, done, viewports, False, stay))
            return False

    watcher = Painted()
    for viewport in viewports:
        viewport.installEventFilter(watcher)
    window.show()
    app.exec()


class _AfterImport:
    """A meta path finder that finds one module as the normal finders do and hands it to
    `then` once it has run: a hook placed without importing the module early."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self.name, self.then = name, then

    def find_spec(self, name: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name != self.name:
            return None
        from importlib.machinery import PathFinder, SourceFileLoader

        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        if spec is not None and isinstance(spec.loader, SourceFileLoader):
            run, then = spec.loader.exec_module, self.then

            def exec_module(module: ModuleType) -> None:
                run(module)
                then(module)

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def child_window(memory: bool, stay: bool, prepare: bool = False) -> None:
    """Concordia as `concordia` starts it: nothing of PySide6 or of the window is imported or
    made here before the application's own code (its order, its pauses). Painting is watched
    by wrapping the document view's own paintEvent as its module is loaded: an application-
    wide event filter would hand every event of every object to Python, which costs the
    many-widget window far more than the bare one. For memory, the window's two panes come
    first, then four."""
    painted: set[int] = set()
    wanted = [2]
    reported: list[float] = []
    pieces: list[float] = []  # each piece of the work after the first paint, in seconds

    def app() -> Any:
        from PySide6.QtWidgets import QApplication

        return QApplication.instance()

    def later(delay: int, then: Callable[[], object]) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(delay, then)

    def window() -> Any:
        return next((w for w in app().topLevelWidgets() if hasattr(w, "pane_area")), None)

    def views() -> list[Any]:
        found = window()
        return [pane.view for pane in found.pane_area.panes()] if found else []

    def watch(module: ModuleType) -> None:
        paint = module.DocumentView.paintEvent

        def watched_paint(view: Any, event: object) -> None:
            paint(view, event)
            if view.unit_ids() and view.visible_units() and id(view) not in painted:
                painted.add(id(view))
                if len(painted) == wanted[0] and len(views()) == wanted[0]:
                    painted_all()

        module.DocumentView.paintEvent = watched_paint

    def watch_turns(module: ModuleType) -> None:
        """Time each turn of the work after the first paint (desktop.ui.startup: one piece,
        and the painting of what input asked for before it): what a key or a scroll can
        wait for, once the window is built."""
        run = module._Turns._run

        def timed_run(turns: object) -> None:
            began = time.monotonic()
            run(turns)
            if reported:
                pieces.append(time.monotonic() - began)

        module._Turns._run = timed_run

    def built() -> None:
        print(f"pieces {max(pieces, default=0.0)!r} {len(pieces)}", flush=True)

    def painted_all() -> None:
        shown = [v.viewport() for v in views()]
        if not reported:
            # The moment the last pane's text is on screen; what the panes do next
            # (laying out the rest of the text, off screen) is not part of the launch.
            reported.append(time.monotonic())
            if prepare:  # closed as a reader closes it, once built: the layout is saved,
                found = window()  # the notes' store made (a second start finds it there)
                found.built.connect(lambda: later(0, found.close))
            elif memory:
                wanted[0] = len(FOUR)
                later(0, open_four)
            else:
                found = window()
                if stay and found is not None and not found.is_built():
                    found.built.connect(built)
                later(0, lambda: _report(app(), reported[0], shown, memory, stay))
        elif memory:  # everything built and laid out: what a reader's window holds
            later(0, lambda: settled(shown))

    def settled(shown: list[object]) -> None:
        """Memory is read once the window has made what it makes after its first paint
        (the notes, the marks, the panels) and every pane has laid out its whole text."""
        found = window()
        finish = getattr(found, "finish_building", None)
        if finish is not None:
            finish()
        panes = found.pane_area.panes() if found else []
        if all(pane.is_complete() for pane in panes):
            _report(app(), reported[0], shown, memory, stay)
        else:
            later(20, lambda: settled(shown))

    def open_four() -> None:
        found = window()
        assert found is not None
        while len(found.pane_area.panes()) < len(FOUR):
            found.add_pane()
        for pane, instrument in zip(found.pane_area.panes(), FOUR, strict=True):
            pane.set_instrument(instrument)
        painted.clear()
        for view in views():
            view.viewport().update()

    sys.meta_path.insert(0, _AfterImport("desktop.ui.reading.document_view", watch))
    sys.meta_path.insert(0, _AfterImport("desktop.ui.startup", watch_turns))
    import desktop.ui.app
    from desktop.cli import main

    run_app = desktop.ui.app.run_app

    def timed_run_app(*args: object, **kwargs: object) -> int:
        print(f"window-code {time.monotonic()!r}", flush=True)  # argument parsing is done
        return run_app(*args, **kwargs)  # type: ignore[arg-type]

    desktop.ui.app.run_app = timed_run_app  # type: ignore[assignment]
    main(["--data-dir", os.environ["BENCH_DATA_DIR"]])


def main() -> None:
    """Run the process named by the first argument (see the module's docstring)."""
    kind, *rest = sys.argv[1:]
    flags = {word for word in rest if word.startswith("--")}
    files = [word for word in rest if not word.startswith("--")]
    memory, stay = "--memory" in flags, "--stay" in flags
    if kind == "bare":
        child_bare(memory, stay)
    elif kind == "floor":
        child_floor(files, stay)
    elif kind in ("window", "first"):
        child_window(memory, stay, "--prepare" in flags)
    else:
        sys.exit(f"launched: no such process: {kind}")
