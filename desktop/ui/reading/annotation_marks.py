"""Paints the annotations in every pane: each highlight in its category's colour over exactly
its words, in every pane showing the unit, and a mark in the margin for each note.

It listens to the hub (every change, this window's or another process's) and to the panes
(a pane that opened another instrument, or laid out its whole text), and redraws only the
panes whose instrument a change touched.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.core.notes.model import OK, Annotation, Change
from desktop.core.notes.render import render_markdown
from desktop.ui.hub import AnnotationHub, affects
from desktop.ui.reading.document_pane import DocumentPane
from desktop.ui.reading.theme import highlight_colour, note_mark_colour


# What a pane paints for the annotations (DocumentView.set_highlights, set_note_marks): made
# here, after the window's first paint, so their classes are too.
@dataclass(frozen=True)
class Highlight:
    """An annotation's words, painted in its category's colour: from offset `start` in the
    text of unit `first` to offset `end` (exclusive) in the text of unit `last`."""

    annotation: int
    first: str
    start: int
    last: str
    end: int
    colour: QColor


@dataclass(frozen=True)
class NoteMark:
    """A unit with a note: a mark in the margin beside its first line; hovering shows the
    note (`html`, rendered by the store's one renderer), a click asks for it."""

    unit: str
    annotation: int
    colour: QColor
    html: str


class AnnotationMarks(QObject):
    def __init__(self, hub: AnnotationHub, panes: Callable[[], list[DocumentPane]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._panes = panes
        self._watched: set[int] = set()
        self._rendered: dict[tuple[int, int], str] = {}  # (id, revision) -> note HTML
        hub.changed.connect(self._changed)

    def panes_changed(self) -> None:
        for pane in self._panes():
            if id(pane) not in self._watched:
                self._watched.add(id(pane))
                pane.loaded.connect(lambda pane=pane: self.refresh(pane))
                pane.instrument_changed.connect(self.refresh)

    def _changed(self, change: Change) -> None:
        for pane in self._panes():
            if affects(change, pane.instrument_id()):
                self.refresh(pane)

    def refresh(self, pane: DocumentPane) -> None:
        """Redraw a pane's highlights and note marks from the store."""
        if not pane.is_complete():
            return  # painted once the whole text is laid out (the pane's `loaded`)
        annotations = [a for a in self._hub.annotations(pane.instrument_id())
                       if a.status == OK]
        palette = pane.view.palette()
        tints = {colour: highlight_colour(colour, palette)
                 for colour in {a.colour for a in annotations}}
        pane.view.set_highlights(
            Highlight(a.id, a.anchor.unit, a.anchor.start, a.anchor.end_unit, a.anchor.end,
                      tints[a.colour])
            for a in annotations)
        pane.view.set_note_marks(
            NoteMark(a.anchor.unit, a.id, note_mark_colour(a.colour, palette), self._note_html(a))
            for a in annotations if a.note.strip())

    def _note_html(self, annotation: Annotation) -> str:
        key = (annotation.id, annotation.revision)
        if key not in self._rendered:
            heading = html.escape(annotation.category or "")
            self._rendered[key] = (f"<p><b>{heading}</b></p>" if heading else "") + \
                render_markdown(annotation.note)
        return self._rendered[key]
