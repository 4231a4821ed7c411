"""What can go wrong with the notes database, each with a sentence for the delegate.

Every message says what happened and that nothing was changed or lost, and, where there is
one, what to do next.
"""

from __future__ import annotations

from pathlib import Path


class NotesError(Exception):
    """Base class: `str(error)` is the message to show."""


class NotFound(NotesError):
    """No annotation, category or review item by that id or name."""


class BadInput(NotesError):
    """The request cannot be carried out as asked (a quote not in the unit, an unknown unit)."""


class StoreUnavailable(NotesError):
    """The database cannot be used as it is; the file was left exactly as it was."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class StoreCorrupt(StoreUnavailable):
    """Not a readable SQLite database, or one that fails its integrity check."""

    def __init__(self, message: str, path: Path, backup: Path | None) -> None:
        super().__init__(message, path)
        self.backup = backup  # the newest good automatic backup, if there is one
        # Notes known to have been there are missing: perhaps an older copy was put back on
        # purpose (then it can be accepted as it is rather than recovered).
        self.maybe_replaced = False


class StoreTooNew(StoreUnavailable):
    """Written by a newer Concordia, with a schema this version does not know."""


class StoreForeign(StoreUnavailable):
    """An SQLite file that is not a Concordia notes database."""


class StoreLocked(NotesError):
    """Another window or process held the database for longer than the busy timeout."""


class StoreWriteFailed(NotesError):
    """The disk refused the write (full, read-only); the action was rolled back."""


class StoreReadOnly(StoreUnavailable):
    """A write refused because the store is open read-only (damaged, vanished annotations,
    a read-only folder, a full disk); `problem` says why."""

    def __init__(self, message: str, path: Path, problem: StoreUnavailable,
                 short: str = "") -> None:
        super().__init__(message, path)
        self.problem = problem
        self.short = short or message  # without the problem, for who has already said it


class StoreReplaced(StoreUnavailable):
    """The file was replaced (by a recovery) since this store opened it: reopen it."""
