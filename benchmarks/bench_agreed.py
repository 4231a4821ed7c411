"""Benchmark: agreed language — provenance on the real corpus and on the generated
1.5-million-unit one, and the time the alignment adds to the corpus build.

For each query it prints the median and 95th percentile, and beside them the ratio to a
baseline measured in the same run: the cheapest FTS5 lookup there is (one rare word, first
row), so machine noise can be told from a regression. Targets: provenance median < 50 ms and
p95 < 100 ms on the real corpus, < 200 ms (median and p95) on the generated one; the
alignment adds < 5 s to `concordia corpus build`.

    .venv/bin/python benchmarks/generate_corpus.py        # once: benchmarks/out/big.sqlite
    .venv/bin/python benchmarks/bench_agreed.py [--runs N] [--big PATH]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from timing import add_arguments, median_p95, record, timed, write_json

from desktop import paths
from desktop.core.agreed import Finder
from desktop.core.ingest.build import align_instruments, build

# (label, text, unit): a 12-word phrase, a phrase with extraction damage, whole paragraphs
# as pasted from a PDF, and a unit's own text (`agreed --unit`).
PARAGRAPH = ("28. Also encourages Member States to promote the inclusion in national drug "
             "policies, in accordance with national legislation an d as appropriate, of elements "
             "for the prevention and treatment of drug overdose7, in particular opioid overdose, "
             "including the use of opioid receptor antagonists, such as naloxone, to reduce "
             "drugrelated mortality;")
QUERIES: list[tuple[str, str, str | None]] = [
    ("phrase, 12 words", "ensure non-discriminatory access to health, care and social services "
                         "in prevention, primary care", None),
    ("phrase, damaged", "opioid receptor antagonists such as nalox one to reduce drugrelated "
                        "mortality12", None),
    ("paragraph, pasted", PARAGRAPH, None),
    ("paragraph, long", "Target the illicit cultivation of crops used for the illicit production "
                        "and manufacture of drugs and address related factors by implementing "
                        "comprehensive strategies aimed at alleviating poverty and strengthening "
                        "the rule of law, accountable, effective and inclusive institutions and "
                        "public services and institutional frameworks, as appropriate, and by "
                        "promoting sustainable development", None),
    ("unit (--unit UNGASS 1 (n))", "", "ungass2016/1(n)"),
]
REAL_MEDIAN_MS, REAL_P95_MS, BIG_MS, BUILD_S = 50.0, 100.0, 200.0, 5.0


def measure(action: object, runs: int) -> tuple[float, float, list[float]]:
    times = timed(action, runs)  # type: ignore[arg-type]
    median, p95 = median_p95(times)
    return median * 1000, p95 * 1000, times


def bench(label: str, path: Path, runs: int, median_target: float, p95_target: float) -> bool:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    count = db.execute("SELECT max(rowid) FROM units").fetchone()[0]
    base, _, base_times = measure(lambda: db.execute(
        "SELECT rowid FROM units_fts WHERE units_fts MATCH 'naloxone' LIMIT 1").fetchall(), runs)
    print(f"\n{label}: {count:,} units; baseline (one rare word, first row) {base:.3f} ms")
    finder = Finder(db)
    ok = True
    for name, text, unit in QUERIES:
        if unit:
            row = db.execute("SELECT text FROM units WHERE id = ?", (unit,)).fetchone()
            if row is None:  # the generated corpus has no such unit: take the real one's text
                real = sqlite3.connect(f"file:{paths.corpus_path()}?mode=ro", uri=True)
                row = real.execute("SELECT text FROM units WHERE id = ?", (unit,)).fetchone()
                real.close()
            text = row[0]
        finder.find(text, unit=unit)  # warm the page cache, as a running app would be
        median, p95, times = measure(lambda t=text, u=unit: finder.find(t, unit=u), runs)
        found = len(finder.find(text, unit=unit))
        met = median < median_target and p95 < p95_target
        record(f"{label}: {name}", times, baseline=base_times,
               target=f"median < {median_target:.0f} ms, p95 < {p95_target:.0f} ms", met=met)
        ok = ok and met
        print(f"  {name:<30} median {median:7.2f} ms  p95 {p95:7.2f} ms  "
              f"ratio {median / base:8.1f}x  found {found}{'' if met else '  OVER TARGET'}")
    db.close()
    return ok


def bench_build() -> bool:
    """The whole build, and the alignment alone on a copy of the built corpus."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "corpus.sqlite"
        started = time.perf_counter()
        build(paths.sources_dir(), target)
        whole = time.perf_counter() - started
        copy = Path(folder) / "copy.sqlite"
        shutil.copy(target, copy)
        db = sqlite3.connect(copy)
        with db:
            db.execute("DELETE FROM links WHERE kind = 'restates'")
            db.execute("DELETE FROM agreed_common")
        started = time.perf_counter()
        with db:
            align_instruments(db)
        alignment = time.perf_counter() - started
        links = db.execute("SELECT count(*) FROM links WHERE kind = 'restates'").fetchone()[0]
        db.close()
    met = alignment < BUILD_S
    record("corpus build: the alignment", [alignment], unit="s", scale=1.0, baseline=[whole],
           target=f"< {BUILD_S:.0f} s", met=met)
    print(f"\ncorpus build {whole:.2f} s, of which alignment {alignment:.2f} s "
          f"({alignment / whole:.0%}; {links} restates links){'' if met else '  OVER TARGET'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_arguments(parser, runs=21, quick=2)
    parser.add_argument("--big", type=Path, default=Path("benchmarks/out/big.sqlite"))
    args = parser.parse_args()
    ok = bench("real corpus", paths.corpus_path(), args.runs, REAL_MEDIAN_MS, REAL_P95_MS)
    if args.big.is_file():
        ok = bench("generated corpus", args.big, args.runs, BIG_MS, BIG_MS) and ok
    else:
        print(f"\n(no generated corpus at {args.big}: run benchmarks/generate_corpus.py)")
        ok = False
    ok = bench_build() and ok
    print(f"\ntargets: real corpus median < {REAL_MEDIAN_MS:.0f} ms, p95 < {REAL_P95_MS:.0f} ms; "
          f"generated < {BIG_MS:.0f} ms; alignment < {BUILD_S:.0f} s: "
          f"{'met' if ok else 'NOT met'}")
    write_json(args.json, "bench_agreed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
