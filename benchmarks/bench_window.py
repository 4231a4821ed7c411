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
- longest turn: (no target) for the window from source (again and first start), the longest
          turn of the work it does after its first paint until it is built (one piece, and
          the painting of what input asked for before it): the most a key or a scroll waits
          then, beyond its own handling.
- memory: resident memory once the four main instruments (ungass2016, res74-178, pd2009,
          poa2009) are open in four panes (the window's two first, then two more added),
          from source, with everything the window makes after its first paint built and
          every pane's whole text laid out; baseline: the bare window's. Target: below 120 MB.

Launches are interleaved (bare, floor, first, window, bundle, then again), so drift in the
machine's load hits all alike; medians and p95 are printed with the ratio to the bare window's
median. The launched processes are benchmarks/launched.py, which imports nothing at its top
but os, sys and time: each launch pays for its own program's imports, and the bare window's
baseline for PySide6's alone.

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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

LAUNCH_RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 120.0
FRAME_MS = 17.0
SETTLE_S = 1.0
LIMIT_S = 60.0
TWO = ("ungass2016", "poa2009")  # the default panes
FLOOR_UNITS = 30  # more than a first screenful of either instrument
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUNDLE = ROOT / "dist" / "Concordia" / ("Concordia.exe" if os.name == "nt" else "Concordia")


# -- the launches' inputs ----------------------------------------------------------------------

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


# -- the runner ----------------------------------------------------------------------------------

@dataclass
class Launch:
    on_screen: float | None  # seconds from the process start to the text seen on screen
    in_app: float | None  # seconds from the process start to the application's own paint
    rects: list[tuple[int, int, int, int]]
    settled: object | None  # the settled screen.Frame
    response: float | None = None  # the wheel notch to the pane's pixels changing
    window_code: float | None = None  # seconds from the process start to run_app()
    longest: float | None = None  # the longest turn of the work after the first paint


@dataclass
class Batch:
    launch: dict[str, list[float]] = field(default_factory=dict)
    in_app: dict[str, list[float]] = field(default_factory=dict)
    window_code: dict[str, list[float]] = field(default_factory=dict)
    wheel: dict[str, list[float]] = field(default_factory=dict)
    longest: dict[str, list[float]] = field(default_factory=dict)
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
        # The measured process imports launched.py only (see its docstring).
        start = (f"import sys; sys.path.insert(0, {str(HERE)!r}); import launched; "
                 "launched.main()")
        command = [sys.executable, "-c", start, kind]
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
        longest = next((float(line.split()[1]) for line in out.splitlines()
                        if line.startswith("pieces ")), None)
        if reported is not None and reported != rects:
            sys.exit(f"{kind}: the text regions moved between launches: {rects} then "
                     f"{reported}")
        if not wheel:
            self.settled[kind] = frames[-1]
        return Launch(seen - started, painted - started if painted else None, rects,
                      frames[-1], answered[0] if answered else None,
                      window_code - started if window_code else None, longest)


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
                    batch.add(batch.longest, kind, result.longest)
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
    for kind in ("first", "window"):
        if kind in batch.longest:
            figure = record(f"longest turn after the first paint: {names[kind]}",
                            batch.longest[kind])
            print(f"longest turn of the work after the first paint (what a key or a scroll can "
                  f"wait for until the window is built): {names[kind]} median {figure.median:.1f}"
                  f" ms, p95 {figure.p95:.1f} ms")
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
    parser.add_argument("--display", help="an X server to use (default: a private Xvfb)")
    parser.add_argument("--no-bundle", action="store_true", help="leave the bundle out")
    parser.add_argument("--bundle", type=Path, default=BUNDLE,
                        help="the frozen application to measure (default: dist/Concordia)")
    parser.add_argument("--only", nargs="+", choices=("floor", "first", "window", "bundle"),
                        help="measure only these beside the bare window (and no memory)")
    from timing import add_arguments

    add_arguments(parser, runs=7, quick=1, runs_help="launches of each")
    args = parser.parse_args()

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
