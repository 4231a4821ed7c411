"""Short citations as delegates say them: "UNGASS 1 (a)", "PoA 41 (g)", "74/178 PP 3".

The window uses them where space is short (a pane's sync bar, the Go to list); the full UN
citation (desktop.core.citations.cite) stays where a unit is named in full. Every short form of
a paragraph, subparagraph or preambular paragraph reads back to its unit through
`CitationIndex.resolve` (tests/core/test_correspondence.py checks it for the whole corpus).
"""

from __future__ import annotations

import re

from desktop.core.citations import describe
from desktop.core.model import Instrument, Unit

SHORT_NAMES: dict[str, str] = {
    "ungass2016": "UNGASS",
    "res74-178": "74/178",
    "pd2009": "PD",
    "poa2009": "PoA",
    "cnd59-1": "59/1",
    "report2009": "Report",
}


def short_name(instrument_id: str) -> str:
    return SHORT_NAMES.get(instrument_id, instrument_id)


def instrument_label(instrument: Instrument) -> str:
    """The instrument as a narrow header names it: its short name with the year it was
    adopted ("UNGASS 2016", "PoA 2009"); a resolution number alone ("74/178") is enough."""
    name = short_name(instrument.id)
    if "/" in name or not instrument.adopted:
        return name
    return f"{name} {instrument.adopted[:4]}"


def short_path(unit: Unit) -> str:
    """Where the unit stands, briefly: "1 (a)", "PP 3", "OP 1", else its place in words."""
    path = unit.path
    if m := re.fullmatch(r"(\d+)((?:\([a-z]+\))*)", path):
        return m[1] + m[2].replace("(", " (")
    if m := re.fullmatch(r"(pp|op)(\d+)", path):
        return f"{m[1].upper()} {m[2]}"
    return describe(path, unit.instrument)


def short_citation(unit: Unit) -> str:
    path = short_path(unit)
    separator = " " if path[:1].isdigit() or path[:2] in ("PP", "OP") else ", "
    return f"{short_name(unit.instrument)}{separator}{path}"
