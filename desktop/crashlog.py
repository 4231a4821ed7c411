"""A crash log in the user data directory, without the user's words in it.

Uncaught exceptions (main thread and other threads) and fatal signals (through faulthandler)
are appended to `crash.log`. Exception messages are left out on purpose: they can quote a note
or a passage a delegate typed, and the log may be sent to a developer. What is written is the
exception's type and the frames (file, line, function), which is what a fix needs. At the next
start the application offers to show a report it has not shown before.

Qt-free, so the command line can install it too.
"""

from __future__ import annotations

import faulthandler
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TextIO

LOG_NAME = "crash.log"
SEEN_NAME = "crash.seen"  # the log's size when the user was last offered it
MAX_BYTES = 512 * 1024  # older reports are dropped beyond this

_fault_file: TextIO | None = None  # kept open: faulthandler writes to it on a fatal signal


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_NAME


def install(data_dir: Path) -> None:
    """Route uncaught exceptions and fatal signals to the crash log (idempotent)."""
    global _fault_file
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        _trim(log_path(data_dir))
        if _fault_file is None:
            _fault_file = log_path(data_dir).open("a", encoding="utf-8")
            faulthandler.enable(_fault_file, all_threads=True)
    except OSError:
        return  # an unwritable data directory must not stop the application

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        write_report(data_dir, kind, trace)
        sys.__excepthook__(kind, error, trace)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        write_report(data_dir, args.exc_type, args.exc_traceback, args.thread)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def write_report(data_dir: Path, kind: type[BaseException], trace: TracebackType | None,
                 thread: threading.Thread | None = None) -> None:
    """Append one report: when, version, platform, exception type and frames — no message."""
    from desktop import __version__  # read only when there is something to report

    frames = traceback.extract_tb(trace)
    lines = [
        f"=== Concordia {__version__} crashed at {time.strftime('%Y-%m-%d %H:%M:%S')} "
        f"({sys.platform}, Python {sys.version.split()[0]})",
        f"{kind.__module__}.{kind.__qualname__} (message left out: it may quote user text)",
    ]
    if thread is not None:
        lines.append(f"in thread {thread.name}")
    lines.extend(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}'
                 for frame in frames)
    try:
        with log_path(data_dir).open("a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n\n")
    except OSError:
        pass  # nothing more can be done for a crash report that cannot be written


def pending_report(data_dir: Path) -> str | None:
    """The crash log's new part since the user was last offered it, or None."""
    log = log_path(data_dir)
    try:
        size = log.stat().st_size
    except OSError:
        return None
    seen = _seen(data_dir)
    if size <= seen:
        return None
    with log.open(encoding="utf-8", errors="replace") as handle:
        handle.seek(seen)
        text = handle.read().strip()
    return text or None


def acknowledge(data_dir: Path) -> None:
    """Remember that the current log has been offered (shown or declined)."""
    try:
        size = log_path(data_dir).stat().st_size
        (data_dir / SEEN_NAME).write_text(str(size), encoding="utf-8")
    except OSError:
        pass


def _seen(data_dir: Path) -> int:
    try:
        return int((data_dir / SEEN_NAME).read_text(encoding="utf-8").strip() or 0)
    except (OSError, ValueError):
        return 0


def _trim(log: Path) -> None:
    """Keep the log small: drop the oldest reports beyond MAX_BYTES."""
    try:
        if log.stat().st_size > MAX_BYTES:
            tail = log.read_bytes()[-MAX_BYTES // 2:]
            log.write_bytes(tail[tail.find(b"=== "):] if b"=== " in tail else tail)
            (log.parent / SEEN_NAME).unlink(missing_ok=True)
    except OSError:
        pass


def _short(filename: str) -> str:
    """A path relative to the package, so no user's home folder lands in the report."""
    marker = f"{Path('desktop')}"
    index = filename.rfind(marker)
    return filename[index:] if index >= 0 else Path(filename).name
