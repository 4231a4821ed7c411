"""Short citations as delegates say them: "UNGASS 1 (a)", "PoA 41 (g)", "74/178 PP 3".

The window uses them where space is short (a pane's sync bar, the Go to list); the full UN
citation (desktop.core.citations.cite) stays where a unit is named in full. Every short form of
a paragraph, subparagraph or preambular paragraph reads back to its unit through
`CitationIndex.resolve` (tests/core/test_correspondence.py checks it for the whole corpus).
"""

from __future__ import annotations

import re

from desktop.core.ingest.sources import spec_of
from desktop.core.model import Instrument, Unit


def short_name(instrument_id: str) -> str:
    """The shipped instrument's short name (its definition in desktop.core.ingest.sources);
    an imported instrument is named by its id."""
    spec = spec_of(instrument_id)
    return spec.short_name if spec and spec.short_name else instrument_id


def instrument_label(instrument: Instrument) -> str:
    """The instrument as a narrow header names it: its short name with the year it was
    adopted ("UNGASS 2016", "PoA 2009"); a resolution number alone ("74/178") is enough. An
    imported draft goes by the last part of its symbol, as delegates say it ("L.5")."""
    if spec_of(instrument.id) is None:
        return instrument.symbol.rsplit("/", 1)[-1] if instrument.symbol else instrument.id
    name = short_name(instrument.id)
    if "/" in name or not instrument.adopted:
        return name
    return f"{name} {instrument.adopted[:4]}"


def short_path(unit: Unit) -> str:
    """Where the unit stands, briefly: "1 (a)", "PP 3", "OP 1", else its place in words."""
    from desktop.core.citations import INSERTED, describe  # its parser: not at start-up

    path = unit.path
    if m := re.fullmatch(rf"(\d+)({INSERTED})?((?:\([a-z]+\))*)", path):
        return m[1] + (f" {m[2]}" if m[2] else "") + m[3].replace("(", " (")
    if m := re.fullmatch(r"(pp|op)(\d+)", path):
        return f"{m[1].upper()} {m[2]}"
    return describe(path, unit.instrument)


def short_citation(unit: Unit, instrument: Instrument | None = None) -> str:
    """"PoA 41 (g)", "UNGASS 1 (a)". Given its instrument, an imported draft is cited as its
    header names it, its operative paragraphs as delegates say them ("L.5 OP 2 (a)")."""
    path = short_path(unit)
    name = short_name(unit.instrument)
    if instrument is not None and spec_of(unit.instrument) is None:
        name = instrument_label(instrument)
        if path[:1].isdigit():
            path = f"OP {path}"
    separator = " " if path[:1].isdigit() or path[:2] in ("PP", "OP") else ", "
    return f"{name}{separator}{path}"
