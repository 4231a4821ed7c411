"""A notes store holding the annotations of excerpts_data.fill."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from excerpts_data import fill

from desktop.core.corpus import Corpus
from desktop.core.notes.service import NotesService


@pytest.fixture
def filled(corpus: Corpus, tmp_path: Path) -> Iterator[NotesService]:
    service = NotesService(tmp_path / "notes" / "notes.sqlite", corpus)
    fill(service)
    yield service
    service.close()
