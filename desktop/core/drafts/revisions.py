"""Two revisions of a draft, paragraph by paragraph, matched by their words, not by number.

Drafts renumber: a paragraph inserted before 5 makes the old 5 the new 6. Each paragraph of
the newer revision is paired with the paragraph of the older one whose words it shares most
(word alignment, desktop.core.agreed.align; candidates share a three-word run), each older
paragraph used once, the best pairs first. A pair is `same` (the same words), `changed` (at
least half the words in common: the redline says how) — else the paragraph is `new`, and an
older paragraph left without a partner was `deleted`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.agreed import Vocabulary, align, redline
from desktop.core.text import shingles

SAME, CHANGED, NEW, DELETED = "same", "changed", "new", "deleted"
CHANGED_SHARED = 0.5  # share of words in common for a reworded paragraph


@dataclass(frozen=True)
class Pair:
    new: str | None  # the newer revision's unit path (None: deleted)
    old: str | None  # the older revision's unit path (None: new)
    new_label: str
    old_label: str
    relation: str
    redline: str  # `[-deleted-] {+inserted+}` for changed, "" otherwise


def compare(vocabulary: Vocabulary, older: Sequence[tuple[str, str, str]],
            newer: Sequence[tuple[str, str, str]]) -> list[Pair]:
    """Pairs of (path, label, text) units of two revisions, in the newer one's order, the
    deleted older paragraphs after the paragraph that followed them."""
    old_prepared = {path: vocabulary.prepare(text) for path, _, text in older}
    owners: dict[tuple[str, ...], list[str]] = {}
    for path, prepared in old_prepared.items():
        for gram in set(shingles(prepared.words, 3)):
            owners.setdefault(gram, []).append(path)
    scored: list[tuple[float, int, str, str]] = []
    order = {path: index for index, (path, _, _) in enumerate(newer)}
    for path, _, text in newer:
        prepared = vocabulary.prepare(text)
        votes: Counter[str] = Counter()
        for gram in set(shingles(prepared.words, 3)):
            votes.update(owners.get(gram, ()))
        for candidate in votes:
            other = old_prepared[candidate]
            if prepared.words == other.words:
                scored.append((2.0, order[path], path, candidate))
                continue
            shared = align(prepared, other).shared
            if shared >= CHANGED_SHARED:
                scored.append((shared, order[path], path, candidate))
    partner: dict[str, str] = {}
    taken: set[str] = set()
    for _, _, path, candidate in sorted(scored, key=lambda s: (-s[0], s[1], s[3])):
        if path not in partner and candidate not in taken:
            partner[path] = candidate
            taken.add(candidate)
    old_units = {path: (label, text) for path, label, text in older}
    pairs: list[Pair] = []
    for path, label, text in newer:
        match = partner.get(path)
        if match is None:
            pairs.append(Pair(path, None, label, "", NEW, ""))
            continue
        old_label, old_text = old_units[match]
        same = old_prepared[match].words == vocabulary.prepare(text).words
        pairs.append(Pair(path, match, label, old_label, SAME if same else CHANGED,
                          "" if same else redline(old_text, text)))
    old_order = [path for path, _, _ in older]
    for index, path in enumerate(old_order):
        if path in taken:
            continue
        # After the newer paragraph that pairs with the nearest older one before it.
        before = next((p for p in reversed(old_order[:index]) if p in taken), None)
        at = next((i for i, pair in enumerate(pairs) if before and pair.old == before), -1)
        label = old_units[path][0]
        pairs.insert(at + 1, Pair(None, path, "", label, DELETED, ""))
    return pairs
