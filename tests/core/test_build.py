"""Building corpus.sqlite: deterministic, atomic, and clear about damaged sources."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop import paths
from desktop.core.ingest.build import build, table_contents
from desktop.core.ingest.check import check
from desktop.core.ingest.parse import SourceError
from desktop.core.ingest.sources import CONCORDANCE_FILE, SOURCES

RES = "ga-res-74-178.txt"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A private copy of resources/sources/ that a test may damage."""
    folder = tmp_path / "sources"
    shutil.copytree(paths.sources_dir(), folder)
    return folder


@pytest.fixture
def built(tmp_path: Path, sources: Path) -> Path:
    target = tmp_path / "corpus.sqlite"
    build(sources, target)
    return target


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def test_committed_corpus_is_fresh() -> None:
    """Guards the staleness contract: the committed corpus.sqlite equals a fresh build of the
    sources, table by table (a parser change without a rebuild fails here)."""
    report = check(paths.sources_dir(), paths.corpus_path())
    assert report.stale_tables == []
    assert report.ok


def test_two_builds_have_identical_tables(tmp_path: Path, sources: Path, built: Path) -> None:
    """Guards determinism: building twice gives the same table contents."""
    again = tmp_path / "again.sqlite"
    build(sources, again)
    assert table_contents(built) == table_contents(again)


def test_check_reports_a_stale_corpus(tmp_path: Path) -> None:
    """Guards `corpus check`: a corpus whose text differs from a fresh build is stale."""
    stale = tmp_path / "corpus.sqlite"
    shutil.copy(paths.corpus_path(), stale)
    with sqlite3.connect(stale) as connection:
        connection.execute("UPDATE units SET text = text || ' (edited)' WHERE id = ?",
                           ("res74-178/19",))
    report = check(paths.sources_dir(), stale)
    assert report.stale_tables == ["units"]
    assert not report.ok
    assert any("STALE" in line for line in report.lines)


def test_check_lists_every_repair() -> None:
    """Guards `corpus check`: every repair the build made is listed with file and line."""
    report = check(paths.sources_dir(), paths.corpus_path())
    text = "\n".join(report.lines)
    assert "ga-res-74-178.txt:232  res74-178/45  [hyphen-join]" in text
    assert "[duplicate-heading]" in text and "[contents-table]" in text
    assert "[unlabelled-part]" in text and "[whole-paragraph-emphasis]" in text
    repairs_line = next(line for line in report.lines if line.startswith("Repairs ("))
    listed = sum(1 for line in report.lines if line.startswith("  ") and "  [" in line)
    assert repairs_line == f"Repairs ({listed})"


def _assert_failure_keeps_old(sources: Path, built: Path, file: str, line: int,
                              words: str) -> None:
    before = built.read_bytes()
    with pytest.raises(SourceError) as raised:
        build(sources, built)
    assert raised.value.file == file
    assert raised.value.line == line
    assert words in str(raised.value)
    assert built.read_bytes() == before, "the previous corpus must stay intact"
    assert not list(built.parent.glob(".corpus-*")), "no temporary file may be left behind"


def test_missing_source(sources: Path, built: Path) -> None:
    """Guards bad input: a missing source is named, and the old corpus is kept."""
    (sources / RES).unlink()
    _assert_failure_keeps_old(sources, built, RES, 0, "missing")


def test_truncated_source(sources: Path, built: Path) -> None:
    """Guards bad input: a source cut off after paragraph 37 is reported as truncated."""
    lines = _lines(sources / RES)
    (sources / RES).write_text("".join(lines[:211]), encoding="utf-8")  # ends with para 37
    _assert_failure_keeps_old(sources, built, RES, 210,
                              "last numbered paragraph is 37, expected 120")


def test_garbled_bytes(sources: Path, built: Path) -> None:
    """Guards bad input: bytes that are not UTF-8 are reported with their line."""
    data = (sources / RES).read_bytes().splitlines(keepends=True)
    data[99] = b"\xff\xfe garbage \x80\n"
    (sources / RES).write_bytes(b"".join(data))
    _assert_failure_keeps_old(sources, built, RES, 100, "not valid UTF-8")


def test_paragraph_missing_in_the_middle(sources: Path, built: Path) -> None:
    """Guards bad input: a paragraph lost from the middle breaks the numbering, reported at
    the paragraph after the gap."""
    lines = _lines(sources / RES)
    assert lines[169].startswith("19. ")
    del lines[169]
    (sources / RES).write_text("".join(lines), encoding="utf-8")
    _assert_failure_keeps_old(sources, built, RES, 171, "paragraph 20 where 19 was expected")


def test_empty_source(sources: Path, built: Path) -> None:
    """Guards bad input: an empty file is reported, not parsed into nothing."""
    (sources / RES).write_text("\n\n", encoding="utf-8")
    _assert_failure_keeps_old(sources, built, RES, 1, "empty")


def test_every_source_is_a_byte_copy_of_a_seed() -> None:
    """Guards the sources rule: resources/sources/ holds the seeds byte for byte, so every
    repair is in code, none by hand."""
    hashes = {  # sha256 of the seeds as delivered
        "cnd-59-1_ungass2016-outcome.txt":
            "90bc343952e58589197fb46f052bb3fa4c3ef3e3579cb72b99dd6bedd50a7270",
        "ga-res-74-178.txt": "15b72a4082824458c8143d416e295c58d4e2ec80607a973e2d9de9b7d22f56fe",
        "cnd-2009-report_political-declaration_plan-of-action.txt":
            "8a72ec15a851278f8e61aa0952a55d01ede8611aff61263cc2383fe640998fa3",
        "concordance_ungass2016-to-pd2009-poa2009.txt":
            "981029a13d043a8c955f9b0662a00df095bb137836699f487e4c402533a4a8df",
    }
    assert {spec.file for spec in SOURCES} | {CONCORDANCE_FILE} == set(hashes)
    for name, digest in hashes.items():
        assert hashlib.sha256((paths.sources_dir() / name).read_bytes()).hexdigest() == digest


def test_missing_concordance_table(sources: Path, built: Path) -> None:
    """Guards bad input: without the concordance table the build stops and says so."""
    (sources / CONCORDANCE_FILE).unlink()
    _assert_failure_keeps_old(sources, built, CONCORDANCE_FILE, 0, "missing")


def test_concordance_table_of_the_wrong_kind(sources: Path, built: Path) -> None:
    """Guards bad input: a file that is no concordance table places no reference."""
    (sources / CONCORDANCE_FILE).write_text("UNGASS CHAPTER 1: X\tY\nhello\tworld\n",
                                            encoding="utf-8")
    _assert_failure_keeps_old(sources, built, CONCORDANCE_FILE, 1, "no reference of the table")
