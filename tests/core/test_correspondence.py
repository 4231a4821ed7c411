"""What corresponds to what through the links: the rules the synchronised panes rely on."""

from __future__ import annotations

import pytest

from desktop.core.citations import CitationIndex
from desktop.core.corpus import Corpus
from desktop.core.correspondence import (
    INDIRECT,
    LINKED,
    NO_COUNTERPART,
    NOT_COVERED,
    OWN,
    PARAGRAPH,
    REASON_ELSEWHERE,
    REASON_INSTRUMENT,
    REASON_KIND,
    REASON_UNIT,
    SAME_INSTRUMENT,
    SUBPARAGRAPHS,
    Correspondences,
    Reference,
)
from desktop.core.short_citations import short_citation


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> Correspondences:
    return Correspondences(corpus)


def _units(result: object) -> list[str]:
    return [target.unit for target in result.targets]  # type: ignore[attr-defined]


def test_ungass_recommendation_leads_to_its_plan_of_action_actions_in_document_order(
        index: Correspondences) -> None:
    """Guards the heart of the sync: UNGASS 1 (a) → the seven Plan of Action items the table
    prints for it, in the Plan of Action's order (not the table's), each with its printed
    reference and line."""
    result = index.find("ungass2016/1(a)", "poa2009")
    assert result.status == LINKED and result.basis == OWN
    assert _units(result) == ["poa2009/4(a)", "poa2009/4(b)", "poa2009/4(f)", "poa2009/10(a)",
                              "poa2009/12(a)", "poa2009/12(c)", "poa2009/14(b)"]
    first = result.targets[0]
    assert first.references == (Reference("concordance", "Action 4.a", 3),)
    assert first.kinds == ("concordance",) and first.sources == ("ungass2016/1(a)",)
    assert not first.indirect
    assert _units(index.find("ungass2016/1(a)", "pd2009")) == [
        "pd2009/9", "pd2009/14", "pd2009/20", "pd2009/21", "pd2009/23"]


def test_links_are_read_in_both_directions(index: Correspondences) -> None:
    """Guards the reverse direction: a Plan of Action item leads to the UNGASS items whose
    table rows cite it (the chapeau of paragraph 1 among them)."""
    result = index.find("poa2009/4(a)", "ungass2016")
    assert result.status == LINKED
    assert _units(result) == ["ungass2016/1", "ungass2016/1(a)", "ungass2016/1(b)",
                              "ungass2016/1(d)", "ungass2016/1(i)"]


def test_no_counterpart_is_told_from_not_covered(index: Correspondences) -> None:
    """Guards the two empty answers: the table's "N/A" (1 (j)) is "no counterpart", with the
    printed entry; a recommendation the table does not list (1 (p)) is "not covered"."""
    none = index.find("ungass2016/1(j)", "poa2009")
    assert none.status == NO_COUNTERPART and none.targets == ()
    assert none.no_counterpart == (Reference("concordance", "N/A", 31),)
    assert index.find("ungass2016/1(m)", "pd2009").no_counterpart[0].raw == "-"
    missing = index.find("ungass2016/1(p)", "poa2009")
    assert (missing.status, missing.reason) == (NOT_COVERED, REASON_UNIT)
    preamble = index.find("ungass2016/pp5", "pd2009")
    assert (preamble.status, preamble.reason) == (NOT_COVERED, REASON_ELSEWHERE)
    assert preamble.elsewhere == ("res74-178",)  # restated there, cited by no table row


def test_a_unit_linked_to_one_2009_text_only_is_not_covered_in_the_other(
        index: Correspondences) -> None:
    """Guards "not covered for that instrument": UNGASS 3 (u) cites only PD 15, so the Plan
    of Action pane says it is related to the Political Declaration (and, through agreed
    wording, to 74/178) only."""
    result = index.find("ungass2016/3(u)", "poa2009")
    assert (result.status, result.reason, result.elsewhere) == (NOT_COVERED, REASON_ELSEWHERE,
                                                                ("res74-178", "pd2009"))
    assert _units(index.find("ungass2016/3(u)", "pd2009")) == ["pd2009/15"]


def test_political_declaration_reaches_the_plan_of_action_through_ungass(
        index: Correspondences) -> None:
    """Guards the indirect way: no link joins the 2009 texts, so PD 36 (c) leads to the
    Plan of Action items of the UNGASS recommendation that cites both (3 (d)), marked
    indirect with both printed references; and back from the Plan of Action."""
    result = index.find("pd2009/36(c)", "poa2009")
    assert result.status == INDIRECT
    assert _units(result) == ["poa2009/43(c)", "poa2009/47(i)"]
    target = result.targets[0]
    assert target.indirect and target.via == ("ungass2016/3(d)",)
    assert [r.raw for r in target.references] == ["Target 36.c", "Action 43.c"]
    back = index.find("poa2009/43(c)", "pd2009")
    assert back.status == INDIRECT
    assert "pd2009/36(c)" in _units(back)
    assert all(t.via for t in back.targets)
    # UNGASS and the 2009 texts are linked directly: never "indirect" between them.
    assert index.find("ungass2016/3(d)", "poa2009").status == LINKED


