"""Benchmark: what the integrity checks cost when the notes and the corpus are opened.

Prints absolute medians and, beside them, ratios to a baseline measured in the same run:
- notes:  `AnnotationStore.open` + close on a store of 10,000 annotations (header check,
          read-only probe with PRAGMA quick_check and the count of annotations against
          notes.sqlite.known, WAL set-up, lock) — against a bare sqlite3 connect, reading
          user_version, and close;
- corpus: `Corpus.open` + close on the shipped corpus (with its quick_check) — against the
          same bare connect;
and, without a baseline, each quick_check alone. The checks are meant to stay a small part
of start-up: `concordia notes list` and the window's launch (bench_window.py) take hundreds
of milliseconds.

    .venv/bin/python benchmarks/bench_open.py [--runs N]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
from pathlib import Path

from bench_notes import TOTAL, fill, quotes
from timing import add_arguments, median_p95, record, timed, write_json

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.notes.anchoring import anchor_quote
from desktop.core.notes.store import AnnotationStore
from desktop.core.notes.texts import CorpusText


def report(name: str, times: list[float], baseline: list[float] | None) -> None:
    median, p95 = median_p95(times)
    line = f"{name:<13} median {median * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms"
    if baseline is not None:
        base = statistics.median(baseline)
        line += f"   baseline {base * 1000:6.2f} ms   ratio {median / base:6.2f}x"
    record(name, times, baseline=baseline)
    print(line)


def bare_open(path: Path) -> None:
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    connection.execute("PRAGMA user_version").fetchone()
    connection.close()


def quick_check(path: Path) -> None:
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_arguments(parser, runs=100, quick=3, runs_help="openings to time")
    args = parser.parse_args()
    runs = args.runs
    corpus_path = paths.corpus_path()
    corpus = Corpus.open(corpus_path)
    texts = CorpusText.from_corpus(corpus)
    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "notes.sqlite"
        with AnnotationStore.open(store_path) as store:
            for i, (unit, quote) in enumerate(quotes(texts, corpus)[:200]):
                text = texts.of_unit(unit)
                assert text is not None
                store.add(anchor_quote(text, unit, quote), note=f"Note {i}")
        fill(store_path)
        size = store_path.stat().st_size
        notes = timed(lambda: AnnotationStore.open(store_path).close(), runs)
        notes_bare = timed(lambda: bare_open(store_path), runs)
        notes_check = timed(lambda: quick_check(store_path), runs)
    corpus.close()
    corpus_times = timed(lambda: Corpus.open(corpus_path).close(), runs)
    corpus_bare = timed(lambda: bare_open(corpus_path), runs)
    corpus_check = timed(lambda: quick_check(corpus_path), runs)
    print(f"notes.sqlite with {TOTAL} annotations ({size / 1e6:.1f} MB); corpus.sqlite "
          f"{corpus_path.stat().st_size / 1e6:.1f} MB; {runs} runs each")
    report("notes open", notes, notes_bare)
    report("notes check", notes_check, None)
    report("corpus open", corpus_times, corpus_bare)
    report("corpus check", corpus_check, None)
    write_json(args.json, "bench_open")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
