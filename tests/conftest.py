"""Shared test set-up: headless Qt, the committed corpus, a private data directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt aborts without a display unless told to render off screen; this must happen before
# any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop import paths
from desktop.core.corpus import Corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def corpus() -> Iterator[Corpus]:
    """The committed corpus.sqlite, opened read-only."""
    opened = Corpus.open(paths.corpus_path())
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real user data directory."""
    folder = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    return folder
