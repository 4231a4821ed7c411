"""Benchmark: `concordia corpus build` and `concordia show`.

Prints absolute medians and, beside them, ratios to a baseline measured in the same run, so
machine noise can be told from a regression:
- build:  the whole build into a temporary file, against a fixed CPU workload of similar
          size (counting the words of the sources ten times over);
- show:   `python -m desktop show UNIT` as a process, against `python -c pass`.

Targets on the project's machine: build < 10 s, show < 0.3 s.

    .venv/bin/python benchmarks/bench_corpus.py [--runs N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from timing import add_arguments, median_p95, record, timed, write_json

from desktop import paths
from desktop.core.ingest.build import build

TARGETS = {"build": 10.0, "show": 0.3}


def report(name: str, times: list[float], baseline: list[float]) -> bool:
    (median, p95), base = median_p95(times), statistics.median(baseline)
    target = TARGETS[name]
    verdict = "ok" if median < target else "OVER TARGET"
    record(name, times, baseline=baseline, target=f"< {target * 1000:.0f} ms",
           met=median < target)
    print(f"{name:<6} median {median * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms   "
          f"baseline {base * 1000:7.1f} ms   ratio {median / base:6.2f}x   "
          f"target < {target * 1000:.0f} ms: {verdict}")
    return median < target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_arguments(parser, runs=7, quick=1)
    args = parser.parse_args()
    runs = args.runs
    sources = paths.sources_dir()

    texts = [path.read_text(encoding="utf-8") for path in sorted(sources.iterdir())]

    def reference_work() -> None:
        for _ in range(10):
            for text in texts:
                Counter(re.findall(r"\w+", text.lower()))

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "corpus.sqlite"
        build_times = timed(lambda: build(sources, target), runs)
    read_times = timed(reference_work, runs)

    python = sys.executable
    show_times = timed(lambda: subprocess.run(
        [python, "-m", "desktop", "show", "res74-178/19"], check=True,
        capture_output=True), runs)
    bare_times = timed(lambda: subprocess.run([python, "-c", "pass"], check=True), runs)

    print(f"{runs} runs each")
    ok = report("build", build_times, read_times)
    ok = report("show", show_times, bare_times) and ok
    write_json(args.json, "bench_corpus")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
