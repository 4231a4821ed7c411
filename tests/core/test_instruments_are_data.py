"""Instruments are data (DESIGN.md §5): what distinguishes one instrument is a record, not a
branch in code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from desktop.core.ingest.sources import INSTRUMENTS

ROOT = Path(__file__).resolve().parents[2]
# The ingestion of the shipped sources (their regions, the concordance table between them)
# is where the shipped instruments are defined; everywhere else an id is data.
ALLOWED = ("desktop/core/ingest/",)


def _literals(tree: ast.AST) -> list[tuple[int, str]]:
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def test_no_instrument_id_is_a_literal_outside_the_shipped_source_definitions() -> None:
    """Guards "instruments are data": an instrument id written into the application's code
    (a dictionary of names, a branch on an id) fails here; put it in the instrument's
    definition (desktop/core/ingest/sources.py) or its imported record."""
    ids = [spec.id for spec in INSTRUMENTS]
    # A literal that is an id or a unit id (a key, a comparison, a prefix); examples inside
    # a help text or a message are prose, not a branch.
    pattern = re.compile(r"^(?:" + "|".join(map(re.escape, ids)) + r")(?:/\S*)?$")
    found = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(ALLOWED):
            continue
        for line, text in _literals(ast.parse(path.read_text(encoding="utf-8"))):
            if pattern.match(text.strip()):
                found.append(f"{relative}:{line}: {text[:60]!r}")
    assert found == []
