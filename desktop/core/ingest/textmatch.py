"""Finding which unit a damaged piece of text comes from, and how alike two texts are.

The concordance table's left column is an OCR'd working copy of the UNGASS text: words are
dropped, split ("inter- national") or misread ("ncrease"). Word trigrams survive most of that
damage, so a line is placed by the units whose trigrams it shares.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from desktop.core.text import shingles, tokens

STOPWORDS = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in",
    "into", "is", "it", "its", "of", "on", "or", "such", "that", "the", "their", "them",
    "these", "they", "this", "those", "to", "was", "were", "which", "with", "within", "where",
    "who", "whose", "also", "all", "any", "other", "including", "inter", "alia", "appropriate",
    "well",
])


def words(text: str) -> list[str]:
    return tokens(text)


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if len(w) > 2 and w not in STOPWORDS]


def trigrams(text: str) -> list[tuple[str, ...]]:
    return shingles(words(text), 3)


class TrigramIndex:
    """Which units contain each word trigram."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._units: dict[tuple[str, ...], set[str]] = {}
        for unit_id, text in texts.items():
            for gram in trigrams(text):
                self._units.setdefault(gram, set()).add(unit_id)

    def place(self, text: str, minimum: int = 2) -> list[str]:
        """The units `text` comes from, in the order their words appear in it.

        A trigram shared by several units votes for the one the line's other trigrams agree
        on; units with fewer than `minimum` trigrams are left out as chance matches.
        """
        grams = trigrams(text)
        hits: Counter[str] = Counter()
        for gram in grams:
            for unit_id in self._units.get(gram, ()):
                hits[unit_id] += 1
        first: dict[str, int] = {}
        for position, gram in enumerate(grams):
            owners = self._units.get(gram, set())
            if not owners:
                continue
            best = max(owners, key=lambda unit_id: (hits[unit_id], unit_id))
            first.setdefault(best, position)
        placed = [u for u in first if hits[u] >= min(minimum, max(1, len(grams)))]
        return sorted(placed, key=lambda unit_id: first[unit_id])


class Similarity:
    """IDF-weighted cosine similarity of content words, over a fixed set of documents."""

    def __init__(self, documents: Iterable[str]) -> None:
        frequency: Counter[str] = Counter()
        count = 0
        for document in documents:
            count += 1
            frequency.update(set(content_words(document)))
        self._idf = {word: math.log((1 + count) / (1 + n)) + 1 for word, n in frequency.items()}
        self._default = math.log(1 + count) + 1

    def _vector(self, text: str) -> dict[str, float]:
        return {word: self._idf.get(word, self._default) for word in set(content_words(text))}

    def score(self, one: str, other: str) -> float:
        a, b = self._vector(one), self._vector(other)
        if not a or not b:
            return 0.0
        shared = sum(a[word] * b[word] for word in a.keys() & b.keys())
        norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
        return shared / norm
