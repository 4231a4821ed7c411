"""The corpus's text as anchoring sees it: each instrument's units joined in document order.

Joining the units with one space makes a quote that runs across consecutive units (a chapeau
and its subparagraphs) an ordinary substring, and lets a quote be found again after a unit
was split or renumbered. Positions in the joined text map back to (unit, offset in its text).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.core.corpus import Corpus

SEPARATOR = " "

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Place:
    """A stretch of an instrument's joined text, mapped back to units and offsets."""

    unit: str
    start: int  # in the text of `unit`
    end_unit: str
    end: int  # exclusive, in the text of `end_unit`
    joined_start: int
    joined_end: int


class InstrumentText:
    """One instrument's units, in document order, joined by SEPARATOR."""

    def __init__(self, instrument: str, units: Sequence[tuple[str, str, int]]) -> None:
        """`units`: (id, text, seq) in document order."""
        self.instrument = instrument
        self.ids = [unit_id for unit_id, _, _ in units]
        self._texts = {unit_id: text for unit_id, text, _ in units}
        self._seqs = {unit_id: seq for unit_id, _, seq in units}
        self._index = {unit_id: i for i, unit_id in enumerate(self.ids)}
        self.starts: list[int] = []
        position = 0
        for _, text, _ in units:
            self.starts.append(position)
            position += len(text) + len(SEPARATOR)
        self.joined = SEPARATOR.join(text for _, text, _ in units)
        self._words: dict[str, frozenset[str]] = {}

    def has(self, unit_id: str) -> bool:
        return unit_id in self._index

    def text(self, unit_id: str) -> str:
        return self._texts[unit_id]

    def seq(self, unit_id: str) -> int:
        return self._seqs[unit_id]

    def span(self, unit_id: str) -> tuple[int, int]:
        """The unit's (start, end) in the joined text."""
        start = self.starts[self._index[unit_id]]
        return start, start + len(self._texts[unit_id])

    def between(self, first: str, last: str) -> list[str]:
        """The ids from `first` to `last` inclusive, in document order ([] if reversed)."""
        return self.ids[self._index[first]:self._index[last] + 1]

    def position(self, unit_id: str, offset: int) -> int:
        return self.starts[self._index[unit_id]] + offset

    def place(self, joined_start: int, joined_end: int) -> Place:
        """Units and offsets of joined[joined_start:joined_end] (a non-empty stretch)."""
        first = self._unit_at(joined_start)
        last = self._unit_at(max(joined_start, joined_end - 1))
        first_id, last_id = self.ids[first], self.ids[last]
        start = min(joined_start - self.starts[first], len(self._texts[first_id]))
        end = min(joined_end - self.starts[last], len(self._texts[last_id]))
        return Place(first_id, start, last_id, end, joined_start, joined_end)

    def _unit_at(self, position: int) -> int:
        # A position on a separator belongs to the unit after it.
        index = bisect.bisect_right(self.starts, position) - 1
        return max(0, index)

    def words(self, unit_id: str) -> frozenset[str]:
        """The unit's distinct words, lower case (cached: re-attachment asks often)."""
        found = self._words.get(unit_id)
        if found is None:
            found = self._words[unit_id] = frozenset(_WORDS.findall(self._texts[unit_id].lower()))
        return found

    def find_all(self, quote: str, start: int = 0, end: int | None = None) -> list[int]:
        """Every start position of `quote` in joined[start:end], overlapping ones included."""
        stop = len(self.joined) if end is None else end
        found, position = [], self.joined.find(quote, start, stop)
        while position != -1:
            found.append(position)
            position = self.joined.find(quote, position + 1, stop)
        return found

    def range_hash(self, first: str, last: str) -> str:
        return text_hash((unit_id, self._texts[unit_id]) for unit_id in self.between(first, last))


def text_hash(units: Iterable[tuple[str, str]]) -> str:
    """A short fingerprint of units' ids and texts: equal means nothing there changed."""
    digest = hashlib.sha256()
    for unit_id, text in units:
        digest.update(unit_id.encode())
        digest.update(b"\x1f")
        digest.update(text.encode())
        digest.update(b"\x1e")
    return digest.hexdigest()[:24]


class CorpusText:
    """Every instrument's InstrumentText, and a fingerprint of the whole corpus's text."""

    def __init__(self, instruments: dict[str, InstrumentText]) -> None:
        self._instruments = instruments
        self.fingerprint = text_hash(
            (unit_id, instruments[name].text(unit_id))
            for name in sorted(instruments) for unit_id in instruments[name].ids)

    @classmethod
    def from_corpus(cls, corpus: Corpus) -> CorpusText:
        return cls({instrument.id: InstrumentText(
            instrument.id, [(u.id, u.text, u.seq) for u in corpus.units(instrument.id)])
            for instrument in corpus.instruments()})

    def instrument(self, instrument_id: str) -> InstrumentText | None:
        return self._instruments.get(instrument_id)

    def of_unit(self, unit_id: str) -> InstrumentText | None:
        text = self._instruments.get(unit_id.split("/", 1)[0])
        return text if text is not None and text.has(unit_id) else None
