"""What the benchmark scripts share: timing an action repeatedly, its median and p95, and the
figures each script hands to the runner (`python -m benchmarks`) as JSON."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Seconds per run of `action`, `runs` times."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def median_p95(times: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


@dataclass(frozen=True)
class Figure:
    """One measured figure: median and p95 in `unit`, the median of the baseline measured in
    the same run (if it has one), the target in words and whether it is met (None: no
    target)."""

    name: str
    unit: str
    median: float
    p95: float
    baseline: float | None = None
    target: str = ""
    met: bool | None = None

    @property
    def ratio(self) -> float | None:
        return self.median / self.baseline if self.baseline else None


FIGURES: list[Figure] = []


def record(name: str, values: Sequence[float], *, unit: str = "ms", scale: float = 1000.0,
           baseline: Sequence[float] | None = None, target: str = "",
           met: bool | None = None) -> Figure:
    """Keep a figure for the JSON output: `values` (seconds, unless `scale` says otherwise)
    become its median and p95 in `unit`; `baseline`, the same, gives its median."""
    median, p95 = median_p95(values)
    base = statistics.median(baseline) * scale if baseline else None
    figure = Figure(name, unit, median * scale, p95 * scale, base, target, met)
    FIGURES.append(figure)
    return figure


def add_arguments(parser: argparse.ArgumentParser, runs: int, quick: int,
                  runs_help: str = "runs to time") -> None:
    """--runs N, --quick (a few runs: a smoke test) and --json PATH (the figures, for the
    runner)."""
    parser.add_argument("--runs", type=int, default=runs, help=f"{runs_help} ({runs})")
    parser.add_argument("--quick", action="store_const", dest="runs", const=quick,
                        help=f"{quick} run(s) only: checks the script works, not the speed")
    parser.add_argument("--json", type=Path, metavar="PATH",
                        help="also write the figures to PATH as JSON")


def write_json(path: Path | None, script: str) -> None:
    if path is not None:
        figures = [dict(asdict(figure), ratio=figure.ratio) for figure in FIGURES]
        path.write_text(json.dumps({"script": script, "figures": figures}, indent=1),
                        encoding="utf-8")
