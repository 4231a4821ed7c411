"""The agreed-language status of an imported draft, paragraph by paragraph, in its pane.

Each analysed paragraph (preambular, operative, subparagraph) gets a mark in the right margin:
agreed (a filled disc), changed (a disc with a white bar: reworded), partly agreed (a half
disc) or new (a ring), each in its colour; a hover names the status and the source, a click
asks for the source and the redline (`mark_clicked`). The words of the draft in square
brackets — not yet agreed — are tinted in a layer of their own ("brackets").

The status comes from the draft's `restates` links, which the import stores as the corpus
build stores its own (desktop.core.drafts.analysis): the same links the panes synchronise
through. Marks live in a strip widget over the view's right margin, so the view's own layers
(current unit, corresponding units, notes, highlights, search) are untouched.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from desktop.core.agreed import ALIGNED_KINDS, CHANGED, PARTIAL, SAME
from desktop.ui.document_source import DocumentSource
from desktop.ui.reading.document_pane import DocumentPane
from desktop.ui.reading.document_view import DocumentView

AGREED, CHANGED_STATUS, PARTLY, NEW = "agreed", "changed", "partly agreed", "new"
STATUS_OF = {SAME: AGREED, CHANGED: CHANGED_STATUS, PARTIAL: PARTLY}
COLOURS = {AGREED: "#2e7d32", CHANGED_STATUS: "#c77700", PARTLY: "#1f6fb2", NEW: "#b3261e"}
BRACKET_TINT = QColor(255, 196, 0, 70)
MARK = 10  # the diameter of a mark, in pixels
STRIP = 20  # the strip's width at the right edge (the view keeps a wider margin)
_ORDER = {SAME: 0, CHANGED: 1, PARTIAL: 2}


@dataclass(frozen=True)
class StatusMark:
    unit: str
    status: str
    source: str | None  # the best source unit, None for new wording
    tip: str


def status_marks(source: DocumentSource, instrument_id: str,
                 names: dict[str, str]) -> list[StatusMark]:
    """The marks of a draft's paragraphs, from its restates links (best relation first)."""
    marks = []
    for unit in source.units(instrument_id):
        if unit.kind not in ALIGNED_KINDS:
            continue
        links = sorted((link for link in source.links(unit.id)
                        if link.kind == "restates" and link.source == unit.id and link.target),
                       key=lambda link: (_ORDER.get(link.relation or "", 3),
                                         -(link.score or 0.0)))
        if not links:
            marks.append(StatusMark(unit.id, NEW, None, names[NEW]))
            continue
        best = links[0]
        status = STATUS_OF.get(best.relation or "", PARTLY)
        assert best.target is not None
        listed = []
        for link in links[:3]:
            assert link.target is not None
            name = names[STATUS_OF.get(link.relation or "", PARTLY)]
            listed.append(f"{html.escape(source.citation(link.target))} ({name}, "
                          f"{link.score or 0:.2f})")
        sources = "<br>".join(listed)
        marks.append(StatusMark(unit.id, status, best.target,
                                f"<b>{names[status]}</b><br>{sources}"))
    return marks


