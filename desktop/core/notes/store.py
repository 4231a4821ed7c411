"""The annotation store: the delegate's highlights and notes, in the user's notes database.

Every write is one transaction for one user action (BEGIN IMMEDIATE … COMMIT in WAL mode with
synchronous=FULL) and returns a Change saying what it touched, for the views to refresh
themselves. Reads are autocommit statements, so a second window or process sees every
committed write at once, without restarting. Plain sqlite3 on the hot path: adding and
listing must stay within a few milliseconds (benchmarks/bench_notes.py).
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop.core.names import unknown_category
from desktop.core.notes import sidecar
from desktop.core.notes.database import DEFAULT_BUSY_TIMEOUT, Opened, open_database, translated
from desktop.core.notes.errors import (
    BadInput,
    NotesError,
    NotFound,
    StoreCorrupt,
    StoreReadOnly,
    StoreReplaced,
    StoreUnavailable,
)
from desktop.core.notes.model import (
    ARCHIVED,
    OK,
    REVIEW,
    Anchor,
    Annotation,
    Category,
    Change,
    Reattachment,
    Reconciliation,
    ReviewItem,
)
from desktop.core.notes.reattach import MOVED, SAME, reattach
from desktop.core.notes.texts import CorpusText

AUTHOR = "author"  # setting: the name written into new annotations
CORPUS = "corpus"  # setting: fingerprint of the corpus text the anchors were last checked on

# The most a note may hold: about 30 printed pages. A 4 MB paste would take seconds to
# render in every view; the refusal says so before anything is saved (docs/notes.md).
MAX_NOTE = 100_000  # characters
MAX_FIELD = 1_000  # characters in a tag or a meeting name
_MAX_ID = (1 << 63) - 1  # SQLite's largest rowid: a larger typed id names no annotation
_ID_KEYS = """CREATE TABLE IF NOT EXISTS id_keys (
    key TEXT PRIMARY KEY, annotation INTEGER NOT NULL, created TEXT NOT NULL)"""

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SPARE_COLOURS = ("#5d4037", "#455a64", "#ad1457", "#558b2f", "#283593", "#f9a825")

# Categories are joined in Python (_categories): a handful of rows, read once per query, where
# an SQL join would cost a lookup per annotation.
_COLUMNS = """
SELECT a.id, a.uuid, a.unit, a.end_unit, a.start, a."end", a.quote, a.prefix, a.suffix,
       a.whole, a.text_hash, a.seq, a.end_seq, a.category, a.note, a.tags, a.meeting,
       a.author, a.private, a.created, a.modified, a.revision, a.status, a.deleted,
       a.version"""
_FROM = " FROM annotations a"
_SELECT = _COLUMNS + _FROM
_ORDER = " ORDER BY a.instrument, a.seq, a.start, a.id"


class _Unset:
    """Marks an argument left out of update() (None is a value there: no category)."""


UNSET: Any = _Unset()
_NOT_CACHED = (-1, None)


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class AnnotationStore:
    """Open with AnnotationStore.open(path); close() when done (or use `with`)."""

    def __init__(self, opened: Opened, path: Path, busy_timeout: float,
                 clock: Callable[[], datetime]) -> None:
        self._db = opened.connection
        self._lock = opened.lock
        self.path = path
        self.busy_timeout = busy_timeout
        self._clock = clock
        # Why the store is read-only (damaged, annotations missing, a read-only folder, a
        # full disk), or None. Set at opening, or later when a read meets a damaged page.
        self.problem: StoreUnavailable | None = opened.problem
        self._identity = _identity(path)
        self._cache: dict[int, tuple[int, Annotation]] = {}  # id → (version, annotation)
        self._cached_names: dict[int, tuple[str, str]] = {}

    @classmethod
    def open(cls, path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
             clock: Callable[[], datetime] = utc_now) -> AnnotationStore:
        """Open (creating on first use) the notes database at `path`.

        Raises StoreCorrupt, StoreTooNew, StoreForeign or StoreLocked (all NotesErrors, each
        with a message for the delegate) and then leaves the file exactly as it was. A
        database that can be read but not trusted or not written opens read-only: `problem`
        says why, and every write raises StoreReadOnly until it is recovered.
        """
        return cls(open_database(path, busy_timeout, clock()), path, busy_timeout, clock)

    def close(self) -> None:
        self._db.close()
        self._lock.release()

    @property
    def read_only(self) -> bool:
        return self.problem is not None

    def replaced(self) -> bool:
        """True once the file this store opened is no longer the one at its path (a
        recovery put another in place, or it was moved away): reopen to see the notes."""
        return _identity(self.path) != self._identity

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self, undone: str) -> Iterator[sqlite3.Connection]:
        """One user action: all of it is committed, or none of it."""
        if self.problem is not None:
            short = f"{undone[0].upper()}{undone[1:]}: the notes are open read-only."
            raise StoreReadOnly(f"{short} {_sentence(self.problem)}", self.path, self.problem,
                                short)
        with self._noticing(), translated(self.path, self.busy_timeout, undone):
            self._db.execute("BEGIN IMMEDIATE")  # take the write lock now, waiting if busy
            try:
                if self.replaced():  # checked under the write lock: no swap can follow
                    raise StoreReplaced(
                        f"the notes database {self.path} was replaced since it was opened "
                        f"(by a recovery?), so {undone}: reopen the notes and try again.",
                        self.path)
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def transaction(self, undone: str) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One write transaction for a caller outside the store that changes many rows as
        one user action (importing shared annotations): all of it, or none of it."""
        return self._write(undone)

    def snapshot(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """Several reads that see one committed state, for a caller outside the store."""
        return self._snapshot()

    @contextlib.contextmanager
    def _read(self) -> Iterator[None]:
        with self._noticing(), translated(self.path, self.busy_timeout,
                                          "the notes were not read"):
            yield

    @contextlib.contextmanager
    def _noticing(self) -> Iterator[None]:
        """A damaged page met while reading or writing makes the store read-only."""
        try:
            yield
        except StoreCorrupt as error:
            if self.problem is None:
                self.problem = error
            raise

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one committed state (a read transaction; WAL lets the
        writers carry on)."""
        with self._read():
            self._db.execute("BEGIN")
            try:
                yield self._db
            finally:
                if self._db.in_transaction:
                    self._db.execute("COMMIT")

    # -- annotations: reading -----------------------------------------------------------

    def get(self, annotation_id: int) -> Annotation | None:
        """The annotation, wherever it is (attached, in review, archived or in the trash)."""
        if not 0 < annotation_id <= _MAX_ID:
            return None
        with self._snapshot() as db:
            row = db.execute(_SELECT + " WHERE a.id = ?", (annotation_id,)).fetchone()
            return _annotation(row, _categories(db)) if row else None

    def list(self, *, instrument: str | None = None, unit: str | None = None,
             covering: tuple[str, int] | None = None, category: str | None = None,
             tag: str | None = None, trash: bool = False,
             statuses: Sequence[str] = (OK, REVIEW)) -> list[Annotation]:
        """Annotations in document order, filtered.

        `unit`: those starting or ending in that unit; `covering`: (instrument, seq) — those
        whose units include the unit at that document position; `trash`: the trash instead
        of the live ones. The annotations returned are shared with the store's cache: treat
        them as values (model.py).
        """
        where = ["a.deleted IS NOT NULL" if trash else "a.deleted IS NULL",
                 f"a.status IN ({', '.join('?' * len(statuses))})"]
        values: list[object] = list(statuses)
        if instrument is not None:
            where.append("a.instrument = ?")
            values.append(instrument)
        if unit is not None:
            where.append("(a.unit = ? OR a.end_unit = ?)")
            values += [unit, unit]
        if covering is not None:
            where.append("a.instrument = ? AND a.seq <= ? AND a.end_seq >= ?")
            values += [covering[0], covering[1], covering[1]]
        if category is not None:
            where.append("a.category = (SELECT id FROM categories WHERE name = ? "
                         "COLLATE NOCASE)")
            values.append(category.strip())
        if tag is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = ?)")
            values.append(tag.strip().lstrip("#").strip())
        condition = " WHERE " + " AND ".join(where) + _ORDER
        with self._snapshot() as db:
            return self._listed(db, condition, values)

    def _source(self) -> str:
        """The FROM clause. A damaged store is read row by row, not through its indexes: a
        damaged index page must not hide annotations the table still holds."""
        return _FROM + (" NOT INDEXED" if self.problem is not None else "")

    def _listed(self, db: sqlite3.Connection, condition: str,
                values: list[object]) -> list[Annotation]:
        """The matching annotations, built only for rows changed since last listed.

        Every update of a row bumps its `version` (a trigger, schema.py), whoever writes it,
        so (id, version) names one state of an annotation: a cached one is reused only while
        its version is current. Fetching whole rows is most of a long list's cost.
        """
        names = _categories(db)
        if names != self._cached_names:  # a category was renamed, recoloured or removed
            self._cache.clear()
            self._cached_names = names
        source = self._source()
        select = _COLUMNS + source
        cache = self._cache
        if cache:
            keys = db.execute("SELECT a.id, a.version" + source + condition, values).fetchall()
            stale = [annotation_id for annotation_id, version in keys
                     if cache.get(annotation_id, _NOT_CACHED)[0] != version]
            if len(stale) > len(keys) // 2:
                rows = db.execute(select + condition, values).fetchall()
            else:
                rows = []
                for first in range(0, len(stale), 500):
                    chunk = stale[first:first + 500]
                    rows += db.execute(select + f" WHERE a.id IN ({', '.join('?' * len(chunk))})",
                                       chunk).fetchall()
        else:  # nothing to reuse: one query for everything
            rows = db.execute(select + condition, values).fetchall()
            keys = [(row[0], row[24]) for row in rows]
        for row in rows:
            cache[row[0]] = (row[24], _annotation(row, names))
        return [cache[annotation_id][1] for annotation_id, _ in keys]

    def data_version(self) -> int:
        """A number that changes whenever another connection (a second window, a command in
        a shell) commits a write; this connection's own writes leave it as it is."""
        with self._read():
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def states(self) -> dict[int, tuple[int, str, str]]:
        """Every annotation's id -> (row version, first unit, last unit): what a view needs
        to tell what another process changed (any change of a row bumps its version)."""
        with self._read():
            return {row[0]: (row[1], row[2], row[3]) for row in self._db.execute(
                "SELECT id, version, unit, end_unit FROM annotations")}

    def count(self, *, trash: bool = False) -> int:
        with self._read():
            return self._db.execute(
                "SELECT count(*) FROM annotations WHERE deleted IS "
                + ("NOT NULL" if trash else "NULL")).fetchone()[0]

    # -- annotations: writing -----------------------------------------------------------

    def add(self, anchor: Anchor, *, category: str | None = None, note: str = "",
            tags: Iterable[str] = (), meeting: str = "", private: bool = False,
            author: str | None = None, id_key: str | None = None) -> Change:
        """Store a new annotation; the Change carries it (`change.annotation.id`).

        `id_key`: a key chosen by the caller (a script's retry); adding again with the same
        key adds nothing and returns the annotation the first call added (a Change with no
        annotations touched).
        """
        _check_sizes(note, tags, meeting)
        now = stamp(self._clock())
        with self._write("the annotation was not saved") as db:
            if id_key is not None:
                # Outside the versioned schema on purpose: made on first use, copied by
                # backups and by recovery like any other table.
                db.execute(_ID_KEYS)
                row = db.execute("SELECT annotation FROM id_keys WHERE key = ?",
                                 (id_key,)).fetchone()
                if row is not None:
                    return Change("add", annotation=self._get(db, row[0]))
            category_id = self._category_id(db, category)
            if author is None:
                author = self._setting(db, AUTHOR) or ""
            record = _anchor_record(anchor) | {
                "uuid": str(uuid.uuid4()), "category": category_id, "note": note,
                "tags": json.dumps(_clean_tags(tags), ensure_ascii=False),
                "meeting": meeting.strip(), "author": author.strip(), "private": int(private),
                "created": now, "modified": now, "revision": 1, "status": OK}
            names = ", ".join(f'"{name}"' for name in record)
            cursor = db.execute(
                f"INSERT INTO annotations ({names}) VALUES ({', '.join('?' * len(record))})",
                list(record.values()))
            added = self._get(db, int(cursor.lastrowid or 0))
            if id_key is not None:
                db.execute("INSERT INTO id_keys (key, annotation, created) VALUES (?, ?, ?)",
                           (id_key, added.id, now))
            held = db.execute("SELECT count(*) FROM annotations").fetchone()[0]
        # After the commit, so the record is never ahead of the database (sidecar.py).
        sidecar.write_known(self.path, sidecar.Known(held, added.id))
        return Change("add", (added.id,), _units(anchor), annotation=added)

    def update(self, annotation_id: int, *, note: str = UNSET, category: str | None = UNSET,
               tags: Iterable[str] = UNSET, meeting: str = UNSET, private: bool = UNSET,
               expected_revision: int | None = None) -> Change:
        """Change the given fields only, so two windows editing different fields both win.

        `expected_revision` refuses the edit if another window changed the annotation since
        this one read it.
        """
        _check_sizes(None if note is UNSET else note, () if tags is UNSET else tags,
                     "" if meeting is UNSET else meeting)
        with self._write("the change was not saved") as db:
            current = self._live(db, annotation_id)
            _check_revision(current, expected_revision)
            fields: dict[str, object] = {}
            if note is not UNSET and note != current.note:
                fields["note"] = note
            if category is not UNSET:
                category_id = self._category_id(db, category)
                fields["category"] = category_id
            if tags is not UNSET and tuple(_clean_tags(tags)) != current.tags:
                fields["tags"] = json.dumps(_clean_tags(tags), ensure_ascii=False)
            if meeting is not UNSET and meeting.strip() != current.meeting:
                fields["meeting"] = meeting.strip()
            if private is not UNSET and bool(private) != current.private:
                fields["private"] = int(private)
            if not fields:
                return Change("update", annotation=current)
            updated = self._touch(db, annotation_id, fields)
        return Change("update", (annotation_id,), _units(updated.anchor), annotation=updated)

    def remove(self, annotation_id: int, expected_revision: int | None = None) -> Change:
        """Move the annotation to the trash (restore() brings it back)."""
        with self._write("the annotation was not removed") as db:
            current = self._live(db, annotation_id)
            _check_revision(current, expected_revision)
            removed = self._touch(db, annotation_id, {"deleted": stamp(self._clock())})
        return Change("remove", (annotation_id,), _units(current.anchor), annotation=removed)

    def restore(self, annotation_id: int, expected_revision: int | None = None) -> Change:
        """Bring an annotation back from the trash, where it was."""
        with self._write("the annotation was not restored") as db:
            current = self._get(db, annotation_id)
            _check_revision(current, expected_revision)
            if current.deleted is None:
                raise BadInput(f"annotation {annotation_id} is not in the trash")
            restored = self._touch(db, annotation_id, {"deleted": None})
        return Change("restore", (annotation_id,), _units(current.anchor), annotation=restored)

    def _touch(self, db: sqlite3.Connection, annotation_id: int,
               fields: dict[str, object]) -> Annotation:
        """Apply `fields`, bump the revision and the modified time; the annotation after."""
        fields = fields | {"modified": stamp(self._clock())}
        assignments = ", ".join(f'"{name}" = ?' for name in fields)
        db.execute(f"UPDATE annotations SET {assignments}, revision = revision + 1 "
                   "WHERE id = ?", [*fields.values(), annotation_id])
        return self._get(db, annotation_id)

    def _get(self, db: sqlite3.Connection, annotation_id: int) -> Annotation:
        if not 0 < annotation_id <= _MAX_ID:
            raise NotFound(f"there is no annotation {annotation_id}")
        row = db.execute(_SELECT + " WHERE a.id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise NotFound(f"there is no annotation {annotation_id}")
        return _annotation(row, _categories(db))

    def _live(self, db: sqlite3.Connection, annotation_id: int) -> Annotation:
        found = self._get(db, annotation_id)
        if found.deleted is not None:
            raise BadInput(f"annotation {annotation_id} is in the trash: restore it first")
        return found

    # -- categories ---------------------------------------------------------------------

    def categories(self) -> list[Category]:
        with self._read():
            rows = self._db.execute("SELECT id, name, colour, position FROM categories "
                                    "ORDER BY position, id").fetchall()
        return [Category(*row) for row in rows]

    def add_category(self, name: str, colour: str | None = None) -> Change:
        name = _category_name(name)
        with self._write("the category was not added") as db:
            if self._find_category(db, name) is not None:
                raise BadInput(f"there is already a category “{name}”")
            count, position = db.execute(
                "SELECT count(*), coalesce(max(position) + 1, 0) FROM categories").fetchone()
            colour = _colour(colour) if colour else _SPARE_COLOURS[count % len(_SPARE_COLOURS)]
            cursor = db.execute("INSERT INTO categories (name, colour, position) "
                                "VALUES (?, ?, ?)", (name, colour, position))
        return Change("category", categories=(int(cursor.lastrowid or 0),))

    def rename_category(self, old: str, new: str) -> Change:
        new = _category_name(new)
        with self._write("the category was not renamed") as db:
            found = self._category(db, old)
            clash = self._find_category(db, new)
            if clash is not None and clash != found.id:
                raise BadInput(f"there is already a category “{new}”")
            db.execute("UPDATE categories SET name = ? WHERE id = ?", (new, found.id))
            touched = self._categorised(db, found.id)
        return self._category_change(found.id, touched)

    def recolour_category(self, name: str, colour: str) -> Change:
        colour = _colour(colour)
        with self._write("the colour was not changed") as db:
            found = self._category(db, name)
            db.execute("UPDATE categories SET colour = ? WHERE id = ?", (colour, found.id))
            touched = self._categorised(db, found.id)
        return self._category_change(found.id, touched)

    def remove_category(self, name: str) -> Change:
        """Remove a category; its annotations stay, uncategorised."""
        with self._write("the category was not removed") as db:
            found = self._category(db, name)
            touched = self._categorised(db, found.id)
            db.execute("UPDATE annotations SET category = NULL WHERE category = ?", (found.id,))
            db.execute("DELETE FROM categories WHERE id = ?", (found.id,))
        return self._category_change(found.id, touched)

    def reorder_categories(self, names: Sequence[str]) -> Change:
        """Put the categories in this order (the keys Ctrl+1 … Ctrl+9 follow it); categories
        not named keep their order after those named."""
        with self._write("the categories were not reordered") as db:
            wanted = [self._category(db, name).id for name in names]
            rest = [row[0] for row in db.execute("SELECT id FROM categories ORDER BY position, id")
                    if row[0] not in wanted]
            for position, category_id in enumerate(wanted + rest):
                db.execute("UPDATE categories SET position = ? WHERE id = ?",
                           (position, category_id))
        return Change("category", categories=tuple(wanted + rest))

    def bring_back_category(self, name: str, colour: str, position: int,
                            annotations: Iterable[int]) -> Change:
        """Undo a removed category: add it again where it stood and put back into it those of
        `annotations` that are still uncategorised (one recategorised since keeps its new
        category)."""
        name, colour = _category_name(name), _colour(colour)
        with self._write("the category was not brought back") as db:
            if self._find_category(db, name) is not None:
                raise BadInput(f"there is already a category “{name}”")
            db.execute("UPDATE categories SET position = position + 1 WHERE position >= ?",
                       (position,))
            cursor = db.execute("INSERT INTO categories (name, colour, position) "
                                "VALUES (?, ?, ?)", (name, colour, position))
            category_id = int(cursor.lastrowid or 0)
            for annotation_id in annotations:
                row = db.execute("SELECT category FROM annotations WHERE id = ?",
                                 (annotation_id,)).fetchone()
                if row is not None and row[0] is None:  # as removal left it: no new revision
                    db.execute("UPDATE annotations SET category = ? WHERE id = ?",
                               (category_id, annotation_id))
            touched = self._categorised(db, category_id)
        return self._category_change(category_id, touched)

    def _category_change(self, category_id: int, touched: list[tuple[int, str, str]]) -> Change:
        units = tuple(dict.fromkeys(u for _, first, last in touched for u in (first, last)))
        return Change("category", tuple(i for i, _, _ in touched), units,
                      categories=(category_id,))

    @staticmethod
    def _categorised(db: sqlite3.Connection, category_id: int) -> list[tuple[int, str, str]]:
        return db.execute("SELECT id, unit, end_unit FROM annotations WHERE category = ?",
                          (category_id,)).fetchall()

    @staticmethod
    def _find_category(db: sqlite3.Connection, name: str) -> int | None:
        row = db.execute("SELECT id FROM categories WHERE name = ? COLLATE NOCASE",
                         (name.strip(),)).fetchone()
        return row[0] if row else None

    def _category(self, db: sqlite3.Connection, name: str) -> Category:
        row = db.execute("SELECT id, name, colour, position FROM categories "
                         "WHERE name = ? COLLATE NOCASE", (name.strip(),)).fetchone()
        if row is None:
            raise NotFound(self._unknown_category(db, name))
        return Category(*row)

    def _category_id(self, db: sqlite3.Connection, name: str | None) -> int | None:
        if name is None or not name.strip():
            return None
        found = self._find_category(db, name)
        if found is None:
            raise NotFound(self._unknown_category(db, name))
        return found

    @staticmethod
    def _unknown_category(db: sqlite3.Connection, name: str) -> str:
        names = [row[0] for row in db.execute("SELECT name FROM categories "
                                              "ORDER BY position, id")]
        return unknown_category(name, names)

    # -- settings -----------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        with self._read():
            found = self._setting(self._db, key)
        return default if found is None else found

    def set_setting(self, key: str, value: str) -> Change:
        with self._write("the setting was not saved") as db:
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) "
                       "DO UPDATE SET value = excluded.value", (key, value))
        return Change("setting", settings=(key,))

    @staticmethod
    def _setting(db: sqlite3.Connection, key: str) -> str | None:
        row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # -- the corpus changed: re-attachment and the review list --------------------------

    def reconcile(self, texts: CorpusText) -> Reconciliation:
        """Re-attach every annotation whose units' text changed since it was anchored.

        Cheap when the corpus is the one last checked (one settings read). Otherwise, in one
        transaction: each annotation is re-attached by the strongest layer that still agrees
        (reattach.py) or goes to the review list with its candidate places; a review item
        that attaches again with confidence leaves the list. Every move is logged.
        """
        if self.setting(CORPUS) == texts.fingerprint or self.problem is not None:
            # Read-only: the annotations stay at their last checked places for now.
            return Reconciliation(Change("reattach"))
        now = stamp(self._clock())
        done: list[Reattachment] = []
        with self._write("the annotations were not re-attached to the new corpus") as db:
            if self._setting(db, CORPUS) == texts.fingerprint:  # another window did it
                return Reconciliation(Change("reattach"))
            names = _categories(db)
            rows = db.execute(_SELECT + " WHERE a.status IN (?, ?)", (OK, REVIEW)).fetchall()
            for row in rows:
                annotation = _annotation(row, names)
                old = annotation.anchor
                outcome = reattach(old, texts.instrument(old.instrument))
                if outcome.kind == REVIEW:
                    db.execute("INSERT INTO reviews (annotation, reason, candidates, since) "
                               "VALUES (?, ?, ?, ?) ON CONFLICT(annotation) DO UPDATE SET "
                               "reason = excluded.reason, candidates = excluded.candidates",
                               (annotation.id, outcome.reason,
                                json.dumps([c.to_dict() for c in outcome.candidates]), now))
                    if annotation.status == OK:
                        db.execute("UPDATE annotations SET status = ? WHERE id = ?",
                                   (REVIEW, annotation.id))
                        done.append(self._log(db, annotation.id, now, REVIEW, outcome.reason,
                                              old, None))
                    continue
                assert outcome.anchor is not None
                if outcome.kind == SAME and annotation.status == OK:
                    if outcome.anchor != old:  # same words, new order or surroundings
                        self._set_anchor(db, annotation.id, outcome.anchor, OK)
                    continue
                kind = "resolved" if annotation.status == REVIEW else outcome.kind
                self._set_anchor(db, annotation.id, outcome.anchor, OK)
                db.execute("DELETE FROM reviews WHERE annotation = ?", (annotation.id,))
                done.append(self._log(db, annotation.id, now, kind, outcome.reason, old,
                                      outcome.anchor))
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) "
                       "DO UPDATE SET value = excluded.value", (CORPUS, texts.fingerprint))
        units = tuple(dict.fromkeys(
            u for r in done for a in (r.old, r.new) if a for u in (a.unit, a.end_unit)))
        change = Change("reattach", tuple(r.annotation for r in done), units)
        return Reconciliation(change, tuple(done))

    def reviews(self) -> list[ReviewItem]:
        """The review list, in document order of the annotations' old places. An annotation
        in the trash is not on it (its draft removed, say): restored, it is listed again."""
        with self._snapshot() as db:
            names = _categories(db)
            rows = db.execute(
                _COLUMNS + ", r.reason, r.candidates, r.since" + self._source()
                + " JOIN reviews r ON r.annotation = a.id WHERE a.status = ?"
                " AND a.deleted IS NULL" + _ORDER,
                (REVIEW,)).fetchall()
            return [_review_item(row, names) for row in rows]

    def review(self, annotation_id: int) -> ReviewItem:
        for item in self.reviews():
            if item.annotation.id == annotation_id:
                return item
        raise NotFound(f"annotation {annotation_id} is not in the review list")

    def accept(self, annotation_id: int, candidate: int = 1) -> Change:
        """Settle a review item by attaching it at its `candidate`-th (1-based) place."""
        item = self.review(annotation_id)
        if not item.candidates:
            raise BadInput(f"annotation {annotation_id} has no candidate place: move it "
                           "(--move UNIT) or archive it (--archive)")
        if not 1 <= candidate <= len(item.candidates):
            raise BadInput(f"annotation {annotation_id} has candidates 1 to "
                           f"{len(item.candidates)}, not {candidate}")
        return self.move(annotation_id, item.candidates[candidate - 1],
                         reason=f"accepted candidate {candidate}", expected=item)

    def move(self, annotation_id: int, anchor: Anchor, *, reason: str = "moved by hand",
             expected: ReviewItem | None = None) -> Change:
        """Attach an annotation at `anchor` (settling its review item, if it has one)."""
        now = stamp(self._clock())
        with self._write("the annotation was not moved") as db:
            current = self._live(db, annotation_id)
            if expected is not None and current.revision != expected.annotation.revision:
                raise NotesError(f"annotation {annotation_id} was changed elsewhere "
                                 "meanwhile; nothing was changed: look at it again")
            self._set_anchor(db, annotation_id, anchor, OK)
            db.execute("DELETE FROM reviews WHERE annotation = ?", (annotation_id,))
            self._log(db, annotation_id, now, "settled" if current.status == REVIEW
                      else MOVED, reason, current.anchor, anchor)
            moved = self._touch(db, annotation_id, {})
        return Change("settle", (annotation_id,),
                      tuple(dict.fromkeys(_units(current.anchor) + _units(anchor))),
                      annotation=moved)

    def archive(self, annotation_id: int) -> Change:
        """Settle a review item by archiving it: kept, with its old quote, off the text."""
        now = stamp(self._clock())
        with self._write("the annotation was not archived") as db:
            current = self._live(db, annotation_id)
            if current.status != REVIEW:
                raise NotFound(f"annotation {annotation_id} is not in the review list")
            db.execute("DELETE FROM reviews WHERE annotation = ?", (annotation_id,))
            self._log(db, annotation_id, now, ARCHIVED, "archived from the review list",
                      current.anchor, None)
            archived = self._touch(db, annotation_id, {"status": ARCHIVED})
        return Change("settle", (annotation_id,), _units(current.anchor), annotation=archived)

    def history(self, annotation_id: int) -> list[Reattachment]:
        """Every automatic re-attachment and settled review of the annotation, oldest first."""
        with self._read():
            rows = self._db.execute("SELECT annotation, outcome, old, new, reason FROM "
                                    "reattachments WHERE annotation = ? ORDER BY id",
                                    (annotation_id,)).fetchall()
        return [Reattachment(row[0], row[1], Anchor.from_dict(json.loads(row[2])),
                             Anchor.from_dict(json.loads(row[3])) if row[3] else None, row[4])
                for row in rows]

    @staticmethod
    def _set_anchor(db: sqlite3.Connection, annotation_id: int, anchor: Anchor,
                    status: str) -> None:
        record = _anchor_record(anchor) | {"status": status}
        assignments = ", ".join(f'"{name}" = ?' for name in record)
        db.execute(f"UPDATE annotations SET {assignments} WHERE id = ?",
                   [*record.values(), annotation_id])

    @staticmethod
    def _log(db: sqlite3.Connection, annotation_id: int, at: str, outcome: str, reason: str,
             old: Anchor, new: Anchor | None) -> Reattachment:
        db.execute("INSERT INTO reattachments (annotation, at, outcome, reason, old, new) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   (annotation_id, at, outcome, reason, json.dumps(old.to_dict()),
                    json.dumps(new.to_dict()) if new else None))
        return Reattachment(annotation_id, outcome, old, new, reason)


