"""Synchronised panes, driven as a delegate drives them: a click (or a key) in one pane, and
what the other pane then shows — the units in its viewport, which of them are marked, and the
words of its sync bar ("1 of 7", "No counterpart", …)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from pytestqt.qtbot import QtBot
from reading_helpers import click_unit, marked_in_viewport, units_in_viewport, wait_ready

from desktop.core.correspondence import Correspondence, Correspondences
from desktop.ui.main_window import MainWindow
from desktop.ui.reading.document_pane import DocumentPane
from desktop.ui.reading.sync_controller import SyncController

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _panes(window: MainWindow) -> tuple[DocumentPane, DocumentPane]:
    left, right = window.pane_area.panes()
    return left, right


def _bar(pane: DocumentPane) -> tuple[str, str]:
    return pane.sync_bar.status.text(), pane.sync_bar.detail.text()


def test_clicking_ungass_1a_shows_its_plan_of_action_actions_marked(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the heart of the design: a click on UNGASS 1 (a) and the right pane is already
    at Plan of Action 4 (a) (under its chapeau), 4 (a) and 4 (b) marked, 4 (a) the one shown,
    "1 of 7"; the left pane says it leads."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    seen = units_in_viewport(right.view)
    assert seen[:3] == ["poa2009/4", "poa2009/4(a)", "poa2009/4(b)"]
    assert marked_in_viewport(right.view) == ["poa2009/4(a)", "poa2009/4(b)"]
    assert marked_in_viewport(right.view, active=True) == ["poa2009/4(a)"]
    assert _bar(right) == ("1 of 7", "PoA 4 (a) · for UNGASS 1 (a) · table: “Action 4.a”")
    assert _bar(left) == ("Leading", "UNGASS 1 (a)")
    assert left.view.current_unit() == "ungass2016/1(a)"
    assert right.view.current_unit() is None  # the current unit is the leading pane's
    assert marked_in_viewport(left.view) == []


def test_next_and_previous_step_through_the_corresponding_units(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards "the others one keystroke away": F8 (from the leading pane) shows the next
    corresponding unit in document order, scrolling when it is off screen; Shift+F8 and the
    bar's buttons go back; past the last comes the first."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    qtbot.keyClick(left.view, Qt.Key.Key_F8)
    assert _bar(right)[0] == "2 of 7"
    assert marked_in_viewport(right.view, active=True) == ["poa2009/4(b)"]
    assert units_in_viewport(right.view)[0] == "poa2009/4"  # in view already: no jump
    qtbot.keyClick(left.view, Qt.Key.Key_F8)
    qtbot.keyClick(left.view, Qt.Key.Key_F8)
    assert _bar(right) == ("4 of 7", "PoA 10 (a) · for UNGASS 1 (a) · table: “Action 10.a”")
    seen = units_in_viewport(right.view)
    assert "poa2009/10(a)" in seen and "poa2009/4(a)" not in seen
    assert marked_in_viewport(right.view, active=True) == ["poa2009/10(a)"]
    qtbot.keyClick(left.view, Qt.Key.Key_F8, SHIFT)
    assert _bar(right)[0] == "3 of 7"
    assert marked_in_viewport(right.view, active=True) == ["poa2009/4(f)"]
    qtbot.mouseClick(right.sync_bar.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(right.sync_bar.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(right.sync_bar.previous_button, Qt.MouseButton.LeftButton)
    assert _bar(right)[0] == "7 of 7"
    assert marked_in_viewport(right.view, active=True) == ["poa2009/14(b)"]
    assert _bar(left) == ("Leading", "UNGASS 1 (a)")  # stepping moved nothing else


def test_an_item_the_table_marks_n_a_says_no_counterpart(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards "no counterpart": after UNGASS 1 (a) is followed, a click on 1 (j) (“N/A” in
    the table) leaves the right pane where it is, with no marks left, and says so."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    before = units_in_viewport(right.view)
    click_unit(qtbot, left.view, "ungass2016/1(j)")
    assert units_in_viewport(right.view) == before
    assert marked_in_viewport(right.view) == []
    assert _bar(right) == ("No counterpart",
                           "the concordance table says “N/A” (line 31) for UNGASS 1 (j)")


def test_an_item_the_table_does_not_cover_says_not_covered(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards "not covered", told from "no counterpart": UNGASS 1 (p) is not in the table;
    the pane stays put and clears the marks of the unit before."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    before = units_in_viewport(right.view)
    click_unit(qtbot, left.view, "ungass2016/1(p)")
    assert units_in_viewport(right.view) == before
    assert marked_in_viewport(right.view) == []
    assert _bar(right) == ("Not covered", "UNGASS 1 (p) is not in the concordance table")
    click_unit(qtbot, left.view, "ungass2016/3(u)")  # linked, but to the Declaration only
    assert _bar(right) == ("Not covered", "the links relate UNGASS 3 (u) only to GA "
                                          "resolution 74/178 and Political Declaration (2009)")


def test_a_plan_of_action_item_leads_to_the_ungass_items_that_cite_it(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the links read backwards: a click on PoA 4 (a) in the right pane makes it lead;
    the left pane shows paragraph 1's chapeau (whose row cites 4 (a)) and marks it with the
    recommendations that cite 4 (a) and are on screen."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, right.view, "poa2009/4(a)")
    assert _bar(right) == ("Leading", "PoA 4 (a)")
    assert units_in_viewport(left.view)[:2] == ["ungass2016/h:1", "ungass2016/1"]  # chapter
    assert marked_in_viewport(left.view) == ["ungass2016/1", "ungass2016/1(a)",
                                             "ungass2016/1(b)"]
    assert marked_in_viewport(left.view, active=True) == ["ungass2016/1"]
    assert _bar(left) == ("1 of 5", "UNGASS 1 · for PoA 4 (a) · table: “Action 4.a”")
    qtbot.keyClick(right.view, Qt.Key.Key_F8)
    assert _bar(left)[0] == "2 of 5"
    assert marked_in_viewport(left.view, active=True) == ["ungass2016/1(a)"]


def test_a_political_declaration_item_offers_plan_of_action_items_as_indirect(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the way through UNGASS: PD 36 (c) has no link to the Plan of Action, so the
    right pane offers the Plan of Action items of UNGASS 3 (d), which cites both, marked and
    labelled indirect."""
    window = open_window()
    left, right = _panes(window)
    left.set_instrument("pd2009")
    wait_ready(qtbot, window)
    click_unit(qtbot, left.view, "pd2009/36(c)")
    assert "poa2009/43(c)" in units_in_viewport(right.view)
    assert "poa2009/43(c)" in marked_in_viewport(right.view)
    assert marked_in_viewport(right.view, active=True) == ["poa2009/43(c)"]
    assert _bar(right) == ("1 of 2", "Indirect: PoA 43 (c) through UNGASS 3 (d) · for PD "
                                     "36 (c) · table: “Target 36.c”, “Action 43.c”")
    qtbot.keyClick(left.view, Qt.Key.Key_F8)
    assert marked_in_viewport(right.view, active=True) == ["poa2009/47(i)"]


