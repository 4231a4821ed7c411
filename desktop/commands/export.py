"""`concordia export`: the chosen annotations as a brief (Markdown, HTML, Word, PDF) or as
W3C Web Annotations to share (JSON-LD).

Never imports PySide6, except for a PDF, which Qt's PDF writer makes (desktop/pdf_export.py).
Results go to stdout, messages to stderr; exit status 1 for an export that cannot be done
(an unknown category, an unwritable file), 2 when the notes database or the corpus cannot be
used.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from desktop import paths
from desktop.commands.common import explain
from desktop.core.corpus import Corpus, CorpusError
from desktop.core.excerpts.atomic import ExportError
from desktop.core.excerpts.pack import DATE, DOCUMENT, Filters, Pack, build_pack
from desktop.core.notes.database import store_path
from desktop.core.notes.errors import NotesError, StoreLocked, StoreUnavailable
from desktop.core.notes.service import NotesService

HELP = "write the chosen annotations as a brief (md, html, docx, pdf) or to share (jsonld)"

# format → the module whose write(pack, path) writes it
WRITERS = {
    "md": "desktop.core.excerpts.markdown_writer",
    "html": "desktop.core.excerpts.html_writer",
    "docx": "desktop.core.excerpts.docx_writer",
    "pdf": "desktop.pdf_export",
}
JSONLD = "jsonld"
FORMATS = (*WRITERS, JSONLD)
_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
             ".docx": "docx", ".pdf": "pdf", ".jsonld": JSONLD, ".json": JSONLD}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS,
                        help="the format (default: from the file name's ending)")
    parser.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the file to write (replaced only once it is complete)")
    add_filter_arguments(parser)
    parser.add_argument("--full-text", action="store_true",
                        help="print the whole units around each quote, the quote marked")
    parser.add_argument("--order", choices=(DOCUMENT, DATE), default=DOCUMENT,
                        help="by instrument in document order (default), or by date")
    parser.add_argument("--title", default="Excerpts", help="the brief's title")


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The filters the excerpt and the JSON-LD exports share."""
    parser.add_argument("--category", metavar="NAME", action="append", default=[],
                        help="only this category (repeat: any of them)")
    parser.add_argument("--tag", metavar="TAG", action="append", default=[],
                        help="only annotations with this tag (repeat: any of them)")
    parser.add_argument("--meeting", metavar="TEXT", default="",
                        help="only annotations whose meeting contains TEXT")
    parser.add_argument("--instrument", metavar="ID", action="append", default=[],
                        help="only this instrument's (repeat: any of them)")
    parser.add_argument("--author", metavar="NAME", default="", help="only this author's")
    parser.add_argument("--include-private", action="store_true",
                        help="include the annotations marked private (left out otherwise)")


def filters_of(args: argparse.Namespace) -> Filters:
    return Filters(categories=tuple(args.category), tags=tuple(args.tag),
                   meeting=args.meeting.strip(), instruments=tuple(args.instrument),
                   author=args.author.strip(), include_private=args.include_private)


def run(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser().resolve()
    chosen = args.format or _SUFFIXES.get(target.suffix.lower())
    if chosen is None:
        print(f"concordia: say which format to write with --format ({', '.join(FORMATS)}): "
              f"“{target.name}” does not end in one of "
              f"{', '.join(sorted(_SUFFIXES))}", file=sys.stderr)
        return 1
    session = NotesService(store_path(paths.data_dir()),
                           lambda: Corpus.open(paths.corpus_path(), paths.user_corpus_path()))
    try:
        if chosen == JSONLD:
            from desktop.core.exchange import export as exchange_export

            result = exchange_export.write(session, filters_of(args), target)
            print(f"wrote {target}: {_count(result.written, 'annotation')}"
                  + _left_out(result.private_left_out))
            if result.in_review:
                print(f"concordia: {_count(result.in_review, 'annotation')} waiting in the "
                      "review list left out (its words changed here): settle them with "
                      "`concordia notes review`, then share again", file=sys.stderr)
            return 0
        pack = build_pack(session, filters_of(args), order=args.order,
                          full_text=args.full_text, title=args.title)
        importlib.import_module(WRITERS[chosen]).write(pack, target)
        print(_summary(target, pack))
        return 0
    except (StoreUnavailable, StoreLocked, CorpusError) as error:
        print(f"concordia: {explain(error)}", file=sys.stderr)
        return 2
    except (NotesError, ExportError) as error:
        print(f"concordia: {error}", file=sys.stderr)
        return 1
    finally:
        session.close()


def _summary(target: Path, pack: Pack) -> str:
    groups = "day" if pack.order == DATE else "instrument"
    return (f"wrote {target}: {_count(pack.excerpts_count, 'annotation')} "
            f"({_count(len(pack.groups), groups)})" + _left_out(pack.private_left_out))


def _left_out(count: int) -> str:
    if not count:
        return ""
    return (f"; {_count(count, 'private annotation')} left out "
            "(--include-private adds them)")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"
