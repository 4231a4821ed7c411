"""Agreed wording in the window: restatement links move the panes and fill the Links panel,
marked with their own kind, driven as a delegate drives them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot
from reading_helpers import click_unit, marked_in_viewport, wait_ready

from desktop.ui.main_window import MainWindow
from desktop.ui.reading.document_pane import DocumentPane

Opener = Callable[..., MainWindow]


def _titles(view: QListView) -> list[str]:
    model = view.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def _bar(pane: DocumentPane) -> tuple[str, str]:
    return pane.sync_bar.status.text(), pane.sync_bar.detail.text()


def _click_row(qtbot: QtBot, view: QListView, starts: str) -> None:
    row = next(i for i, title in enumerate(_titles(view)) if title.startswith(starts))
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def test_74_178_leads_the_ungass_pane_to_the_paragraph_it_restates(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the issue's first complaint ("every pane says Not covered"): 74/178 para. 28 in
    the left pane, and the UNGASS pane is at 1 (m), marked, "1 of 1", the bar naming agreed
    wording; the Links panel lists it as agreed wording with relation and score."""
    window = open_window()
    left, right = window.pane_area.panes()
    left.set_instrument("res74-178")
    right.set_instrument("ungass2016")
    wait_ready(qtbot, window)
    click_unit(qtbot, left.view, "res74-178/28")
    assert marked_in_viewport(right.view, active=True) == ["ungass2016/1(m)"]
    assert _bar(right) == ("1 of 1", "UNGASS 1 (m) · for 74/178 28 · agreed wording: changed")
    links = window.links
    assert links.summary.text() == "74/178 28: 1 corresponding unit."
    row = links.model.rows()[0]
    assert (row.title, row.note) == ("A/RES/S-30/1, annex, para. 1 (m)",
                                     "agreed wording: changed, score 0.97")
    assert row.lines[0].startswith("(m) Promote the inclusion in national drug policies")


def test_the_kind_filter_offers_agreed_wording_and_counts_distinct_units(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the panel's kind filter and "N counts distinct units": UNGASS 3 (k) cites PD 28
    in the table and restates it; PD 28 is one row, with both kinds, and the filter on agreed
    wording shows the 74/178 paragraph and PD 28 only."""
    window = open_window()
    left, _right = window.pane_area.panes()
    click_unit(qtbot, left.view, "ungass2016/3(k)")
    links = window.links
    rows = links.model.rows()
    units = [row.unit for row in rows if row.unit]
    assert units.count("pd2009/28") == 1
    both = next(row for row in rows if row.unit == "pd2009/28")
    assert both.note.startswith("concordance table + agreed wording: “OP 28”, line")
    assert links.summary.text() == f"UNGASS 3 (k): {len(units)} corresponding units."
    links.kind.setCurrentIndex(links.kind.findData("restates"))
    assert links.kind.currentText() == "Agreed wording"
    assert [row.unit for row in links.model.rows()] == ["res74-178/83", "pd2009/28"]
    _click_row(qtbot, links.list, "A/RES/74/178, para. 83")
    wait_ready(qtbot, window)
    shown = [pane for pane in window.pane_area.panes() if pane.title() == "GA resolution 74/178"]
    assert shown and marked_in_viewport(shown[0].view, active=True) == ["res74-178/83"]
