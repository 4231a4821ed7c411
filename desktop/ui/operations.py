"""Every write to the annotation store the window makes: call the core, hand the Change to
the hub, and turn a refusal into a message for the window's bar (never an exception in a
slot). Views never write the store themselves (DESIGN.md §5)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject

from desktop.core.notes.errors import NotesError
from desktop.core.notes.model import Anchor, Annotation, Change
from desktop.core.notes.service import MEETING
from desktop.core.notes.store import UNSET
from desktop.ui.hub import AnnotationHub


@dataclass(frozen=True)
class Span:
    """A selection in a pane, as offsets into its units' texts."""

    first: str
    start: int
    last: str
    end: int


class AnnotationOperations(QObject):
    def __init__(self, hub: AnnotationHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub

    def _write(self, write: Callable[[], Change]) -> Change | None:
        if self.hub.store() is None:
            return None
        try:
            change = write()
        except (NotesError, sqlite3.Error) as error:
            self.hub.report(error)
            return None
        self.hub.publish(change)
        return change

    def anchor(self, span: Span | None, unit: str | None) -> Anchor | None:
        """The anchor of a selection, or of a whole unit when there is none."""
        service = self.hub.service
        try:
            if span is not None:
                return service.anchor_span(span.first, span.start, span.last, span.end)
            if unit is not None:
                return service.anchor(unit)
        except NotesError as error:
            self.hub.report(error)
        return None

    def highlight(self, span: Span | None, unit: str | None,
                  category: str | None) -> Annotation | None:
        """Highlight the selection (or note the whole unit) in a category. Highlighting the
        very words an annotation already covers recolours that one instead of stacking a
        second on top."""
        anchor = self.anchor(span, unit)
        if anchor is None:
            return None
        existing = self.annotation_at(anchor)
        if existing is not None:
            if existing.category == category:
                return existing
            return self.update(existing.id, category=category)
        store = self.hub.store()
        meeting = self.hub.setting(MEETING)
        change = self._write(lambda: store.add(anchor, category=category,  # type: ignore[union-attr]
                                               meeting=meeting))
        return change.annotation if change else None

    def annotation_at(self, anchor: Anchor) -> Annotation | None:
        """The live annotation anchored exactly there, if any (the latest made)."""
        same = [a for a in self.hub.annotations(anchor.instrument)
                if (a.anchor.unit, a.anchor.start, a.anchor.end_unit, a.anchor.end,
                    a.anchor.whole) == (anchor.unit, anchor.start, anchor.end_unit,
                                        anchor.end, anchor.whole)]
        return max(same, key=lambda a: a.id) if same else None

    def note_target(self, span: Span | None, unit: str | None) -> Annotation | None:
        """What Ctrl+N writes a note on: the highlight of the selection (made, uncategorised,
        if there is none yet), or the current unit's whole-unit note."""
        anchor = self.anchor(span, unit)
        if anchor is None:
            return None
        existing = self.annotation_at(anchor)
        if existing is not None:
            return existing
        store = self.hub.store()
        meeting = self.hub.setting(MEETING)
        change = self._write(lambda: store.add(anchor, meeting=meeting))  # type: ignore[union-attr]
        return change.annotation if change else None

    def update(self, annotation_id: int, *, note: str = UNSET, category: str | None = UNSET,
               tags: tuple[str, ...] = UNSET, private: bool = UNSET,
               expected_revision: int | None = None) -> Annotation | None:
        store = self.hub.store()
        change = self._write(lambda: store.update(  # type: ignore[union-attr]
            annotation_id, note=note, category=category, tags=tags, private=private,
            expected_revision=expected_revision))
        return change.annotation if change else None

    def set_meeting(self, meeting: str) -> bool:
        store = self.hub.store()
        cleaned = " ".join(meeting.split())
        return self._write(lambda: store.set_setting(MEETING, cleaned)) is not None  # type: ignore[union-attr]
