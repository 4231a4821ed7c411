"""`concordia agreed "TEXT" | --unit UNIT | -`: where a wording was agreed before."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.commands.common import open_corpus
from desktop.commands.show import resolve_unit
from desktop.core.citations import cite
from desktop.core.names import unknown_instrument

HELP = "find where a wording was agreed before: units, relation, score, matching words"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help='the wording ("-": read it from standard '
                                                "input)")
    parser.add_argument("--unit", metavar="UNIT", help="the wording of this unit (an id or a "
                                                       "typed citation)")
    parser.add_argument("--instrument", "-i", action="append", default=[], metavar="ID",
                        help="only in this instrument (repeatable)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON array, best first")
    parser.add_argument("--against", action="append", default=[], metavar="ID",
                        help="with --instrument ID alone: also compare with this imported "
                             "instrument (repeatable)")
    parser.add_argument("--brief", metavar="FILE", help="with --instrument ID alone: write "
                        "the analysis as a brief (.docx or .html)")


def run(args: argparse.Namespace) -> int:
    if args.text is None and args.unit is None and len(args.instrument) == 1:
        from desktop.commands.draft_analysis import analyse_instrument

        return analyse_instrument(args)  # every paragraph of one instrument
    if (args.text is None) == (args.unit is None):
        print("concordia: give the wording, - for standard input, --unit UNIT, or one "
              "--instrument ID for the analysis of its every paragraph",
              file=sys.stderr)
        return 2
    with open_corpus() as corpus:
        known = {instrument.id: instrument for instrument in corpus.instruments()}
        unknown = [i for i in args.instrument if i not in known]
        if unknown:
            print(f"concordia: {unknown_instrument(unknown[0], list(known))}",
                  file=sys.stderr)
            return 2
        unit_id = None
        if args.unit:
            unit = resolve_unit(corpus, args.unit)
            if unit is None:
                return 1
            text, unit_id = unit.text, unit.id
        else:
            text = sys.stdin.read() if args.text == "-" else args.text
        found = corpus.provenance(text, tuple(args.instrument), unit_id)
        rows = []
        for item in found:
            unit = corpus.unit(item.unit)
            assert unit is not None
            rows.append({"unit": item.unit, "citation": cite(unit, known[item.instrument]),
                         "instrument": item.instrument, "relation": item.relation,
                         "score": item.score, "shared": item.shared,
                         "spans": [list(span) for span in item.spans],
                         "adopted": known[item.instrument].adopted, "text": unit.text})
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
            return 0
        if not rows:
            print("Not found: no unit carries this wording beyond common formulas.")
            return 0
        # For a reader, the history of a wording: the oldest instrument first.
        for row in sorted(rows, key=lambda r: (r["adopted"] or "9999", -r["score"])):
            print(f"{row['citation']}  [{row['unit']}]  {row['relation']}, score "
                  f"{row['score']:.2f}")
            print("    " + _marked(row["text"], row["spans"]))
        return 0


def _marked(text: str, spans: list[list[int]]) -> str:
    """The unit's text with its matching words bold on a terminal, else in «…»."""
    start, end = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("«", "»")
    out, last = [], 0
    for first, stop in spans:
        out.append(text[last:first] + start + text[first:stop] + end)
        last = stop
    return "".join(out) + text[last:]