def test_a_chapeau_stands_for_its_subparagraphs(index: Correspondences) -> None:
    """Guards the paragraph rule: UNGASS 2 has no row of its own, so it stands for its
    subparagraphs together, deduplicated, each target naming the subparagraphs it came
    from; UNGASS 1, which has its own row, stands for itself alone."""
    result = index.find("ungass2016/2", "poa2009")
    assert result.status == LINKED and result.basis == SUBPARAGRAPHS
    assert _units(result) == ["poa2009/10(b)", "poa2009/10(c)", "poa2009/32(d)",
                              "poa2009/36(e)", "poa2009/41(b)", "poa2009/41(o)"]
    shared = result.targets[1]
    assert shared.sources == ("ungass2016/2(a)", "ungass2016/2(e)", "ungass2016/2(f)")
    own = index.find("ungass2016/1", "poa2009")
    assert own.basis == OWN and _units(own) == ["poa2009/4(a)"]


def test_a_subparagraph_cited_with_its_whole_paragraph_is_covered(
        index: Correspondences) -> None:
    """Guards the reference to a whole paragraph: "Action 40" (read as paragraph 41) covers
    41 (c), which no row names by itself; an UNGASS subparagraph does not inherit its
    chapeau's row."""
    result = index.find("poa2009/41(c)", "ungass2016")
    assert result.status == LINKED and result.basis == PARAGRAPH
    assert result.basis_units == ("poa2009/41",)
    assert _units(result) == ["ungass2016/5(h)"]
    assert index.find("ungass2016/1(p)", "poa2009").status == NOT_COVERED


def test_headings_other_instruments_and_the_same_instrument(index: Correspondences) -> None:
    """Guards the remaining answers: a heading is not in the table (it relates paragraphs);
    CND resolution 59/1 is related to nothing; a pane on the leading unit's own instrument
    stays where it is."""
    heading = index.find("ungass2016/h:1", "poa2009")
    assert (heading.status, heading.reason) == (NOT_COVERED, REASON_KIND)
    other = index.find("cnd59-1/op1", "poa2009")
    assert (other.status, other.reason) == (NOT_COVERED, REASON_INSTRUMENT)
    assert index.find("ungass2016/1(a)", "cnd59-1").reason == REASON_INSTRUMENT
    assert index.find("ungass2016/1(a)", "ungass2016").status == SAME_INSTRUMENT
    assert index.instruments == ("ungass2016", "res74-178", "pd2009", "poa2009")
    assert index.kinds() == ["concordance", "restates"]


def test_find_all_covers_every_other_instrument_of_the_table(index: Correspondences) -> None:
    """Guards the links panel's source: one answer per other instrument, in corpus order."""
    answers = index.find_all("ungass2016/1(a)")
    assert [(a.instrument, a.status, len(a.targets)) for a in answers] == [
        ("res74-178", NOT_COVERED, 0), ("pd2009", LINKED, 5), ("poa2009", LINKED, 7)]


def test_every_link_of_the_table_is_found_from_both_ends(
        index: Correspondences, corpus: Corpus) -> None:
    """Guards completeness: for every link with a target, the source finds the target and
    the target finds the source (nothing the table says is lost on the way)."""
    for link in corpus.all_links("concordance"):
        if link.target is None:
            # "N/A" is kept even where agreed wording links the unit after all.
            found = index.find(link.source, "pd2009")
            assert Reference(link.kind, link.raw, link.line) in found.no_counterpart
            continue
        target_instrument = link.target.split("/", 1)[0]
        assert link.target in _units(index.find(link.source, target_instrument))
        assert link.source in _units(index.find(link.target, "ungass2016"))


def test_every_restatement_is_found_from_both_ends(
        index: Correspondences, corpus: Corpus) -> None:
    """Guards the panes following agreed wording: each restates link leads both ways, marked
    with its kind."""
    links = corpus.all_links("restates")
    assert links
    for link in links:
        assert link.target is not None
        forward = index.find(link.source, link.target.split("/", 1)[0])
        target = next(t for t in forward.targets if t.unit == link.target)
        assert "restates" in target.kinds
        back = index.find(link.target, link.source.split("/", 1)[0])
        assert link.source in _units(back)


def test_a_unit_linked_by_table_and_wording_counts_once(index: Correspondences) -> None:
    """Guards "N counts distinct units": PD 28 is cited by UNGASS 3 (k) in the table and
    restated by it; it is one target with both kinds."""
    found = index.find("ungass2016/3(k)", "pd2009")
    assert found.status == LINKED
    assert [t.kinds for t in found.targets if t.unit == "pd2009/28"] == [
        ("concordance", "restates")]
    assert len({t.unit for t in found.targets}) == len(found.targets)


def test_74_178_follows_the_2009_texts_through_ungass(index: Correspondences) -> None:
    """Guards the 74/178 pane's way to the 2009 texts: para. 19 restates UNGASS 1 (c), which
    the table relates to the Plan of Action."""
    found = index.find("res74-178/19", "poa2009")
    assert found.status == INDIRECT
    assert {via for t in found.targets for via in t.via} == {"ungass2016/1(c)"}



def test_short_citations_read_back_to_their_units(corpus: Corpus) -> None:
    """Guards the short forms the window shows and completes ("PoA 41 (g)"): each one, for
    every unit of the corpus, reads back to exactly that unit."""
    resolver = CitationIndex(corpus.instruments(), corpus.unit_ids())
    for instrument in corpus.instruments():
        for unit in corpus.units(instrument.id):
            short = short_citation(unit)
            assert resolver.resolve(short).candidates == [unit.id], short
    unit = corpus.unit("res74-178/pp3")
    assert unit is not None and short_citation(unit) == "74/178 PP 3"
