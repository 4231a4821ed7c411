"""An export is written whole or not at all, and an earlier file survives any failure."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop.core.excerpts import atomic
from desktop.core.excerpts.atomic import ExportError, write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_the_file_is_replaced_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("earlier brief")
    os.chmod(target, 0o640)
    write_atomic(target, lambda path: path.write_text("new brief"))
    assert target.read_text() == "new brief"
    assert target.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    assert _leftovers(tmp_path) == []


def test_a_full_disk_leaves_the_earlier_file_intact(tmp_path: Path) -> None:
    """Guards a failure half-way through writing: the earlier file is untouched, the
    temporary file is gone, the message says so."""
    target = tmp_path / "brief.docx"
    target.write_text("earlier brief")

    def fill_the_disk(path: Path) -> None:
        path.write_text("half a bri")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError) as raised:
        write_atomic(target, fill_the_disk)
    assert str(raised.value) == (f"cannot write {target}: the disk is full. Nothing was "
                                 "written; the earlier brief.docx was left as it was. Free "
                                 "some space and try again.")
    assert target.read_text() == "earlier brief"
    assert _leftovers(tmp_path) == []


def test_a_file_held_open_by_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards Windows' refusal to replace a document open in Word (the rename fails with
    a permission error): a clear message, the earlier file intact."""
    target = tmp_path / "brief.docx"
    target.write_text("earlier brief")

    def refuse(source: object, destination: object) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ExportError, match=r"the file is open in another program \(Word\?\) "
                                          r"or read-only\. Nothing was written; the earlier "
                                          r"brief\.docx was left as it was\. Close it"):
        write_atomic(target, lambda path: path.write_text("new"))
    assert target.read_text() == "earlier brief"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("where, message", [
    ("missing/brief.md", "the folder {folder} does not exist"),
    ("folder", "it is a folder"),
    ("a-file/brief.md", "{folder} is not a folder"),
])
def test_impossible_targets_are_refused_with_a_reason(tmp_path: Path, where: str,
                                                      message: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "a-file").write_text("x")
    target = tmp_path / where
    with pytest.raises(ExportError) as raised:
        write_atomic(target, lambda path: path.write_text("new"))
    assert message.format(folder=target.parent) in str(raised.value)
    assert "Nothing was written" in str(raised.value)
