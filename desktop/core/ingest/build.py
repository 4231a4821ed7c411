"""Write a parsed corpus to SQLite, atomically: a temporary file replaces the target only
when the whole build succeeded. Two builds of the same sources give identical tables."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

from desktop.core.agreed import ALIGNED_KINDS, Vocabulary, common_shingles, restatements
from desktop.core.ingest.parse import Parsed, parse_all
from desktop.core.ingest.shape import check_shape

SCHEMA_VERSION = 2  # 2: units.opening, links.relation/score/shared, agreed_common

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE instruments(
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, title TEXT NOT NULL, short_title TEXT NOT NULL,
    symbol TEXT NOT NULL, adopted TEXT NOT NULL, body TEXT NOT NULL, source TEXT NOT NULL,
    citation_prefix TEXT NOT NULL, provenance TEXT NOT NULL);
CREATE TABLE units(
    id TEXT PRIMARY KEY, instrument TEXT NOT NULL REFERENCES instruments(id),
    kind TEXT NOT NULL, parent TEXT REFERENCES units(id), seq INTEGER NOT NULL,
    label TEXT NOT NULL, text TEXT NOT NULL, rich TEXT NOT NULL, role TEXT,
    level INTEGER NOT NULL, line_start INTEGER NOT NULL, line_end INTEGER NOT NULL,
    opening TEXT, UNIQUE(instrument, seq));
CREATE INDEX units_opening ON units(opening);
CREATE INDEX units_parent ON units(parent);
CREATE TABLE footnotes(
    id TEXT PRIMARY KEY, instrument TEXT NOT NULL REFERENCES instruments(id),
    number TEXT NOT NULL, text TEXT NOT NULL, rich TEXT NOT NULL, line INTEGER NOT NULL,
    unit TEXT REFERENCES units(id));
CREATE TABLE footnote_calls(
    unit TEXT NOT NULL REFERENCES units(id), seq INTEGER NOT NULL,
    footnote TEXT NOT NULL REFERENCES footnotes(id), offset INTEGER NOT NULL,
    PRIMARY KEY(unit, seq));
CREATE INDEX footnote_calls_footnote ON footnote_calls(footnote);
CREATE TABLE repairs(
    id INTEGER PRIMARY KEY, instrument TEXT NOT NULL, unit TEXT, source TEXT NOT NULL,
    line INTEGER NOT NULL, rule TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX repairs_unit ON repairs(unit);
CREATE TABLE slips(
    id INTEGER PRIMARY KEY, target TEXT NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL,
    detail TEXT NOT NULL);
CREATE TABLE links(
    source TEXT NOT NULL REFERENCES units(id), target TEXT REFERENCES units(id),
    kind TEXT NOT NULL, raw TEXT NOT NULL, line INTEGER, note TEXT NOT NULL DEFAULT '',
    relation TEXT, score REAL, shared REAL);
CREATE INDEX links_source ON links(source);
CREATE TABLE concordance_tokens(
    line INTEGER NOT NULL, seq INTEGER NOT NULL, raw TEXT NOT NULL,
    unit TEXT REFERENCES units(id), outcome TEXT NOT NULL, rule TEXT NOT NULL,
    target TEXT REFERENCES units(id), detail TEXT NOT NULL, PRIMARY KEY(line, seq));
CREATE INDEX links_target ON links(target);
CREATE VIRTUAL TABLE units_fts USING fts5(
    text, instrument UNINDEXED, kind UNINDEXED, content='units', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE units_vocab USING fts5vocab(units_fts, 'row');
CREATE TABLE term_stats(term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE agreed_common(shingle TEXT PRIMARY KEY) WITHOUT ROWID;
"""


