"""Writing an export so that a failure never leaves half a file, nor spoils an earlier one.

The content goes to a temporary file in the target folder (same file system, so the last
step is a rename), is flushed to disk, then replaces the target in one step. Any failure
removes the temporary file and raises ExportError with a sentence for the delegate; the
earlier file, if there was one, is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class ExportError(Exception):
    """An export could not be written; the message says why and that nothing was spoilt."""


def write_atomic(target: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary_path)`, then move the result onto `target`."""
    target = Path(target)
    kept = "Nothing was written" + (f"; the earlier {target.name} was left as it was"
                                    if target.exists() else "") + "."
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder. {kept}")
    if not folder.exists():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist. {kept}")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: {folder} is not a folder. {kept}")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ExportError(_explain(target, error, kept, "the folder")) from None
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        with open(temporary, "rb+") as flushed:
            os.fsync(flushed.fileno())
        _keep_mode(target, temporary)
        os.replace(temporary, target)
    except ExportError:
        _discard(temporary)
        raise
    except OSError as error:
        _discard(temporary)
        raise ExportError(_explain(target, error, kept, "the file")) from None
    except BaseException:
        _discard(temporary)
        raise


def _explain(target: Path, error: OSError, kept: str, where: str) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {target}: the disk is full. {kept} Free some space and try again."
    if error.errno == errno.EROFS:
        return f"cannot write {target}: the disk is read-only. {kept}"
    if error.errno in (errno.EACCES, errno.EPERM) or isinstance(error, PermissionError):
        if where == "the file":
            # On Windows a document open in Word cannot be replaced: the usual cause.
            return (f"cannot write {target}: the file is open in another program (Word?) or "
                    f"read-only. {kept} Close it, or choose another name, and try again.")
        return (f"cannot write {target}: you may not write in the folder {target.parent}. "
                f"{kept} Choose another folder.")
    return f"cannot write {target}: {error.strerror or error}. {kept}"


def _keep_mode(target: Path, temporary: Path) -> None:
    """mkstemp makes the file private (0600); an export replacing a file keeps its mode,
    a new one gets the usual mode for new files."""
    if target.exists():
        mode = target.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(temporary, mode)


def _discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink()
