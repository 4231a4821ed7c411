"""What corresponds to a unit in another instrument, found through the corpus links (Qt-free).

The links run one way in the table (UNGASS 2016 → the 2009 texts) but are read both ways: a
Plan of Action paragraph corresponds to the UNGASS recommendations that cite it. Where no link
joins two instruments at all (the Political Declaration and the Plan of Action), the way is
through one intermediate instrument: the UNGASS items that cite both, marked *indirect*.

Which links a unit stands for (docs/window.md, "Which links a unit has"):
- its own links, when the table names the unit itself;
- otherwise, for a paragraph or subparagraph, its subparagraphs' links together (a chapeau
  such as UNGASS 2, whose recommendations (a)–(g) carry the references);
- otherwise, for a unit cited only as part of its paragraph ("Action 41" for 41 (c)), the
  enclosing paragraph's incoming links. Only incoming ones: a reference printed in the table
  names a whole paragraph, but a row of the table (an outgoing link) is matched to the words
  of that one unit, a chapeau row to the chapeau alone.

Targets are deduplicated and ordered in the target instrument's document order, each with its
link kinds, the references as the table printed them and, for indirect ones, the way through.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.core.corpus import Corpus
from desktop.core.model import Link, Unit

RESTATES = "restates"  # the link kind of agreed wording (desktop.core.agreed)

# What a pane shows when the leading pane moves to a unit.
LINKED = "linked"  # direct links: the targets
INDIRECT = "indirect"  # through one intermediate instrument
NO_COUNTERPART = "no-counterpart"  # the table says "N/A"
NOT_COVERED = "not-covered"  # the table does not relate the unit to this instrument
SAME_INSTRUMENT = "same-instrument"  # the pane shows the leading unit's own instrument

# Why a unit is not covered.
REASON_INSTRUMENT = "instrument"  # the table does not include one of the two instruments
REASON_KIND = "kind"  # a heading, a formula, …: the table relates paragraphs
REASON_UNIT = "unit"  # the unit has no link at all
REASON_ELSEWHERE = "elsewhere"  # it has links, but none leads to this instrument

# How the unit's links were found.
OWN = "own"
SUBPARAGRAPHS = "subparagraphs"
PARAGRAPH = "paragraph"

# Unit kinds the table can relate (everything else is structure: headings, formulas, …).
CITABLE_KINDS = frozenset({"paragraph", "subparagraph", "preamble"})
NUMBERED_KINDS = frozenset({"paragraph", "subparagraph"})


@dataclass(frozen=True)
class Reference:
    """A reference as the table printed it, and where."""

    kind: str  # the link kind ("concordance", "restates")
    raw: str  # as printed: "Action 4.a", "N/A" ("" for a restatement)
    line: int | None  # its line in the source table (None for a restatement)
    relation: str | None = None  # a restatement's: "same" | "changed" | "partial"
    score: float | None = None  # a restatement's similarity, 0–1


@dataclass(frozen=True)
class Target:
    """One corresponding unit in the target instrument."""

    unit: str
    kinds: tuple[str, ...]  # the kinds of the links that lead here, first seen first
    references: tuple[Reference, ...]  # direct: the links'; indirect: both legs'
    sources: tuple[str, ...]  # the leading side's units the links start from
    via: tuple[str, ...] = ()  # indirect: the intermediate units, in their document order

    @property
    def indirect(self) -> bool:
        return bool(self.via)


@dataclass(frozen=True)
class Correspondence:
    """What corresponds to `unit` in `instrument`, and how it was found."""

    unit: str
    instrument: str
    status: str  # LINKED | INDIRECT | NO_COUNTERPART | NOT_COVERED | SAME_INSTRUMENT
    targets: tuple[Target, ...] = ()
    basis: str = OWN  # OWN | SUBPARAGRAPHS | PARAGRAPH
    basis_units: tuple[str, ...] = ()  # the units whose links were read
    no_counterpart: tuple[Reference, ...] = ()  # the table's "N/A" entries
    reason: str = ""  # for NOT_COVERED: REASON_*
    elsewhere: tuple[str, ...] = ()  # REASON_ELSEWHERE: the instruments it is linked to


class Correspondences:
    """The links of the corpus, indexed for finding what corresponds to what."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._links: dict[str, list[Link]] = {}  # the table's, read by the basis rules
        self._restates: dict[str, list[Link]] = {}  # agreed wording: a unit's own only
        self._kinds: list[str] = []
        links = corpus.all_links()
        for link in links:
            index = self._restates if link.kind == RESTATES else self._links
            index.setdefault(link.source, []).append(link)
            if link.target is not None:
                index.setdefault(link.target, []).append(link)
            if link.kind not in self._kinds:
                self._kinds.append(link.kind)
        # Instruments the table joins directly: between any others, the way is indirect.
        self._pairs = {frozenset((_instrument(link.source), _instrument(link.target)))
                       for link in links if link.target is not None and link.kind != RESTATES}
        linked = {_instrument(end) for link in links if link.target is not None
                  for end in (link.source, link.target)}
        self.instruments = tuple(i.id for i in corpus.instruments() if i.id in linked)
        self._units: dict[str, Unit] = {}
        self._children: dict[str, list[str]] = {}
        for instrument in self.instruments:
            self._load(instrument)

    def _load(self, instrument: str) -> None:
        for unit in self._corpus.units(instrument):
            self._units[unit.id] = unit
            if unit.parent:
                self._children.setdefault(unit.parent, []).append(unit.id)

    def kinds(self) -> list[str]:
        """The link kinds in the corpus, in the order the table first uses them."""
        return list(self._kinds)

    def unit(self, unit_id: str) -> Unit | None:
        return self._units.get(unit_id) or self._corpus.unit(unit_id)

    # -- what corresponds ------------------------------------------------------------------

    def find(self, unit_id: str, instrument: str) -> Correspondence:
        """What corresponds to the unit in `instrument`."""
        unit = self.unit(unit_id)
        if unit is not None and unit.instrument == instrument:
            return Correspondence(unit_id, instrument, SAME_INSTRUMENT)
        if unit is None or unit.instrument not in self.instruments \
                or instrument not in self.instruments:
            return Correspondence(unit_id, instrument, NOT_COVERED, reason=REASON_INSTRUMENT)
        basis, units, links = self._basis(unit)
        restated = [(unit.id, link) for link in self._restates.get(unit.id, [])]
        if not links and not restated:
            reason = REASON_UNIT if unit.kind in CITABLE_KINDS else REASON_KIND
            return Correspondence(unit_id, instrument, NOT_COVERED, reason=reason)
        if not links:
            basis, units = OWN, [unit.id]
        found = dict(basis=basis, basis_units=tuple(units))
        direct = _Collector(self)
        no_counterpart: list[Reference] = []
        tabled = frozenset((unit.instrument, instrument)) in self._pairs
        for source, link in links + restated:
            other = _other(link, source)
            if other is None:
                if tabled:  # the table's "N/A" speaks of the instruments it relates
                    no_counterpart.append(_reference(link))
            elif _instrument(other) == instrument:
                direct.add(other, link.kind, (_reference(link),), source)
        if direct:
            return Correspondence(unit_id, instrument, LINKED, direct.targets(),
                                  no_counterpart=tuple(dict.fromkeys(no_counterpart)), **found)
        links = links + restated
        if frozenset((unit.instrument, instrument)) not in self._pairs:
            indirect = self._indirect(links, unit.instrument, instrument)
            if indirect:
                return Correspondence(unit_id, instrument, INDIRECT, indirect.targets(),
                                      **found)
        if no_counterpart:
            return Correspondence(unit_id, instrument, NO_COUNTERPART,
                                  no_counterpart=tuple(dict.fromkeys(no_counterpart)), **found)
        elsewhere = {_instrument(other) for source, link in links
                     if (other := _other(link, source)) is not None}
        return Correspondence(unit_id, instrument, NOT_COVERED, reason=REASON_ELSEWHERE,
                              elsewhere=tuple(i for i in self.instruments if i in elsewhere),
                              **found)

    def find_all(self, unit_id: str) -> list[Correspondence]:
        """What corresponds in every other instrument the table relates, in corpus order."""
        unit = self.unit(unit_id)
        own = unit.instrument if unit else ""
        return [self.find(unit_id, instrument) for instrument in self.instruments
                if instrument != own]

    def _basis(self, unit: Unit) -> tuple[str, list[str], list[tuple[str, Link]]]:
        """Which units' links the unit stands for, and those links (each with the unit on
        the leading side it was read from)."""
        own = self._links.get(unit.id, [])
        if own:
            return OWN, [unit.id], [(unit.id, link) for link in own]
        if unit.kind in NUMBERED_KINDS:
            below = [(d, link) for d in self._descendants(unit.id)
                     for link in self._links.get(d, [])]
            if below:
                return SUBPARAGRAPHS, list(dict.fromkeys(d for d, _ in below)), below
            for ancestor in self._ancestors(unit):
                incoming = [(ancestor, link) for link in self._links.get(ancestor, [])
                            if link.target == ancestor]
                if incoming:
                    return PARAGRAPH, [ancestor], incoming
        return OWN, [unit.id], []

    def _indirect(self, links: list[tuple[str, Link]], start: str,
                  instrument: str) -> _Collector:
        """The targets in `instrument` of the units on the other side of `links`, where those
        units belong to one intermediate instrument linked to both."""
        found = _Collector(self)
        for source, link in links:
            middle = _other(link, source)
            if middle is None or _instrument(middle) in (start, instrument):
                continue
            for onward in self._links.get(middle, []) + self._restates.get(middle, []):
                end = _other(onward, middle)
                if end is None or _instrument(end) != instrument:
                    continue
                if RESTATES in (link.kind, onward.kind) and not self._between(
                        _instrument(middle), start, instrument):
                    continue
                found.add(end, onward.kind, (_reference(link), _reference(onward)),
                          source, via=middle)
        return found

    def _between(self, middle: str, start: str, end: str) -> bool:
        """Whether `middle` was adopted between `start` and `end`: agreed wording is followed
        along the way it was passed on (74/178 → UNGASS → 2009), not back and forth (UNGASS
        → a 2009 text → 74/178 relates paragraphs that merely share a source)."""
        dates = [self._adopted(i) for i in (start, middle, end)]
        if not all(dates):
            return False
        return min(dates[0], dates[2]) <= dates[1] <= max(dates[0], dates[2])

    def _adopted(self, instrument: str) -> str:
        found = self._corpus.instrument(instrument)
        return found.adopted if found else ""

    def _descendants(self, unit_id: str) -> list[str]:
        found: list[str] = []
        for child in self._children.get(unit_id, []):
            if self._units[child].kind in NUMBERED_KINDS:
                found.append(child)
                found.extend(self._descendants(child))
        return found

    def _ancestors(self, unit: Unit) -> Iterable[str]:
        parent = self._units.get(unit.parent or "")
        while parent is not None and parent.kind in NUMBERED_KINDS:
            yield parent.id
            parent = self._units.get(parent.parent or "")

    def order(self, unit_id: str) -> tuple[int, int]:
        """Where a unit stands: its instrument's place in the table's order, then its seq."""
        unit = self._units.get(unit_id)
        place = self.instruments.index(unit.instrument) if unit else len(self.instruments)
        return place, unit.seq if unit else 0


