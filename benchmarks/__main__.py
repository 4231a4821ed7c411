"""Run every benchmark of the project and print one table.

    python -m benchmarks [--quick] [NAME …]      (or: python3 dev.py bench …)

Each benchmarks/bench_*.py runs in its own process with --json; the table lists every figure
it reports: median, p95, the median of the baseline measured in the same run and the ratio
to it, and the target with whether it is met. NAME (such as `window` or `search`) runs only
those scripts. --quick runs each with a few repetitions: it checks that they work, the
figures then say little. Each script's own report is kept in benchmarks/out/NAME.txt.

Without --quick the generated 1.5-million-unit corpus that the search benchmarks also use is
made first when it is absent (benchmarks/out/big.sqlite, ~670 MB, about a minute).

Exit status: 0 every target met, 1 some target missed, 2 a benchmark failed to run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
BIG = OUT / "big.sqlite"
NEEDS_BIG = ("bench_search", "bench_agreed")


def scripts(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if not names:
        return found
    chosen = [path for path in found
              if any(path.stem in (name, f"bench_{name}") for name in names)]
    unknown = [name for name in names
               if not any(path.stem in (name, f"bench_{name}") for path in found)]
    if unknown:
        sys.exit(f"no benchmark named {', '.join(unknown)}; there are "
                 f"{', '.join(path.stem.removeprefix('bench_') for path in found)}")
    return chosen


def run(script: Path, quick: bool, folder: Path) -> tuple[int, list[dict[str, object]], str]:
    """Exit status, figures and the error output of one script."""
    output = folder / f"{script.stem}.json"
    command = [sys.executable, str(script), "--json", str(output)] + (["--quick"] if quick else [])
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    OUT.mkdir(exist_ok=True)
    (OUT / f"{script.stem}.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    figures = json.loads(output.read_text())["figures"] if output.exists() else []
    return result.returncode, figures, result.stderr


def number(value: object) -> str:
    if not isinstance(value, int | float):
        return "-"
    if value >= 100:
        return f"{value:.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}" if value >= 1 else f"{value:#.2g}"


def table(rows: list[tuple[str, dict[str, object]]]) -> list[str]:
    header = ("figure", "median", "p95", "unit", "baseline", "ratio", "target", "")
    lines = [header]
    for script, figure in rows:
        ratio = figure.get("ratio")
        met = figure.get("met")
        lines.append((
            f"{script.removeprefix('bench_')}: {figure['name']}", number(figure["median"]),
            number(figure["p95"]), str(figure["unit"]), number(figure.get("baseline")),
            f"{ratio:.2f}x" if isinstance(ratio, int | float) else "-",
            str(figure.get("target") or "-"),
            "" if met is None else "ok" if met else "MISSED"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    right = {1, 2, 4, 5}
    return ["  ".join(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
                      for i, cell in enumerate(line)).rstrip() for line in lines]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true",
                        help="a few repetitions each: checks the scripts, not the speed")
    parser.add_argument("names", nargs="*", help="only these benchmarks (window, search, …)")
    args = parser.parse_args()
    chosen = scripts(args.names)
    if not args.quick and not BIG.exists() and any(s.stem in NEEDS_BIG for s in chosen):
        print(f"making the generated corpus {BIG.relative_to(ROOT)} (once)", flush=True)
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py")], cwd=ROOT,
                       check=True)
    rows: list[tuple[str, dict[str, object]]] = []
    failed: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        for script in chosen:
            print(f"running {script.stem} …", flush=True)
            code, figures, errors = run(script, args.quick, Path(folder))
            if code not in (0, 1) or not figures:
                failed.append(f"{script.stem} failed (exit {code}):\n{errors[-2000:]}")
            rows += [(script.stem, figure) for figure in figures]
    print()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()} "
          f"{platform.system()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{'quick run' if args.quick else 'full run'} in {time.monotonic() - started:.0f} s; "
          f"times in ms unless said; ratio: median / the baseline's median, same run")
    print("\n".join(table(rows)))
    for failure in failed:
        print(f"\n{failure}", file=sys.stderr)
    if failed:
        return 2
    return 0 if all(figure.get("met") is not False for _, figure in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
