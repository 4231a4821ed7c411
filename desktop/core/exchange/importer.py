"""Importing a colleague's annotations: all of them, or none.

The whole file is read, checked and placed in this corpus before anything is written: a
file too large, not JSON, not Web Annotations, an annotation without a target, a unit this
installation does not have, quoted words not in their unit — any of these refuses the file
with a message naming what and where, and the store is untouched. Then, in one transaction,
each annotation is merged by its uuid (record.py): added, skipped when unchanged, updated when
it grew from the version here, kept when the version here grew from it, and otherwise put on
the conflicts list with both versions kept. Nothing is decided by which one is newer.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.exchange import jsonld
from desktop.core.exchange.jsonld import BadShape, Incoming
from desktop.core.exchange.record import (
    ADDED,
    CONFLICT,
    OUTCOMES,
    UNCHANGED,
    UPDATED,
    Shared,
    relation,
)
from desktop.core.notes.anchoring import anchor_at, anchor_quote, anchor_units
from desktop.core.notes.errors import BadInput, NotesError
from desktop.core.notes.model import OK, Anchor, Change
from desktop.core.notes.service import NotesService
from desktop.core.notes.store import stamp

LIMIT_MB = 20  # the largest file imported: about 12,000 annotations as Concordia writes them
SHOWN = 12  # problems named in a refusal (the count says how many more)
_SPARE_COLOURS = ("#5d4037", "#455a64", "#ad1457", "#558b2f", "#283593", "#f9a825")


class ImportRefused(NotesError):
    """The file was not imported; nothing changed. The message says what is wrong, where."""


@dataclass
class Imported:
    counts: Counter[str] = field(default_factory=Counter)
    conflicts: list[int] = field(default_factory=list)  # ids of annotations now in conflict
    change: Change = field(default_factory=lambda: Change("import"))

    def summary(self) -> str:
        said = [f"{self.counts[o]} {_word(o, self.counts[o])}" for o in OUTCOMES]
        return ", ".join(said)


def _word(outcome: str, count: int) -> str:
    if outcome == "kept":
        return "kept (changed here only)"
    if outcome == CONFLICT:
        return "conflict" + ("s" if count != 1 else "")
    return outcome


@dataclass(frozen=True)
class _Placed:
    incoming: Incoming
    anchor: Anchor

    def shared(self) -> Shared:
        i, a = self.incoming, self.anchor
        return Shared(i.uuid, a.unit, a.end_unit, a.start, a.end, a.quote, a.whole,
                      i.category, i.colour, i.tags, i.note, i.meeting, i.author, i.private,
                      i.created, i.modified, i.stamp, i.history)


def read_file(path: Path) -> list[Incoming]:
    """The annotations of the file, checked; ImportRefused with every problem otherwise."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportRefused(f"cannot read {path}: {error.strerror or error}") from None
    if size > LIMIT_MB * 1024 * 1024:
        raise ImportRefused(f"{path.name} is {size / 1024 / 1024:.1f} MB: Concordia imports "
                            f"files of up to {LIMIT_MB} MB (about 12,000 annotations). "
                            "Nothing was imported; export fewer annotations at a time.")
    try:
        raw = path.read_bytes()
        document = json.loads(raw.decode("utf-8"))
    except OSError as error:
        raise ImportRefused(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise ImportRefused(f"{path.name} is not text (UTF-8) at byte {error.start}. "
                            "Nothing was imported.") from None
    except json.JSONDecodeError as error:
        raise ImportRefused(f"{path.name} is not valid JSON (line {error.lineno}, column "
                            f"{error.colno}: {error.msg}) — is it complete? Nothing was "
                            "imported.") from None
    try:
        items = jsonld.items_of(document)
    except BadShape as error:
        raise ImportRefused(f"{path.name}: {error}. Nothing was imported.") from None
    found, problems = [], []
    for number, item in enumerate(items, 1):
        try:
            found.append(jsonld.read(item, number))
        except BadShape as error:
            problems.append(str(error))
    seen: Counter[str] = Counter(i.uuid for i in found)
    problems += [f"{i.where}: the same annotation appears twice in the file"
                 for i in found if seen[i.uuid] > 1]
    _refuse(path, problems)
    return found


def import_file(service: NotesService, path: Path, now: datetime | None = None) -> Imported:
    """Merge the file's annotations into the store, all or nothing."""
    incoming = read_file(path)
    placed = place_all(service, path, incoming)
    return merge(service, placed, path.name, now or datetime.now(UTC))


def place_all(service: NotesService, path: Path, incoming: list[Incoming]) -> list[_Placed]:
    problems: list[str] = []
    unknown: dict[str, list[str]] = {}
    cited: dict[str, str] = {}  # a missing unit -> how the colleague's installation cites it
    placed = []
    for item in incoming:
        missing = [t for t in item.targets if service.texts().of_unit(t.unit) is None]
        if missing:
            unknown.setdefault(missing[0].unit, []).append(item.where)
            cited.setdefault(missing[0].unit, missing[0].citation)
            continue
        try:
            placed.append(_Placed(item, _anchor(service, item)))
        except BadShape as error:
            problems.append(str(error))
    known = {instrument.id for instrument in service.corpus().instruments()}
    for unit, where in unknown.items():
        instrument = unit.split("/", 1)[0]
        # A colleague's imported draft: say which one, as their installation cites it.
        draft = (f"; cited there as “{cited[unit]}”: if that is a draft, import it first "
                 f"with the id {instrument}" if instrument not in known and cited.get(unit)
                 else "")
        problems.insert(0, f"{', '.join(where)}: on {unit}, a unit this installation does "
                           f"not have (a newer corpus, or a colleague's own instrument?){draft}")
    _refuse(path, problems)
    return placed


def _refuse(path: Path, problems: list[str]) -> None:
    if not problems:
        return
    shown = problems[:SHOWN]
    more = len(problems) - len(shown)
    raise ImportRefused(f"{path.name} was not imported, nothing changed: "
                        f"{len(problems)} problem{'s' * (len(problems) != 1)}\n  "
                        + "\n  ".join(shown)
                        + (f"\n  … and {more} more" if more else ""))


def _anchor(service: NotesService, item: Incoming) -> Anchor:
    """Where the annotation stands in this corpus: by its offsets when the words there are
    its words, else by finding its words in its units."""
    first, last = item.targets[0].unit, item.targets[-1].unit
    text = service.texts().of_unit(first)
    assert text is not None
    if not text.has(last) or not text.between(first, last):
        raise BadShape(f"{item.where}: its targets {first} … {last} are not consecutive "
                       "units of one instrument in document order")
    exacts = [t.exact for t in item.targets if t.exact is not None]
    if item.whole or (not exacts and item.targets[0].start is None):
        return anchor_units(text, first, last)
    start, end = item.targets[0].start, item.targets[-1].end
    wanted = " ".join(exacts)
    if start is not None and end is not None and start <= len(text.text(first)) \
            and end <= len(text.text(last)):
        joined_start, joined_end = text.position(first, start), text.position(last, end)
        if joined_end > joined_start:
            anchor = anchor_at(text, text.place(joined_start, joined_end), whole=False)
            if not exacts or anchor.quote == wanted:
                return anchor
    if not exacts:
        raise BadShape(f"{item.where}: its offsets do not fit the text of {first} here")
    try:
        return anchor_quote(text, first, wanted, last if last != first else None)
    except BadInput as error:
        raise BadShape(f"{item.where}: {error}") from None


# -- the merge ----------------------------------------------------------------------------

_LOCAL = """SELECT a.id, a.uuid, a.unit, a.end_unit, a.start, a."end", a.quote, a.whole,
       a.category, a.tags, a.note, a.meeting, a.author, a.private, a.created, a.modified,
       a.stamp, a.history FROM annotations a WHERE a.uuid IN ({marks})"""


def merge(service: NotesService, placed: list[_Placed], source: str,
          now: datetime) -> Imported:
    store = service.store()
    result = Imported()
    touched: list[int] = []
    units: dict[str, None] = {}
    with store.transaction("nothing was imported") as db:
        categories = _Categories(db)
        here = _locals(db, [p.incoming.uuid for p in placed], categories)
        listed = {row[0]: row[1] for row in db.execute(
            "SELECT annotation, incoming FROM conflicts")}
        for item in placed:
            incoming = item.shared()
            local = here.get(incoming.uuid)
            if local is None:
                touched.append(_insert(db, item, categories))
                result.counts[ADDED] += 1
                units.update(dict.fromkeys((item.anchor.unit, item.anchor.end_unit)))
                continue
            annotation_id, mine = local
            outcome = relation(mine, incoming)
            if outcome == UPDATED:
                _update(db, annotation_id, item, categories)
                touched.append(annotation_id)
                units.update(dict.fromkeys((mine.unit, mine.end_unit, item.anchor.unit,
                                            item.anchor.end_unit)))
            elif outcome == UNCHANGED:
                _adopt_lineage(db, annotation_id, mine, incoming)
            elif outcome == CONFLICT:
                kept = listed.get(annotation_id)
                if kept is not None and Shared.from_json(kept).content() == incoming.content():
                    outcome = UNCHANGED  # already on the list, as it is
                else:
                    db.execute("INSERT INTO conflicts (annotation, incoming, source, since) "
                               "VALUES (?, ?, ?, ?) ON CONFLICT(annotation) DO UPDATE SET "
                               "incoming = excluded.incoming, source = excluded.source, "
                               "since = excluded.since",
                               (annotation_id, incoming.to_json(), source, stamp(now)))
                    result.conflicts.append(annotation_id)
                    touched.append(annotation_id)
            result.counts[outcome] += 1
    result.change = Change("import", tuple(touched), tuple(units))
    return result


def _adopt_lineage(db: sqlite3.Connection, annotation_id: int, mine: Shared,
                   incoming: Shared) -> None:
    """The same words reached both sides by different versions (a conflict settled there,
    the same edit made twice): the one here now also grew from theirs, so that an edit
    made there later reads as growing from this one."""
    lineage = set(mine.history) | set(incoming.history) | {incoming.stamp}
    lineage.discard(mine.stamp)
    if lineage != set(mine.history):
        db.execute("UPDATE annotations SET history = ? WHERE id = ?",
                   (json.dumps(sorted(lineage)), annotation_id))


def _locals(db: sqlite3.Connection, wanted: list[str],
            categories: _Categories) -> dict[str, tuple[int, Shared]]:
    found: dict[str, tuple[int, Shared]] = {}
    for first in range(0, len(wanted), 500):
        chunk = wanted[first:first + 500]
        for row in db.execute(_LOCAL.format(marks=", ".join("?" * len(chunk))), chunk):
            name, colour = categories.by_id.get(row[8], (None, None))
            found[row[1]] = (row[0], Shared(
                row[1], row[2], row[3], row[4], row[5], row[6], bool(row[7]), name, colour,
                tuple(json.loads(row[9])), row[10], row[11], row[12], bool(row[13]),
                row[14], row[15], row[16], tuple(json.loads(row[17]))))
    return found


class _Categories:
    """The store's categories; a colleague's category this store lacks is created."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.by_id = {row[0]: (row[1], row[2]) for row in
                      db.execute("SELECT id, name, colour FROM categories")}
        self._by_name = {name.casefold(): i for i, (name, _) in self.by_id.items()}

    def id_of(self, name: str | None, colour: str | None) -> int | None:
        if not name:
            return None
        found = self._by_name.get(name.casefold())
        if found is None:
            position = self._db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM categories").fetchone()[0]
            if not colour or len(colour) != 7 or not colour.startswith("#"):
                colour = _SPARE_COLOURS[len(self.by_id) % len(_SPARE_COLOURS)]
            cursor = self._db.execute(
                "INSERT INTO categories (name, colour, position) VALUES (?, ?, ?)",
                (" ".join(name.split()), colour.lower(), position))
            found = int(cursor.lastrowid or 0)
            self.by_id[found] = (name, colour)
            self._by_name[name.casefold()] = found
        return found


def _fields(item: _Placed, categories: _Categories) -> dict[str, object]:
    a, i = item.anchor, item.incoming
    return {"instrument": a.instrument, "unit": a.unit, "end_unit": a.end_unit, "seq": a.seq,
            "end_seq": a.end_seq, "start": a.start, "end": a.end, "quote": a.quote,
            "prefix": a.prefix, "suffix": a.suffix, "whole": int(a.whole),
            "text_hash": a.text_hash, "category": categories.id_of(i.category, i.colour),
            "note": i.note, "tags": json.dumps(list(i.tags), ensure_ascii=False),
            "meeting": i.meeting, "author": i.author, "private": int(i.private),
            "modified": i.modified, "stamp": i.stamp,
            "history": json.dumps(list(i.history)), "status": OK}


def _insert(db: sqlite3.Connection, item: _Placed, categories: _Categories) -> int:
    record = _fields(item, categories) | {"uuid": item.incoming.uuid,
                                          "created": item.incoming.created, "revision": 1}
    names = ", ".join(f'"{name}"' for name in record)
    cursor = db.execute(f"INSERT INTO annotations ({names}) VALUES "
                        f"({', '.join('?' * len(record))})", list(record.values()))
    return int(cursor.lastrowid or 0)


def _update(db: sqlite3.Connection, annotation_id: int, item: _Placed,
            categories: _Categories) -> None:
    record = _fields(item, categories)
    assignments = ", ".join(f'"{name}" = ?' for name in record)
    db.execute(f"UPDATE annotations SET {assignments}, revision = revision + 1 WHERE id = ?",
               [*record.values(), annotation_id])
    db.execute("DELETE FROM reviews WHERE annotation = ?", (annotation_id,))
    db.execute("DELETE FROM conflicts WHERE annotation = ?", (annotation_id,))