# -- rows ---------------------------------------------------------------------------------


def _check_revision(current: Annotation, expected: int | None) -> None:
    if expected is not None and current.revision != expected:
        raise NotesError(
            f"annotation {current.id} was changed elsewhere meanwhile (it is at revision "
            f"{current.revision}, not {expected}); nothing was changed: look at it again.")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _sentence(error: Exception) -> str:
    text = str(error)
    return text[:1].upper() + text[1:]


def _check_sizes(note: str | None, tags: Iterable[str], meeting: str) -> None:
    if note is not None and len(note) > MAX_NOTE:
        raise BadInput(f"the note is {len(note):,} characters long; a note holds at most "
                       f"{MAX_NOTE:,} (about 30 pages). Nothing was saved: shorten it, or keep "
                       "the long text in a document and cite it in the note.")
    for what, value in [("meeting", meeting), *(("tag", tag) for tag in tags)]:
        if len(value) > MAX_FIELD:
            raise BadInput(f"the {what} is {len(value):,} characters long; at most "
                           f"{MAX_FIELD:,} are kept. Nothing was saved.")


def _anchor_record(anchor: Anchor) -> dict[str, object]:
    return {"instrument": anchor.instrument, "unit": anchor.unit, "end_unit": anchor.end_unit,
            "seq": anchor.seq, "end_seq": anchor.end_seq, "start": anchor.start,
            "end": anchor.end, "quote": anchor.quote, "prefix": anchor.prefix,
            "suffix": anchor.suffix, "whole": int(anchor.whole), "text_hash": anchor.text_hash}


