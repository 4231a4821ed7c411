"""A draft in the window: File ▸ Import draft… with its preview, the margin marks of its
paragraphs, a mark's click opening the source's redline, the panes following its links, the
brackets marked — driven as a person drives it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reading_helpers import wait_ready

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.notes.database import store_path
from desktop.core.notes.service import NotesService
from desktop.core.render.html import Wording
from desktop.ui.dialogs.compare_dialog import CompareDialog
from desktop.ui.document_source import DocumentSource
from desktop.ui.hub import AnnotationHub
from desktop.ui.main_window import MainWindow
from desktop.ui.window_settings import WindowSettings, open_settings

sys.path.insert(0, str(Path(__file__).parents[1] / "core" / "drafts"))
from draft_files import write_typed

SHOTS = os.environ.get("CONCORDIA_DRAFT_SCREENSHOTS")  # a folder: save what the test sees


@pytest.fixture
def window(qtbot: QtBot, _private_data_dir: Path) -> Iterator[MainWindow]:
    """A window whose corpus reads the user's imported instruments, as `concordia` opens it."""
    corpus = Corpus.open(paths.corpus_path(), paths.user_corpus_path(_private_data_dir))
    service = NotesService(store_path(_private_data_dir), corpus)
    window = MainWindow(DocumentSource(corpus, Wording()),
                        WindowSettings(open_settings(_private_data_dir)), AnnotationHub(service))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    wait_ready(qtbot, window)
    yield window
    window.hub.stop_watching()
    service.close()
    corpus.close()


def test_import_draft_previews_then_shows_the_draft_with_its_marks(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """Guards File ▸ Import draft…: the preview lists what was found before anything is
    kept; Import shows the draft in a pane beside the others, a mark per paragraph in its
    status, the bracketed words tinted; a click on a changed paragraph's mark opens the
    redline against its source and the linked pane follows to that source."""
    action = window.findChild(type(window.drafts.action), "importDraftAction")
    assert action is not None and action.text() == "Import &draft…"
    file_menu = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert file_menu[:10] == ["&Export…", "S&hare annotations…", "&Import annotations…", "",
                              "Import &draft…", "Compare &revisions…",
                              "Export the agreed-language &analysis…", "Re&move this draft…",
                              "", "&Print…"]
    action.trigger()
    dialog = window.drafts.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert not dialog.import_button.isEnabled()
    draft = write_typed(tmp_path / "L5.txt")
    qtbot.keyClicks(dialog.file_field, str(draft))
    qtbot.keyClicks(dialog.symbol_field, "E/CN.7/2025/L.5")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview.toPlainText()
    assert "Promoting evidence-based prevention and treatment — E/CN.7/2025/L.5" in preview
    assert "Opening formula: The Commission on Narcotic Drugs," in preview
    assert ("2 preambular paragraphs, 3 operative paragraphs (1 inserted), 5 subparagraphs, "
            "0 headings, 1 footnotes") in preview
    assert "Agreed language: 1 agreed, 1 changed, 0 partly agreed, 8 new" in preview
    assert dialog.message.text() == "Ready to import as l5."
    assert not paths.user_corpus_path().exists()  # nothing kept before Import
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "import-dialog.png"))
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_ready(qtbot, window)

    panes = window.pane_area.panes()
    assert [p.instrument_id() for p in panes] == ["ungass2016", "l5", "poa2009"]
    draft_pane = panes[1]
    strip = window.drafts.marks.strip(draft_pane)
    assert strip is not None and strip.isVisible()
    statuses = {m.unit: m.status for m in strip.marks()}
    assert statuses["l5/1(a)"] == "agreed" and statuses["l5/1(b)"] == "changed"
    assert statuses["l5/2"] == "new" and statuses["l5/pp2"] == "new"
    assert "l5/front:1" not in statuses and "l5/f:open" not in statuses
    brackets = [s.cursor.selectedText() for s in draft_pane.view._layers["brackets"]]
    assert brackets == ["[promoting]", "[in all regions]"]

    draft_pane.view.scroll_to_unit("l5/1(a)")
    qtbot.waitUntil(lambda: any(m.unit == "l5/1(b)" for m, _ in strip.mark_rects()))
    rect = next(r for m, r in strip.mark_rects() if m.unit == "l5/1(b)")
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    assert strip.geometry().top() == 0  # the view scrolls its children; the strip stays
    compare = window.drafts.compare_dialog
    assert isinstance(compare, CompareDialog)
    assert compare.heading.text().startswith(
        "<b>A/RES/S-30/1, annex, para. 1 (m)</b> changed into <b>E/CN.7/2025/L.5, para. 1 (b)")
    assert "{+naloxone, and make+}" in compare.plain
    ungass = panes[0]
    qtbot.waitUntil(lambda: ungass.view.current_unit() == "ungass2016/1(m)"
                    or "ungass2016/1(m)" in ungass.targets(), timeout=3000)
    if SHOTS:
        QApplication.processEvents()
        window.grab().save(str(Path(SHOTS) / "draft-beside-ungass.png"))
        compare.grab().save(str(Path(SHOTS) / "draft-redline.png"))


