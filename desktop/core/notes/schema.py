"""The notes database's schema and its migrations, versioned with `PRAGMA user_version`.

MIGRATIONS[n] takes a database from version n to n + 1; the opener (database.py) copies the
file before running any of them and runs them all in one transaction with the new version
number, so a migration either happens completely or not at all. sqlite-utils builds the
tables here (and its `transform` is what later migrations use for the changes SQLite's own
ALTER TABLE cannot make); it is imported only when a migration runs, because its import
costs a window-less command about 0.1 s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.notes.model import DEFAULT_CATEGORIES

if TYPE_CHECKING:
    from sqlite_utils import Database

SCHEMA_VERSION = 2
APPLICATION_ID = 0x436F6E63  # "Conc": tells our notes database from any other SQLite file

# Annotation ids are typed by people (`concordia notes remove 12`): AUTOINCREMENT guarantees
# an id is never given out twice, even after rows are purged. sqlite-utils' create() has no
# public switch for it, so this one table is written out.
_ANNOTATIONS = """
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    instrument TEXT NOT NULL,
    unit TEXT NOT NULL,
    end_unit TEXT NOT NULL,
    seq INTEGER NOT NULL,
    end_seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    whole INTEGER NOT NULL CHECK (whole IN (0, 1)),
    text_hash TEXT NOT NULL,
    category INTEGER REFERENCES categories(id),
    note TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    meeting TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'review', 'archived')),
    deleted TEXT,
    version INTEGER NOT NULL DEFAULT 1
)
"""

# Any change to an annotation's row, by any connection, bumps its version: readers that keep
# built annotations (store.py) know by (id, version) whether theirs is still current. The WHEN
# clause stops the trigger's own update from firing it again.
_VERSION_TRIGGER = """
CREATE TRIGGER annotations_version AFTER UPDATE ON annotations
WHEN NEW.version = OLD.version
BEGIN
    UPDATE annotations SET version = OLD.version + 1 WHERE id = NEW.id;
END
"""


def _v1(db: Database) -> None:
    """The first schema: settings, categories (seeded), annotations, review list, history."""
    db["settings"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    db["categories"].create({"id": int, "name": str, "colour": str, "position": int},
                            pk="id", not_null={"name", "colour", "position"})
    db.execute("CREATE UNIQUE INDEX categories_name ON categories(name COLLATE NOCASE)")
    db["categories"].insert_all(
        {"name": name, "colour": colour, "position": position}
        for position, (name, colour) in enumerate(DEFAULT_CATEGORIES))
    db.execute(_ANNOTATIONS)
    db.execute(_VERSION_TRIGGER)
    db["annotations"].create_index(["instrument", "seq", "start"], "annotations_place")
    db["annotations"].create_index(["unit"], "annotations_unit")
    # The review list: annotations that could not be re-attached with confidence, with the
    # candidate places (anchors as JSON) offered to the delegate.
    db["reviews"].create({"annotation": int, "reason": str, "candidates": str, "since": str},
                         pk="annotation", not_null={"reason", "candidates", "since"},
                         foreign_keys=[("annotation", "annotations", "id")])
    # Every automatic re-attachment and every settled review, so nothing moves unrecorded.
    db["reattachments"].create(
        {"id": int, "annotation": int, "at": str, "outcome": str, "reason": str, "old": str,
         "new": str},
        pk="id", not_null={"annotation", "at", "outcome", "reason", "old"},
        foreign_keys=[("annotation", "annotations", "id")])
    db["reattachments"].create_index(["annotation"], "reattachments_annotation")


# Sharing (desktop/core/exchange/): every version of an annotation has a `stamp`, a random
# id, and the annotation keeps its lineage — the stamps of the versions it grew from, oldest
# first. An import reads from them whether the incoming version grew from the one here
# (update it), the one here from it (keep it), or neither (a conflict). Triggers keep them,
# whoever writes: a new row gets a stamp; a change of what a delegate sees (the words and
# place, note, category, tags, meeting, privacy) files the old stamp in the lineage and gives
# a new one. A write that sets the stamp itself (an import) is left alone, and the WHEN
# clauses stop the triggers' own updates from firing them again. (Not `modified`: it counts
# whole seconds, and two edits in one second must still be two versions.)
_NEW_STAMP = "lower(hex(randomblob(8)))"
_STAMP_TRIGGER = f"""
CREATE TRIGGER annotations_stamp AFTER INSERT ON annotations
WHEN NEW.stamp = ''
BEGIN
    UPDATE annotations SET stamp = {_NEW_STAMP} WHERE id = NEW.id;
END
"""
_SEEN = ("unit", "end_unit", "start", '"end"', "quote", "whole", "note", "category", "tags",
         "meeting", "private")
_HISTORY_TRIGGER = f"""
CREATE TRIGGER annotations_history AFTER UPDATE ON annotations
WHEN NEW.stamp = OLD.stamp AND ({" OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _SEEN)})
BEGIN
    UPDATE annotations SET history = json_insert(OLD.history, '$[#]', OLD.stamp),
                           stamp = {_NEW_STAMP}
    WHERE id = NEW.id;
END
"""


def _v2(db: Database) -> None:
    """Sharing annotations: each version's stamp and each annotation's lineage, and the
    conflicts list — a colleague's version changed where this one changed too, kept beside
    it (as JSON) for the delegate to choose; `source` names the file it came from."""
    db.execute("ALTER TABLE annotations ADD COLUMN stamp TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE annotations ADD COLUMN history TEXT NOT NULL DEFAULT '[]'")
    db.execute(f"UPDATE annotations SET stamp = {_NEW_STAMP}")
    db.execute(_STAMP_TRIGGER)
    db.execute(_HISTORY_TRIGGER)
    db["conflicts"].create({"annotation": int, "incoming": str, "source": str, "since": str},
                           pk="annotation", not_null={"incoming", "source", "since"},
                           foreign_keys=[("annotation", "annotations", "id")])


MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2]

assert len(MIGRATIONS) == SCHEMA_VERSION, "one migration per schema version"
