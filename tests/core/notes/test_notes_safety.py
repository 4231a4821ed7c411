"""A notes database that is damaged, locked, newer or foreign is never overwritten; the
delegate is told what happened and offered the newest automatic backup.

Also: the copy taken before a migration, the rolling daily backups, and recovery.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.core.corpus import Corpus
from desktop.core.notes import backups, schema
from desktop.core.notes.anchoring import anchor_quote
from desktop.core.notes.errors import StoreCorrupt, StoreForeign, StoreLocked, StoreTooNew
from desktop.core.notes.model import Anchor
from desktop.core.notes.store import AnnotationStore
from desktop.core.notes.texts import CorpusText

DAY0 = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def anchor(corpus: Corpus) -> Anchor:
    text = CorpusText.from_corpus(corpus).of_unit("res74-178/19")
    assert text is not None
    return anchor_quote(text, "res74-178/19", "increase the availability")


def fingerprint(path: Path) -> tuple[str, float]:
    """The file's bytes (hashed) and modification time: what "never overwritten" means."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime


def filled(path: Path, anchor: Anchor, count: int, clock: Clock | None = None) -> list[int]:
    with AnnotationStore.open(path, clock=clock or Clock(DAY0)) as store:
        ids = []
        for i in range(count):
            added = store.add(anchor, note=f"note {i}").annotation
            assert added is not None
            ids.append(added.id)
        return ids


def test_a_file_that_is_not_sqlite_is_refused_untouched(store_path: Path) -> None:
    """Guards corrupt files: a clear message, no backup to offer, the bytes unchanged."""
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"this is not a database, but a delegate's file\n" * 100)
    before = fingerprint(store_path)
    with pytest.raises(StoreCorrupt) as caught:
        AnnotationStore.open(store_path)
    message = str(caught.value)
    assert "cannot be read: it is not an SQLite database" in message
    assert "left as it was" in message and "no automatic backup" in message
    assert fingerprint(store_path) == before
    assert not store_path.with_name("notes.sqlite-wal").exists()


def test_a_damaged_database_offers_the_newest_backup_and_recovers(store_path: Path,
                                                                  anchor: Anchor) -> None:
    """Guards damage found while reading: the message names the newest good backup and how
    to restore it; `recover` puts it back and keeps the damaged file beside it."""
    old = filled(store_path, anchor, 40, Clock(DAY0))
    # Opening again takes the day's backup (of those 40), then 5 more are added.
    filled(store_path, anchor, 5, Clock(DAY0 + timedelta(hours=2)))
    with sqlite3.connect(store_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(store_path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), page):  # scribble over every page but the first
        data[offset:offset + 64] = b"\xff" * 64
    store_path.write_bytes(bytes(data))
    before = fingerprint(store_path)

    # It opens (the first page is intact); the first read hits the damage.
    with (pytest.raises(StoreCorrupt) as caught,
          AnnotationStore.open(store_path, clock=Clock(DAY0 + timedelta(hours=3))) as store):
        store.list()
    message = str(caught.value)
    assert "notes-20260312-110000-daily.sqlite" in message and "40 annotations" in message
    assert "recovering restores it with every annotation still readable" in message
    assert caught.value.backup is not None
    assert fingerprint(store_path) == before

    aside = backups.recover(store_path, caught.value.backup, DAY0 + timedelta(hours=4))
    assert aside is not None and aside.name == "notes.sqlite.damaged-20260312-130000"
    assert hashlib.sha256(aside.read_bytes()).hexdigest() == before[0]
    with AnnotationStore.open(store_path, clock=Clock(DAY0 + timedelta(hours=4))) as store:
        assert sorted(a.id for a in store.list()) == old
        assert {a.note for a in store.list()} == {f"note {i}" for i in range(40)}


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path, anchor: Anchor
                                                              ) -> None:
    """Guards the schema version: a newer database is not migrated, opened for writing or
    changed in any way — not even its write-ahead log is folded into the file; the message
    says to update Concordia."""
    written = tmp_path / "newer" / "notes.sqlite"
    filled(written, anchor, 3)
    newer = sqlite3.connect(written)
    newer.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    newer.commit()
    # As a newer Concordia left it: the version change still in the write-ahead log.
    store_path = tmp_path / "data" / "notes.sqlite"
    store_path.parent.mkdir()
    for name in ("notes.sqlite", "notes.sqlite-wal"):
        shutil.copyfile(written.with_name(name), store_path.with_name(name))
    newer.close()
    wal = store_path.with_name("notes.sqlite-wal")
    before = fingerprint(store_path), fingerprint(wal)
    with pytest.raises(StoreTooNew) as caught:
        AnnotationStore.open(store_path)
    assert "newer version of Concordia" in str(caught.value)
    assert f"version {schema.SCHEMA_VERSION + 1}" in str(caught.value)
    assert "update Concordia" in str(caught.value)
    assert (fingerprint(store_path), fingerprint(wal)) == before


