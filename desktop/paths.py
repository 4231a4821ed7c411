"""Every path Concordia reads or writes, in one place.

The bundle root is the checkout (or, frozen, the PyInstaller bundle); the shipped corpus
and the resources live there and are read-only. User data lives in the per-user data
directory, which `--data-dir` or CONCORDIA_DATA_DIR overrides. Qt-free on purpose: the
command line uses it without importing PySide6.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Concordia"
DATA_DIR_ENV = "CONCORDIA_DATA_DIR"
CORPUS_ENV = "CONCORDIA_CORPUS"


def bundle_root() -> Path:
    """The folder holding corpus.sqlite and resources/ (checkout or frozen bundle)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def sources_dir() -> Path:
    return resources_dir() / "sources"


def first_start_layout() -> Path:
    """The docks as a first start arranges them (tools/make_first_start_layout.py)."""
    return resources_dir() / "layout" / "first-start.state"


def corpus_path() -> Path:
    """The shipped corpus; CONCORDIA_CORPUS points elsewhere (tests, benchmarks)."""
    override = os.environ.get(CORPUS_ENV)
    return Path(override) if override else bundle_root() / "corpus.sqlite"


def default_data_dir() -> Path:
    """The platform's per-user data directory, as Qt's AppDataLocation would give it."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_NAME


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user data directory: the explicit override, then the environment, then the default.

    The directory is not created here; whoever writes into it creates it.
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


USER_CORPUS_FILE = "instruments.sqlite"


def user_corpus_path(data: Path | None = None) -> Path:
    """The user's imported instruments (drafts and their revisions), beside the notes: the
    shipped corpus's schema, never written into the shipped file."""
    return (data if data is not None else data_dir()) / USER_CORPUS_FILE
