"""The reading window driven as a person drives it: what the panes, headers and tree show."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolButton, QToolTip
from pytestqt.qtbot import QtBot
from reading_helpers import row_rect_center, units_in_viewport, visible_rows, wait_ready

from desktop.core.corpus import Corpus
from desktop.ui.docks.outline_model import KIND_ROLE, TREE_TEXT_ROLE
from desktop.ui.main_window import MainWindow
from desktop.ui.reading.document_pane import DocumentPane

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
# Popups and tooltips work off screen, but the offscreen platform says it cannot raise them
# or grab the keyboard for them; those two notices only.
OFFSCREEN_POPUPS = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)",
                                             "This plugin does not support grabbing the keyboard")


def _panes(window: MainWindow) -> list[DocumentPane]:
    return window.pane_area.panes()


def test_first_run_shows_ungass_left_and_the_plan_of_action_right(open_window: Opener) -> None:
    """Guards the default layout: UNGASS 2016 left, Plan of Action right, each from its top."""
    window = open_window()
    left, right = _panes(window)
    assert (left.title(), right.title()) == ("UNGASS 2016 outcome document",
                                             "Plan of Action (2009)")
    seen_left, seen_right = units_in_viewport(left.view), units_in_viewport(right.view)
    assert seen_left[:3] == ["ungass2016/h:title", "ungass2016/pp1", "ungass2016/pp2"]
    assert seen_right[:5] == ["poa2009/h:title", "poa2009/h:I", "poa2009/h:I.A",
                              "poa2009/h:I.A.1", "poa2009/1"]
    assert left.header.is_active() and not right.header.is_active()
    assert window.chapters.isVisible()
    rows = visible_rows(window.chapters.tree)  # the open instruments' chapters, one click away
    assert rows[:3] == ["UNGASS 2016 outcome document", "  Preamble (24)",
                        "  Operational recommendations on demand reduction and related measures, "
                        "including prevention and treatment, as well as other health-related "
                        "issues"]
    assert "  Part I. Demand reduction and related measures" in rows
    assert "GA resolution 74/178" in rows and "  Preamble (38)" not in rows


def test_the_tree_tells_the_ungass_chapters_apart_at_laptop_width(open_window: Opener) -> None:
    """Guards reading the tree at 1366 px: every UNGASS chapter row, as painted, has its
    number and differs from the others, shortened by whole words only (never "…mea…"); the
    full title stays in the tooltip and in what the filter searches."""
    window = open_window()
    tree = window.chapters.tree
    model = tree.model()
    ungass = model.index(0, 0)
    delegate = tree.itemDelegate()
    painted = []
    for row in range(model.rowCount(ungass)):
        index = model.index(row, 0, ungass)
        if index.data(KIND_ROLE) != "heading" or row == 0:
            continue
        option = QStyleOptionViewItem()
        option.initFrom(tree)
        option.rect = tree.visualRect(index)
        delegate.initStyleOption(option, index)  # as the delegate does before painting
        assert option.fontMetrics.horizontalAdvance(option.text) <= option.rect.width()
        painted.append(option.text)
        assert str(index.data()).startswith("Operational recommendations on ")
        assert index.data() in index.data(Qt.ItemDataRole.ToolTipRole)
        whole = str(index.data(TREE_TEXT_ROLE))
        shown = option.text.removesuffix("…")
        assert whole.startswith(shown) and (shown == whole or whole[len(shown)] in " ,;:"), (
            option.text, whole)
    assert len(painted) == 7 and len(set(painted)) == 7, painted
    assert [text.split(" ", 1)[0] for text in painted] == ["1.", "2.", "3.", "4.", "5.", "6.",
                                                           "7."]
    assert painted[0].startswith("1. Demand reduction and related measures")
    assert painted[3].startswith("4. Cross-cutting issues: drugs")
    assert painted[4].startswith("5. Cross-cutting issues in")


def test_viewport_helper_agrees_with_the_panes_own_index(open_window: Opener) -> None:
    """Guards the unit map the panes rely on (reading position, running head, settings):
    it names the same units Qt's hit test finds on screen."""
    window = open_window()
    for pane, unit in zip(_panes(window), ("ungass2016/pp5", "poa2009/4(c)"), strict=True):
        pane.show_unit(unit)
        assert pane.view.visible_units() == units_in_viewport(pane.view)


