"""Fixtures for the annotation store: a private notes database and small test corpora."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from notes_corpus import Texts, write_corpus

from desktop.core.notes.store import AnnotationStore


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[[str, Texts], Path]:
    """Write a named test corpus under tmp_path; returns its path."""
    def make(name: str, instruments: Texts) -> Path:
        return write_corpus(tmp_path / f"{name}.sqlite", instruments)
    return make


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.sqlite"


@pytest.fixture
def store(store_path: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(store_path)
    yield opened
    opened.close()
