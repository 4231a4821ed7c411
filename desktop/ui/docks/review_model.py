"""The review list as rows: each annotation the corpus change left unsure, its old quote
beside its candidate place with the words that differ marked, its reason and its note."""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher

from PySide6.QtCore import QObject

from desktop.core.notes.model import ReviewItem
from desktop.core.search import MARK_END, MARK_START
from desktop.ui.docks.rows_model import Row, RowsModel

REVIEW_KIND = "review:"  # a row's kind, followed by the annotation's id


def marked_difference(old: str, new: str) -> tuple[str, str]:
    """Both texts with the words the other lacks marked (a word-level comparison)."""
    a, b = old.split(), new.split()
    marked_a: list[str] = []
    marked_b: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            marked_a += a[i1:i2]
            marked_b += b[j1:j2]
            continue
        if i2 > i1:
            marked_a.append(MARK_START + " ".join(a[i1:i2]) + MARK_END)
        if j2 > j1:
            marked_b.append(MARK_START + " ".join(b[j1:j2]) + MARK_END)
    return " ".join(marked_a), " ".join(marked_b)


class ReviewModel(RowsModel):
    def __init__(self, place: Callable[[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._place = place  # (first unit, last unit) -> its citation
        self._items: dict[int, ReviewItem] = {}

    def set_items(self, items: list[ReviewItem]) -> None:
        self._items = {item.annotation.id: item for item in items}
        rows = []
        for item in items:
            old = item.annotation.anchor
            candidate = item.candidates[0] if item.candidates else None
            was, now = marked_difference(old.quote, candidate.quote if candidate else "")
            lines = [self.tr("was: “%s”") % was]
            lines.append(self.tr("now: “%s” — %s") % (now, self._place(candidate.unit,
                                                                      candidate.end_unit))
                         if candidate else self.tr("no candidate place: move or archive it"))
            note = item.annotation.note.strip().splitlines()
            said = note[0] if note else (item.annotation.category or "")
            rows.append(Row(title=self._place(old.unit, old.end_unit), lines=tuple(lines),
                            note=f"{item.reason} · {said}" if said else item.reason,
                            unit=candidate.unit if candidate else old.unit,
                            kind=f"{REVIEW_KIND}{item.annotation.id}"))
        self.set_rows(rows)

    def item(self, annotation_id: int) -> ReviewItem | None:
        return self._items.get(annotation_id)
