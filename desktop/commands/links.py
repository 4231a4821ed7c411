"""`concordia links UNIT`: the corresponding units, both directions, with their kind."""

from __future__ import annotations

import argparse

from desktop.commands.common import open_corpus
from desktop.commands.show import resolve_unit
from desktop.core.citations import cite
from desktop.core.corpus import Corpus
from desktop.core.model import Unit
from desktop.core.short_citations import short_citation, short_name

HELP = "print the units corresponding to a unit, both directions"
RESTATES = "restates"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("unit", nargs="+", help="a unit id or a typed citation")


def run(args: argparse.Namespace) -> int:
    with open_corpus() as corpus:
        unit = resolve_unit(corpus, " ".join(args.unit))
        if unit is None:
            return 1
        instrument = corpus.instrument(unit.instrument)
        assert instrument is not None
        print(f"{cite(unit, instrument)}  [{unit.id}]")
        links = corpus.links(unit.id)
        if not links:
            print("  Neither the concordance table nor agreed wording links this unit: no "
                  "corresponding units.")
            return 0
        for link in links:
            outgoing = link.source == unit.id
            other_id = link.target if outgoing else link.source
            printed = f"table: “{link.raw}”, line {link.line}"
            if other_id is None:
                print(f"  {link.kind}: no counterpart in the 2009 texts ({printed})")
                continue
            other = corpus.unit(other_id)
            other_instrument = corpus.instrument(other.instrument) if other else None
            if other is None or other_instrument is None:
                continue
            arrow = "→" if outgoing else "←"
            if link.kind == RESTATES:
                # A restatement found by alignment: how the wording relates, not a table line.
                said = (f"{link.kind}, {link.relation}; score {link.score:.2f}, "
                        f"{round((link.shared or 0) * 100)}% of words in common")
                print(f"  {arrow} {cite(other, other_instrument)}  [{other.id}]  ({said})")
                print(f"      {_first_words(other.label, other.text)}")
                continue
            repaired = f"; read as {other.path} by rule {link.note}" if link.note else ""
            print(f"  {arrow} {cite(other, other_instrument)}  [{other.id}]  "
                  f"({link.kind}; {printed}{repaired})")
            print(f"      {_first_words(other.label, other.text)}")
        _print_indirect(corpus, unit)
        return 0


def _print_indirect(corpus: Corpus, unit: Unit) -> None:
    """Instruments the table never links to the unit's own (the Political Declaration and the
    Plan of Action): what corresponds through the UNGASS items that cite both."""
    from desktop.core.correspondence import INDIRECT, Correspondences

    index = Correspondences(corpus)
    for found in index.find_all(unit.id):
        if found.status != INDIRECT:
            continue
        target_instrument = corpus.instrument(found.instrument)
        assert target_instrument is not None
        middle = corpus.unit(found.targets[0].via[0]) if found.targets else None
        through = short_name(middle.instrument) if middle else "other"
        restated = any(ref.kind == RESTATES for t in found.targets for ref in t.references)
        how = "linked to both (cited or restated)" if restated else "that cite both"
        print(f"  Indirect, in the {target_instrument.short_title}: through the {through} "
              f"items {how}")
        for target in found.targets:
            other = corpus.unit(target.unit)
            if other is None:
                continue
            via = ", ".join(_cited(corpus, via) for via in target.via)
            print(f"  ⇢ {cite(other, target_instrument)}  [{other.id}]  (via {via})")
            print(f"      {_first_words(other.label, other.text)}")


def _cited(corpus: Corpus, unit_id: str) -> str:
    unit = corpus.unit(unit_id)
    return short_citation(unit, corpus.instrument(unit.instrument)) if unit else unit_id


def _first_words(label: str, text: str, limit: int = 110) -> str:
    line = f"{label} {text}".strip()
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + " …"
