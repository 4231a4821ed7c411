"""A store holding the excerpt tests' annotations and one highlight across units."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.corpus import Corpus
from desktop.core.notes.service import NotesService

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "excerpts"))
from excerpts_data import fill

CHAPEAU_END = "and we recommend the following measures:"


def fill_shared(service: NotesService) -> None:
    fill(service)
    chapeau = service.texts().of_unit("ungass2016/1")
    assert chapeau is not None
    start = chapeau.text("ungass2016/1").index(CHAPEAU_END)
    anchor = service.anchor_span("ungass2016/1", start, "ungass2016/1(b)", len("Also take"))
    service.store().add(anchor, category="Fallback", note="From the chapeau into (b)")


@pytest.fixture
def shared(corpus: Corpus, tmp_path: Path) -> Iterator[NotesService]:
    service = NotesService(tmp_path / "notes" / "notes.sqlite", corpus)
    fill_shared(service)
    yield service
    service.close()