@dataclass
class _Gathered:
    """One target's links as they are found (dicts keep first-seen order, without repeats)."""

    kinds: dict[str, None] = field(default_factory=dict)
    references: dict[Reference, None] = field(default_factory=dict)
    sources: dict[str, None] = field(default_factory=dict)
    via: dict[str, None] = field(default_factory=dict)


class _Collector:
    """Targets gathered link by link, merged per unit, given out in document order."""

    def __init__(self, index: Correspondences) -> None:
        self._index = index
        self._found: dict[str, _Gathered] = {}

    def add(self, unit: str, kind: str, references: tuple[Reference, ...], source: str,
            via: str | None = None) -> None:
        entry = self._found.setdefault(unit, _Gathered())
        entry.kinds[kind] = None
        entry.references.update(dict.fromkeys(references))
        entry.sources[source] = None
        if via is not None:
            entry.via[via] = None

    def __bool__(self) -> bool:
        return bool(self._found)

    def targets(self) -> tuple[Target, ...]:
        order = self._index.order
        return tuple(
            Target(unit=unit, kinds=tuple(entry.kinds), references=tuple(entry.references),
                   sources=tuple(sorted(entry.sources, key=order)),
                   via=tuple(sorted(entry.via, key=order)))
            for unit, entry in sorted(self._found.items(), key=lambda item: order(item[0])))


def _instrument(unit_id: str | None) -> str:
    return (unit_id or "").split("/", 1)[0]


def _other(link: Link, side: str) -> str | None:
    """The unit at the other end of a link from `side` (None: "no counterpart")."""
    return link.target if link.source == side else link.source


def _reference(link: Link) -> Reference:
    return Reference(link.kind, link.raw, link.line, link.relation, link.score)
