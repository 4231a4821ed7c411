"""Help and the first run (issue 18): the keyboard shortcuts sheet made from the window's own
commands, the user guide read offline from the shipped docs, and the first-run page beside
the panes — driven with the keys a person uses."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reading_helpers import units_in_viewport

from desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog, shortcuts
from desktop.ui.dialogs.user_guide import UserGuide
from desktop.ui.docks.first_run import offer_first_run, open_first_run
from desktop.ui.main_window import MainWindow

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
DOCS = Path(__file__).resolve().parents[2] / "docs"


def _sheet(window: MainWindow, qtbot: QtBot) -> ShortcutsDialog:
    qtbot.keyClick(window.pane_area.focused_pane().view, Qt.Key.Key_Slash, CTRL)
    sheet = window.findChild(ShortcutsDialog)
    assert sheet is not None
    qtbot.waitExposed(sheet)
    return sheet


def test_ctrl_slash_opens_a_searchable_sheet_of_every_command_and_its_keys(
        open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    sheet = _sheet(window, qtbot)
    rows = sheet.rows()
    assert ("Go to…", "Ctrl+L", "Go") in rows
    assert ("Next corresponding unit", "F8", "Go") in rows
    assert ("Add a pane", "Ctrl+T", "Panes") in rows
    assert ("Keyboard shortcuts", "Ctrl+/", "Help") in rows
    assert ("Where was this agreed?", "Ctrl+Shift+A", "Edit") in rows
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sheet.filter)
    qtbot.keyClicks(sheet.filter, "note")
    assert ("Add or edit note", "Ctrl+N", "Annotate") in sheet.rows()
    assert all("note" in " ".join(row).casefold() for row in sheet.rows())
    assert sheet.count.text() == f"{len(sheet.rows())} of {len(rows)} commands"
    sheet.filter.clear()
    qtbot.keyClicks(sheet.filter, "ctrl+shift+k")
    assert sheet.rows() == [("Links", "Ctrl+Shift+K", "View")]


def test_the_sheet_follows_the_commands_it_cannot_drift(
        open_window: Opener, qtbot: QtBot) -> None:
    """A command given another key, or a new one, shows as it is the next time."""
    window = open_window()
    window.add_action.setShortcut("Ctrl+Alt+T")
    extra = QAction("&Compare drafts", window)
    extra.setShortcut("Ctrl+Alt+D")
    window.menuBar().actions()[0].menu().addAction(extra)
    rows = _sheet(window, qtbot).rows()
    assert ("Add a pane", "Ctrl+Alt+T", "Panes") in rows
    assert ("Compare drafts", "Ctrl+Alt+D", "File") in rows


def test_f1_opens_the_user_guide_offline_with_its_pages_pictures_and_links(
        open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    qtbot.keyClick(window.pane_area.focused_pane().view, Qt.Key.Key_F1)
    guide = window.findChild(UserGuide)
    assert guide is not None
    qtbot.waitExposed(guide)
    assert guide.page_names()[:2] == ["guide.md", "README.md"]  # the delegate's guide first
    assert "guide.fr.md" not in guide.page_names()
    assert {"window.md", "notes.md", "agreed.md", "export.md"} <= set(guide.page_names())
    assert guide.browser.toPlainText().startswith("Using Concordia: a delegate's guide")
    assert "Ctrl+Shift+A" in guide.browser.toPlainText()
    guide.contents.setCurrentRow(1)
    assert guide.browser.toPlainText().startswith("Concordia")
    assert "Quick start" in guide.browser.toPlainText()
    image = guide.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                              QUrl("screenshots/sync-jump.png"))
    assert image is not None and not image.isNull()  # the screenshot shows
    guide.browser.anchorClicked.emit(QUrl("window.md"))  # a link, as a click on it sends
    assert guide.current_page() == "window.md"
    assert guide.browser.toPlainText().startswith("The reading window")
    guide.browser.anchorClicked.emit(QUrl("https://www.unodc.org/"))
    assert guide.current_page() == "window.md"  # never opened: the app is offline
    assert "https://www.unodc.org/" in guide.note.text()
    guide.contents.setFocus()
    qtbot.keyClick(guide.contents, Qt.Key.Key_Home)
    assert guide.current_page() == "guide.md"


# Keys the guide names that are not menu commands: the panel's copy, the categories a reader adds.
NOT_COMMANDS = {"Ctrl+C", "Ctrl+7", "Ctrl+8", "Ctrl+9"}
KEY = re.compile(r"(?<![\w+])(?:(?:Ctrl|Shift|Alt)\+)+(?:F\d+|Left|Right|Tab|[A-Z0-9/,])(?![\w+])"
                 r"|(?<![\w+])F\d+\b")
FRENCH_KEYS = {"Maj": "Shift", "Gauche": "Left", "Droite": "Right"}


def test_every_key_the_guide_names_is_the_command_s_key(open_window: Opener) -> None:
    """The delegate's guide, in English and in French, cannot drift from the keys: each key
    it names is one a command of the window has (as the shortcut sheet lists them)."""
    window = open_window()
    bound = {key for row in shortcuts(window) for key in row.keys.split(", ") if key}
    for name in ("guide.md", "guide.fr.md"):
        text = (DOCS / name).read_text(encoding="utf-8")
        for french, english in FRENCH_KEYS.items():
            text = re.sub(rf"\b{french}\b", english, text)
        named = set(KEY.findall(text))
        assert len(named) > 20, name
        assert named - bound - NOT_COMMANDS == set(), name


def test_the_guide_opens_in_the_interface_s_language(tmp_path: Path, qtbot: QtBot) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text("# Concordia\n")
    (tmp_path / "docs" / "guide.md").write_text("# Using Concordia\n")
    (tmp_path / "docs" / "guide.fr.md").write_text("# Utiliser Concordia\n")
    (tmp_path / "docs" / "w.md").write_text("# The window\n")
    french = UserGuide(root=tmp_path, language="fr")
    qtbot.addWidget(french)
    assert french.page_names() == ["guide.fr.md", "README.md", "w.md"]
    assert french.browser.toPlainText() == "Utiliser Concordia"
    german = UserGuide(root=tmp_path, language="de")  # no German guide: the English one
    qtbot.addWidget(german)
    assert german.page_names() == ["guide.md", "README.md", "w.md"]


def test_the_guide_is_the_shipped_docs(tmp_path: Path, qtbot: QtBot) -> None:
    """Pages are read from where the application is installed (the bundle has docs/)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text("# Concordia\n\nSee [the window](docs/w.md).\n")
    (tmp_path / "docs" / "w.md").write_text("# The window\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    guide = UserGuide(root=tmp_path)
    qtbot.addWidget(guide)
    assert guide.page_names() == ["README.md", "w.md"]
    guide.browser.anchorClicked.emit(QUrl("w.md"))
    assert guide.browser.document().toHtml().count("<td") >= 2  # a Markdown table, rendered


def test_the_first_run_page_opens_beside_the_panes_and_comes_back_from_help(
        open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    assert window.first_start
    assert offer_first_run(window, None, screenshot=False)
    qtbot.waitUntil(window.first_run.isVisible)
    page = window.first_run.text()
    for line in ("Read side by side", "Follow a correspondence", "Highlight in a category",
                 "Find where a wording was agreed", "Export a brief"):
        assert line in page
    for key in ("Ctrl+T", "F8", "Ctrl+1", "Ctrl+9", "Ctrl+N", "Ctrl+Shift+A", "Ctrl+E"):
        assert key in page, key
    panes = window.pane_area.panes()
    assert len(panes) == 2 and all(units_in_viewport(pane.view) for pane in panes)
    assert window.first_run.geometry().left() >= window.pane_area.geometry().right()
    qtbot.mouseClick(window.first_run.done, Qt.MouseButton.LeftButton)
    assert not window.first_run.isVisible()
    help_menu = window.menuBar().actions()[-1].menu()
    entries = [action.text() for action in help_menu.actions() if not action.isSeparator()]
    assert entries == ["&User guide", "&Keyboard shortcuts", "&Getting started",
                       "&About Concordia"]
    next(a for a in help_menu.actions() if a.text() == "&Getting started").trigger()
    assert window.first_run.isVisible()


def test_the_first_run_page_stays_shut_with_open_a_screenshot_or_a_second_start(
        open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    assert not offer_first_run(window, "ungass2016/1(a)", screenshot=False)
    assert not offer_first_run(window, None, screenshot=True)
    open_first_run(window, window.first_run)
    qtbot.mouseClick(window.first_run.done, Qt.MouseButton.LeftButton)
    window.close()
    again = open_window()
    assert not again.first_start
    assert not offer_first_run(again, None, screenshot=False)
    assert not again.first_run.isVisible()
