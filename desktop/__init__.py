"""Concordia: an offline reader and annotator for the UN drug-policy instruments."""

from __future__ import annotations


def _version() -> str:
    """The version pyproject.toml declares: from the installed (or bundled) package metadata,
    else read from pyproject.toml itself (a checkout that was not installed)."""
    from importlib import metadata

    try:
        return metadata.version("concordia")
    except metadata.PackageNotFoundError:
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unknown"


__version__ = _version()
