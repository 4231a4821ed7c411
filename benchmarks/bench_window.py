"""Benchmark: the reading window's launch, as seen on screen, and its memory, against a bare
PySide6 window measured in the same batch.

The launches run under a private Xvfb (started here on a free display; `--display :N` uses
another X server). A watcher outside the application — its own X connection, woken by the
server's DAMAGE events — reads the pixels of the text regions each time something is drawn.
A launch is timed from just before the process is started until those regions first show
what they show once the window has settled (1 s without a change), and keep showing it.
Each launch also reports the application's own paint time (its paint events, in the same
process) where it can be watched from inside, so the two can be compared.

- bare:   a QMainWindow painting one label (the label is the region): the baseline.
- floor:  (no target) two plain QTextBrowsers showing the same first screens as static HTML,
          no application code: what PySide6 and Qt's text layout alone cost.
- window: Concordia from source, `desktop.cli.main`, as a reader starts it again: with a copy
          of a data directory left by one session closed as a reader closes the window (the
          layout saved). Both panes of the default layout (UNGASS 2016 beside the Plan of
          Action) are the regions. Target: at most 1.5 x the bare window.
- first:  the same, on a first start (an empty data directory: the getting-started page
          opens beside the panes, which are narrower). Same target.
- bundle: the frozen application, dist/Concordia/Concordia (build it: python3 dev.py bundle),
          started again like `window`, the same regions. Target: at most 1.5 x the bare
          window. Skipped, saying so, when it is not built.
- wheel:  for the floor, the window and the bundle, a second launch sends one notch of the
          mouse wheel over the first pane the moment its text is on screen (matching the
          previous launch's settled picture), and times until the pane's pixels change:
          whether the window is interactive when its text appears. Target: one frame (17 ms).
- memory: resident memory once the four main instruments (ungass2016, res74-178, pd2009,
          poa2009) are open in four panes (the window's two first, then two more added),
          from source, with everything the window makes after its first paint built and
          every pane's whole text laid out; baseline: the bare window's. Target: below 120 MB.

Launches are interleaved (bare, floor, first, window, bundle, then again), so drift in the
machine's load hits all alike; medians and p95 are printed with the ratio to the bare window's
median.

    .venv/bin/python benchmarks/bench_window.py [--runs N] [--quick] [--json PATH]
        [--only floor|first|window|bundle …] [--bundle PATH] [--no-bundle] [--display :N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.machinery import ModuleSpec, PathFinder, SourceFileLoader
from pathlib import Path
from statistics import median
from types import ModuleType
from typing import Any

LAUNCH_RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 120.0
FRAME_MS = 17.0
SETTLE_S = 1.0
LIMIT_S = 60.0
FOUR = ("ungass2016", "res74-178", "pd2009", "poa2009")
TWO = ("ungass2016", "poa2009")  # the default panes
FLOOR_UNITS = 30  # more than a first screenful of either instrument
ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "Concordia" / ("Concordia.exe" if os.name == "nt" else "Concordia")


# -- the measured processes ----------------------------------------------------------------------
# Each prints "painted <time.monotonic()>" when its text regions have painted (its own view),
# and "rects x,y,w,h;…" (the regions on the screen); with --stay it then stays open until it is
# ended, so that the watcher sees the window settle.

def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
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
        browser.setHtml(Path(name).read_text(encoding="utf-8"))
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

    def painted_all() -> None:
        shown = [v.viewport() for v in views()]
        if not reported:
            # The moment the last pane's text is on screen; what the panes do next
            # (laying out the rest of the text, off screen) is not part of the launch.
            reported.append(time.monotonic())
            if prepare:  # closed as a reader closes it: the layout is saved
                later(0, window().close)
            elif memory:
                wanted[0] = len(FOUR)
                later(0, open_four)
            else:
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
    import desktop.ui.app
    from desktop.cli import main

    run_app = desktop.ui.app.run_app

    def timed_run_app(*args: object, **kwargs: object) -> int:
        print(f"window-code {time.monotonic()!r}", flush=True)  # argument parsing is done
        return run_app(*args, **kwargs)  # type: ignore[arg-type]

    desktop.ui.app.run_app = timed_run_app  # type: ignore[assignment]
    main(["--data-dir", os.environ["BENCH_DATA_DIR"]])


# -- the runner ----------------------------------------------------------------------------------

@dataclass
class Launch:
    on_screen: float | None  # seconds from the process start to the text seen on screen
    in_app: float | None  # seconds from the process start to the application's own paint
    rects: list[tuple[int, int, int, int]]
    settled: object | None  # the settled screen.Frame
    response: float | None = None  # the wheel notch to the pane's pixels changing
    window_code: float | None = None  # seconds from the process start to run_app()


@dataclass
class Batch:
    launch: dict[str, list[float]] = field(default_factory=dict)
    in_app: dict[str, list[float]] = field(default_factory=dict)
    window_code: dict[str, list[float]] = field(default_factory=dict)
    wheel: dict[str, list[float]] = field(default_factory=dict)
    memory: dict[str, list[float]] = field(default_factory=dict)
    unanswered: dict[str, int] = field(default_factory=dict)  # wheel launches without a figure

    def add(self, table: dict[str, list[float]], kind: str, value: float | None) -> None:
        if value is not None:
            table.setdefault(kind, []).append(value)


class Harness:
    """Starts the measured processes on the watched display and watches them."""

    def __init__(self, display: str, bytecode: str, files: Sequence[Path],
                 bundle: Path) -> None:
        import screen

        self.screen = screen
        self.display = display
        self.watcher = screen.Watcher(display)
        self.bytecode = bytecode
        self.files = files
        self.bundle = bundle
        self._saved = tempfile.TemporaryDirectory()
        self.saved = Path(self._saved.name)
        self.rects: dict[str, list[tuple[int, int, int, int]]] = {}
        self.settled: dict[str, object] = {}

    def close(self) -> None:
        self.watcher.close()
        self._saved.cleanup()

    def prepare(self) -> None:
        """A data directory as a reader's second start finds it: one session, closed as a
        reader closes the window (the layout saved, the getting-started page seen)."""
        result = subprocess.run([*self.command("first", False, False), "--prepare"],
                                env=self.environment(str(self.saved)), capture_output=True,
                                text=True, check=False, timeout=120)
        if result.returncode != 0 or not any(self.saved.iterdir()):
            sys.exit(f"preparing a used data directory failed ({result.returncode}):\n"
                     f"{result.stderr}")

    @contextmanager
    def data_dir(self, kind: str) -> Iterator[str]:
        """A fresh data directory for one launch: empty for a first start, else a copy of
        the prepared one."""
        with tempfile.TemporaryDirectory() as data:
            if kind in ("window", "bundle"):
                shutil.copytree(self.saved, data, dirs_exist_ok=True)
            yield data

    def command(self, kind: str, memory: bool, stay: bool) -> list[str]:
        if kind == "bundle":
            return [str(self.bundle)]
        command = [sys.executable, __file__, "--child", kind]
        command += (["--memory"] if memory else []) + (["--stay"] if stay else [])
        return command + ([str(path) for path in self.files] if kind == "floor" else [])

    def environment(self, data: str) -> dict[str, str]:
        # Compiled bytecode is cached as for an installed program (outside the checkout), even
        # where the environment turns the cache off; a warm-up run fills it.
        env = dict(os.environ, BENCH_DATA_DIR=data, PYTHONPYCACHEPREFIX=self.bytecode,
                   DISPLAY=self.display)
        for name in ("PYTHONDONTWRITEBYTECODE", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
            env.pop(name, None)
        return env

    def memory(self, kind: str) -> float:
        with self.data_dir(kind) as data:
            result = subprocess.run(self.command(kind, True, False), env=self.environment(data),
                                    capture_output=True, text=True, check=False, timeout=120)
        line = next((line for line in result.stdout.splitlines() if line.startswith("rss ")),
                    None)
        if result.returncode != 0 or line is None:
            sys.exit(f"{kind} memory run failed ({result.returncode}):\n{result.stdout}\n"
                     f"{result.stderr}")
        return float(line.split()[1])

    def calibrate(self, kind: str) -> None:
        """The text regions of `kind` (a launch that reports them); the bundle's are the
        source window's (the same window, the same default geometry)."""
        if kind == "bundle":
            self.rects[kind] = self.rects["window"]
            return
        with self.data_dir(kind) as data:
            process = subprocess.Popen(self.command(kind, False, True), env=self.environment(data),
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith("rects "):
                    self.rects[kind] = parse_rects(line)
                    break
            stop(process)
        if kind not in self.rects:
            sys.exit(f"{kind}: the calibration launch reported no text regions:\n"
                     f"{process.stderr.read() if process.stderr else ''}")

    def launch(self, kind: str, wheel: bool) -> Launch:
        """One launch, watched until it settles; with `wheel`, a wheel notch is sent over the
        first region as soon as the regions match the last settled picture of `kind`."""
        screen = self.screen
        rects = self.rects[kind]
        reference = self.settled.get(kind) if wheel else None
        tables = [screen.ink_table(p) for p in reference.regions] if reference else []  # type: ignore[attr-defined]
        x, y, width, height = rects[0]
        self.watcher.point_at(x + width // 2, y + height // 2)
        sent: list[tuple[float, object]] = []
        answered: list[float] = []

        def on_frame(frame: object) -> None:
            if reference is None or answered:
                return
            if not sent:
                if screen.matches(frame, reference, tables):
                    self.watcher.wheel_down()
                    sent.append((time.monotonic(), frame))
            elif screen.differing_ink(frame.regions[0], sent[0][1].regions[0], tables[0]) \
                    > screen.MATCH_SHARE * screen.ink(sent[0][1].regions[0], tables[0]):  # type: ignore[attr-defined]
                answered.append(frame.at - sent[0][0])  # type: ignore[attr-defined]

        with self.data_dir(kind) as data:
            env = self.environment(data)
            command = self.command(kind, False, True) + (
                ["--data-dir", data] if kind == "bundle" else [])
            started = time.monotonic()
            process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)
            frames = screen.watch(self.watcher, rects, SETTLE_S, LIMIT_S, on_frame)
            if process.poll() is not None:
                sys.exit(f"{kind} ended early ({process.returncode}):\n"
                         f"{process.communicate()[1]}")
            out, err = stop(process)
        seen = screen.text_on_screen(frames)
        if seen is None:
            sys.exit(f"{kind}: no text seen on screen in {LIMIT_S:.0f} s\n{err}")
        painted = next((float(line.split()[1]) for line in out.splitlines()
                        if line.startswith("painted ")), None)
        window_code = next((float(line.split()[1]) for line in out.splitlines()
                            if line.startswith("window-code ")), None)
        reported = next((parse_rects(line) for line in out.splitlines()
                         if line.startswith("rects ")), None)
        if reported is not None and reported != rects:
            sys.exit(f"{kind}: the text regions moved between launches: {rects} then "
                     f"{reported}")
        if not wheel:
            self.settled[kind] = frames[-1]
        return Launch(seen - started, painted - started if painted else None, rects,
                      frames[-1], answered[0] if answered else None,
                      window_code - started if window_code else None)


def parse_rects(line: str) -> list[tuple[int, int, int, int]]:
    return [tuple(int(n) for n in part.split(","))  # type: ignore[misc]
            for part in line.split(None, 1)[1].strip().split(";")]


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    process.send_signal(signal.SIGTERM)
    try:
        return process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()


def measure(display: str, runs: int, kinds: Sequence[str], bundle: Path,
            memory: bool) -> Batch:
    batch = Batch()
    with tempfile.TemporaryDirectory() as bytecode, tempfile.TemporaryDirectory() as pages:
        harness = Harness(display, bytecode, first_screens(Path(pages)), bundle)
        try:
            harness.prepare()
            if "bundle" in kinds and "window" not in kinds:
                harness.calibrate("window")  # the bundle's regions are the window's
            for kind in kinds:  # warm-up: bytecode and disk caches, the text regions
                harness.calibrate(kind)
                harness.launch(kind, wheel=False)
            for kind in ("bare", "window") if memory else ():
                harness.memory(kind)
            for _ in range(runs):  # interleaved, so drift in the machine's load hits all
                for kind in kinds:
                    result = harness.launch(kind, wheel=False)
                    batch.add(batch.launch, kind, result.on_screen)
                    batch.add(batch.in_app, kind, result.in_app)
                    batch.add(batch.window_code, kind, result.window_code)
                    if kind not in ("bare", "first"):
                        response = harness.launch(kind, wheel=True).response
                        batch.add(batch.wheel, kind, response)
                        if response is None:
                            batch.unanswered[kind] = batch.unanswered.get(kind, 0) + 1
                for kind in ("bare", "window") if memory else ():
                    batch.add(batch.memory, kind, harness.memory(kind))
        finally:
            harness.close()
    return batch


def report(batch: Batch, runs: int, notes: dict[str, str]) -> bool:
    from timing import record

    names = {"bare": "bare window", "floor": "floor (2 QTextBrowsers)",
             "first": "window, source, first start", "window": "window, from source",
             "bundle": "window, frozen bundle"}
    base = batch.launch["bare"]
    in_app_base = batch.in_app.get("bare")
    ok = True
    print(f"{runs} launch(es) of each under Xvfb, interleaved; ratio: to the bare window's "
          f"median in the same batch")
    print(f"{'launch to text on screen':<28} {'median':>8} {'p95':>8} {'ratio':>7}   "
          f"{'in-app paint timer':>18}   target")
    for kind in ("bare", "floor", "first", "window", "bundle"):
        if kind not in batch.launch:
            print(f"{names[kind]:<28} {notes[kind]}")
            continue
        target = "" if kind in ("bare", "floor") else f"<= {LAUNCH_RATIO_TARGET}x bare"
        ratio = median(batch.launch[kind]) / median(base)
        met = ratio <= LAUNCH_RATIO_TARGET if target else None
        ok = ok and met is not False
        figure = record(f"launch, on screen: {names[kind]}", batch.launch[kind],
                        baseline=base, target=target, met=met)
        if kind in batch.in_app and in_app_base:
            inside = record(f"launch, in-app paint timer: {names[kind]}", batch.in_app[kind],
                            baseline=in_app_base)
            shown = f"{inside.median:6.0f} ms {inside.ratio:5.2f}x"
        else:
            shown = "(cannot be watched)"
        verdict = "" if met is None else (": ok" if met else ": OVER TARGET")
        print(f"{names[kind]:<28} {figure.median:5.0f} ms {figure.p95:5.0f} ms "
              f"{ratio:6.2f}x   {shown:>18}   {target}{verdict}")
    for kind in ("first", "window"):
        if kind in batch.window_code and kind in batch.in_app:
            before = record(f"process start to the window code: {names[kind]}",
                            batch.window_code[kind], baseline=base)
            print(f"  of which, {names[kind]}: process start to the window code (interpreter, "
                  f"`import desktop`, the corpus module, arguments) {before.median:.0f} ms; "
                  f"window code to painted {median(batch.in_app[kind]) * 1000 - before.median:.0f}"
                  f" ms")
    for kind in ("floor", "window", "bundle"):
        if batch.unanswered.get(kind):
            print(f"wheel: {names[kind]}: in {batch.unanswered[kind]} launch(es) the notch was "
                  f"not sent (the text never matched the settled picture) or not answered")
        if kind in batch.wheel:
            met = median(batch.wheel[kind]) * 1000 <= FRAME_MS
            figure = record(f"wheel notch at first text: {names[kind]}", batch.wheel[kind],
                            target=f"<= {FRAME_MS:.0f} ms (a frame)", met=met)
            print(f"wheel notch sent as the text appears, to the pane moving: {names[kind]} "
                  f"median {figure.median:.1f} ms, p95 {figure.p95:.1f} ms")
    if "window" not in batch.memory:
        return ok
    memory = batch.memory["window"]
    met = median(memory) < MEMORY_TARGET_MB
    ok = ok and met
    figure = record("memory, four panes open (source)", memory, unit="MB", scale=1.0,
                    baseline=batch.memory["bare"], target=f"< {MEMORY_TARGET_MB:.0f} MB",
                    met=met)
    print(f"memory, four panes open {figure.median:6.1f} MB   bare window "
          f"{figure.baseline:6.1f} MB   ratio {figure.ratio:5.2f}x   target < "
          f"{MEMORY_TARGET_MB:.0f} MB: {'ok' if met else 'OVER TARGET'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--child", choices=("bare", "floor", "window", "first"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--stay", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--display", help="an X server to use (default: a private Xvfb)")
    parser.add_argument("--no-bundle", action="store_true", help="leave the bundle out")
    parser.add_argument("--bundle", type=Path, default=BUNDLE,
                        help="the frozen application to measure (default: dist/Concordia)")
    parser.add_argument("--only", nargs="+", choices=("floor", "first", "window", "bundle"),
                        help="measure only these beside the bare window (and no memory)")
    if "--child" not in sys.argv:
        from timing import add_arguments

        add_arguments(parser, runs=7, quick=1, runs_help="launches of each")
    args = parser.parse_args()
    if args.child == "bare":
        child_bare(args.memory, args.stay)
        return 0
    if args.child == "floor":
        child_floor(args.files, args.stay)
        return 0
    if args.child in ("window", "first"):
        child_window(args.memory, args.stay, args.prepare)
        return 0

    import screen
    from timing import write_json

    kinds = ["bare", "floor", "first", "window"]
    notes = dict.fromkeys(("floor", "first", "window", "bundle"), "(left out: --only)")
    if args.no_bundle:
        notes["bundle"] = "(left out: --no-bundle)"
    elif args.bundle.exists():
        kinds.append("bundle")
    else:
        notes["bundle"] = f"(not built: no {args.bundle}; python3 dev.py bundle builds it)"
    if args.only:
        kinds = ["bare", *(kind for kind in kinds if kind in args.only)]
    harness_options = {"bundle": args.bundle.resolve(), "memory": not args.only}
    if args.display:
        batch = measure(args.display, args.runs, kinds, **harness_options)
    elif not screen.xvfb_available():
        sys.exit("bench_window needs Xvfb (Debian: apt-get install xvfb) or --display :N")
    else:
        with screen.xvfb() as display:
            batch = measure(display, args.runs, kinds, **harness_options)
    ok = report(batch, args.runs, notes)
    write_json(args.json, "bench_window")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
