"""Agreed-language analysis of an imported draft, paragraph by paragraph.

Every paragraph (preambular, operative, subparagraph) of the draft is aligned with the units
of the shipped instruments — and of other imported instruments only when asked — by the
rules the corpus build uses for its `restates` links (desktop.core.agreed): candidates share
at least two uncommon three-word runs, word weights come from the shipped corpus, and the
relation is `same`, `changed` or `partial`, judged unit to unit. A paragraph's status is its
best relation: agreed (same), changed, partly agreed (partial) or new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.agreed import (
    ALIGNED_KINDS,
    CHANGED,
    COMMON_SIZE,
    PARTIAL,
    SAME,
    Prepared,
    Vocabulary,
    align,
    redline,
    relation,
    score,
    spans,
)
from desktop.core.citations import cite
from desktop.core.model import Instrument, Link, Unit
from desktop.core.text import shingles

AGREED, NEW = "agreed", "new"
STATUS = {SAME: AGREED, CHANGED: "changed", PARTIAL: "partly agreed"}
STATUSES = (AGREED, "changed", "partly agreed", NEW)
MAX_MATCHES = 5  # sources listed per paragraph, best first
_ORDER = {SAME: 0, CHANGED: 1, PARTIAL: 2}


@dataclass(frozen=True)
class Match:
    """A source unit carrying a draft paragraph's wording."""

    unit: Unit
    instrument: Instrument
    relation: str
    score: float
    shared: float
    spans: tuple[tuple[int, int], ...]  # in the source unit's text
    draft_spans: tuple[tuple[int, int], ...]  # in the draft paragraph's text

    def to_dict(self) -> dict[str, object]:
        """The match object of `concordia agreed --json`, with the redline for `changed`."""
        row: dict[str, object] = {
            "unit": self.unit.id, "citation": cite(self.unit, self.instrument),
            "instrument": self.instrument.id, "relation": self.relation, "score": self.score,
            "shared": self.shared, "spans": [list(span) for span in self.spans],
            "adopted": self.instrument.adopted, "text": self.unit.text}
        return row


@dataclass(frozen=True)
class Paragraph:
    """One unit of the draft and what it shares with the sources."""

    unit: Unit
    matches: tuple[Match, ...]

    @property
    def analysed(self) -> bool:
        return self.unit.kind in ALIGNED_KINDS

    @property
    def status(self) -> str | None:
        """agreed | changed | partly agreed | new; None for headings and the masthead."""
        if not self.analysed:
            return None
        return STATUS[self.matches[0].relation] if self.matches else NEW

    def to_dict(self) -> dict[str, object]:
        rows = []
        for match in self.matches:
            row = match.to_dict()
            if match.relation == CHANGED:
                row["redline"] = redline(match.unit.text, self.unit.text)
            rows.append(row)
        return {"unit": self.unit.id, "label": self.unit.label, "kind": self.unit.kind,
                "status": self.status, "text": self.unit.text, "matches": rows}


class Sources:
    """The units a draft is compared with, prepared once (word weights, shingle owners)."""

    def __init__(self, vocabulary: Vocabulary, units: Sequence[Unit],
                 instruments: dict[str, Instrument]) -> None:
        self.vocabulary = vocabulary
        self.instruments = instruments
        self.units = {u.id: u for u in units if u.kind in ALIGNED_KINDS}
        self.prepared = {uid: vocabulary.prepare(u.text) for uid, u in self.units.items()}
        self.owners: dict[tuple[str, ...], list[str]] = {}
        for unit_id, prepared in self.prepared.items():
            for gram in set(shingles(prepared.words, COMMON_SIZE)):
                if gram not in vocabulary.common:
                    self.owners.setdefault(gram, []).append(unit_id)

    def matches(self, text: str) -> list[Match]:
        """The source units carrying `text`'s wording, best first."""
        query = self.vocabulary.prepare(text)
        return self.matches_prepared(query)

    def matches_prepared(self, query: Prepared) -> list[Match]:
        votes: Counter[str] = Counter()
        for gram in set(shingles(query.words, COMMON_SIZE)):
            for owner in self.owners.get(gram, ()):
                votes[owner] += 1
        found: list[Match] = []
        for unit_id, count in votes.items():
            if count < 2:
                continue
            candidate = self.prepared[unit_id]
            alignment = align(query, candidate)
            kind = relation(query, candidate, alignment)
            if kind is None:
                continue
            unit = self.units[unit_id]
            found.append(Match(unit, self.instruments[unit.instrument], kind,
                               score(alignment, kind), round(alignment.shared, 3),
                               tuple(spans(candidate, alignment.matched_b)),
                               tuple(spans(query, alignment.matched_a))))
        found.sort(key=lambda m: (_ORDER[m.relation], -m.score, m.unit.instrument,
                                  m.unit.seq))
        return found[:MAX_MATCHES]


def analyse(units: Sequence[Unit], sources: Sources) -> list[Paragraph]:
    """Every unit of a draft, in document order, with its matches among `sources`."""
    out: list[Paragraph] = []
    for unit in units:
        if unit.kind not in ALIGNED_KINDS or not unit.text.strip():
            out.append(Paragraph(unit, ()))
            continue
        out.append(Paragraph(unit, tuple(sources.matches(unit.text))))
    return out


def restates_links(paragraphs: Sequence[Paragraph]) -> list[Link]:
    """The analysis as `restates` links (draft unit -> source unit), as the corpus keeps
    them: the links panel and the sync of panes follow them."""
    return [Link(p.unit.id, m.unit.id, "restates", "", None, "", m.relation, m.score, m.shared)
            for p in paragraphs for m in p.matches]


def summary(paragraphs: Sequence[Paragraph]) -> dict[str, list[str]]:
    """Status -> the draft units carrying it, in document order."""
    found: dict[str, list[str]] = {status: [] for status in STATUSES}
    for paragraph in paragraphs:
        if paragraph.status:
            found[paragraph.status].append(paragraph.unit.id)
    return found
