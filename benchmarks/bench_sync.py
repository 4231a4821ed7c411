"""Benchmark: a synchronised jump, from the click to every pane updated and painted.

In a 1366 x 768 window (headless unless a display is set), the left pane on UNGASS 2016, a
click lands in one of its recommendations; the time runs from the mouse press until the sync
is done and every pane has been painted again: the window's pending update is delivered at
once, as the event loop delivers it, and Qt paints everything that changed (the panes' text,
marks and bars, the chapter tree's selection, the links panel) in one pass. Every linked
recommendation of the table is clicked in turn.

- jump, 2 panes: UNGASS 2016 leads, the Plan of Action follows (the default layout);
- jump, 4 panes: UNGASS 2016 leads; GA resolution 74/178, the Political Declaration and
  the Plan of Action follow;
- baseline, measured in the same run: a plain scroll of one pane to a unit and its repaint
  (what a reader's own jump costs without any sync).

Each is reported as median and 95th percentile, with the ratio of the medians to the
baseline's. Target: a jump under 16 ms median (one frame at 60 Hz).

The jumps run in batches, each in a fresh process (PySide6 6.12.0 on Python 3.11 drops a
reference to None on many calls; a long run in one process would abort — see the report).

    .venv/bin/python benchmarks/bench_sync.py [--batches N] [--per-batch N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import record, write_json

TARGET_MS = 16.0
ROOT = Path(__file__).resolve().parent.parent


def child(panes: int, start: int, count: int) -> None:
    """Run `count` jumps from the `start`-th linked recommendation; print the timings."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.core.corpus import Corpus
    from desktop.core.notes.database import store_path
    from desktop.core.notes.service import NotesService
    from desktop.core.render.html import Wording
    from desktop.ui.document_source import DocumentSource
    from desktop.ui.hub import AnnotationHub
    from desktop.ui.main_window import MainWindow
    from desktop.ui.window_settings import WindowSettings, open_settings

    app = QApplication(sys.argv[:1])
    corpus = Corpus.open(paths.corpus_path())
    source = DocumentSource(corpus, Wording())
    with tempfile.TemporaryDirectory() as data:
        hub = AnnotationHub(NotesService(store_path(Path(data)), corpus))
        window = MainWindow(source, WindowSettings(open_settings(Path(data))), hub)
        window.resize(1366, 768)
        while len(window.pane_area.panes()) < panes:
            window.add_pane()
        instruments = (("ungass2016", "poa2009") if panes == 2
                       else ("ungass2016", "res74-178", "pd2009", "poa2009"))
        for pane, instrument in zip(window.pane_area.panes(), instruments, strict=True):
            pane.set_instrument(instrument)
        window.show()

        def settle() -> None:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not all(
                    pane.is_complete() for pane in window.pane_area.panes()):
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

        def paint() -> None:
            """Deliver the window's pending update now: Qt paints what changed, once."""
            QCoreApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest)

        settle()
        all_panes = window.pane_area.panes()
        left, last = all_panes[0], all_panes[-1]
        # The left pane's linked units (links also start in other instruments now).
        shown = set(left.view.unit_ids())
        linked = sorted({link.source for link in corpus.all_links() if link.source in shown},
                        key=lambda unit: source.unit(unit).seq)  # type: ignore[union-attr]
        units = [linked[(start + k) % len(linked)] for k in range(count)]
        targets = [u.id for u in source.units("poa2009") if u.kind == "subparagraph"]
        source.correspondences()  # built once, as by the first click of a session
        jumps: list[float] = []
        scrolls: list[float] = []
        for number, unit in enumerate(units):
            view = left.view
            view.scroll_to_unit(unit)
            paint()
            rect = view.unit_rect(unit)
            assert rect is not None
            point = QPoint(view.viewport().width() // 2,
                           int(rect.top()) - view.verticalScrollBar().value() + 8)
            started = time.perf_counter()
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
            paint()
            jumps.append(time.perf_counter() - started)
            assert left.is_leading() and left.view.current_unit() == unit, unit

            # The baseline: the last pane scrolled to a unit by itself, and painted.
            target = targets[(start + number * 7) % len(targets)]
            started = time.perf_counter()
            last.view.scroll_to_unit(target)
            paint()
            scrolls.append(time.perf_counter() - started)
        print(json.dumps({"jump": jumps, "scroll": scrolls}), flush=True)
        window.close()
    app.processEvents()
    os._exit(0)  # no teardown: nothing more to measure


def _batch(panes: int, start: int, count: int) -> dict[str, list[float]]:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, __file__, "--child", str(panes), str(start), str(count)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False,
                            timeout=300)
    line = next((line for line in result.stdout.splitlines() if line.startswith("{")), None)
    if result.returncode != 0 or line is None:
        sys.exit(f"batch failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return json.loads(line)


def _stats(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(values) * 1000, p95 * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--batches", type=int, default=4)
    parser.add_argument("--per-batch", type=int, default=40)
    parser.add_argument("--child", nargs=3, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true",
                        help="one batch of 5 jumps: checks the script works, not the speed")
    parser.add_argument("--json", type=Path, metavar="PATH",
                        help="also write the figures to PATH as JSON")
    args = parser.parse_args()
    if args.quick:
        args.batches, args.per_batch = 1, 5
    if args.child:
        child(*args.child)
        return 0
    results: dict[int, dict[str, list[float]]] = {2: {"jump": [], "scroll": []},
                                                  4: {"jump": [], "scroll": []}}
    for batch in range(args.batches):  # interleaved, so drift in the machine hits both
        for panes in (2, 4):
            found = _batch(panes, batch * args.per_batch, args.per_batch)
            for key, values in found.items():
                results[panes][key].extend(values)
    scrolls = results[2]["scroll"] + results[4]["scroll"]
    base, base_p95 = _stats(scrolls)
    print(f"{args.batches} batches x {args.per_batch} jumps per layout "
          f"({len(results[2]['jump'])} each), milliseconds")
    print(f"baseline: scroll one pane to a unit and paint it   median {base:6.2f}   "
          f"p95 {base_p95:6.2f}")
    ok = True
    for panes in (2, 4):
        median, p95 = _stats(results[panes]["jump"])
        verdict = "ok" if median < TARGET_MS else "OVER TARGET"
        ok = ok and median < TARGET_MS
        record(f"sync jump, {panes} panes", results[panes]["jump"], baseline=scrolls,
               target=f"< {TARGET_MS:.0f} ms", met=median < TARGET_MS)
        print(f"sync jump, {panes} panes (click to all painted)     median {median:6.2f}   "
              f"p95 {p95:6.2f}   ratio {median / base:5.1f}x   target < {TARGET_MS:.0f} ms: "
              f"{verdict}")
    write_json(args.json, "bench_sync")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
