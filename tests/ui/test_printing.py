"""Printing the focused pane, or the units selected in it (Ctrl+P), without a real dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.corpus import Corpus
from desktop.ui.main_window import MainWindow
from desktop.ui.reading.document_pane import DocumentPane

Opener = Callable[..., MainWindow]
Option = QAbstractPrintDialog.PrintDialogOption


class StandInDialog:
    """Qt's print dialog as a test sees it: it records what it offered and "prints to PDF"."""

    last: StandInDialog | None = None
    target: Path = Path()
    choose_selection = False

    def __init__(self, printer: QPrinter, parent: QWidget) -> None:
        self.printer = printer
        self.options: dict[Option, bool] = {}
        self.title = ""
        StandInDialog.last = self

    def setWindowTitle(self, title: str) -> None:
        self.title = title

    def setOption(self, option: Option, on: bool = True) -> None:
        self.options[option] = on

    def exec(self) -> int:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(StandInDialog.target))
        if not StandInDialog.choose_selection:
            self.printer.setPrintRange(QPrinter.PrintRange.AllPages)
        return int(QDialog.DialogCode.Accepted)


def _select_unit(qtbot: QtBot, pane: DocumentPane, unit: str) -> None:
    """Triple-click a unit, as a person selects a paragraph."""
    pane.show_unit(unit)
    rect = pane.view.unit_rect(unit)
    assert rect is not None
    point = QPoint(200, int(rect.top()) - pane.view.verticalScrollBar().value() + 8)
    qtbot.mouseDClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_printing_a_pane_prints_the_whole_instrument_with_its_notes(
        open_window: Opener, corpus: Corpus) -> None:
    """Guards what Ctrl+P prints without a selection: the instrument from title to last
    paragraph, labels and footnotes included, in print colours."""
    window = open_window()
    right = window.pane_area.panes()[1]
    document = right.print_document()
    text = document.toPlainText()
    assert text.startswith("Plan of Action\nPart I. Demand reduction and related measures\n")
    last = corpus.unit("poa2009/64(h)")
    assert last is not None and f"(h)\t{last.text}" in text
    assert "\nNotes\n17\tSee General Assembly resolutions S-20/2 and S-20/3." in text
    assert document.defaultFont().pointSizeF() == 11.0  # not the screen's zoom


def test_printing_a_selection_prints_only_the_selected_units(
        open_window: Opener, qtbot: QtBot, corpus: Corpus) -> None:
    """Guards printing a range: the units the selection touches, whole, under the
    instrument's name, with the notes they call."""
    window = open_window()
    right = window.pane_area.panes()[1]
    _select_unit(qtbot, right, "poa2009/1")
    text = right.print_document(selection_only=True).toPlainText()
    unit = corpus.unit("poa2009/1")
    assert unit is not None
    call = unit.text.index("in 1998") + len("in 1998")  # where the print has its call mark
    assert text.split("\n") == [
        "Plan of Action", "Problem", f"1.\t{unit.text[:call]}17{unit.text[call:]}", "", "Notes",
        "17\tSee General Assembly resolutions S-20/2 and S-20/3."]


def test_ctrl_p_offers_the_selection_and_prints_through_the_dialog(
        open_window: Opener, qtbot: QtBot, tmp_path: Path) -> None:
    """Guards the Ctrl+P path: the print dialog offers "selection" when text is selected,
    and what it accepts is printed (here to a PDF file)."""
    window = open_window()
    window.make_print_dialog = StandInDialog
    right = window.pane_area.panes()[1]
    _select_unit(qtbot, right, "poa2009/4(a)")
    StandInDialog.target = tmp_path / "selection.pdf"
    StandInDialog.choose_selection = True
    qtbot.keyClick(right.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = StandInDialog.last
    assert dialog is not None
    assert dialog.options[Option.PrintSelection] is True
    assert dialog.title == "Print Plan of Action (2009)"
    assert dialog.printer.printRange() == QPrinter.PrintRange.Selection
    pdf = StandInDialog.target.read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000

    left = window.pane_area.panes()[0]
    qtbot.mouseClick(left.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    StandInDialog.target = tmp_path / "whole.pdf"
    StandInDialog.choose_selection = False
    qtbot.keyClick(left.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert StandInDialog.last is not dialog
    assert StandInDialog.last.options[Option.PrintSelection] is False
    assert StandInDialog.target.stat().st_size > len(pdf)  # the whole of UNGASS 2016


def test_a_print_carries_highlights_notes_and_running_heads(
        open_window: Opener, qtbot: QtBot, tmp_path: Path, _private_data_dir: Path) -> None:
    """Guards the brief-ready print: the pane's highlights in their colours, a numbered call
    after an annotation with a note and the note listed at the end, no ✎ repair marks, and
    on every page the instrument and the citation of the unit at the top, and the page
    number."""
    from annotating_helpers import drag_select
    from pypdf import PdfReader

    from desktop.core.notes.database import store_path
    from desktop.core.notes.store import AnnotationStore

    window = open_window()
    right = window.pane_area.panes()[1]
    drag_select(qtbot, right.view, "poa2009/2(a)", "balanced and mutually reinforcing")
    qtbot.keyClick(right.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    with AnnotationStore.open(store_path(_private_data_dir)) as store:
        (annotation,) = store.list()
        store.update(annotation.id, note="Hold the *balance*")
    qtbot.waitUntil(lambda: bool(right.view.note_marks()), timeout=3000)
    document = right.print_document()
    text = document.toPlainText()
    assert "balanced and mutually reinforcing[1] approach" in text
    assert text.endswith(
        "Annotations\n[1] Plan of Action (2009), para. 2 (a)\nRed line\nHold the balance")
    assert "\u270e" not in text  # poa2009/2(b) carries one on screen
    found = document.find("balanced and mutually")
    tint = found.charFormat().background().color()
    assert tint.name() == right.view.highlights()[0].colour.name()

    window.make_print_dialog = StandInDialog
    StandInDialog.target = tmp_path / "whole.pdf"
    StandInDialog.choose_selection = False
    qtbot.keyClick(right.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    pages = PdfReader(str(StandInDialog.target)).pages
    assert len(pages) > 10
    first, later = (" ".join(pages[n].extract_text().split()) for n in (0, 5))
    assert "Plan of Action (2009)" in first and f"Page 1 of {len(pages)}" in first
    assert f"Page 6 of {len(pages)}" in later and "Plan of Action (2009), para." in later
