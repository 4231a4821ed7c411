"""Benchmark: the annotation store with 10,000 annotations.

Prints absolute medians and, beside them, ratios to a baseline measured in the same run, so
machine noise can be told from a regression:
- add:   anchoring a quote and `AnnotationStore.add` (one transaction, WAL, synchronous=FULL),
         in-process, per annotation, with 10,000 annotations already stored — against a bare
         sqlite3 INSERT of the same row and COMMIT in a database with the same settings;
- list:  `store.list(instrument="poa2009")` (one instrument's annotations as Annotation
         objects, in document order) right after another annotation was added there — what
         a view does when a change is broadcast — against a bare SELECT of the same rows;
- first: the same list from a store just opened (nothing built yet; no target: once per
         window), against the same bare SELECT.
Also, without a target: re-checking all 10,000 anchors after the corpus changed (each unit's
text hash compared; nothing moves), and the no-change check every command makes.

Targets on the project's machine: add < 5 ms, list < 20 ms.

    .venv/bin/python benchmarks/bench_notes.py [--runs N]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from timing import add_arguments, median_p95, record, timed, write_json

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.notes.anchoring import anchor_quote
from desktop.core.notes.store import CORPUS, AnnotationStore
from desktop.core.notes.texts import CorpusText

TOTAL = 10_000
SEEDED = 500  # added through the store one by one; then doubled in SQL up to TOTAL
INSTRUMENT = "poa2009"
TARGETS = {"add": 0.005, "list": 0.020}


def report(name: str, times: list[float], baseline: list[float] | None) -> bool:
    median, p95 = median_p95(times)
    line = f"{name:<9} median {median * 1000:8.2f} ms   p95 {p95 * 1000:8.2f} ms"
    if baseline is not None:
        base = statistics.median(baseline)
        line += f"   baseline {base * 1000:7.2f} ms   ratio {median / base:6.2f}x"
    target = TARGETS.get(name)
    if target is not None:
        line += f"   target < {target * 1000:.0f} ms: {'ok' if median < target else 'OVER TARGET'}"
    record(name, times, baseline=baseline,
           target=f"< {target * 1000:.0f} ms" if target is not None else "",
           met=None if target is None else median < target)
    print(line)
    return target is None or median < target


def quotes(texts: CorpusText, corpus: Corpus) -> list[tuple[str, str]]:
    """(unit, quote) for every unit with words: its third to eighth words, when unique."""
    found = []
    for instrument in corpus.instruments():
        text = texts.instrument(instrument.id)
        assert text is not None
        for unit_id in text.ids:
            words = text.text(unit_id).split()
            if len(words) >= 8:
                quote = " ".join(words[2:8])
                if text.text(unit_id).count(quote) == 1:
                    found.append((unit_id, quote))
    return found


def fill(store_path: Path) -> None:
    """Double the stored annotations in SQL (fast, unsynchronised) until there are TOTAL."""
    connection = sqlite3.connect(store_path, isolation_level=None)
    connection.execute("PRAGMA synchronous=OFF")
    columns = ("instrument, unit, end_unit, seq, end_seq, start, \"end\", quote, prefix, "
               "suffix, whole, text_hash, category, note, tags, meeting, author, private, "
               "created, modified, revision, status")
    count = connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
    while count < TOTAL:
        connection.execute(
            f"INSERT INTO annotations (uuid, {columns}) SELECT lower(hex(randomblob(16))), "
            f"{columns} FROM annotations ORDER BY id LIMIT ?", (TOTAL - count,))
        count = connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_arguments(parser, runs=200, quick=5, runs_help="adds and lists to time")
    args = parser.parse_args()
    runs = args.runs
    corpus = Corpus.open(paths.corpus_path())
    texts = CorpusText.from_corpus(corpus)
    places = quotes(texts, corpus)

    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "notes.sqlite"
        store = AnnotationStore.open(store_path)
        store.reconcile(texts)
        for i in range(SEEDED):
            unit, quote = places[i * 7 % len(places)]
            text = texts.of_unit(unit)
            assert text is not None
            store.add(anchor_quote(text, unit, quote), category="Our position",
                      note=f"Note {i}: *keep* this", tags=["seed", f"t{i % 10}"],
                      meeting="CND 69, informal consultations")
        fill(store_path)
        assert store.count() == TOTAL
        in_instrument = len(store.list(instrument=INSTRUMENT))

        counter = iter(range(10**9))

        def add() -> None:
            i = next(counter)
            unit, quote = places[i * 11 % len(places)]
            text = texts.of_unit(unit)
            assert text is not None
            store.add(anchor_quote(text, unit, quote), category="Question",
                      note=f"Added {i}", tags=["bench"], meeting="CND 69")

        add_times = timed(add, runs)

        # Baseline: the same row, bare sqlite3, same journal and sync settings, same folder.
        bare_path = Path(folder) / "bare.sqlite"
        bare = sqlite3.connect(bare_path, isolation_level=None)
        bare.execute("PRAGMA journal_mode=WAL")
        bare.execute("PRAGMA synchronous=FULL")
        source = sqlite3.connect(store_path)
        schema = [sql for (sql,) in source.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'annotations' AND sql IS NOT NULL "
            "ORDER BY type != 'table'")]  # the table first, then its indexes and trigger
        row = source.execute("SELECT * FROM annotations ORDER BY id DESC LIMIT 1").fetchone()
        source.close()
        for sql in schema:
            bare.execute(sql)
        marks = ", ".join("?" * len(row))

        def bare_insert() -> None:
            bare.execute("BEGIN IMMEDIATE")
            bare.execute(f"INSERT INTO annotations VALUES (NULL, {marks[3:]})",
                         (f"{time.perf_counter_ns()}", *row[2:]))
            bare.execute("COMMIT")

        bare_add_times = timed(bare_insert, runs)
        bare.close()

        place = next(p for p in places if p[0].startswith(INSTRUMENT + "/"))
        text = texts.of_unit(place[0])
        assert text is not None
        other = anchor_quote(text, *place)

        def list_after_a_change() -> float:
            store.add(other, note="a change")
            started = time.perf_counter()
            store.list(instrument=INSTRUMENT)
            return time.perf_counter() - started

        list_times = [list_after_a_change() for _ in range(runs)]

        def first_list() -> float:
            with AnnotationStore.open(store_path) as fresh:
                started = time.perf_counter()
                fresh.list(instrument=INSTRUMENT)
                return time.perf_counter() - started

        first_times = [first_list() for _ in range(max(5, runs // 10))]
        plain = sqlite3.connect(store_path)
        query = ("SELECT * FROM annotations WHERE deleted IS NULL AND status IN ('ok', "
                 "'review') AND instrument = ? ORDER BY instrument, seq, start, id")
        bare_list_times = timed(lambda: plain.execute(query, (INSTRUMENT,)).fetchall(), runs)
        listed = len(plain.execute(query, (INSTRUMENT,)).fetchall())
        plain.close()

        check_times = timed(lambda: store.reconcile(texts), max(5, runs // 10))

        def changed() -> None:
            store.set_setting(CORPUS, "another corpus")
            store.reconcile(texts)

        recheck_times = timed(changed, 5)
        store.close()

    print(f"{TOTAL} annotations stored ({in_instrument} in {INSTRUMENT} before the runs, "
          f"{listed} after); {runs} runs each")
    ok = report("add", add_times, bare_add_times)
    ok = report("list", list_times, bare_list_times) and ok
    report("first", first_times, bare_list_times)
    report("check", check_times, None)
    report("recheck", recheck_times, None)
    corpus.close()
    write_json(args.json, "bench_notes")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
