"""The search dock: results as you type, across all instruments or one, the whole text, the
preamble or the operative part; each result's citation, its snippet with the match marked."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.ui.docks.dock_body import BodyLater, opening_chooser, row_list, set_dock_body
from desktop.ui.document_source import DocumentSource
from desktop.ui.lazy_qt import Qt

if TYPE_CHECKING:
    from desktop.core.notes.model import Annotation
    from desktop.ui.docks.search_model import SearchModel

LIMIT = 100  # results listed at most (the best first)
NOTES = "notes"  # the scope that searches the delegate's notes and highlighted words
NOTE_KIND = "note:"  # a notes result's kind, followed by the annotation's id


def marked(text: str, words: list[str]) -> str:
    """`text` with each word searched for marked where it stands (any case)."""
    if not words:
        return text
    from desktop.core.search import MARK_END, MARK_START

    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", text)


class SearchDock(BodyLater, QDockWidget):
    unit_activated = Signal(str)
    annotation_activated = Signal(int, str)  # a notes result: the annotation, its unit
    searched = Signal(int)  # the results of what is typed are listed: how many
    # Made after the window's first paint (a tab behind the chapters), with the search's
    # modules, or when Ctrl+F first asks.
    BODY = ("field", "instrument", "part", "opening", "summary", "model", "results")
    model: SearchModel

    def __init__(self, source: DocumentSource, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Search"), parent)
        self.setObjectName("searchDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self._source = source
        self._words: dict[str, tuple[str, ...]] = {}  # unit -> the words its hit found
        self._notes_search: Callable[[str], list[Annotation]] = lambda _text: []
        self._wanted_filters = ("", "")  # the instrument and part remembered

    def _make_body(self) -> None:
        from desktop.ui.docks.search_model import SearchModel

        source = self._source
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search all instruments"))
        self.field.setToolTip(self.tr("Words (all of them), \"a phrase\" in quotes, word* "
                                      "for words that begin so"))
        self.field.setClearButtonEnabled(True)
        self.instrument = QComboBox(self)
        self.instrument.setObjectName("searchInstrument")
        self.instrument.addItem(self.tr("All instruments"), "")
        for instrument in source.instruments():
            self.instrument.addItem(instrument.short_title, instrument.id)
        self.part = QComboBox(self)
        self.part.setObjectName("searchPart")
        self.part.addItem(self.tr("Whole text"), "")
        self.part.addItem(self.tr("Preamble"), "preamble")
        self.part.addItem(self.tr("Operative part"), "operative")
        self.part.addItem(self.tr("Notes and highlights"), NOTES)
        self.opening = opening_chooser(
            self, "searchOpening", self.tr("Any opening"),
            self.tr("Only paragraphs that open with this verb or participle; with no words "
                    "typed, all of them"), source.openings)
        self.summary = QLabel(self)
        self.summary.setObjectName("searchSummary")
        self.summary.setWordWrap(True)
        self.model = SearchModel(source, self)
        self.results = row_list(self, "searchResults", self.model, self._activated)
        for combo in (self.instrument, self.part, self.opening):  # a narrow dock elides
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
        set_dock_body(self, self.field, self.instrument, self.part, self.opening, self.summary,
                      fill=self.results)
        self.field.textChanged.connect(self.search)
        self.instrument.currentIndexChanged.connect(self.search)
        self.part.currentIndexChanged.connect(self.search)
        self.opening.currentIndexChanged.connect(self.search)
        self.visibilityChanged.connect(lambda shown: self.opening.ensure_loaded() if shown
                                       else None)
        self.field.returnPressed.connect(self._open_current)
        self.field.installEventFilter(self)
        self.set_filters(*self._wanted_filters)

    def focus_field(self) -> None:
        self.opening.ensure_loaded()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_notes_search(self, find: Callable[[str], list[Annotation]]) -> None:
        """What the Notes scope asks: the annotations whose words match."""
        self._notes_search = find

    def search(self) -> None:
        """List the results of what is typed (the search is bounded: desktop.core.search)."""
        from desktop.core.search import QueryError
        from desktop.ui.docks.search_model import as_you_type

        text = self.field.text().strip()
        if self.part.currentData() == NOTES:
            self._search_notes(text)
            return
        hits = []
        opening = self.opening.currentData() or None
        if not text and not opening:
            self.summary.setText("")
        else:
            instrument = self.instrument.currentData()
            try:
                hits = self._source.search(as_you_type(text) if text else "",
                                           (instrument,) if instrument else (),
                                           self.part.currentData() or None, LIMIT, opening)
            except QueryError:
                self.summary.setText(self.tr("Type words to search for."))
            else:
                self.summary.setText(self._summary(len(hits), text or opening or ""))
        self.model.set_hits(hits)
        self._words = {hit.unit: hit.words for hit in hits}
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self.searched.emit(len(hits))

    def _search_notes(self, text: str) -> None:
        from desktop.ui.docks.rows_model import Row

        found = self._notes_search(text)[:LIMIT] if text else []
        words = text.split()
        rows = []
        for annotation in found:
            note = " ".join(annotation.note.split())
            lines = [marked(f"“{annotation.anchor.quote}”", words)]
            if note:
                lines.append(marked(note, words))
            rows.append(Row(title=self._source.citation(annotation.anchor.unit),
                            lines=tuple(lines), note=annotation.category or "",
                            unit=annotation.anchor.unit, kind=f"{NOTE_KIND}{annotation.id}"))
        self.model.set_rows(rows)
        self._words = {}
        self.summary.setText(self._summary(len(rows), text) if text else "")
        if rows:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self.searched.emit(len(rows))

    def _summary(self, count: int, text: str) -> str:
        if count == 0:
            return self.tr("Nothing found for “%s”.") % text
        if count == 1:
            return self.tr("1 result.")
        if count >= LIMIT:
            return self.tr("The best %d results.") % LIMIT
        return self.tr("%d results.") % count

    def found_words(self, unit_id: str) -> tuple[str, ...]:
        """The words the listed result for this unit found, as the unit spells them."""
        return self._words.get(unit_id, ())

    def filters(self) -> tuple[str, str]:
        """The instrument and part chosen ("" for all), to remember."""
        if not self.has_body():
            return self._wanted_filters
        return str(self.instrument.currentData()), str(self.part.currentData())

    def set_filters(self, instrument: str, part: str) -> None:
        self._wanted_filters = (instrument, part)
        if not self.has_body():
            return
        self.instrument.setCurrentIndex(max(self.instrument.findData(instrument), 0))
        self.part.setCurrentIndex(max(self.part.findData(part), 0))

    def _open_current(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        from desktop.ui.docks.rows_model import KIND_ROLE, UNIT_ROLE

        unit = index.data(UNIT_ROLE)
        kind = str(index.data(KIND_ROLE) or "")
        if unit and kind.startswith(NOTE_KIND):
            self.annotation_activated.emit(int(kind.removeprefix(NOTE_KIND)), str(unit))
        elif unit:
            self.unit_activated.emit(str(unit))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down and Up in the field move through the results without leaving it.
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step and self.model.rowCount():
                row = min(max(self.results.currentIndex().row() + step, 0),
                          self.model.rowCount() - 1)
                self.results.setCurrentIndex(self.model.index(row, 0))
                return True
        return super().eventFilter(watched, event)
