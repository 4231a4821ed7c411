"""Two small files beside the notes database, outside its versioned schema.

- `notes.sqlite.known`: how many annotations the store last held and the highest id it gave
  out, written after every committed add. A database that later holds fewer (a damaged
  write-ahead log dropped committed transactions, a file swapped for an older one) is noticed
  when it is opened instead of silently losing what the delegate was told was saved. It is
  only ever behind the database (written after the commit), never ahead, so it cannot raise a
  false alarm on its own; if it is lost or unreadable, nothing is checked.
- `notes.sqlite.lock`: every open store holds a shared lock on it; a recovery takes it
  exclusively, so a file is never swapped under a running window or command. POSIX only
  (fcntl.flock); elsewhere the lock is a no-op and `AnnotationStore.replaced()` remains.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Known:
    annotations: int  # rows in the annotations table (the trash included: rows never go)
    last_id: int


def known_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".known")


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


def read_known(store_path: Path) -> Known | None:
    try:
        data = json.loads(known_path(store_path).read_text(encoding="utf-8"))
        return Known(int(data["annotations"]), int(data["last_id"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_known(store_path: Path, known: Known) -> None:
    """Record `known` (atomically); a read-only folder or a full disk only skips it."""
    target = known_path(store_path)
    # One temporary name for every process: a writer killed half-way leaves no stray file
    # behind, and a record cut short by a race is not JSON, so it is ignored, never misread.
    temp = target.with_name(f".{target.name}.tmp")
    try:
        temp.write_text(json.dumps({"annotations": known.annotations,
                                    "last_id": known.last_id}), encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


class StoreLock:
    """A lock on `notes.sqlite.lock`: shared by every open store, exclusive for a recovery."""

    def __init__(self, handle: IO[bytes] | None) -> None:
        self._handle = handle

    @classmethod
    def shared(cls, store_path: Path, timeout: float) -> StoreLock | None:
        """The shared lock, waiting up to `timeout` s for a recovery; None if a recovery
        still holds it. Without a lock file that can be made (a read-only folder), a lock
        that is not held."""
        return cls._take(store_path, exclusive=False, timeout=timeout)

    @classmethod
    def exclusive(cls, store_path: Path) -> StoreLock | None:
        """The exclusive lock at once, or None while any store has the notes open."""
        return cls._take(store_path, exclusive=True, timeout=0.0)

    @classmethod
    def _take(cls, store_path: Path, exclusive: bool, timeout: float) -> StoreLock | None:
        if fcntl is None:
            return cls(None)
        path = lock_path(store_path)
        with contextlib.suppress(OSError):  # the first opening makes the data folder
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle: IO[bytes] = open(path, "a+b")  # noqa: SIM115 - held while the store is open
        except OSError:
            try:
                handle = open(path, "rb")  # noqa: SIM115
            except OSError:
                return cls(None)
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle.fileno(), mode)
                return cls(handle)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.close()
                    return None
                time.sleep(0.05)
            except OSError:  # a file system without locks
                return cls(handle)

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing drops the flock
            self._handle = None
