"""Finding one's way: Back and Forward, Go to, stepping unit by unit and heading by heading,
the search dock and the links panel — driven by keys and clicks, read from what is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QListView
from pytestqt.qtbot import QtBot
from reading_helpers import (
    click_unit,
    marked_in_viewport,
    units_in_viewport,
    visible_rows,
    wait_ready,
)

from desktop.core.search import MARK_END, MARK_START
from desktop.ui.docks.links_model import LinksModel
from desktop.ui.docks.rows_model import UNIT_ROLE
from desktop.ui.docks.search_model import SearchModel
from desktop.ui.document_source import DocumentSource
from desktop.ui.main_window import MainWindow
from desktop.ui.reading.document_pane import DocumentPane
from desktop.ui.reading.document_view import DocumentView
from desktop.ui.reading.theme import found_colour

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _panes(window: MainWindow) -> tuple[DocumentPane, DocumentPane]:
    left, right = window.pane_area.panes()
    return left, right


def _titles(view: QListView) -> list[str]:
    model = view.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def _click_row(qtbot: QtBot, view: QListView, starts: str) -> None:
    titles = _titles(view)
    row = next(i for i, title in enumerate(titles) if title.startswith(starts))
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


# -- history ---------------------------------------------------------------------------------

def test_back_and_forward_return_to_earlier_places_with_the_panes_following(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards history: a jump in the left pane, then one in the right; Alt+Left goes back to
    UNGASS 1 (a) (the left pane leads again, the right shows 4 (a), "1 of 7"), Alt+Right
    forward again, and the mouse's back button goes back too."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    click_unit(qtbot, right.view, "poa2009/12(c)")
    assert right.sync_bar.status.text() == "Leading"
    assert left.sync_bar.status.text() == "1 of 5"  # 1 (a), (b), (c), (e), 5 (t) cite 12 (c)
    qtbot.keyClick(right.view, Qt.Key.Key_Left, ALT)
    assert left.view.current_unit() == "ungass2016/1(a)"
    assert left.sync_bar.status.text() == "Leading"
    assert "ungass2016/1(a)" in units_in_viewport(left.view)
    assert right.sync_bar.status.text() == "1 of 7"
    assert marked_in_viewport(right.view, active=True) == ["poa2009/4(a)"]
    assert QApplication.focusWidget() is left.view
    qtbot.keyClick(left.view, Qt.Key.Key_Right, ALT)
    assert right.sync_bar.status.text() == "Leading"
    assert right.view.current_unit() == "poa2009/12(c)"
    assert "poa2009/12(c)" in units_in_viewport(right.view)
    assert not window.forward_action.isEnabled()
    qtbot.mouseClick(right.view.viewport(), Qt.MouseButton.BackButton, pos=QPoint(50, 50))
    assert left.sync_bar.status.text() == "Leading"
    assert left.view.current_unit() == "ungass2016/1(a)"


# -- go to -----------------------------------------------------------------------------------

def test_go_to_opens_a_typed_citation_and_the_other_pane_follows(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards Go to: Ctrl+L, "PoA 41 (g)", Enter — the Plan of Action pane shows 41 (g) at
    its top and leads; the UNGASS pane shows 3 (h), which cites it."""
    window = open_window()
    left, right = _panes(window)
    qtbot.keyClick(left.view, Qt.Key.Key_L, CTRL)
    panel = window.go_to_panel
    assert panel.isVisible() and QApplication.focusWidget() is panel.field
    qtbot.keyClicks(panel.field, "PoA 41 (g)")
    assert panel.message.text() == "Enter goes to Plan of Action (2009), para. 41 (g)."
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert not panel.isVisible()
    assert units_in_viewport(right.view)[0] == "poa2009/41(g)"
    assert right.view.current_unit() == "poa2009/41(g)"
    assert QApplication.focusWidget() is right.view
    assert left.sync_bar.status.text() == "1 of 1"
    assert marked_in_viewport(left.view) == ["ungass2016/3(h)"]


