"""The user corpus: imported instruments in their own SQLite file, the shipped schema.

The file lives in the user data directory (paths.user_corpus_path). It holds the tables of
corpus.sqlite (build.SCHEMA) plus two of its own: `drafts` (what each import was: the file,
its digest, the detection report, the short forms users type) and `revisions` (the text of
every earlier revision, kept for comparison when a draft is replaced).

`attach` joins it to the shipped corpus's read-only connection: the union of both under the
shipped tables' names, as temporary views, so every query of the read API (desktop.core.corpus)
sees imported instruments as it sees shipped ones. The full-text index and the term statistics
stay the shipped corpus's own (agreed language weighs words by the shipped corpus).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.model import Instrument, Link, Unit

# Tables of the shipped schema that the union covers (the read API reads these).
UNION_TABLES = ("instruments", "units", "footnotes", "footnote_calls", "repairs", "slips",
                "links")
USER_ROWID_BASE = -1_000_000_000  # user rows sort after none of the shipped (max(rowid) intact)
USER_SEQ_BASE = 1000  # imported instruments come after the shipped ones
USER_SCHEMA_VERSION = 1

EXTRA_SCHEMA = """
CREATE TABLE drafts(
    instrument TEXT PRIMARY KEY, revision INTEGER NOT NULL, imported TEXT NOT NULL,
    file TEXT NOT NULL, digest TEXT NOT NULL, aliases TEXT NOT NULL, report TEXT NOT NULL);
CREATE TABLE revisions(
    instrument TEXT NOT NULL, revision INTEGER NOT NULL, imported TEXT NOT NULL,
    file TEXT NOT NULL, digest TEXT NOT NULL, units TEXT NOT NULL,
    PRIMARY KEY(instrument, revision));
"""


class UserCorpusError(Exception):
    """The user corpus cannot be read or written; says what to do."""


@dataclass(frozen=True)
class DraftRecord:
    """What an import was, beside the instrument's own record."""

    instrument: str
    revision: int
    imported: str  # ISO timestamp
    file: str  # the file's name as imported
    digest: str  # of the text (sha256 of the units' ids and texts)
    aliases: tuple[str, ...]
    report: dict[str, object]


@dataclass(frozen=True)
class Revision:
    instrument: str
    revision: int
    imported: str
    file: str
    digest: str
    units: tuple[tuple[str, str, str], ...]  # (id, label, text) in document order


def damaged(path: Path, detail: str) -> UserCorpusError:
    detail = " ".join(detail.split())
    return UserCorpusError(f"the imported instruments in {path} cannot be read ({detail}): "
                           "move the file aside and import the drafts again. Your notes are "
                           "kept apart and are not affected.")


def _schema() -> str:
    from desktop.core.ingest.build import SCHEMA  # the one definition of the corpus tables

    return SCHEMA + EXTRA_SCHEMA


