"""The annotations panel (a dock like Links and Search): every annotation, filtered as the
reader types and by instrument, category, tag, meeting and author, in document order or
newest first, with counts per category; the selected one's note editor below. Activating a
row brings a pane to the annotation. Two more views: the Trash (restore what was deleted)
and the Review list (annotations a corpus change left unsure, settled one by one)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyleOptionViewItem,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exchange.conflicts import MINE, THEIRS
from desktop.core.notes.errors import NotesError
from desktop.core.notes.model import Annotation, Change, ReviewItem
from desktop.ui.docks.annotations_model import (
    ANNOTATION_ROLE,
    COLOUR_ROLE,
    DOCUMENT,
    NEWEST,
    UNIT_ROLE,
    AnnotationsModel,
    Facets,
)
from desktop.ui.docks.conflicts_model import CONFLICT_ROLE, ConflictsModel
from desktop.ui.docks.note_editor import NoteEditor
from desktop.ui.docks.review_model import REVIEW_KIND, ReviewModel
from desktop.ui.docks.row_delegate import RowDelegate
from desktop.ui.docks.rows_model import KIND_ROLE
from desktop.ui.docks.rows_model import UNIT_ROLE as ROWS_UNIT_ROLE
from desktop.ui.document_source import DocumentSource
from desktop.ui.hub import AnnotationHub, affects
from desktop.ui.operations import AnnotationOperations
from desktop.ui.reading.selection_palette import swatch
from desktop.ui.reading.theme import UNCATEGORISED_COLOUR

BAR = 5  # the category colour's bar at a row's left edge
ANNOTATIONS, TRASH, REVIEW, CONFLICTS = 0, 1, 2, 3  # the panel's views


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
    export_requested = Signal(tuple)  # the ids of the annotations selected, for File ▸ Export
    move_requested = Signal(int)  # a review item to move to the focused pane's selection
    review_unit_requested = Signal(str)  # a review item's candidate place, to look at
    reviews_changed = Signal(int)  # how many annotations wait for review

    def __init__(self, hub: AnnotationHub, operations: AnnotationOperations,
                 source: DocumentSource, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Annotations"), parent)
        self.setObjectName("annotationsDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self._hub = hub
        self._operations = operations
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
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.pages = QStackedWidget(self)
        self.pages.addWidget(top)
        self.pages.addWidget(self._trash_page())
        self.pages.addWidget(self._review_page())
        self.pages.addWidget(self._conflicts_page())
        self.views = QTabBar(self)
        self.views.setObjectName("annotationsViews")
        self.views.setExpanding(False)
        self.views.setDrawBase(False)
        for title in (self.tr("Annotations"), self.tr("Trash"), self.tr("Review"),
                      self.tr("Conflicts")):
            self.views.addTab(title)
        self.views.currentChanged.connect(self._view_chosen)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("annotationsSplitter")
        splitter.addWidget(self.pages)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.views)
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
        self.list.installEventFilter(self)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        hub.changed.connect(self._hub_changed)
        self.visibilityChanged.connect(lambda shown: self.refresh() if shown else None)

    # -- the Trash and Review views ---------------------------------------------------------

    def _view_page(self, explanation: str, view: QListView,
                   actions: list[tuple[str, Callable[[], object]]]) -> tuple[QWidget,
                                                                           list[QPushButton]]:
        """A view of the panel: a line saying what it lists, the list, its buttons."""
        page = QWidget(self)
        said = QLabel(explanation, page)
        said.setWordWrap(True)
        row = QHBoxLayout()
        buttons = []
        for text, act in actions:
            button = QPushButton(text, page)
            button.clicked.connect(act)
            row.addWidget(button)
            buttons.append(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(said)
        layout.addWidget(view, 1)
        layout.addLayout(row)
        return page, buttons

    def _trash_page(self) -> QWidget:
        order = {instrument.id: instrument.seq for instrument in self._source.instruments()}
        self.trash_model = AnnotationsModel(self.citation, lambda i: order.get(i, 1 << 30), self)
        self.trash_model.set_sort(NEWEST)
        self.trash_list = self._list("trashList", self.trash_model, AnnotationDelegate)
        page, (self.restore_button,) = self._view_page(
            self.tr("Deleted annotations, newest first: nothing is lost until you decide."),
            self.trash_list, [(self.tr("&Restore"), self.restore_selected)])
        self.restore_button.setToolTip(self.tr("Bring it back where it was (R)"))
        return page

    def _review_page(self) -> QWidget:
        self.review_model = ReviewModel(self._place, self)
        self.review_list = self._list("reviewList", self.review_model, RowDelegate)
        page, (self.accept_button, self.move_button, self.archive_button) = self._view_page(
            self.tr("The corpus changed under these annotations. Each stays as it was until "
                    "you decide: accept the new place (A), select another place in a pane and "
                    "move it there (M), or archive it (X)."), self.review_list,
            [(self.tr("&Accept"), lambda: self._settle("accept")),
             (self.tr("&Move to selection"), lambda: self._settle("move")),
             (self.tr("Archi&ve"), lambda: self._settle("archive"))])
        return page

    def _conflicts_page(self) -> QWidget:
        self.conflicts_model = ConflictsModel(self._place, self)
        self.conflicts_list = self._list("conflictsList", self.conflicts_model, RowDelegate)
        page, (self.keep_mine_button, self.keep_theirs_button) = self._view_page(
            self.tr("Annotations a colleague changed where you changed them too: both "
                    "versions are kept until you choose (M keeps yours, T theirs)."),
            self.conflicts_list, [(self.tr("Keep &mine"), lambda: self._keep(MINE)),
                                  (self.tr("Keep &theirs"), lambda: self._keep(THEIRS))])
        return page

    def _keep(self, which: str) -> bool:
        index = self.conflicts_list.currentIndex()
        value = index.data(CONFLICT_ROLE) if index.isValid() else None
        return value is not None and self._operations.settle_conflict(int(value), which)

    def selected_ids(self) -> tuple[int, ...]:
        """The annotations selected in the list, in the list's order."""
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return tuple(int(self.model.index(row, 0).data(ANNOTATION_ROLE)) for row in rows)

    def copy_selected(self) -> str:
        """The selected annotations to the clipboard as a brief quotes them: rich text for
        Word and Outlook, plain text (Markdown) for everything else. Returns the plain text."""
        ids = self.selected_ids()
        if not ids:
            return ""
        from desktop.core.excerpts import html_writer, markdown_writer
        from desktop.core.excerpts.pack import Filters, build_pack

        try:
            pack = build_pack(self._hub.service, Filters(ids=ids, include_private=True),
                              title=self.tr("Excerpts"))
        except NotesError as error:
            self._hub.tell(str(error))
            return ""
        plain = markdown_writer.render(pack)
        data = QMimeData()
        data.setHtml(html_writer.render(pack))
        data.setText(plain)
        QGuiApplication.clipboard().setMimeData(data)
        self._hub.tell(self.tr("Copied %d annotations as a brief.") % len(ids) if len(ids) > 1
                       else self.tr("Copied 1 annotation as a brief."))
        return plain

    def _list(self, name: str, model: QAbstractItemModel,
              delegate: type[RowDelegate]) -> QListView:
        view = QListView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setItemDelegate(delegate(view))
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setMinimumHeight(60)
        view.installEventFilter(self)
        view.activated.connect(self._row_activated)
        return view

    def _place(self, first: str, last: str) -> str:
        return (self._source.citation(first) if first == last
                else self._source.range_citation(first, last))

    def show_view(self, view: int) -> None:
        """Show the panel on one of its views: ANNOTATIONS, TRASH or REVIEW."""
        self.show()
        self.raise_()
        self.views.setCurrentIndex(view)

    def _view_chosen(self, view: int) -> None:
        self.pages.setCurrentIndex(view)
        self.editor.setVisible(view == ANNOTATIONS)
        if not self._loaded:
            self.refresh()
        current = {TRASH: self.trash_list, REVIEW: self.review_list,
                   CONFLICTS: self.conflicts_list}.get(view, self.list)
        if current.model().rowCount() and not current.currentIndex().isValid():
            current.setCurrentIndex(current.model().index(0, 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.trash_list.currentIndex().isValid())
        item = self._selected_review()
        for button in (self.accept_button, self.move_button, self.archive_button):
            button.setEnabled(item is not None)
        if item is not None:
            self.accept_button.setEnabled(bool(item.candidates))

    def _selected_review(self) -> ReviewItem | None:
        index = self.review_list.currentIndex()
        kind = str(index.data(KIND_ROLE) or "") if index.isValid() else ""
        if not kind.startswith(REVIEW_KIND):
            return None
        return self.review_model.item(int(kind.removeprefix(REVIEW_KIND)))

    def _settle(self, how: str) -> bool:
        item = self._selected_review()
        if item is None:
            return False
        annotation = item.annotation.id
        if how == "accept":
            return self._operations.accept(annotation)
        if how == "archive":
            return self._operations.archive(annotation)
        self.move_requested.emit(annotation)
        return True

    def delete_selected(self) -> bool:
        selected = self.selected_id()
        return selected is not None and self._operations.remove(selected)

    def restore_selected(self) -> bool:
        index = self.trash_list.currentIndex()
        value = index.data(ANNOTATION_ROLE) if index.isValid() else None
        return value is not None and self._operations.restore(int(value))

    def _row_activated(self, index: QModelIndex) -> None:
        unit = index.data(UNIT_ROLE) if index.model() is self.trash_model else \
            index.data(ROWS_UNIT_ROLE)
        if unit and index.model() is self.review_model:
            self.review_unit_requested.emit(str(unit))

    def _list_menu(self, position: QPoint) -> None:
        index = self.list.indexAt(position)
        if not index.isValid():
            return
        menu = QMenu(self)
        copy = menu.addAction(self.tr("&Copy as a brief"), self.copy_selected)
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        menu.addAction(self.tr("&Export selected…"),
                       lambda: self.export_requested.emit(self.selected_ids()))
        menu.addSeparator()
        delete = menu.addAction(self.tr("&Delete"), self.delete_selected)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        menu.exec(self.list.viewport().mapToGlobal(position))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keys on the lists: Delete moves to the trash; R restores; A, M, X settle a review.
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if watched is self.list and key == Qt.Key.Key_Delete:
                return self.delete_selected() or True
            if watched is self.list and event.matches(QKeySequence.StandardKey.Copy):
                return bool(self.copy_selected()) or True
            if watched is self.conflicts_list:
                which = {Qt.Key.Key_M: MINE, Qt.Key.Key_T: THEIRS}.get(Qt.Key(key))
                if which is not None:
                    return self._keep(which) or True
            if watched is self.trash_list and key == Qt.Key.Key_R:
                return self.restore_selected() or True
            if watched is self.review_list:
                how = {Qt.Key.Key_A: "accept", Qt.Key.Key_M: "move",
                       Qt.Key.Key_X: "archive"}.get(Qt.Key(key))
                if how is not None:
                    return self._settle(how) or True
        return super().eventFilter(watched, event)

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
        self.trash_model.set_annotations(self._hub.trash())
        reviews = self._hub.reviews()
        self.review_model.set_items(reviews)
        self.views.setTabText(REVIEW, self.tr("Review (%d)") % len(reviews) if reviews
                              else self.tr("Review"))
        self.reviews_changed.emit(len(reviews))
        conflicts = self._hub.conflicts()
        self.conflicts_model.set_conflicts(conflicts)
        self.views.setTabText(CONFLICTS, self.tr("Conflicts (%d)") % len(conflicts)
                              if conflicts else self.tr("Conflicts"))
        self._update_buttons()
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
