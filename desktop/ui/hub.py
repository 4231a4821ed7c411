"""The annotation hub: every change to the notes reaches every view through here.

Writes go through desktop.ui.operations, which hands the store's Change to `publish`; writes
by another window or a `concordia notes` command in a shell are noticed by polling SQLite's
data version (desktop.core.notes.watch) and broadcast the same way. Views read through the
hub, which turns a store that cannot be used (locked, damaged, read-only) into one message
for the window's bar instead of an exception inside a paint or a model (DESIGN.md §5).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.notes.errors import NotesError, StoreCorrupt, StoreReadOnly

if TYPE_CHECKING:  # the store's modules load when the notes are first read (after start-up)
    from desktop.core.exchange.conflicts import Conflict
    from desktop.core.notes.model import Annotation, Category, Change, ReviewItem
    from desktop.core.notes.service import NotesService
    from desktop.core.notes.store import AnnotationStore
    from desktop.core.notes.watch import ChangeWatcher

T = TypeVar("T")
WATCH_INTERVAL_MS = 400  # another process's note shows within a second


def affects(change: Change, instrument: str | None = None) -> bool:
    """Whether a view showing `instrument` (None: every instrument) must redraw."""
    if change.action == "category" or (change.action == "external" and not change.annotations):
        return True  # colours or names changed, or another process changed something unknown
    if instrument is None:
        return bool(change.annotations or change.units)
    prefix = instrument + "/"
    return any(unit.startswith(prefix) for unit in change.units)


def _external() -> Change:
    """A change made elsewhere, not known in detail: every view reads again."""
    from desktop.core.notes.model import Change

    return Change("external")


class AnnotationHub(QObject):
    changed = Signal(object)  # a Change: views redraw what it touched (no units: everything)
    problem = Signal(str)  # the store cannot be used as it is: what happened ("" when fixed)
    notice = Signal(str)  # one action was refused (changed elsewhere meanwhile, …): why

    def __init__(self, service: NotesService | Callable[[], NotesService],
                 parent: QObject | None = None) -> None:
        """`service`, or a function that makes it when the notes are first used (the window
        starts without loading the store's modules)."""
        super().__init__(parent)
        self._service = None if callable(service) else service
        self._make_service = service if callable(service) else None
        self._watcher: ChangeWatcher | None = None
        self._problem = ""
        self._problem_error: BaseException | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_INTERVAL_MS)
        self._timer.timeout.connect(self.poll)

    # -- the store ----------------------------------------------------------------------

    @property
    def service(self) -> NotesService:
        if self._service is None:
            assert self._make_service is not None
            self._service = self._make_service()
        return self._service

    def close(self) -> None:
        """Close the store, if it was opened."""
        if self._service is not None:
            self._service.close()

    def store(self) -> AnnotationStore | None:
        """The store, opened (and reconciled with the corpus) on first use; None while it
        cannot be used (the bar says why)."""
        try:
            store = self.service.store()
            if self._watcher is None:
                from desktop.core.notes.watch import ChangeWatcher

                self._watcher = ChangeWatcher(store)
                if store.read_only and store.problem is not None:
                    # Damaged, notes gone missing, a read-only folder: the notes are shown,
                    # writes are refused until it is recovered; say so once.
                    self.report(store.problem)
        except (NotesError, sqlite3.Error) as error:
            self.report(error)
            return None
        return store

    def start_watching(self) -> None:
        self._timer.start()

    def stop_watching(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """Broadcast what another window or process wrote since the last poll."""
        if self._watcher is None:
            if self._problem and self.store() is not None:  # it works again: reload all
                if not self.service.store(reconcile=False).read_only:
                    self.clear_problem()
                self.changed.emit(_external())
            return
        try:
            if self.service.store(reconcile=False).replaced():
                self.reopen()  # recovered by another process: the file under us changed
                return
            change = self._watcher.poll()
        except (NotesError, sqlite3.Error) as error:
            self.report(error)
            return
        if change is not None:
            self.changed.emit(change)

    def reopen(self) -> None:
        """Open the notes file again (after a recovery replaced it) and redraw everything."""
        self.service.close_store()
        self._watcher = None
        self._problem = ""
        self._problem_error = None
        self.problem.emit("")
        if self.store() is not None:
            self.changed.emit(_external())

    def publish(self, change: Change) -> None:
        """A write of this window's: tell every view."""
        if self._watcher is not None:
            try:
                self._watcher.saw_own_writes()
            except (NotesError, sqlite3.Error) as error:
                self.report(error)
        self.clear_problem()
        self.changed.emit(change)

    # -- problems -----------------------------------------------------------------------

    def report(self, error: BaseException | str) -> None:
        if isinstance(error, StoreReadOnly):
            error = error.problem
        if isinstance(error, BaseException):
            self._problem_error = error
        message = str(error)
        if message != self._problem:  # once, not on every read that fails the same way
            self._problem = message
            self.problem.emit(message)

    def tell(self, message: str) -> None:
        self.notice.emit(message)

    def problem_error(self) -> BaseException | None:
        """The error behind the problem last said (its class says what kind it is)."""
        return self._problem_error if self._problem else None

    def can_recover(self) -> bool:
        """Whether the problem is damage that a recovery from the backups mends."""
        return isinstance(self._problem_error, StoreCorrupt) and bool(self._problem)

    def recover(self, source: Path | None) -> list[str]:
        """Recover the notes from `source` (a backup; None: the newest good one) with every
        row still readable in the damaged file, then reopen them. This window's own store is
        closed first (recovery takes the file's lock); raises NotesError (another window or
        command has the notes open, no backup …) and then reopens what was there."""
        from desktop.core.notes import recovery
        from desktop.core.notes.store import utc_now

        path = self.service.path
        self.service.close_store()
        self._watcher = None
        try:
            done = recovery.recover(path, utc_now(), source)
        finally:
            self.reopen()
        return done.lines(path.name)

    def clear_problem(self) -> None:
        if self._problem:
            self._problem = ""
            self.problem.emit("")

    def current_problem(self) -> str:
        return self._problem

    # -- reading ------------------------------------------------------------------------

    def _read(self, read: Callable[[AnnotationStore], T], default: T) -> T:
        """`read` on the store, or `default` while it cannot be used (the bar says why)."""
        store = self.store()
        if store is None:
            return default
        try:
            return read(store)
        except (NotesError, sqlite3.Error) as error:
            self.report(error)
            return default

    def annotations(self, instrument: str | None = None) -> list[Annotation]:
        """The live annotations (attached or waiting for review), in document order."""
        return self._read(lambda store: store.list(instrument=instrument), [])

    def trash(self) -> list[Annotation]:
        """What was deleted, newest first."""
        from desktop.core.notes.model import ARCHIVED, OK, REVIEW

        found = self._read(lambda store: store.list(trash=True,
                                                    statuses=(OK, REVIEW, ARCHIVED)), [])
        return sorted(found, key=lambda a: (a.deleted or "", a.id), reverse=True)

    def reviews(self) -> list[ReviewItem]:
        """The annotations the corpus change left unsure, in document order."""
        return self._read(lambda store: store.reviews(), [])

    def conflicts(self) -> list[Conflict]:
        """Annotations changed here and by a colleague, both versions kept."""
        from desktop.core.exchange.conflicts import conflicts

        return self._read(lambda _store: conflicts(self.service), [])

    def categories(self) -> list[Category]:
        return self._read(lambda store: store.categories(), [])

    def setting(self, key: str) -> str:
        return self._read(lambda store: store.setting(key) or "", "")
