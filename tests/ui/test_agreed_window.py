""""Where was this agreed?" and Compare in the window, driven as a delegate drives them: select
words (or stand on a paragraph), Ctrl+Shift+A, read the results, open one, compare, copy."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot
from reading_helpers import click_unit, wait_ready

from desktop.ui.docks.agreed_view import snippet
from desktop.ui.document_source import DocumentSource
from desktop.ui.main_window import MainWindow

Opener = Callable[..., MainWindow]
AGREED = (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
PHRASE = "opioid receptor antagonists such as naloxone to reduce drug-related mortality"


def _titles(view: QListView) -> list[str]:
    model = view.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def _click_row(qtbot: QtBot, view: QListView, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def test_selected_words_find_where_they_were_agreed_and_compare(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards provenance from a selection: the naloxone words selected in UNGASS 1 (m) are
    found in 74/178 para. 28 (the origin itself left out), with relation and score and the
    words marked; a click opens it; Compare shows the redline and copies it rich and plain."""
    window = open_window()
    left, _right = window.pane_area.panes()
    left.show_unit("ungass2016/1(m)")
    cursor = left.view.document().find(PHRASE)
    assert cursor.hasSelection()
    left.view.setTextCursor(cursor)  # as a drag over the words leaves it
    left.view.setFocus()
    qtbot.keyClick(left.view, *AGREED)
    dock = window.agreed
    assert dock.isVisible()
    assert _titles(dock.list) == ["A/RES/74/178, para. 28"]
    row = dock.model.rows()[0]
    assert row.note == "the same words · score 0.69"
    assert "\x02opioid receptor antagonists, such as naloxone, to reduce drug-related " \
           "mortality\x03" in row.lines[0]
    assert dock.summary.text().startswith("“opioid receptor antagonists such as naloxone")
    _click_row(qtbot, dock.list, 0)
    wait_ready(qtbot, window)
    assert any(pane.view.current_unit() == "res74-178/28" for pane in window.pane_area.panes())
    assert dock.compare_button.isEnabled()
    qtbot.mouseClick(dock.compare_button, Qt.MouseButton.LeftButton)
    dialog = dock.compare_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.plain.startswith("[-Promote-] {+Also encourages Member States to promote+} "
                                   "the inclusion in national drug policies")
    assert "[-antagonists-] {+antagonists,+}" in dialog.plain
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    data = QGuiApplication.clipboard().mimeData()
    assert data.text().startswith("A/RES/S-30/1, annex, para. 1 (m) → A/RES/74/178, para. 28\n"
                                  "[-Promote-]")
    assert "line-through" in data.html() and "<del" in data.html()
    dialog.close()


def test_a_paragraph_without_selection_is_looked_up_whole(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards provenance of the current unit: UNGASS 1 (n) finds 74/178 para. 29, changed;
    boilerplate selected finds nothing and says so."""
    window = open_window()
    left, _right = window.pane_area.panes()
    click_unit(qtbot, left.view, "ungass2016/1(n)")
    qtbot.keyClick(left.view, *AGREED)
    dock = window.agreed
    assert [(r.title, r.kind) for r in dock.model.rows()] == [
        ("A/RES/74/178, para. 29", "changed")]
    cursor = left.view.document().find("in accordance with national legislation")
    left.view.setTextCursor(cursor)
    qtbot.keyClick(left.view, *AGREED)
    assert dock.model.rows() == []
    assert dock.summary.text() == ("“in accordance with national legislation”: not found "
                                   "beyond common formulas.")
    assert not dock.compare_button.isEnabled()


def test_snippet_marks_the_matching_words_and_trims_around_them() -> None:
    """Guards the result rows' line: a window of words from just before the first match."""
    text = " ".join(f"w{i}" for i in range(40))
    start = text.index("w20")
    line = snippet(text, ((start, start + len("w20 w21")),))
    assert line.startswith("…w17 w18 w19 \x02w20 w21\x03 w22")
    assert line.endswith("…")


def test_a_links_panel_row_compares_with_the_current_unit(
        open_window: Opener, qtbot: QtBot, source: DocumentSource) -> None:
    """Guards compare from the Links panel: on 74/178 para. 29 the UNGASS 1 (n) row's menu
    compares the two, the earlier (UNGASS) first."""
    from desktop.ui.docks.agreed_view import link_compare_menu

    window = open_window()
    left, _right = window.pane_area.panes()
    left.set_instrument("res74-178")
    wait_ready(qtbot, window)
    click_unit(qtbot, left.view, "res74-178/29")
    rows = window.links.list
    row = next(i for i, title in enumerate(_titles(rows))
               if title == "A/RES/S-30/1, annex, para. 1 (n)")
    compared: list[tuple[str, str]] = []
    menu = link_compare_menu(window, source, lambda a, b: compared.append((a, b)),
                             rows.visualRect(rows.model().index(row, 0)).center())
    assert menu is not None
    action = menu.actions()[0]
    assert action.text() == "Compare with 74/178 29"
    action.trigger()
    assert compared == [("ungass2016/1(n)", "res74-178/29")]
    menu.deleteLater()
