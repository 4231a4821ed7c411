"""Making anchors from what the delegate points at, and the text measures re-attachment uses.

An anchor keeps four layers (DESIGN.md, docs/notes.md): the unit id, the offsets in the unit's
text, the exact quote, and CONTEXT characters before and after it. This module builds them
against the current corpus and refuses a quote that is not there, with the closest passage
as a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.core.notes.errors import BadInput
from desktop.core.notes.model import Anchor
from desktop.core.notes.texts import InstrumentText, Place

CONTEXT = 40  # characters kept on each side of a quote: "some words before and after"

_WORD = re.compile(r"\S+")


def normalise(quote: str) -> str:
    """Whitespace as the corpus has it: single spaces, none at the ends."""
    return " ".join(quote.split())


def anchor_at(text: InstrumentText, place: Place, whole: bool) -> Anchor:
    """The anchor of `place`, with its context read from the current text."""
    start, end = place.joined_start, place.joined_end
    return Anchor(unit=place.unit, end_unit=place.end_unit, start=place.start, end=place.end,
                  quote=text.joined[start:end], prefix=text.joined[max(0, start - CONTEXT):start],
                  suffix=text.joined[end:end + CONTEXT], whole=whole,
                  text_hash=text.range_hash(place.unit, place.end_unit),
                  seq=text.seq(place.unit), end_seq=text.seq(place.end_unit))


def anchor_units(text: InstrumentText, first: str, last: str | None = None) -> Anchor:
    """A note on whole units: `first`, or `first` to `last` inclusive."""
    start, end = _range(text, first, last)
    return anchor_at(text, text.place(start, end), whole=True)


def anchor_quote(text: InstrumentText, first: str, quote: str, last: str | None = None,
                 occurrence: int | None = None) -> Anchor:
    """A highlight of `quote` in `first` (or in `first` … `last`, running across them).

    Raises BadInput when the quote is not there, or occurs more than once and `occurrence`
    (1-based) does not say which.
    """
    wanted = normalise(quote)
    if not wanted:
        raise BadInput("the quote is empty: give the words to highlight, or leave out --quote "
                       "to note the whole unit")
    start, end = _range(text, first, last)
    where = first if last in (None, first) else f"{first} – {last}"
    found = [p for p in text.find_all(wanted, start, end) if p + len(wanted) <= end]
    if not found:
        hint = closest(text.joined[start:end], wanted)
        message = f"the quote does not occur in {where}: “{wanted}”"
        if hint is not None:
            message += f"\nclosest passage: “{text.joined[start + hint[0]:start + hint[1]]}”"
        raise BadInput(message)
    if occurrence is None and len(found) > 1:
        raise BadInput(f"the quote occurs {len(found)} times in {where}: give a longer quote, "
                       f"or say which one with --occurrence 1…{len(found)}")
    index = (occurrence or 1) - 1
    if not 0 <= index < len(found):
        raise BadInput(f"there is no occurrence {occurrence}: the quote occurs {len(found)} "
                       f"time{'s' if len(found) > 1 else ''} in {where}")
    position = found[index]
    return anchor_at(text, text.place(position, position + len(wanted)), whole=False)


def _range(text: InstrumentText, first: str, last: str | None) -> tuple[int, int]:
    for unit_id in (first, last):
        if unit_id is not None and not text.has(unit_id):
            raise BadInput(f"there is no unit {unit_id} in {text.instrument}")
    last = last or first
    if not text.between(first, last):
        raise BadInput(f"{last} comes before {first}: a range runs forward in the document")
    return text.span(first)[0], text.span(last)[1]


@dataclass(frozen=True)
class Agreement:
    """How much of an anchor's context still stands around a place where its quote occurs."""

    chars: int  # context characters that agree, counted outwards from the quote on each side
    full: bool  # both sides agree completely


def agreement(anchor: Anchor, joined: str, start: int, end: int) -> Agreement:
    """Compare the context around joined[start:end] with the anchor's prefix and suffix."""
    before = _common(anchor.prefix[::-1], joined[max(0, start - len(anchor.prefix)):start][::-1])
    after = _common(anchor.suffix, joined[end:end + len(anchor.suffix)])
    # An empty side (the quote was at the instrument's start or end) agrees only there.
    full_before = before == len(anchor.prefix) and (bool(anchor.prefix) or start == 0)
    full_after = after == len(anchor.suffix) and (bool(anchor.suffix) or end == len(joined))
    return Agreement(before + after, full_before and full_after)


def _common(a: str, b: str) -> int:
    same = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        same += 1
    return same


def closest(haystack: str, quote: str, floor: float = 0.0) -> tuple[int, int, float] | None:
    """The run of whole words in `haystack` most like `quote`: (start, end, ratio) or None.

    Windows of the quote's word count, give or take two words, scored by difflib's ratio;
    only for the rare paths (a refused quote's hint, a quote whose words changed).
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(haystack)]
    if not words:
        return None
    count = len(quote.split())
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(quote)  # difflib caches its analysis of seq2: the fixed side
    best: tuple[int, int, float] | None = None
    best_ratio = floor
    for size in range(max(1, count - 2), count + 3):
        for i in range(max(1, len(words) - size + 1)):
            start, end = words[i][0], words[min(i + size, len(words)) - 1][1]
            matcher.set_seq1(haystack[start:end])
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = (start, end, ratio), ratio
    return best


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