def create(path: Path) -> None:
    """An empty user corpus at `path` (written beside it, then moved in place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".instruments-", suffix=".sqlite",
                                         dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        connection = sqlite3.connect(temp)
        try:
            connection.executescript(_schema())
            with connection:
                connection.execute("INSERT INTO meta VALUES ('schema_version', ?)",
                                   (str(USER_SCHEMA_VERSION),))
                connection.execute("INSERT INTO meta VALUES ('kind', 'user')")
        finally:
            connection.close()
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def open_for_writing(path: Path) -> sqlite3.Connection:
    """A connection to the user corpus, created if missing; a damaged one is refused."""
    if not path.exists():
        create(path)
    try:
        connection = sqlite3.connect(path, timeout=5.0)
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
        connection.execute("SELECT 1 FROM drafts LIMIT 1")
    except sqlite3.DatabaseError as error:
        raise damaged(path, str(error)) from None
    if check != "ok":
        connection.close()
        raise damaged(path, f"its integrity check failed: {check}")
    connection.execute("PRAGMA foreign_keys = OFF")
    return connection


# -- the union with the shipped corpus ------------------------------------------------


def attach(connection: sqlite3.Connection, path: Path) -> bool:
    """Attach the user corpus at `path` (read-only) and put the union of both corpora under
    the shipped tables' names. False (and nothing attached) when there is no user corpus."""
    if not path.is_file():
        return False
    try:
        connection.execute("ATTACH DATABASE ? AS user", (f"file:{path.as_posix()}?mode=ro",))
    except sqlite3.Error as error:
        raise damaged(path, str(error)) from None
    try:
        check = connection.execute("PRAGMA user.quick_check").fetchone()[0]
        if check != "ok":
            raise damaged(path, f"its integrity check failed: {check}")
        for table in UNION_TABLES:
            columns = [row[1] for row in connection.execute(f"PRAGMA main.table_info({table})")]
            listed = ", ".join(columns)
            connection.execute(
                f"CREATE TEMP VIEW {table}(rowid, {listed}) AS "
                f"SELECT rowid, {listed} FROM main.{table} UNION ALL "
                f"SELECT rowid + {USER_ROWID_BASE}, {listed} FROM user.{table}")
    except sqlite3.DatabaseError as error:
        detach(connection)
        raise damaged(path, str(error)) from None
    except UserCorpusError:
        detach(connection)
        raise
    return True


def detach(connection: sqlite3.Connection) -> None:
    for table in UNION_TABLES:
        connection.execute(f"DROP VIEW IF EXISTS temp.{table}")
    if any(row[1] == "user" for row in connection.execute("PRAGMA database_list")):
        connection.execute("DETACH DATABASE user")


def attached(connection: sqlite3.Connection) -> bool:
    return any(row[1] == "user" for row in connection.execute("PRAGMA database_list"))


# -- reading --------------------------------------------------------------------------


def records(connection: sqlite3.Connection, schema: str = "main") -> list[DraftRecord]:
    rows = connection.execute(
        f"SELECT instrument, revision, imported, file, digest, aliases, report "
        f"FROM {schema}.drafts ORDER BY instrument").fetchall()
    return [DraftRecord(row[0], row[1], row[2], row[3], row[4], tuple(json.loads(row[5])),
                        json.loads(row[6])) for row in rows]


def revisions(connection: sqlite3.Connection, instrument: str) -> list[Revision]:
    """The earlier revisions of `instrument`, oldest first."""
    rows = connection.execute(
        "SELECT instrument, revision, imported, file, digest, units FROM revisions "
        "WHERE instrument = ? ORDER BY revision", (instrument,)).fetchall()
    return [Revision(row[0], row[1], row[2], row[3], row[4],
                     tuple(tuple(unit) for unit in json.loads(row[5]))) for row in rows]


# -- writing --------------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    """One instrument as detection produced it, ready to be kept."""

    instrument: Instrument
    units: Sequence[Unit]
    footnotes: Sequence[tuple[str, str, str, int, str | None]]  # id, number, text, line, unit
    calls: Sequence[tuple[str, int, str, int]]  # unit, seq, footnote, offset
    repairs: Sequence[tuple[str | None, int, str, str]]  # unit, line, rule, detail
    links: Sequence[Link]
    record: DraftRecord


