"""A window that reads well at 1366 × 768 with four panes (issue 18): short names, running
heads by chapter numbers and short titles, sync bars shortened by whole parts and words —
nothing cut mid-word."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from reading_helpers import click_unit, units_in_viewport, wait_ready

from desktop.core.corpus import Corpus
from desktop.core.notes.database import store_path
from desktop.core.notes.service import NotesService
from desktop.ui.document_source import DocumentSource
from desktop.ui.hub import AnnotationHub
from desktop.ui.main_window import MainWindow
from desktop.ui.window_settings import WindowSettings, open_settings

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


def _four_panes(open_window: Opener, qtbot: QtBot) -> MainWindow:
    window = open_window()
    window.add_pane()
    window.add_pane()
    wait_ready(qtbot, window)
    return window


def _whole_words(shown: str, whole: str) -> bool:
    """`shown` is `whole`, or a beginning of it that ends on a word (then "…")."""
    if shown == whole:
        return True
    cut = shown.removesuffix("…")
    return shown.endswith("…") and whole.startswith(cut) and not re.match(
        r"\w", whole[len(cut):]) is not None


def test_four_panes_name_their_instruments_short_and_keep_words_whole(
        open_window: Opener, qtbot: QtBot) -> None:
    window = _four_panes(open_window, qtbot)
    window.open_unit("ungass2016/1(a)")
    panes = window.pane_area.panes()
    assert [pane.header.chooser.shown_text() for pane in panes] == [
        "UNGASS 2016", "74/178", "PD 2009", "PoA 2009"]
    assert panes[0].title() == "UNGASS 2016 outcome document"  # the chooser keeps it whole
    ungass = panes[0].header.location
    assert ungass.shown_text() in ("1. Demand reduction › Prevention of drug abuse",
                                   "1 › Prevention of drug abuse")
    for pane in panes:
        head = pane.header.location
        assert any(_whole_words(head.shown_text(), form) for form in head._forms) or \
            not head.text(), head.shown_text()  # 74/178's masthead has no chapter
        detail = pane.sync_bar.detail
        assert any(_whole_words(detail.shown_text(), form) for form in detail._forms) or \
            not detail.text(), detail.shown_text()
        metrics = detail.fontMetrics()
        assert metrics.horizontalAdvance(detail.shown_text()) <= detail.width()
    poa = panes[3].sync_bar
    assert poa.detail.text() == "PoA 4 (a) · for UNGASS 1 (a) · table: “Action 4.a”"
    assert poa.detail.shown_text() in ("PoA 4 (a) · for UNGASS 1 (a)", "PoA 4 (a)")


def test_two_panes_show_whole_titles_and_the_running_head_beside_them(
        open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    window.open_unit("poa2009/13")
    left, right = window.pane_area.panes()
    assert left.header.chooser.shown_text() == "UNGASS 2016 outcome document"
    assert right.header.chooser.shown_text() == "Plan of Action (2009)"
    assert not right.header.running_head_below()
    assert right.header.location.shown_text() in (
        "Part I. Demand reduction › A. Reducing drug abuse › 7. Targeting vulnerable groups",
        "Part I › A › 7. Targeting vulnerable groups and conditions",
        "Part I › A › 7. Targeting vulnerable groups")


def test_go_to_lands_below_the_chapeau_and_heading(open_window: Opener, qtbot: QtBot) -> None:
    """Go to "UNGASS 1 (a)": the heading "Prevention of drug abuse" (and, room allowing, the
    chapeau "1. We reiterate …") is in view above (a), which is current — not "(a)" alone at
    the top with its context out of view. A sync jump does the same in the following pane."""
    window = open_window()
    left, right = window.pane_area.panes()
    panel = window.go_to_panel
    window.open_go_to()
    qtbot.keyClicks(panel.field, "UNGASS 1 (a)")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    seen = units_in_viewport(left.view)
    assert seen.index("ungass2016/h:1.1") < seen.index("ungass2016/1(a)")
    assert seen[0] in ("ungass2016/h:1", "ungass2016/1", "ungass2016/h:1.1")
    assert left.view.current_unit() == "ungass2016/1(a)"
    # The Plan of Action pane followed to 4 (a), its chapeau "4. Member States should:" above.
    assert units_in_viewport(right.view)[:2] == ["poa2009/4", "poa2009/4(a)"]


def test_open_at_start_lands_below_the_chapeau_too(
        source: DocumentSource, corpus: Corpus, tmp_path: Path, qtbot: QtBot) -> None:
    """`concordia --open "UNGASS 1 (a)"` asks for the unit before the window is shown, when
    the panes have no size yet: the heading and chapeau still come into view above it once
    the window is shown, in the leading pane and in the pane that follows."""
    service = NotesService(store_path(tmp_path), corpus)
    window = MainWindow(source, WindowSettings(open_settings(tmp_path)), AnnotationHub(service))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.open_unit("ungass2016/1(a)")  # as run_app does for --open, before show()
    window.show()
    qtbot.waitExposed(window)
    wait_ready(qtbot, window)
    left, right = window.pane_area.panes()
    seen = units_in_viewport(left.view)
    assert seen.index("ungass2016/h:1.1") < seen.index("ungass2016/1(a)")
    assert left.view.current_unit() == "ungass2016/1(a)"
    assert units_in_viewport(right.view)[:2] == ["poa2009/4", "poa2009/4(a)"]
    window.hub.stop_watching()
    service.close()


def test_zooming_shows_the_level_and_keeps_the_current_unit_in_view(
        open_window: Opener, qtbot: QtBot) -> None:
    """The reader works on a paragraph low in the pane and zooms in three steps: the
    paragraph stays on screen (not pushed below by the larger text), the status bar says
    "Zoom 150 %"; a click on it goes back to 100 %."""
    window = open_window()
    right = window.pane_area.panes()[1]
    right.show_unit("poa2009/4(c)")
    lower = units_in_viewport(right.view)[-2]
    click_unit(qtbot, right.view, lower, scroll=False)
    assert right.current_unit() == lower
    assert window.zoom_indicator.text() == "Zoom 100 %"
    for _ in range(3):
        qtbot.keyClick(right.view, Qt.Key.Key_Plus, CTRL)
    assert window.zoom_level() == 150
    assert window.zoom_indicator.text() == "Zoom 150 %"
    assert lower in units_in_viewport(right.view)
    qtbot.mouseClick(window.zoom_indicator, Qt.MouseButton.LeftButton)
    assert window.zoom_level() == 100 and window.zoom_indicator.text() == "Zoom 100 %"
    assert lower in units_in_viewport(right.view)


def test_the_chapter_tree_can_be_widened_and_keeps_its_width(
        open_window: Opener, qtbot: QtBot) -> None:
    """The reader drags the tree wider; the next start has it as wide (the window state alone
    brought it back scaled to the window's size before it was shown)."""
    first = open_window()
    first.resize(780, 560)  # inside the offscreen platform's 800 x 600 screen
    qtbot.waitUntil(lambda: first.width() == 780)
    first.resizeDocks([first.chapters], [380], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(first.chapters.width() - 380) <= 4)
    width = first.chapters.width()
    first.close()
    second = open_window()
    assert second.width() == 780
    qtbot.waitUntil(lambda: abs(second.chapters.width() - width) <= 2, timeout=2000)


def test_the_chooser_asks_the_room_its_style_gives_a_title(qtbot: QtBot) -> None:
    """The chooser reads the style's margins off Qt's own size hint (naming QStyle before
    the first paint costs ~6 ms); what it asks for is what the style itself answers, in the
    styles shipped with Qt, and what it paints is the text it has room for."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QComboBox, QStyle, QStyleFactory, QStyleOptionComboBox

    from desktop.ui.reading.pane_header import ABBREVIATION_ROLE, InstrumentChooser

    title = "Plan of Action (2009)"
    for name in ("Fusion", "Windows"):
        style = QStyleFactory.create(name)
        assert style is not None, name
        chooser = InstrumentChooser()
        qtbot.addWidget(chooser)
        chooser.setStyle(style)
        chooser.addItem(title, "poa2009")
        chooser.setItemData(0, "PoA 2009", ABBREVIATION_ROLE)
        for text in ("M", "MMMMM", title):
            option = QStyleOptionComboBox()
            chooser.initStyleOption(option)
            height = QComboBox.sizeHint(chooser).height()
            contents = QSize(chooser.fontMetrics().horizontalAdvance(text), height)
            assert chooser._wanted(text) == style.sizeFromContents(
                QStyle.ContentsType.CT_ComboBox, option, contents, chooser), (name, text)
        whole = chooser.whole_width()
        for width, shown in ((whole, title), (whole - 1, "PoA 2009")):
            chooser.resize(width, chooser.sizeHint().height())
            option = QStyleOptionComboBox()
            chooser.initStyleOption(option)  # what Qt paints
            assert option.currentText == shown, (name, width)
            assert chooser.currentText() == title  # what screen readers read
