"""The bugs a new user met (issue 18), driven as they met them: keys and clicks in the window,
then what the window shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from reading_helpers import (
    click_unit,
    marked_in_viewport,
    row_rect_center,
    units_in_viewport,
    visible_rows,
    wait_ready,
)

from desktop.ui.main_window import MainWindow

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _in_view(widget: QWidget) -> bool:
    """On screen: a dock behind another tab is "visible" to Qt, with nothing painted."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def _search_on_top(window: MainWindow, qtbot: QtBot) -> None:
    pane = window.pane_area.focused_pane()
    qtbot.keyClick(pane.view, Qt.Key.Key_F, CTRL)
    assert _in_view(window.search) and not _in_view(window.chapters)


def test_f9_brings_the_chapters_back_over_the_search_tab(
        open_window: Opener, qtbot: QtBot) -> None:
    """With the Search tab on top, F9 shows the chapter tree (it used to close it unseen);
    F9 again hides it, and once more shows it."""
    window = open_window()
    _search_on_top(window, qtbot)
    qtbot.keyClick(window.search.field, Qt.Key.Key_F9)
    assert _in_view(window.chapters) and window.chapters_action.isChecked()
    assert "UNGASS 2016 outcome document" in [r.strip() for r in visible_rows(
        window.chapters.tree)]
    qtbot.keyClick(window.pane_area.focused_pane().view, Qt.Key.Key_F9)
    assert not _in_view(window.chapters) and not window.chapters_action.isChecked()
    qtbot.keyClick(window.pane_area.focused_pane().view, Qt.Key.Key_F9)
    assert _in_view(window.chapters)


def test_ctrl_shift_l_with_the_search_tab_on_top_filters_a_tree_in_view(
        open_window: Opener, qtbot: QtBot) -> None:
    """The filter text goes into a tree the reader can see, not into the hidden tab."""
    window = open_window()
    _search_on_top(window, qtbot)
    qtbot.keyClick(window.search.field, Qt.Key.Key_L, CTRL | SHIFT)
    assert _in_view(window.chapters)
    assert QApplication.focusWidget() is window.chapters.filter
    qtbot.keyClicks(window.chapters.filter, "Extradition")
    rows = [row.strip() for row in visible_rows(window.chapters.tree)]
    assert any(row.startswith("1. Extradition") for row in rows), rows


def test_unlinking_then_closing_the_leading_pane_leaves_no_stale_marks(
        open_window: Opener, qtbot: QtBot) -> None:
    """Ctrl+K on the leading pane, then Ctrl+W: the others keep no "1 of 2 … for PoA 2 (d)"."""
    window = open_window()
    window.add_pane()
    wait_ready(qtbot, window)
    left, middle, right = window.pane_area.panes()
    assert right.instrument_id() == "poa2009"
    right.show_unit("poa2009/2(d)")
    click_unit(qtbot, right.view, "poa2009/2(d)")
    assert left.sync_bar.detail.text().startswith("UNGASS")
    assert "for PoA 2 (d)" in left.sync_bar.detail.text()
    assert marked_in_viewport(left.view)
    qtbot.keyClick(right.view, Qt.Key.Key_K, CTRL)
    qtbot.keyClick(right.view, Qt.Key.Key_W, CTRL)
    assert window.pane_area.panes() == [left, middle]
    for pane in (left, middle):
        assert (pane.sync_bar.status.text(), pane.sync_bar.detail.text()) == (
            "Linked", "follows the pane you read in")
        assert marked_in_viewport(pane.view) == []
        assert "for PoA" not in pane.sync_bar.detail.text()


def test_a_chapter_row_opens_where_go_to_and_search_open(
        open_window: Opener, qtbot: QtBot) -> None:
    """The left (UNGASS) pane focused, a Plan of Action row clicked in the tree: the right
    pane, already on the Plan of Action, goes there and takes the focus; the left pane keeps
    its instrument (no second pane on one text)."""
    window = open_window()
    left, right = window.pane_area.panes()
    qtbot.mouseClick(left.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    assert window.pane_area.focused_pane() is left
    dock = window.chapters
    qtbot.keyClicks(dock.filter, "vulnerable groups")
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=row_rect_center(dock.tree, "7. Targeting vulnerable groups and "
                                                    "conditions"))
    assert left.instrument_id() == "ungass2016"
    assert units_in_viewport(right.view)[0] == "poa2009/h:I.A.7"
    assert window.pane_area.focused_pane() is right
    assert QApplication.focusWidget() is dock.tree  # the keyboard stays in the tree
    # Go to the same unit from the left pane lands in the same pane.
    window.pane_area.set_focused(left)
    window.open_unit("poa2009/13")
    assert window.pane_area.focused_pane() is right and left.instrument_id() == "ungass2016"


def test_a_fifth_pane_says_why_it_does_not_open(open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    window.add_pane()
    window.add_pane()
    wait_ready(qtbot, window)
    assert len(window.pane_area.panes()) == 4
    qtbot.keyClick(window.pane_area.focused_pane().view, Qt.Key.Key_T, CTRL)
    assert len(window.pane_area.panes()) == 4
    assert window.statusBar().currentMessage() == (
        "Four panes are open, the most the window shows: close one (Ctrl+W) to open another.")


def test_a_phrase_result_opens_with_the_phrase_marked_not_its_words(
        open_window: Opener, qtbot: QtBot) -> None:
    """"evidence-based" in quotes: the round-table paragraph opens with the phrase marked,
    and its "Scientific evidence should …" left alone."""
    window = open_window()
    left = window.pane_area.panes()[0]
    qtbot.keyClick(left.view, Qt.Key.Key_F, CTRL)
    dock = window.search
    with qtbot.waitSignal(dock.searched):
        qtbot.keyClicks(dock.field, '"evidence-based"')
    assert window.open_result("report2009/rt1.1")
    wait_ready(qtbot, window)
    pane = window.pane_area.focused_pane()
    assert pane.instrument_id() == "report2009"
    assert pane.view.found() == ["evidence-based"]
