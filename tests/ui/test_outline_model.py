"""The chapter tree's item models, checked by Qt's model tester and read row by row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from desktop.ui.docks.outline_model import KIND_ROLE, UNIT_ROLE, OutlineFilterModel, OutlineModel
from desktop.ui.document_source import DocumentSource

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def _children(model: OutlineModel | QSortFilterProxyModel, parent: QModelIndex) -> list[str]:
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [str(model.index(row, 0, parent).data()) for row in range(model.rowCount(parent))]


def test_outline_model_passes_the_model_checker_while_it_fills_lazily(
        qtbot: QtBot, source: DocumentSource) -> None:
    """Guards DESIGN.md §5: the outline model passes QAbstractItemModelTester, also while
    instruments' outlines are fetched on demand (Qt's fetchMore protocol)."""
    model = OutlineModel(source)
    assert model.rowCount() == 6
    first = model.index(0, 0)
    assert model.hasChildren(first) and model.rowCount(first) == 0 and model.canFetchMore(first)
    QAbstractItemModelTester(model, FATAL)  # fetches what it may, checking every signal
    model.fetch_all()
    assert model.rowCount(first) == 8  # preamble and seven chapters
    assert not model.canFetchMore(first)
    fresh = OutlineModel(source)
    QAbstractItemModelTester(fresh, FATAL)
    fresh.fetch_all()


def test_filter_model_passes_the_model_checker_as_the_filter_changes(
        qtbot: QtBot, source: DocumentSource) -> None:
    """Guards the filtering proxy under the model tester, through several filters."""
    model = OutlineModel(source)
    proxy = OutlineFilterModel()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    model.fetch_all()
    for text in ("human rights", "(g)", "", "no such words anywhere", "Preamble"):
        proxy.setFilterFixedString(text)
    proxy.setFilterFixedString("alternative development")
    assert proxy.rowCount() >= 3


def test_rows_tell_preamble_from_operative_paragraphs(source: DocumentSource) -> None:
    """Guards how the tree reads: instruments, then a preamble group (italic) and the
    chapters or the operative part, then headings and paragraphs, each leading to its unit."""
    model = OutlineModel(source)
    resolution = model.index(1, 0)
    assert _children(model, resolution) == ["Preamble (38)", "Operative part (120)"]
    preamble = model.index(0, 0, resolution)
    assert model.data(preamble, Qt.ItemDataRole.FontRole).italic()
    first_pp = model.index(0, 0, preamble)
    assert str(first_pp.data()).startswith("PP1 Reaffirming the outcome document of the "
                                           "thirtieth special session")
    assert first_pp.data(UNIT_ROLE) == "res74-178/pp1"
    assert first_pp.data(KIND_ROLE) == "preamble"
    operative = model.index(1, 0, resolution)
    nineteen = model.index(18, 0, operative)
    assert str(nineteen.data()).startswith("19. ")
    assert nineteen.data(UNIT_ROLE) == "res74-178/19"
    assert not model.data(nineteen, Qt.ItemDataRole.FontRole)
    tooltip = str(nineteen.data(Qt.ItemDataRole.ToolTipRole))
    assert tooltip.startswith("A/RES/74/178, para. 19\n\n")

    ungass = model.index(0, 0)
    chapters = _children(model, ungass)
    assert chapters[0] == "Preamble (24)"
    assert chapters[1].startswith("Operational recommendations on demand reduction")
    chapter_one = model.index(1, 0, ungass)
    rows = _children(model, chapter_one)
    assert rows[0].startswith("1. We reiterate our commitment to promote the health, welfare "
                              "and well-being of all individuals, families")
    assert rows[0].endswith("…")
    assert rows[1:3] == [
        "Prevention of drug abuse",
        "Treatment of drug use disorders, rehabilitation, recovery and social reintegration; "
        "prevention, treatment and care of HIV/AIDS, viral hepatitis and other blood-borne "
        "infectious diseases"]
    prevention = model.index(1, 0, chapter_one)
    assert _children(model, prevention)[0].startswith("1 (a) Take effective and practical "
                                                      "primary prevention measures")
    assert model.index(0, 0, prevention).data(UNIT_ROLE) == "ungass2016/1(a)"


def test_index_of_a_unit_finds_its_row(source: DocumentSource) -> None:
    """Guards following a pane in the tree: a unit id gives its row, with its ancestors."""
    model = OutlineModel(source)
    index = model.index_of("poa2009/41(g)")
    assert str(index.data()).startswith("(g) Cope with the multiple challenges")
    trail = []
    parent = index.parent()
    while parent.isValid():
        trail.append(str(parent.data()))
        parent = parent.parent()
    assert trail[::-1] == [
        "Plan of Action (2009)", "Part II. Supply reduction and related measures",
        "C. Control of precursors and of amphetamine-type stimulants",
        "5. Emerging issues in precursor control", "41. Member States should:"]
    assert not model.index_of("poa2009/999").isValid()
