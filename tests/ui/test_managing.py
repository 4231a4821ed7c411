"""Managing annotations in the window, as a delegate does: categories (recolour, remove),
the trash, undo and redo, and the review list after the corpus changed."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from annotating_helpers import blend, close, drag_select, pixel_behind, words_position
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from reading_helpers import click_unit, wait_ready

from desktop.core.corpus import Corpus
from desktop.core.notes.anchoring import anchor_quote
from desktop.core.notes.database import store_path
from desktop.core.notes.model import ARCHIVED, Annotation
from desktop.core.notes.service import NotesService
from desktop.core.notes.store import AnnotationStore
from desktop.core.notes.texts import CorpusText
from desktop.core.render.html import Wording
from desktop.ui.docks.annotations_view import REVIEW, TRASH
from desktop.ui.document_source import DocumentSource
from desktop.ui.hub import AnnotationHub
from desktop.ui.main_window import MainWindow
from desktop.ui.reading.theme import UNCATEGORISED_COLOUR, highlight_colour
from desktop.ui.window_settings import WindowSettings, open_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "notes"))
from notes_corpus import write_corpus

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
UNIT = "ungass2016/1(a)"


def stored(data_dir: Path, trash: bool = False) -> list[Annotation]:
    with AnnotationStore.open(store_path(data_dir)) as store:
        return store.list(trash=trash)


def highlight(qtbot: QtBot, window: MainWindow, words: str, key: Qt.Key) -> None:
    view = window.pane_area.panes()[0].view
    drag_select(qtbot, view, UNIT, words)
    qtbot.keyClick(view, key, CTRL)


def tint_behind(window: MainWindow, words: str) -> QColor:
    view = window.pane_area.panes()[0].view
    return pixel_behind(view, words_position(view, UNIT, words)[0])


def test_recolouring_a_category_repaints_its_highlights(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards Annotate ▸ Categories…: a new colour for Red line, chosen in the colour
    picker, repaints the Red line highlight in every pane at once."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    highlight(qtbot, window, "primary prevention", Qt.Key.Key_3)
    page = pixel_behind(view, words_position(view, UNIT, "Take effective")[0])
    dialog = window.annotate.open_categories()
    dialog.list.setCurrentRow([c.name for c in dialog.categories()].index("Red line"))
    qtbot.mouseClick(dialog.colour_button, Qt.MouseButton.LeftButton)
    picker = dialog.colour_dialog
    assert picker is not None and picker.isVisible()
    picker.setCurrentColor(QColor("#1b5e20"))
    picker.accept()
    assert stored(_private_data_dir)[0].colour == "#1b5e20"
    expected = blend(highlight_colour("#1b5e20", view.palette()), page)
    assert close(tint_behind(window, "primary prevention"), expected)
    dialog.close()


def test_removing_a_category_keeps_its_highlights_uncategorised(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards "removing one never removes its annotations": the dialog says how many become
    uncategorised, the highlight stays painted (in the uncategorised tint) and the keys
    move up: Ctrl+4 is now Question."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    highlight(qtbot, window, "primary prevention", Qt.Key.Key_4)  # Fallback
    page = pixel_behind(view, words_position(view, UNIT, "Take effective")[0])
    dialog = window.annotate.open_categories()
    dialog.list.setCurrentRow([c.name for c in dialog.categories()].index("Fallback"))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "1 annotation now uncategorised, none deleted" in dialog.status.text()
    (annotation,) = stored(_private_data_dir)
    assert annotation.category is None
    expected = blend(highlight_colour(UNCATEGORISED_COLOUR, view.palette()), page)
    assert close(tint_behind(window, "primary prevention"), expected)
    dialog.close()
    highlight(qtbot, window, "healthy lifestyles", Qt.Key.Key_4)
    assert stored(_private_data_dir)[1].category == "Question"


def test_delete_then_restore_from_the_trash(open_window: Opener, qtbot: QtBot,
                                            _private_data_dir: Path) -> None:
    """Guards the trash: Delete in the panel moves the annotation there (its highlight goes
    from the pane); the Trash view lists it and R restores it where it was."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    highlight(qtbot, window, "primary prevention", Qt.Key.Key_3)
    (annotation,) = stored(_private_data_dir)
    dock = window.annotations
    assert dock.select(annotation.id)
    dock.list.setFocus()
    qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
    assert stored(_private_data_dir) == [] and view.highlights() == []
    dock.show_view(TRASH)
    assert dock.trash_model.rowCount() == 1
    assert "deleted" in str(dock.trash_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    dock.trash_list.setFocus()
    qtbot.keyClick(dock.trash_list, Qt.Key.Key_R)
    assert [a.id for a in stored(_private_data_dir)] == [annotation.id]
    assert dock.trash_model.rowCount() == 0
    assert view.highlighted_text(annotation.id) == ["primary prevention"]


def test_undo_and_redo_six_different_actions(open_window: Opener, qtbot: QtBot,
                                             _private_data_dir: Path) -> None:
    """Guards undo/redo over the store's change records: highlight, recategorise, note edit
    (typed, saved as typed: one step), tags, delete and a category rename are undone one by
    one with Ctrl+Z, the Edit menu saying what, and redone with Ctrl+Shift+Z."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    dock = window.annotations
    highlight(qtbot, window, "primary prevention", Qt.Key.Key_1)  # 1 highlight
    assert window.undo_action.text() == "&Undo highlight in Agreed language"
    highlight(qtbot, window, "primary prevention", Qt.Key.Key_3)  # 2 recategorise
    (annotation,) = stored(_private_data_dir)
    dock.edit(annotation.id)
    with qtbot.waitSignal(dock.editor.saved, timeout=3000):  # 3 note, typed
        qtbot.keyClicks(dock.editor.text, "Hold firm")
    dock.editor.tags.setFocus()
    qtbot.keyClicks(dock.editor.tags, "prevention")  # 4 tags
    qtbot.keyClick(dock.editor.tags, Qt.Key.Key_Return)
    dock.list.setFocus()
    qtbot.keyClick(dock.list, Qt.Key.Key_Delete)  # 5 delete
    window.operations.rename_category("Question", "Questions for capital")  # 6 rename

    def state() -> tuple[object, ...]:
        live = stored(_private_data_dir)
        names = [c.name for c in window.hub.categories()]
        if not live:
            gone = stored(_private_data_dir, trash=True)
            return ("trash" if gone else "none", "Question" in names)
        a = live[0]
        return (a.category, a.note, a.tags, "Question" in names)

    states = [state()]
    expected_undo = ["rename category Question", "delete annotation", "change tags",
                     "edit note", "recategorise as Red line", "highlight in Agreed language"]
    for text in expected_undo:
        assert window.undo_action.text() == f"&Undo {text}"
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        states.append(state())
    assert states == [
        ("trash", False),
        ("trash", True),
        ("Red line", "Hold firm", ("prevention",), True),
        ("Red line", "Hold firm", (), True),
        ("Red line", "", (), True),
        ("Agreed language", "", (), True),
        ("trash", True),
    ]
    assert not window.undo_action.isEnabled()
    for expected in reversed(states[:-1]):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
        assert state() == expected


def test_undo_does_not_overwrite_a_change_made_elsewhere(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards "undo never overwrites another's change": after another process edits the
    annotation, Ctrl+Z refuses, says so, and leaves their edit."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    highlight(qtbot, window, "primary prevention", Qt.Key.Key_3)
    (annotation,) = stored(_private_data_dir)
    with AnnotationStore.open(store_path(_private_data_dir)) as other:
        other.update(annotation.id, note="Edited by a colleague")
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    (after,) = stored(_private_data_dir)
    assert after.note == "Edited by a colleague" and after.deleted is None
    assert "changed elsewhere" in window.statusBar().currentMessage()
    assert not window.undo_action.isEnabled()  # the step was dropped


# -- the review list -------------------------------------------------------------------------

BEFORE = {"ungass2016": [
    ("1", "Urges States to strengthen cooperation in the field of drug demand reduction."),
    ("2", "Welcomes the work of the Commission on Narcotic Drugs."),
    ("3", "Notes with concern the rise in synthetic drugs.")],
    "poa2009": [("1", "Member States should cooperate.")]}
AFTER = {"ungass2016": [
    ("1", "Urges States to enhance cooperation in the field of drug demand reduction."),
    ("2", "Takes note of the report of the Board."),
    ("3", "Welcomes the work of the Commission on Narcotic Drugs.")],
    "poa2009": [("1", "Member States should cooperate.")]}


@pytest.fixture
def changed_corpus_window(qtbot: QtBot, tmp_path: Path,
                          _private_data_dir: Path) -> Iterator[MainWindow]:
    """Annotations made on one edition of a (small) corpus; the window opened on the next."""
    before = write_corpus(tmp_path / "before.sqlite", BEFORE)
    after = write_corpus(tmp_path / "after.sqlite", AFTER)
    first_edition = Corpus.open(before)
    texts = CorpusText.from_corpus(first_edition)
    first_edition.close()
    text = texts.instrument("ungass2016")
    assert text is not None
    with AnnotationStore.open(store_path(_private_data_dir)) as store:
        store.reconcile(texts)
        for unit, quote in (("ungass2016/1", "strengthen cooperation"),
                            ("ungass2016/3", "synthetic drugs"),
                            ("ungass2016/3", "the rise")):
            store.add(anchor_quote(text, unit, quote), category="Red line", note=f"on {quote}")
    corpus = Corpus.open(after)
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


def test_review_items_are_settled_from_the_window(
        changed_corpus_window: MainWindow, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards the review list: after the corpus changed, a bar says how many annotations
    need review; in the Review view each shows its old quote beside the candidate with the
    changed words marked; A accepts, M moves to the words selected in a pane, X archives.
    Nothing moves without the reader's word."""
    window = changed_corpus_window
    qtbot.waitUntil(lambda: window.review_bar.isVisible())
    assert "3 annotations need your review" in window.review_bar.message.text()
    qtbot.mouseClick(window.review_bar.findChild(type(window.annotations.accept_button)),
                     Qt.MouseButton.LeftButton)
    dock = window.annotations
    assert dock.isVisible() and dock.views.currentIndex() == REVIEW
    assert dock.views.tabText(REVIEW) == "Review (3)"
    rows = dock.review_model.rows()
    assert rows[0].lines[0] == "was: “\x02strengthen\x03 cooperation”"
    assert rows[0].lines[1].startswith("now: “\x02enhance\x03 cooperation” — ")
    assert {a.status for a in stored(_private_data_dir)} == {"review"}  # nothing moved yet
    dock.review_list.setFocus()
    dock.review_list.setCurrentIndex(dock.review_model.index(0, 0))
    qtbot.keyClick(dock.review_list, Qt.Key.Key_A)  # accept: "enhance cooperation"
    # Move the next ("the rise", gone from para. 3) to words selected in the left pane.
    pane = window.pane_area.panes()[0]
    click_unit(qtbot, pane.view, "ungass2016/2")
    drag_select(qtbot, pane.view, "ungass2016/2", "the report")
    dock.review_list.setFocus()
    dock.review_list.setCurrentIndex(dock.review_model.index(0, 0))
    qtbot.keyClick(dock.review_list, Qt.Key.Key_M)
    dock.review_list.setFocus()
    dock.review_list.setCurrentIndex(dock.review_model.index(0, 0))
    qtbot.keyClick(dock.review_list, Qt.Key.Key_X)
    assert dock.review_model.rowCount() == 0
    assert not window.review_bar.isVisible()
    with AnnotationStore.open(store_path(_private_data_dir)) as store:
        everything = {a.note: (a.anchor.unit, a.anchor.quote, a.status)
                      for a in store.list(statuses=("ok", "review", ARCHIVED))}
    assert everything == {
        "on strengthen cooperation": ("ungass2016/1", "enhance cooperation", "ok"),
        "on the rise": ("ungass2016/2", "the report", "ok"),
        "on synthetic drugs": ("ungass2016/3", "synthetic drugs", ARCHIVED),
    }
