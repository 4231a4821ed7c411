"""What is specific to each source: where each instrument starts, its metadata, its slips.

Titles are not here: the build takes each instrument's title from its title heading.

Everything else in ingestion is a general rule of how UN resolutions and declarations are
built. Keep this module small: a new instrument should need a new entry here and nothing
else.
"""

# No `from __future__ import annotations`: typing.NamedTuple would turn each field's string
# annotation into a forward reference and compile it when the class is made (the window's
# first paint makes these classes); the annotations here are valid as they stand.

import re
from collections.abc import Mapping
from typing import NamedTuple

from desktop.core.model import NO_PROVENANCE


class InstrumentSpec(NamedTuple):
    id: str
    short_title: str
    citation_prefix: str
    symbol: str = ""
    adopted: str = ""
    body: str = ""
    provenance: Mapping[str, str] = NO_PROVENANCE
    # Paths of the leading headings, in order; further ones get "title2", "title3", …
    title_paths: tuple[str, ...] = ("title",)
    # Headings with a fixed path, by their words: {regex: path}.
    named_headings: tuple[tuple[str, str], ...] = ()
    # Path prefix of unnumbered paragraphs before the first numbered one ("pp" or "s").
    unnumbered_prefix: str = "pp"
    unnumbered_kind: str = "preamble"
    # A heading matching this opens a list whose numbering restarts (the round tables).
    restart_heading: str = ""
    restart_prefix: str = ""
    # An unlabelled heading in a document of labelled parts is a part of its own.
    unlabelled_heading_is_part: bool = False
    # The last numbered paragraph, to catch a truncated source.
    last_paragraph: int = 0
    # What delegates call it (typed citations read these), and its short name in the window.
    aliases: tuple[str, ...] = ()
    short_name: str = ""
    # Words that name its paragraphs by their role ("Target 36.c", "Action 4.a").
    role_words: tuple[str, ...] = ()
    # How its heading levels are named, when not chapter / section / subsection.
    heading_levels: tuple[str, ...] = ()
    # One of the main instruments offered first in the window; opened at first start.
    main: bool = False
    default_pane: bool = False


class Region(NamedTuple):
    """Where an instrument's text starts in a source: the first block matching `start`."""

    instrument: str
    start: str  # regex on the block's plain words; "" for the start of the file
    front_until: str = ""  # blocks before the first match of this are masthead


class SourceSpec(NamedTuple):
    file: str
    regions: tuple[Region, ...]
    # Blocks that repeat the heading just before (an extraction artefact) are dropped
    # generally; nothing specific is needed here.


class KnownSlip(NamedTuple):
    """A slip in the original, kept as printed. `must_contain` proves it is still there."""

    target: str
    must_contain: str
    detail: str