def test_go_to_an_ambiguous_form_prefers_the_focused_instrument_and_lists_the_others(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards ambiguity: in the Plan of Action pane "OP 19" is its paragraph 19 first, with
    74/178 and the Political Declaration listed; Down and Enter picks another."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, right.view, "poa2009/2")
    qtbot.keyClick(right.view, Qt.Key.Key_L, CTRL)
    panel = window.go_to_panel
    qtbot.keyClicks(panel.field, "OP 19")
    assert _titles(panel.list)[:3] == [
        "PoA 19 — Plan of Action (2009), para. 19",
        "74/178 19 — A/RES/74/178, para. 19",
        "PD 19 — Political Declaration (2009), para. 19"]
    assert panel.message.text() == ("“OP 19” fits 3 instruments: Enter goes to Plan of Action "
                                    "(2009), para. 19; ↓ and Enter for another.")
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    wait_ready(qtbot, window)
    assert right.title() == "Political Declaration (2009)"
    assert units_in_viewport(right.view)[0] == "pd2009/19"
    assert left.title() == "UNGASS 2016 outcome document"  # the focused pane took it


def test_go_to_nonsense_says_so_and_keeps_the_text(open_window: Opener, qtbot: QtBot) -> None:
    """Guards bad input: Enter on "xyzzy" moves nothing and says what to type; a paragraph
    that does not exist is named; Escape closes the box and gives the pane the focus back."""
    window = open_window()
    left, right = _panes(window)
    before = (units_in_viewport(left.view), units_in_viewport(right.view))
    qtbot.keyClick(left.view, Qt.Key.Key_L, CTRL)
    panel = window.go_to_panel
    qtbot.keyClicks(panel.field, "xyzzy")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.isVisible() and panel.field.text() == "xyzzy"
    assert panel.message.text() == ("Could not read “xyzzy” as a citation; try “A/RES/74/178, "
                                    "para. 19” or “PoA 41 (g)”.")
    panel.field.clear()
    qtbot.keyClicks(panel.field, "PoA 999")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.message.text() == "Plan of Action (2009) has no para. 999."
    assert (units_in_viewport(left.view), units_in_viewport(right.view)) == before
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert QApplication.focusWidget() is left.view


def test_go_to_completes_short_citations(open_window: Opener, qtbot: QtBot) -> None:
    """Guards completion: "UNGASS 5 (" lists the subparagraphs of 5; Tab takes the chosen
    one into the box, Enter goes there."""
    window = open_window()
    left, _right = _panes(window)
    qtbot.keyClick(left.view, Qt.Key.Key_L, CTRL)
    panel = window.go_to_panel
    qtbot.keyClicks(panel.field, "ungass 5 (")
    titles = _titles(panel.list)
    assert titles[1].startswith("UNGASS 5 (a) — A/RES/S-30/1, annex, para. 5 (a)")
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.field, Qt.Key.Key_Tab)
    assert panel.field.text() == "UNGASS 5 (b)"
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert units_in_viewport(left.view)[0] == "ungass2016/5(b)"


# -- stepping --------------------------------------------------------------------------------

