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


def __getattr__(name: str) -> str:
    # Computed on first use (PEP 562): reading package metadata costs ~0.1 s at start-up.
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
