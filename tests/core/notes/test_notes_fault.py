"""Notes survive a crash: writers killed with SIGKILL at random moments lose nothing they
reported as saved, and the database stays sound.

Each round starts a child process writing a burst of annotations, waits until it has
reported its first one, then kills it after a random pause. Even rounds go through the real
command line (`concordia notes add`, called in a loop inside the child so the startup cost is
paid once per round); odd rounds call the store directly, many writes per millisecond, so
kills also land inside transactions and commits. Afterwards every id a child printed must be
there with exactly its content, and SQLite's integrity check must pass.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop.core.notes.model import OK
from desktop.core.notes.store import AnnotationStore

ROUNDS = 120
SEED = 20260312
UNIT, QUOTE = "res74-178/19", "increase the availability"
ROOT = Path(__file__).resolve().parents[3]

WORKER = textwrap.dedent(f"""
    import sys
    from pathlib import Path

    mode, data_dir, round_ = sys.argv[1], sys.argv[2], sys.argv[3]
    if mode == "cli":
        from desktop.cli import main
        i = 0
        while True:
            status = main(["--data-dir", data_dir, "notes", "add", {UNIT!r}, "--quote",
                           {QUOTE!r}, "--note", f"r{{round_}}-n{{i}}", "--tag", f"r{{round_}}"])
            if status:
                sys.exit(status)
            i += 1
    else:
        from desktop import paths
        from desktop.core.corpus import Corpus
        from desktop.core.notes.anchoring import anchor_quote
        from desktop.core.notes.store import AnnotationStore
        from desktop.core.notes.texts import CorpusText

        text = CorpusText.from_corpus(Corpus.open(paths.corpus_path())).of_unit({UNIT!r})
        anchor = anchor_quote(text, {UNIT!r}, {QUOTE!r})
        store = AnnotationStore.open(Path(data_dir) / "notes.sqlite")
        i = 0
        while True:
            change = store.add(anchor, note=f"r{{round_}}-n{{i}}", tags=[f"r{{round_}}"])
            print(change.annotation.id, flush=True)
            i += 1
""")


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_sigkill_during_bursts_of_writes_loses_no_saved_note(tmp_path: Path) -> None:
    """Guards "a note survives a crash": 120 SIGKILLs at random moments during bursts of
    writes (half through `concordia notes add`); every annotation whose id was printed before
    the kill is intact, and `PRAGMA integrity_check` is ok."""
    data_dir = tmp_path / "data"
    store_path = data_dir / "notes.sqlite"
    rng = random.Random(SEED)
    printed: dict[int, str] = {}
    started = time.perf_counter()
    for round_ in range(ROUNDS):
        mode = "cli" if round_ % 2 == 0 else "store"
        with subprocess.Popen([sys.executable, "-c", WORKER, mode, str(data_dir),
                               str(round_)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd=ROOT) as child:
            assert child.stdout is not None and child.stderr is not None
            first = child.stdout.readline()  # the burst is under way
            time.sleep(rng.uniform(0.0, 0.04))
            child.send_signal(signal.SIGKILL)
            # Read the rest through the same buffered reader: readline() may already hold
            # the next lines, which communicate() (reading the raw pipe) would skip.
            rest = child.stdout.read()
            errors = child.stderr.read()
            child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL, errors.decode()
        lines = (first + rest).split(b"\n")[:-1]  # a line cut short by the kill was not said
        assert lines, f"round {round_}: nothing was written before the kill"
        ids = [int(line) for line in lines]
        # One writer at a time: its ids follow each other, so a gap is a line the test missed.
        assert ids == list(range(ids[0], ids[0] + len(ids))), f"round {round_}: {ids}"
        for i, annotation_id in enumerate(ids):
            printed[annotation_id] = f"r{round_}-n{i}"
        if round_ % 30 == 29:
            assert integrity(store_path) == "ok", f"after round {round_}"
    elapsed = time.perf_counter() - started

    assert integrity(store_path) == "ok"
    with AnnotationStore.open(store_path) as store:
        for annotation_id, note in printed.items():
            found = store.get(annotation_id)
            assert found is not None, f"annotation {annotation_id} ({note}) was lost"
            assert (found.note, found.unit, found.quote, found.status, found.deleted) == (
                note, UNIT, QUOTE, OK, None)
            assert found.tags == (note.split("-")[0],)
        assert store.count() >= len(printed)
    assert integrity(store_path) == "ok"
    assert len(printed) >= ROUNDS
    print(f"{ROUNDS} kills, {len(printed)} notes reported saved, {elapsed:.1f} s")  # with -s
