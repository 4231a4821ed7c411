"""Agreed language: which units carry the same agreed wording, and how it changed.

Two texts are aligned word by word (difflib's longest-matching-run algorithm over the
index's words). Only runs of at least `MIN_RUN` words count as shared wording, and each word
of a run weighs what it tells: its inverse document frequency in the corpus (`term_stats`),
so "naloxone" outweighs "international". Two kinds of wording weigh (almost) nothing:

- common wording: a three-word run that `COMMON_UNITS` or more units of the corpus carry
  ("in accordance with national legislation", "the world drug problem"), found at build time
  and kept in the `agreed_common` table;
- names and titles: capitalised runs such as "the Single Convention on Narcotic Drugs of
  1961" or "the Charter of the United Nations" cite a text, they are not wording agreed.

What is left decides the relation (see `relation`): `same` (the same words), `changed` (both
texts mostly carry the other's weighty wording) or `partial` (a substantial weighty run
shared, each saying other things); below that there is no claim at all.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.core.text import shingles, tokens, word_spans

SAME, CHANGED, PARTIAL = "same", "changed", "partial"
RELATIONS = (SAME, CHANGED, PARTIAL)
MIN_RUN = 3  # words: shorter common runs ("of the", "and to") are chance
COMMON_SIZE = 3  # the shingle that decides whether wording is common
COMMON_UNITS = 5  # a shingle in this many units or more is common wording
NAME_WEIGHT = 0.15  # what a word of a name or title weighs, relative to its rarity
CHANGED_SHARE = 0.6  # each side's weight the shared wording must cover for `changed`
PARTIAL_SCORE = 0.25  # the least score (both sides' cover, averaged) for `partial`
PARTIAL_WEIGHT = 18.0  # the least weight of shared wording that makes a claim
CANDIDATES = 600  # units the full-text index proposes at most, per probe word
SHORTLIST = 120  # of those, the ones read (most and rarest probe words first)
ALIGNED = 40  # of those, the ones aligned word by word (best shingle overlap first)
PROBE_WORDS = 8  # the query's rarest words that propose candidates

# The legal formulas of UN texts: wording every instrument repeats, so never evidence that
# a paragraph was agreed from another, however few units of one corpus happen to carry it.
FORMULAS = (
    "in full conformity with the purposes and principles of the Charter of the United Nations",
    "with full respect for the sovereignty and territorial integrity of States",
    "the principle of non-intervention in the internal affairs of States",
    "all human rights, fundamental freedoms and the inherent dignity of all individuals",
    "all human rights and fundamental freedoms",
    "the principles of equal rights and mutual respect among States",
    "the Universal Declaration of Human Rights and the Vienna Declaration and Programme of Action",
    "torture and other cruel, inhuman or degrading treatment or punishment",
    "in accordance with national legislation and international law",
)
_CONNECTORS = frozenset({"of", "on", "and", "the", "against", "in", "for", "to", "de", "at",
                         "as", "amended", "by"})  # "… of 1961 as amended by the 1972 Protocol"
_LABEL = re.compile(r"(?m)^\s*(?:(?:\d{1,3}\.|\((?:[a-z]{1,2}|[ivx]{1,5})\))\s+)+")


@dataclass(frozen=True)
class Prepared:
    """A text cut into words for alignment: each word's weight and character range."""

    words: tuple[str, ...]
    weights: tuple[float, ...]
    spans: tuple[tuple[int, int], ...]  # in the text as given

    @property
    def total(self) -> float:
        return sum(self.weights)


@dataclass(frozen=True)
class Alignment:
    """What two prepared texts share: the words of each side in shared runs, and how much
    of each side's weight those runs carry."""

    matched_a: frozenset[int]  # a's words in shared runs (what a view marks)
    matched_b: frozenset[int]
    cover_a: float  # share of a's weight in shared wording
    cover_b: float
    weight: float  # the shared wording's weight (the smaller side's count)
    shared: float  # share of words in common, unweighted, both sides together
    whole_a_in_one_run: bool  # all of a's words, in order, one run of b


