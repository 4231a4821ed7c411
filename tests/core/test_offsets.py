"""The mapping between a unit's text and the text a pane lays out (desktop.core.render.offsets)."""

from __future__ import annotations

from desktop.core.render.offsets import align

TEXT = "We welcome the 2030 Agenda for Sustainable Development, and we note"
LAID_OUT = "We welcome the 2030 Agenda for Sustainable Development,7 and we note\u2009\u270e"


def test_footnote_call_is_stepped_over_when_the_caller_left_it_out() -> None:
    """Guards a highlight over words around a footnote call: offsets after the call land
    on the same words in the layout."""
    laid_out = LAID_OUT.replace(",7", ",")  # the caller drops the call's fragment
    mapping = align(laid_out, TEXT)
    assert mapping.mismatches == 0
    start = TEXT.index("and we")
    assert laid_out[mapping.start(start):mapping.end(start + 6)] == "and we"


def test_spacing_added_by_the_layout_is_skipped() -> None:
    laid_out = "Take\u00a0effective  and practical"
    mapping = align(laid_out, "Take effective and practical")
    assert mapping.mismatches == 0
    assert laid_out[mapping.start(15):mapping.end(28)] == "and practical"


def test_positions_map_back_to_offsets() -> None:
    """Guards anchoring a selection: a laid-out position gives the text offset of the
    character there, and the end of a stretch gives its exclusive end."""
    laid_out = "Take effective  and practical"
    mapping = align(laid_out, "Take effective and practical")
    assert mapping.offset_at(laid_out.index("and")) == 15
    assert mapping.offset_at(len(laid_out)) == 28
    assert mapping.offset_at(laid_out.index("effective") + len("effective")) == 14
