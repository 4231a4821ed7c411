"""Opening the notes database safely, and turning SQLite's errors into sentences.

Before anything is written the file is looked at: not SQLite → corrupt; written by a newer
Concordia → refused; some other program's SQLite file → refused. None of these is ever
modified. Only then is the database switched to WAL, migrated (after a copy) and, once a
day, backed up after an integrity check.
"""

from __future__ import annotations

import contextlib
import sqlite3
import urllib.parse
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from desktop.core.notes import backups, schema
from desktop.core.notes.errors import (
    NotesError,
    StoreCorrupt,
    StoreForeign,
    StoreLocked,
    StoreTooNew,
    StoreUnavailable,
    StoreWriteFailed,
)

FILE_NAME = "notes.sqlite"
MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT = 5.0  # seconds to wait for another window's write before giving up


def store_path(data_dir: Path) -> Path:
    """Where the notes database lives in the user data directory (paths.data_dir())."""
    return data_dir / FILE_NAME


def open_database(path: Path, busy_timeout: float, now: datetime) -> sqlite3.Connection:
    """A connection to a checked, current notes database at `path`, created if missing."""
    _check_header(path)
    version = _probe(path, busy_timeout) if path.exists() else 0
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        connection = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreUnavailable(f"the notes database {path} cannot be opened ({error}). It was "
                               "left as it was.", path) from None
    try:
        _prepare(connection, path, version, busy_timeout, now)
    except BaseException:
        connection.close()
        raise
    return connection


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(MAGIC))
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreUnavailable(f"the notes database {path} cannot be read ({error.strerror}). "
                               "It was left as it was.", path) from None
    if header and header != MAGIC:
        raise corrupt(path, "it is not an SQLite database")


def _probe(path: Path, busy_timeout: float) -> int:
    """The schema version of an existing database, read through a read-only connection
    (which, unlike a writable one, never checkpoints a WAL into the file when it closes);
    a newer or foreign database is refused here, before anything could write to it."""
    uri = f"file:{urllib.parse.quote(path.as_posix())}?mode=ro"
    with translated(path, busy_timeout, "the notes were not opened"):
        probe = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            application = probe.execute("PRAGMA application_id").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
    _refuse_newer(path, version)
    if application != schema.APPLICATION_ID and (tables or version):
        raise StoreForeign(f"{path} is an SQLite database, but not Concordia's notes. It was "
                           "left as it was: move it away or choose another --data-dir.", path)
    return int(version)


def _refuse_newer(path: Path, version: int) -> None:
    if version > schema.SCHEMA_VERSION:
        raise StoreTooNew(
            f"the notes database {path} was written by a newer version of Concordia (its "
            f"schema is version {version}; this version knows up to {schema.SCHEMA_VERSION}). "
            "It was left as it was: update Concordia to open it.", path)


def _prepare(connection: sqlite3.Connection, path: Path, version: int, busy_timeout: float,
             now: datetime) -> None:
    with translated(path, busy_timeout, "the notes were not opened"):
        # WAL: readers never block the writer, a crash never leaves half a transaction;
        # FULL: a committed note survives the battery dying, not only a crash.
        if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        if version < schema.SCHEMA_VERSION:
            _migrate(connection, path, version, now)
        folder = backups.folder_of(path)
        if backups.due(folder, now) and connection.execute(
                "SELECT EXISTS (SELECT 1 FROM annotations)").fetchone()[0]:
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise corrupt(path, f"its integrity check failed: {check}")
            backups.take(connection, folder, now)


def _migrate(connection: sqlite3.Connection, path: Path, version: int, now: datetime) -> None:
    import sqlite_utils  # only here: see schema.py

    if version > 0:
        backups.take(connection, backups.folder_of(path), now,
                     reason=f"before-v{schema.SCHEMA_VERSION}")
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while this one waited for the lock — perhaps a
        # newer Concordia, whose version number must never be lowered.
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        _refuse_newer(path, version)
        db = sqlite_utils.Database(connection, execute_plugins=False, recursive_triggers=False)
        for step in schema.MIGRATIONS[version:schema.SCHEMA_VERSION]:
            step(db)
        connection.execute(f"PRAGMA user_version = {int(schema.SCHEMA_VERSION)}")
        connection.execute(f"PRAGMA application_id = {int(schema.APPLICATION_ID)}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def corrupt(path: Path, detail: str) -> StoreCorrupt:
    """The message for a damaged database, offering the newest good backup."""
    found = backups.newest_good(backups.folder_of(path))
    message = f"the notes database {path} cannot be read: {detail}. It was left as it was."
    if found is None:
        message += (" There is no automatic backup to restore; keep the file for a technician "
                    "and start with a new one by moving it away.")
        return StoreCorrupt(message, path, None)
    backup, count = found
    message += (f" The newest automatic backup is {backup.path.name} (taken "
                f"{backup.taken:%Y-%m-%d %H:%M} UTC, {count} annotation"
                f"{'s' * (count != 1)}). To restore it, run `concordia notes recover`: the "
                "damaged file is kept beside it.")
    return StoreCorrupt(message, path, backup.path)


@contextlib.contextmanager
def translated(path: Path, busy_timeout: float, undone: str) -> Iterator[None]:
    """Raise SQLite's errors as NotesErrors that say what happened and what was kept.

    `undone` says what did not happen, as a clause: "the annotation was not saved".
    """
    try:
        yield
    except NotesError:
        raise
    except sqlite3.OperationalError as error:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            raise StoreLocked(
                f"the notes database is busy: another Concordia window or command held it "
                f"for more than {busy_timeout:g} s, so {undone}. Nothing was lost; try "
                "again.") from None
        if "full" in text:
            raise StoreWriteFailed(f"the disk is full, so {undone}; nothing was changed. Free "
                                   "some space and try again.") from None
        if "readonly" in text or "read-only" in text:
            raise StoreWriteFailed(f"the notes database {path} is read-only, so {undone}; "
                                   "nothing was changed.") from None
        if "malformed" in text or "not a database" in text:
            raise corrupt(path, str(error)) from None
        raise NotesError(f"{error}: {undone}; nothing was changed.") from None
    except sqlite3.IntegrityError as error:
        raise NotesError(f"{error}: {undone}; nothing was changed.") from None
    except sqlite3.DatabaseError as error:
        if type(error) is sqlite3.DatabaseError:  # "malformed", "not a database", …
            raise corrupt(path, str(error)) from None
        raise
