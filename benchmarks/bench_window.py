"""Benchmark: the reading window's launch time and memory, against a bare PySide6 window.

Each measurement runs in a fresh process, several times; medians are printed with their ratio
to the baseline measured in the same run (these machines are noisy):
- launch: from starting the process until the default two-pane window (UNGASS 2016 beside the
          Plan of Action, chapter tree) has painted both panes with their text; baseline: a bare
          QMainWindow that paints one label. Target: at most 1.5 x the baseline.
- floor:  (no target) the same launch for a main window whose two plain QTextBrowsers show the
          same first screens as static HTML, with no application code: what PySide6 and Qt's
          text layout alone cost, so the window's own share can be told from the stack's.
- memory: resident memory once the four main instruments (ungass2016, res74-178, pd2009,
          poa2009) are open and painted in four panes; baseline: the bare window's. Target:
          below 250 MB.

Runs headless (QT_QPA_PLATFORM=offscreen unless a display is set), with a fresh data directory
per run, so it measures a first start.

    .venv/bin/python benchmarks/bench_window.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

LAUNCH_RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 250.0
FOUR = ("ungass2016", "res74-178", "pd2009", "poa2009")
TWO = ("ungass2016", "poa2009")  # the default panes
FLOOR_UNITS = 30  # more than a first screenful of either instrument


# -- the measured processes ----------------------------------------------------------------------

def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_bare(memory: bool) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    label = QLabel("Concordia", window)
    window.setCentralWidget(label)
    window.resize(1366, 768)

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is label and event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        print(f"painted {time.monotonic()!r}" if not memory else f"rss {_rss_mb()!r}",
              flush=True)
        app.quit()

    watcher = Painted()
    label.installEventFilter(watcher)
    window.show()
    app.exec()


def first_screens(folder: Path) -> list[Path]:
    """The HTML of the default panes' first screenfuls (UNGASS 2016, the Plan of Action),
    rendered by the Qt-free core, for the floor measurement to load as static files."""
    from desktop import paths
    from desktop.core.corpus import Corpus
    from desktop.core.render.html import Apparatus, document_html

    corpus = Corpus.open(paths.corpus_path())
    files = []
    for instrument_id in TWO:
        instrument = next(i for i in corpus.instruments() if i.id == instrument_id)
        units = corpus.units(instrument_id)[:FLOOR_UNITS]
        path = folder / f"{instrument_id}.html"
        path.write_text(document_html(instrument, units, Apparatus()), encoding="utf-8")
        files.append(path)
    corpus.close()
    return files


def child_floor(files: list[str]) -> None:
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
        browser.setHtml(Path(name).read_text(encoding="utf-8"))
    window.resize(1366, 768)
    viewports = [browser.viewport() for browser in browsers]
    painted: set[int] = set()

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched in viewports:
                painted.add(viewports.index(watched))
                if len(painted) == len(viewports):
                    done = time.monotonic()
                    QTimer.singleShot(0, lambda: finish(done))
            return False

    def finish(done: float) -> None:
        print(f"painted {done!r}", flush=True)
        app.quit()

    watcher = Painted()
    for viewport in viewports:
        viewport.installEventFilter(watcher)
    window.show()
    app.exec()


def child_window(memory: bool) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    # The window's modules are imported here, but not run: their import is part of the launch
    # (it is timed from the process start). Painting is watched by wrapping the document view's
    # own paintEvent: an application-wide event filter would hand every event of every object
    # to Python, which costs the many-widget window far more than the bare one.
    from desktop.ui.reading.document_view import DocumentView

    painted: set[int] = set()
    wanted = len(FOUR) if memory else 2
    paint = DocumentView.paintEvent

    def window() -> object | None:
        return next((w for w in app.topLevelWidgets() if hasattr(w, "pane_area")), None)

    def views() -> list[object]:
        found = window()
        return [pane.view for pane in found.pane_area.panes()] if found else []  # type: ignore[attr-defined]

    def watched_paint(view: DocumentView, event: object) -> None:
        paint(view, event)  # type: ignore[arg-type]
        if view.unit_ids() and view.visible_units() and id(view) not in painted:
            painted.add(id(view))
            if len(painted) == wanted and len(views()) == wanted:
                # The moment the last pane's text is on screen; what the panes do next
                # (laying out the rest of the text, off screen) is not part of the launch.
                done = time.monotonic()
                QTimer.singleShot(0, lambda: finish(done))

    DocumentView.paintEvent = watched_paint  # type: ignore[method-assign]

    def finish(done: float) -> None:
        print(f"painted {done!r}" if not memory else f"rss {_rss_mb()!r}", flush=True)
        app.quit()

    def open_four() -> None:
        found = window()
        assert found is not None
        while len(found.pane_area.panes()) < len(FOUR):  # type: ignore[attr-defined]
            found.add_pane()  # type: ignore[attr-defined]
        for pane, instrument in zip(found.pane_area.panes(), FOUR, strict=True):  # type: ignore[attr-defined]
            pane.set_instrument(instrument)
        painted.clear()
        for view in views():
            view.viewport().update()  # type: ignore[attr-defined]

    if memory:
        QTimer.singleShot(0, open_four)
    import desktop.ui.app
    from desktop.cli import main

    run_app = desktop.ui.app.run_app

    def timed_run_app(*args: object, **kwargs: object) -> int:
        print(f"window-code {time.monotonic()!r}", flush=True)  # argument parsing is done
        return run_app(*args, **kwargs)  # type: ignore[arg-type]

    desktop.ui.app.run_app = timed_run_app  # type: ignore[assignment]

    main(["--data-dir", os.environ["BENCH_DATA_DIR"]])


# -- the runner ----------------------------------------------------------------------------------

def _run(kind: str, memory: bool, bytecode: str, files: Sequence[Path] = ()) -> tuple[float, float]:
    """The measurement, and (launch only) how long the command line took before the window
    code started."""
    with tempfile.TemporaryDirectory() as data:
        # Compiled bytecode is cached as for an installed program (outside the checkout), even
        # where the environment turns the cache off; a warm-up run fills it.
        env = dict(os.environ, BENCH_DATA_DIR=data, PYTHONPYCACHEPREFIX=bytecode)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        command = [sys.executable, __file__, "--child", kind] + (["--memory"] if memory else [])
        command += [str(path) for path in files]
        started = time.monotonic()
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False,
                                timeout=120)
    line = next((line for line in result.stdout.splitlines()
                 if line.startswith(("painted ", "rss "))), None)
    if result.returncode != 0 or line is None:
        sys.exit(f"{kind} run failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    value = float(line.split()[1])
    if line.startswith("rss "):
        return value, 0.0
    cli = next((float(line.split()[1]) for line in result.stdout.splitlines()
                if line.startswith("window-code ")), started)
    return value - started, cli - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("bare", "floor", "window"), help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare(args.memory)
        return 0
    if args.child == "floor":
        child_floor(args.files)
        return 0
    if args.child == "window":
        child_window(args.memory)
        return 0

    launch: dict[str, list[float]] = {"bare": [], "floor": [], "window": []}
    memory: dict[str, list[float]] = {"bare": [], "window": []}
    before_window: list[float] = []
    with tempfile.TemporaryDirectory() as bytecode, tempfile.TemporaryDirectory() as pages:
        files = first_screens(Path(pages))
        for kind in ("bare", "window"):
            _run(kind, memory=True, bytecode=bytecode)  # warm-up: bytecode and disk caches
        _run("floor", memory=False, bytecode=bytecode, files=files)
        for _ in range(args.runs):  # interleaved, so drift in the machine's load hits all
            for kind in ("bare", "floor", "window"):
                took, cli = _run(kind, memory=False, bytecode=bytecode,
                                 files=files if kind == "floor" else ())
                launch[kind].append(took)
                if kind == "window":
                    before_window.append(cli)
                if kind != "floor":
                    memory[kind].append(_run(kind, memory=True, bytecode=bytecode)[0])
    bare_t, floor_t, window_t = (statistics.median(launch[k])
                                 for k in ("bare", "floor", "window"))
    bare_m, window_m = (statistics.median(memory[k]) for k in ("bare", "window"))
    ratio = window_t / bare_t
    print(f"{args.runs} runs each, medians")
    print(f"launch  window {window_t * 1000:7.0f} ms   bare window {bare_t * 1000:7.0f} ms   "
          f"ratio {ratio:5.2f}x   target <= {LAUNCH_RATIO_TARGET}x: "
          f"{'ok' if ratio <= LAUNCH_RATIO_TARGET else 'OVER TARGET'}")
    before = statistics.median(before_window)
    print(f"        of which: process start to the window code (interpreter, PySide6, "
          f"QApplication, `import desktop`, argument parsing) {before * 1000:.0f} ms; "
          f"window code to painted {(window_t - before) * 1000:.0f} ms")
    print(f"floor   two QTextBrowsers showing the same first screens as static HTML, no "
          f"application code: {floor_t * 1000:.0f} ms, ratio {floor_t / bare_t:5.2f}x to the "
          f"bare window; the window is {window_t / floor_t:5.2f}x the floor")
    print(f"memory  four panes {window_m:6.1f} MB   bare window {bare_m:6.1f} MB   "
          f"ratio {window_m / bare_m:5.2f}x   target < {MEMORY_TARGET_MB:.0f} MB: "
          f"{'ok' if window_m < MEMORY_TARGET_MB else 'OVER TARGET'}")
    return 0 if ratio <= LAUNCH_RATIO_TARGET and window_m < MEMORY_TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
