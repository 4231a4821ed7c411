"""Schema version 2 (sharing): a notes database from before it is copied, then migrated, and
from then on every change a delegate can see makes a new version in the lineage."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.core.corpus import Corpus
from desktop.core.notes import backups, schema
from desktop.core.notes.service import NotesService


def _version_one(service_of: NotesService, monkeypatch: pytest.MonkeyPatch) -> int:
    """A database written by the Concordia before sharing (schema 1), one annotation in it."""
    with monkeypatch.context() as patched:
        patched.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        patched.setattr(schema, "SCHEMA_VERSION", 1)
        change = service_of.store().add(service_of.anchor("res74-178/19"), note="before")
        service_of.close()
    assert change.annotation is not None
    return change.annotation.id


def test_a_version_one_database_is_copied_then_migrated(corpus: Corpus, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    path = tmp_path / "notes.sqlite"
    annotation_id = _version_one(NotesService(path, corpus), monkeypatch)
    service = NotesService(path, corpus)
    store = service.store()
    copies = [b for b in backups.backups(backups.folder_of(path)) if b.reason == "before-v2"]
    assert len(copies) == 1
    old = sqlite3.connect(copies[0].path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    found = store.get(annotation_id)
    assert found is not None and found.note == "before"

    def version() -> tuple[str, list[str]]:
        with store.snapshot() as db:
            stamp, history = db.execute("SELECT stamp, history FROM annotations WHERE id = ?",
                                        (annotation_id,)).fetchone()
        return stamp, json.loads(history)

    first, lineage = version()
    assert len(first) == 16 and lineage == []
    store.update(annotation_id, note="after")  # within the same second: still a new version
    second, lineage = version()
    assert second != first and lineage == [first]
    store.update(annotation_id, note="after")  # no change: no new version
    assert version() == (second, [first])
    service.close()
