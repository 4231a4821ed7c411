"""A pane finds its units by the renderer's blocks, without anchors in its HTML: that Qt makes
the blocks the renderer names, for every instrument, and the fallback when it would not."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.corpus import Corpus
from desktop.core.render.html import Apparatus, RenderStyle, document_html, rendered
from desktop.ui.reading.document_view import DocumentView
from desktop.ui.reading.theme import reading_font

MAIN = ("ungass2016", "res74-178", "pd2009", "poa2009", "cnd59-1", "report2009")


def _anchored_blocks(view: DocumentView) -> list[str | None]:
    """The unit whose anchor opens each block of the view's document (the old way)."""
    found: list[str | None] = []
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        names = [] if fragments.atEnd() else [
            name for name in fragments.fragment().charFormat().anchorNames() if "/fn" not in name]
        found.append(names[0] if names else None)
        block = block.next()
    return found


@pytest.mark.parametrize("instrument_id", MAIN)
def test_qt_makes_the_blocks_the_renderer_names(qtbot: QtBot, corpus: Corpus,
                                                instrument_id: str) -> None:
    instrument = corpus.instrument(instrument_id)
    assert instrument is not None
    units = corpus.units(instrument_id)
    apparatus = Apparatus.load(corpus, units)
    style = RenderStyle()
    ids = [unit.id for unit in units]
    with_anchors = DocumentView()
    qtbot.addWidget(with_anchors)
    with_anchors.load(document_html(instrument, units, apparatus, style), ids,
                      reading_font(100), style.indent_px, {})
    shown = rendered(instrument, units, apparatus, style)
    view = DocumentView()
    qtbot.addWidget(view)
    view.load(shown.html, ids, reading_font(100), style.indent_px, {}, shown.blocks,
              lambda: pytest.fail("the blocks matched: no fallback"))
    assert view.document().blockCount() == len(shown.blocks)
    assert list(shown.blocks) == _anchored_blocks(with_anchors)
    assert view.unit_ids() == with_anchors.unit_ids() == ids
    assert view.document().toPlainText() == with_anchors.document().toPlainText()
    for unit in units[::7]:
        block = view.document().findBlockByNumber(shown.blocks.index(unit.id))
        assert view.block_unit(block.blockNumber()) == unit.id
        words = unit.text.split()
        assert words[0] in block.text() and words[-1].rstrip(";,.") in block.text(), unit.id
        if unit.label and unit.kind != "heading":  # the label, then the tab it hangs by
            assert block.text().startswith(f"{unit.label}\t"), unit.id


def test_blocks_that_do_not_match_fall_back_to_the_anchored_html(qtbot: QtBot,
                                                                 corpus: Corpus) -> None:
    """Should Qt split the HTML otherwise than the renderer says (an imported text with
    markup of its own), the view shows the anchored HTML and still finds every unit."""
    instrument = corpus.instrument("pd2009")
    assert instrument is not None
    units = corpus.units("pd2009")[:12]
    apparatus = Apparatus.load(corpus, units)
    shown = rendered(instrument, units, apparatus)
    asked: list[bool] = []

    def anchored() -> str:
        asked.append(True)
        return document_html(instrument, units, apparatus)

    view = DocumentView()
    qtbot.addWidget(view)
    view.load(shown.html, [u.id for u in units], reading_font(100), 40, {},
              shown.blocks[1:], anchored)  # one block too few
    assert asked == [True]
    assert view.unit_ids() == [u.id for u in units]
    assert view.block_unit(_anchored_blocks(view).index(units[3].id)) == units[3].id
    assert view.document().toHtml().count("pd2009/") >= len(units)