def keep(connection: sqlite3.Connection, imported: Imported, replace: bool) -> int:
    """Write `imported` in one transaction; with `replace`, the instrument's current text
    goes to `revisions` first. Returns the revision number now current."""
    instrument = imported.instrument
    with connection:
        existing = connection.execute("SELECT revision FROM drafts WHERE instrument = ?",
                                      (instrument.id,)).fetchone()
        revision = 1
        if existing is not None:
            if not replace:
                raise UserCorpusError(f"an instrument {instrument.id} is already imported")
            revision = existing[0] + 1
            _archive(connection, instrument.id)
            _delete(connection, instrument.id)
        seq = connection.execute("SELECT coalesce(max(seq), ?) + 1 FROM instruments",
                                 (USER_SEQ_BASE,)).fetchone()[0]
        connection.execute(
            "INSERT INTO instruments VALUES (?,?,?,?,?,?,?,?,?,?)",
            (instrument.id, seq, instrument.title, instrument.short_title, instrument.symbol,
             instrument.adopted, instrument.body, instrument.source, instrument.citation_prefix,
             json.dumps(dict(instrument.provenance), sort_keys=True, ensure_ascii=False)))
        connection.executemany(
            "INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(u.id, u.instrument, u.kind, u.parent, u.seq, u.label, u.text, u.rich, u.role,
              u.level, u.line_start, u.line_end, u.opening) for u in imported.units])
        connection.executemany(
            "INSERT INTO footnotes VALUES (?,?,?,?,?,?,?)",
            [(fid, instrument.id, number, text, text, line, unit)
             for fid, number, text, line, unit in imported.footnotes])
        connection.executemany("INSERT INTO footnote_calls VALUES (?,?,?,?)",
                               list(imported.calls))
        connection.executemany(
            "INSERT INTO repairs(instrument, unit, source, line, rule, detail) "
            "VALUES (?,?,?,?,?,?)",
            [(instrument.id, unit, instrument.source, line, rule, detail)
             for unit, line, rule, detail in imported.repairs])
        connection.executemany(
            "INSERT INTO links(source, target, kind, raw, line, note, relation, score, shared) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [(k.source, k.target, k.kind, k.raw, k.line, k.note, k.relation, k.score, k.shared)
             for k in imported.links])
        record = imported.record
        connection.execute(
            "INSERT INTO drafts VALUES (?,?,?,?,?,?,?)",
            (instrument.id, revision, record.imported, record.file, record.digest,
             json.dumps(list(record.aliases), ensure_ascii=False),
             json.dumps(record.report, ensure_ascii=False, sort_keys=True)))
        _reindex(connection)
    return revision


def remove(connection: sqlite3.Connection, instrument: str) -> bool:
    """Remove an instrument and its earlier revisions; False if there was none."""
    with connection:
        if connection.execute("SELECT 1 FROM drafts WHERE instrument = ?",
                              (instrument,)).fetchone() is None:
            return False
        _delete(connection, instrument)
        connection.execute("DELETE FROM revisions WHERE instrument = ?", (instrument,))
        _reindex(connection)
    return True


def _archive(connection: sqlite3.Connection, instrument: str) -> None:
    row = connection.execute("SELECT revision, imported, file, digest FROM drafts "
                             "WHERE instrument = ?", (instrument,)).fetchone()
    units = connection.execute("SELECT id, label, text FROM units WHERE instrument = ? "
                               "ORDER BY seq", (instrument,)).fetchall()
    connection.execute("INSERT INTO revisions VALUES (?,?,?,?,?,?)",
                       (instrument, row[0], row[1], row[2], row[3],
                        json.dumps([list(u) for u in units], ensure_ascii=False)))


def _delete(connection: sqlite3.Connection, instrument: str) -> None:
    units = "SELECT id FROM units WHERE instrument = ?"
    connection.execute(f"DELETE FROM footnote_calls WHERE unit IN ({units})", (instrument,))
    connection.execute(f"DELETE FROM links WHERE source IN ({units}) OR target IN ({units})",
                       (instrument, instrument))
    for table in ("footnotes", "repairs", "units", "instruments"):
        column = "id" if table == "instruments" else "instrument"
        connection.execute(f"DELETE FROM {table} WHERE {column} = ?", (instrument,))
    connection.execute("DELETE FROM drafts WHERE instrument = ?", (instrument,))


def _reindex(connection: sqlite3.Connection) -> None:
    """The user corpus's own full-text index and term counts (search over imported text)."""
    connection.execute("DELETE FROM term_stats")
    from desktop.core.ingest.build import index_text

    index_text(connection)


def instrument_ids(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute("SELECT id FROM instruments ORDER BY seq")]


def unit_texts(connection: sqlite3.Connection, instrument: str) -> Iterable[tuple[str, str]]:
    return connection.execute("SELECT id, text FROM units WHERE instrument = ? ORDER BY seq",
                              (instrument,))
