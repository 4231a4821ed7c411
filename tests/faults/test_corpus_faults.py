"""The corpus and its sources damaged: a source cut short never replaces a good corpus, a
damaged corpus.sqlite gives one message (never a traceback, never a crash of the window)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from fault_helpers import ROOT, concordia, digest, pages_of, scribble
from pytestqt.qtbot import QtBot

from desktop.core.corpus import Corpus
from desktop.core.ingest.build import recorded_digests
from desktop.core.render.html import Wording
from desktop.ui.docks.outline_model import OutlineModel
from desktop.ui.document_source import DocumentSource

CONCORDANCE = "concordance_ungass2016-to-pd2009-poa2009.txt"
CND = "cnd-59-1_ungass2016-outcome.txt"
REPORT = "cnd-2009-report_political-declaration_plan-of-action.txt"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A copy of the application (code, sources, corpus) that `corpus build` may rewrite."""
    root = tmp_path / "bundle"
    shutil.copytree(ROOT / "desktop", root / "desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources" / "sources", root / "resources" / "sources")
    shutil.copyfile(ROOT / "corpus.sqlite", root / "corpus.sqlite")
    return root


def build_in(bundle: Path) -> tuple[int, str, str]:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "desktop", "corpus", "build"],
                            capture_output=True, text=True, cwd=bundle, check=False,
                            timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(bundle)})
    return result.returncode, result.stdout, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(("source", "keep", "says"), [
    (CONCORDANCE, 40_000, "the table has 86 rows where the complete source gives 288"),
    (CND, -50, "the last paragraph of ungass2016 (ungass2016/9) ends “…ely information on "
               "progress ma”, not as a paragraph ends"),
    (REPORT, -300, "report2009 has 94 units where the complete source gives 95"),
])
def test_a_source_cut_short_is_refused_and_the_corpus_kept(bundle: Path, source: str,
                                                          keep: int, says: str) -> None:
    """Item 5: the concordance cut to 40,000 of 88,821 bytes used to build (links 303 →
    110); CND 59/1 with 50 bytes cut left UNGASS para. 9 ending "…progress ma"; the 2009
    report with 300 bytes cut lost two round-table items. Each is refused now, naming the
    source's new digest and the one the corpus was built from; corpus.sqlite is unchanged."""
    corpus = bundle / "corpus.sqlite"
    before = digest(corpus)
    recorded = recorded_digests(corpus)[source]
    path = bundle / "resources" / "sources" / source
    path.write_bytes(path.read_bytes()[:keep])
    status, out, err = build_in(bundle)
    assert status == 2, out
    assert says in err and "the source looks truncated (its sha256 is " in err
    assert f"corpus.sqlite was built from {source} with sha256 {recorded}." in err
    assert err.rstrip().endswith("concordia: corpus.sqlite was left as it was.")
    assert "Traceback" not in err
    assert digest(corpus) == before


@pytest.mark.slow
def test_a_source_edited_on_purpose_builds_and_reports_its_digest(bundle: Path) -> None:
    """Item 5: only the shape rules refuse; one word changed mid-paragraph builds, and the
    build says which source changed, with its new digest and the recorded one."""
    corpus = bundle / "corpus.sqlite"
    recorded = recorded_digests(corpus)[CND]
    path = bundle / "resources" / "sources" / CND
    text = path.read_text(encoding="utf-8")
    assert text.count("timely information on progress made") == 1
    path.write_text(text.replace("timely information on progress made",
                                 "timely information on advances made"), encoding="utf-8")
    status, out, err = build_in(bundle)
    assert status == 0, err
    new = recorded_digests(corpus)[CND]
    assert new != recorded
    assert f"{CND} changed: sha256 {new} (was {recorded})" in out.splitlines()
    connection = sqlite3.connect(f"file:{corpus}?mode=ro", uri=True)
    assert connection.execute("SELECT text FROM units WHERE id = 'ungass2016/9'").fetchone()[
        0].endswith("timely information on advances made in the implementation of these "
                    "recommendations.")
    connection.close()


@pytest.fixture
def damaged_corpus(tmp_path: Path) -> Path:
    """The shipped corpus with one page of the units table overwritten."""
    copy = tmp_path / "corpus.sqlite"
    shutil.copyfile(ROOT / "corpus.sqlite", copy)
    scribble(copy, pages_of(copy, "units", "leaf")[3])
    return copy


MESSAGE = "is damaged (its integrity check failed: "


