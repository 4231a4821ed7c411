"""The annotations panel (a dock like Links and Search): every annotation, filtered as the
reader types and by instrument, category, tag, meeting and author, in document order or
newest first, with counts per category; the selected one's note editor below. Activating a
row brings a pane to the annotation."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.notes.model import Annotation, Change
from desktop.ui.annotations_model import (
    ANNOTATION_ROLE,
    COLOUR_ROLE,
    DOCUMENT,
    NEWEST,
    UNIT_ROLE,
    AnnotationsModel,
    Facets,
)
from desktop.ui.document_source import DocumentSource
from desktop.ui.hub import AnnotationHub, affects
from desktop.ui.note_editor import NoteEditor
from desktop.ui.operations import AnnotationOperations
from desktop.ui.row_delegate import RowDelegate
from desktop.ui.selection_palette import swatch
from desktop.ui.theme import UNCATEGORISED_COLOUR

BAR = 5  # the category colour's bar at a row's left edge


class AnnotationDelegate(RowDelegate):
    """A row of the search results' kind, with the category's colour in a bar at its left."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(BAR + 2, 0, 0, 0)
        super().paint(painter, shifted, index)
        colour = QColor(str(index.data(COLOUR_ROLE) or UNCATEGORISED_COLOUR))
        painter.fillRect(QRect(option.rect.left() + 1, option.rect.top() + 3, BAR,
                               option.rect.height() - 6), colour)


