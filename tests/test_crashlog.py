"""The crash log: written on a crash, free of the user's words, offered once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop import crashlog

SECRET = "informal consultations: our red line on para 4"

CRASHING_CHILD = f"""
import sys
from pathlib import Path
from desktop import crashlog
crashlog.install(Path(sys.argv[1]))
def save_note(text):
    raise RuntimeError("cannot save note: " + text)
save_note({SECRET!r})
"""

THREAD_CHILD = f"""
import sys, threading
from pathlib import Path
from desktop import crashlog
crashlog.install(Path(sys.argv[1]))
def work():
    raise KeyError({SECRET!r})
thread = threading.Thread(target=work, name="exporter")
thread.start(); thread.join()
"""

FAULT_CHILD = """
import faulthandler, sys
from pathlib import Path
from desktop import crashlog
crashlog.install(Path(sys.argv[1]))
faulthandler._sigsegv()
"""


def _run(code: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True,
                          text=True, check=False, timeout=60)


def test_uncaught_exception_is_logged_without_its_message(tmp_path: Path) -> None:
    """Guards the crash log: an exception in a child process lands in the log with its type
    and frames, and the note text in its message does not."""
    data = tmp_path / "data"
    result = _run(CRASHING_CHILD, data)
    assert result.returncode != 0
    log = (data / crashlog.LOG_NAME).read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in log and "in save_note" in log
    assert SECRET not in log and "red line" not in log


def test_exception_in_a_thread_is_logged(tmp_path: Path) -> None:
    """Guards threads: an export failing in a worker thread is logged too, without text."""
    data = tmp_path / "data"
    _run(THREAD_CHILD, data)
    log = (data / crashlog.LOG_NAME).read_text(encoding="utf-8")
    assert "builtins.KeyError" in log and "in thread exporter" in log
    assert SECRET not in log


def test_fatal_signal_is_logged(tmp_path: Path) -> None:
    """Guards fatal signals: a segmentation fault leaves faulthandler's trace in the log."""
    data = tmp_path / "data"
    result = _run(FAULT_CHILD, data)
    assert result.returncode != 0
    assert "Segmentation fault" in (data / crashlog.LOG_NAME).read_text(encoding="utf-8")


def test_next_start_offers_the_report_once(tmp_path: Path) -> None:
    """Guards the offer: a new report is pending until acknowledged, then not again; a later
    crash makes the new part pending."""
    data = tmp_path / "data"
    assert crashlog.pending_report(data) is None
    _run(CRASHING_CHILD, data)
    first = crashlog.pending_report(data)
    assert first is not None and "RuntimeError" in first
    crashlog.acknowledge(data)
    assert crashlog.pending_report(data) is None
    _run(THREAD_CHILD, data)
    second = crashlog.pending_report(data)
    assert second is not None and "KeyError" in second and "RuntimeError" not in second
