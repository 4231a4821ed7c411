"""A laid-out QTextDocument painted page by page on a PDF writer or a printer, with a running
head and "Page n of N" — what QTextDocument.print_ cannot do. The PDF brief and the window's
print share it. Outside desktop/core/: it needs Qt."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QTextDocument,
)

HEAD_MM, FOOT_MM = 9.0, 8.0  # the bands of the running head and the page number
Head = Callable[[float, float], str]  # (top, bottom) of a page in the document -> its head


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, head: Head, *,
                title: str = "", page_words: str = "Page %1 of %2", scale: float = 1.0,
                first: int = 1, last: int = 0) -> int:
    """Lay `document` out on `device`'s pages and paint pages `first` to `last` (0: to the
    end): `title` at the left of the running head (if any), the page's `head` beside it,
    the page number at the foot. `scale`: device pixels per layout pixel (the layout stays
    at the resolution its lengths were written for). Returns the number of pages painted;
    raises OSError when painting cannot start."""
    resolution = device.resolution()
    page = device.pageLayout().paintRectPixels(resolution)
    per_mm = resolution / 25.4
    top_band, foot_band = HEAD_MM * per_mm, FOOT_MM * per_mm
    body = QSizeF(page.width() / scale, (page.height() - top_band - foot_band) / scale)
    document.setPageSize(body)
    pages = document.pageCount()
    last = min(last, pages) if last else pages
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("Qt could not start painting the pages")
    small = QFont("DejaVu Sans", 8)
    try:
        for number in range(first, last + 1):
            if number > first:
                device.newPage()
            top = (number - 1) * body.height()
            running = head(top, top + body.height())
            painter.setFont(small)
            painter.setPen(QColor("#444444"))
            band = QRectF(0, 0, page.width(), top_band * 0.7)
            middle = Qt.AlignmentFlag.AlignVCenter
            if title:
                painter.drawText(band, Qt.AlignmentFlag.AlignLeft | middle, title)
                painter.drawText(band, Qt.AlignmentFlag.AlignRight | middle, running)
            else:
                painter.drawText(band, Qt.AlignmentFlag.AlignLeft | middle, running)
            painter.drawLine(0, int(top_band * 0.75), int(page.width()), int(top_band * 0.75))
            painter.drawText(QRectF(0, page.height() - foot_band * 0.8, page.width(),
                                    foot_band * 0.8), Qt.AlignmentFlag.AlignRight | middle,
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
    return max(0, last - first + 1)
