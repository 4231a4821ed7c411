"""Generate a large corpus for the search benchmark: the instruments repeated and varied.

Each generated unit takes a random window of words from a real unit and varies it (words
swapped for others of the corpus vocabulary, so the index is not N copies of one text), under
the real schema (units + units_fts), so `desktop.core.search` runs on it unchanged.

    .venv/bin/python benchmarks/generate_corpus.py --units 1500000 --out benchmarks/out/big.sqlite
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from desktop import paths
from desktop.core.ingest.build import SCHEMA, index_text

SEED = 2026


def generate(target: Path, count: int) -> None:
    source = sqlite3.connect(f"file:{paths.corpus_path()}?mode=ro", uri=True)
    units = source.execute(
        "SELECT instrument, kind, text FROM units WHERE kind IN "
        "('preamble', 'paragraph', 'subparagraph') AND length(text) > 80").fetchall()
    source.close()
    vocabulary = sorted({w for _, _, text in units for w in text.split() if w.isalpha()})
    rng = random.Random(SEED)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    db = sqlite3.connect(target)
    db.executescript(SCHEMA)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("INSERT INTO instruments VALUES ('gen', 1, 'Generated', 'Generated', '', '', '', "
               "'', 'Generated', '{}')")

    def rows() -> Iterator[tuple[object, ...]]:
        for number in range(count):
            instrument, kind, text = units[rng.randrange(len(units))]
            tokens = text.split()
            start = rng.randrange(max(1, len(tokens) - 20))
            window = tokens[start: start + rng.randint(20, 60)]
            for _ in range(3):
                window[rng.randrange(len(window))] = vocabulary[rng.randrange(len(vocabulary))]
            yield (f"gen/{number}", f"{instrument}", kind, None, number + 1, "",
                   " ".join(window), "", None, 0, 0, 0, None)

    started = time.perf_counter()
    with db:
        db.executemany("INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows())
    inserted = time.perf_counter()
    with db:
        index_text(db)
        # Agreed language's common wording: the real corpus's (the windows repeat its texts).
        db.execute("ATTACH DATABASE ? AS real", (f"file:{paths.corpus_path()}?mode=ro",))
        db.execute("INSERT INTO agreed_common SELECT shingle FROM real.agreed_common")
    db.execute("DETACH DATABASE real")
    db.close()
    print(f"{count} units: inserted in {inserted - started:.1f} s, indexed in "
          f"{time.perf_counter() - inserted:.1f} s -> {target} "
          f"({target.stat().st_size / 1e6:.0f} MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--units", type=int, default=1_500_000)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/big.sqlite"))
    args = parser.parse_args()
    generate(args.out, args.units)
    return 0


if __name__ == "__main__":
    sys.exit(main())
