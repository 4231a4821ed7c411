"""Full-text search over unit text (SQLite FTS5), bounded so common phrases stay fast.

FTS5's own ranking (bm25) needs, for every phrase of the query, the number of rows it
matches: for a very common phrase ("of the") on a corpus of millions that is a scan of the
whole match set. So the work is bounded instead:

1. FTS5 finds matches lazily in index order; the first `CANDIDATES` are taken (a prefix
   such as "traffic*" is first expanded into its most frequent completions, so no huge
   doclist is merged up front);
2. those candidates are ranked here with BM25, using per-word document counts the build
   stores in `term_stats` (one index lookup per word);
3. snippets are cut from the winners' text.

On the instruments (a few thousand units) the cap never binds, so results are exactly
ranked; on a corpus of millions the query stays within a few tens of milliseconds.
"""

from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass

from desktop.core.text import tokens, word_spans

CANDIDATES = 1000  # matches ranked at most
PREFIX_TERMS = 12  # completions a prefix expands to at most
OPERATIVE_KINDS = ("paragraph", "subparagraph")
PARTS = {"preamble": ("preamble",), "operative": OPERATIVE_KINDS}
MARK_START, MARK_END = "\x02", "\x03"  # snippet markers; callers render them as they like
SNIPPET_WORDS = 16
K1, B = 1.2, 0.75  # BM25 parameters (the usual ones)


@dataclass(frozen=True)
class Hit:
    unit: str
    instrument: str
    kind: str
    snippet: str  # with MARK_START / MARK_END around each match
    score: float  # higher is better
    words: tuple[str, ...] = ()  # the unit's words that match, each once, as it spells them


class QueryError(ValueError):
    """A query that has no searchable words."""


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False


def parse_query(text: str) -> list[Term]:
    """What a delegate types: words (all required, any order), "a phrase", word* (prefix).
    Anything FTS5 would read as syntax is neutralised, so no input raises an error."""
    terms: list[Term] = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        if phrase:
            found = tuple(tokens(phrase))
            if found:
                terms.append(Term(found))
            continue
        prefix = word.endswith("*")
        terms.extend(Term((token,), prefix) for token in tokens(word))
    if not terms:
        raise QueryError(f"nothing to search for in {text!r}: type one or more words")
    return terms


