"""The chosen annotations as a W3C AnnotationCollection, written atomically."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.core.excerpts.atomic import write_atomic
from desktop.core.excerpts.pack import Filters, select
from desktop.core.exchange import jsonld
from desktop.core.exchange.jsonld import Target
from desktop.core.notes.model import OK, Annotation
from desktop.core.notes.service import NotesService
from desktop.core.notes.store import stamp


@dataclass(frozen=True)
class Exported:
    written: int
    private_left_out: int
    in_review: int = 0  # left out: their words changed here; settle them first


def document(service: NotesService, filters: Filters | None = None,
             now: datetime | None = None) -> tuple[dict[str, Any], Exported]:
    chosen, left_out = select(service, filters or Filters())
    # An annotation waiting in the review list stands on words this corpus no longer has:
    # a colleague's installation could not place it, and would refuse the whole file.
    waiting = sum(1 for a in chosen if a.status != OK)
    chosen = [a for a in chosen if a.status == OK]
    versions = lineages(service)
    citations: dict[str, str] = {}

    def cite(unit: str) -> str:
        if unit not in citations:
            citations[unit] = service.citation(unit)
        return citations[unit]

    items = [jsonld.annotation(
        a.uuid, targets(service, a, cite), whole=a.anchor.whole, category=a.category,
        colour=a.colour, tags=a.tags, note=a.note, meeting=a.meeting, author=a.author,
        private=a.private, created=a.created, modified=a.modified,
        stamp=versions[a.uuid][0], history=versions[a.uuid][1]) for a in chosen]
    made = stamp(now or datetime.now(UTC))
    return (jsonld.collection(items, "Annotations shared from Concordia", made),
            Exported(len(items), left_out, waiting))


def write(service: NotesService, filters: Filters, target: Path) -> Exported:
    shaped, result = document(service, filters)
    content = json.dumps(shaped, ensure_ascii=False, indent=1)
    write_atomic(target, lambda path: path.write_text(content + "\n", encoding="utf-8"))
    return result


def targets(service: NotesService, annotation: Annotation,
            cite: Callable[[str], str]) -> list[Target]:
    """One target per unit the annotation covers, each with its part of the quote, its
    offsets in the unit's text and 40 characters of context (docs/sharing.md)."""
    anchor = annotation.anchor
    text = service.texts().of_unit(anchor.unit)
    assert annotation.status == OK and text is not None and text.has(anchor.end_unit)
    out = []
    for unit in text.between(anchor.unit, anchor.end_unit):
        start = anchor.start if unit == anchor.unit else 0
        end = anchor.end if unit == anchor.end_unit else len(text.text(unit))
        joined_start, joined_end = text.position(unit, start), text.position(unit, end)
        out.append(Target(unit, cite(unit), text.text(unit)[start:end],
                          text.joined[max(0, joined_start - 40):joined_start],
                          text.joined[joined_end:joined_end + 40], start, end))
    return out


def lineages(service: NotesService) -> dict[str, tuple[str, tuple[str, ...]]]:
    """uuid → (its version's stamp, the stamps it grew from), for every annotation."""
    with service.store().snapshot() as db:
        return {uuid: (stamp, tuple(json.loads(history))) for uuid, stamp, history in
                db.execute("SELECT uuid, stamp, history FROM annotations")}