def _categories(db: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in db.execute("SELECT id, name, colour "
                                                           "FROM categories")}


def _annotation(row: Sequence[Any], categories: dict[int, tuple[str, str]]) -> Annotation:
    # Positional: this runs once per listed annotation (see benchmarks/bench_notes.py).
    name, colour = categories.get(row[13], (None, None))
    return Annotation(row[0], row[1],
                      Anchor(row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                             bool(row[9]), row[10], row[11], row[12]),
                      name, colour, row[14], _tags(row[15]), row[16], row[17], bool(row[18]),
                      row[19], row[20], row[21], row[22], row[23])


@functools.lru_cache(maxsize=4096)
def _tags(stored: str) -> tuple[str, ...]:
    """Tags from their JSON column; the same few tag sets recur, so they are parsed once."""
    return tuple(json.loads(stored))


def _review_item(row: Sequence[Any], categories: dict[int, tuple[str, str]]) -> ReviewItem:
    candidates = tuple(Anchor.from_dict(c) for c in json.loads(row[26]))
    return ReviewItem(_annotation(row, categories), row[25], candidates, row[27])


def _units(anchor: Anchor) -> tuple[str, ...]:
    return tuple(dict.fromkeys((anchor.unit, anchor.end_unit)))


def _clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as typed, without a leading '#' or surrounding spaces, each once, in order."""
    cleaned = (tag.strip().lstrip("#").strip() for tag in tags)
    return list(dict.fromkeys(tag for tag in cleaned if tag))


def _category_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise BadInput("a category needs a name")
    return cleaned


def _colour(colour: str) -> str:
    if not _COLOUR.match(colour.strip()):
        raise BadInput(f"“{colour}” is not a colour: write it as #rrggbb, e.g. #c62828")
    return colour.strip().lower()


__all__ = ["AUTHOR", "CORPUS", "UNSET", "AnnotationStore", "stamp", "utc_now"]