def test_typing_a_filter_leaves_matching_rows_and_their_ancestors(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the chapter filter: typed words leave the rows that contain them, opened down
    to them; rows that neither match nor lead to a match disappear."""
    window = open_window()
    dock = window.chapters
    qtbot.mouseClick(dock.filter, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dock.filter, "human rights")
    rows = [row.strip() for row in visible_rows(dock.tree)]
    assert "Plan of Action (2009)" in rows
    assert "Part I. Demand reduction and related measures" in rows
    assert ("3. Human rights, dignity and fundamental freedoms in the context of drug demand "
            "reduction") in rows
    assert any(row.startswith("Drugs and human rights, youth, women, children") for row in rows)
    assert "Prevention of drug abuse" not in rows
    assert "GA resolution 74/178" in rows  # its paragraphs mention human rights
    # Every row left either contains the words or leads to one that does.
    tree, proxy = dock.tree, dock.proxy

    def check(parent, inside_match: bool) -> None:  # type: ignore[no-untyped-def]
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if tree.isExpanded(index):
                matched = "human rights" in str(index.data()).lower()
                assert matched or inside_match or proxy.rowCount(index) > 0
                check(index, inside_match or matched)
            else:
                assert "human rights" in str(index.data()).lower() or inside_match or \
                    proxy.rowCount(index) > 0
    check(tree.rootIndex(), False)

    dock.filter.clear()
    assert visible_rows(dock.tree) == [
        "UNGASS 2016 outcome document", "GA resolution 74/178", "Political Declaration (2009)",
        "Plan of Action (2009)", "CND resolution 59/1", "CND report (2009)"]


def test_clicking_a_chapter_shows_it_in_the_focused_pane(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards "any chapter in two clicks": the right pane focused (a click in it), a filtered
    row clicked; the chapter comes to the top of that pane and the header names it."""
    window = open_window()
    left, right = _panes(window)
    qtbot.mouseClick(right.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    assert window.pane_area.focused_pane() is right
    before_left = units_in_viewport(left.view)
    dock = window.chapters
    qtbot.keyClicks(dock.filter, "vulnerable groups")
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=row_rect_center(dock.tree, "7. Targeting vulnerable groups and "
                                                    "conditions"))
    seen = units_in_viewport(right.view)
    assert seen[0] == "poa2009/h:I.A.7"
    assert "poa2009/13" in seen
    assert right.location() == ("Part I. Demand reduction and related measures › A. Reducing "
                                "drug abuse and dependence through a comprehensive approach › "
                                "7. Targeting vulnerable groups and conditions")
    assert right.view.current_unit() == "poa2009/h:I.A.7"
    assert units_in_viewport(left.view) == before_left  # the other pane did not move


def test_enter_in_the_filter_opens_the_first_match(open_window: Opener, qtbot: QtBot) -> None:
    """Guards finding a chapter from the keyboard: Ctrl+Shift+L, type, Enter."""
    window = open_window()
    left, right = _panes(window)
    qtbot.mouseClick(right.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    qtbot.keyClick(right.view, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.chapters.filter
    qtbot.keyClicks(window.chapters.filter, "Extradition")
    qtbot.keyClick(window.chapters.filter, Qt.Key.Key_Return)
    # Under its section's heading: "F. Judicial cooperation", then "1. Extradition".
    assert units_in_viewport(right.view)[:2] == ["poa2009/h:III.F", "poa2009/h:III.F.1"]
    assert right.view.current_unit() == "poa2009/h:III.F.1"
    assert left.title() == "UNGASS 2016 outcome document"
    # The field's clear button (made a turn after the dock's contents) empties it.
    button = window.chapters.filter.findChild(QToolButton)
    assert window.chapters.filter.isClearButtonEnabled() and button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.chapters.filter.text() == ""


def test_clicking_a_unit_of_another_instrument_switches_the_focused_pane(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards tree activation across instruments: the focused pane takes the row's
    instrument, its header says so, and the unit is at the top."""
    window = open_window()
    left = _panes(window)[0]
    dock = window.chapters
    qtbot.keyClicks(dock.filter, "Reiterates its call upon Member States")
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=row_rect_center(dock.tree, "4. Reiterates its call upon Member "
                                                    "States to take"))
    assert left.title() == "GA resolution 74/178"
    assert units_in_viewport(left.view)[0] == "res74-178/4"
    assert left.location() == "Operative part"


def test_ctrl_tab_moves_between_panes_and_ctrl_page_down_switches_instrument(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the pane shortcuts: Ctrl+Tab gives the next pane the focus (its header is
    underlined); Ctrl+PgDown puts the next instrument into the focused pane."""
    window = open_window()
    left, right = _panes(window)
    assert QApplication.focusWidget() is left.view
    qtbot.keyClick(left.view, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is right.view
    assert right.header.is_active() and not left.header.is_active()
    qtbot.keyClick(right.view, Qt.Key.Key_PageDown, CTRL)
    wait_ready(qtbot, window)
    assert right.title() == "CND resolution 59/1"
    assert units_in_viewport(right.view)[0] == "cnd59-1/h:symbol"
    qtbot.keyClick(right.view, Qt.Key.Key_PageUp, CTRL)
    wait_ready(qtbot, window)
    assert right.title() == "Plan of Action (2009)"
    qtbot.keyClick(right.view, Qt.Key.Key_Tab, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is left.view


@OFFSCREEN_POPUPS
def test_ctrl_o_opens_the_chooser_and_the_keyboard_picks_an_instrument(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards choosing an instrument from the keyboard through the pane header."""
    window = open_window()
    left = _panes(window)[0]
    qtbot.keyClick(left.view, Qt.Key.Key_O, CTRL)
    chooser = left.header.chooser
    qtbot.waitUntil(lambda: chooser.view().isVisible())
    popup = chooser.view()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    wait_ready(qtbot, window)
    assert left.title() == "GA resolution 74/178"
    assert units_in_viewport(left.view)[:2] == ["res74-178/front:1", "res74-178/front:2"]


def test_zoom_keys_enlarge_the_text_and_keep_the_place(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards Ctrl+plus / Ctrl+minus / Ctrl+0: bigger text (fewer units in view), the same
    unit at the top, and back to the normal size."""
    window = open_window()
    right = _panes(window)[1]
    right.show_unit("poa2009/4(c)")
    right.view.setFocus()
    before = units_in_viewport(right.view)
    size = right.view.document().defaultFont().pointSizeF()
    qtbot.keyClick(right.view, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(right.view, Qt.Key.Key_Plus, CTRL)
    after = units_in_viewport(right.view)
    assert right.view.document().defaultFont().pointSizeF() > size
    assert after[0] == before[0] == "poa2009/4(c)"
    assert len(after) < len(before)
    assert window.zoom_level() == 125
    left = _panes(window)[0]
    assert left.view.document().defaultFont().pointSizeF() == \
        right.view.document().defaultFont().pointSizeF()  # one reading size for all panes
    qtbot.keyClick(right.view, Qt.Key.Key_Minus, CTRL)
    assert window.zoom_level() == 110
    qtbot.keyClick(right.view, Qt.Key.Key_0, CTRL)
    assert right.view.document().defaultFont().pointSizeF() == size
    assert units_in_viewport(right.view)[0] == "poa2009/4(c)"
    viewport = right.view.viewport()
    wheel = QWheelEvent(QPointF(100, 100), QPointF(viewport.mapToGlobal(QPoint(100, 100))),
                        QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton, CTRL,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert window.zoom_level() == 110  # Ctrl+wheel zooms too
    assert units_in_viewport(right.view)[0] == "poa2009/4(c)"


def test_clicking_a_paragraph_marks_it_current(open_window: Opener, qtbot: QtBot) -> None:
    """Guards the current-unit mark: a click in a paragraph marks it (a bar in the selection
    colour at the pane's left edge, beside that paragraph), and the tree shows its row."""
    window = open_window()
    right = _panes(window)[1]
    right.show_unit("poa2009/4", mark=False)
    rect = right.view.unit_rect("poa2009/4(b)")
    assert rect is not None
    y = int(rect.center().y()) - right.view.verticalScrollBar().value()
    qtbot.mouseClick(right.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, y))
    assert right.view.current_unit() == "poa2009/4(b)"
    image = right.view.viewport().grab().toImage()
    highlight = right.view.palette().color(right.view.palette().ColorRole.Highlight)
    assert image.pixelColor(1, y).name() == highlight.name()
    above = right.view.unit_rect("poa2009/4(a)")
    assert above is not None
    y_above = int(above.center().y()) - right.view.verticalScrollBar().value()
    assert image.pixelColor(1, y_above).name() != highlight.name()
    assert window.chapters.tree.currentIndex().data().startswith("(b) Deliver comprehensive")


def test_triple_click_and_ctrl_c_copy_a_paragraph_as_printed(
        open_window: Opener, qtbot: QtBot, corpus: Corpus) -> None:
    """Guards selecting and copying: the copied text is the unit's words with its label."""
    window = open_window()
    right = _panes(window)[1]
    right.show_unit("poa2009/41(g)")
    rect = right.view.unit_rect("poa2009/41(g)")
    assert rect is not None
    point = QPoint(400, int(rect.top()) - right.view.verticalScrollBar().value() + 10)
    viewport = right.view.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClick(right.view, Qt.Key.Key_C, CTRL)
    copied = QGuiApplication.clipboard().text()
    unit = corpus.unit("poa2009/41(g)")
    assert unit is not None
    assert copied.rstrip("\n") == f"(g)\t{unit.text}"
    assert copied.startswith("(g)\tCope with the multiple challenges faced by the drug control")
    assert right.view.selected_units() == ["poa2009/41(g)"]


def test_ctrl_shift_c_copies_an_excerpt_with_its_citation(
        open_window: Opener, qtbot: QtBot, corpus: Corpus) -> None:
    """Guards the excerpt a delegate pastes into a brief: after a click in Plan of Action 1,
    Ctrl+Shift+C copies its words as printed without the footnote call ("in 1998 to attain",
    not "199817"), then its citation; a repaired unit comes without its ✎ mark; a selection
    from UNGASS 1 (a) into 1 (c) is cited as "para. 1 (a)–(c)"."""
    window = open_window()
    left, right = _panes(window)
    right.show_unit("poa2009/1", mark=False)
    click_point = right.view.unit_rect("poa2009/1")
    assert click_point is not None
    qtbot.mouseClick(right.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(400, int(click_point.top()) - right.view.verticalScrollBar().value()
                                + 8))
    assert right.view.current_unit() == "poa2009/1"
    qtbot.keyClick(right.view, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    unit = corpus.unit("poa2009/1")
    assert unit is not None and "in 1998 to attain" in unit.text
    assert QGuiApplication.clipboard().text() == (f"1. {unit.text}\n"
                                                  "[Plan of Action (2009), para. 1]")
    repaired = corpus.unit("poa2009/2(b)")  # its ✎ mark is the edition's, not the text's
    assert repaired is not None
    right.show_unit(repaired.id)
    qtbot.keyClick(right.view, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == (f"(b) {repaired.text}\n"
                                                  "[Plan of Action (2009), para. 2 (b)]")

    left.show_unit("ungass2016/1(a)")
    qtbot.mouseClick(left.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    first, last = left.view.unit_rect("ungass2016/1(a)"), left.view.unit_rect("ungass2016/1(c)")
    assert first is not None and last is not None
    cursor = left.view.cursorForPosition(QPoint(60, int(first.top()) + 8
                                                - left.view.verticalScrollBar().value()))
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    end = left.view.cursorForPosition(QPoint(60, int(last.top()) + 8
                                             - left.view.verticalScrollBar().value()))
    end.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
    left.view.setTextCursor(cursor)  # as a drag from (a) to the end of (c) leaves it
    qtbot.keyClick(left.view, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    lines = QGuiApplication.clipboard().text().split("\n")
    texts = [corpus.unit(f"ungass2016/1({letter})") for letter in "abc"]
    assert lines == [*(f"({letter}) {u.text}" for letter, u in zip("abc", texts, strict=True)
                       if u is not None), "[A/RES/S-30/1, annex, para. 1 (a)–(c)]"]

    qtbot.mouseClick(right.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(400, 20))
    problem = right.view.document().begin()  # a Problem line belongs to no unit
    while problem.text() != "Problem":
        problem = problem.next()
    cursor = QTextCursor(problem)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    right.view.setTextCursor(cursor)
    qtbot.keyClick(right.view, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == "Problem\n[Plan of Action (2009)]"


def _call_point(pane: DocumentPane, href: str) -> QPoint:
    """Where a footnote call (an anchor with this href) is drawn in the viewport."""
    block = pane.view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(pane.view.document())
                cursor.setPosition(fragment.position() + 1)
                return pane.view.cursorRect(cursor).center() - QPoint(2, 0)
            fragments += 1
        block = block.next()
    raise AssertionError(f"no anchor {href}")


@OFFSCREEN_POPUPS
def test_footnote_call_shows_its_note_on_hover_and_on_click(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards footnotes: the call is a superscript whose note shows when the pointer rests on
    it, and stays up when it is clicked."""
    window = open_window()
    right = _panes(window)[1]
    right.show_unit("poa2009/1")
    point = _call_point(right, "fn:poa2009/fn17")
    viewport = right.view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert QToolTip.text() == "17 See General Assembly resolutions S-20/2 and S-20/3."
    QToolTip.hideText()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "See General Assembly resolutions S-20/2 and S-20/3." in QToolTip.text()
    QToolTip.hideText()


@OFFSCREEN_POPUPS
def test_repaired_unit_carries_a_mark_that_explains_the_repair(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards repair marks: the paragraph the build joined across a page break shows a mark
    whose tooltip says what was repaired."""
    window = open_window()
    left = _panes(window)[0]
    left.show_unit("pd2009/pp1")
    document = left.view.document()
    found = document.find("\u270e")
    assert not found.isNull()
    assert document.findBlock(found.position()).blockNumber() == \
        left.view._block["pd2009/pp1"]
    point = left.view.cursorRect(found).center() - QPoint(2, 0)
    viewport = left.view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point,
                                                viewport.mapToGlobal(point)))
    assert QToolTip.text().startswith("Repaired in this edition (page-break-join): paragraph "
                                      "split by a page break")
    QToolTip.hideText()
