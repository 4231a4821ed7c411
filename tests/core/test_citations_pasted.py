"""Typed citations as delegates paste them: ranges, long forms, years — never a silent wrong
unit."""

from __future__ import annotations

import pytest

from desktop.core.citations import CitationIndex, Resolution, cite
from desktop.core.corpus import Corpus
from desktop.core.model import Instrument, Unit


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> CitationIndex:
    return CitationIndex(corpus.instruments(), corpus.unit_ids())


@pytest.mark.parametrize(("typed", "unit"), [
    ("General Assembly resolution 74/178, paragraph 19", "res74-178/19"),
    ("2009 Political Declaration, para. 36 (c)", "pd2009/36(c)"),
    ("E/2009/28, Plan of Action, para. 41 (g)", "poa2009/41(g)"),
    ("2009 PD 36(c)", "pd2009/36(c)"),
    ("PoA 2009 41", "poa2009/41"),
])
def test_long_forms_read_back(index: CitationIndex, typed: str, unit: str) -> None:
    """Guards the long forms of the issue: the adopting body, the publishing document's
    symbol and the year around the paragraph are understood, not read as its number."""
    assert index.resolve(typed) == Resolution([unit], "")


@pytest.mark.parametrize(("typed", "first", "last"), [
    ("A/RES/S-30/1, annex, para. 1 (a)–(c)", "ungass2016/1(a)", "ungass2016/1(c)"),
    ("paras. 1–3 of 74/178", "res74-178/1", "res74-178/3"),
    ("74/178 paras. 1-3", "res74-178/1", "res74-178/3"),
    ("UNGASS 1 (m)–2 (b)", "ungass2016/1(m)", "ungass2016/2(b)"),
    ("PoA 41 (g) to (i)", "poa2009/41(g)", "poa2009/41(i)"),
])
def test_ranges_resolve_to_both_ends(index: CitationIndex, typed: str, first: str,
                                     last: str) -> None:
    """Guards ranges, the app's own "para. 1 (a)–(c)" included."""
    assert index.resolve(typed) == Resolution([first], "", last)


def test_a_range_ending_nowhere_says_so(index: CitationIndex) -> None:
    found = index.resolve("UNGASS 1 (a)–(zz)")
    assert found.candidates == [] and "has no para. 1 (zz)" in found.message


def test_a_year_is_never_glued_to_the_paragraph_number(index: CitationIndex) -> None:
    """Guards the old silent misreading: "2009 36(c)" once became path "200936(c)"."""
    assert "200936" not in index.resolve("PD 2009 37 (zz)").message


def test_an_imported_instruments_short_forms_and_bis_paragraphs_are_data() -> None:
    """Guards "instruments are data": a draft's own record (its aliases) is read like a
    shipped instrument's names, and "5 bis" is path 5bis."""
    draft = Instrument(id="l5", title="Promoting prevention", short_title="Promoting",
                       symbol="E/CN.7/2025/L.5", citation_prefix="E/CN.7/2025/L.5",
                       seq=1001, aliases=("L.5", "our draft"))
    index = CitationIndex([draft], ["l5/5", "l5/5bis", "l5/5bis(a)"])
    assert index.resolve("L.5 OP 5 bis").candidates == ["l5/5bis"]
    assert index.resolve("our draft, para. 5 bis (a)").candidates == ["l5/5bis(a)"]
    unit = Unit("l5/5bis(a)", "l5", "subparagraph", "l5/5bis", 3, "(a)", "Text")
    assert cite(unit, draft) == "E/CN.7/2025/L.5, para. 5 bis (a)"
    assert index.resolve(cite(unit, draft)).candidates == [unit.id]
