"""What the window-less commands share: opening the corpus, or saying why it cannot be."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from desktop import paths
from desktop.core.corpus import Corpus, CorpusError, damaged
from desktop.core.notes.errors import StoreCorrupt, StoreReadOnly


def explain(error: BaseException) -> str:
    """A core message with the command line's way out added (the window offers a button)."""
    text = str(error)
    problem = error.problem if isinstance(error, StoreReadOnly) else error
    if isinstance(problem, StoreCorrupt):
        if problem.backup is not None:
            text += " Run `concordia notes recover` to do so."
        if problem.maybe_replaced:
            text += (" If you put an older copy in its place on purpose, run `concordia notes "
                     "recover --accept` to keep it as it is.")
    return text


@contextmanager
def open_corpus() -> Iterator[Corpus]:
    """The shipped corpus, closed afterwards; a missing or unreadable one exits with 2 and
    a message saying how to rebuild it."""
    try:
        corpus = Corpus.open(paths.corpus_path(), paths.user_corpus_path())
    except CorpusError as error:
        print(f"concordia: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    try:
        yield corpus
    except CorpusError as error:
        print(f"concordia: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    except sqlite3.DatabaseError as error:  # a page the quick check at opening did not read
        print(f"concordia: {damaged(corpus.path, str(error))}", file=sys.stderr)
        raise SystemExit(2) from None
    finally:
        corpus.close()
