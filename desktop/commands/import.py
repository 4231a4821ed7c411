"""`concordia import FILE`: a colleague's shared annotations (W3C Web Annotations) in, all or
nothing; changes made on both sides are kept on the conflicts list (`notes conflicts`).

Exit status 0 when imported (even with conflicts), 1 when the file is refused (nothing
changed), 2 when the notes database or the corpus cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import paths
from desktop.commands.common import explain
from desktop.core.corpus import Corpus, CorpusError
from desktop.core.notes.database import store_path
from desktop.core.notes.errors import NotesError, StoreLocked, StoreUnavailable
from desktop.core.notes.service import NotesService

HELP = "import shared annotations (W3C Web Annotation JSON-LD), all or nothing"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a file written by `concordia export --format jsonld` "
                                     "(or another tool's annotations on Concordia's units)")


def run(args: argparse.Namespace) -> int:
    from desktop.core.exchange.importer import import_file

    source = Path(args.file).expanduser().resolve()
    session = NotesService(store_path(paths.data_dir()),
                           lambda: Corpus.open(paths.corpus_path(), paths.user_corpus_path()))
    try:
        result = import_file(session, source)
    except (StoreUnavailable, StoreLocked, CorpusError) as error:
        print(f"concordia: {explain(error)}", file=sys.stderr)
        return 2
    except NotesError as error:
        print(f"concordia: {error}", file=sys.stderr)
        return 1
    finally:
        session.close()
    print(f"imported {source.name}: {result.summary()}")
    if result.conflicts:
        print(f"changed both here and there, both versions kept: "
              f"{', '.join(map(str, result.conflicts))} — see `concordia notes conflicts`")
    return 0
