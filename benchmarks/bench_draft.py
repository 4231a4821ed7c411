"""Benchmark: importing and analysing a 150-paragraph draft (target: under 2 s).

The draft is made from the shipped corpus, as a real one is: preambular paragraphs and
operative paragraphs with subparagraphs, a third taken as agreed, a third with words changed,
a third new wording, some in square brackets. Each run reads it, detects its structure,
analyses every paragraph against the shipped instruments and keeps it in a fresh user corpus
(`concordia instrument add` without the printing). The baseline, measured in the same run, is
reading the file and cutting it into blocks only, so machine noise can be told from a
regression.

    .venv/bin/python benchmarks/bench_draft.py [--runs N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from timing import add_arguments, median_p95, record, timed, write_json

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.drafts import service
from desktop.core.drafts.readers import read
from desktop.core.ingest.blocks import page_layer

TARGET_MS = 2000.0
PREAMBLE, OPERATIVE = 30, 120  # 150 paragraphs (subparagraphs come on top)
NEW_WORDS = ("cooperation", "capacity", "strengthen", "regional", "evidence", "youth",
             "community", "partnership", "resources", "monitoring", "gender", "rural",
             "alternative", "development", "access", "services", "data", "innovation")


def make_draft(corpus: Corpus, target: Path) -> int:
    """Write the draft; returns its number of paragraphs (preambular and operative)."""
    chance = random.Random(16)
    shipped = [u for i in corpus.instruments() if i.id not in corpus.imported()
               for u in corpus.units(i.id) if u.kind in ("preamble", "paragraph")
               and len(u.text.split()) > 12]
    chance.shuffle(shipped)
    lines = ["Commission on Narcotic Drugs", "Sixty-eighth session", "Draft resolution",
             "", "A draft for the benchmark", "", "The Commission on Narcotic Drugs,", ""]

    def wording(index: int) -> str:
        source = shipped[index % len(shipped)].text.rstrip(";,.")
        words = source.split()
        kind = index % 3
        if kind == 1:  # changed: a word replaced, a clause added
            words[len(words) // 2] = chance.choice(NEW_WORDS)
            words += ["and", "to", "report", "thereon"]
        elif kind == 2:  # new wording
            words = [chance.choice(NEW_WORDS) for _ in range(25)]
        text = " ".join(words)
        if index % 7 == 0:
            text = f"[{text}]"
        return text

    for number in range(PREAMBLE):
        text = wording(number)
        lines += [("Recalling " + text[0].lower() + text[1:]) + ",", ""]
    for number in range(1, OPERATIVE + 1):
        text = wording(PREAMBLE + number)
        lines += [f"{number}. {text[0].upper()}{text[1:]};", ""]
        if number % 10 == 0:
            for letter in "abc":
                lines += [f"({letter}) {wording(number * 7 + ord(letter))};", ""]
    target.write_text("\n".join(lines), encoding="utf-8")
    return PREAMBLE + OPERATIVE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_arguments(parser, runs=11, quick=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "draft.txt"
        corpus = Corpus.open(paths.corpus_path())
        count = make_draft(corpus, draft)
        base_times = timed(lambda: page_layer(read(draft).lines), args.runs)
        base_median, _ = median_p95(base_times)
        run = 0

        def import_and_analyse() -> service.Kept:
            nonlocal run
            run += 1
            user = Path(folder) / f"instruments-{run}.sqlite"
            with_user = Corpus.open(paths.corpus_path(), user)
            try:
                prepared = service.prepare(draft, with_user,
                                           service.Options(instrument_id="bench"))
                return service.keep(prepared, user, None, paths.corpus_path())
            finally:
                with_user.close()

        kept = import_and_analyse()  # warm the page cache, as a running app would be
        times = timed(import_and_analyse, args.runs)
        median, p95 = median_p95(times)
        corpus.close()
    found = {status: 0 for status in ("agreed", "changed", "partly agreed", "new")}
    for paragraph in kept.prepared.paragraphs:
        if paragraph.status:
            found[paragraph.status] += 1
    units = len(kept.prepared.paragraphs)
    print(f"draft: {count} paragraphs, {units} units; "
          + ", ".join(f"{n} {status}" for status, n in found.items()))
    print(f"baseline (read and cut into blocks) {base_median * 1000:.2f} ms")
    met = median * 1000 < TARGET_MS
    record("import and analyse 150 paragraphs", times, baseline=base_times,
           target=f"< {TARGET_MS:.0f} ms", met=met)
    print(f"import and analyse  median {median * 1000:8.1f} ms  p95 {p95 * 1000:8.1f} ms  "
          f"ratio {median / base_median:8.1f}x  target < {TARGET_MS:.0f} ms: "
          f"{'met' if met else 'NOT met'}")
    write_json(args.json, "bench_draft")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
