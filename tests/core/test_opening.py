"""Operative language: each paragraph's opening verb phrase or participle, as printed."""

from __future__ import annotations

import pytest

from desktop.core.corpus import Corpus
from desktop.core.ingest.opening import opening_words


@pytest.mark.parametrize(("unit", "opening"), [
    ("res74-178/19", "Urges"),
    ("res74-178/28", "Also encourages"),
    ("res74-178/4", "Reiterates its call upon"),
    ("res74-178/113", "Calls upon"),
    ("cnd59-1/op1", "Decides"),
    ("res74-178/pp1", "Reaffirming"),
    ("res74-178/pp12", "Reaffirming also"),
    ("res74-178/pp5", "Recalling also"),
    ("res74-178/pp17", "Taking note"),
    ("res74-178/pp30", "Noting with grave concern"),
    ("pd2009/pp2", "Gravely concerned"),
    ("pd2009/1", "Reaffirm"),
    ("ungass2016/pp6", "We recognize"),
    ("ungass2016/1", "We reiterate"),
    ("ungass2016/1(m)", "Promote"),  # a recommendation under "…the following measures:"
    ("ungass2016/1(b)", "Also take"),
    ("poa2009/16(c)", "Implement"),
    ("pd2009/36(a)", None),  # a noun phrase in a list: no verb
    ("poa2009/1", None),  # a Plan of Action "problem" paragraph states, it does not act
    ("res74-178/h:title", None),
])
def test_opening_words_are_stored_as_printed(corpus: Corpus, unit: str,
                                             opening: str | None) -> None:
    """Guards the `opening` column: what a delegate filters by ("every paragraph that
    urges"), taken from the italics that print operative verbs, or the participle."""
    found = corpus.unit(unit)
    assert found is not None and found.opening == opening


def test_every_operative_paragraph_of_the_resolution_has_its_verb(corpus: Corpus) -> None:
    """Guards completeness: all 120 operative paragraphs of 74/178 and its 38 preambular
    paragraphs carry their opening words."""
    units = [u for u in corpus.units("res74-178") if u.kind in ("paragraph", "preamble")]
    assert len(units) == 158
    assert all(u.opening for u in units)
    urging = [u.id for u in units if u.opening == "Urges"]
    assert len(urging) == 11 and "res74-178/19" in urging


def test_opening_words_rules() -> None:
    """Guards the rules on their own: italics win; a participle takes its adverbs; a chapeau
    that lists measures lends its items their verb; a noun opening is no verb."""
    assert opening_words("paragraph", "Further invites States", "<i>Further invites</i> "
                                                               "States") == "Further invites"
    assert opening_words("preamble", "Bearing in mind that", "") == "Bearing in mind"
    assert opening_words("preamble", "Reaffirming once again the", "") == "Reaffirming once again"
    assert opening_words("subparagraph", "Strengthen cooperation;", "",
                         "Member States should:") == "Strengthen"
    assert opening_words("subparagraph", "Strengthen cooperation;", "", "It notes") is None
    assert opening_words("subparagraph", "The illicit cultivation;", "", "by:") is None


def test_search_filters_by_opening_words(corpus: Corpus) -> None:
    """Guards "every paragraph that urges": the eleven 74/178 paragraphs opening with "Urges",
    in order; "encourages" also finds "Also encourages" (para. 28) with words to match."""
    urging = corpus.search("", ("res74-178",), opening="urges", limit=50)
    assert [hit.unit for hit in urging][:3] == ["res74-178/13", "res74-178/19", "res74-178/22"]
    assert len(urging) == 11
    assert [hit.unit for hit in corpus.search("naloxone", opening="encourages")] == [
        "res74-178/28"]
    assert corpus.search("naloxone", opening="urges") == []
    recalling = corpus.search("", part="preamble", opening="recalling", limit=50)
    assert {hit.unit for hit in recalling} >= {"res74-178/pp4", "res74-178/pp5", "cnd59-1/pp1"}
