"""What to show above a unit brought into view, so it is read in its place: the headings and
the chapeau just above it ("1. We reiterate … and we recommend the following measures:",
"Prevention of drug abuse", then "(a) Take effective …").

Walking back in document order from the unit, the lead-in is the run of headings and of the
unit's own chapeau (the paragraph that introduces it) right above it; it stops at anything
else (a sibling subparagraph, another paragraph). Of that run, as much is shown as leaves the
unit's first lines on screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from desktop.core.model import Unit

LINE_GAP = 1  # the space between two blocks, in lines
TARGET_LINES = 3  # of the unit itself, kept on screen under its lead-in


def lead_in(units: Sequence[Unit], unit_id: str, room_lines: float,
            characters_per_line: int) -> str | None:
    """The unit to put at the top so that `unit_id` shows below its headings and chapeau
    within `room_lines` lines of text; None when nothing above belongs with it (or fits)."""
    ids = [unit.id for unit in units]
    if unit_id not in ids or characters_per_line <= 0:
        return None
    position = ids.index(unit_id)
    target = units[position]
    ancestors = set()
    parent = target.parent
    by_id = {unit.id: unit for unit in units}
    while parent:
        ancestors.add(parent)
        parent = by_id[parent].parent if parent in by_id else None
    best = None
    used = float(min(TARGET_LINES, _lines(target, characters_per_line)))
    for above in reversed(units[:position]):
        if above.kind != "heading" and above.id not in ancestors:
            break
        used += _lines(above, characters_per_line) + LINE_GAP
        if used > room_lines:
            break
        best = above.id
    return best


def _lines(unit: Unit, characters_per_line: int) -> int:
    return max(1, math.ceil((len(unit.label) + 1 + len(unit.text)) / characters_per_line))
