"""The annotation store's value types: anchors, annotations, categories, change records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The categories a new store starts with (name, colour); the user renames, recolours and
# removes them freely — removing one leaves its annotations in place, uncategorised.
DEFAULT_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("Agreed language", "#2e7d32"),
    ("Our position", "#1565c0"),
    ("Red line", "#c62828"),
    ("Fallback", "#ef6c00"),
    ("Question", "#6a1b9a"),
    ("Check with capital", "#00838f"),
)

# An annotation's status: attached to the text, waiting in the review list after the corpus
# changed, or archived by the user from the review list (kept, but no longer on the text).
OK, REVIEW, ARCHIVED = "ok", "review", "archived"
# Store settings (here, not beside the store, so the window reads them without loading it):
AUTHOR = "author"  # the name written into new annotations
MEETING = "meeting"  # the meeting stamped on new annotations


# Anchor and Annotation are built by the thousand when a long list is read: slotted, not
# frozen, because a frozen dataclass costs seven times as much to build. Treat them as values
# all the same: never assign to a field; make a changed copy with dataclasses.replace.


@dataclass(slots=True)
class Anchor:
    """Where an annotation stands, in layers, strongest first (docs/notes.md).

    The quote runs from `start` in the text of `unit` to `end` (exclusive) in the text of
    `end_unit`; across several consecutive units it is their texts joined by one space.
    `whole` marks a note on whole units rather than a highlight of a quote in them.
    `text_hash` fingerprints the covered units' ids and texts as they were when anchored, so
    a changed corpus is noticed; `seq` and `end_seq` are the first and last units' document
    order, for listing and for finding what covers a unit.
    """

    unit: str
    end_unit: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    whole: bool
    text_hash: str
    seq: int
    end_seq: int

    @property
    def instrument(self) -> str:
        return self.unit.split("/", 1)[0]

    @property
    def units_label(self) -> str:
        return self.unit if self.end_unit == self.unit else f"{self.unit} – {self.end_unit}"

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "end_unit": self.end_unit, "start": self.start,
                "end": self.end, "quote": self.quote, "prefix": self.prefix,
                "suffix": self.suffix, "whole": self.whole, "text_hash": self.text_hash,
                "seq": self.seq, "end_seq": self.end_seq}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anchor:
        return cls(unit=data["unit"], end_unit=data["end_unit"], start=int(data["start"]),
                   end=int(data["end"]), quote=data["quote"], prefix=data["prefix"],
                   suffix=data["suffix"], whole=bool(data["whole"]),
                   text_hash=data["text_hash"], seq=int(data["seq"]),
                   end_seq=int(data["end_seq"]))


@dataclass(frozen=True)
class Category:
    id: int
    name: str
    colour: str  # "#rrggbb"
    position: int


@dataclass(slots=True)
class Annotation:
    """One highlight or note, as the store holds it."""

    id: int
    uuid: str  # stable across exports and imports; `id` is the short one people type
    anchor: Anchor
    category: str | None  # the category's current name; None when uncategorised
    colour: str | None
    note: str  # Markdown
    tags: tuple[str, ...]
    meeting: str
    author: str
    private: bool  # kept out of shared exports
    created: str  # ISO 8601, UTC
    modified: str
    revision: int  # 1 when created, +1 for every edit
    status: str  # OK | REVIEW | ARCHIVED
    deleted: str | None = None  # when it went to the trash; None while live

    @property
    def unit(self) -> str:
        return self.anchor.unit

    @property
    def quote(self) -> str | None:
        """The highlighted words; None for a note on whole units."""
        return None if self.anchor.whole else self.anchor.quote

    def to_json(self) -> dict[str, Any]:
        """The fields `concordia notes list --json` prints, and a few more."""
        return {
            "id": self.id, "unit": self.unit, "category": self.category, "quote": self.quote,
            "note": self.note, "tags": list(self.tags), "meeting": self.meeting,
            "author": self.author, "created": self.created, "modified": self.modified,
            "end_unit": self.anchor.end_unit, "start": self.anchor.start,
            "end": self.anchor.end, "private": self.private, "revision": self.revision,
            "status": self.status, "deleted": self.deleted, "uuid": self.uuid,
        }


@dataclass(frozen=True)
class ReviewItem:
    """An annotation the store could not re-attach with confidence after the corpus changed."""

    annotation: Annotation  # still holding its old anchor: the old unit and the old quote
    reason: str
    candidates: tuple[Anchor, ...]  # best first; may be empty
    since: str


@dataclass(frozen=True)
class Change:
    """What one write changed, for the views to refresh themselves (DESIGN.md §5)."""

    action: str  # add | update | remove | restore | reattach | settle | category | setting
    annotations: tuple[int, ...] = ()
    units: tuple[str, ...] = ()  # units whose display is affected, old and new places
    categories: tuple[int, ...] = ()
    settings: tuple[str, ...] = ()
    annotation: Annotation | None = None  # the annotation after a one-annotation change


@dataclass(frozen=True)
class Reattachment:
    """What happened to one annotation when the store met a changed corpus."""

    annotation: int
    outcome: str  # kept | moved | review | resolved (a review item that now attaches)
    old: Anchor
    new: Anchor | None
    reason: str


@dataclass(frozen=True)
class Reconciliation:
    change: Change
    reattachments: tuple[Reattachment, ...] = field(default_factory=tuple)
