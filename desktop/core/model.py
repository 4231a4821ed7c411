"""The corpus's value types, shared by ingestion, the read API, citations and the UI.

The records read in bulk and at every start (units, footnotes, links …) are named tuples:
immutable like frozen dataclasses, but a named tuple's class is made ~6× faster (a frozen
dataclass compiles six methods, ~0.5 ms each class, on the window's first-paint path) and its
instances are built without a setattr per field. A changed copy: `unit._replace(id=…)`.
"""

# No `from __future__ import annotations`: typing.NamedTuple would turn each field's string
# annotation into a forward reference and compile it when the class is made (the window's
# first paint makes these classes); the annotations here are valid as they stand.

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

# An instrument without recorded provenance: shared, so it cannot be changed.
NO_PROVENANCE: Mapping[str, str] = MappingProxyType({})


class Instrument(NamedTuple):
    """One instrument of the corpus, with metadata as the sources state it.

    `provenance` maps a field name ("symbol", "adopted", …) to where its value came from
    (a source file and line, or the UN convention it was derived by). Unknown stays "".
    """

    id: str
    title: str
    short_title: str
    symbol: str = ""
    adopted: str = ""  # ISO date
    body: str = ""  # the adopting body
    source: str = ""  # source file name under resources/sources/
    seq: int = 0
    citation_prefix: str = ""  # how citations name it: "A/RES/74/178", "Plan of Action (2009)"
    provenance: Mapping[str, str] = NO_PROVENANCE
    # Short forms users type for it, beyond its names above (an imported draft's record).
    aliases: tuple[str, ...] = ()


class Unit(NamedTuple):
    """A citable unit: a heading, a paragraph, a subparagraph, a formula, …"""

    id: str
    instrument: str
    kind: str  # heading | preamble | paragraph | subparagraph | formula | front | text
    parent: str | None
    seq: int
    label: str  # as printed: "19.", "(a)", "" when unnumbered
    text: str  # plain words, no markers (DESIGN.md §3)
    rich: str = ""  # small HTML: <i>, <b>, <sup> footnote calls
    role: str | None = None  # "problem" | "action" for Plan of Action paragraphs
    level: int = 0  # heading depth (1 = top); 0 for non-headings
    line_start: int = 0  # first and last source line
    line_end: int = 0
    opening: str | None = None  # the operative verb phrase or preambular participle as printed

    @property
    def path(self) -> str:
        return self.id.split("/", 1)[1]


class Footnote(NamedTuple):
    id: str  # "<instrument>/fn<number>" ("fn*" for asterisk notes)
    instrument: str
    number: str  # as printed: "1", "*", "**"
    text: str
    rich: str
    line: int


class FootnoteCall(NamedTuple):
    unit: str
    footnote: str
    offset: int  # character offset in the unit's text where the call mark stood
    seq: int  # order of the call within the unit


class Repair(NamedTuple):
    """A change the build made to the extracted text, and the rule that justified it."""

    instrument: str
    unit: str | None
    line: int
    rule: str
    detail: str


class Slip(NamedTuple):
    """A slip in the original, kept as printed and flagged."""

    target: str  # a unit id or a footnote id
    line: int
    detail: str


class Link(NamedTuple):
    """A directed correspondence between units; `target` None means "no counterpart"."""

    source: str
    target: str | None
    kind: str  # "concordance" | "restates"
    raw: str  # the reference exactly as printed ("" for restatements)
    line: int | None  # its line in the source table (None for restatements)
    note: str = ""  # the repair rules that resolved it, if any
    relation: str | None = None  # restates: "same" | "changed" | "partial"
    score: float | None = None  # restates: similarity, 0–1
    shared: float | None = None  # restates: share of words in common, 0–1


class ConcordanceToken(NamedTuple):
    """One reference token of the concordance table, and what became of it."""

    line: int
    seq: int
    raw: str
    unit: str | None  # the UNGASS unit it was assigned to (None: noise)
    outcome: str  # link | repaired | no-counterpart | duplicate | noise | unresolved
    rule: str
    target: str | None
    detail: str