def test_a_new_revision_from_the_window_carries_the_notes_and_redraws_the_pane(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """Guards Replace in File ▸ Import draft…: the pane on the draft shows the new text,
    and a note on words that were renumbered moves with them."""
    from draft_files import TYPED

    first = window.drafts.open_dialog()
    first.set_file(write_typed(tmp_path / "l5.txt"))
    with qtbot.waitSignal(first.imported, timeout=5000):
        first.import_draft()
    wait_ready(qtbot, window)
    service = window.hub.service
    anchor = service.anchor("l5/1(a)", quote="severe drug use disorders")
    added = service.store().add(anchor, note="agreed in 2016").annotation
    revised = tmp_path / "l5-rev1.txt"
    revised.write_text(TYPED.replace("1. Encourages", "1. Notes the report;\n\n2. Encourages")
                       .replace("1 bis.", "2 bis.").replace("2. Decides", "3. Decides"),
                       encoding="utf-8")
    second = window.drafts.open_dialog()
    second.id_field.setText("l5")
    second.replace_box.setChecked(True)
    second.set_file(revised)
    assert second.message.text() == "Ready to import as l5."
    with qtbot.waitSignal(second.imported, timeout=5000):
        qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    wait_ready(qtbot, window)
    pane = next(p for p in window.pane_area.panes() if p.instrument_id() == "l5")
    assert "l5/3" in pane.view.unit_ids()
    moved = next(a for a in window.hub.annotations("l5") if a.id == added.id)
    assert moved.anchor.unit == "l5/2(a)" and moved.status == "ok"
    strip = window.drafts.marks.strip(pane)
    assert strip is not None
    assert {m.unit: m.status for m in strip.marks()}["l5/2(a)"] == "agreed"


def _import(qtbot: QtBot, window: MainWindow, path: Path, replace: bool = False) -> None:
    dialog = window.drafts.open_dialog()
    if replace:
        dialog.id_field.setText("l5")
        dialog.replace_box.setChecked(True)
    dialog.set_file(path)
    dialog.symbol_field.setText("E/CN.7/2025/L.5")
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.import_draft()
    wait_ready(qtbot, window)


def test_the_draft_in_the_focused_pane_compares_revisions_exports_its_analysis_and_goes(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """Guards File ▸ Compare revisions…, Export the agreed-language analysis… and Remove
    this draft…: offered only while the focused pane shows an imported draft; the comparison
    pairs paragraphs by their words across the renumbering; the analysis is a Word brief with
    each paragraph's status; removing puts the draft's notes in the trash (not the review
    list) and the pane on another instrument."""
    from docx import Document
    from draft_files import TYPED

    actions = (window.drafts.compare_action, window.drafts.analysis_action,
               window.drafts.remove_action)
    assert not any(action.isEnabled() for action in actions)  # no draft yet
    _import(qtbot, window, write_typed(tmp_path / "l5.txt"))
    note = window.hub.service.store().add(window.hub.service.anchor("l5/2"),
                                          note="ask capital").annotation
    revised = tmp_path / "l5-rev1.txt"
    revised.write_text(TYPED.replace("1. Encourages", "1. Notes the report;\n\n2. Encourages")
                       .replace("1 bis.", "2 bis.").replace(
                           "2. Decides to remain seized of the matter.",
                           "3. Decides to remain seized of the matter, in all its aspects."),
                       encoding="utf-8")
    _import(qtbot, window, revised, replace=True)
    draft_pane = next(p for p in window.pane_area.panes() if p.instrument_id() == "l5")
    other = next(p for p in window.pane_area.panes() if p is not draft_pane)
    # Where space is short, the draft is named as delegates say it (with its symbol).
    source = DocumentSource(Corpus.open(paths.corpus_path(), paths.user_corpus_path()),
                            Wording())
    assert [source.short_citation(u) for u in ("l5/pp1", "l5/3", "l5/2(a)", "l5/2bis")] == [
        "L.5 PP 1", "L.5 OP 3", "L.5 OP 2 (a)", "L.5 OP 2 bis"]
    window.pane_area.set_focused(other)
    assert not any(action.isEnabled() for action in actions)
    window.pane_area.set_focused(draft_pane)
    assert all(action.isEnabled() for action in actions)

    window.drafts.compare_action.trigger()
    dialog = window.drafts.revisions_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.heading.text().startswith(
        "Revision 1 (l5.txt) → revision 2 (l5-rev1.txt): 9 the same, 1 changed, 1 new, "
        "0 deleted.")
    lines = dialog.plain.splitlines()
    assert lines[2].startswith("OP 1\tnew\tNotes the report;")
    assert "OP 2 (a)\tsame (was OP 1 (a))\t" in "\n".join(lines)
    changed = next(line for line in lines if line.startswith("OP 3\t"))
    assert changed.startswith("OP 3\tchanged (was OP 2)\t")
    assert changed.endswith("Decides to remain seized of the [-matter.-] {+matter, in all its "
                            "aspects.+}")
    assert "line-through" in dialog.view.toHtml()  # the deleted words struck through
    dialog.changes_only.setChecked(True)
    assert [line.split("\t")[0] for line in dialog.plain.splitlines()] == ["OP 1", "OP 3"]
    dialog.close()

    written = window.drafts.export_analysis(tmp_path / "analysis.docx")
    assert written == tmp_path / "analysis.docx"
    text = "\n".join(p.text for p in Document(str(written)).paragraphs)
    assert "Agreed language in Promoting evidence-based prevention and treatment" in text
    assert "Changed" in text and "New" in text
    assert "Wrote the analysis of l5 to" in window.statusBar().currentMessage()

    assert window.drafts.remove_draft(confirm=False)
    assert "l5" not in Corpus.open(paths.corpus_path(), paths.user_corpus_path()).imported()
    assert [p.instrument_id() for p in window.pane_area.panes()].count("l5") == 0
    assert [a.id for a in window.hub.trash()] == [note.id]
    assert window.hub.reviews() == []
    assert not any(action.isEnabled() for action in actions)
    assert "Removed l5; its annotation is in the trash." in (
        window.statusBar().currentMessage())
    window.hub.service.store().restore(note.id)  # restored without its draft: to review
    assert [item.annotation.id for item in window.hub.reviews()] == [note.id]
