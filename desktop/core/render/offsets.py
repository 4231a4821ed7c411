"""Where each character of a unit's text lies in the text a pane lays out for it.

A pane shows a unit as its label, a tab, the words with the print's emphasis, footnote call
numbers and the edition's small marks; the unit's `text` is the words alone, whitespace
normalised. A highlight is stored as offsets into `text` (the annotation store's anchors),
so the pane needs both directions: text offset -> laid-out position (to paint a highlight)
and laid-out position -> text offset (to anchor a selection). Qt-free, so the mapping is
tested on every unit of the corpus without a window.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

# Characters the layout may carry that the unit's text does not: spacing around the marks.
_SKIPPABLE = frozenset("\u2009\u200a\u200b\u00a0\t\u2029\u2028")


@dataclass(frozen=True)
class OffsetMap:
    """`positions[i]`: the laid-out position of character i of the unit's text."""

    positions: tuple[int, ...]
    mismatches: int  # characters that could not be matched (0 for every corpus unit)

    def start(self, offset: int) -> int:
        """The laid-out position where a stretch starting at text `offset` starts."""
        if not self.positions:
            return 0
        if offset >= len(self.positions):
            return self.positions[-1] + 1
        return self.positions[max(0, offset)]

    def end(self, offset: int) -> int:
        """The laid-out position just after a stretch ending (exclusive) at text `offset`."""
        if not self.positions or offset <= 0:
            return self.start(0)
        return self.positions[min(offset, len(self.positions)) - 1] + 1

    def offset_at(self, position: int) -> int:
        """The text offset of the first character at or after laid-out `position`."""
        return bisect.bisect_left(self.positions, position)


def align(laid_out: str, text: str) -> OffsetMap:
    """Map `text` onto `laid_out` (the unit's words as laid out, without the label and the
    apparatus the caller left out), character by character: spacing the layout adds is
    skipped, spaces the text has and the layout lacks stand where the next character does."""
    positions: list[int] = []
    mismatches = 0
    i = j = 0
    while i < len(text):
        char = text[i]
        if j < len(laid_out) and laid_out[j] == char:
            positions.append(j)
            i += 1
            j += 1
        elif j < len(laid_out) and (laid_out[j] in _SKIPPABLE or laid_out[j].isspace()):
            if char.isspace():
                positions.append(j)
                i += 1
            j += 1
        elif char.isspace():
            positions.append(j)
            i += 1
        else:  # not expected in this corpus; keep going so a slip costs one character
            mismatches += 1
            positions.append(min(j, max(len(laid_out) - 1, 0)))
            i += 1
            j += 1
    return OffsetMap(tuple(positions), mismatches)