INSTRUMENTS: tuple[InstrumentSpec, ...] = (
    InstrumentSpec(
        id="ungass2016",
        aliases=("UNGASS", "UNGASS 2016", "S-30/1", "A/RES/S-30/1", "A/RES/S-30/1, annex",
                 "outcome document", "OD"),
        short_name="UNGASS",
        main=True,
        default_pane=True,
        short_title="UNGASS 2016 outcome document",
        citation_prefix="A/RES/S-30/1, annex",
        symbol="A/RES/S-30/1",
        adopted="2016-04-19",
        body="General Assembly (thirtieth special session)",
        provenance={
            "symbol": "GA resolution 74/178, footnote 1: “Resolution S-30/1, annex.” "
            "(ga-res-74-178.txt line 30); A/RES/ prefix by UN convention for a General "
            "Assembly resolution",
            "adopted": "GA resolution 74/178: “resolution S-30/1 of 19 April 2016” "
            "(ga-res-74-178.txt line 124)",
            "body": "CND resolution 59/1 recommends its adoption at the plenary of the special "
            "session (cnd-59-1_ungass2016-outcome.txt line 13); 74/178 names it the outcome "
            "document of the thirtieth special session (line 24)",
        },
        last_paragraph=9,
    ),
    InstrumentSpec(
        id="res74-178",
        aliases=("74/178", "A/RES/74/178", "res 74/178", "resolution 74/178"),
        short_name="74/178",
        main=True,
        short_title="GA resolution 74/178",
        citation_prefix="A/RES/74/178",
        symbol="A/RES/74/178",
        adopted="2019-12-18",
        body="General Assembly",
        provenance={
            "symbol": "“74/178.” with “Resolution adopted by the General Assembly” "
            "(ga-res-74-178.txt lines 16, 20); A/RES/ prefix by UN convention",
            "adopted": "“Resolution adopted by the General Assembly on 18 December 2019” "
            "(ga-res-74-178.txt line 16)",
            "body": "ga-res-74-178.txt line 16",
        },
        last_paragraph=120,
    ),
    InstrumentSpec(
        id="pd2009",
        aliases=("PD", "PD 2009", "Political Declaration", "Political Declaration (2009)"),
        short_name="PD",
        role_words=("target",),
        main=True,
        short_title="Political Declaration (2009)",
        citation_prefix="Political Declaration (2009)",
        adopted="2009-03-12",
        body="Commission on Narcotic Drugs, high-level segment of its fifty-second session",
        provenance={
            "adopted": "report paragraph 13: “At the fourth meeting of the session, on 12 March "
            "2009, … adopted” (cnd-2009-report_political-declaration_plan-of-action.txt "
            "line 91)",
            "body": "report paragraph 13 (line 91)",
            "symbol": "not stated by the sources; published in E/2009/28, chap. I, sect. C "
            "(UNGASS 2016 footnote 1)",
        },
        last_paragraph=40,
    ),
    InstrumentSpec(
        id="poa2009",
        aliases=("PoA", "POA", "Plan of Action", "PoA 2009", "Plan of Action (2009)"),
        short_name="PoA",
        role_words=("action",),
        heading_levels=("part", "section", "subsection"),
        main=True,
        default_pane=True,
        short_title="Plan of Action (2009)",
        citation_prefix="Plan of Action (2009)",
        adopted="2009-03-12",
        body="Commission on Narcotic Drugs, high-level segment of its fifty-second session",
        provenance={
            "adopted": "Political Declaration paragraph 38 adopts the Plan of Action; report "
            "paragraph 13 dates the adoption (line 91)",
            "body": "report paragraph 13 (line 91)",
        },
        unlabelled_heading_is_part=True,
        last_paragraph=64,
    ),
    InstrumentSpec(
        id="cnd59-1",
        aliases=("59/1", "CND 59/1", "resolution 59/1", "CND resolution 59/1"),
        short_name="59/1",
        short_title="CND resolution 59/1",
        citation_prefix="CND resolution 59/1",
        body="Commission on Narcotic Drugs",
        provenance={"body": "opening formula (cnd-59-1_ungass2016-outcome.txt line 7)"},
        title_paths=("symbol", "title"),
        named_headings=((r"^Annex$", "annex"),),
    ),
    InstrumentSpec(
        id="report2009",
        aliases=("report", "CND report 2009",
                 "Report of the Commission on Narcotic Drugs (2009)"),
        short_name="Report",
        short_title="CND report (2009)",
        citation_prefix="Report of the Commission on Narcotic Drugs (2009)",
        body="Commission on Narcotic Drugs",
        provenance={"body": "“Report of the Commission on Narcotic Drugs” (line 25)"},
        named_headings=((r"^Summary$", "summary"),),
        unnumbered_prefix="s",
        unnumbered_kind="text",
        restart_heading=r"^Outcome of the round table",
        restart_prefix="rt",
        last_paragraph=18,
    ),
)

SOURCES: tuple[SourceSpec, ...] = (
    SourceSpec(
        file="cnd-59-1_ungass2016-outcome.txt",
        regions=(
            Region("cnd59-1", ""),
            Region("ungass2016", r"^Our joint commitment to effectively addressing"),
        ),
    ),
    SourceSpec(
        file="ga-res-74-178.txt",
        regions=(Region("res74-178", "", front_until=r"^\d+/\d+\. "),),
    ),
    SourceSpec(
        file="cnd-2009-report_political-declaration_plan-of-action.txt",
        regions=(
            Region("report2009", "", front_until=r"^Outcome of the high-level segment"),
            Region("pd2009", r"^Political Declaration$"),
            Region("poa2009", r"^Plan of Action$"),
            Region("report2009", r"^B\. Outcome of the round-table discussions"),
        ),
    ),
)

# The concordance table: UNGASS 2016 recommendations → 2009 Declaration and Plan of Action.
CONCORDANCE_FILE = "concordance_ungass2016-to-pd2009-poa2009.txt"

# The shape of the complete sources, to refuse a truncated one (shape.py): units per
# instrument, and rows of the concordance table. A source edited on purpose keeps at least
# these; after adding text on purpose, raise them.
EXPECTED_UNITS: dict[str, int] = {
    "ungass2016": 161, "res74-178": 170, "pd2009": 56, "poa2009": 327, "cnd59-1": 7,
    "report2009": 95,
}
CONCORDANCE_ROWS = 288

KNOWN_SLIPS: tuple[KnownSlip, ...] = (
    KnownSlip(
        target="pd2009/fn4",
        must_contain="Single Convention on Narcotic Drugs of 1954",
        detail="The Single Convention on Narcotic Drugs is of 1961 (as Plan of Action footnote "
        "21 and the other instruments print it, with the same Treaty Series reference, "
        "vol. 976, No. 14152); the year 1954 is kept as printed.",
    ),
)


def instrument_spec(instrument_id: str) -> InstrumentSpec:
    for spec in INSTRUMENTS:
        if spec.id == instrument_id:
            return spec
    raise KeyError(instrument_id)


def spec_of(instrument_id: str) -> InstrumentSpec | None:
    """The shipped instrument's definition, or None (an imported instrument has none)."""
    return next((spec for spec in INSTRUMENTS if spec.id == instrument_id), None)


def compile_start(pattern: str) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None