def test_some_other_programs_database_is_refused_untouched(store_path: Path) -> None:
    """Guards against adopting a foreign SQLite file that happens to be called notes.sqlite."""
    store_path.parent.mkdir(parents=True)
    with sqlite3.connect(store_path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    before = fingerprint(store_path)
    with pytest.raises(StoreForeign, match="not Concordia's notes"):
        AnnotationStore.open(store_path)
    assert fingerprint(store_path) == before


def test_a_locked_database_waits_then_says_so_and_loses_nothing(store_path: Path,
                                                               anchor: Anchor) -> None:
    """Guards the busy timeout: while another process holds the write lock, a write waits,
    then fails with a clear message; the earlier notes are intact and the next try works."""
    ids = filled(store_path, anchor, 3)
    blocker = sqlite3.connect(store_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with AnnotationStore.open(store_path, busy_timeout=0.3) as store:
        started = time.perf_counter()
        with pytest.raises(StoreLocked) as caught:
            store.add(anchor, note="while locked")
        assert time.perf_counter() - started >= 0.25
        message = str(caught.value)
        assert "busy" in message and "the annotation was not saved" in message
        assert "Nothing was lost; try again" in message
        assert [a.id for a in store.list()] == ids  # reading still works meanwhile
        blocker.execute("ROLLBACK")
        added = store.add(anchor, note="after the lock").annotation
        assert added is not None
        assert [a.note for a in store.list()] == ["note 0", "note 1", "note 2",
                                                  "after the lock"]
    blocker.close()


def test_a_briefly_locked_database_just_waits(store_path: Path, anchor: Anchor) -> None:
    """Guards "wait (busy timeout)": a lock released within the timeout costs a pause, not
    the note."""
    filled(store_path, anchor, 1)
    blocker = sqlite3.connect(store_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: blocker.execute("COMMIT"))
    release.start()
    with AnnotationStore.open(store_path, busy_timeout=5) as store:
        added = store.add(anchor, note="waited").annotation
        assert added is not None and store.get(added.id) is not None
    release.join()
    blocker.close()


def test_a_migration_copies_the_database_first(store_path: Path, anchor: Anchor,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards migrations: before going from the current version to the next, the whole
    database is copied into backups/; the migration then runs, and the notes are all there."""
    ids = filled(store_path, anchor, 4)
    current, following = schema.SCHEMA_VERSION, schema.SCHEMA_VERSION + 1

    def later_version(db: Any) -> None:
        db.execute("ALTER TABLE annotations ADD COLUMN colour_override TEXT")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, later_version])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", following)
    later = DAY0 + timedelta(hours=1)
    with AnnotationStore.open(store_path, clock=Clock(later)) as store:
        assert [a.id for a in store.list()] == ids
    copies = [b for b in backups.backups(backups.folder_of(store_path))
              if b.reason == f"before-v{following}"]
    assert [c.path.name for c in copies] == [
        f"notes-20260312-100000-before-v{following}.sqlite"]
    copy = sqlite3.connect(copies[0].path)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == current
    assert copy.execute("SELECT count(*) FROM annotations").fetchone()[0] == 4
    copy.close()
    migrated = sqlite3.connect(store_path)
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == following
    columns = [row[1] for row in migrated.execute("PRAGMA table_info(annotations)")]
    assert "colour_override" in columns
    migrated.close()


def test_a_failed_migration_leaves_the_database_as_it_was(store_path: Path, anchor: Anchor,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """Guards migrations being all-or-nothing: one that fails half-way is rolled back."""
    filled(store_path, anchor, 2)

    def broken(db: Any) -> None:
        db.execute("ALTER TABLE annotations ADD COLUMN half TEXT")
        raise RuntimeError("bug in migration")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        AnnotationStore.open(store_path)
    monkeypatch.undo()
    connection = sqlite3.connect(store_path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    columns = [row[1] for row in connection.execute("PRAGMA table_info(annotations)")]
    assert "half" not in columns
    connection.close()


def test_daily_backups_roll(store_path: Path, anchor: Anchor) -> None:
    """Guards rolling backups: at most one a day, taken when the store opens, the newest
    KEEP_DAILY kept, each a complete readable copy."""
    folder = backups.folder_of(store_path)
    AnnotationStore.open(store_path, clock=Clock(DAY0)).close()
    assert backups.backups(folder) == []  # nothing worth keeping yet
    for day in range(10):
        for hour in (0, 5):
            filled(store_path, anchor, 1, Clock(DAY0 + timedelta(days=day, hours=hour)))
    taken = backups.backups(folder)
    assert len(taken) == backups.KEEP_DAILY
    # The first opening of each day that finds the last backup a day old takes one.
    assert [b.taken for b in taken] == [DAY0 + timedelta(days=d, hours=5)
                                        for d in range(9, 2, -1)]
    # The backup taken when the store opened on the last day holds everything before it.
    assert backups.annotation_count(taken[0].path) == 19
