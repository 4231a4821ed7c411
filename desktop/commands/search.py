"""`concordia search QUERY`: units whose words match, with a snippet of each."""

from __future__ import annotations

import argparse
import sys

from desktop.commands.common import open_corpus
from desktop.core.citations import cite
from desktop.core.names import unknown_instrument
from desktop.core.search import MARK_END, MARK_START, PARTS, QueryError
from desktop.core.terminal import escape, styled

HELP = "search the instruments' text"
MAX_LIMIT = 10_000  # more hits than the corpus has units; SQLite's integers stay in range


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="*", help='words to find (all of them); "a phrase" in '
                                                 "quotes; word* for a prefix; after -- a "
                                                 "word may begin with - (search -- -drug)")
    parser.add_argument("--opening", metavar="VERB",
                        help='only paragraphs opening with this verb or participle ("urges" '
                             'finds "Urges" and "Also urges"); the words may then be left out')
    parser.add_argument("--instrument", "-i", action="append", default=[], metavar="ID",
                        help="only this instrument (repeatable): ungass2016, res74-178, pd2009, "
                             "poa2009, cnd59-1, report2009")
    parser.add_argument("--part", choices=sorted(PARTS), help="only preambular or operative "
                                                               "text")
    parser.add_argument("--limit", type=_positive, default=20,
                        help="at most this many hits (default 20)")


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} hits: give 1 or more")
    return number


def run(args: argparse.Namespace) -> int:
    with open_corpus() as corpus:
        known = {instrument.id: instrument for instrument in corpus.instruments()}
        unknown = [i for i in args.instrument if i not in known]
        if unknown:
            print(f"concordia: {unknown_instrument(unknown[0], list(known))}",
                  file=sys.stderr)
            return 2
        try:
            if not args.query and args.opening is None:
                raise QueryError("nothing to search for: type one or more words, or --opening")
            hits = corpus.search(" ".join(args.query), tuple(args.instrument), args.part,
                                 min(args.limit, MAX_LIMIT), args.opening)
        except QueryError as error:
            print(f"concordia: {error}", file=sys.stderr)
            return 2
        if not hits:
            print("No unit matches.")
            return 1
        bold = sys.stdout.isatty()
        start, end = ("\033[1m", "\033[0m") if bold else ("[", "]")
        for hit in hits:
            unit = corpus.unit(hit.unit)
            assert unit is not None
            print(f"{hit.unit:<22} {cite(unit, known[hit.instrument])}")
            styled(sys.stdout, "    " + _marked(hit.snippet, start, end) + "\n")
        return 0


def _marked(snippet: str, start: str, end: str) -> str:
    """The snippet with its matches between `start` and `end` (ours, written as they are)
    and its words escaped (they come from a file: terminal.py)."""
    first, *rest = snippet.split(MARK_START)
    out = [escape(first)]
    for part in rest:
        match, _, after = part.partition(MARK_END)
        out.append(start + escape(match) + end + escape(after))
    return "".join(out)
