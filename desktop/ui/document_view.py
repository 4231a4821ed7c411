"""The text of one instrument in a pane: rendered HTML plus a map from units to the layout.

Every unit's block opens with an anchor named by the unit id (desktop.core.render.html); after
each load the view indexes those anchors, so it can tell which units are in the viewport, keep the
reading position (a unit, not pixels) across resizes and zoom, scroll to a unit and mark it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF, QRegularExpression, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

# The gap left above a unit scrolled to the top, so its first line is not glued to the edge.
TOP_GAP = 6
# The least room left of and right of the text, as a page has margins.
SIDE_GAP = 14
# The bars at the left edge: the current unit's, a corresponding unit's, the one shown now.
CURRENT_BAR, TARGET_BAR, ACTIVE_TARGET_BAR = 3, 3, 6
DASH = 5  # an indirect correspondence's bar is dashed, DASH pixels on and off


@dataclass(frozen=True)
class TargetMark:
    """A corresponding unit marked in the view: from its first unit to its last (a paragraph
    cited as a whole takes its subparagraphs with it); indirect ones get a dashed bar."""

    first: str
    last: str
    indirect: bool = False


class DocumentView(QTextBrowser):
    current_changed = Signal(str)  # a unit was made current (clicked, or shown on request)
    unit_chosen = Signal(str)  # the reader clicked in a unit (the pane's reader moved there)
    top_changed = Signal(str)  # the unit at the top of the viewport changed (reading position)
    zoom_requested = Signal(int)  # +1 / -1 from Ctrl+wheel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(False)
        self.anchorClicked.connect(self._anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._order: list[str] = []  # unit ids in document order
        self._block: dict[str, int] = {}  # unit id -> block number
        self._current: str | None = None
        self._current_colour = QColor(0, 0, 0, 0)
        self._targets: list[TargetMark] = []
        self._active_target = -1
        self._target_colour = QColor(0, 0, 0, 0)
        self._top: str | None = None
        self._notes: dict[str, str] = {}  # footnote id -> its text, shown on click
        self._after_paint: Callable[[], None] | None = None
        self._found: tuple[str | None, tuple[str, ...]] = (None, ())  # a unit, words in it
        self._found_colour = QColor(0, 0, 0, 0)
        self._column = 0  # the widest the text may run (0: the viewport's width)

    # -- loading ---------------------------------------------------------------------------

    def load(self, html: str, units: Iterable[str], font: QFont, tab_stop: int,
             notes: dict[str, str]) -> None:
        """Show new HTML, keeping the reading position when the same units are still there."""
        keep = self.top_position()
        document = self.document()
        document.setDefaultFont(font)
        option = QTextOption(document.defaultTextOption())
        option.setTabStopDistance(tab_stop)
        document.setDefaultTextOption(option)
        self.setHtml(html)
        self._fit_column(self.viewport().width())
        self._notes = notes
        self._index(set(units))
        self._show_found()  # the old marks pointed into the document just replaced
        self._top = None
        if keep and keep[0] in self._block:
            self.scroll_to_unit(keep[0], keep[1])
        self._mark()
        self._scrolled()

    def _index(self, units: set[str]) -> None:
        self._order.clear()
        self._block.clear()
        block = self.document().begin()
        while block.isValid():
            fragments = block.begin()
            if not fragments.atEnd():
                for name in fragments.fragment().charFormat().anchorNames():
                    if name in units and name not in self._block:
                        self._order.append(name)
                        self._block[name] = block.blockNumber()
            block = block.next()

    def after_next_paint(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the viewport has been painted (then, not during the paint)."""
        self._after_paint = callback
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Marks are painted under the text: the corresponding units (a light tint and a bar
        # at the left edge, stronger for the one shown now), then the current unit (a tint
        # and a bar in the selection colour).
        area = QRectF(event.rect())
        painter: QPainter | None = None
        for position, (rect, mark) in enumerate(self.target_rects()):
            if rect.intersects(area):
                painter = painter or QPainter(self.viewport())
                self._paint_target(painter, rect, mark.indirect,
                                   position == self._active_target)
        current = self.current_rect()
        if current is not None and current.intersects(area):
            painter = painter or QPainter(self.viewport())
            painter.fillRect(current, self._current_colour)
            bar = QColor(self._current_colour)
            bar.setAlpha(255)
            painter.fillRect(QRectF(current.left(), current.top(), CURRENT_BAR,
                                    current.height()), bar)
        if painter is not None:
            painter.end()
        super().paintEvent(event)
        if self._after_paint is not None:
            callback, self._after_paint = self._after_paint, None
            QTimer.singleShot(0, callback)

    def _paint_target(self, painter: QPainter, rect: QRectF, indirect: bool,
                      active: bool) -> None:
        tint = QColor(self._target_colour)
        tint.setAlpha(56 if active else 24)
        painter.fillRect(rect, tint)
        bar = QColor(self._target_colour)
        bar.setAlpha(255)
        width = ACTIVE_TARGET_BAR if active else TARGET_BAR
        if not indirect:
            painter.fillRect(QRectF(rect.left(), rect.top(), width, rect.height()), bar)
            return
        y = rect.top()
        while y < rect.bottom():
            painter.fillRect(QRectF(rect.left(), y, width, min(DASH, rect.bottom() - y)), bar)
            y += 2 * DASH

    # -- geometry --------------------------------------------------------------------------

    def unit_ids(self) -> list[str]:
        return list(self._order)

    def unit_rect(self, unit_id: str) -> QRectF | None:
        """Where a unit lies in document coordinates."""
        number = self._block.get(unit_id)
        if number is None:
            return None
        block = self.document().findBlockByNumber(number)
        return self.document().documentLayout().blockBoundingRect(block)

    def _rect_at(self, position: int) -> QRectF:
        rect = self.unit_rect(self._order[position])
        assert rect is not None
        return rect

    def _first_below(self, y: float) -> int:
        """Index (in document order) of the first unit whose bottom lies below y.

        Galloping from the top, then halving: asking for a block's rectangle lays the text out
        down to it, so a search near the top leaves the rest of a long text for later.
        """
        count = len(self._order)
        high = 1
        while high < count and self._rect_at(high - 1).bottom() <= y:
            high *= 2
        low, high = high // 2, min(high, count)
        while low < high:
            middle = (low + high) // 2
            if self._rect_at(middle).bottom() <= y:
                low = middle + 1
            else:
                high = middle
        return low

    def top_unit(self) -> str | None:
        """The unit at the top edge of the viewport (the reading position)."""
        position = self.top_position()
        return position[0] if position else None

    def top_position(self) -> tuple[str, float] | None:
        """The top unit and how far into it (0..1 of its height) the viewport starts."""
        if not self._order:
            return None
        y = self.verticalScrollBar().value() + TOP_GAP
        position = min(self._first_below(y), len(self._order) - 1)
        rect = self._rect_at(position)
        into = (y - rect.top()) / rect.height() if rect.height() > 0 else 0.0
        return self._order[position], max(0.0, min(1.0, into))

    def visible_units(self) -> list[str]:
        """The units at least partly inside the viewport, in document order."""
        if not self._order:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        found = []
        for position in range(self._first_below(top), len(self._order)):
            rect = self._rect_at(position)
            if rect.top() >= bottom:
                break
            found.append(self._order[position])
        return found

    def unit_at(self, point: QPoint) -> str | None:
        """The unit under a point of the viewport."""
        if not self._order:
            return None
        y = point.y() + self.verticalScrollBar().value()
        position = self._first_below(y)
        if position < len(self._order) and self._rect_at(position).top() <= y:
            return self._order[position]
        return None

    def scroll_to_unit(self, unit_id: str, into: float = 0.0) -> bool:
        rect = self.unit_rect(unit_id)
        if rect is None:
            return False
        self.verticalScrollBar().setValue(int(rect.top() + into * rect.height()) - TOP_GAP)
        return True

    def is_unit_visible(self, unit_id: str) -> bool:
        """Whether the whole of the unit (or as much as fits) is inside the viewport."""
        rect = self.unit_rect(unit_id)
        if rect is None:
            return False
        top = self.verticalScrollBar().value()
        height = self.viewport().height()
        inside = top <= rect.top() and rect.bottom() <= top + height
        tall_at_top = rect.height() > height and top <= rect.top() <= top + 2 * TOP_GAP
        return inside or tall_at_top

    def bring_into_view(self, unit_id: str, context: str | None = None) -> bool:
        """Scroll only if the unit is not already in view; then put it at the top, or its
        `context` (the paragraph that introduces it) when both fit on the screen together."""
        rect = self.unit_rect(unit_id)
        if rect is None:
            return False
        if self.is_unit_visible(unit_id):
            return True
        above = self.unit_rect(context) if context else None
        if above is not None and rect.bottom() - above.top() <= self.viewport().height() * 0.6:
            return self.scroll_to_unit(context or unit_id)
        return self.scroll_to_unit(unit_id)

    def set_column(self, width: int) -> None:
        """Limit the text to a column this wide, centred in wider panes."""
        self._column = width
        self._fit_column(self.viewport().width())

    def _fit_column(self, viewport_width: int) -> None:
        side = max(SIDE_GAP, (viewport_width - self._column) // 2 if self._column else 0)
        frame = self.document().rootFrame()
        layout = frame.frameFormat()
        if layout.leftMargin() != side or layout.rightMargin() != side:
            layout.setLeftMargin(side)
            layout.setRightMargin(side)
            frame.setFrameFormat(layout)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A new width re-flows the text: keep the same words at the top, not the same pixels.
        keep = self.top_position()
        scroll_bar = self.verticalScrollBar()
        bar = scroll_bar.width() if scroll_bar.isVisible() else 0
        self._fit_column(event.size().width() - 2 * self.frameWidth() - bar)
        super().resizeEvent(event)
        if keep:
            self.scroll_to_unit(*keep)

    # -- the current unit ------------------------------------------------------------------

    def current_unit(self) -> str | None:
        return self._current

    def set_current(self, unit_id: str | None) -> None:
        if unit_id is not None and unit_id not in self._block:
            return
        changed = unit_id != self._current
        self._current = unit_id
        if changed and self._found[0] is not None and unit_id != self._found[0]:
            self.set_found(None)  # the reader moved on from the search result
        self._mark()
        if changed and unit_id:
            self.current_changed.emit(unit_id)

    def set_current_colour(self, colour: QColor) -> None:
        self._current_colour = colour
        self.viewport().update()

    def current_rect(self) -> QRectF | None:
        """Where the current unit's mark is painted, in viewport coordinates (None: no mark)."""
        rect = self.unit_rect(self._current) if self._current else None
        if rect is None:
            return None
        top = rect.top() - self.verticalScrollBar().value()
        return QRectF(0, top, self.viewport().width(), rect.height())

    def _mark(self) -> None:
        self.viewport().update()

    # -- words a search found --------------------------------------------------------------

    def set_found(self, unit_id: str | None, words: Iterable[str] = ()) -> None:
        """Mark these words (whole words, any case) wherever they stand in the unit: what a
        search result found there. None clears the marks."""
        self._found = (unit_id, tuple(words)) if unit_id else (None, ())
        self._show_found()

    def found(self) -> list[str]:
        """The marked words as they stand in the text, in document order."""
        return [selection.cursor.selectedText() for selection in self.extraSelections()]

    def set_found_colour(self, colour: QColor) -> None:
        self._found_colour = colour
        self._show_found()

    def _span(self, unit_id: str) -> tuple[int, int]:
        """Where a unit's text lies in the document: its block (a Problem or Action line
        after it, or a footnote, is not part of it)."""
        block = self.document().findBlockByNumber(self._block[unit_id])
        return block.position(), block.position() + block.length() - 1

    def _show_found(self) -> None:
        unit_id, words = self._found
        selections: list[QTextEdit.ExtraSelection] = []
        if unit_id in self._block and words:
            document = self.document()
            start, end = self._span(unit_id)
            options = (QRegularExpression.PatternOption.CaseInsensitiveOption
                       | QRegularExpression.PatternOption.UseUnicodePropertiesOption)
            pattern = QRegularExpression(
                r"\b(?:" + "|".join(QRegularExpression.escape(w) for w in words) + r")\b",
                options)
            mark = QTextCharFormat()
            mark.setBackground(self._found_colour)
            cursor = document.find(pattern, start)
            while not cursor.isNull() and cursor.selectionEnd() <= end:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = mark
                selections.append(selection)
                cursor = document.find(pattern, cursor.selectionEnd())
        self.setExtraSelections(selections)

    # -- corresponding units ---------------------------------------------------------------

    def set_targets(self, marks: list[TargetMark], active: int = -1) -> None:
        """Mark these corresponding units (replacing any marked before); `active` is the one
        shown now."""
        self._targets = list(marks)
        self._active_target = active
        self.viewport().update()

    def targets(self) -> list[TargetMark]:
        return list(self._targets)

    def set_target_colour(self, colour: QColor) -> None:
        self._target_colour = colour
        self.viewport().update()

    def target_rects(self) -> list[tuple[QRectF, TargetMark]]:
        """Where each marked unit is painted, in viewport coordinates (skipping any whose
        units are not in the view)."""
        found = []
        offset = self.verticalScrollBar().value()
        width = self.viewport().width()
        for mark in self._targets:
            first, last = self.unit_rect(mark.first), self.unit_rect(mark.last)
            if first is None or last is None:
                continue
            found.append((QRectF(0, first.top() - offset, width,
                                 last.bottom() - first.top()), mark))
        return found

    def selected_units(self) -> list[str]:
        """The units the selection touches, in document order ([] without a selection)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return []
        document = self.document()
        first = document.findBlock(cursor.selectionStart()).blockNumber()
        # A selection ending at the very start of a block (after a triple click) stops before it.
        last = document.findBlock(max(cursor.selectionStart(),
                                      cursor.selectionEnd() - 1)).blockNumber()
        return [unit for unit in self._order if first <= self._block[unit] <= last]

    def excerpt(self) -> tuple[str, list[str]]:
        """What a brief quotes: the selected text (or, with none, the current unit whole) as
        plain text — footnote calls left out, a label and its text one space apart — and the
        units it comes from."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            units = self.selected_units()
        elif self._current in self._block:
            start, end = self._span(self._current)
            units = [self._current]
        else:
            return "", []
        lines = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            pieces = []
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                format_ = fragment.charFormat()
                # Footnote calls and the repair and sic marks (which carry a tooltip) are the
                # edition's apparatus, not the instrument's words.
                if not format_.anchorHref().startswith("fn:") and not format_.toolTip():
                    first = max(start, fragment.position()) - fragment.position()
                    last = min(end, fragment.position() + fragment.length()) - fragment.position()
                    pieces.append(fragment.text()[max(first, 0):max(last, 0)])
                fragments += 1
            lines.append(" ".join("".join(pieces).replace("\t", " ").split()))
            block = block.next()
        return "\n".join(line for line in lines if line), units

    # -- interaction -----------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if (event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection()
                and not self.anchorAt(event.position().toPoint())):
            unit = self.unit_at(event.position().toPoint())
            if unit:
                self.set_current(unit)
                self.unit_chosen.emit(unit)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "fn":
            note = self._notes.get(url.path(QUrl.ComponentFormattingOption.FullyDecoded))
            if note:
                # A click keeps the note up (a hover shows it too, through the call's title).
                where = (QCursor.pos() if self.viewport().underMouse()
                         else self.viewport().mapToGlobal(self.cursorRect().bottomLeft()))
                QToolTip.showText(where, note, self)

    def _scrolled(self, _value: int = 0) -> None:
        top = self.top_unit()
        if top and top != self._top:
            self._top = top
            self.top_changed.emit(top)