class AnnotationsDock(QDockWidget):
    annotation_activated = Signal(int, str)  # the annotation, its first unit

    def __init__(self, hub: AnnotationHub, operations: AnnotationOperations,
                 source: DocumentSource, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Annotations"), parent)
        self.setObjectName("annotationsDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self._hub = hub
        self._source = source
        self._loaded = False
        order = {instrument.id: instrument.seq for instrument in source.instruments()}
        self.model = AnnotationsModel(self.citation, lambda i: order.get(i, 1 << 30), self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("annotationsFilter")
        self.filter.setPlaceholderText(self.tr("Filter: words of the quote or the note"))
        self.filter.setClearButtonEnabled(True)
        self.instrument = self._combo("annotationsInstrument", self.tr("All instruments"))
        for instrument in source.instruments():
            self.instrument.addItem(instrument.short_title, instrument.id)
        self.category = self._combo("annotationsCategory", self.tr("All categories"))
        self.tag = self._combo("annotationsTag", self.tr("All tags"))
        self.meeting = self._combo("annotationsMeeting", self.tr("All meetings"))
        self.author = self._combo("annotationsAuthor", self.tr("All authors"))
        self.sort = self._combo("annotationsSort", self.tr("Document order"))
        self.sort.setItemData(0, DOCUMENT)
        self.sort.addItem(self.tr("Newest first"), NEWEST)
        self.counts = QLabel(self)
        self.counts.setObjectName("annotationsCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.list = QListView(self)
        self.list.setObjectName("annotationsList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(AnnotationDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMinimumHeight(60)
        self.editor = NoteEditor(operations, self.citation, self)
        # Tags, meetings and authors are offered only once some are used: a delegate who
        # never tags sees no empty "All tags" choice.
        self._controls = controls = QGridLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(4)
        for combo in (self.tag, self.meeting, self.author):
            combo.hide()
        self._arrange()
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(4)
        top_layout.addWidget(self.filter)
        top_layout.addLayout(controls)
        top_layout.addWidget(self.counts)
        top_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("annotationsSplitter")
        splitter.addWidget(top)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.setWidget(body)
        self.filter.textChanged.connect(self._filter)
        for combo in (self.instrument, self.category, self.tag, self.meeting, self.author):
            combo.currentIndexChanged.connect(self._filter)
        self.sort.currentIndexChanged.connect(
            lambda: self.model.set_sort(self.sort.currentData()))
        self.model.modelReset.connect(self._show_counts)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        hub.changed.connect(self._hub_changed)
        self.visibilityChanged.connect(lambda shown: self.refresh() if shown else None)

    def _arrange(self) -> None:
        """The choices shown, two to a row (a narrow panel cuts no words)."""
        shown = [combo for combo in (self.instrument, self.category, self.tag, self.meeting,
                                     self.author, self.sort) if not combo.isHidden()]
        for combo in shown:
            self._controls.removeWidget(combo)
        for position, combo in enumerate(shown):
            self._controls.addWidget(combo, position // 2, position % 2)

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(1)
        return combo

    def citation(self, annotation: Annotation) -> str:
        anchor = annotation.anchor
        if anchor.unit == anchor.end_unit:
            return self._source.citation(anchor.unit)
        return self._source.range_citation(anchor.unit, anchor.end_unit)

    # -- contents -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the annotations (the store reuses those that did not change)."""
        selected = self.selected_id()
        self._loaded = True
        categories = self._hub.categories()
        self.model.set_annotations(self._hub.annotations())
        self._fill(self.category, [(c.name, c.name, c.colour) for c in categories]
                   + [(self.tr("No category"), "", UNCATEGORISED_COLOUR)])
        for combo, field in ((self.tag, "tag"), (self.meeting, "meeting"),
                             (self.author, "author")):
            values = self.model.values(field)
            self._fill(combo, [(f"#{v}" if field == "tag" else v, v, None) for v in values])
            combo.setHidden(not values and combo.currentIndex() == 0)
        self._arrange()
        self.editor.set_categories(categories)
        self.editor.set_known_tags(self.model.values("tag"))
        if selected is not None:
            self._select_row(selected)
        current = self.editor.annotation()
        if current is not None:
            fresh = next((a for a in self.model.annotations() if a.id == current.id), None)
            self.editor.set_annotation(fresh)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str, str | None]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value, colour in items:
            if colour:
                combo.addItem(swatch(colour), text, value)
            else:
                combo.addItem(text, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _hub_changed(self, change: Change) -> None:
        if self._loaded and affects(change):
            self.refresh()

    def _filter(self) -> None:
        self.model.set_facets(Facets(
            text=self.filter.text().strip(),
            instrument=self.instrument.currentData() or "",
            category=self.category.currentData(),
            tag=self.tag.currentData() or "",
            meeting=self.meeting.currentData() or "",
            author=self.author.currentData() or ""))

    def _show_counts(self) -> None:
        counts = self.model.category_counts()
        colours = {c.name: c.colour for c in self._hub.categories()} if counts else {}
        parts = []
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            colour = colours.get(name, UNCATEGORISED_COLOUR)
            label = html.escape(name or self.tr("No category"))
            parts.append(f'<span style="color:{colour}">■</span>&nbsp;{label}&nbsp;{count}')
        total = self.tr("%d shown") % self.model.rowCount()
        self.counts.setText(" · ".join([total, *parts]))

    # -- selection ------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        index = self.list.currentIndex()
        value = index.data(ANNOTATION_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def _select_row(self, annotation_id: int) -> bool:
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)
        return True

    def select(self, annotation_id: int) -> bool:
        """Show the panel with this annotation selected (the filter cleared if it hid it)."""
        self.show()
        self.raise_()
        if not self._loaded or self.model.row_of(annotation_id) < 0:
            self.refresh()
        if self.model.row_of(annotation_id) < 0:
            self.clear_filters()
        return self._select_row(annotation_id)

    def clear_filters(self) -> None:
        self.filter.clear()
        for combo in (self.instrument, self.category, self.tag, self.meeting, self.author):
            combo.setCurrentIndex(0)

    def edit(self, annotation_id: int) -> None:
        """Ctrl+N: the annotation's note, ready for typing."""
        self.select(annotation_id)
        self.editor.focus_text()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(ANNOTATION_ROLE) if current.isValid() else None
        annotation = next((a for a in self.model.annotations() if a.id == value), None)
        self.editor.set_annotation(annotation)

    def _activated(self, index: QModelIndex) -> None:
        value = index.data(ANNOTATION_ROLE)
        if value is not None:
            self.annotation_activated.emit(int(value), str(index.data(UNIT_ROLE)))

    def matching(self, text: str) -> list[Annotation]:
        """Annotations whose quote, note, citation or tags hold every word of `text` (the
        Notes scope of search)."""
        if not self._loaded:
            self.refresh()
        words = text.lower().split()
        return [a for a in self.model.annotations()
                if words and all(w in f"{a.anchor.quote} {a.note} {' '.join(a.tags)}".lower()
                                 for w in words)]

    def shown_ids(self) -> list[int]:
        return [a.id for a in self.model.shown()]
