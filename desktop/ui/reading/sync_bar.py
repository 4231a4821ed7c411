"""The line under a pane's header that says how the pane follows the others.

A link toggle (the pane follows the leading pane, or stays where it is), then what the pane
shows: "Leading" in the pane the reader moved in (tinted, so it stands out), "1 of 7" with
previous / next buttons in a pane that shows corresponding units, or why it shows none
("No counterpart", "Not covered").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import (
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.ui.docks.link_words import relation_name
from desktop.ui.document_source import DocumentSource
from desktop.ui.lazy_qt import fill_rect
from desktop.ui.reading.drawn_icons import ICON_SIZE, arrow_icon, chain_icon
from desktop.ui.reading.pane_header import ElidedLabel

if TYPE_CHECKING:  # the links' model loads when a pane first follows another
    from desktop.core.correspondence import Correspondence

class SyncBar(QFrame):
    link_toggled = Signal(bool)
    step_requested = Signal(int)  # -1 previous, +1 next corresponding unit

    def __init__(self, source: DocumentSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBar")
        self._source = source
        self._leading = False
        self.link_button = QToolButton(self)
        self.link_button.setObjectName("linkButton")
        self.link_button.setCheckable(True)
        self.link_button.setChecked(True)
        self.link_button.setAutoRaise(True)
        self.link_button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.link_button.toggled.connect(self._toggled)
        self.previous_button = self._step_button(self.tr("Previous corresponding unit "
                                                         "(Shift+F8)"), -1)
        self.next_button = self._step_button(self.tr("Next corresponding unit (F8)"), 1)
        self._draw_icons()
        self.status = QLabel(self)
        self.status.setObjectName("syncStatus")
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        self.detail = ElidedLabel(self)  # the most telling part first
        self.detail.setObjectName("syncDetail")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.link_button)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.status)
        layout.addWidget(self.detail, 1)
        self._describe_toggle()
        self.show_idle()
        # One height whatever is shown, so the text below never shifts when buttons come.
        self.setFixedHeight(max(self.link_button.sizeHint().height(),
                                self.next_button.sizeHint().height(),
                                self.status.sizeHint().height()))

    def _step_button(self, tip: str, step: int) -> QToolButton:
        button = QToolButton(self)
        button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.step_requested.emit(step))
        return button

    def _draw_icons(self) -> None:
        palette = self.palette()
        self.link_button.setIcon(chain_icon(palette))
        self.previous_button.setIcon(arrow_icon(palette, up=True))
        self.next_button.setIcon(arrow_icon(palette, up=False))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icons()  # drawn in the palette's colours

    # -- the link toggle -------------------------------------------------------------------

    def is_linked(self) -> bool:
        return self.link_button.isChecked()

    def set_linked(self, linked: bool) -> None:
        self.link_button.setChecked(linked)  # emits link_toggled when it changes

    def _toggled(self, linked: bool) -> None:
        self._describe_toggle()
        if not linked:
            self.show_idle()
        self.link_toggled.emit(linked)

    def _describe_toggle(self) -> None:
        tip = (self.tr("Linked: this pane follows the pane you read in (Ctrl+K unlinks it)")
               if self.is_linked() else
               self.tr("Not linked: this pane stays where it is (Ctrl+K links it)"))
        self.link_button.setToolTip(tip)
        self.link_button.setAccessibleName(tip)

    # -- what the bar says -----------------------------------------------------------------

    def is_leading(self) -> bool:
        return self._leading

    def _say(self, status: str, detail: str, steps: int = 0, leading: bool = False,
             shorter: Sequence[str] = ()) -> None:
        self.status.setText(status)
        self.detail.setText(detail, shorter)
        for button in (self.previous_button, self.next_button):
            button.setVisible(steps > 0)
            button.setEnabled(steps > 1)
        if leading != self._leading:
            self._leading = leading
            self.update()

    def show_idle(self) -> None:
        if self.is_linked():
            self._say(self.tr("Linked"), self.tr("follows the pane you read in"))
        else:
            self._say(self.tr("Not linked"), self.tr("stays where it is"))

    def show_leading(self, unit_id: str) -> None:
        self._say(self.tr("Leading"), self._source.short_citation(unit_id), leading=True)

    def show_following(self, result: Correspondence, active: int) -> None:
        from desktop.core.correspondence import (
            INDIRECT,
            LINKED,
            NO_COUNTERPART,
            NOT_COVERED,
            RESTATES,
            SAME_INSTRUMENT,
        )

        name = self._source.short_citation
        leader = name(result.unit)
        if result.status in (LINKED, INDIRECT) and result.targets:
            target = result.targets[active]
            parts = [name(target.unit)]
            if target.indirect:
                parts = [self.tr("Indirect: %s through %s") % (name(target.unit), ", ".join(
                    name(unit) for unit in target.via))]
            parts.append(self.tr("for %s") % leader + self._basis(result, target.sources))
            printed = ", ".join(f"“{reference.raw}”" for reference in target.references
                                if reference.kind != RESTATES)
            if printed:
                parts.append(self.tr("table: %s") % printed)
            parts.extend(self.tr("agreed wording: %s") % relation_name(reference.relation)
                         for reference in target.references if reference.kind == RESTATES)
            # Narrow, the bar drops the last parts whole ("PoA 4 (a) · for UNGASS 1 (a)").
            self._say(self.tr("%d of %d") % (active + 1, len(result.targets)),
                      " · ".join(parts), steps=len(result.targets),
                      shorter=[" · ".join(parts[:count]) for count in range(len(parts) - 1, 0,
                                                                             -1)])
        elif result.status == NO_COUNTERPART:
            printed = ", ".join(self.tr("“%s” (line %d)") % (reference.raw, reference.line)
                                for reference in result.no_counterpart)
            self._say(self.tr("No counterpart"),
                      self.tr("the concordance table says %s for %s") % (printed, leader))
        elif result.status == SAME_INSTRUMENT:
            self._say(self.tr("Same instrument"), self.tr("stays where it is"))
        elif result.status == NOT_COVERED:
            self._say(self.tr("Not covered"), self._not_covered(result, leader))
        else:
            self.show_idle()

    def _basis(self, result: Correspondence, sources: tuple[str, ...]) -> str:
        from desktop.core.correspondence import PARAGRAPH, SUBPARAGRAPHS

        name = self._source.short_citation
        if result.basis == SUBPARAGRAPHS:
            return self.tr(" (through %s)") % ", ".join(name(unit) for unit in sources)
        if result.basis == PARAGRAPH:
            return self.tr(" (cited as part of %s)") % ", ".join(name(unit) for unit in sources)
        return ""

    def _not_covered(self, result: Correspondence, leader: str) -> str:
        from desktop.core.correspondence import REASON_ELSEWHERE, REASON_INSTRUMENT, REASON_KIND

        title = self._source.instrument_title
        if result.reason == REASON_INSTRUMENT:
            leading = result.unit.split("/", 1)[0]
            missing = leading if not self._source.in_concordance(leading) else result.instrument
            return self.tr("the concordance table does not include %s") % title(missing)
        if result.reason == REASON_KIND:
            unit = self._source.unit(result.unit)
            if unit is not None and unit.kind == "heading":
                return self.tr("%s is a heading: the concordance table relates paragraphs"
                               ) % leader
            return self.tr("%s is not a paragraph: the concordance table relates paragraphs"
                           ) % leader
        if result.reason == REASON_ELSEWHERE:
            names = " and ".join(title(instrument) for instrument in result.elsewhere)
            return self.tr("the links relate %s only to %s") % (leader, names)
        return self.tr("%s is not in the concordance table") % leader

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._leading:
            # The leading pane's bar is tinted in the selection colour, as its current unit.
            painter = QPainter(self)
            tint = self.palette().color(QPalette.ColorRole.Highlight)  # a copy
            tint.setAlpha(56)
            fill_rect(painter, self.rect(), tint)
            painter.end()
        super().paintEvent(event)
