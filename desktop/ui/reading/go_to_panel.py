"""Go to (Ctrl+L): type a citation as delegates write it, go there.

A box over the top of the panes. What is typed is read by the corpus's citation reader
(desktop.core.citations.CitationIndex) as you type; the list under it shows what it resolves
to — in the focused pane's instrument first when the form fits several ("OP 19") — then the
units whose short citation begins with what is typed (completion: Tab takes the selected one's
citation into the box). Enter goes to the selected row; when nothing fits, Enter says why and
the text stays.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.citations import CitationIndex, Resolution
from desktop.ui.docks.row_delegate import RowDelegate
from desktop.ui.docks.rows_model import UNIT_ROLE, Row, RowsModel
from desktop.ui.document_source import DocumentSource

COMPLETIONS = 8  # completions listed at most
WIDTH = 560
TOP = 40  # below the menu bar, over the panes' headers
FIRST_WORDS = 80


def _compact(text: str) -> str:
    """What is typed, for prefix matching: lower case, no spaces or brackets."""
    return re.sub(r"[\s()\[\].,]+", "", text.lower())


class GoToPanel(QFrame):
    unit_chosen = Signal(str)
    cancelled = Signal()  # Escape: the reader goes back to the pane

    def __init__(self, source: DocumentSource, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("goToPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(18)
        shadow.setOffset(0, 3)
        shadow.setColor(QColor(0, 0, 0, 90))
        self.setGraphicsEffect(shadow)  # it floats over the text
        self._source = source
        self._index: CitationIndex | None = None
        self._short: list[tuple[str, str, str]] = []  # (compact short form, its path part, id)
        self._prefer: str | None = None
        self._message = ""  # what the resolver said about the text
        self.field = QLineEdit(self)
        self.field.setObjectName("goToField")
        self.field.setPlaceholderText(self.tr("Go to: “PoA 41 (g)”, “OP 19”, “UNGASS 1 (a)”, "
                                              "“74/178 PP 3”"))
        self.field.setClearButtonEnabled(True)
        self.message = QLabel(self)
        self.message.setObjectName("goToMessage")
        self.message.setWordWrap(True)
        self.model = RowsModel(self)
        self.list = QListView(self)
        self.list.setObjectName("goToList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(RowDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the box
        self.list.clicked.connect(self._go_to_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        self.field.textChanged.connect(self._update)
        self.field.returnPressed.connect(self.go)
        self.field.installEventFilter(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        self.hide()

    # -- opening and closing ---------------------------------------------------------------

    def open(self, prefer_instrument: str | None) -> None:
        """Show the box over the panes, the focused pane's instrument preferred."""
        self._prefer = prefer_instrument
        if self._index is None:
            self._index = CitationIndex(self._source.instruments(), self._unit_ids())
        self.place()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._update(self.field.text())

    def _unit_ids(self) -> list[str]:
        ids = []
        for instrument in self._source.instruments():
            for unit in self._source.units(instrument.id):
                ids.append(unit.id)
                short = self._source.short_citation(unit.id)
                rest = short.partition(" ")[2]
                self._short.append((_compact(short), _compact(rest), unit.id))
        return ids

    def place(self) -> None:
        """Centred over the panes, as tall as its rows need (the window's height at most)."""
        parent = self.parentWidget()
        assert parent is not None
        width = min(WIDTH, parent.width() - 40)
        rows = max(self.model.rowCount(), 1)
        row_height = self.list.sizeHintForRow(0) if self.model.rowCount() else \
            self.fontMetrics().lineSpacing() * 2
        margins = self.layout().contentsMargins()
        wanted = (self.field.sizeHint().height() + self.message.heightForWidth(width - 12)
                  + rows * row_height + 2 * self.list.frameWidth() + 2 * 4
                  + margins.top() + margins.bottom())
        most = parent.height() - TOP - 20
        self.setGeometry((parent.width() - width) // 2, TOP, width, min(wanted, most))
        self.layout().activate()
        short = rows * row_height - self.list.viewport().height()  # what the sums missed
        if short > 0:
            self.resize(width, min(self.height() + short, most))

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if self.isVisible() and (now is None or not self.isAncestorOf(now)):
            self.hide()  # a click elsewhere closes the box, as Escape does

    # -- reading what is typed -------------------------------------------------------------

    def _update(self, text: str) -> None:
        if self._index is None:
            return
        typed = text.strip()
        if not typed:
            self._message = ""
            self.model.set_rows([])
            self.message.setText(self.tr("Type a citation; Enter goes there, Escape closes."))
            self._fit()
            return
        resolution = self._index.resolve(typed, prefer=self._prefer)
        found = list(resolution.candidates)
        self._message = resolution.message
        rows = [self._row(unit, "candidate") for unit in found]
        rows += [self._row(unit, "completion") for unit in self._completions(typed, found)]
        self.model.set_rows(rows)
        if rows:
            self.list.setCurrentIndex(self.model.index(0, 0))
        if len(found) > 1:
            first = self._source.citation(found[0])
            self.message.setText(self.tr("“%s” fits %d instruments: Enter goes to %s; ↓ and "
                                         "Enter for another.") % (typed, len(found), first))
        elif found:
            self.message.setText(self.tr("Enter goes to %s.") % self._source.citation(found[0]))
        elif rows:
            self.message.setText(self.tr("Tab completes the selected citation."))
        else:
            self.message.setText(self._why(resolution))
        self._fit()

    def _why(self, resolution: Resolution) -> str:
        """The resolver's sentence in the interface's language (the citations in it stay as
        printed)."""
        sentences = {
            "empty": self.tr("Type a citation, for example {example}."),
            "ambiguous": self.tr("{typed} exists in {names}. Name the instrument to pick one."),
            "no_paragraph": self.tr("“{typed}” names {names} but no paragraph: try "
                                    "“{typed} 1”."),
            "unreadable": self.tr("Could not read “{typed}” as a citation; try {example}."),
            "missing": self.tr("{instrument} has no {where}."),
            "nowhere": self.tr("No instrument in the library has {where}."),
            "range_end": self.tr("{instrument} has no {where}: “{typed}” cannot end there."),
        }
        sentence = sentences.get(resolution.reason)
        return sentence.format(**dict(resolution.fields)) if sentence else resolution.message

    def _fit(self) -> None:
        if self.isVisible():
            self.place()

    def _completions(self, typed: str, found: list[str]) -> list[str]:
        wanted = _compact(typed)
        prefer = f"{self._prefer}/"
        matches = [unit for short, rest, unit in self._short
                   if unit not in found and (short.startswith(wanted) or rest.startswith(wanted))]
        matches.sort(key=lambda unit: not unit.startswith(prefer))  # stable: document order
        return matches[:COMPLETIONS]

    def _row(self, unit_id: str, kind: str) -> Row:
        unit = self._source.unit(unit_id)
        words = f"{unit.label} {unit.text}".strip() if unit else ""
        if len(words) > FIRST_WORDS:
            words = words[:FIRST_WORDS].rsplit(" ", 1)[0] + " …"
        return Row(title=f"{self._source.short_citation(unit_id)} — "
                         f"{self._source.citation(unit_id)}",
                   lines=(words,), unit=unit_id, kind=kind)

    # -- going -----------------------------------------------------------------------------

    def go(self) -> bool:
        """Enter: go to the selected row; without one, say why (the text stays)."""
        index = self.list.currentIndex()
        if index.isValid() and index.data(UNIT_ROLE):
            self._go_to_row(index)
            return True
        typed = self.field.text().strip()
        self.message.setText(self._message or self.tr("Type a citation, for example “PoA 41 "
                                                      "(g)”."))
        if typed and self._index is not None and not self._message:
            self.message.setText(self._index.resolve(typed, prefer=self._prefer).message)
        self._fit()
        return False

    def _go_to_row(self, index: QModelIndex) -> None:
        unit = index.data(UNIT_ROLE)
        if unit:
            # Signal first: the window gives the focus to the right pane, and only then does
            # the box go (hidden first, it would hand the focus to whatever came next).
            self.unit_chosen.emit(str(unit))
            self.hide()

    def _complete(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.field.setText(self._source.short_citation(str(index.data(UNIT_ROLE))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.cancelled.emit()
                self.hide()
                return True
            if key == Qt.Key.Key_Tab:
                self._complete()
                return True
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(key))
            if step and self.model.rowCount():
                row = min(max(self.list.currentIndex().row() + step, 0),
                          self.model.rowCount() - 1)
                self.list.setCurrentIndex(self.model.index(row, 0))
                return True
        return super().eventFilter(watched, event)