class Vocabulary:
    """Word rarity from the corpus's term statistics, and its common three-word runs."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        row = db.execute("SELECT max(rowid) FROM units").fetchone()
        self.total = max(2, row[0] or 2)
        self._docs: dict[str, int] = {}
        self.common = _common_shingles(db)

    def docs(self, words: Iterable[str]) -> dict[str, int]:
        """Documents carrying each word (0: unknown), looked up once and remembered."""
        missing = [w for w in set(words) if w not in self._docs]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            found = dict(self._db.execute(
                f"SELECT term, docs FROM term_stats WHERE term IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
            for word in chunk:
                self._docs[word] = found.get(word, 0)
        return {w: self._docs[w] for w in words}

    def idf(self, word: str, docs: int) -> float:
        return math.log(self.total / max(1, docs))

    def prepare(self, text: str) -> Prepared:
        found = word_spans(text)
        words = [w for w, _, _ in found]
        docs = self.docs(words)
        names = _name_words(text, found)
        wording = _uncommon_words(words, self.common)
        weights = tuple(self.idf(w, docs[w]) * (NAME_WEIGHT if i in names else 1.0)
                        if i in wording else 0.0 for i, w in enumerate(words))
        return Prepared(tuple(words), weights, tuple((s, e) for _, s, e in found))

    def repair(self, text: str) -> str:
        """Pasted text as the corpus would print it: paragraph labels dropped, words split by
        extraction joined ("an d", "instituti ons"), hyphens lost at line ends restored as
        two words ("drugrelated"), footnote numbers glued to words cut off ("Rights22")."""
        text = _LABEL.sub(" ", text)
        text = re.sub(r"(\w)-\s+(\w)", r"\1\2", text)  # "inter- national", "drug- related"
        raw = re.findall(r"\w+", text)
        folded = tokens(" ".join(raw))
        raw = [re.sub(r"^([A-Za-z]{3,})\d{1,3}$", r"\1", w) for w in raw]
        folded = [re.sub(r"^([a-z]{3,})\d{1,3}$", r"\1", w) for w in folded]
        joins = [a + b for a, b in itertools.pairwise(folded)]
        docs = self.docs([*folded, *joins])
        unknown = [w for w in folded if not docs[w]]  # only these may have lost a hyphen
        docs.update(self.docs([piece for w in unknown for k in range(2, len(w) - 1)
                               for piece in (w[:k], w[k:])]))
        out: list[str] = []
        i = 0
        while i < len(folded):
            word = folded[i]
            if i + 1 < len(folded):
                nxt = folded[i + 1]
                joined = word + nxt
                broken = (not docs[word] or not docs[nxt] or (len(nxt) == 1 and nxt != "a")
                          or (len(word) == 1 and word not in ("a", "i")))
                if docs.get(joined) and broken:
                    out.append(raw[i] + raw[i + 1])
                    i += 2
                    continue
            if not docs[word] and len(word) > 5:
                splits = [(min(docs[word[:k]], docs[word[k:]]), k) for k in range(2, len(word) - 1)
                          if docs[word[:k]] and docs[word[k:]]]
                if splits:
                    k = max(splits)[1]
                    out.append(f"{raw[i][:k]} {raw[i][k:]}")
                    i += 1
                    continue
            out.append(raw[i])
            i += 1
        return " ".join(out)


def _common_shingles(db: sqlite3.Connection) -> frozenset[tuple[str, ...]]:
    try:
        rows = db.execute("SELECT shingle FROM agreed_common").fetchall()
    except sqlite3.OperationalError:  # a corpus built before agreed language
        return frozenset()
    return frozenset(tuple(row[0].split()) for row in rows)


def common_shingles(texts: Iterable[str]) -> list[str]:
    """The three-word runs that `COMMON_UNITS` or more of `texts` carry, and those of the
    `FORMULAS` (build time)."""
    counts: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        counts.update(set(shingles(tokens(text), COMMON_SIZE)))
    common = {s for s, n in counts.items() if n >= COMMON_UNITS}
    common.update(s for formula in FORMULAS for s in shingles(tokens(formula), COMMON_SIZE))
    return sorted(" ".join(s) for s in common)


def _name_words(text: str, found: Sequence[tuple[str, int, int]]) -> set[int]:
    """Indices of words inside names and titles: runs of capitalised words (and the years,
    numbers and small words between them) that do not open the text or a sentence."""
    kinds: list[str] = []
    for index, (word, start, _) in enumerate(found):
        before = text[:start].rstrip()
        opening = index == 0 or before.endswith((".", ";", ":", "“", "\""))
        if text[start].isupper() and not opening:
            kinds.append("N")
        elif word.isdigit():
            kinds.append("D")
        elif word in _CONNECTORS:
            kinds.append("C")
        else:
            kinds.append("")
    names: set[int] = set()
    i = 0
    while i < len(kinds):
        if kinds[i] != "N":
            i += 1
            continue
        end = i + 1
        while True:
            j = end
            while j < len(kinds) and kinds[j] == "C":
                j += 1
            if j < len(kinds) and kinds[j] in ("N", "D"):
                end = j + 1
            else:
                break
        names.update(range(i, end))
        i = end
    return names


def _uncommon_words(words: Sequence[str], common: frozenset[tuple[str, ...]]) -> set[int]:
    """Indices of the words that some uncommon three-word run of the text covers (a word
    only ever inside common runs is boilerplate, and weighs nothing)."""
    if len(words) < COMMON_SIZE:
        return set(range(len(words)))
    found: set[int] = set()
    for start in range(len(words) - COMMON_SIZE + 1):
        if tuple(words[start:start + COMMON_SIZE]) not in common:
            found.update(range(start, start + COMMON_SIZE))
    return found


def align(a: Prepared, b: Prepared) -> Alignment:
    """What `a` and `b` share: runs of `MIN_RUN` words or more, in order; the runs' words
    weigh what `prepare` gave them (boilerplate and names little or nothing)."""
    matcher = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False)
    matched_a: set[int] = set()
    matched_b: set[int] = set()
    one_run = False
    for block in matcher.get_matching_blocks():
        if block.size < min(MIN_RUN, len(a.words)) or block.size == 0:
            continue
        if block.a == 0 and block.size == len(a.words):
            one_run = True
        matched_a.update(range(block.a, block.a + block.size))
        matched_b.update(range(block.b, block.b + block.size))
    weight_a = sum(a.weights[i] for i in matched_a)
    weight_b = sum(b.weights[i] for i in matched_b)
    total = len(a.words) + len(b.words)
    return Alignment(
        frozenset(matched_a), frozenset(matched_b),
        weight_a / a.total if a.total else 0.0, weight_b / b.total if b.total else 0.0,
        min(weight_a, weight_b), (len(matched_a) + len(matched_b)) / total if total else 0.0,
        one_run)


def relation(a: Prepared, b: Prepared, found: Alignment) -> str | None:
    """How two units' wording relates, or None when they share no agreed wording."""
    if a.words == b.words and a.words:
        return SAME
    if found.weight < PARTIAL_WEIGHT:
        return None
    if min(found.cover_a, found.cover_b) >= CHANGED_SHARE:
        return CHANGED
    if score(found) >= PARTIAL_SCORE:
        return PARTIAL
    return None


