"""File ▸ Export…, Share annotations… and Import annotations…: the window's door to briefs
and sharing. Installed by MainWindow with one call; each action opens its dialog on the
notes service it is given (by default the user's store and the shipped corpus, opened on
first use). `changed` carries an import's Change, for whatever broadcasts the store's changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.lazy_qt import set_shortcut

if TYPE_CHECKING:  # the notes modules load when a dialog first opens, not with the window
    from desktop.core.notes.service import NotesService


def default_service() -> NotesService:
    from desktop import paths
    from desktop.core.corpus import Corpus
    from desktop.core.notes.database import store_path
    from desktop.core.notes.service import NotesService

    return NotesService(store_path(paths.data_dir()),
                        lambda: Corpus.open(paths.corpus_path(), paths.user_corpus_path()))


class ExchangeActions(QObject):
    changed = Signal(object)  # the Change an import made
    done = Signal(str)  # what an export or share wrote, in a sentence

    def __init__(self, window: QMainWindow, menu: QMenu,
                 service: Callable[[], NotesService] = default_service) -> None:
        super().__init__(window)
        self._window = window
        self._make_service = service
        self._service: NotesService | None = None
        self._owns_service = service is default_service  # a given one is its owner's to close
        self.export_action = self._add(menu, self.tr("&Export…"), self.open_export, "Ctrl+E")
        self.share_action = self._add(menu, self.tr("S&hare annotations…"), self.open_share)
        self.import_action = self._add(menu, self.tr("&Import annotations…"), self.open_import)
        menu.addSeparator()
        self.done.connect(lambda text: window.statusBar().showMessage(text, 8000))
        window.destroyed.connect(self._close)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object],
             shortcut: str = "") -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            set_shortcut(action, shortcut)
        action.triggered.connect(slot)
        self._window.addAction(action)
        menu.addAction(action)
        return action

    def service(self) -> NotesService:
        if self._service is None:
            self._service = self._make_service()
        return self._service

    def open_export(self, share: bool = False, ids: tuple[int, ...] | None = None) -> QObject:
        """File ▸ Export… (or Share…); `ids`: only the annotations selected in the panel."""
        from desktop.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.service(), share=share, parent=self._window, ids=ids)
        dialog.exported.connect(self.done)
        dialog.open()
        return dialog

    def open_share(self) -> QObject:
        return self.open_export(share=True)

    def open_import(self) -> QObject:
        from desktop.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.service(), parent=self._window)
        dialog.imported.connect(self.changed)
        dialog.open()
        return dialog

    def _close(self) -> None:
        if self._service is not None and self._owns_service:
            self._service.close()
        self._service = None
