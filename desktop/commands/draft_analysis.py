"""`concordia agreed --instrument ID`: the agreed-language analysis of every paragraph of one
instrument (an imported draft), as text, JSON or a brief."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.commands.common import open_corpus


def analyse_instrument(args: argparse.Namespace) -> int:
    from desktop.core.drafts.analysis import analyse
    from desktop.core.drafts.brief import build, summary_lines, write
    from desktop.core.drafts.service import shipped_sources
    from desktop.core.excerpts.atomic import ExportError

    instrument_id = args.instrument[0]
    with open_corpus() as corpus:
        instrument = corpus.instrument(instrument_id)
        if instrument is None:
            print(f"concordia: no instrument {instrument_id}; the instruments are "
                  f"{', '.join(i.id for i in corpus.instruments())}", file=sys.stderr)
            return 2
        imported = corpus.imported()
        wrong = [i for i in args.against if i not in imported or i == instrument_id]
        if wrong:
            print(f"concordia: --against takes another imported instrument, not "
                  f"{', '.join(wrong)} (imported: {', '.join(imported) or 'none'})",
                  file=sys.stderr)
            return 2
        sources = shipped_sources(corpus, tuple(args.against), exclude=instrument_id)
        paragraphs = analyse(corpus.units(instrument_id), sources)
        if args.brief:
            try:
                write(build(instrument, paragraphs), Path(args.brief).expanduser())
            except (ExportError, ValueError) as error:
                print(f"concordia: {error}", file=sys.stderr)
                return 1
            print(f"Wrote the analysis of {instrument_id} to {args.brief}")
            return 0
        if args.json:
            print(json.dumps([p.to_dict() for p in paragraphs], ensure_ascii=False, indent=1))
            return 0
        for line in summary_lines(paragraphs):
            print(line)
        for paragraph in paragraphs:
            if not paragraph.status:
                continue
            print(f"{paragraph.unit.id}  {paragraph.status}")
            for match in paragraph.matches:
                print(f"    {match.relation:<8} {match.score:.2f}  {match.unit.id}")
        return 0