def quote_relation(query: Prepared, unit: Prepared, found: Alignment) -> str | None:
    """How a unit carries a quoted wording (a selection, a pasted paragraph): `same` when all
    of it stands there unchanged, `changed` when most of its weight does, `partial` for a
    substantial run."""
    if found.whole_a_in_one_run and query.words:
        return SAME
    if found.weight < min(PARTIAL_WEIGHT, query.total * CHANGED_SHARE):
        return None
    if found.cover_a >= CHANGED_SHARE:
        return CHANGED
    if max(found.cover_a, score(found, PARTIAL)) >= PARTIAL_SCORE:
        return PARTIAL
    return None


def score(found: Alignment, kind: str | None = None) -> float:
    """Similarity in 0–1: the shared wording's share of the two texts' weight together.
    Only the same words score 1: a change, however light its words, keeps it below."""
    value = round((found.cover_a + found.cover_b) / 2, 3)
    return value if kind == SAME else min(value, 0.99)


def spans(prepared: Prepared, matched: Iterable[int]) -> list[tuple[int, int]]:
    """Character ranges of the matched words, adjacent words merged into one range."""
    ranges: list[tuple[int, int]] = []
    last = -2
    for index in sorted(matched):
        start, end = prepared.spans[index]
        if index == last + 1 and ranges:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
        last = index
    return ranges


# -- restatement links (corpus build) ---------------------------------------------------

ALIGNED_KINDS = ("preamble", "paragraph", "subparagraph")


@dataclass(frozen=True)
class Restatement:
    """`source` (the later unit) restates `target` (the earlier one)."""

    source: str
    target: str
    relation: str
    score: float
    shared: float  # share of words in common


def restatements(vocabulary: Vocabulary, units: Sequence[tuple[str, str, str]],
                 dates: dict[str, str]) -> list[Restatement]:
    """Restatement links between units (id, instrument, text) of instruments adopted on
    different dates, the later unit as source. Only pairs sharing two uncommon three-word
    runs are aligned: the rest cannot reach the `partial` weight."""
    prepared = {unit_id: vocabulary.prepare(text) for unit_id, _, text in units}
    instrument_of = {unit_id: instrument for unit_id, instrument, _ in units}
    owners: dict[tuple[str, ...], list[str]] = {}
    for unit_id, _, _ in units:
        words = prepared[unit_id].words
        for gram in set(shingles(words, COMMON_SIZE)):
            if gram not in vocabulary.common:
                owners.setdefault(gram, []).append(unit_id)
    pairs: Counter[tuple[str, str]] = Counter()
    for holders in owners.values():
        for one in holders:
            for other in holders:
                first, second = dates[instrument_of[one]], dates[instrument_of[other]]
                if first > second:
                    pairs[(one, other)] += 1
    found: list[Restatement] = []
    for (later, earlier), count in sorted(pairs.items()):
        if count < 2:
            continue
        a, b = prepared[later], prepared[earlier]
        alignment = align(a, b)
        kind = relation(a, b, alignment)
        if kind:
            found.append(Restatement(later, earlier, kind, score(alignment, kind),
                                     round(alignment.shared, 3)))
    return found