def _quote(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def _expand(db: sqlite3.Connection, term: Term) -> list[str]:
    """A prefix's most frequent completions (the whole word alone when it is no prefix)."""
    if not term.prefix:
        return [term.words[0]]
    start = term.words[0]
    rows = db.execute(
        "SELECT term FROM term_stats WHERE term >= ? AND term < ? ORDER BY docs DESC LIMIT ?",
        (start, start + "\U0010ffff", PREFIX_TERMS)).fetchall()
    return [row[0] for row in rows]


def _match_expression(db: sqlite3.Connection, terms: list[Term]) -> tuple[str, list[list[str]]]:
    parts: list[str] = []
    alternatives: list[list[str]] = []
    for term in terms:
        if len(term.words) > 1:
            parts.append(_quote(" ".join(term.words)))
            alternatives.append([" ".join(term.words)])
            continue
        words = _expand(db, term)
        if not words:
            return "", []
        parts.append("(" + " OR ".join(_quote(w) for w in words) + ")")
        alternatives.append(words)
    return " AND ".join(parts), alternatives


def search(db: sqlite3.Connection, text: str, instruments: tuple[str, ...] = (),
           part: str | None = None, limit: int = 20, opening: str | None = None) -> list[Hit]:
    """Units matching `text`, best first. `opening`: only paragraphs whose opening verb phrase
    or participle (units.opening) holds these words ("urges" finds "Urges" and "Also
    urges"); with it, `text` may be empty: every such paragraph, in corpus order."""
    if opening is not None and not tokens(text):
        return _by_opening(db, opening, instruments, part, limit)
    terms = parse_query(text)
    expression, alternatives = _match_expression(db, terms)
    if not expression:
        return []
    where = ["units_fts MATCH ?"]
    args: list[object] = [expression]
    if opening is not None:
        where.append(f"rowid IN (SELECT rowid FROM units WHERE {_OPENING})")
        args.append(_opening_pattern(opening))
    if instruments:
        where.append(f"instrument IN ({','.join('?' * len(instruments))})")
        args.extend(instruments)
    if part:
        kinds = PARTS[part]
        where.append(f"kind IN ({','.join('?' * len(kinds))})")
        args.extend(kinds)
    rowids = [row[0] for row in db.execute(
        f"SELECT rowid FROM units_fts WHERE {' AND '.join(where)} LIMIT {CANDIDATES}", args)]
    if not rowids:
        return []
    rows = db.execute(
        "SELECT rowid, id, instrument, kind, text FROM units WHERE rowid IN "
        f"({','.join(map(str, rowids))})").fetchall()
    scorer = _Scorer(db, alternatives)
    ranked = sorted(rows, key=lambda row: (-scorer.score(row[4]), row[0]))[:limit]
    hits = []
    for _, unit_id, instrument, kind, text_ in ranked:
        spans = _spans(text_, alternatives)
        hits.append(Hit(unit_id, instrument, kind, _snippet(text_, spans), scorer.score(text_),
                        _matched(text_, spans)))
    return hits


_OPENING = "(' ' || lower(opening) || ' ') LIKE ?"


def _opening_pattern(opening: str) -> str:
    return "% " + " ".join(tokens(opening)) + " %"


def _by_opening(db: sqlite3.Connection, opening: str, instruments: tuple[str, ...],
                part: str | None, limit: int) -> list[Hit]:
    if not tokens(opening):
        raise QueryError(f"no opening words in {opening!r}: type a verb such as urges")
    where = [_OPENING]
    args: list[object] = [_opening_pattern(opening)]
    if instruments:
        where.append(f"instrument IN ({','.join('?' * len(instruments))})")
        args.extend(instruments)
    if part:
        kinds = PARTS[part]
        where.append(f"kind IN ({','.join('?' * len(kinds))})")
        args.extend(kinds)
    rows = db.execute(
        f"SELECT id, instrument, kind, text, opening FROM units WHERE {' AND '.join(where)} "
        f"ORDER BY rowid LIMIT {int(limit)}", args).fetchall()
    return [Hit(unit_id, instrument, kind, _snippet(text_, _spans(text_, [[" ".join(tokens(
        said))]])), 0.0, tuple(said.split())) for unit_id, instrument, kind, text_, said in rows]


class _Scorer:
    """BM25 over the candidates, with document frequencies from the whole index."""

    def __init__(self, db: sqlite3.Connection, alternatives: list[list[str]]) -> None:
        self.alternatives = alternatives
        # Rowids are dense, so the largest is the unit count, found without a scan.
        row = db.execute("SELECT max(rowid) FROM units").fetchone()
        self.total = max(1, row[0] or 1)
        self.average = 40.0  # words; the instruments average about that
        self.idf: dict[str, float] = {}
        for group in alternatives:
            for entry in group:
                words = entry.split()
                counts = [self._doc_count(db, w) for w in words]
                frequency = min(counts) if counts else 0
                self.idf[entry] = math.log(1 + (self.total - frequency + 0.5) / (frequency + 0.5))

    @staticmethod
    def _doc_count(db: sqlite3.Connection, word: str) -> int:
        row = db.execute("SELECT docs FROM term_stats WHERE term = ?", (word,)).fetchone()
        return row[0] if row else 0

    def score(self, text: str) -> float:
        found = tokens(text)
        joined = " " + " ".join(found) + " "
        length = len(found) or 1
        total = 0.0
        for group in self.alternatives:
            for entry in group:
                frequency = joined.count(" " + entry + " ")
                if frequency:
                    norm = frequency * (K1 + 1) / (
                        frequency + K1 * (1 - B + B * length / self.average))
                    total += self.idf[entry] * norm
        return total


def _spans(text: str, alternatives: list[list[str]]) -> list[tuple[int, int]]:
    """Where the query matches in `text`: a word (or a prefix's completion) alone, a phrase as
    its run of consecutive words ("evidence-based" is "evidence" then "based"), never a
    phrase's words apart. Character ranges in document order, none overlapping."""
    words = word_spans(text)
    folded = [word for word, _, _ in words]
    found: list[tuple[int, int]] = []
    for group in alternatives:
        for entry in group:
            sequence = entry.split()
            size = len(sequence)
            found.extend((words[i][1], words[i + size - 1][2])
                         for i in range(len(words) - size + 1)
                         if folded[i:i + size] == sequence)
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _matched(text: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """What the query matched in `text`, each once, as the text spells it ("traffic*" finds
    "trafficking" and "traffickers"; "evidence-based" the phrase, hyphen and all): what a view
    marks in the unit."""
    return tuple(dict.fromkeys(text[start:end] for start, end in spans))


def _snippet(text: str, spans: list[tuple[int, int]]) -> str:
    """A window of words around the first match, each match marked (a phrase as one)."""
    marked = text
    for start, end in reversed(spans):
        marked = marked[:start] + MARK_START + marked[start:end] + MARK_END + marked[end:]
    pieces = re.findall(r"\S+", marked)
    first = next((i for i, piece in enumerate(pieces) if MARK_START in piece), 0)
    start = max(0, first - SNIPPET_WORDS // 3)
    end = min(len(pieces), start + SNIPPET_WORDS)
    while end < len(pieces) and "".join(pieces[start:end]).count(MARK_START) > "".join(
            pieces[start:end]).count(MARK_END):
        end += 1  # a phrase is not cut in half
    return ("…" if start else "") + " ".join(pieces[start:end]) + (
        "…" if end < len(pieces) else "")
