"""The text of one instrument in a pane: rendered HTML plus a map from units to the layout.

Every unit's block opens with an anchor named by the unit id (desktop.core.render.html); after
each load the view indexes those anchors, so it can tell which units are in the viewport, keep the
reading position (a unit, not pixels) across resizes and zoom, scroll to a unit and mark it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QPoint, QRectF, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from desktop.core.model import Unit
from desktop.ui.lazy_qt import Qt, fill_rect, fill_rects, made, set_enum

if TYPE_CHECKING:  # PySide6 makes a type when first named: these wait until they are used
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QMouseEvent, QWheelEvent

    from desktop.core.render.offsets import OffsetMap
    from desktop.ui.reading.annotation_marks import Highlight, NoteMark

# The gap left above a unit scrolled to the top, so its first line is not glued to the edge.
TOP_GAP = 6
# The least room left of and right of the text, as a page has margins; the left one holds
# the bars of the current and corresponding units and the mark of a unit with a note.
SIDE_GAP = 24
NOTE_MARK = 10  # the side of a note's mark in the margin, in pixels
NOTE_MARK_X = 9  # its left edge, clear of the bars
# The bars at the left edge: the current unit's, a corresponding unit's, the one shown now.
CURRENT_BAR, TARGET_BAR, ACTIVE_TARGET_BAR = 3, 3, 6
DASH = 5  # an indirect correspondence's bar is dashed, DASH pixels on and off


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    # A new colour, not QColor(colour): its overloads would try Qt's colours first.
    return QColor(colour.red(), colour.green(), colour.blue(), alpha)


class TargetMark(NamedTuple):
    """A corresponding unit marked in the view: from its first unit to its last (a paragraph
    cited as a whole takes its subparagraphs with it); indirect ones get a dashed bar."""

    first: str
    last: str
    indirect: bool = False


# Marks drawn as extra selections, bottom to top: one feature never clobbers another's.
# "brackets": the square brackets of a draft's text not yet agreed (reading/draft_marks.py).
LAYERS = ("brackets", "annotations", "search")


class DocumentView(QTextBrowser):
    current_changed = Signal(str)  # a unit was made current (clicked, or shown on request)
    selection_made = Signal()  # the reader finished selecting words with the mouse
    highlight_clicked = Signal(int)  # the reader clicked a highlighted word: the annotation
    note_mark_clicked = Signal(int)  # the reader clicked a note's mark: the annotation
    unit_chosen = Signal(str)  # the reader clicked in a unit (the pane's reader moved there)
    top_changed = Signal(str)  # the unit at the top of the viewport changed (reading position)
    zoom_requested = Signal(int)  # +1 / -1 from Ctrl+wheel

    def __init__(self, parent: QWidget | None = None,
                 unit_lookup: Callable[[str], Unit | None] = lambda _unit: None) -> None:
        super().__init__(parent)
        self._own_viewport()
        self._unit_lookup = unit_lookup  # a unit's label and text, for the offset maps
        self._maps: dict[str, tuple[list[int], OffsetMap]] = {}
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {name: [] for name in LAYERS}
        self._highlights: list[Highlight] = []
        self._highlight_ranges: list[tuple[int, int, int]] = []  # start, end, annotation
        self._highlight_cache: dict[tuple[object, ...],
                                    list[tuple[int, int, QTextEdit.ExtraSelection]]] = {}
        self._position: dict[str, int] = {}  # unit id -> its place in document order
        self._note_marks: list[NoteMark] = []
        self._mark_tops: dict[str, float] = {}  # unit -> its mark's top in the document
        self.setOpenLinks(False)
        # A word too long for a narrow column runs into the margin rather than being broken
        # in two ("comprehensiv" / "e"): the exact words are the point.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        set_enum(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
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

    def _own_viewport(self) -> None:
        """A viewport made here, set up as QTextBrowser sets up its own. Handing Qt's own
        viewport to Python the first time makes PySide6 look for its class among every
        widget class it knows, creating each one's Python type and enums: some 12 ms before
        the first paint."""
        viewport = QWidget(self)
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.Base)  # as QAbstractScrollArea does
        viewport.setAutoFillBackground(True)
        viewport.setMouseTracking(True)  # as QTextBrowser does: links answer the hover
        self.setViewport(viewport)
        # The text's layout measures with the viewport's device (QTextEdit's own set-up).
        self.document().documentLayout().setPaintDevice(viewport)

    # -- loading ---------------------------------------------------------------------------

    def load(self, html: str, units: Iterable[str], font: QFont, tab_stop: int,
             notes: dict[str, str], blocks: Sequence[str | None] | None = None,
             anchored: Callable[[], str] | None = None) -> None:
        """Show new HTML, keeping the reading position when the same units are still there.

        Each unit's block opens with an anchor named by the unit, or, with `blocks`, the HTML
        has none and `blocks` names the unit of each block (desktop.core.render.html.Rendered);
        should the document's blocks not be those, the HTML from `anchored` is shown instead."""
        keep = self.top_position()
        document = self.document()
        if document.defaultFont() != font:  # each change lays out what is there again
            document.setDefaultFont(font)
        option = document.defaultTextOption()  # a copy
        if option.tabStopDistance() != tab_stop:
            option.setTabStopDistance(tab_stop)
            document.setDefaultTextOption(option)
        self.setHtml(html)
        if blocks is not None and document.blockCount() != len(blocks):
            if anchored is not None:
                self.setHtml(anchored())
            blocks = None  # then found by their anchors, if any
        self._fit_column(self.viewport().width())
        self._notes = notes
        self._index(set(units), blocks)
        self._maps.clear()
        self._highlight_cache.clear()
        self._mark_tops.clear()
        self._position = {unit: i for i, unit in enumerate(self._order)}
        self._show_highlights()
        self._show_found()  # the old marks pointed into the document just replaced
        self._top = None
        if keep and keep[0] in self._block:
            self.scroll_to_unit(keep[0], keep[1])
        self._mark()
        self._scrolled()

    def _index(self, units: set[str], blocks: Sequence[str | None] | None) -> None:
        self._order.clear()
        self._block.clear()
        if blocks is not None:
            for number, name in enumerate(blocks):
                if name in units and name not in self._block:
                    self._order.append(name)
                    self._block[name] = number
            return
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
            fill_rect(painter, current, self._current_colour)
            fill_rect(painter, QRectF(current.left(), current.top(), CURRENT_BAR,
                                      current.height()), _with_alpha(self._current_colour, 255))
        for mark, rect in self.note_mark_rects():
            if rect.intersects(area):
                painter = painter or QPainter(self.viewport())
                self._paint_note_mark(painter, rect, mark.colour)
        if painter is not None:
            painter.end()
        super().paintEvent(event)
        if self._after_paint is not None:
            callback, self._after_paint = self._after_paint, None
            QTimer.singleShot(0, callback)

    def _paint_target(self, painter: QPainter, rect: QRectF, indirect: bool,
                      active: bool) -> None:
        fill_rect(painter, rect, _with_alpha(self._target_colour, 56 if active else 24))
        bar = _with_alpha(self._target_colour, 255)
        width = ACTIVE_TARGET_BAR if active else TARGET_BAR
        if not indirect:
            fill_rect(painter, QRectF(rect.left(), rect.top(), width, rect.height()), bar)
            return
        dashes = []
        y = rect.top()
        while y < rect.bottom():
            dashes.append(QRectF(rect.left(), y, width, min(DASH, rect.bottom() - y)))
            y += 2 * DASH
        fill_rects(painter, dashes, bar)

    @staticmethod
    def _paint_note_mark(painter: QPainter, rect: QRectF, colour: QColor) -> None:
        """A small folded page in the note's category colour."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 2, 2)
        lines = QColor(255, 255, 255, 230)
        for step in (0.3, 0.55, 0.8):
            y = rect.top() + rect.height() * step - 0.5
            painter.fillRect(QRectF(rect.left() + 2, y, rect.width() - 4, 1), lines)
        painter.restore()

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

    def block_unit(self, number: int) -> str | None:
        """The unit the document's block `number` holds (None: a role line, a note …)."""
        position = bisect_left(self._order, number, key=self._block.__getitem__)
        if position < len(self._order) and self._block[self._order[position]] == number:
            return self._order[position]
        return None

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
            self._mark_tops.clear()  # the text re-flows

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A new width re-flows the text: keep the same words at the top, not the same pixels.
        keep = self.top_position()
        scroll_bar = self.verticalScrollBar()
        bar = scroll_bar.width() if scroll_bar.isVisible() else 0
        self._fit_column(event.size().width() - 2 * self.frameWidth() - bar)
        self._mark_tops.clear()  # the text re-flows
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
        return [selection.cursor.selectedText() for selection in self._layers["search"]]

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
            from PySide6.QtCore import QRegularExpression
            from PySide6.QtGui import QTextCharFormat

            options = (QRegularExpression.PatternOption.CaseInsensitiveOption
                       | QRegularExpression.PatternOption.UseUnicodePropertiesOption)
            pattern = QRegularExpression(
                r"\b(?:" + "|".join(QRegularExpression.escape(w) for w in sorted(
                    words, key=len, reverse=True)) + r")\b",  # a phrase before its words
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
        self._set_layer("search", selections)

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace the marks of one layer (a feature's own: see LAYERS)."""
        self._set_layer(name, selections)

    def _set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._layers[name] = selections
        self.setExtraSelections([s for layer in LAYERS for s in self._layers[layer]])

    # -- a unit's text in the layout -------------------------------------------------------

    def _offset_map(self, unit_id: str) -> tuple[list[int], OffsetMap] | None:
        """The laid-out positions of the unit's words (its label, footnote calls and the
        edition's marks left out) and how its text maps onto them; None for a unit the view
        does not show."""
        found = self._maps.get(unit_id)
        if found is not None:
            return found
        unit = self._unit_lookup(unit_id)
        if unit is None or unit_id not in self._block:
            return None
        block = self.document().findBlockByNumber(self._block[unit_id])
        positions: list[int] = []
        chars: list[str] = []
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            format_ = fragment.charFormat()
            if not format_.anchorHref().startswith("fn:") and not format_.toolTip():
                text = fragment.text()
                positions.extend(range(fragment.position(), fragment.position() + len(text)))
                chars.append(text)
            fragments += 1
        laid_out = "".join(chars)
        skip = 0
        if unit.label and laid_out.startswith(unit.label):
            skip = len(unit.label)
        from desktop.core.render.offsets import align  # with the first highlight or selection

        mapping = align(laid_out[skip:], unit.text)
        found = self._maps[unit_id] = (positions[skip:], mapping)
        return found

    def text_range(self, unit_id: str, start: int, end: int) -> tuple[int, int] | None:
        """The document positions of text offsets start..end (exclusive) of a unit."""
        found = self._offset_map(unit_id)
        if found is None:
            return None
        positions, mapping = found
        if not positions:
            return None
        first = mapping.start(start)
        last = mapping.end(end)
        if last <= first:
            return None
        last = min(last, len(positions))
        return positions[min(first, last - 1)], positions[last - 1] + 1

    def _text_offset(self, unit_id: str, position: int) -> int:
        """The text offset of a unit at a document position (clamped into the unit)."""
        found = self._offset_map(unit_id)
        if found is None:
            return 0
        positions, mapping = found
        index = bisect_left(positions, position)  # the laid-out character at or after it
        return mapping.offset_at(index)

    def selection_span(self) -> tuple[str, int, str, int] | None:
        """The selection as (first unit, start offset, last unit, end offset) in the units'
        texts; None without a selection or when it touches no unit."""
        cursor = self.textCursor()
        units = self.selected_units()
        if not cursor.hasSelection() or not units:
            return None
        first, last = units[0], units[-1]
        start_block = self.document().findBlock(cursor.selectionStart()).blockNumber()
        end_block = self.document().findBlock(
            max(cursor.selectionStart(), cursor.selectionEnd() - 1)).blockNumber()
        start = (self._text_offset(first, cursor.selectionStart())
                 if self._block[first] == start_block else 0)
        unit = self._unit_lookup(last)
        if self._block[last] == end_block:
            end = self._text_offset(last, cursor.selectionEnd())
        else:
            end = len(unit.text) if unit else 0
        return first, start, last, end

    # -- annotations -------------------------------------------------------------------------

    def set_highlights(self, highlights: Iterable[Highlight]) -> None:
        """Paint these annotations' words in their colours (replacing those painted before)."""
        self._highlights = list(highlights)
        self._show_highlights()

    def highlights(self) -> list[Highlight]:
        return list(self._highlights)

    def _show_highlights(self) -> None:
        # Each highlight's selections are kept until the document is replaced: a change
        # broadcast redraws the pane, and only new or changed highlights are laid out again.
        selections: list[QTextEdit.ExtraSelection] = []
        ranges: list[tuple[int, int, int]] = []
        cache = self._highlight_cache
        kept: dict[tuple[object, ...], list[tuple[int, int, QTextEdit.ExtraSelection]]] = {}
        for highlight in self._highlights:
            key = (highlight.annotation, highlight.first, highlight.start, highlight.last,
                   highlight.end, highlight.colour.rgba())
            found = cache.get(key)
            if found is None:
                found = self._highlight_selections(highlight)
            kept[key] = found
            for start, end, selection in found:
                selections.append(selection)
                ranges.append((start, end, highlight.annotation))
        self._highlight_cache = kept
        self._highlight_ranges = ranges
        self._set_layer("annotations", selections)

    def _highlight_selections(
            self, highlight: Highlight) -> list[tuple[int, int, QTextEdit.ExtraSelection]]:
        """The stretches of the document a highlight covers, unit by unit."""
        first, last = self._position.get(highlight.first), self._position.get(highlight.last)
        if first is None or last is None:
            return []
        from PySide6.QtGui import QTextCharFormat

        mark = QTextCharFormat()
        mark.setBackground(highlight.colour)
        found = []
        for position in range(first, last + 1):
            unit_id = self._order[position]
            unit = self._unit_lookup(unit_id)
            if unit is None:
                continue
            start = highlight.start if position == first else 0
            end = highlight.end if position == last else len(unit.text)
            stretch = self.text_range(unit_id, start, end)
            if stretch is None:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(stretch[0])
            cursor.setPosition(stretch[1], QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = mark
            found.append((stretch[0], stretch[1], selection))
        return found

    def highlight_ranges(self) -> list[tuple[int, int, int]]:
        """(start, end, annotation) of every painted stretch, in document positions."""
        return list(self._highlight_ranges)

    def highlighted_text(self, annotation_id: int) -> list[str]:
        """The words painted for an annotation, as they stand in the pane, unit by unit."""
        document = self.document()
        found = []
        for start, end, annotation in self._highlight_ranges:
            if annotation == annotation_id:
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                found.append(cursor.selectedText())
        return found

    def highlight_at(self, point: QPoint) -> int | None:
        """The annotation whose words lie under a point of the viewport (the latest made)."""
        position = self.cursorForPosition(point).position()
        hits = [annotation for start, end, annotation in self._highlight_ranges
                if start <= position < end]
        return max(hits) if hits else None

    def set_note_marks(self, marks: Iterable[NoteMark]) -> None:
        self._note_marks = list(marks)
        self.viewport().update()

    def note_marks(self) -> list[NoteMark]:
        return list(self._note_marks)

    def note_mark_rects(self) -> list[tuple[NoteMark, QRectF]]:
        """Where each note's mark is painted, in viewport coordinates (beside its unit's
        first line; several notes on one unit share the place, the latest on top)."""
        found = []
        offset = self.verticalScrollBar().value()
        for mark in self._note_marks:
            top = self._mark_tops.get(mark.unit)
            if top is None:
                rect = self.unit_rect(mark.unit)
                if rect is None:
                    continue
                block = self.document().findBlockByNumber(self._block[mark.unit])
                line = block.layout().lineAt(0) if block.layout().lineCount() else None
                height = line.height() if line is not None else float(NOTE_MARK)
                top = self._mark_tops[mark.unit] = rect.top() + max(0.0, (height - NOTE_MARK) / 2)
            found.append((mark, QRectF(NOTE_MARK_X, top - offset, NOTE_MARK, NOTE_MARK)))
        return found

    def note_mark_at(self, point: QPoint) -> NoteMark | None:
        hits = [mark for mark, rect in self.note_mark_rects()
                if rect.adjusted(-3, -3, 3, 3).contains(point.toPointF())]
        return hits[-1] if hits else None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            from PySide6.QtGui import QHelpEvent
            from PySide6.QtWidgets import QToolTip

            assert isinstance(event, QHelpEvent)
            mark = self.note_mark_at(event.pos())
            if mark is not None:
                QToolTip.showText(event.globalPos(), mark.html, self.viewport())
                return True
        return super().viewportEvent(event)

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

    def mousePressEvent(self, event: QMouseEvent) -> None:
        mark = self.note_mark_at(event.position().toPoint())  # none in the first frames
        if mark is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.note_mark_clicked.emit(mark.annotation)
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            self.selection_made.emit()
            return
        point = event.position().toPoint()
        if not self.anchorAt(point):
            unit = self.unit_at(point)
            if unit:
                self.set_current(unit)
                self.unit_chosen.emit(unit)
            annotation = self.highlight_at(point)
            if annotation is not None:
                self.highlight_clicked.emit(annotation)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Ctrl+wheel zooms. Reading the keys held makes Qt's namespace (~20 ms): a scroll in
        # the first frames, before the window made it (desktop.ui.lazy_qt), just scrolls.
        if made() and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "fn":
            from PySide6.QtCore import QUrl  # named at the first click (start-up)

            note = self._notes.get(url.path(QUrl.ComponentFormattingOption.FullyDecoded))
            if note:
                # A click keeps the note up (a hover shows it too, through the call's title).
                from PySide6.QtGui import QCursor
                from PySide6.QtWidgets import QToolTip

                where = (QCursor.pos() if self.viewport().underMouse()
                         else self.viewport().mapToGlobal(self.cursorRect().bottomLeft()))
                QToolTip.showText(where, note, self)

    def _scrolled(self, _value: int = 0) -> None:
        top = self.top_unit()
        if top and top != self._top:
            self._top = top
            self.top_changed.emit(top)
