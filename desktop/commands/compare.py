"""`concordia compare UNIT UNIT`: a word-level redline of two units."""

from __future__ import annotations

import argparse

from desktop.commands.common import open_corpus
from desktop.commands.show import resolve_unit
from desktop.core.agreed import redline
from desktop.core.citations import cite

HELP = "print a word-level redline of two units ([-deleted-]{+inserted+})"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", help="the earlier unit (an id or a typed citation)")
    parser.add_argument("new", help="the later unit")


def run(args: argparse.Namespace) -> int:
    with open_corpus() as corpus:
        old, new = resolve_unit(corpus, args.old), resolve_unit(corpus, args.new)
        if old is None or new is None:
            return 1
        for unit in (old, new):
            instrument = corpus.instrument(unit.instrument)
            assert instrument is not None
            print(f"{'-' if unit is old else '+'} {cite(unit, instrument)}  [{unit.id}]")
        print()
        print(redline(old.text, new.text))
        return 0
