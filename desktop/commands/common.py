"""What the window-less commands share: opening the corpus, or saying why it cannot be."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from desktop import paths
from desktop.core.corpus import Corpus, CorpusError, damaged


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
