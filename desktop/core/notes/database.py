"""Opening the notes database safely, and turning SQLite's errors into sentences.

Before anything is written the file is looked at: not SQLite → corrupt; written by a newer
Concordia → refused; some other program's SQLite file → refused. None of these is ever
modified. Only then is the database switched to WAL, migrated (after a copy) and, once a
day, backed up after an integrity check.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.notes import backups, schema, sidecar
from desktop.core.notes.errors import (
    NotesError,
    StoreCorrupt,
    StoreForeign,
    StoreLocked,
    StoreTooNew,
    StoreUnavailable,
    StoreWriteFailed,
)
from desktop.core.notes.sidecar import StoreLock

FILE_NAME = "notes.sqlite"
MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT = 5.0  # seconds to wait for another window's write before giving up
_NEARLY_FULL = 1 << 20  # bytes free below which a failed write is put down to a full disk


def store_path(data_dir: Path) -> Path:
    """Where the notes database lives in the user data directory (paths.data_dir())."""
    return data_dir / FILE_NAME


@dataclass
class Opened:
    connection: sqlite3.Connection
    problem: StoreUnavailable | None  # why the store is open read-only; None: writable
    lock: StoreLock


def open_database(path: Path, busy_timeout: float, now: datetime) -> Opened:
    """A connection to a checked, current notes database at `path`, created if missing.

    A database that fails its integrity check, holds fewer annotations than it did, or
    cannot be written (a read-only folder, a full disk) is opened read-only, with the reason
    in `problem`; one that cannot be read at all raises.
    """
    lock = StoreLock.shared(path, busy_timeout)
    if lock is None:
        raise StoreLocked(f"the notes database {path} is being recovered by another Concordia "
                          "command; try again when it has finished. Nothing was changed.")
    try:
        _check_header(path)
        version, problem = _probe(path, busy_timeout) if path.exists() else (0, None)
        if problem is None:
            try:
                return Opened(_open_writable(path, version, busy_timeout, now), None, lock)
            except (StoreWriteFailed, StoreUnavailable) as error:
                if isinstance(error, (StoreCorrupt, StoreTooNew, StoreForeign)) or not (
                        path.exists() and path.stat().st_size):
                    raise
                why = getattr(error, "cause", None)
                problem = StoreUnavailable(
                    (f"the notes database {path} cannot be written: {why}." if why else
                     str(error)) + " The notes are open read-only: they can be read, not "
                    "changed.", path)
        return Opened(_open_read_only(path, busy_timeout), problem, lock)
    except BaseException:
        lock.release()
        raise


def _open_writable(path: Path, version: int, busy_timeout: float,
                   now: datetime) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(f"the notes database {path} cannot be created: "
                               f"{cause(path, error)}. Nothing was changed.", path) from None
    try:
        connection = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreUnavailable(f"the notes database {path} cannot be opened "
                               f"({cause(path, error)}). It was left as it was.", path) from None
    try:
        _prepare(connection, path, version, busy_timeout, now)
    except BaseException:
        connection.close()
        raise
    return connection


def _open_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A read-only connection; in a folder where SQLite cannot make its shared-memory file,
    the file is read as immutable (nobody can be writing to it there)."""
    quoted = urllib.parse.quote(path.as_posix())
    with translated(path, busy_timeout, "the notes were not opened"):
        try:
            connection = sqlite3.connect(f"file:{quoted}?mode=ro", uri=True,
                                         timeout=busy_timeout, isolation_level=None)
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as error:
            if not _no_shared_memory(error):
                raise
            connection = sqlite3.connect(f"file:{quoted}?immutable=1", uri=True,
                                         timeout=busy_timeout, isolation_level=None)
    return connection


def _no_shared_memory(error: sqlite3.Error) -> bool:
    """SQLite could not make or grow its shared-memory file (a read-only folder, a full
    disk): a read-only reader can still read the file as immutable."""
    text = str(error).lower()
    return "unable to open" in text or "disk i/o" in text or "readonly" in text


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
    if not header and (backups.backups(backups.folder_of(path)) or sidecar.read_known(path)):
        # Truncated to nothing (a failed copy, a sync tool): a new store would reuse ids.
        raise corrupt(path, "it is empty (0 bytes) although notes were kept in it")