# -- provenance: where was this wording agreed? -------------------------------------------

QUERY_WEIGHT = 15.0  # a text lighter than this (about five rare words) is boilerplate: no claim


@dataclass(frozen=True)
class Found:
    """A unit carrying the wording asked about."""

    unit: str
    instrument: str
    relation: str
    score: float
    shared: float
    spans: tuple[tuple[int, int], ...]  # character ranges of the unit's text that match


class Finder:
    """Provenance over a corpus database: candidates from the full-text index (the query's
    rarest words), then a word-by-word alignment of the best of them."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.vocabulary = Vocabulary(db)

    def find(self, text: str, instruments: Sequence[str] = (),
             unit: str | None = None) -> list[Found]:
        """Units carrying `text`'s wording, best first. `unit`: the text is that unit's own
        (it is left out, and relations are judged unit to unit, as the links are); otherwise
        the text is pasted or selected wording, repaired of extraction damage first."""
        query = self.vocabulary.prepare(text if unit else self.vocabulary.repair(text))
        if query.total < QUERY_WEIGHT:
            return []
        rows = self._candidates(query, instruments, unit)
        # Only uncommon runs are evidence: a shared "in accordance with" proposes nothing.
        wanted = set(shingles(query.words, MIN_RUN)) - self.vocabulary.common
        ranked = sorted(((len(wanted.intersection(shingles(tokens(row[3]), MIN_RUN))), row)
                         for row in rows), key=lambda pair: (-pair[0], pair[1][0]))
        found: list[Found] = []
        for overlap, (unit_id, instrument, _kind, unit_text) in ranked[:ALIGNED]:
            if not overlap:
                break
            candidate = self.vocabulary.prepare(unit_text)
            alignment = align(query, candidate)
            kind = (relation(query, candidate, alignment) if unit
                    else quote_relation(query, candidate, alignment))
            if kind is None:
                continue
            found.append(Found(unit_id, instrument, kind, score(alignment, kind),
                               round(alignment.shared, 3),
                               tuple(spans(candidate, alignment.matched_b))))
        order = {SAME: 0, CHANGED: 1, PARTIAL: 2}
        return sorted(found, key=lambda f: (order[f.relation], -f.score, f.unit))

    def _candidates(self, query: Prepared, instruments: Sequence[str],
                    unit: str | None) -> list[tuple[str, str, str, str]]:
        """Units holding the query's rarest words, the rarer and the more of them the better:
        one small index lookup per word (no text is read before the shortlist)."""
        docs = self.vocabulary.docs(query.words)
        weighty = {w for w, weight in zip(query.words, query.weights, strict=True)
                   if weight > 0 and docs[w]}
        probes = sorted(weighty, key=lambda w: (docs[w], w))[:PROBE_WORDS]
        where = "units_fts MATCH ?"
        args: list[object] = list(instruments)
        if instruments:
            where += f" AND instrument IN ({','.join('?' * len(instruments))})"
        votes: Counter[int] = Counter()
        for word in probes:
            rarity = self.vocabulary.idf(word, docs[word])
            for (rowid,) in self._db.execute(
                    f"SELECT rowid FROM units_fts WHERE {where} LIMIT {CANDIDATES}",
                    [f'"{word}"', *args]):
                votes[rowid] += rarity
        shortlist = [rowid for rowid, _ in votes.most_common(SHORTLIST)]
        if not shortlist:
            return []
        rows = self._db.execute(
            f"SELECT id, instrument, kind, text FROM units WHERE rowid IN "
            f"({','.join(map(str, shortlist))}) AND kind IN "
            f"({','.join('?' * len(ALIGNED_KINDS))})", ALIGNED_KINDS).fetchall()
        return [row for row in rows if row[0] != unit]


# -- compare ------------------------------------------------------------------------------

def redline(old: str, new: str) -> str:
    """`old` changed into `new`, as plain text with [-deleted-] and {+inserted+} marks."""
    from desktop.core.text.diff import plain_redline, word_diff

    return plain_redline(word_diff(old, new))
