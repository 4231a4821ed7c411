"""`concordia show UNIT`: a unit's citation and text, with its footnotes."""

from __future__ import annotations

import argparse
import sys
import textwrap

from desktop.commands.common import open_corpus
from desktop.core.citations import CitationIndex, cite
from desktop.core.corpus import Corpus
from desktop.core.model import Unit

HELP = "print a unit's citation and text"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("unit", nargs="+", help="a unit id (res74-178/19) or a citation as "
                                                "typed (\"PoA 41 (g)\", \"OP 19\")")


def run(args: argparse.Namespace) -> int:
    typed = " ".join(args.unit)
    with open_corpus() as corpus:
        unit = resolve_unit(corpus, typed)
        if unit is None:
            return 1
        last = CitationIndex(corpus.instruments(), corpus.unit_ids()).resolve(typed).last
        if last is not None:  # a range: each unit of it, in document order
            units = corpus.units(unit.instrument)
            ids = [u.id for u in units]
            span = units[ids.index(unit.id):ids.index(last) + 1]
            for index, each in enumerate(span):
                if index:
                    print()
                _show(corpus, each, children=False)
            return 0
        _show(corpus, unit)
        return 0


def _show(corpus: Corpus, unit: Unit, children: bool = True) -> None:
    """A unit's citation, id, text (with its subparagraphs) and footnotes."""
    instrument = corpus.instrument(unit.instrument)
    assert instrument is not None
    print(cite(unit, instrument))
    print(f"[{unit.id}]")
    print()
    label = f"{unit.label} " if unit.label and unit.kind != "heading" else ""
    print(_fill(label + unit.text))
    if unit.kind != "heading" and children:
        _print_children(corpus, unit.id, depth=1)
    notes = corpus.footnotes_of(unit.id)
    if notes:
        print()
        for note in notes:
            print(_fill(f"{note.number} {note.text}", hang="  "))


def _print_children(corpus: Corpus, unit_id: str, depth: int) -> None:
    """Subparagraphs, and theirs, indented by level as printed."""
    for child in corpus.children(unit_id):
        indent = "    " * depth
        print(_fill(f"{child.label} {child.text}", indent=indent, hang=indent))
        _print_children(corpus, child.id, depth + 1)


def _fill(text: str, indent: str = "", hang: str = "") -> str:
    # Never break inside "amphetamine-type": a delegate copies these lines.
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=hang,
                         break_on_hyphens=False, break_long_words=False)


def resolve_unit(corpus: Corpus, typed: str) -> Unit | None:
    """The one unit a typed citation names; otherwise explain on the terminal and None."""
    index = CitationIndex(corpus.instruments(), corpus.unit_ids())
    resolution = index.resolve(typed)
    if not resolution.candidates:
        print(f"concordia: {resolution.message}", file=sys.stderr)
        return None
    if len(resolution.candidates) > 1:
        print(resolution.message)
        for candidate in resolution.candidates:
            unit = corpus.unit(candidate)
            instrument = corpus.instrument(unit.instrument) if unit else None
            if unit and instrument:
                print(f"  {unit.id:<22} {cite(unit, instrument)}")
        return None
    return corpus.unit(resolution.candidates[0])