def _probe(path: Path, busy_timeout: float) -> tuple[int, StoreCorrupt | None]:
    """The schema version of an existing database, read through a read-only connection
    (which, unlike a writable one, never checkpoints a WAL into the file when it closes);
    a newer or foreign database is refused here, before anything could write to it. Also
    checked: SQLite's quick integrity check (about 2 ms for 10,000 annotations) and that no
    annotation the store knew of is gone; either failing opens the store read-only."""
    uri = f"file:{urllib.parse.quote(path.as_posix())}?mode=ro"
    with translated(path, busy_timeout, "the notes were not opened"):
        try:
            probe = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as error:
            if not _no_shared_memory(error):
                raise
            probe = sqlite3.connect(uri.replace("mode=ro", "immutable=1"), uri=True)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            application = probe.execute("PRAGMA application_id").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if application != schema.APPLICATION_ID or version > schema.SCHEMA_VERSION:
                check, held = "ok", None
            else:
                try:
                    check = probe.execute("PRAGMA quick_check").fetchone()[0]
                except sqlite3.DatabaseError as error:  # a page too damaged to check
                    if type(error) is not sqlite3.DatabaseError:
                        raise
                    check = str(error)
                held = probe.execute("SELECT count(*), coalesce(max(id), 0) FROM annotations"
                                     ).fetchone() if version and check == "ok" else None
        finally:
            probe.close()
    _refuse_newer(path, version)
    if application != schema.APPLICATION_ID and (tables or version):
        raise StoreForeign(f"{path} is an SQLite database, but not Concordia's notes. It was "
                           "left as it was: move it away or choose another --data-dir.", path)
    if check != "ok":
        return int(version), corrupt(path, f"its integrity check failed: {check}",
                                     read_only=True)
    known = sidecar.read_known(path)
    if held is not None and known is not None and (held[0] < known.annotations
                                                   or held[1] < known.last_id):
        return int(version), corrupt(
            path, f"annotations saved in it are missing: it held {known.annotations} (ids up "
                  f"to {known.last_id}), it now holds {held[0]} (ids up to {held[1]}); its "
                  "write-ahead log may have been damaged",
            replaced_hint=True, read_only=True)
    return int(version), None


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
        backups.remove_stale_temporaries(folder, now)
        # The probe's quick_check passed: a damaged database never rolls out good copies.
        if backups.due(folder, now) and connection.execute(
                "SELECT EXISTS (SELECT 1 FROM annotations)").fetchone()[0]:
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


def corrupt(path: Path, detail: str, replaced_hint: bool = False,
            read_only: bool = False) -> StoreCorrupt:
    """The message for a damaged database, offering the newest good backup. `read_only`:
    it opens read-only (what can still be read is shown) rather than not at all."""
    found = backups.newest_good(backups.folder_of(path))
    detail = " ".join(detail.split())  # SQLite's reports run over several lines
    detail = detail if len(detail) <= 160 else detail[:159] + "…"
    message = (f"the notes database {path} is damaged: {detail}. It was left as it was and "
               "can only be read until it is recovered." if read_only else
               f"the notes database {path} cannot be read: {detail}. It was left as it was.")
    if found is None:
        message += (" There is no automatic backup to restore; keep the file for a technician "
                    "and start with a new one by moving it away.")
        damaged = StoreCorrupt(message, path, None)
    else:
        backup, count = found
        message += (f" The newest automatic backup is {backup.path.name} (taken "
                    f"{backup.taken:%Y-%m-%d %H:%M} UTC, {count} annotation"
                    f"{'s' * (count != 1)}); recovering restores it with every annotation "
                    "still readable in the damaged file, which is kept beside it.")
        damaged = StoreCorrupt(message, path, backup.path)
    damaged.maybe_replaced = replaced_hint  # each front end says how to keep a copy put back
    return damaged


def cause(path: Path, error: BaseException) -> str:
    """Why a file in the data folder cannot be written, as far as can be told."""
    folder = path.parent
    with contextlib.suppress(OSError):
        free = shutil.disk_usage(folder if folder.exists() else folder.parent).free
        if free < _NEARLY_FULL:
            return f"the disk holding {folder} is full ({free:,} bytes free)"
    if folder.exists() and not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the file {path} is read-only"
    detail = getattr(error, "strerror", None) or str(error)
    return f"the system reported “{detail}”"


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
            raise StoreWriteFailed(f"the disk holding {path} is full, so {undone}; nothing "
                                   "was changed. Free some space and try again.") from None
        if ("readonly" in text or "read-only" in text or "disk i/o" in text
                or "unable to open" in text):
            why = cause(path, error)
            failed = StoreWriteFailed(f"the notes database {path} cannot be written: {why}, "
                                      f"so {undone}; nothing was changed.")
            failed.cause = why  # type: ignore[attr-defined]
            raise failed from None
        if "malformed" in text or "not a database" in text:
            raise corrupt(path, str(error)) from None
        raise NotesError(f"{error}: {undone}; nothing was changed.") from None
    except sqlite3.IntegrityError as error:
        raise NotesError(f"{error}: {undone}; nothing was changed.") from None
    except sqlite3.DatabaseError as error:
        if type(error) is sqlite3.DatabaseError:  # "malformed", "not a database", …
            raise corrupt(path, str(error)) from None
        raise