def write(parsed: Parsed, target: Path) -> None:
    """Write `parsed` into a temporary file beside `target`, then replace `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".corpus-", suffix=".sqlite", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        _write_db(parsed, temp)
        os.chmod(temp, 0o644)  # mkstemp makes it private; the corpus is a shipped file
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _write_db(parsed: Parsed, path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executescript(SCHEMA)
        with connection:
            _insert(connection, parsed)
            index_text(connection)
            align_instruments(connection)
        connection.execute("VACUUM")
    finally:
        connection.close()


def _insert(connection: sqlite3.Connection, parsed: Parsed) -> None:
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "sources": json.dumps(parsed.source_hashes, sort_keys=True),
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    connection.executemany(
        "INSERT INTO instruments VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(i.id, i.seq, i.title, i.short_title, i.symbol, i.adopted, i.body, i.source,
          i.citation_prefix, json.dumps(dict(i.provenance), sort_keys=True, ensure_ascii=False))
         for i in parsed.instruments])
    connection.executemany(
        "INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(u.id, u.instrument, u.kind, u.parent, u.seq, u.label, u.text, u.rich, u.role,
          u.level, u.line_start, u.line_end, u.opening) for u in parsed.units])
    first_caller: dict[str, str] = {}
    for call in parsed.calls:
        first_caller.setdefault(call.footnote, call.unit)
    connection.executemany(
        "INSERT INTO footnotes VALUES (?,?,?,?,?,?,?)",
        [(f.id, f.instrument, f.number, f.text, f.rich, f.line, first_caller.get(f.id))
         for f in parsed.footnotes])
    connection.executemany(
        "INSERT INTO footnote_calls VALUES (?,?,?,?)",
        [(c.unit, c.seq, c.footnote, c.offset) for c in parsed.calls])
    connection.executemany(
        "INSERT INTO repairs(instrument, unit, source, line, rule, detail) VALUES (?,?,?,?,?,?)",
        [(r.instrument, r.unit, source, r.line, r.rule, r.detail)
         for source, r in parsed.repairs])
    connection.executemany(
        "INSERT INTO links(source, target, kind, raw, line, note) VALUES (?,?,?,?,?,?)",
        [(k.source, k.target, k.kind, k.raw, k.line, k.note) for k in parsed.links])
    connection.executemany(
        "INSERT INTO concordance_tokens VALUES (?,?,?,?,?,?,?,?)",
        [(t.line, t.seq, t.raw, t.unit, t.outcome, t.rule, t.target, t.detail)
         for t in parsed.tokens])
    connection.executemany(
        "INSERT INTO slips(target, source, line, detail) VALUES (?,?,?,?)",
        [(s.target, source, s.line, s.detail) for source, s in parsed.slips])


def index_text(connection: sqlite3.Connection) -> None:
    """Build the full-text index and the per-word document counts search ranks with
    (counting a common word's documents at query time would read its whole doclist)."""
    connection.execute("INSERT INTO units_fts(units_fts) VALUES('rebuild')")
    connection.execute("INSERT INTO term_stats SELECT term, doc FROM units_vocab")


def align_instruments(connection: sqlite3.Connection) -> None:
    """Agreed language: the corpus's common wording, then `restates` links between units of
    instruments adopted on different dates (desktop.core.agreed)."""
    units = connection.execute(
        "SELECT u.id, u.instrument, u.text FROM units u JOIN instruments i "
        f"ON i.id = u.instrument WHERE u.kind IN ({','.join('?' * len(ALIGNED_KINDS))}) "
        "ORDER BY u.rowid", ALIGNED_KINDS).fetchall()
    connection.executemany("INSERT INTO agreed_common VALUES (?)",
                           [(s,) for s in common_shingles(text for _, _, text in units)])
    dates = dict(connection.execute("SELECT id, adopted FROM instruments WHERE adopted != ''"))
    dated = [unit for unit in units if unit[1] in dates]
    found = restatements(Vocabulary(connection), dated, dates)
    connection.executemany(
        "INSERT INTO links(source, target, kind, raw, line, note, relation, score, shared) "
        "VALUES (?, ?, 'restates', '', NULL, '', ?, ?, ?)",
        [(r.source, r.target, r.relation, r.score, r.shared) for r in found])


def build(sources_dir: Path, target: Path) -> Parsed:
    """Parse the sources and write the corpus; on any error the old corpus stays as it was.
    A source that looks truncated (shape.py) is an error."""
    parsed = parse_all(sources_dir)
    check_shape(parsed)
    write(parsed, target)
    return parsed


def recorded_digests(target: Path) -> dict[str, str]:
    """The sources' digests the corpus at `target` was built from ({} if unreadable)."""
    try:
        connection = sqlite3.connect(f"file:{target.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'sources'").fetchone()
        return dict(json.loads(row[0])) if row else {}
    except (sqlite3.Error, ValueError):
        return {}
    finally:
        connection.close()


def table_contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted: what "same content" means for two corpus files."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'units_fts%' "
            "AND name != 'units_vocab' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        contents = {}
        for name in names:
            rows = connection.execute(f'SELECT * FROM "{name}"').fetchall()
            contents[name] = sorted(rows, key=repr)
        schema = connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY name").fetchall()
        contents["(schema)"] = schema
        return contents
    finally:
        connection.close()
