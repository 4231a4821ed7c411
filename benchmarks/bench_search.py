"""Benchmark: `desktop.core.search` on the real corpus and on a generated 1.5-million-unit one.

For each query it prints the median and 95th percentile, and beside them the ratio to a
baseline measured in the same run: the cheapest FTS5 lookup there is (one rare word, first
row, no ranking), so machine noise can be told from a regression. Target: < 50 ms at 1.5
million units, very common phrases included.

    .venv/bin/python benchmarks/generate_corpus.py        # once: benchmarks/out/big.sqlite
    .venv/bin/python benchmarks/bench_search.py [--runs N] [--big PATH]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from timing import add_arguments, median_p95, record, timed, write_json

from desktop import paths
from desktop.core.search import search

QUERIES: list[tuple[str, dict[str, object]]] = [
    ("naloxone", {}),
    ("international cooperation", {}),
    ('"of the"', {}),
    ("the", {}),
    ("drug", {"part": "operative"}),
    ("traffic*", {"instruments": ("poa2009",)}),
]
TARGET_MS = 50.0


def measure(action: Callable[[], object], runs: int) -> tuple[float, float, list[float]]:
    """Median and p95, in milliseconds, and the times (seconds)."""
    times = timed(action, runs)
    median, p95 = median_p95(times)
    return median * 1000, p95 * 1000, times


def bench(label: str, path: Path, runs: int) -> bool:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    count = db.execute("SELECT count(*) FROM units").fetchone()[0]
    base, _, base_times = measure(lambda: db.execute(
        "SELECT rowid FROM units_fts WHERE units_fts MATCH 'naloxone' LIMIT 1").fetchall(), runs)
    print(f"\n{label}: {count:,} units; baseline (one rare word, first row) {base:.3f} ms")
    ok = True
    for query, options in QUERIES:
        search(db, query, **options)  # warm the page cache, as a running app would be
        median, p95, times = measure(lambda q=query, o=options: search(db, q, **o), runs)
        hits = len(search(db, query, **options))
        flag = "" if median < TARGET_MS else "  OVER TARGET"
        ok = ok and median < TARGET_MS
        shown = query + (f" {options}" if options else "")
        record(f"{label}: {shown}", times, baseline=base_times,
               target=f"< {TARGET_MS:.0f} ms", met=median < TARGET_MS)
        print(f"  {shown:<44} median {median:7.2f} ms  p95 {p95:7.2f} ms  "
              f"ratio {median / base:8.1f}x  hits {hits}{flag}")
    db.close()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_arguments(parser, runs=21, quick=2)
    parser.add_argument("--big", type=Path, default=Path("benchmarks/out/big.sqlite"))
    args = parser.parse_args()
    ok = bench("real corpus", paths.corpus_path(), args.runs)
    if args.big.is_file():
        ok = bench("generated corpus", args.big, args.runs) and ok
    else:
        print(f"\n(no generated corpus at {args.big}: run benchmarks/generate_corpus.py)")
        ok = False
    print(f"\ntarget: median < {TARGET_MS:.0f} ms for every query: {'met' if ok else 'NOT met'}")
    write_json(args.json, "bench_search")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