def test_an_unlinked_pane_stays_put_and_catches_up_when_linked_again(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards unlinking: with the right pane's link button off, a click on UNGASS 1 (a)
    moves nothing there and marks nothing; linking it again brings it to 4 (a), "1 of 7".
    Ctrl+K unlinks the focused pane, which then leads no other pane either."""
    window = open_window()
    left, right = _panes(window)
    qtbot.mouseClick(right.sync_bar.link_button, Qt.MouseButton.LeftButton)
    assert _bar(right) == ("Not linked", "stays where it is")
    before = units_in_viewport(right.view)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    assert units_in_viewport(right.view) == before
    assert marked_in_viewport(right.view) == []
    assert _bar(right) == ("Not linked", "stays where it is")
    qtbot.mouseClick(right.sync_bar.link_button, Qt.MouseButton.LeftButton)
    assert units_in_viewport(right.view)[:2] == ["poa2009/4", "poa2009/4(a)"]
    assert _bar(right)[0] == "1 of 7"

    qtbot.keyClick(left.view, Qt.Key.Key_K, CTRL)  # the left pane, focused, is unlinked
    assert not left.is_linked() and _bar(left)[0] == "Not linked"
    # No pane leads now: the right pane stays where it is, with no "for UNGASS 1 (a)" left.
    before = units_in_viewport(right.view)
    assert _bar(right) == ("Linked", "follows the pane you read in")
    assert marked_in_viewport(right.view) == []
    click_unit(qtbot, left.view, "ungass2016/1(c)")
    assert units_in_viewport(right.view) == before
    assert _bar(right) == ("Linked", "follows the pane you read in")


def test_a_pane_that_echoes_its_position_back_causes_no_loop(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards DESIGN.md §5, sync without loops: the right pane reports every position the
    sync gives it back as its reader's own move. The left pane keeps leading, stays on
    UNGASS 1 (a), nothing is recorded for Back, and the sync ran once per click."""
    window = open_window()
    left, right = _panes(window)
    echoes: list[str] = []
    follow = right.follow

    def echoing_follow(result: Correspondence) -> None:
        follow(result)
        target = right.active_target()
        if target:
            echoes.append(target)
            right.view.set_current(target)
            right.unit_chosen.emit(right, target)  # as if its reader had clicked there

    right.follow = echoing_follow  # type: ignore[method-assign]
    syncs: list[str] = []
    window.sync.synced.connect(syncs.append)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    qtbot.wait(50)  # anything queued by the echo would run now
    assert echoes == ["poa2009/4(a)"]
    assert syncs == ["ungass2016/1(a)"]
    assert _bar(left) == ("Leading", "UNGASS 1 (a)")
    assert left.view.current_unit() == "ungass2016/1(a)"
    assert "ungass2016/1(a)" in units_in_viewport(left.view)
    assert marked_in_viewport(left.view) == []
    assert _bar(right)[0] == "1 of 7"
    assert window.navigator.history.places() == ["ungass2016/1(a)"]
    assert window.links.model.unit() == "ungass2016/1(a)"


class _EchoPane(QObject):
    """A stand-in pane for the controller alone: told to follow, it leads at once."""

    moved = Signal(object, str)

    def __init__(self, instrument: str) -> None:
        super().__init__()
        self.instrument = instrument
        self.shown: list[str] = []
        self.led: list[str] = []

    def instrument_id(self) -> str:
        return self.instrument

    def is_linked(self) -> bool:
        return True

    def lead(self, unit_id: str) -> None:
        self.led.append(unit_id)

    def follow(self, result: Correspondence) -> None:
        self.shown.extend(target.unit for target in result.targets[:1])
        for target in result.targets[:1]:
            self.moved.emit(self, target.unit)  # straight back into the controller

    def clear_sync(self) -> None:
        self.shown.append("cleared")


def test_the_controller_guard_drops_an_echo_during_a_sync(
        qtbot: QtBot, source: object) -> None:
    """Guards the re-entrancy guard itself: a pane that leads again while it is being told
    to follow is ignored, so the first pane is never moved by its own echo."""
    index: Correspondences = source.correspondences()  # type: ignore[attr-defined]
    first, second = _EchoPane("ungass2016"), _EchoPane("poa2009")
    controller = SyncController(index.find, lambda: [first, second])
    results: list[bool] = []
    second.moved.connect(lambda pane, unit: results.append(controller.lead(pane, unit)))
    assert controller.lead(first, "ungass2016/1(a)")
    assert results == [False]  # the echo was refused
    assert first.led == ["ungass2016/1(a)"] and first.shown == []
    assert second.shown == ["poa2009/4(a)"] and second.led == []
    assert controller.leader() is first and controller.unit() == "ungass2016/1(a)"


def test_a_new_pane_follows_and_says_when_its_instrument_is_not_in_the_table(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards panes added after a jump: Ctrl+T opens GA resolution 74/178, which restates
    nothing of UNGASS 1 (a), and the new pane says so; switched to the Political Declaration it
    shows the five paragraphs of 1 (a). When the leading pane closes, no marks remain."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    qtbot.keyClick(left.view, Qt.Key.Key_T, CTRL)
    wait_ready(qtbot, window)
    middle = window.pane_area.panes()[1]
    assert middle.title() == "GA resolution 74/178"
    assert _bar(middle) == ("Not covered", "the links relate UNGASS 1 (a) only to Political "
                                           "Declaration (2009) and Plan of Action (2009)")
    middle.set_instrument("pd2009")
    wait_ready(qtbot, window)
    assert _bar(middle)[0] == "1 of 5"
    assert "pd2009/9" in marked_in_viewport(middle.view, active=True)

    left.view.setFocus()
    qtbot.keyClick(left.view, Qt.Key.Key_W, CTRL)  # the leading pane closes: no pane leads
    assert window.pane_area.panes() == [middle, right]
    assert _bar(middle) == ("Linked", "follows the pane you read in")
    assert marked_in_viewport(middle.view) == []


def test_the_linked_state_is_remembered(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards settings: a pane unlinked when the window closes opens unlinked next time."""
    first = open_window()
    qtbot.mouseClick(_panes(first)[1].sync_bar.link_button, Qt.MouseButton.LeftButton)
    first.close()
    second = open_window()
    left, right = _panes(second)
    assert left.is_linked() and not right.is_linked()
    assert _bar(right) == ("Not linked", "stays where it is")


def test_after_a_restart_the_leading_pane_leads_again_and_no_pane_moves(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards continuity across a restart: UNGASS 1 (a) led, and the reader then scrolled the
    Plan of Action pane to paragraph 30 by hand; the next window opens with the left pane
    leading with 1 (a), the right one still at 30 but saying "1 of 7" again (F8 goes on from
    there), and the links panel listing 1 (a)'s units."""
    first = open_window()
    left, right = _panes(first)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    assert _bar(right)[0] == "1 of 7"
    right.view.scroll_to_unit("poa2009/30")  # scrolled by hand: nothing leads anew
    first.close()

    second = open_window()
    left, right = _panes(second)
    assert _bar(left) == ("Leading", "UNGASS 1 (a)")
    assert _bar(right)[0] == "1 of 7"
    assert units_in_viewport(right.view)[0] == "poa2009/30"
    assert "poa2009/4(a)" in right.targets()
    assert second.links.summary.text() == "UNGASS 1 (a): 12 corresponding units."
    qtbot.keyClick(right.view, Qt.Key.Key_F8)
    assert _bar(right)[0] == "2 of 7"
