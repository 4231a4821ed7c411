"""What goes into an excerpt pack: the filters, the order, and each excerpt's parts."""

from __future__ import annotations

import pytest
from excerpts_data import NOTE, NOW, QUOTE

from desktop.core.excerpts.pack import DATE, Filters, build_pack
from desktop.core.notes.errors import BadInput
from desktop.core.notes.service import NotesService


def test_a_pack_holds_what_a_brief_prints(filled: NotesService) -> None:
    """Guards the excerpt's parts: quote, UN citation, details, note as safe HTML, the
    corresponding units with their citations and first words, and the back-link."""
    pack = build_pack(filled, now=NOW)
    excerpts = pack.excerpts()
    assert [e.citation for e in excerpts] == [
        "A/RES/S-30/1, annex, para. 1 (a)", "A/RES/74/178, para. 19",
        "Political Declaration (2009), para. 24 – para. 24 (c)"]
    first = excerpts[0]
    assert first.quote == QUOTE and not first.whole
    assert first.link == "concordia://open/ungass2016%2F1(a)"
    assert first.note == NOTE
    assert first.note_html == ('<p>Keep <strong>as is</strong>: see '
                               '<a href="https://example.org/r">the report</a>.</p>')
    assert first.details() == ["Agreed language", "#prevention #youth",
                               "CND 69, informal consultations, 12 March", "Delegation of X",
                               first.date]
    corresponding = {c.unit: c for c in first.corresponding}
    assert corresponding["poa2009/4(a)"].citation == "Plan of Action (2009), para. 4 (a)"
    assert corresponding["poa2009/4(a)"].first_words.startswith(
        "(a) Develop, review and strengthen")
    assert corresponding["pd2009/23"].link == "concordia://open/pd2009%2F23"
    assert pack.heading_lines() == [
        "Selection: all annotations; in document order.",
        "Made 12 March 2026, 18:30 UTC by Delegation of X.",
        "3 annotations. 1 private annotation was left out."]
    assert [g.title for g in pack.groups][1] == (
        "International cooperation to address and counter the world drug problem")


def test_a_note_on_whole_units_quotes_them_as_printed(filled: NotesService) -> None:
    """Guards a note on a chapeau and its subparagraphs: each unit with its label is
    quoted, and the units corresponding to any of them are listed."""
    pack = build_pack(filled, Filters(instruments=("pd2009",)))
    (excerpt,) = pack.excerpts()
    assert excerpt.whole
    assert [p.label for p in excerpt.passages] == ["24.", "(a)", "(b)", "(i)", "(ii)",
                                                   "(iii)", "(c)"]
    assert excerpt.passages[0].text == "Recognize that:"
    assert {c.unit for c in excerpt.corresponding} >= {"ungass2016/3(d)", "ungass2016/4(i)"}
    direct = [c.via == () for c in excerpt.corresponding]
    assert direct == sorted(direct, reverse=True)  # the direct ones first


def test_filters_choose_and_private_ones_are_counted(filled: NotesService) -> None:
    """Guards each filter, and that private annotations stay out unless asked for, the
    pack saying how many were left out."""
    def cited(filters: Filters) -> list[str]:
        return [e.unit for e in build_pack(filled, filters).excerpts()]

    assert cited(Filters(categories=("red line",))) == []
    assert build_pack(filled, Filters(categories=("Red line",))).private_left_out == 1
    assert cited(Filters(categories=("Red line",), include_private=True)) == ["poa2009/41(g)"]
    assert cited(Filters(categories=("Question", "Agreed language"))) == [
        "ungass2016/1(a)", "pd2009/24"]
    assert cited(Filters(tags=("#crops", "youth"))) == ["ungass2016/1(a)", "pd2009/24"]
    assert cited(Filters(meeting="plenary")) == ["res74-178/19"]
    assert cited(Filters(instruments=("res74-178",))) == ["res74-178/19"]
    assert cited(Filters(author="colleague  y")) == ["res74-178/19"]
    assert cited(Filters(ids=(1, 2), include_private=True)) == ["ungass2016/1(a)",
                                                                "poa2009/41(g)"]
    pack = build_pack(filled, Filters(categories=("Question",), tags=("crops",)))
    assert pack.selection == ("category Question", "tag #crops")


def test_date_order_groups_by_day(filled: NotesService) -> None:
    pack = build_pack(filled, order=DATE)
    assert len(pack.groups) == 1 and pack.groups[0].title == pack.excerpts()[0].date
    assert [e.id for e in pack.excerpts()] == [1, 3, 4]


def test_full_text_marks_the_quote_in_its_unit(filled: NotesService) -> None:
    pack = build_pack(filled, Filters(instruments=("ungass2016",)), full_text=True)
    (passage,) = pack.excerpts()[0].full_text
    assert passage.label == "(a)"
    assert passage.marked is not None
    assert passage.text[passage.marked[0]:passage.marked[1]] == QUOTE


def test_unknown_category_or_instrument_is_refused(filled: NotesService) -> None:
    with pytest.raises(BadInput, match="there is no category “Redline”; the categories are"):
        build_pack(filled, Filters(categories=("Redline",)))
    with pytest.raises(BadInput, match="there is no instrument “pd2010”"):
        build_pack(filled, Filters(instruments=("pd2010",)))


def test_a_cancelled_pack_is_not_made(filled: NotesService) -> None:
    with pytest.raises(BadInput, match="cancelled"):
        build_pack(filled, progress=lambda done, total: done < 1)
