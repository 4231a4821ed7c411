"""Printing the focused pane, or the units selected in it, through Qt's print dialog.

The pages are painted one by one (QTextDocument.print_ has no running heads): the
instrument's name and the citation of the unit at the top of the page in a running head,
"Page n of N" at the foot; the page range chosen in the dialog is honoured.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPainter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.document_pane import DocumentPane

DialogFactory = Callable[[QPrinter, QWidget], QPrintDialog]
HEAD_MM, FOOT_MM = 9.0, 8.0  # the bands of the running head and the page number


def print_pane(pane: DocumentPane, parent: QWidget,
               make_dialog: DialogFactory | None = None) -> bool:
    """Ask where and what to print; print the whole instrument, the selection's units, or the
    pages chosen in the dialog. Returns whether anything was printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pane.title())
    dialog = (make_dialog or QPrintDialog)(printer, parent)
    dialog.setWindowTitle(parent.tr("Print {title}").format(title=pane.title()))
    has_selection = bool(pane.view.selected_units())
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, has_selection)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if has_selection:
        printer.setPrintRange(QPrinter.PrintRange.Selection)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    selection = printer.printRange() == QPrinter.PrintRange.Selection
    paint_pages(pane.print_document(selection_only=selection), printer, pane.title(),
                pane.running_head, parent.tr("Page %1 of %2"))
    return True


def paint_pages(document: QTextDocument, printer: QPrinter, title: str,
                head: Callable[[str], str], page_words: str = "Page %1 of %2") -> int:
    """Lay `document` out on the printer's pages and paint them with running heads; `head`
    names a unit (by its anchor) for the head. Returns the number of pages painted."""
    resolution = printer.resolution()
    page = printer.pageLayout().paintRectPixels(resolution)
    per_mm = resolution / 25.4
    top_band, foot_band = HEAD_MM * per_mm, FOOT_MM * per_mm
    # The document is laid out at the screen's resolution, as the pane's indents (in pixels)
    # mean it, and painted scaled up to the printer's, as QTextDocument.print_ does.
    screen = QGuiApplication.primaryScreen()
    scale = resolution / (screen.logicalDotsPerInchY() if screen else 96.0)
    body = QSizeF(page.width() / scale, (page.height() - top_band - foot_band) / scale)
    document.setPageSize(body)
    tops, heads = _unit_tops(document, head)
    pages = document.pageCount()
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), pages) if printer.toPage() else pages
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    small = QFont("DejaVu Sans", 8)
    try:
        for number in range(first, last + 1):
            if number > first:
                printer.newPage()
            top = (number - 1) * body.height()
            painter.setFont(small)
            painter.setPen(QColor("#444444"))
            band = QRectF(0, 0, page.width(), top_band * 0.7)
            painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             title)
            painter.drawText(band, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             _head_at(tops, heads, top, top + body.height()))
            painter.drawLine(0, int(top_band * 0.75), int(page.width()), int(top_band * 0.75))
            painter.drawText(QRectF(0, page.height() - foot_band * 0.8, page.width(),
                                    foot_band * 0.8),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             page_words.replace("%1", str(number)).replace("%2", str(pages)))
            painter.save()
            painter.translate(0, top_band)
            painter.scale(scale, scale)
            painter.translate(0, -top)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, top, body.width(), body.height())
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    return last - first + 1


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
