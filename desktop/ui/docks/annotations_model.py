"""The annotations panel's list: every live annotation with its citation, quote, category
colour, the note's first line, tags, meeting, author and date; filtered as the reader types
(quote, note, citation and tags) and by instrument, category, tag, meeting and author;
sorted in document order or newest first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.core.notes.model import REVIEW, Annotation
from desktop.ui.docks.row_delegate import LINES_ROLE, NOTE_ROLE

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 40  # int: the annotation's id
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 41  # str: its category's colour ("" for none)
UNIT_ROLE = Qt.ItemDataRole.UserRole + 42  # str: its first unit

DOCUMENT, NEWEST = "document", "newest"
QUOTE_CHARS = 160  # of a long quote, the row shows the start

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Facets:
    """What the list is narrowed to ("" / None: anything)."""

    text: str = ""
    instrument: str = ""
    category: str | None = None  # "" for uncategorised
    tag: str = ""
    meeting: str = ""
    author: str = ""


@dataclass(frozen=True)
class _Entry:
    annotation: Annotation
    citation: str
    haystack: str  # lower case: quote, note, citation, tags, category
    order: tuple[int, int, int, int]


class AnnotationsModel(QAbstractListModel):
    def __init__(self, citation: Callable[[Annotation], str],
                 instrument_order: Callable[[str], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._citation = citation
        self._instrument_order = instrument_order
        self._entries: list[_Entry] = []
        self._cache: dict[tuple[int, int, str | None, str | None], _Entry] = {}
        self._shown: list[_Entry] = []
        self._facets = Facets()
        self._sort = DOCUMENT
        self._no_quote = self.tr("(whole paragraph)")

    # -- contents -------------------------------------------------------------------------

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        """The annotations to list (the filter and the order are kept)."""
        entries = []
        cache: dict[tuple[int, int, str | None, str | None], _Entry] = {}
        for annotation in annotations:
            key = (annotation.id, annotation.revision, annotation.category, annotation.colour)
            entry = self._cache.get(key)
            if entry is None or entry.annotation.anchor is not annotation.anchor:
                entry = self._entry(annotation)
            cache[key] = entry
            entries.append(entry)
        self._cache = cache
        self._entries = entries
        self._apply()

    def _entry(self, annotation: Annotation) -> _Entry:
        citation = self._citation(annotation)
        haystack = " ".join((annotation.anchor.quote, annotation.note, citation,
                             " ".join(annotation.tags), annotation.category or "")).lower()
        anchor = annotation.anchor
        order = (self._instrument_order(anchor.instrument), anchor.seq, anchor.start,
                 annotation.id)
        return _Entry(annotation, citation, haystack, order)

    def annotations(self) -> list[Annotation]:
        """Every annotation the panel holds (not only those shown)."""
        return [entry.annotation for entry in self._entries]

    def shown(self) -> list[Annotation]:
        return [entry.annotation for entry in self._shown]

    # -- filter and order -----------------------------------------------------------------

    def set_facets(self, facets: Facets) -> None:
        if facets != self._facets:
            self._facets = facets
            self._apply()

    def facets(self) -> Facets:
        return self._facets

    def set_sort(self, sort: str) -> None:
        if sort != self._sort:
            self._sort = sort
            self._apply()

    def _apply(self) -> None:
        facets = self._facets
        words = facets.text.lower().split()
        shown = []
        for entry in self._entries:
            annotation = entry.annotation
            if facets.instrument and annotation.anchor.instrument != facets.instrument:
                continue
            if facets.category is not None and (annotation.category or "") != facets.category:
                continue
            if facets.tag and facets.tag not in annotation.tags:
                continue
            if facets.meeting and annotation.meeting != facets.meeting:
                continue
            if facets.author and annotation.author != facets.author:
                continue
            if words and not all(word in entry.haystack for word in words):
                continue
            shown.append(entry)
        if self._sort == NEWEST:
            shown.sort(key=lambda e: (e.annotation.modified, e.annotation.id), reverse=True)
        else:
            shown.sort(key=lambda e: e.order)
        self.beginResetModel()
        self._shown = shown
        self.endResetModel()

    def category_counts(self) -> Counter[str]:
        """How many of those shown are in each category ("" for uncategorised)."""
        return Counter(entry.annotation.category or "" for entry in self._shown)

    def values(self, field: str) -> list[str]:
        """The distinct tags, meetings or authors of all annotations, sorted."""
        found: set[str] = set()
        for entry in self._entries:
            annotation = entry.annotation
            if field == "tag":
                found.update(annotation.tags)
            else:
                found.add(getattr(annotation, field))
        return sorted((value for value in found if value), key=str.casefold)

    def row_of(self, annotation_id: int) -> int:
        for row, entry in enumerate(self._shown):
            if entry.annotation.id == annotation_id:
                return row
        return -1

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        entry = self._shown[index.row()]
        annotation = entry.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            review = self.tr(" — needs review") if annotation.status == REVIEW else ""
            return entry.citation + review
        if role == LINES_ROLE:
            return self._lines(annotation)
        if role == NOTE_ROLE:
            return self._details(annotation)
        if role == ANNOTATION_ROLE:
            return annotation.id
        if role == COLOUR_ROLE:
            return annotation.colour or ""
        if role == UNIT_ROLE:
            return annotation.anchor.unit
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join([entry.citation, *self._lines(annotation),
                              self._details(annotation)]).strip()
        return None

    def _lines(self, annotation: Annotation) -> list[str]:
        quote = annotation.quote
        if quote is None:
            first = self._no_quote
        else:
            shown = quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS - 1] + "…"
            first = f"“{shown}”"
        lines = [first]
        note = next((line.strip() for line in annotation.note.splitlines() if line.strip()), "")
        if note:
            lines.append(note)
        return lines

    def _details(self, annotation: Annotation) -> str:
        if annotation.deleted:
            when = annotation.deleted.replace("T", " ").removesuffix("Z")[:16]
            return self.tr("deleted %s UTC") % when + " · " + (
                annotation.category or self.tr("No category"))
        parts = [annotation.category or self.tr("No category")]
        parts += [f"#{tag}" for tag in annotation.tags]
        if annotation.meeting:
            parts.append(annotation.meeting)
        if annotation.author:
            parts.append(annotation.author)
        parts.append(annotation.modified[:10])
        if annotation.private:
            parts.append(self.tr("private"))
        return " · ".join(parts)
