"""A word-level difference of two texts, as a delegate's redline shows it.

The texts are cut into printed words (runs of non-space, punctuation attached), so the
redline keeps every comma and capital a negotiator argues about; the comparison runs on
those words exactly as printed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

EQUAL, DELETE, INSERT = "equal", "delete", "insert"


@dataclass(frozen=True)
class Piece:
    op: str  # equal | delete | insert
    text: str  # the words, single-spaced


def word_diff(old: str, new: str) -> list[Piece]:
    """`old` turned into `new`: runs of kept, deleted and inserted words, in reading order
    (a replacement is its deletion followed by its insertion)."""
    a, b = re.findall(r"\S+", old), re.findall(r"\S+", new)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece(EQUAL, " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece(DELETE, " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece(INSERT, " ".join(b[j1:j2])))
    return pieces


def plain_redline(pieces: list[Piece]) -> str:
    """The redline as plain text: [-deleted-] and {+inserted+} (the wdiff convention)."""
    marks = {EQUAL: "{}", DELETE: "[-{}-]", INSERT: "{{+{}+}}"}
    return " ".join(marks[piece.op].format(piece.text) for piece in pieces)


def html_redline(pieces: list[Piece]) -> str:
    """The redline as HTML a word processor keeps: deletions struck through in red,
    insertions underlined in blue (the colours stay legible printed in grey)."""
    from html import escape

    marks = {
        EQUAL: "{}",
        DELETE: '<del style="color:#b3261e;text-decoration:line-through">{}</del>',
        INSERT: '<ins style="color:#1a4fa0;text-decoration:underline">{}</ins>',
    }
    return " ".join(marks[piece.op].format(escape(piece.text)) for piece in pieces)
