"""Search across the instruments: what a delegate finds when they remember a few words."""

from __future__ import annotations

import pytest

from desktop.core.corpus import Corpus
from desktop.core.search import MARK_END, MARK_START, QueryError, parse_query


def test_naloxone_finds_the_two_paragraphs_that_name_it(corpus: Corpus) -> None:
    """Guards search: a rare word finds exactly the units that contain it, match marked."""
    hits = corpus.search("naloxone")
    assert sorted(hit.unit for hit in hits) == ["res74-178/28", "ungass2016/1(m)"]
    assert all(f"{MARK_START}naloxone{MARK_END}" in hit.snippet for hit in hits)


def test_filters_by_instrument_and_part(corpus: Corpus) -> None:
    """Guards the filters: instrument, and preambular versus operative text."""
    hits = corpus.search("naloxone", instruments=("res74-178",))
    assert [hit.unit for hit in hits] == ["res74-178/28"]
    preamble = corpus.search("reaffirming", part="preamble", limit=50)
    assert preamble and {hit.kind for hit in preamble} == {"preamble"}
    operative = corpus.search("transit States", part="operative", limit=50)
    assert operative and {hit.kind for hit in operative} <= {"paragraph", "subparagraph"}


def test_phrase_and_prefix(corpus: Corpus) -> None:
    """Guards query forms: "a phrase" in quotes, word* for a prefix."""
    phrase = {hit.unit for hit in corpus.search('"opioid receptor antagonists"')}
    assert phrase == {"res74-178/28", "ungass2016/1(m)"}
    prefix = corpus.search("naloxon*")
    assert {hit.unit for hit in prefix} == phrase


@pytest.mark.parametrize("typed", ['AND OR NOT', '"unclosed', "NEAR(drug", "col:drug",
                                   "drug -crime", "a^b", "(((", "*"])
def test_any_input_is_a_safe_query(corpus: Corpus, typed: str) -> None:
    """Guards bad input: FTS5 syntax typed by accident never raises a database error."""
    try:
        corpus.search(typed)
    except QueryError:
        assert not any(ch.isalnum() for ch in typed)


def test_empty_query_is_refused_clearly() -> None:
    """Guards bad input: a query without words gets a message, not an empty result."""
    with pytest.raises(QueryError, match="type one or more words"):
        parse_query("  ?! ")


def test_common_phrase_returns_the_limit(corpus: Corpus) -> None:
    """Guards the bounded ranking: a phrase in almost every unit still returns ranked hits,
    at most `limit` of them."""
    hits = corpus.search('"of the"', limit=7)
    assert len(hits) == 7
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_a_hit_names_the_words_it_matched_as_the_unit_spells_them(corpus: Corpus) -> None:
    """Guards what the window marks in an opened result: every word of the unit that the
    query matches, once each — a prefix's completions included, not only those the snippet
    shows."""
    hits = {hit.unit: hit for hit in corpus.search("traffic*", limit=100)}
    assert hits["poa2009/24(a)"].words == ("trafficking", "traffickers")
    naloxone = corpus.search("Naloxone")
    assert {hit.words for hit in naloxone} == {("naloxone",)}


def test_a_phrase_is_marked_as_the_phrase_not_its_words(corpus: Corpus) -> None:
    """Guards phrase search (issue 18): "evidence-based" marks the phrase where it stands,
    never "evidence" alone — the round-table paragraph opens "Scientific evidence should …"
    and has the phrase further on, beyond where a snippet of the first "evidence" would end."""
    hits = {hit.unit: hit for hit in corpus.search('"evidence-based"', limit=100)}
    round_table = hits["report2009/rt1.1"]
    assert round_table.words == ("evidence-based",)
    assert round_table.snippet == (
        f"…and information necessary to formulate {MARK_START}evidence-based{MARK_END} drug "
        "control policies and responses.")
    assert all(hit.words == ("evidence-based",) for hit in hits.values())
    spaced = corpus.search('"opioid receptor antagonists" naloxone')
    assert {hit.words for hit in spaced} == {("opioid receptor antagonists", "naloxone")}
    assert all(f"{MARK_START}opioid receptor antagonists{MARK_END}" in hit.snippet
               for hit in spaced)
