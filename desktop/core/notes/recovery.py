"""Recovering a damaged notes database: the newest good backup, plus every row still
readable in the damaged file.

A backup holds what was there when it was taken; the damaged file usually still holds most
of what came after. `recover` starts from a copy of the backup and copies over it, row by
row, every row of the damaged file that can still be read (a damaged page loses only the
rows on it), then puts the result in place under an exclusive lock — never while a window or
command has the notes open — and sets the old file aside, never deleting it. The report says
how many annotations came from where, and which ids could not be found anywhere.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.core.notes import backups, sidecar
from desktop.core.notes.errors import BadInput, StoreLocked

# The tables copied, parents first (foreign keys). `id_keys` is outside the versioned schema
# (store.py): copied when both files have it.
TABLES = ("settings", "categories", "annotations", "reviews", "reattachments", "id_keys")
_PROBE_MARGIN = 1000  # rowids past the last known one tried when the table's end is damaged


@dataclass(frozen=True)
class Candidate:
    """A backup the delegate may recover from (the window's Recover… list)."""

    backup: backups.Backup
    annotations: int | None  # None: the backup itself fails its integrity check


@dataclass
class Salvage:
    """What a recovery put together, annotation ids by where they came from."""

    from_damaged: list[int] = field(default_factory=list)  # read from the damaged file
    from_backup: list[int] = field(default_factory=list)  # unreadable there, in the backup
    lost: list[int] = field(default_factory=list)  # known to have existed, found nowhere
    unreadable_rows: int = 0  # rows of any table the damaged file could not give back


@dataclass(frozen=True)
class Recovery:
    source: Path | None  # the backup started from (None: no backup, salvage only)
    aside: Path | None  # where the previous file now is
    salvage: Salvage
    annotations: int  # in the recovered database

    def lines(self, store_name: str) -> list[str]:
        """What was done, for the delegate."""
        salvage = self.salvage
        start = f"from {self.source.name}" if self.source else "from the damaged file alone"
        out = [f"restored {store_name} {start}: {_count(self.annotations, 'annotation')}"]
        if self.aside is not None:
            out.append(f"  {_count(len(salvage.from_damaged), 'annotation')} read from the "
                       f"previous file, kept as {self.aside}")
            if salvage.from_backup:
                out.append(f"  {_count(len(salvage.from_backup), 'annotation')} unreadable "
                           f"there, taken from the backup: {_ids(salvage.from_backup)}")
            if salvage.lost:
                out.append(f"  {_count(len(salvage.lost), 'annotation')} in neither, lost: "
                           f"{_ids(salvage.lost)}")
        return out


def candidates(store_path: Path) -> list[Candidate]:
    """Every automatic backup, newest first, with its annotation count."""
    return [Candidate(b, backups.annotation_count(b.path))
            for b in backups.backups(backups.folder_of(store_path))]


def recover(store_path: Path, now: datetime, source: Path | None = None,
            label: str = "damaged", salvage: bool = True) -> Recovery:
    """Put the newest good backup (or `source`), with every row still readable in the
    current file, in place of the current file, which is set aside. Refuses (StoreLocked)
    while any window or command has the notes open."""
    if source is None:
        newest = backups.newest_good(backups.folder_of(store_path))
        source = newest[0].path if newest else None
    if source is None and not (salvage and store_path.exists()):
        raise BadInput(f"there is no readable backup in {backups.folder_of(store_path)}")
    lock = sidecar.StoreLock.exclusive(store_path)
    if lock is None:
        raise StoreLocked(f"the notes database {store_path} is open in another Concordia "
                          "window or command: close it, then recover. Nothing was changed.")
    try:
        temp = store_path.with_name(f".{store_path.name}.{uuid.uuid4().hex}.restoring")
        try:
            if source is not None:
                shutil.copyfile(source, temp)
            report = Salvage()
            if salvage and store_path.exists():
                report = salvage_into(store_path, temp, source is not None)
            annotations = _finish(temp)
            aside = _swap(store_path, temp, now, label)
        finally:
            temp.unlink(missing_ok=True)
        with contextlib.suppress(sqlite3.Error):
            sidecar.write_known(store_path, _known(store_path))
        return Recovery(source, aside, report, annotations)
    finally:
        lock.release()


def accept(store_path: Path) -> None:
    """Take the database as it now is (replaced by hand on purpose): forget what it held."""
    sidecar.write_known(store_path, _known(store_path))


def salvage_into(damaged: Path, target: Path, has_backup: bool) -> Salvage:
    """Copy every readable row of `damaged` (and its write-ahead log) into `target`, over
    the backup's rows. The damaged file is read through a copy: it is never written."""
    report = Salvage()
    with tempfile.TemporaryDirectory(prefix="concordia-salvage-") as folder:
        copy = Path(folder) / "damaged.sqlite"
        shutil.copyfile(damaged, copy)
        wal = damaged.with_name(damaged.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        source = sqlite3.connect(copy)
        into = sqlite3.connect(target, isolation_level=None)
        try:
            try:
                present = {row[0] for row in source.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")}
            except sqlite3.DatabaseError:  # not even its list of tables can be read
                present = set()
            if not has_backup:
                if "annotations" not in present:
                    raise BadInput(f"nothing can be read from {damaged} and there is no "
                                   "backup to restore; it was left as it was")
                _create_like(source, into)
            ours = {row[0] for row in into.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            backup_ids = {row[0] for row in into.execute("SELECT id FROM annotations")}
            into.execute("BEGIN")
            for table in TABLES:
                if table not in present or table not in ours:
                    continue
                try:
                    read, unreadable = _readable_rows(source, table, into)
                    columns = _common_columns(source, into, table)
                except sqlite3.DatabaseError:
                    report.unreadable_rows += 1
                    continue
                report.unreadable_rows += unreadable
                names = ", ".join(f'"{c}"' for c in columns)
                insert = (f'INSERT OR REPLACE INTO "{table}" ({names}) '
                          f"VALUES ({', '.join('?' * len(columns))})")
                for row in read:
                    try:
                        into.execute(insert, [row[c] for c in columns])
                    except sqlite3.Error:  # a row the damage made invalid: the backup's stays
                        report.unreadable_rows += 1
                        continue
                    if table == "annotations":
                        report.from_damaged.append(row["id"])
            report.from_damaged.sort()
            salvaged = set(report.from_damaged)
            highest = max([*backup_ids, *salvaged, _last_known(damaged)], default=0)
            # An id given out before the damage is never given again, even if its row is lost.
            into.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) "
                         "WHERE name = 'annotations'", (highest,))
            into.execute("COMMIT")
            report.from_backup = sorted(backup_ids - salvaged)
            report.lost = sorted(set(range(1, highest + 1)) - backup_ids - salvaged)
        finally:
            source.close()
            into.close()
    return report


def _readable_rows(source: sqlite3.Connection, table: str,
                   into: sqlite3.Connection) -> tuple[list[sqlite3.Row], int]:
    """The table's rows that can be read: all at once, else one rowid at a time."""
    source.row_factory = sqlite3.Row
    with contextlib.suppress(sqlite3.DatabaseError):
        return source.execute(f'SELECT * FROM "{table}"').fetchall(), 0
    upper = _highest_rowid(source, table, into)
    rows, unreadable = [], 0
    for rowid in range(1, upper + 1):
        try:
            row = source.execute(f'SELECT * FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            unreadable += 1
            continue
        if row is not None:
            rows.append(row)
    return rows, unreadable


def _highest_rowid(source: sqlite3.Connection, table: str, into: sqlite3.Connection) -> int:
    with contextlib.suppress(sqlite3.DatabaseError):
        found = source.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
        if found is not None:
            return int(found)
    known = [0]
    with contextlib.suppress(sqlite3.DatabaseError):
        row = source.execute("SELECT seq FROM sqlite_sequence WHERE name = ?",
                             (table,)).fetchone()
        known.append(int(row[0] or 0) if row else 0)
    with contextlib.suppress(sqlite3.DatabaseError):
        known.append(int(into.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0))
    return max(known) + _PROBE_MARGIN


def _last_known(damaged: Path) -> int:
    known = sidecar.read_known(damaged)
    return known.last_id if known else 0


def _common_columns(source: sqlite3.Connection, into: sqlite3.Connection,
                    table: str) -> list[str]:
    theirs = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
    ours = {row[1] for row in into.execute(f'PRAGMA table_info("{table}")')}
    return [name for name in theirs if name in ours]


def _create_like(source: sqlite3.Connection, into: sqlite3.Connection) -> None:
    """No backup to start from: the damaged file's own schema, if it can be read."""
    for (sql,) in source.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                                 "name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid"):
        into.execute(sql)
    for pragma in ("user_version", "application_id"):
        value = int(source.execute(f"PRAGMA {pragma}").fetchone()[0])
        into.execute(f"PRAGMA {pragma} = {value}")


def _finish(temp: Path) -> int:
    connection = sqlite3.connect(temp)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        count = int(connection.execute("SELECT count(*) FROM annotations").fetchone()[0])
    finally:
        connection.close()
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())
    return count


def _swap(store_path: Path, temp: Path, now: datetime, label: str) -> Path | None:
    aside = None
    if store_path.exists():
        aside = store_path.with_name(f"{store_path.name}.{label}-{now:%Y%m%d-%H%M%S}")
        os.replace(store_path, aside)
        for suffix in ("-wal", "-shm"):
            companion = store_path.with_name(store_path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(temp, store_path)
    return aside


def _known(store_path: Path) -> sidecar.Known:
    connection = sqlite3.connect(f"file:{store_path.as_posix()}?mode=ro", uri=True)
    try:
        count, last = connection.execute(
            "SELECT count(*), coalesce(max(id), 0) FROM annotations").fetchone()
    finally:
        connection.close()
    return sidecar.Known(int(count), int(last))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:20])
    return shown + (f" and {len(ids) - 20} more" if len(ids) > 20 else "")