@pytest.mark.parametrize("args", [
    ("show", "PoA 41 (g)"), ("search", "availability"), ("links", "ungass2016/1(a)"),
    ("notes", "list"), ("corpus", "check"),
])
def test_a_damaged_corpus_gives_one_message_not_a_traceback(damaged_corpus: Path,
                                                           tmp_path: Path,
                                                           args: tuple[str, ...]) -> None:
    """Item 6: every command meets a damaged corpus with one message saying what to do."""
    result = concordia(*args, data_dir=tmp_path / "data", corpus=damaged_corpus)
    assert "Traceback" not in result.stderr
    if args[0] == "corpus":
        assert result.returncode == 1
        assert "STALE: corpus.sqlite differs from a fresh build in: (the committed " \
               "corpus.sqlite is damaged: " in result.stdout
        return
    assert result.returncode == 2, result.stdout
    assert MESSAGE in result.stderr and "reinstall Concordia" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_the_window_on_a_damaged_corpus_says_so_and_does_not_crash(damaged_corpus: Path,
                                                                  tmp_path: Path) -> None:
    """Item 6: the window used to die with SIGSEGV (a DatabaseError raised in
    OutlineModel.fetchMore, inside Qt, during show()). Opened off screen in a child
    process, it now exits with the message."""
    shot = tmp_path / "shot.png"
    result = concordia("--screenshot", str(shot), data_dir=tmp_path / "data",
                       corpus=damaged_corpus, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2, result.stderr
    assert MESSAGE in result.stderr and "Traceback" not in result.stderr
    assert not shot.exists()


def test_the_outline_never_lets_a_database_error_into_qt(qtbot: QtBot,
                                                         damaged_corpus: Path) -> None:
    """Item 6: should a page fail later (the file damaged while the window is open), the
    outline's Qt overrides catch it: the tree shows no rows for that instrument and the
    model says what happened once (pytest-qt fails the test on an exception inside Qt)."""
    from PySide6.QtWidgets import QTreeView

    connection = sqlite3.connect(f"file:{damaged_corpus}?mode=ro", uri=True)
    corpus = Corpus(connection, damaged_corpus)  # past the check at opening, as if damaged later
    model = OutlineModel(DocumentSource(corpus, Wording()))
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    failures: list[str] = []
    model.corpus_failed.connect(failures.append)
    view.show()
    qtbot.waitExposed(view)
    for row in range(model.rowCount()):
        view.expand(model.index(row, 0))
    assert len(failures) == 1 and "reinstall Concordia" in failures[0]
    assert model.failure == failures[0]
    assert any(model.rowCount(model.index(row, 0)) == 0 for row in range(model.rowCount()))
    view.setModel(None)
    corpus.close()


def test_a_damaged_full_text_index_is_reported(tmp_path: Path) -> None:
    """Item 6: a full-text index damaged inside its blobs passes SQLite's quick check;
    search says the index is damaged (not a traceback) and `corpus check` reports it."""
    copy = tmp_path / "corpus.sqlite"
    shutil.copyfile(ROOT / "corpus.sqlite", copy)
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE units_fts_data SET block = substr(block, 1, 8) WHERE id > 100")
    connection.commit()
    connection.close()
    found = concordia("search", "availability", data_dir=tmp_path / "data", corpus=copy)
    assert found.returncode == 2, found.stdout
    assert "is damaged (its full-text index: " in found.stderr
    assert "Traceback" not in found.stderr
    checked = concordia("corpus", "check", data_dir=tmp_path / "data", corpus=copy)
    assert checked.returncode == 1
    assert "(the committed corpus.sqlite is damaged: its full-text index: " in checked.stdout


@pytest.mark.slow
def test_any_damaged_corpus_page_is_found_at_opening(tmp_path: Path) -> None:
    """Every 8th page of the shipped corpus overwritten in turn (the header page too): each
    is found when the corpus is opened, with one message and no traceback."""
    pristine = (ROOT / "corpus.sqlite").read_bytes()
    copy = tmp_path / "corpus.sqlite"
    pages = range(1, len(pristine) // 4096 + 1, 8)
    for page in pages:
        copy.write_bytes(pristine)
        scribble(copy, page)
        shown = concordia("show", "PoA 41 (g)", corpus=copy, data_dir=tmp_path / "data")
        assert shown.returncode == 2, f"page {page}: {shown.stdout}"
        assert len(shown.stderr.splitlines()) == 1 and "is damaged (" in shown.stderr, page
    print(f"{len(pages)} corpus pages damaged in turn, each found at opening")


def test_a_check_run_beside_gives_the_same_answer(damaged_corpus: Path) -> None:
    """The window starts the corpus's integrity check on a thread while Qt is imported
    (desktop.ui.app): a damaged corpus gets the same one message as a check made at opening,
    and a sound one opens."""
    from desktop.core.corpus import Corpus, CorpusError, check_beside

    with pytest.raises(CorpusError) as inline:
        Corpus.open(damaged_corpus)
    with pytest.raises(CorpusError) as beside:
        Corpus.open(damaged_corpus, checked=check_beside(damaged_corpus))
    assert str(beside.value) == str(inline.value)
    assert MESSAGE in str(beside.value)
    sound = ROOT / "corpus.sqlite"
    Corpus.open(sound, checked=check_beside(sound)).close()
    # A check that could not run (a file missing when it started) leaves it to the opening.
    missing = damaged_corpus.with_name("later.sqlite")
    checked = check_beside(missing)
    assert checked() is None
    shutil.copyfile(sound, missing)
    Corpus.open(missing, checked=checked).close()
