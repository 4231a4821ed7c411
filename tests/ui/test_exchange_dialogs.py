"""File ▸ Export…, Share annotations… and Import annotations…, driven as a person does."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from desktop.core.corpus import Corpus
from desktop.core.notes.service import NotesService
from desktop.ui.dialogs.export_dialog import ExportDialog
from desktop.ui.dialogs.import_dialog import ImportDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "excerpts"))
from excerpts_data import fill


@pytest.fixture
def service(corpus: Corpus, tmp_path: Path) -> Iterator[NotesService]:
    opened = NotesService(tmp_path / "mine" / "notes.sqlite", corpus)
    fill(opened)
    yield opened
    opened.close()


def _check(found: QListWidget, label: str) -> None:
    item = found.findItems(label, Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Checked)


def test_export_dialog_previews_and_writes_a_word_brief(qtbot: QtBot, service: NotesService,
                                                        tmp_path: Path) -> None:
    """Guards the Export dialog: the preview counts what goes in and the private ones left
    out as filters are chosen; Export writes the brief and says so; an impossible path is
    shown in the dialog, which stays open."""
    dialog = ExportDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.preview.text() == "3 annotations will be exported; 1 private one left out."
    _check(dialog.categories, "Agreed language")
    _check(dialog.categories, "Red line")
    assert dialog.preview.text() == "1 annotation will be exported; 1 private one left out."
    dialog.include_private.setChecked(True)
    assert dialog.preview.text() == "2 annotations will be exported."

    qtbot.keyClicks(dialog.path, str(tmp_path / "nowhere" / "brief.docx"))
    dialog.go.click()
    assert dialog.isVisible() and "does not exist" in dialog.error.text()

    target = tmp_path / "brief.docx"
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(target))
    with qtbot.waitSignal(dialog.exported) as said:
        dialog.go.click()
    assert said.args == [f"Exported 2 annotations to {target}"]
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "primary prevention" in paragraphs and "amphetamine-type stimulants" in paragraphs


def test_share_then_import_in_the_window(qtbot: QtBot, service: NotesService, corpus: Corpus,
                                         tmp_path: Path) -> None:
    """Guards sharing from the window: Share writes the JSON-LD file; Import in another
    store says what it added; importing it again changes nothing; a file that is not
    complete is refused with the reason, in the dialog."""
    share = ExportDialog(service, share=True)
    qtbot.addWidget(share)
    share.show()
    qtbot.waitExposed(share)
    assert not share.title.isVisible() and not share.format.isVisible()  # nothing to lay out
    target = tmp_path / "for-anna.jsonld"
    qtbot.keyClicks(share.path, str(target))
    with qtbot.waitSignal(share.exported):
        share.go.click()
    colleague = NotesService(tmp_path / "anna" / "notes.sqlite", corpus)
    dialog = ImportDialog(colleague)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.path, str(target))
    with qtbot.waitSignal(dialog.imported) as change:
        dialog.go.click()
    assert len(change.args[0].annotations) == 3
    assert dialog.result.text().splitlines()[0] == "Imported: 3 added"
    dialog.go.click()
    assert "3 unchanged" in dialog.result.text()
    broken = tmp_path / "broken.jsonld"
    broken.write_text(target.read_text(encoding="utf-8")[:200], encoding="utf-8")
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(broken))
    dialog.go.click()
    assert "broken.jsonld is not valid JSON" in dialog.result.text()
    assert colleague.store().count() == 3
    colleague.close()


def test_the_file_menu_offers_export_share_and_import(open_window: object) -> None:
    window = open_window()  # type: ignore[operator]
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert texts[:4] == ["&Export…", "S&hare annotations…", "&Import annotations…", ""]
    assert "&Print…" in texts
