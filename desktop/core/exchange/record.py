"""One annotation as it travels between installations, and the rule that merges two versions.

A `Shared` holds what a colleague's copy must reproduce — uuid, anchor, category, tags, note,
meeting, author, privacy, dates — and its version's stamp and lineage: the stamps of the
versions it grew from (schema v2 keeps them for every annotation). Two versions of one
annotation (one uuid) compare by content; when they differ, the lineage says which one the
other grew from.
No version ever wins by being newer: when neither grew from the other, both are kept.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

MINE, THEIRS = "mine", "theirs"  # the two sides of a conflict

# How an incoming version relates to the one here.
ADDED = "added"  # not here yet
UNCHANGED = "unchanged"  # the same content (or the same conflict already listed)
UPDATED = "updated"  # it grew from the one here: it replaces it
KEPT = "kept"  # the one here grew from it: the one here stays
CONFLICT = "conflict"  # both changed since they parted: both kept, for the delegate

OUTCOMES = (ADDED, UPDATED, UNCHANGED, KEPT, CONFLICT)


@dataclass(frozen=True)
class Shared:
    uuid: str
    unit: str
    end_unit: str
    start: int
    end: int
    quote: str
    whole: bool
    category: str | None
    colour: str | None
    tags: tuple[str, ...]
    note: str
    meeting: str
    author: str
    private: bool
    created: str
    modified: str
    stamp: str  # this version's id
    history: tuple[str, ...]  # the stamps of the versions it grew from, oldest first

    def content(self) -> tuple[Any, ...]:
        """What a delegate would call "the same annotation": place, words and fields."""
        return (self.unit, self.end_unit, self.start, self.end, self.whole, self.quote,
                (self.category or "").casefold(), self.tags, self.note, self.meeting,
                self.private, self.author)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Shared:
        data = json.loads(text)
        data["tags"] = tuple(data["tags"])
        data["history"] = tuple(data["history"])
        return cls(**data)


def relation(here: Shared, incoming: Shared) -> str:
    """How `incoming` relates to `here` (the same uuid): UNCHANGED, UPDATED, KEPT or
    CONFLICT."""
    if here.content() == incoming.content():
        return UNCHANGED
    if here.stamp in incoming.history:
        return UPDATED
    if incoming.stamp in here.history:
        return KEPT
    return CONFLICT


def merged_history(*versions: Shared) -> tuple[str, ...]:
    """The lineage of a version that grew from all of `versions` (a settled conflict)."""
    stamps = {stamp for v in versions for stamp in (*v.history, v.stamp)}
    return tuple(sorted(stamps))
