"""Rolling backups of the notes database, taken with SQLite's online backup API.

A consistent copy even while another window writes: once a day when the store is opened
(after an integrity check, so a damaged database never rolls out the good copies), and before
every migration. Backups live in `backups/` beside the database; the newest KEEP_DAILY daily
ones and KEEP_MIGRATION pre-migration ones are kept. `recover` puts a backup in place of a
damaged database, which is set aside under a new name, never deleted.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

KEEP_DAILY = 7
KEEP_MIGRATION = 3
DAILY = "daily"
FOLDER = "backups"

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^notes-(\d{8}-\d{6})-(daily|before-v\d+)\.sqlite$")
_STALE_TEMP = timedelta(minutes=10)  # a backup takes well under a second


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # UTC
    reason: str  # DAILY, or "before-vN" for the copy taken before migrating to version N


def folder_of(store_path: Path) -> Path:
    return store_path.parent / FOLDER


def backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match:
                taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
                found.append(Backup(path, taken, match.group(2)))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def due(folder: Path, now: datetime) -> bool:
    """True when no daily backup is younger than a day."""
    daily = [b for b in backups(folder) if b.reason == DAILY]
    return not daily or now - daily[0].taken >= timedelta(days=1)


def take(connection: sqlite3.Connection, folder: Path, now: datetime,
         reason: str = DAILY) -> Backup:
    """Copy the open database into `folder` (atomically: a temporary file, then a rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(folder, now)
    final = folder / f"notes-{now.strftime(_STAMP)}-{reason}.sqlite"
    temp = folder / f".tmp-{uuid.uuid4().hex}.sqlite"
    try:
        target = sqlite3.connect(temp)
        try:
            connection.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            target.close()
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)
    prune(folder)
    return Backup(final, now, reason)


def prune(folder: Path) -> None:
    """Keep the newest KEEP_DAILY daily and KEEP_MIGRATION pre-migration backups."""
    found = backups(folder)
    daily = [b for b in found if b.reason == DAILY]
    migration = [b for b in found if b.reason != DAILY]
    for backup in daily[KEEP_DAILY:] + migration[KEEP_MIGRATION:]:
        backup.path.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path, now: datetime) -> None:
    """Remove what a killed or failed backup left (checked whenever the store opens); a
    young one may be another process's backup, in progress."""
    if not folder.is_dir():
        return
    for path in folder.glob(".tmp-*"):
        with contextlib.suppress(OSError):
            modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            if now - modified > _STALE_TEMP:
                path.unlink()


def annotation_count(path: Path) -> int | None:
    """How many annotations a backup holds, or None if it fails SQLite's integrity check."""
    try:
        connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return None
        return connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def newest_good(folder: Path) -> tuple[Backup, int] | None:
    """The newest backup that passes the integrity check, with its annotation count."""
    for backup in backups(folder):
        count = annotation_count(backup.path)
        if count is not None:
            return backup, count
    return None


def recover(store_path: Path, backup: Path, now: datetime, label: str = "damaged") -> Path | None:
    """Put `backup` in place of the database; the old file (and its WAL) is set aside.

    Returns where the old database now is (None if there was none). Nothing is deleted.
    """
    temp = store_path.with_name(f".{store_path.name}.{uuid.uuid4().hex}.restoring")
    shutil.copyfile(backup, temp)
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())
    aside = None
    if store_path.exists():
        aside = store_path.with_name(f"{store_path.name}.{label}-{now.strftime(_STAMP)}")
        os.replace(store_path, aside)
        for suffix in ("-wal", "-shm"):
            companion = store_path.with_name(store_path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(temp, store_path)
    return aside
