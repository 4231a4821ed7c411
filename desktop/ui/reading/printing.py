"""Printing the focused pane, or the units selected in it, through Qt's print dialog.

The pages are painted one by one (QTextDocument.print_ has no running heads): the
instrument's name and the citation of the unit at the top of the page in a running head,
"Page n of N" at the foot; the page range chosen in the dialog is honoured.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.reading.document_pane import DocumentPane

DialogFactory = Callable[[QPrinter, QWidget], QPrintDialog]


def print_pane(pane: DocumentPane, parent: QWidget,
               make_dialog: DialogFactory | None = None) -> bool:
    """Ask where and what to print; print the whole instrument, the selection's units, or the
    pages chosen in the dialog. Returns whether anything was printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pane.title())
    dialog = (make_dialog or QPrintDialog)(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Print {title}").format(
        title=pane.title()))
    has_selection = bool(pane.view.selected_units())
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, has_selection)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if has_selection:
        printer.setPrintRange(QPrinter.PrintRange.Selection)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    selection = printer.printRange() == QPrinter.PrintRange.Selection
    paint_pages(pane.print_document(selection_only=selection), printer, pane.title(),
                pane.running_head, QCoreApplication.translate("MainWindow", "Page %1 of %2"))
    return True


def paint_pages(document: QTextDocument, printer: QPrinter, title: str,
                head: Callable[[str], str], page_words: str = "Page %1 of %2") -> int:
    """Lay `document` out on the printer's pages and paint the range chosen, with running
    heads (`head` names a unit, by its anchor) and page numbers."""
    from desktop.paged import paint_pages as paint

    # Laid out at the screen's resolution, as the pane's indents (in pixels) mean it, and
    # painted scaled up to the printer's, as QTextDocument.print_ does.
    screen = QGuiApplication.primaryScreen()
    scale = printer.resolution() / (screen.logicalDotsPerInchY() if screen else 96.0)
    tops, heads = _unit_tops(document, head)
    try:
        return paint(document, printer, lambda top, bottom: _head_at(tops, heads, top, bottom),
                     title=title, page_words=page_words, scale=scale,
                     first=max(printer.fromPage(), 1), last=printer.toPage())
    except OSError:
        return 0


def _unit_tops(document: QTextDocument,
               head: Callable[[str], str]) -> tuple[list[float], list[str]]:
    """The top of each unit's block and its running head, in document order."""
    layout = document.documentLayout()
    tops: list[float] = []
    heads: list[str] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        if not fragments.atEnd():
            for name in fragments.fragment().charFormat().anchorNames():
                said = head(name) if "/fn" not in name else ""
                if said and said != name:
                    tops.append(layout.blockBoundingRect(block).top())
                    heads.append(said)
                    break
        block = block.next()
    return tops, heads


def _head_at(tops: list[float], heads: list[str], top: float, bottom: float) -> str:
    """The unit running at the page's top, else the first one starting on the page."""
    at = bisect.bisect_right(tops, top + 1)
    if at:
        return heads[at - 1]
    return heads[0] if heads and tops[0] < bottom else ""
