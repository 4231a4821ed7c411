"""The conflicts list: annotations a colleague changed where the delegate changed them too.

Both versions are kept — the one here in the store, the colleague's beside it — until the
delegate chooses. Choosing makes a new version that grew from both (its lineage holds both),
so when it travels back neither colleague's copy sees a conflict again.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.exchange.record import MINE, THEIRS, Shared, merged_history
from desktop.core.notes.anchoring import anchor_at
from desktop.core.notes.errors import BadInput, NotFound
from desktop.core.notes.model import OK, Annotation, Change
from desktop.core.notes.service import NotesService
from desktop.core.notes.store import stamp


@dataclass(frozen=True)
class Conflict:
    annotation: Annotation  # the version here
    stamp: str  # its version's stamp
    history: tuple[str, ...]  # its lineage
    theirs: Shared  # the colleague's version
    source: str  # the file it came from
    since: str


def conflicts(service: NotesService) -> list[Conflict]:
    """The conflicts list, in document order of the versions here."""
    store = service.store(reconcile=False)
    with store.snapshot() as db:
        rows = db.execute("SELECT c.annotation, c.incoming, c.source, c.since, a.stamp, "
                          "a.history FROM conflicts c JOIN annotations a ON a.id = "
                          "c.annotation ORDER BY a.instrument, a.seq, a.start, a.id").fetchall()
    found = []
    for annotation_id, incoming, source, since, stamp_here, history in rows:
        here = store.get(annotation_id)
        if here is not None:
            found.append(Conflict(here, stamp_here, tuple(json.loads(history)),
                                  Shared.from_json(incoming), source, since))
    return found


def settle(service: NotesService, annotation_id: int, keep: str,
           now: datetime | None = None) -> Change:
    """Keep `mine` or `theirs`; either way the result is a new version that grew from both."""
    if keep not in (MINE, THEIRS):
        raise BadInput(f"keep “{MINE}” or “{THEIRS}”, not “{keep}”")
    found = {c.annotation.id: c for c in conflicts(service)}
    conflict = found.get(annotation_id)
    if conflict is None:
        raise NotFound(f"annotation {annotation_id} is not in the conflicts list")
    here = conflict.annotation
    mine = Shared(here.uuid, here.anchor.unit, here.anchor.end_unit, here.anchor.start,
                  here.anchor.end, here.anchor.quote, here.anchor.whole, here.category,
                  here.colour, here.tags, here.note, here.meeting, here.author, here.private,
                  here.created, here.modified, conflict.stamp, conflict.history)
    chosen = conflict.theirs if keep == THEIRS else mine
    fields: dict[str, object] = {
        "history": json.dumps(list(merged_history(mine, conflict.theirs))),
        "stamp": uuid.uuid4().hex[:16], "modified": stamp(now or datetime.now(UTC))}
    if keep == THEIRS:
        fields |= _content(service, chosen)
    store = service.store(reconcile=False)
    with store.transaction("the conflict was not settled") as db:
        if chosen.category and keep == THEIRS:
            row = db.execute("SELECT id FROM categories WHERE name = ? COLLATE NOCASE",
                             (chosen.category,)).fetchone()
            fields["category"] = row[0] if row else None
        elif keep == THEIRS:
            fields["category"] = None
        assignments = ", ".join(f'"{name}" = ?' for name in fields)
        db.execute(f"UPDATE annotations SET {assignments}, revision = revision + 1 "
                   "WHERE id = ?", [*fields.values(), annotation_id])
        db.execute("DELETE FROM conflicts WHERE annotation = ?", (annotation_id,))
    settled = store.get(annotation_id)
    units = tuple(dict.fromkeys((here.anchor.unit, here.anchor.end_unit, chosen.unit,
                                 chosen.end_unit)))
    return Change("update", (annotation_id,), units, annotation=settled)


def _content(service: NotesService, version: Shared) -> dict[str, object]:
    """The store's columns for `version`'s place and fields (its anchor rebuilt here)."""
    text = service.texts().of_unit(version.unit)
    if text is None or not text.has(version.end_unit):
        raise BadInput(f"{version.unit} is not in this corpus any more: keep yours")
    joined_start = text.position(version.unit, version.start)
    joined_end = text.position(version.end_unit, version.end)
    anchor = anchor_at(text, text.place(joined_start, joined_end), whole=version.whole)
    return {"instrument": anchor.instrument, "unit": anchor.unit, "end_unit": anchor.end_unit,
            "seq": anchor.seq, "end_seq": anchor.end_seq, "start": anchor.start,
            "end": anchor.end, "quote": anchor.quote, "prefix": anchor.prefix,
            "suffix": anchor.suffix, "whole": int(anchor.whole),
            "text_hash": anchor.text_hash, "note": version.note,
            "tags": json.dumps(list(version.tags), ensure_ascii=False),
            "meeting": version.meeting, "private": int(version.private), "status": OK}
