"""The annotations panel's ways out and back in: the selected annotations copied as a brief
(rich and plain text), exported on their own, and the Conflicts view after an import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.core.corpus import Corpus
from desktop.core.excerpts.pack import Filters
from desktop.core.exchange import export as share
from desktop.core.exchange.importer import import_file
from desktop.core.notes.database import store_path
from desktop.core.notes.service import NotesService
from desktop.core.notes.store import AnnotationStore
from desktop.ui.docks.annotations_view import CONFLICTS
from desktop.ui.main_window import MainWindow

Opener = Callable[..., MainWindow]


def add_two(data_dir: Path, corpus: Corpus) -> list[int]:
    service = NotesService(store_path(data_dir), corpus)
    store = service.store()
    ids = []
    for unit, quote, note in (("ungass2016/1(a)", "primary prevention", "Keep **as is**"),
                              ("res74-178/19", "increase the availability", "Capital agrees")):
        change = store.add(service.anchor(unit, quote=quote), category="Red line", note=note)
        assert change.annotation is not None
        ids.append(change.annotation.id)
    service.close()
    return ids


def select_rows(window: MainWindow, rows: list[int]) -> None:
    dock = window.annotations
    dock.show_view(0)
    dock.refresh()
    selection = dock.list.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(dock.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(dock.model.index(rows[0], 0),
                              QItemSelectionModel.SelectionFlag.NoUpdate)
    dock.list.setFocus()


def test_ctrl_c_in_the_panel_copies_the_selection_as_a_brief(
        open_window: Opener, qtbot: QtBot, corpus: Corpus, _private_data_dir: Path) -> None:
    """Guards "copy the annotations selected in the panel as a brief": rich text for Word
    (quote, citation, note rendered) and plain text for everything else, in one copy."""
    add_two(_private_data_dir, corpus)
    window = open_window()
    select_rows(window, [0, 1])
    qtbot.keyClick(window.annotations.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasHtml() and data.hasText()
    html, text = data.html(), data.text()
    for expected in ("primary prevention", "A/RES/S-30/1, annex, para. 1 (a)",
                     "increase the availability", "A/RES/74/178, para. 19"):
        assert expected in html and expected in text
    assert "<strong>as is</strong>" in html and "**as is**" in text


def test_export_selected_writes_only_those(open_window: Opener, qtbot: QtBot, corpus: Corpus,
                                           _private_data_dir: Path, tmp_path: Path) -> None:
    """Guards "the annotations selected in the panel can be exported on their own"."""
    add_two(_private_data_dir, corpus)
    window = open_window()
    select_rows(window, [1])
    assert window.annotations.selected_ids() == (2,)
    dialog = window.exchange.open_export(ids=window.annotations.selected_ids())
    target = tmp_path / "brief.md"
    dialog.path.setText(str(target))  # type: ignore[attr-defined]
    dialog.format.setCurrentIndex(dialog.format.findData("md"))  # type: ignore[attr-defined]
    assert "1 annotation will be exported" in dialog.preview.text()  # type: ignore[attr-defined]
    assert dialog.run_export()  # type: ignore[attr-defined]
    written = target.read_text(encoding="utf-8")
    assert "increase the availability" in written and "primary prevention" not in written


def test_the_conflicts_view_keeps_both_versions_until_one_is_chosen(
        open_window: Opener, qtbot: QtBot, corpus: Corpus, _private_data_dir: Path,
        tmp_path: Path) -> None:
    """Guards the Conflicts view: a colleague's edit of a note the delegate also edited is
    listed with both versions; T keeps theirs, and the pane's note follows."""
    ids = add_two(_private_data_dir, corpus)
    colleague = tmp_path / "colleague"
    mine = NotesService(store_path(_private_data_dir), corpus)
    sent = tmp_path / "sent.jsonld"
    share.write(mine, Filters(include_private=True), sent)
    theirs = NotesService(store_path(colleague), corpus)
    import_file(theirs, sent)
    theirs_id = next(a.id for a in theirs.store().list() if a.unit == "res74-178/19")
    theirs.store().update(theirs_id, note="Theirs: drop it")
    back = tmp_path / "back.jsonld"
    share.write(theirs, Filters(include_private=True), back)
    theirs.close()
    mine.store().update(ids[1], note="Ours: keep")
    import_file(mine, back)
    mine.close()

    window = open_window()
    dock = window.annotations
    dock.show_view(CONFLICTS)
    assert dock.views.tabText(CONFLICTS) == "Conflicts (1)"
    (row,) = dock.conflicts_model.rows()
    assert row.title == "A/RES/74/178, para. 19"
    assert "“Ours: keep”" in row.lines[0] and "“Theirs: drop it”" in row.lines[1]
    dock.conflicts_list.setFocus()
    qtbot.keyClick(dock.conflicts_list, Qt.Key.Key_T)
    assert dock.conflicts_model.rowCount() == 0
    with AnnotationStore.open(store_path(_private_data_dir)) as store:
        assert store.get(ids[1]).note == "Theirs: drop it"  # type: ignore[union-attr]

