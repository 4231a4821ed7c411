"""A document pane: a header (instrument chooser, running head, buttons), the sync bar, and the
document view.

The pane takes part in synchronisation (desktop.ui.reading.sync_controller) through `lead`, `follow`
and `clear_sync`; it never starts a sync itself except when its reader clicks in it
(`unit_chosen`), so a pane moved by the sync cannot echo the move back.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from desktop.core.model import Unit
from desktop.core.render.heads import running_heads
from desktop.core.render.html import RenderStyle, escape
from desktop.core.render.lead_in import lead_in
from desktop.core.render.outline import OPERATIVE_GROUP, PREAMBLE_GROUP, OutlineNode
from desktop.ui.document_source import DocumentSource
from desktop.ui.lazy_qt import set_enum
from desktop.ui.reading.document_view import DocumentView, TargetMark
from desktop.ui.reading.pane_header import PaneHeader
from desktop.ui.reading.sync_bar import SyncBar
from desktop.ui.reading.theme import (
    DEFAULT_ZOOM,
    READING_POINT_SIZE,
    current_unit_colour,
    found_colour,
    reading_column,
    reading_font,
    render_style,
    target_colour,
)
from desktop.ui.startup import in_turn

if TYPE_CHECKING:  # the links' model loads when the pane first follows another
    from desktop.core.correspondence import Correspondence

COPY_WITH_CITATION_KEY = "Ctrl+Shift+C"  # the window's Edit menu has the action
LEAD_IN_SHARE = 0.6  # of the pane's height the lead-in and the unit's first lines may take


class DocumentPane(QFrame):
    close_requested = Signal(object)  # the pane
    move_requested = Signal(object, int)  # the pane, -1 / +1
    instrument_changed = Signal(object)  # the pane
    loaded = Signal()  # the whole instrument is laid out
    unit_chosen = Signal(object, str)  # the pane, the unit its reader clicked in
    link_toggled = Signal(object, bool)  # the pane, linked or not
    step_requested = Signal(object, int)  # the pane, -1 / +1: previous / next target
    # The pane, its right-click menu and where it was asked for: the window's annotation
    # commands add their entries before it opens.
    menu_requested = Signal(object, object, QPoint)

    def __init__(self, source: DocumentSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPane")
        self._source = source
        self._zoom = DEFAULT_ZOOM
        self._instrument = ""
        self._loaded: tuple[str, RenderStyle] | None = None  # what the view shows
        self._pending_top: str | None = None  # where to open once the pane is shown
        self._pending_current: str | None = None
        self._lead_in_pending = False  # _pending_top is to come under its headings and chapeau
        self._opening = 0  # counts instruments opened; a stale completion is ignored
        self._following: Correspondence | None = None  # what the pane shows for the leader
        self._active = 0  # which of the corresponding units is shown now
        self._follow_pending = False  # to show once the whole text is laid out
        self._follow_moves = True  # …and then brought into view
        self.header = PaneHeader(source.instruments(), self)
        self.sync_bar = SyncBar(source, self)
        self.view = DocumentView(self, unit_lookup=source.unit)
        self.view.setObjectName("documentView")
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.sync_bar)
        layout.addWidget(self.view, 1)
        self.header.instrument_chosen.connect(self._chosen)
        self.header.close_requested.connect(lambda: self.close_requested.emit(self))
        self.header.move_requested.connect(lambda step: self.move_requested.emit(self, step))
        self.view.top_changed.connect(self._update_location)
        self.view.unit_chosen.connect(lambda unit: self.unit_chosen.emit(self, unit))
        self.sync_bar.link_toggled.connect(self._link_toggled)
        self.sync_bar.step_requested.connect(lambda step: self.step_requested.emit(self, step))
        set_enum(self.view, "contextMenuPolicy", "CustomContextMenu")
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.setFocusProxy(self.view)

    # -- what the pane shows ---------------------------------------------------------------

    def instrument_id(self) -> str:
        return self._instrument

    def title(self) -> str:
        """The header's text: the instrument's name as its chooser shows it."""
        return self.header.title()

    def location(self) -> str:
        """The header's running head: the chapter and section at the top of the pane."""
        return self.header.location.text()

    def set_instrument(self, instrument_id: str, top: str | None = None,
                       current: str | None = None) -> bool:
        if self._source.instrument(instrument_id) is None:
            return False
        if instrument_id != self._instrument:
            self._instrument = instrument_id
            self.header.set_instrument(instrument_id)
            self.view.setAccessibleName(self.tr("Text of %s") % self.title())
            self._forget_following()
            self._loaded = None
            self._pending_top, self._pending_current = top, current
            self._load()
            self.instrument_changed.emit(self)
            return True
        if top:
            self.show_unit(top, mark=False)
        if current and self._loaded is None:
            self._pending_current = current
        elif current:
            self.view.set_current(current)
        return True

    def reload(self) -> None:
        """Lay the text out again (its instrument was replaced by a new revision)."""
        self._loaded = None
        self._load()

    def show_unit(self, unit_id: str, mark: bool = True, lead_in: bool = False) -> bool:
        """Bring a unit to the top of the pane (switching instrument if needed), marked current.
        With `lead_in`, the headings and chapeau just above it come to the top instead, as
        far as they leave the unit's first lines in view (Go to, a jump)."""
        unit = self._source.unit(unit_id)
        if unit is None:
            return False
        if lead_in and not self.isVisible():
            # Not shown yet (--open at start): the lead-in depends on the pane's size, known
            # once it is shown; _open() finds it then.
            self._lead_in_pending = True
            lead_in = False
        if lead_in:
            top = self._context(unit_id, unit.instrument) or unit_id
            if top != unit_id:
                shown = self.show_unit(top, mark=False)
                if mark and shown:
                    self._mark_current(unit_id)
                return shown
        if unit.instrument != self._instrument:
            return self.set_instrument(unit.instrument, top=unit_id,
                                       current=unit_id if mark else None)
        if self._loaded is None and self._opening:
            self._complete(self._opening)  # going somewhere: lay out the whole text now
        if self._loaded is None:
            self._pending_top = unit_id
            self._pending_current = unit_id if mark else self._pending_current
            return True
        self._lead_in_pending = False  # laid out (a hidden pane keeps its text): no lead-in
        self.view.scroll_to_unit(unit_id)
        if mark:
            self.view.set_current(unit_id)
        self._update_location(self.view.top_unit() or unit_id)
        return True

    def _mark_current(self, unit_id: str) -> None:
        if self._loaded is None:
            self._pending_current = unit_id
        else:
            self.view.set_current(unit_id)

    def step_to(self, unit_id: str) -> bool:
        """Make a unit of this instrument current, scrolling only as far as needed to see it
        (keyboard navigation: the text does not jump when the next unit is in view)."""
        if self._source.unit(unit_id) is None or not unit_id.startswith(self._instrument + "/"):
            return False
        if self._loaded is None:
            return self.show_unit(unit_id)
        self.view.bring_into_view(unit_id)
        self.view.set_current(unit_id)
        return True

    def is_complete(self) -> bool:
        """Whether the whole instrument is laid out (not only its first screenful)."""
        return self._loaded is not None

    def top_unit(self) -> str | None:
        return self.view.top_unit() if self._loaded else self._pending_top

    def current_unit(self) -> str | None:
        return self.view.current_unit() if self._loaded else self._pending_current

    def cycle_instrument(self, step: int) -> None:
        count = self.header.chooser.count()
        row = (self.header.chooser.currentIndex() + step) % count
        self.set_instrument(self.header.chooser.itemData(row))

    def choose_instrument(self) -> None:
        """Open the header's chooser from the keyboard."""
        self.header.chooser.setFocus()
        self.header.chooser.showPopup()

    def _chosen(self, instrument_id: str) -> None:
        self.set_instrument(instrument_id)
        self.view.setFocus()

    # -- look ------------------------------------------------------------------------------

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        if percent != self._zoom:
            self._zoom = percent
            self._load()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._loaded is not None:
            self._load()  # the marks and the masthead take their colours from the palette

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded is None and self.view.unit_ids():
            self._complete(self._opening)  # hidden before its first screen was completed
        elif self._loaded is None:
            self._load()

    def _load(self) -> None:
        """Render into the view; deferred until the pane is shown, so it lays out only once."""
        if not self._instrument or not self.isVisible():
            return
        font, style = self._reading_style()
        if self._loaded == (self._instrument, style):
            return
        self.view.set_current_colour(current_unit_colour(self.palette()))
        self.view.set_target_colour(target_colour(self.palette()))
        self.view.set_found_colour(found_colour(self.palette()))
        self.view.set_column(reading_column(font, style.indent_px))
        if self._loaded is not None and self._loaded[0] == self._instrument:
            self._render(font, style)  # a new size or palette: the reading position stays
        else:
            self._open(font, style)

    def _open(self, font: QFont, style: RenderStyle) -> None:
        """A new instrument: the first screenful from where the reader is going, painted at
        once; the whole text replaces it right after that first paint (PLATFORM-NOTES: a
        full layout of a long instrument costs tens of milliseconds)."""
        units = self._source.units(self._instrument)
        ids = [unit.id for unit in units]
        if self._lead_in_pending and self._pending_top in ids:
            self._pending_top = self._context(self._pending_top) or self._pending_top
        self._lead_in_pending = False
        start = ids.index(self._pending_top) if self._pending_top in ids else 0
        self._opening += 1
        notes = self._source.note_texts(self._instrument)
        wanted = self._screenful(font)
        while True:
            first = self._take(units, start, wanted)
            shown = self._source.reading_of(self._instrument, first, style)
            self.view.load(shown.html, first, font, style.indent_px, notes, shown.blocks,
                           partial(self._source.html_of, self._instrument, first, style,
                                   notes=False))
            filled = self.view.document().size().height() >= self.view.viewport().height()
            if filled or start + len(first) >= len(units):
                break
            wanted *= 2  # short lines and headings: the estimate fell short of the screen
        self.view.verticalScrollBar().setValue(0)
        self._update_location(first[0] if first else "")
        generation = self._opening

        def render() -> None:  # the whole text's HTML (cached by the source), a piece apart
            if generation == self._opening and self._loaded is None:
                self._source.reading(self._instrument, self._reading_style()[1])

        def after_paint() -> None:  # then laid out: each in a turn of its own (startup)
            in_turn(render, self)
            in_turn(lambda: self._complete(generation), self)

        self.view.after_next_paint(after_paint)

    def _screenful(self, font: QFont) -> int:
        """About how many characters fill the viewport, twice over (indents, headings and
        short lines leave room unused)."""
        metrics = QFontMetrics(font)
        size = self.view.viewport().size()
        lines = size.height() // max(1, metrics.lineSpacing())
        return max(2000, 2 * lines * (size.width() // max(1, metrics.averageCharWidth())))

    @staticmethod
    def _take(units: list[Unit], start: int, characters: int) -> list[str]:
        taken: list[str] = []
        total = 0
        for unit in units[start:]:
            taken.append(unit.id)
            total += len(unit.text) + 40
            if total >= characters:
                break
        return taken

    def _complete(self, generation: int) -> None:
        if generation != self._opening or self._loaded is not None or not self.isVisible():
            return  # another instrument was chosen meanwhile, or this one is done
        self._render(*self._reading_style())
        if self._pending_top:
            self.view.scroll_to_unit(self._pending_top)
        self.view.set_current(self._pending_current)
        self._pending_top = self._pending_current = None
        if self._follow_pending:
            self._show_following(self._follow_moves)
        self._update_location(self.view.top_unit() or "")
        self.loaded.emit()

    def _reading_style(self) -> tuple[QFont, RenderStyle]:
        """The font and rendering of the text at the pane's zoom, in its palette."""
        font = reading_font(self._zoom)
        return font, render_style(self.palette(), font)

    def _render(self, font: QFont, style: RenderStyle) -> None:
        whole = self._source.reading(self._instrument, style)
        self.view.load(whole.html, (unit.id for unit in self._source.units(self._instrument)),
                       font, style.indent_px, self._source.note_texts(self._instrument),
                       whole.blocks, lambda: self._source.html_of(self._instrument, None, style))
        self._loaded = (self._instrument, style)
        self._update_location(self.view.top_unit() or "")

    def _update_location(self, unit_id: str) -> None:
        node = self._source.outline_node(unit_id) if unit_id else None
        trail = [*node.ancestors(), node] if node else []
        chapters = [n for n in trail if n.unit is None or n.kind == "heading"]
        # The whole trail as printed, and shorter forms by chapter numbers and short titles.
        forms = running_heads(chapters, self._name)
        self.header.set_location(forms[0] if forms else "", forms[1:])

    def _name(self, node: OutlineNode) -> str:
        if node.kind == PREAMBLE_GROUP:
            return self.tr("Preamble")
        if node.kind == OPERATIVE_GROUP:
            return self.tr("Operative part")
        return node.title

    # -- synchronisation -------------------------------------------------------------------

    def is_linked(self) -> bool:
        return self.sync_bar.is_linked()

    def set_linked(self, linked: bool) -> None:
        self.sync_bar.set_linked(linked)

    def _link_toggled(self, linked: bool) -> None:
        if not linked:
            self._forget_following()  # an unlinked pane keeps no marks of another's unit
            self.sync_bar.show_idle()
        self.link_toggled.emit(self, linked)

    def is_leading(self) -> bool:
        return self.sync_bar.is_leading()

    def lead(self, unit_id: str) -> None:
        """This pane's reader moved to `unit_id`; the others follow it."""
        self._forget_following()
        self.sync_bar.show_leading(unit_id)

    def follow(self, result: Correspondence, move: bool = True) -> None:
        """Show what corresponds to the leading pane's unit: the first corresponding unit
        brought into view, all of them marked, "1 of N"; or say why there is none (the pane
        then stays where it is, with no marks left from before). Without `move` the marks
        and the bar are set but the pane stays where it is."""
        self._following, self._active = result, 0
        self.view.set_current(None)  # the current unit is the leading pane's
        self._pending_current = None
        if self._loaded is None and self._opening and move:
            self._complete(self._opening)  # going somewhere: lay out the whole text now
        if self._loaded is None:  # not shown yet: marked (and scrolled) once laid out
            self._follow_pending, self._follow_moves = True, move
            if self.targets() and move:
                self._pending_top = self._lead_in_of(self.targets()[0])
            self.sync_bar.show_following(result, 0)
            return
        self._show_following(move)

    def clear_sync(self) -> None:
        """No pane leads any more: no marks, the bar says whether the pane is linked."""
        self._forget_following()
        self.sync_bar.show_idle()

    def following(self) -> Correspondence | None:
        return self._following

    def targets(self) -> list[str]:
        """The corresponding units the pane marks, in document order."""
        if self._following is None:
            return []
        from desktop.core.correspondence import INDIRECT, LINKED  # loaded with what it follows

        shown = self._following.status in (LINKED, INDIRECT)
        return [target.unit for target in self._following.targets] if shown else []

    def active_target(self) -> str | None:
        targets = self.targets()
        return targets[self._active] if targets else None

    def step_target(self, step: int) -> bool:
        """Show the next (+1) or previous (-1) corresponding unit, round the ends."""
        targets = self.targets()
        if len(targets) < 2:
            return False
        return self.select_target(targets[(self._active + step) % len(targets)])

    def select_target(self, unit_id: str) -> bool:
        targets = self.targets()
        if unit_id not in targets:
            return False
        self._active = targets.index(unit_id)
        if self._loaded is None:
            assert self._following is not None  # it has targets
            self._pending_top = self._lead_in_of(unit_id)
            self.sync_bar.show_following(self._following, self._active)
            return True
        self._show_following()
        return True

    def _show_following(self, move: bool = True) -> None:
        """Mark the corresponding units, bring the one shown now into view (unless not to
        `move`), say "k of N"."""
        self._follow_pending = False
        result = self._following
        if result is None:
            return
        marks = [TargetMark(target.unit, self._source.extent(target.unit), target.indirect)
                 for target in result.targets] if self.targets() else []
        self.view.set_targets(marks, self._active if marks else -1)
        if marks and move:
            unit = marks[self._active].first
            if not self.view.is_unit_visible(unit):  # a pane where it is in view stays
                self.view.scroll_to_unit(self._context(unit) or unit)
        self.sync_bar.show_following(result, self._active)

    def _lead_in_of(self, unit_id: str) -> str:
        """Where a pane not laid out yet opens to show `unit_id` under its lead-in: found now
        when the pane has its size, else once it is shown."""
        if self.isVisible():
            return self._context(unit_id) or unit_id
        self._lead_in_pending = True
        return unit_id

    def _context(self, unit_id: str, instrument: str | None = None) -> str | None:
        """The headings and chapeau just above a unit, shown with it (as many as leave its
        first lines in the upper part of the pane): desktop.core.render.lead_in."""
        font = reading_font(self._zoom)
        metrics = QFontMetrics(font)
        size = self.view.viewport().size()
        indent = render_style(self.palette(), font).indent_px
        column = min(size.width(), reading_column(font, indent)) - 2 * indent
        return lead_in(self._source.units(instrument or self._instrument), unit_id,
                       LEAD_IN_SHARE * size.height() / max(1, metrics.lineSpacing()),
                       column // max(1, metrics.averageCharWidth()))

    def _forget_following(self) -> None:
        self._following, self._active, self._follow_pending = None, 0, False
        self.view.set_targets([])

    # -- printing --------------------------------------------------------------------------

    def copy_with_citation(self) -> str:
        """Put the selection (or the current unit) on the clipboard as a brief quotes it: the
        text, then its citation in square brackets. Returns what was copied ("" if nothing)."""
        text, units = self.view.excerpt()
        if not text:
            return ""
        # A selection inside a Problem or Action line touches no unit: the instrument is cited.
        citation = (self._source.range_citation(units[0], units[-1]) if units
                    else self._source.instrument_citation(self._instrument))
        copied = f"{text}\n[{citation}]"
        QGuiApplication.clipboard().setText(copied)
        return copied

    def _context_menu(self, position: QPoint) -> None:
        menu = self.view.createStandardContextMenu(position)
        menu.addSeparator()
        action = menu.addAction(self.tr("Copy with citation"), self.copy_with_citation)
        action.setShortcut(QKeySequence(COPY_WITH_CITATION_KEY))  # shown; the window's acts
        action.setEnabled(bool(self.view.textCursor().hasSelection() or self.current_unit()))
        self.menu_requested.emit(self, menu, position)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def print_document(self, selection_only: bool = False) -> QTextDocument:
        """What printing the pane prints: the whole instrument, or the units the selection
        touches (whole units, with their labels and footnotes), in print colours, with the
        pane's highlights in their colours, a numbered call after each annotation that has a
        note and the notes listed at the end; the edition's ✎ and sic marks left out."""
        font = QFont(self.view.document().defaultFont())
        font.setPointSizeF(READING_POINT_SIZE)
        style = RenderStyle(indent_px=render_style(self.palette(), font).indent_px)
        units = self.view.selected_units() if selection_only else []
        instrument = self._source.instrument(self._instrument)
        caption = instrument.title if instrument and units else ""
        html = self._source.html_of(self._instrument, units or None, style, caption,
                                    marks=False)
        # Laid out in a view of its own (never shown) so the highlights land on the same
        # words as on screen, through the same offset map.
        layout = DocumentView(unit_lookup=self._source.unit)
        layout.load(html, units or [u.id for u in self._source.units(self._instrument)], font,
                    style.indent_px, {})
        layout.set_highlights(self.view.highlights())
        document = layout.document().clone()
        layout.deleteLater()
        ranges = layout.highlight_ranges()
        colours = {h.annotation: h.colour for h in self.view.highlights()}
        from PySide6.QtGui import QTextCharFormat  # named when first printing (start-up)

        cursor = QTextCursor(document)
        for start, end, annotation in ranges:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            tint = QTextCharFormat()
            tint.setBackground(colours[annotation])
            cursor.mergeCharFormat(tint)
        self._print_notes(document, ranges)
        return document

    def _print_notes(self, document: QTextDocument,
                     ranges: list[tuple[int, int, int]]) -> None:
        """A numbered call after each printed annotation with a note; the notes at the end."""
        notes = {mark.annotation: mark for mark in self.view.note_marks()}
        ends: dict[int, int] = {}
        for _start, end, annotation in ranges:
            if annotation in notes:
                ends[annotation] = max(end, ends.get(annotation, 0))
        if not ends:
            return
        numbered = {annotation: number for number, annotation in enumerate(
            sorted(ends, key=lambda a: (ends[a], a)), start=1)}
        from PySide6.QtGui import QTextCharFormat

        call = QTextCharFormat()
        call.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        cursor = QTextCursor(document)
        for annotation in sorted(ends, key=lambda a: ends[a], reverse=True):
            call.setForeground(notes[annotation].colour)
            cursor.setPosition(ends[annotation])
            cursor.insertText(f"[{numbered[annotation]}]", call)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        items = "".join(
            f"<p><b>[{numbered[a]}]</b> {escape(self._note_place(a))}</p>{notes[a].html}"
            for a in sorted(numbered, key=numbered.__getitem__))
        heading = escape(self.tr("Annotations"))
        cursor.insertHtml(f"<hr/><h3>{heading}</h3>{items}")

    def _note_place(self, annotation: int) -> str:
        found = next((h for h in self.view.highlights() if h.annotation == annotation), None)
        if found is None:
            return ""
        return (self._source.citation(found.first) if found.first == found.last
                else self._source.range_citation(found.first, found.last))

    def running_head(self, unit_id: str) -> str:
        """A printed page's running head: the citation of the unit at its top."""
        return self._source.citation(unit_id)

    # -- focus -----------------------------------------------------------------------------

    def set_active(self, active: bool) -> None:
        self.header.set_active(active)
