"""Benchmark: exporting 1,000 annotations as a brief, in each format, and sharing them.

Each measurement is the whole export as the command does it after opening the store: the
pack built (filters, citations, corresponding units, notes rendered) and the file written
atomically. Prints absolute medians and, beside them, the ratio to a baseline measured in the
same run: listing the same annotations and writing them as JSON (what `concordia notes list
--json` does), so machine noise can be told from a regression.

Sharing: `jsonld` is the W3C Web Annotation export of the same annotations; `import` reads
that file into an empty store (checked, placed in the corpus, merged, one transaction).

Targets on the project's machine: each format < 2 s, Markdown < 0.3 s; jsonld < 0.5 s,
import < 1 s.

    .venv/bin/python benchmarks/bench_export.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timing import add_arguments, median_p95, record, timed, write_json

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.excerpts import docx_writer, html_writer, markdown_writer
from desktop.core.excerpts.pack import Filters, Pack, build_pack
from desktop.core.exchange import export as share
from desktop.core.exchange.importer import import_file
from desktop.core.notes.anchoring import anchor_quote, anchor_units
from desktop.core.notes.service import NotesService
from desktop.core.notes.store import AUTHOR
from desktop.core.notes.texts import CorpusText

TOTAL = 1_000
SEEDED = 250  # added through the store one by one; then copied in SQL up to TOTAL
TARGETS = {"md": 0.3, "html": 2.0, "docx": 2.0, "pdf": 2.0, "jsonld": 0.5, "import": 1.0}
CATEGORIES = ("Agreed language", "Our position", "Red line", "Question")
NOTE = ("Keep **as is**; the capital wants *no change*.\n\n- check with {who}\n- see "
        "[the report](https://example.org/report)")


def quotes(texts: CorpusText, corpus: Corpus) -> list[tuple[str, str]]:
    """(unit, quote) for units with words: their third to eighth words, when unique."""
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


def seed(service: NotesService) -> None:
    """TOTAL annotations across every instrument, with notes, tags and categories; one in
    ten a note on the whole unit."""
    store = service.store()
    store.set_setting(AUTHOR, "Delegation of X")
    texts = service.texts()
    places = quotes(texts, service.corpus())
    step = max(1, len(places) // SEEDED)
    for i in range(SEEDED):
        unit, quote = places[(i * step) % len(places)]
        text = texts.of_unit(unit)
        assert text is not None
        anchor = anchor_units(text, unit) if i % 10 == 0 else anchor_quote(text, unit, quote)
        store.add(anchor, category=CATEGORIES[i % len(CATEGORIES)],
                  note=NOTE.format(who=f"colleague {i}"), tags=["bench", f"t{i % 7}"],
                  meeting="CND 69, informal consultations", private=i % 25 == 0)
    connection = sqlite3.connect(service.path, isolation_level=None)
    columns = ("instrument, unit, end_unit, seq, end_seq, start, \"end\", quote, prefix, "
               "suffix, whole, text_hash, category, note, tags, meeting, author, private, "
               "created, modified, revision, status")
    count = connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
    while count < TOTAL:
        connection.execute(
            f"INSERT INTO annotations (uuid, {columns}) SELECT lower(hex(randomblob(16))), "
            f"{columns} FROM annotations ORDER BY id LIMIT ?", (TOTAL - count,))
        count = connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
    connection.close()


def report(name: str, times: list[float], baseline: list[float]) -> bool:
    median, p95 = median_p95(times)
    base = statistics.median(baseline)
    target = TARGETS.get(name)
    line = (f"{name:<8} median {median * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms   "
            f"baseline {base * 1000:6.1f} ms   ratio {median / base:6.2f}x")
    if target is not None:
        line += f"   target < {target * 1000:.0f} ms: {'ok' if median < target else 'OVER TARGET'}"
    record(name, times, baseline=baseline,
           target=f"< {target * 1000:.0f} ms" if target is not None else "",
           met=None if target is None else median < target)
    print(line)
    return target is None or median < target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_arguments(parser, runs=7, quick=1, runs_help="exports to time per format")
    args = parser.parse_args()
    runs = args.runs
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    corpus = Corpus.open(paths.corpus_path())
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        service = NotesService(out / "notes.sqlite", corpus)
        seed(service)
        store = service.store()

        def baseline() -> None:
            listed = [a.to_json() for a in store.list()]
            (out / "list.json").write_text(json.dumps(listed, ensure_ascii=False, indent=2))

        def export(write: Callable[[Pack, Path], None], name: str) -> Callable[[], None]:
            return lambda: write(build_pack(service), out / name)

        from desktop import pdf_export  # Qt, loaded only for the PDF

        writers = {"md": (markdown_writer.write, "brief.md"),
                   "html": (html_writer.write, "brief.html"),
                   "docx": (docx_writer.write, "brief.docx"),
                   "pdf": (pdf_export.write, "brief.pdf")}
        results = {}
        for name, (write, file_name) in writers.items():
            export(write, file_name)()  # warm: imports, caches, fonts
            results[name] = timed(export(write, file_name), runs)
        shared = out / "shared.jsonld"
        results["jsonld"] = timed(lambda: share.write(service, Filters(), shared), runs)
        stores = iter(range(runs + 1))

        def import_into_an_empty_store() -> float:
            empty = NotesService(out / f"empty{next(stores)}" / "notes.sqlite", corpus)
            empty.store()  # opened (created) and checked against the corpus: not timed
            started = time.perf_counter()
            import_file(empty, shared)
            took = time.perf_counter() - started
            empty.close()
            return took

        import_into_an_empty_store()  # warm
        results["import"] = [import_into_an_empty_store() for _ in range(runs)]
        base = timed(baseline, max(runs, 5))
        pack = build_pack(service)
        print(f"{store.count()} annotations stored, {pack.excerpts_count} exported "
              f"({pack.private_left_out} private left out; the shared file "
              f"{shared.stat().st_size / 1024:.0f} KB); {runs} runs per format")
        ok = True
        for name, times in results.items():
            ok = report(name, times, base) and ok
        service.close()
    corpus.close()
    write_json(args.json, "bench_export")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
