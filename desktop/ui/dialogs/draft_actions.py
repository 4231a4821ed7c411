"""Drafts in the window: File ▸ Import draft…, the status marks of a draft's paragraphs and
the redline a mark's click opens. `install_drafts(window, source, menu)` is the one hook in
MainWindow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop import paths
from desktop.core.drafts import service
from desktop.ui.dialogs.import_draft_dialog import ImportDraftDialog
from desktop.ui.document_source import DocumentSource
from desktop.ui.draft_marks import DraftMarks

if TYPE_CHECKING:
    from desktop.ui.dialogs.compare_dialog import CompareDialog
    from desktop.ui.main_window import MainWindow


class DraftActions(QObject):
    def __init__(self, window: MainWindow, source: DocumentSource, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self._source = source
        self.marks = DraftMarks(source, window.pane_area.panes, self)
        window.pane_area.panes_changed.connect(self.marks.panes_changed)
        self.marks.panes_changed()
        self.marks.mark_clicked.connect(self.show_source)
        self.dialog: ImportDraftDialog | None = None
        self.compare_dialog: CompareDialog | None = None
        self.action = QAction(self.tr("Import &draft…"), window)
        self.action.setObjectName("importDraftAction")
        self.action.triggered.connect(self.open_dialog)
        window.addAction(self.action)
        # After the annotations' Export, Share and Import, before Print.
        before = next((a for a in menu.actions() if a.objectName() == "printAction"
                       or a.text() == self.tr("&Print…")), None)
        menu.insertAction(before, self.action)
        if before is not None:
            menu.insertSeparator(before)

    def open_dialog(self) -> ImportDraftDialog:
        dialog = ImportDraftDialog(self._source.corpus, self._keep, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self.imported)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _keep(self, prepared: service.Prepared) -> service.Kept:
        return service.keep(prepared, paths.user_corpus_path(), self._window.hub.service.path,
                            paths.corpus_path())

    def imported(self, instrument_id: str, revision: int) -> None:
        """Read the corpus again, carry the notes over, show the draft beside the others."""
        window = self._window
        self._source.reload_instruments()
        window.hub.service.corpus_changed()
        window.hub.reopen()
        window.chapters.model.reload()
        area = window.pane_area
        showing = [pane for pane in area.panes() if pane.instrument_id() == instrument_id]
        for pane in showing:
            pane.reload()
        if not showing:
            position = area.panes().index(area.focused_pane()) + 1
            pane = area.add_pane(instrument_id, position)
            if pane is not None:
                area.set_focused(pane)
            else:
                window.open_unit(self._source.units(instrument_id)[0].id)
        self.marks.refresh_all()
        window.statusBar().showMessage(
            self.tr("Imported %1 (revision %2).").replace("%1", instrument_id)
            .replace("%2", str(revision)), 8000)

    def show_source(self, unit: str, source_unit: str | None) -> None:
        """A mark was clicked: the draft paragraph becomes current (the linked panes follow
        its links to the source) and, for agreed wording, the redline against the source."""
        for pane in self._window.pane_area.panes():
            if pane.instrument_id() == unit.split("/", 1)[0]:
                pane.view.set_current(unit)
                pane.unit_chosen.emit(pane, unit)
                break
        if source_unit is None:
            self._window.statusBar().showMessage(
                self.tr("New wording: no instrument of the library carries it."), 6000)
            return
        from desktop.ui.dialogs.compare_dialog import CompareDialog

        if self.compare_dialog is not None:
            self.compare_dialog.close()
        dialog = CompareDialog(self._source, source_unit, unit, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "compare_dialog", None))
        dialog.show()
        self.compare_dialog = dialog


def install_drafts(window: MainWindow, source: DocumentSource, menu: QMenu) -> DraftActions:
    return DraftActions(window, source, menu)