def test_keyboard_steps_unit_by_unit_and_heading_by_heading(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards keyboard navigation: Ctrl+Down makes the next unit current (the right pane
    follows it), Ctrl+Up the previous; Ctrl+Shift+Down goes to the next heading, which the
    table does not relate; Back after the steps returns to where they began."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    qtbot.keyClick(left.view, Qt.Key.Key_Down, CTRL)
    assert left.view.current_unit() == "ungass2016/1(b)"
    assert right.sync_bar.status.text() == "1 of 5"
    assert marked_in_viewport(right.view, active=True) == ["poa2009/4(a)"]
    qtbot.keyClick(left.view, Qt.Key.Key_Down, CTRL)
    qtbot.keyClick(left.view, Qt.Key.Key_Up, CTRL)
    assert left.view.current_unit() == "ungass2016/1(b)"
    qtbot.keyClick(left.view, Qt.Key.Key_Down, CTRL | SHIFT)
    assert left.view.current_unit() == "ungass2016/h:1.2"
    assert "ungass2016/h:1.2" in units_in_viewport(left.view)
    assert right.sync_bar.status.text() == "Not covered"
    assert right.sync_bar.detail.text() == ("UNGASS, chapter 1, section 2 is a heading: the "
                                            "concordance table relates paragraphs")
    assert marked_in_viewport(right.view) == []
    qtbot.keyClick(left.view, Qt.Key.Key_Up, CTRL | SHIFT)
    assert left.view.current_unit() == "ungass2016/h:1.1"
    qtbot.keyClick(left.view, Qt.Key.Key_Left, ALT)
    assert left.view.current_unit() == "ungass2016/1(a)"


# -- search ----------------------------------------------------------------------------------

def test_back_still_works_after_a_restart(open_window: Opener, qtbot: QtBot) -> None:
    """Guards history across a restart: two jumps, the window closed; a new window on the same
    data directory goes Back with Alt+Left to the first jump."""
    first = open_window()
    left, right = _panes(first)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    click_unit(qtbot, right.view, "poa2009/12(c)")
    first.close()

    second = open_window()
    left, right = _panes(second)
    assert second.back_action.isEnabled() and not second.forward_action.isEnabled()
    qtbot.keyClick(right.view, Qt.Key.Key_Left, ALT)
    assert left.view.current_unit() == "ungass2016/1(a)"
    assert "ungass2016/1(a)" in units_in_viewport(left.view)
    assert second.forward_action.isEnabled()


def test_search_dock_finds_as_you_type_and_opens_a_result_with_the_panes_following(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the search dock: Ctrl+F, typing "nalox" already lists the two paragraphs on
    naloxone with the word marked; a click opens UNGASS 1 (m) in the UNGASS pane, and the
    Plan of Action pane says the table gives it no counterpart."""
    window = open_window()
    left, right = _panes(window)
    qtbot.keyClick(left.view, Qt.Key.Key_F, CTRL)
    dock = window.search
    assert dock.isVisible() and QApplication.focusWidget() is dock.field
    with qtbot.waitSignal(dock.searched):
        qtbot.keyClicks(dock.field, "nalox")
    assert _titles(dock.results) == ["A/RES/S-30/1, annex, para. 1 (m)",
                                     "A/RES/74/178, para. 28"]
    assert dock.summary.text() == "2 results."
    snippet = dock.model.rows()[0].lines[0]
    assert f"{MARK_START}naloxone{MARK_END}" in snippet
    _click_row(qtbot, dock.results, "A/RES/S-30/1, annex, para. 1 (m)")
    assert units_in_viewport(left.view)[0] == "ungass2016/1(m)"
    assert left.sync_bar.status.text() == "Leading"
    assert right.sync_bar.status.text() == "No counterpart"


def _amber_pixels(view: DocumentView) -> int:
    """How many pixels of the viewport wear the found-words colour (a person sees them)."""
    colour = found_colour(view.palette()).name()
    image = view.viewport().grab().toImage()
    return sum(image.pixelColor(x, y).name() == colour
               for y in range(0, image.height(), 2) for x in range(0, image.width(), 2))


def test_a_search_result_opens_with_the_words_it_found_marked(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards finding the word in a long paragraph: "traffic" (a prefix as typed) opens
    Plan of Action 24 (a) with "trafficking" and "traffickers" marked in it, nowhere else;
    the marks go when the reader clicks another paragraph."""
    window = open_window()
    left, right = _panes(window)
    qtbot.keyClick(left.view, Qt.Key.Key_F, CTRL)
    dock = window.search
    with qtbot.waitSignal(dock.searched):
        qtbot.keyClicks(dock.field, "traffic")
    _click_row(qtbot, dock.results, "Plan of Action (2009), para. 24 (a)")
    wait_ready(qtbot, window)
    assert units_in_viewport(right.view)[:2] == ["poa2009/24", "poa2009/24(a)"]  # chapeau
    assert right.view.found() == ["trafficking", "traffickers"]
    assert _amber_pixels(right.view) > 0 and _amber_pixels(left.view) == 0
    click_unit(qtbot, right.view, "poa2009/24(b)")
    assert right.view.found() == [] and _amber_pixels(right.view) == 0


def test_search_filters_by_instrument_and_part(open_window: Opener, qtbot: QtBot) -> None:
    """Guards the filters: one instrument only, then the preamble only; a result of an
    instrument no pane shows opens in the focused pane, and the keyboard stays in the box."""
    window = open_window()
    left, right = _panes(window)
    qtbot.keyClick(left.view, Qt.Key.Key_F, CTRL)
    dock = window.search
    qtbot.keyClicks(dock.field, "naloxone")
    dock.instrument.setCurrentIndex(dock.instrument.findData("res74-178"))
    assert _titles(dock.results) == ["A/RES/74/178, para. 28"]
    dock.part.setCurrentIndex(dock.part.findData("preamble"))
    assert _titles(dock.results) == []
    assert dock.summary.text() == "Nothing found for “naloxone”."
    dock.part.setCurrentIndex(dock.part.findData("operative"))
    qtbot.keyClick(dock.field, Qt.Key.Key_Return)
    wait_ready(qtbot, window)
    assert left.title() == "GA resolution 74/178"
    assert units_in_viewport(left.view)[0] == "res74-178/28"
    assert QApplication.focusWidget() is dock.field  # ↓ and Enter open the next result
    # 74/178 para. 28 restates UNGASS 1 (m), which the table relates to no 2009 paragraph.
    assert right.sync_bar.detail.text() == ("the links relate 74/178 28 only to UNGASS 2016 "
                                            "outcome document")


# -- the links panel -------------------------------------------------------------------------

def test_links_panel_lists_every_corresponding_unit_and_jumps_there(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the links panel: after a click on UNGASS 1 (a) it lists its twelve units with
    citation, first words, kind and printed reference; the kind filter hides them; a click
    on a Plan of Action row shows that one in the right pane ("6 of 7"); a Political
    Declaration row switches the following pane to the Declaration."""
    window = open_window()
    left, right = _panes(window)
    click_unit(qtbot, left.view, "ungass2016/1(a)")
    links = window.links
    assert links.summary.text() == "UNGASS 1 (a): 12 corresponding units."
    titles = _titles(links.list)
    assert len(titles) == 13
    assert titles[0] == "GA resolution 74/178: not covered"  # it restates nothing of 1 (a)
    assert titles[1] == "Political Declaration (2009), para. 9"
    assert titles[6] == "Plan of Action (2009), para. 4 (a)"
    row = links.model.rows()[6]
    assert row.lines[0].startswith("(a) Develop, review and strengthen, as appropriate")
    assert row.note == "concordance table: “Action 4.a”, line 3"
    links.kind.setCurrentIndex(links.kind.findData("indirect"))
    assert _titles(links.list) == []
    assert links.summary.text() == "UNGASS 1 (a): 12 corresponding units. 0 shown."
    links.kind.setCurrentIndex(0)
    _click_row(qtbot, links.list, "Plan of Action (2009), para. 12 (c)")
    assert right.sync_bar.status.text() == "6 of 7"
    assert marked_in_viewport(right.view, active=True) == ["poa2009/12(c)"]
    assert left.sync_bar.status.text() == "Leading"
    _click_row(qtbot, links.list, "Political Declaration (2009), para. 20")
    wait_ready(qtbot, window)
    assert right.title() == "Political Declaration (2009)"
    assert right.sync_bar.status.text() == "3 of 5"
    assert marked_in_viewport(right.view, active=True) == ["pd2009/20"]


def test_links_panel_says_no_counterpart_and_shows_indirect_links(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the panel's other rows: "N/A" is a line of its own; a Political Declaration
    paragraph lists the UNGASS items that cite it and, as indirect, 74/178 and the Plan of
    Action."""
    window = open_window()
    left, _right = _panes(window)
    click_unit(qtbot, left.view, "ungass2016/1(j)")
    assert _titles(window.links.list) == ["GA resolution 74/178: not covered",
                                          "Political Declaration (2009): no counterpart",
                                          "Plan of Action (2009): no counterpart"]
    assert window.links.summary.text() == "UNGASS 1 (j): no corresponding unit."
    left.set_instrument("pd2009")
    wait_ready(qtbot, window)
    click_unit(qtbot, left.view, "pd2009/36(c)")
    rows = window.links.model.rows()
    assert [row.title for row in rows] == [
        "A/RES/S-30/1, annex, para. 3 (d)", "A/RES/74/178, para. 80",
        "Plan of Action (2009), para. 43 (c)", "Plan of Action (2009), para. 47 (i)"]
    # 74/178 para. 80 restates UNGASS 3 (d): agreed wording, followed through it.
    assert rows[1].note == ("indirect · through UNGASS 3 (d) · “Target 36.c”, line 86, "
                            "changed, score 0.99")
    assert rows[2].note == ("indirect · through UNGASS 3 (d) · table: “Target 36.c”, line 86, "
                            "“Action 43.c”, line 86")


def test_row_models_pass_the_model_checker(qtbot: QtBot, source: DocumentSource) -> None:
    """Guards DESIGN.md §5: the links and search models pass QAbstractItemModelTester while
    their rows change."""
    fatal = QAbstractItemModelTester.FailureReportingMode.Fatal
    links = LinksModel(source)
    QAbstractItemModelTester(links, fatal)
    links.set_unit("ungass2016/1(a)")
    links.set_kind("indirect")
    links.set_unit("pd2009/36")
    units = [links.index(row, 0).data(UNIT_ROLE) for row in range(links.rowCount())]
    assert any(unit.startswith("poa2009/") for unit in units)
    search = SearchModel(source)
    QAbstractItemModelTester(search, fatal)
    search.set_hits(source.search("drug", limit=30))
    search.set_hits([])


# -- shortcuts -------------------------------------------------------------------------------

def test_every_shortcut_is_unique(open_window: Opener) -> None:
    """Guards the keyboard: no two commands share a key (Ctrl+L is Go to, Ctrl+Shift+L the
    chapter filter)."""
    window = open_window()
    seen: dict[str, str] = {}
    for action in window.findChildren(type(window.back_action)):
        for key in action.shortcuts():
            name = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert name not in seen, f"{name}: {seen.get(name)} and {action.text()}"
            seen[name] = action.text()
    assert seen["Ctrl+L"] == "&Go to…" and seen["Ctrl+Shift+L"] == "&Find a chapter"
    assert seen["Alt+Left"] == "&Back" and seen["Ctrl+F"] == "&Search…"
    assert seen["Ctrl+K"] == "Lin&k or unlink this pane"


def test_search_filters_paragraphs_by_their_opening_verb(open_window: Opener,
                                                         qtbot: QtBot) -> None:
    """Guards "every paragraph that urges": choosing an opening in the search dock lists the
    paragraphs that open with it (with no words typed, all of them), and words narrow it."""
    window = open_window()
    qtbot.keyClick(window.pane_area.panes()[0].view, Qt.Key.Key_F, CTRL)
    dock = window.search
    urges = next(i for i in range(dock.opening.count())
                 if dock.opening.itemData(i) == "Urges")
    with qtbot.waitSignal(dock.searched):
        dock.opening.setCurrentIndex(urges)
    titles = _titles(dock.results)
    assert len(titles) >= 11 and all(t.startswith("A/RES/74/178, para.") for t in titles)
    assert "A/RES/74/178, para. 19" in titles
    with qtbot.waitSignal(dock.searched):
        qtbot.keyClicks(dock.field, "naloxone")
    assert _titles(dock.results) == []  # para. 28 on naloxone encourages, it does not urge
    also = next(i for i in range(dock.opening.count())
                if dock.opening.itemData(i) == "Also encourages")
    with qtbot.waitSignal(dock.searched):
        dock.opening.setCurrentIndex(also)
    assert _titles(dock.results) == ["A/RES/74/178, para. 28"]


def test_the_chapter_tree_shows_every_paragraph_that_urges(open_window: Opener,
                                                            qtbot: QtBot) -> None:
    """Guards "the chapter tree can filter by them": from the keyboard, the chapter filter,
    then its opening chooser; the tree keeps only the paragraphs that open with the verb, the
    chapters that lead to them opened; words typed narrow it; Enter opens the first."""
    window = open_window()
    dock = window.chapters
    qtbot.keyClick(window.pane_area.panes()[0].view, Qt.Key.Key_L,
                   CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert dock.filter.hasFocus()
    assert dock.opening.count() == 1  # the openings are read when first wanted
    qtbot.keyClick(dock.filter, Qt.Key.Key_Tab)
    assert dock.opening.hasFocus()
    urges = dock.opening.findData("Urges")
    assert urges > 0 and dock.opening.itemText(urges).startswith("Urges (")
    dock.opening.setCurrentIndex(urges)
    shown = [row.strip() for row in visible_rows(dock.tree)]
    paragraphs = [row for row in shown if row[:1].isdigit()]
    assert len(paragraphs) >= 11
    assert all(" Urges " in f" {row} " or "urges" in row.lower() for row in paragraphs)
    assert any(row.startswith("19. Urges") for row in paragraphs)
    assert "GA resolution 74/178" in shown and "UNGASS 2016 outcome document" not in shown
    qtbot.keyClicks(dock.filter, "prevention")
    narrowed = [row.strip() for row in visible_rows(dock.tree) if row.strip()[:1].isdigit()]
    assert 0 < len(narrowed) < len(paragraphs)
    qtbot.keyClick(dock.filter, Qt.Key.Key_Return)
    first = narrowed[0].split(".", 1)[0]
    wait_ready(qtbot, window)
    assert f"res74-178/{first}" in [p.view.current_unit() for p in window.pane_area.panes()]
    assert dock.choose_opening("")  # Any opening: the whole tree again
    assert "UNGASS 2016 outcome document" in [r.strip() for r in visible_rows(dock.tree)]
