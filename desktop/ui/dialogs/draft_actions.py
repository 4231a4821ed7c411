"""Drafts in the window: File ▸ Import draft…, the status marks of a draft's paragraphs and
the redline a mark's click opens; for the draft in the focused pane, Compare revisions…,
Export the agreed-language analysis… and Remove this draft…. `install_drafts(window,
source, menu)` is the one hook in MainWindow.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from desktop import paths
from desktop.ui.document_source import DocumentSource, main_instruments
from desktop.ui.reading.draft_marks import DraftMarks

if TYPE_CHECKING:  # the drafts' reading and analysis load when a command first needs them
    from desktop.core.drafts import service
    from desktop.ui.dialogs.compare_dialog import CompareDialog
    from desktop.ui.dialogs.import_draft_dialog import ImportDraftDialog
    from desktop.ui.dialogs.revisions_dialog import RevisionsDialog
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
        # What is done to the draft in the focused pane (enabled when the pane shows one).
        self.compare_action = self._draft_action(
            self.tr("Compare &revisions…"), "compareRevisionsAction", self.open_revisions)
        self.analysis_action = self._draft_action(
            self.tr("Export the agreed-language &analysis…"), "exportAnalysisAction",
            self.export_analysis)
        self.remove_action = self._draft_action(
            self.tr("Re&move this draft…"), "removeDraftAction", self.remove_draft)
        for action in (self.compare_action, self.analysis_action, self.remove_action):
            menu.insertAction(before, action)
        if before is not None:
            menu.insertSeparator(before)
        self.revisions_dialog: RevisionsDialog | None = None
        window.pane_area.focused_pane_changed.connect(lambda _: self.update_actions())
        window.pane_area.panes_changed.connect(self.update_actions)
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def _draft_action(self, text: str, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def focused_draft(self) -> str | None:
        """The imported instrument the focused pane shows, if it shows one."""
        area = self._window.pane_area
        if not area.panes():
            return None  # the window is being built
        instrument = area.focused_pane().instrument_id()
        return instrument if instrument in self._source.corpus.imported() else None

    def update_actions(self) -> None:
        draft = self.focused_draft()
        for action in (self.compare_action, self.analysis_action, self.remove_action):
            action.setEnabled(draft is not None)
            action.setToolTip("" if draft else self.tr("Open an imported draft in the focused "
                                                       "pane first"))

    def open_dialog(self) -> ImportDraftDialog:
        from desktop.ui.dialogs.import_draft_dialog import ImportDraftDialog

        dialog = ImportDraftDialog(self._source.corpus, self._keep, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self.imported)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _keep(self, prepared: service.Prepared) -> service.Kept:
        from desktop.core.drafts import service

        return service.keep(prepared, paths.user_corpus_path(), self._window.hub.service.path,
                            paths.corpus_path())

    def imported(self, instrument_id: str, revision: int) -> None:
        """Read the corpus again, carry the notes over, show the draft beside the others."""
        window = self._window
        self._library_changed()
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


    # -- the draft in the focused pane ----------------------------------------------------

    def open_revisions(self) -> RevisionsDialog | None:
        """Its current revision against an earlier one, paragraph by paragraph."""
        draft = self.focused_draft()
        if draft is None:
            return None
        from desktop.core.drafts import service
        from desktop.core.drafts.store import UserCorpusError
        from desktop.ui.dialogs.revisions_dialog import RevisionsDialog

        corpus = self._source.corpus
        try:
            dialog = RevisionsDialog(
                self._title(draft), lambda revision: service.diff_revisions(
                    corpus, paths.user_corpus_path(), draft, revision), self._window)
        except (service.DraftError, UserCorpusError) as error:
            self._say(self.tr("No comparison: %s") % error)
            return None
        if self.revisions_dialog is not None:
            self.revisions_dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "revisions_dialog", None))
        dialog.show()
        self.revisions_dialog = dialog
        return dialog

    def export_analysis(self, target: Path | None = None) -> Path | None:
        """Each paragraph's status, sources and redline as a brief (Word or HTML), written
        where the reader chooses; `target` skips the file dialog (tests)."""
        draft = self.focused_draft()
        if draft is None:
            return None
        if target is None:
            word, web = self.tr("Word document (*.docx)"), self.tr("Web page (*.html)")
            chosen, kind = QFileDialog.getSaveFileName(
                self._window, self.tr("Export the agreed-language analysis"),
                str(Path.home() / f"{draft}-agreed-language.docx"), f"{word};;{web}")
            if not chosen:
                return None
            target = Path(chosen)
            if target.suffix.lower() not in (".docx", ".html"):
                target = target.with_suffix(".html" if kind == web else ".docx")
        from desktop.core.drafts import service
        from desktop.core.drafts.analysis import analyse
        from desktop.core.drafts.brief import build, write
        from desktop.core.excerpts.atomic import ExportError

        corpus = self._source.corpus
        instrument = corpus.instrument(draft)
        assert instrument is not None  # focused_draft() found it
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            paragraphs = analyse(corpus.units(draft), service.shipped_sources(
                corpus, exclude=draft))
            write(build(instrument, paragraphs), target)
        except (ExportError, ValueError, OSError) as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self._window, self.tr("Not exported"), str(error))
            return None
        QApplication.restoreOverrideCursor()
        self._say(self.tr("Wrote the analysis of %1 to %2").replace("%1", draft)
                  .replace("%2", str(target)))
        return target

    def remove_draft(self, confirm: bool = True) -> bool:
        """Take the draft out of the library, after the reader's yes; its annotations go to
        the trash (restorable there), never deleted."""
        draft = self.focused_draft()
        if draft is None:
            return False
        window = self._window
        count = len(window.hub.annotations(draft))
        if confirm:
            notes = (self.tr("It has no annotations.") if count == 0 else
                     self.tr("Its annotation goes to the trash, where it can be restored.")
                     if count == 1 else
                     self.tr("Its %1 annotations go to the trash, where they can be "
                             "restored.").replace("%1", str(count)))
            answer = QMessageBox.question(
                window, self.tr("Remove this draft"),
                self.tr("Remove “%1” and its earlier revisions from the library? %2 Importing "
                        "the draft again brings its text back.")
                .replace("%1", self._title(draft)).replace("%2", notes))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        window.annotations.editor.save()  # typed text reaches the store before the move
        from desktop.core.drafts import service
        from desktop.core.drafts.store import UserCorpusError

        try:
            trashed = service.remove(draft, paths.user_corpus_path(), window.hub.service.path)
        except (service.DraftError, UserCorpusError, sqlite3.Error) as error:
            QMessageBox.warning(window, self.tr("Not removed"), str(error))
            return False
        self._library_changed()
        area = window.pane_area
        for pane in [p for p in area.panes() if p.instrument_id() == draft]:
            shown = {p.instrument_id() for p in area.panes()}
            main = main_instruments()
            other = next((i for i in main if i not in shown), main[0])
            if not area.close_pane(pane):
                pane.set_instrument(other)
        self.marks.refresh_all()
        self.update_actions()
        self._say((self.tr("Removed %1; its annotation is in the trash.") if trashed == 1
                   else self.tr("Removed %1; its %2 annotations are in the trash.")
                   .replace("%2", str(trashed))).replace("%1", draft))
        return True

    def _library_changed(self) -> None:
        """A draft came or went: read the corpus again, anchor the notes against it, and
        rebuild the chapter tree."""
        window = self._window
        self._source.reload_instruments()
        window.hub.service.corpus_changed()
        window.hub.reopen()
        window.chapters.model.reload()

    def _title(self, draft: str) -> str:
        instrument = self._source.corpus.instrument(draft)
        return instrument.title if instrument else draft

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 10000)


def install_drafts(window: MainWindow, source: DocumentSource, menu: QMenu) -> DraftActions:
    return DraftActions(window, source, menu)
