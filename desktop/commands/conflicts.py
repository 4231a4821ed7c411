"""`concordia notes conflicts [ID --keep mine|theirs]`: the annotations changed both here and
by a colleague, both versions side by side, and settling one. Part of `concordia notes`."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from desktop.core.exchange.conflicts import MINE, THEIRS, Conflict, conflicts, settle
from desktop.core.notes.errors import BadInput
from desktop.core.notes.service import NotesService

WIDTH = 38  # each version's column


def add_parser(actions: Any) -> None:
    parser = actions.add_parser("conflicts", help="list the annotations changed both here and "
                                                  "by a colleague, or settle one")
    parser.add_argument("id", type=int, nargs="?")
    parser.add_argument("--keep", choices=(MINE, THEIRS),
                        help="settle it: keep your version or the colleague's")


def run(session: NotesService, args: argparse.Namespace) -> int:
    if args.keep is not None:
        if args.id is None:
            raise BadInput("say which conflict to settle: concordia notes conflicts ID "
                           "--keep mine|theirs")
        settle(session, args.id, args.keep)
        print(f"{args.id}: settled, {'your' if args.keep == MINE else 'their'} version kept")
        return 0
    found = [c for c in conflicts(session) if args.id is None or c.annotation.id == args.id]
    if not found:
        print("the conflicts list is empty" if args.id is None
              else f"annotation {args.id} is not in the conflicts list")
        return 0 if args.id is None else 1
    for conflict in found:
        _print(session, conflict)
    return 0


def _print(session: NotesService, conflict: Conflict) -> None:
    here, theirs = conflict.annotation, conflict.theirs
    print(f"{here.id}: {session.place(here.anchor)} — changed here and in {conflict.source}")
    mine_rows = _rows(here.quote if not here.anchor.whole else None, here.category,
                      here.tags, here.note, here.meeting, here.author, here.modified)
    their_rows = _rows(None if theirs.whole else theirs.quote, theirs.category, theirs.tags,
                       theirs.note, theirs.meeting, theirs.author, theirs.modified)
    print(f"{'':13}{'HERE (mine)':<{WIDTH}}  THEIRS")
    for (label, left), (_, right) in zip(mine_rows, their_rows, strict=True):
        lines_left = textwrap.wrap(left, WIDTH) or [""]
        lines_right = textwrap.wrap(right, WIDTH) or [""]
        mark = " " if left == right else "≠"
        for number in range(max(len(lines_left), len(lines_right))):
            a = lines_left[number] if number < len(lines_left) else ""
            b = lines_right[number] if number < len(lines_right) else ""
            head = f"{mark} {label:<9} " if number == 0 else " " * 11
            print(f"  {head}{a:<{WIDTH}}  {b}".rstrip())
    print(f"    settle with:  concordia notes conflicts {here.id} --keep mine|theirs")


def _rows(quote: str | None, category: str | None, tags: tuple[str, ...], note: str,
          meeting: str, author: str, modified: str) -> list[tuple[str, str]]:
    return [("quote", f"“{quote}”" if quote is not None else "(whole units)"),
            ("category", category or "–"), ("tags", " ".join(f"#{t}" for t in tags)),
            ("note", " ".join(note.split())), ("meeting", meeting), ("author", author),
            ("modified", modified)]
