"""What the fault suite shares: running `concordia` in a child process as a delegate would,
and damaging real files the way disks, sync tools and crashes do."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.notes.anchoring import anchor_quote
from desktop.core.notes.store import AnnotationStore
from desktop.core.notes.texts import CorpusText

ROOT = Path(__file__).resolve().parents[2]
UNIT, QUOTE = "res74-178/19", "increase the availability"
PAGE = 4096
CHILD_TIMEOUT = 120  # seconds: a hung child fails its test instead of the whole run


def concordia(*args: str, data_dir: Path | None = None, corpus: Path | None = None,
              env: dict[str, str] | None = None, stdin: str | None = None,
              preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """`concordia ARGS…` in a child process, as typed at a terminal (output captured)."""
    environment = dict(os.environ)
    environment.pop("CONCORDIA_AUTHOR", None)
    if corpus is not None:
        environment[paths.CORPUS_ENV] = str(corpus)
    environment.update(env or {})
    prefix = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return subprocess.run([sys.executable, "-m", "desktop", *prefix, *args],
                          capture_output=True, text=True, check=False, cwd=ROOT,
                          env=environment, input=stdin, timeout=CHILD_TIMEOUT,
                          preexec_fn=preexec)


def fill(store_path: Path, notes: list[str]) -> list[int]:
    """Add one annotation per note through the store (quicker than a process each)."""
    corpus = Corpus.open(paths.corpus_path())
    try:
        text = CorpusText.from_corpus(corpus).of_unit(UNIT)
    finally:
        corpus.close()
    assert text is not None
    anchor = anchor_quote(text, UNIT, QUOTE)
    with AnnotationStore.open(store_path) as store:
        ids = []
        for note in notes:
            added = store.add(anchor, note=note).annotation
            assert added is not None
            ids.append(added.id)
    return ids


def checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file and remove it, as a clean shutdown leaves it."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def pages_of(path: Path, name: str, kind: str) -> list[int]:
    """The page numbers of a table's or index's `kind` pages ('leaf', 'internal')."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno",
            (name, kind))]
    finally:
        connection.close()


def scribble(path: Path, page: int, page_size: int = PAGE) -> None:
    """Overwrite one page (numbered from 1) with a pattern no B-tree page has."""
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(bytes([0x0D, 0xFF, 0xFF, 0xFF]) + b"\xa5" * (page_size - 4))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
