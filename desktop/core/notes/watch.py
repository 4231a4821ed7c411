"""Noticing what another window or process wrote to the notes database.

SQLite's `PRAGMA data_version` changes for a connection whenever another connection commits,
and costs next to nothing, so a window can ask it a few times a second. When it moved, the
rows' versions (bumped by a trigger on every update, whoever writes) say which annotations
changed and where they stand, old and new places both: a Change like any the store returns.
"""

from __future__ import annotations

from desktop.core.notes.model import Change
from desktop.core.notes.store import AnnotationStore


class ChangeWatcher:
    def __init__(self, store: AnnotationStore) -> None:
        self._store = store
        self._version = store.data_version()
        self._states = store.states()

    def poll(self) -> Change | None:
        """What others changed since the last poll (or since this watcher was made), or None."""
        version = self._store.data_version()
        if version == self._version:
            return None
        self._version = version
        states = self._store.states()
        before, self._states = self._states, states
        changed = [i for i in states.keys() | before.keys() if states.get(i) != before.get(i)]
        if not changed:
            return Change("external")  # settings or categories: nothing on the text moved
        units: dict[str, None] = {}
        for annotation_id in sorted(changed):
            for state in (before.get(annotation_id), states.get(annotation_id)):
                if state is not None:
                    units[state[1]] = None
                    units[state[2]] = None
        return Change("external", tuple(sorted(changed)), tuple(units))

    def saw_own_writes(self) -> None:
        """Take this process's own writes as known (they were broadcast when made)."""
        self._states = self._store.states()
