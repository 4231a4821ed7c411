"""Every write to the annotation store the window makes: call the core, hand the Change to
the hub, and turn a refusal into a message (never an exception in a slot). Views never write
the store themselves (DESIGN.md §5).

Each action is also a step on the window's undo stack (QUndoStack: Edit ▸ Undo "highlight
in Red line"). Undoing writes the opposite through the store with the revision the action
left: if another window or process changed the annotation since, the store refuses, nothing
is overwritten, the window says so and the step is dropped from the stack.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.core.notes.errors import NotesError, StoreLocked, StoreUnavailable, StoreWriteFailed
from desktop.ui.hub import AnnotationHub

if TYPE_CHECKING:  # the notes' model loads with the notes, after the first paint
    from desktop.core.notes.model import Anchor, Annotation, Category, Change

# Failures of the store itself (the bar says so); any other NotesError is a refusal of one
# action (a message in the status bar).
_STORE_FAULTS = (StoreUnavailable, StoreLocked, StoreWriteFailed, sqlite3.Error)
NOTE_STEP = 1  # the undo id shared by the saves of one note, merged into one step


class Span(NamedTuple):
    """A selection in a pane, as offsets into its units' texts."""

    first: str
    start: int
    last: str
    end: int


class _Step(QUndoCommand):
    """An action already done: the first redo (QUndoStack.push calls it) does nothing."""

    def __init__(self, text: str, do: Callable[[], bool], undo: Callable[[], bool]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if not self._do():
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._undo():
            self.setObsolete(True)


class _UpdateStep(QUndoCommand):
    """Fields of one annotation changed from `old` to `new`. The saves of one note as it is
    typed merge into one step: undo brings back the note as it was before the first."""

    def __init__(self, text: str, annotation: int, old: dict[str, Any], new: dict[str, Any],
                 apply: Callable[[dict[str, Any]], bool]) -> None:
        super().__init__(text)
        self.annotation, self.old, self.new = annotation, old, new
        self._apply = apply
        self._pushed = False

    def id(self) -> int:
        return NOTE_STEP if set(self.old) == {"note"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _UpdateStep) or other.annotation != self.annotation:
            return False
        self.new = other.new  # redo writes the newest text; undo still the oldest
        return True

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if not self._apply(self.new):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._apply(self.old):
            self.setObsolete(True)


class AnnotationOperations(QObject):
    def __init__(self, hub: AnnotationHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.undo_stack = QUndoStack(self)
        # The revision each annotation had after this window's last write to it: an undo or
        # redo expects it, so a change made meanwhile by another window or process is never
        # overwritten (the store refuses; the step is dropped).
        self._seen: dict[int, int] = {}

    # -- writing ------------------------------------------------------------------------

    def _write(self, write: Callable[[], Change]) -> Change | None:
        if self.hub.store() is None:
            return None
        try:
            change = write()
        except _STORE_FAULTS as error:
            self.hub.report(error)
            return None
        except NotesError as error:
            self.hub.tell(str(error))
            return None
        if change.annotation is not None:
            self._seen[change.annotation.id] = change.annotation.revision
        self.hub.publish(change)
        return change

    def _store(self) -> Any:
        return self.hub.store()

    # -- annotations ----------------------------------------------------------------------

    def anchor(self, span: Span | None, unit: str | None) -> Anchor | None:
        """The anchor of a selection, or of a whole unit when there is none."""
        service = self.hub.service
        try:
            if span is not None:
                return service.anchor_span(span.first, span.start, span.last, span.end)
            if unit is not None:
                return service.anchor(unit)
        except NotesError as error:
            self.hub.tell(str(error))
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
        return self._add(anchor, category,
                         self.tr("highlight in %s") % category if category
                         else self.tr("highlight"))

    def _add(self, anchor: Anchor, category: str | None, text: str) -> Annotation | None:
        from desktop.core.notes.model import MEETING

        meeting = self.hub.setting(MEETING)
        change = self._write(lambda: self._store().add(anchor, category=category,
                                                       meeting=meeting))
        if change is None or change.annotation is None:
            return None
        added = change.annotation
        self._push_trash_step(text, added, trashed_by_undo=True)
        return added

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
        return self._add(anchor, None, self.tr("note"))

    def update(self, annotation_id: int, **fields: Any) -> Annotation | None:
        """Change an annotation's note, category, tags or privacy (only those given)."""
        store = self._store()
        if store is None:
            return None
        try:
            before = store.get(annotation_id)
        except _STORE_FAULTS as error:
            self.hub.report(error)
            return None
        if before is None:
            return None
        change = self._write(lambda: store.update(annotation_id, **fields))
        if change is None or change.annotation is None:
            return None
        after = change.annotation
        if not change.annotations:
            return after  # nothing changed: nothing to undo
        old = {name: getattr(before, name) for name in fields
               if name != "expected_revision"}
        new = {name: getattr(after, name) for name in old}
        self._push_update_step(self._update_text(old, new), after, old, new)
        return after

    def _update_text(self, old: dict[str, Any], new: dict[str, Any]) -> str:
        if set(old) == {"note"}:
            return self.tr("edit note")
        if set(old) == {"category"}:
            name = new["category"]
            return self.tr("recategorise as %s") % name if name else self.tr("uncategorise")
        if set(old) == {"tags"}:
            return self.tr("change tags")
        if set(old) == {"private"}:
            return self.tr("make private") if new["private"] else self.tr("make shared")
        return self.tr("change annotation")

    def _push_update_step(self, text: str, after: Annotation, old: dict[str, Any],
                          new: dict[str, Any]) -> None:
        def apply(values: dict[str, Any]) -> bool:
            store = self._store()
            return store is not None and self._write(lambda: store.update(
                after.id, expected_revision=self._seen.get(after.id), **values)) is not None

        self.undo_stack.push(_UpdateStep(text, after.id, old, new, apply))

    def remove(self, annotation_id: int) -> bool:
        """Move an annotation to the trash (undo brings it back)."""
        change = self._write(lambda: self._store().remove(annotation_id))
        if change is None or change.annotation is None:
            return False
        self._push_trash_step(self.tr("delete annotation"), change.annotation,
                              trashed_by_undo=False)
        return True

    def restore(self, annotation_id: int) -> bool:
        """Bring an annotation back from the trash (undo puts it back there)."""
        change = self._write(lambda: self._store().restore(annotation_id))
        if change is None or change.annotation is None:
            return False
        self._push_trash_step(self.tr("restore annotation"), change.annotation,
                              trashed_by_undo=True)
        return True

    def _push_trash_step(self, text: str, after: Annotation, trashed_by_undo: bool) -> None:
        """A step whose undo trashes the annotation (an add, a restore) or restores it (a
        delete); redo does the other."""
        annotation_id = after.id

        def trash(to_trash: bool) -> bool:
            store = self._store()
            if store is None:
                return False
            write = store.remove if to_trash else store.restore
            return self._write(lambda: write(
                annotation_id, expected_revision=self._seen.get(annotation_id))) is not None

        self.undo_stack.push(_Step(text, lambda: trash(not trashed_by_undo),
                                   lambda: trash(trashed_by_undo)))

    # -- the review list ----------------------------------------------------------------

    def accept(self, annotation_id: int, candidate: int = 1) -> bool:
        """Settle a review item at its candidate place (not undoable: the old place is gone
        from the corpus)."""
        return self._write(lambda: self._store().accept(annotation_id, candidate)) is not None

    def move(self, annotation_id: int, span: Span | None, unit: str | None) -> bool:
        """Settle a review item at a place the reader selected."""
        anchor = self.anchor(span, unit)
        if anchor is None:
            return False
        return self._write(lambda: self._store().move(annotation_id, anchor)) is not None

    def archive(self, annotation_id: int) -> bool:
        return self._write(lambda: self._store().archive(annotation_id)) is not None

    def settle_conflict(self, annotation_id: int, keep: str) -> bool:
        """Keep "mine" or "theirs" of an annotation changed on both sides (not undoable: the
        settled version is shared back to the colleague as grown from both)."""
        from desktop.core.exchange.conflicts import settle

        return self._write(lambda: settle(self.hub.service, annotation_id, keep)) is not None

    # -- categories -----------------------------------------------------------------------

    def add_category(self, name: str, colour: str | None = None) -> bool:
        change = self._write(lambda: self._store().add_category(name, colour))
        if change is None:
            return False
        added = next((c for c in self.hub.categories() if c.id in change.categories), None)
        if added is not None:
            self.undo_stack.push(_Step(
                self.tr("add category %s") % added.name,
                lambda: self._category_write(lambda s: s.add_category(added.name,
                                                                       added.colour)),
                lambda: self._category_write(lambda s: s.remove_category(added.name))))
        return True

    def rename_category(self, old: str, new: str) -> bool:
        change = self._write(lambda: self._store().rename_category(old, new))
        if change is None:
            return False
        renamed = next((c.name for c in self.hub.categories() if c.id in change.categories), new)
        self.undo_stack.push(_Step(
            self.tr("rename category %s") % old,
            lambda: self._category_write(lambda s: s.rename_category(old, renamed)),
            lambda: self._category_write(lambda s: s.rename_category(renamed, old))))
        return True

    def recolour_category(self, name: str, colour: str) -> bool:
        before = next((c for c in self.hub.categories() if c.name == name), None)
        change = self._write(lambda: self._store().recolour_category(name, colour))
        if change is None or before is None:
            return change is not None
        self.undo_stack.push(_Step(
            self.tr("recolour category %s") % name,
            lambda: self._category_write(lambda s: s.recolour_category(name, colour)),
            lambda: self._category_write(lambda s: s.recolour_category(name, before.colour))))
        return True

    def remove_category(self, name: str) -> int | None:
        """Remove a category; its annotations stay, uncategorised. How many they are."""
        categories = self.hub.categories()
        before: Category | None = next((c for c in categories if c.name == name), None)
        change = self._write(lambda: self._store().remove_category(name))
        if change is None or before is None:
            return None
        touched = change.annotations
        position = categories.index(before)
        self.undo_stack.push(_Step(
            self.tr("remove category %s") % name,
            lambda: self._category_write(lambda s: s.remove_category(name)),
            lambda: self._category_write(lambda s: s.bring_back_category(
                before.name, before.colour, position, touched))))
        return len(touched)

    def reorder_categories(self, names: list[str]) -> bool:
        old = [c.name for c in self.hub.categories()]
        change = self._write(lambda: self._store().reorder_categories(names))
        if change is None:
            return False
        self.undo_stack.push(_Step(
            self.tr("reorder categories"),
            lambda: self._category_write(lambda s: s.reorder_categories(names)),
            lambda: self._category_write(lambda s: s.reorder_categories(old))))
        return True

    def _category_write(self, write: Callable[[Any], Change]) -> bool:
        store = self._store()
        return store is not None and self._write(lambda: write(store)) is not None

    # -- settings -------------------------------------------------------------------------

    def set_meeting(self, meeting: str) -> bool:
        from desktop.core.notes.model import MEETING

        cleaned = " ".join(meeting.split())
        return self._write(lambda: self._store().set_setting(MEETING, cleaned)) is not None

    def set_author(self, author: str) -> bool:
        """The name written into new annotations: the store's own setting, the one
        `concordia notes config --author` sets."""
        from desktop.core.notes.model import AUTHOR

        cleaned = " ".join(author.split())
        return self._write(lambda: self._store().set_setting(AUTHOR, cleaned)) is not None
