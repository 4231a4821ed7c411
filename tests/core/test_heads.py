"""Running heads, short titles and chapter numbers for narrow places (issue 18): shortened by
whole clauses and words, never cut mid-word."""

from __future__ import annotations

import pytest

from desktop.core.corpus import Corpus
from desktop.core.render.heads import chapter_number, fit, running_heads, tree_title
from desktop.core.render.lead_in import lead_in
from desktop.core.render.outline import OutlineNode, build_outline
from desktop.core.short_citations import instrument_label, short_citation


def _node(corpus: Corpus, unit_id: str) -> OutlineNode:
    instrument_id = unit_id.split("/", 1)[0]
    instrument = corpus.instrument(instrument_id)
    assert instrument is not None
    root = build_outline(instrument, corpus.units(instrument_id))
    return next(node for node in root.walk() if node.unit_id == unit_id)


def _trail(corpus: Corpus, unit_id: str) -> list[OutlineNode]:
    node = _node(corpus, unit_id)
    return [*node.ancestors(), node]


def test_a_plan_of_action_section_shortens_to_numbers_and_short_titles(corpus: Corpus) -> None:
    heads = running_heads(_trail(corpus, "poa2009/h:I.A.7"))
    assert heads[0] == ("Part I. Demand reduction and related measures › A. Reducing drug abuse "
                        "and dependence through a comprehensive approach › 7. Targeting "
                        "vulnerable groups and conditions")
    assert "Part I. Demand reduction › A. Reducing drug abuse › 7. Targeting vulnerable groups" \
        in heads
    assert "Part I › A › 7. Targeting vulnerable groups" in heads
    assert heads[-1] == "7. Targeting vulnerable groups"


def test_ungass_chapters_are_numbered_and_told_by_what_sets_them_apart(corpus: Corpus) -> None:
    heads = running_heads(_trail(corpus, "ungass2016/h:1.1"))
    assert heads[0].startswith("1. Operational recommendations on demand reduction")
    assert "1. Demand reduction › Prevention of drug abuse" in heads
    assert heads[-1] == "Prevention of drug abuse"
    assert tree_title(_node(corpus, "ungass2016/h:4")) == (
        "4. Cross-cutting issues: drugs and human rights, youth, children, women and "
        "communities")
    assert tree_title(_node(corpus, "ungass2016/h:1.1")) is None  # as printed
    assert chapter_number(_node(corpus, "poa2009/h:III")) == "Part III"  # printed without
    assert chapter_number(_node(corpus, "poa2009/h:I")) == "Part I"


@pytest.mark.parametrize(("instrument", "label"), [
    ("ungass2016", "UNGASS 2016"), ("res74-178", "74/178"), ("pd2009", "PD 2009"),
    ("poa2009", "PoA 2009")])
def test_narrow_headers_name_the_instruments_as_delegates_do(
        corpus: Corpus, instrument: str, label: str) -> None:
    found = corpus.instrument(instrument)
    assert found is not None
    assert instrument_label(found) == label


def test_an_imported_draft_goes_by_the_last_part_of_its_symbol(corpus: Corpus) -> None:
    shipped = corpus.instrument("ungass2016")
    assert shipped is not None
    draft = shipped._replace(id="l5", symbol="E/CN.7/2025/L.5", adopted="2025-03-10")
    assert instrument_label(draft) == "L.5"
    assert instrument_label(draft._replace(symbol="")) == "l5"  # no symbol: its id
    unit = corpus.units("ungass2016")[0]._replace(instrument="l5", id="l5/2(a)")
    assert short_citation(unit, draft) == "L.5 OP 2 (a)"
    assert short_citation(unit._replace(id="l5/pp1"), draft) == "L.5 PP 1"


def test_fit_takes_the_first_form_that_fits_else_whole_words() -> None:
    def fits_in(width: int):  # one character a unit of width
        return lambda text: len(text) <= width

    forms = ["Part I. Demand reduction › 7. Targeting vulnerable groups", "7. Targeting"]
    assert fit(forms, fits_in(100)) == forms[0]
    assert fit(forms, fits_in(20)) == "7. Targeting"
    assert fit(["Prevention of drug abuse"], fits_in(15)) == "Prevention of…"
    assert fit(["Measures, including prevention"], fits_in(12)) == "Measures…"
    assert fit(["Reducing"], fits_in(4)) == ""


def test_the_lead_in_is_the_run_of_headings_and_chapeau_just_above(corpus: Corpus) -> None:
    """Go to UNGASS 1 (a): its section heading, then (with more room) its chapeau and the
    chapter heading above that; nothing above (b), whose neighbour (a) says nothing about it;
    PoA 4 (a) under "4. Member States should:"."""
    ungass = corpus.units("ungass2016")
    assert lead_in(ungass, "ungass2016/1(a)", room_lines=6, characters_per_line=40) == \
        "ungass2016/h:1.1"
    assert lead_in(ungass, "ungass2016/1(a)", room_lines=40, characters_per_line=90) == \
        "ungass2016/h:1"
    assert lead_in(ungass, "ungass2016/1(b)", room_lines=40, characters_per_line=90) is None
    assert lead_in(ungass, "ungass2016/1(a)", room_lines=2, characters_per_line=40) is None
    plan = corpus.units("poa2009")
    assert lead_in(plan, "poa2009/4(a)", room_lines=20, characters_per_line=60) == "poa2009/4"