class StatusStrip(QWidget):
    """The marks, painted over the view's right margin beside each paragraph's first line."""

    clicked = Signal(str)  # the draft unit whose mark was clicked

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("draftStatusStrip")
        self._view = view
        self._marks: list[StatusMark] = []
        view.viewport().installEventFilter(self)
        # The view scrolls its viewport's children with the text: the strip is put back.
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._fit()

    def set_marks(self, marks: list[StatusMark]) -> None:
        self._marks = marks
        self._fit()
        self.show()
        self.update()

    def marks(self) -> list[StatusMark]:
        return list(self._marks)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _scrolled(self, _value: int) -> None:
        self._fit()
        self.update()

    def _fit(self) -> None:
        viewport = self._view.viewport()
        self.setGeometry(viewport.width() - STRIP, 0, STRIP, viewport.height())

    def mark_rects(self) -> list[tuple[StatusMark, QRectF]]:
        """Each mark's place, in this strip's coordinates."""
        offset = self._view.verticalScrollBar().value()
        found = []
        for mark in self._marks:
            rect = self._view.unit_rect(mark.unit)
            if rect is None:
                continue
            top = rect.top() - offset + 4
            if -MARK <= top <= self.height():
                found.append((mark, QRectF((STRIP - MARK) / 2, top, MARK, MARK)))
        return found

    def mark_at(self, point: QPoint) -> StatusMark | None:
        for mark, rect in self.mark_rects():
            if rect.adjusted(-3, -3, 3, 3).contains(QPointF(point)):
                return mark
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for mark, rect in self.mark_rects():
            if rect.intersects(QRectF(event.rect())):
                _paint(painter, rect, mark.status)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        mark = self.mark_at(event.position().toPoint())
        if mark is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.clicked.emit(mark.unit)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the margin is the strip's: a release here picks no unit of the view

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            mark = self.mark_at(event.pos())
            if mark is not None:
                QToolTip.showText(event.globalPos(), mark.tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _paint(painter: QPainter, rect: QRectF, status: str) -> None:
    colour = QColor(COLOURS[status])
    painter.save()
    painter.setPen(QPen(colour, 1.6))
    if status == NEW:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
    elif status == PARTLY:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
        painter.setBrush(QBrush(colour))
        painter.drawPie(rect.adjusted(1, 1, -1, -1), 90 * 16, 180 * 16)
    else:
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(rect)
        if status == CHANGED_STATUS:
            painter.fillRect(QRectF(rect.left() + 2, rect.center().y() - 1, rect.width() - 4,
                                    2), QColor("white"))
    painter.restore()


def bracket_spans(text: str) -> list[tuple[int, int]]:
    """The bracketed passages of a unit's text, brackets included (an unclosed one runs to
    the end of the text)."""
    spans, start = [], None
    for index, char in enumerate(text):
        if char == "[" and start is None:
            start = index
        elif char == "]" and start is not None:
            spans.append((start, index + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


class DraftMarks(QObject):
    """Keeps every pane showing an imported draft marked; other panes are left alone."""

    mark_clicked = Signal(str, object)  # the draft unit, its best source unit (or None)

    def __init__(self, source: DocumentSource, panes: object, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._source = source
        self._panes = panes
        self._strips: dict[int, StatusStrip] = {}
        self._watched: set[int] = set()
        self._names = {AGREED: self.tr("Agreed language"), CHANGED_STATUS: self.tr("Changed"),
                       PARTLY: self.tr("Partly agreed"), NEW: self.tr("New wording")}

    def panes_changed(self) -> None:
        for pane in self._panes():  # type: ignore[operator]
            if id(pane) not in self._watched:
                self._watched.add(id(pane))
                pane.loaded.connect(lambda pane=pane: self.refresh(pane))
                pane.instrument_changed.connect(self.refresh)
            self.refresh(pane)

    def refresh_all(self) -> None:
        for pane in self._panes():  # type: ignore[operator]
            self.refresh(pane)

    def strip(self, pane: DocumentPane) -> StatusStrip | None:
        return self._strips.get(id(pane))

    def refresh(self, pane: DocumentPane) -> None:
        instrument = pane.instrument_id()
        strip = self._strips.get(id(pane))
        if instrument not in self._source.imported():
            if strip is not None:
                strip.set_marks([])
                strip.hide()
            pane.view.set_layer("brackets", [])
            return
        if strip is None:
            strip = self._strips[id(pane)] = StatusStrip(pane.view)
            strip.clicked.connect(lambda unit, strip=strip: self._clicked(strip, unit))
        strip.set_marks(status_marks(self._source, instrument, self._names))
        pane.view.set_layer("brackets", self._brackets(pane.view, instrument))

    def _clicked(self, strip: StatusStrip, unit: str) -> None:
        mark = next((m for m in strip.marks() if m.unit == unit), None)
        if mark is not None:
            self.mark_clicked.emit(unit, mark.source)

    def _brackets(self, view: DocumentView, instrument: str) -> list[QTextEdit.ExtraSelection]:
        selections = []
        for unit in self._source.units(instrument):
            if "[" not in unit.text and "]" not in unit.text:
                continue
            for start, end in bracket_spans(unit.text):
                found = view.text_range(unit.id, start, end)
                if found is None:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = view.textCursor()
                cursor.setPosition(found[0])
                cursor.setPosition(found[1], cursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format.setBackground(BRACKET_TINT)
                selection.format.setToolTip(self.tr("In square brackets: not yet agreed"))
                selections.append(selection)
        return selections
