"""Accessibility (issue 18): every control has a name a screen reader says, every menu entry
is reachable from the keyboard, and the marks and highlights meet WCAG AA contrast on the
light and the dark palette — measured, not assumed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.contrast import GRAPHIC_AA, TEXT_AA, over, ratio
from desktop.core.notes.model import DEFAULT_CATEGORIES
from desktop.ui.main_window import MainWindow
from desktop.ui.reading.palettes import DARK, LIGHT, palette_for
from desktop.ui.reading.theme import (
    UNCATEGORISED_COLOUR,
    current_unit_colour,
    found_colour,
    highlight_colour,
    mark_colour,
    note_mark_colour,
    target_colour,
)

Opener = Callable[..., MainWindow]
CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QTextEdit, QPlainTextEdit)
TARGET_TINT_ALPHA = 56  # the one shown now (document_view._paint_target), the stronger tint


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_every_control_in_view_has_an_accessible_name(open_window: Opener, qtbot: QtBot) -> None:
    window = open_window()
    window.annotations.show()
    window.search.show()
    window.open_go_to()
    qtbot.waitUntil(window.go_to_panel.isVisible)
    unnamed = [f"{type(widget).__name__} {widget.objectName()!r}"
               for kind in CONTROLS for widget in window.findChildren(kind)
               if widget.isVisible() and not _name(widget)]
    assert unnamed == []
    panes = window.pane_area.panes()
    assert _name(panes[0].view) == "Text of UNGASS 2016 outcome document"
    assert _name(window.chapters.filter) == "Filter chapters and paragraphs"


def test_every_menu_entry_has_a_keyboard_mnemonic_unique_in_its_menu(
        open_window: Opener) -> None:
    """Alt+letter opens a menu and a letter picks the entry (or the entry has its own key):
    the window works from the keyboard alone."""
    window = open_window()
    menus = [action.menu() for action in window.menuBar().actions()]
    bar = [action.text() for action in window.menuBar().actions()]
    assert all("&" in text for text in bar), bar
    for menu in menus:
        assert menu is not None
        letters: list[str] = []
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible() or action.menu() is not None:
                continue
            text = action.text()
            if "&" not in text:  # its key then (Ctrl+1 … Ctrl+9 for the categories)
                assert not action.shortcut().isEmpty(), f"{menu.title()} ▸ {text}: no key"
                continue
            letters.append(text[text.index("&") + 1].lower())
        duplicated = {letter for letter in letters if letters.count(letter) > 1}
        assert not duplicated, f"{menu.title()}: {sorted(duplicated)} used twice"


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_marks_and_highlights_meet_wcag_aa_contrast(theme: str) -> None:
    """Text under every tint (the current unit, corresponding units, a search's marks, each
    default category's highlight) stands 4.5:1; the repair mark (text) too; bars and note marks
    (graphics) 3:1 against the page."""
    palette = palette_for(theme)
    page = _rgb(palette.color(QPalette.ColorRole.Base))
    text = _rgb(palette.color(QPalette.ColorRole.Text))
    target = target_colour(palette)
    tints = {"current unit": current_unit_colour(palette), "search": found_colour(palette),
             "corresponding unit": QColor(target.red(), target.green(), target.blue(),
                                          TARGET_TINT_ALPHA)}
    for name, colour in (*DEFAULT_CATEGORIES, ("uncategorised", UNCATEGORISED_COLOUR)):
        tints[name] = highlight_colour(colour, palette)
    measured = {name: ratio(text, over(_rgb(tint), tint.alphaF(), page))
                for name, tint in tints.items()}
    assert all(value >= TEXT_AA for value in measured.values()), measured
    assert ratio(_rgb(mark_colour(palette)), page) >= TEXT_AA
    graphics = {"corresponding bar": target,
                "current bar": palette.color(QPalette.ColorRole.Highlight)}
    for name, colour in (*DEFAULT_CATEGORIES, ("uncategorised", UNCATEGORISED_COLOUR)):
        graphics[f"note mark {name}"] = note_mark_colour(colour, palette)
    measured = {name: ratio(_rgb(colour), page) for name, colour in graphics.items()}
    assert all(value >= GRAPHIC_AA for value in measured.values()), measured
