"""Annotating in the window, driven as a delegate does: select words with the mouse, press
Ctrl+1 … Ctrl+9 or Ctrl+N, type; read back what the panes paint, what the panel lists and
what the store keeps."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from annotating_helpers import blend, close, drag_select, pixel_behind, words_position
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocumentFragment
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from reading_helpers import click_unit, wait_ready

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.notes.anchoring import anchor_units
from desktop.core.notes.database import store_path
from desktop.core.notes.model import DEFAULT_CATEGORIES, Annotation
from desktop.core.notes.service import NotesService
from desktop.core.notes.store import AnnotationStore
from desktop.core.notes.texts import CorpusText
from desktop.ui.docks.annotations_model import ANNOTATION_ROLE
from desktop.ui.docks.search_view import NOTES
from desktop.ui.document_source import DocumentSource
from desktop.ui.main_window import MainWindow
from desktop.ui.reading.theme import highlight_colour

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
ROOT = Path(__file__).resolve().parents[2]
DIGITS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6)


def stored(data_dir: Path) -> list[Annotation]:
    with AnnotationStore.open(store_path(data_dir)) as store:
        return store.list()


def test_a_keystroke_highlights_the_selection_in_each_category(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards "one keystroke from a selection to a coloured highlight": words selected with
    the mouse and Ctrl+1 … Ctrl+6 give one highlight per default category, stored with
    exactly those words and painted in the category's tint over exactly them."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    unit = "ungass2016/1(a)"
    words = ("primary prevention", "protect people", "children and youth",
             "drug use initiation", "accurate information", "healthy lifestyles")
    for key, quote in zip(DIGITS, words, strict=True):
        drag_select(qtbot, view, unit, quote)
        qtbot.keyClick(view, key, CTRL)
        assert not view.textCursor().hasSelection()  # the colour shows at once
    annotations = stored(_private_data_dir)
    assert [(a.quote, a.category) for a in annotations] == [
        (quote, name) for quote, (name, _colour) in zip(words, DEFAULT_CATEGORIES, strict=True)]
    start = words_position(view, unit, "Take effective")[0]
    page = pixel_behind(view, start)  # the unit's own background, no highlight on it
    for annotation in annotations:
        assert view.highlighted_text(annotation.id) == [annotation.quote]
        first = words_position(view, unit, str(annotation.quote))[0]
        tint = highlight_colour(annotation.colour, view.palette())
        assert close(pixel_behind(view, first), blend(tint, page)), annotation.category


def test_a_highlight_can_run_from_a_chapeau_into_its_subparagraphs(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards a selection across consecutive units: one annotation from the chapeau's last
    words to the start of (b), painted over every unit between (the heading printed
    between them and the whole of (a))."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    view.scroll_to_unit("ungass2016/1")
    drag_select(qtbot, view, "ungass2016/1", "and we recommend", "ungass2016/1(b)",
                "severe drug use")
    qtbot.keyClick(view, Qt.Key.Key_3, CTRL)
    (annotation,) = stored(_private_data_dir)
    assert (annotation.anchor.unit, annotation.anchor.end_unit) == ("ungass2016/1",
                                                                    "ungass2016/1(b)")
    assert annotation.category == "Red line"
    painted = view.highlighted_text(annotation.id)
    assert painted[0] == "and we recommend the following measures:"
    assert painted[1] == "Prevention of drug abuse"
    assert painted[2].startswith("Take effective and practical primary prevention")
    assert painted[-1] == "Also take effective and practical measures to prevent progression " \
                          "to severe drug use"


def test_ctrl_n_writes_a_note_on_the_current_unit_saved_as_typed(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards the whole-unit note: click a paragraph, Ctrl+N, type; the note is saved
    without a Save button, a mark appears in the margin, its tooltip is the rendered note."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    click_unit(qtbot, view, "ungass2016/1(b)")
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    editor = window.annotations.editor
    assert window.annotations.isVisible()
    qtbot.waitUntil(lambda: editor.text.hasFocus())
    with qtbot.waitSignal(editor.saved, timeout=3000):
        qtbot.keyClicks(editor.text, "Ask the *capital* first")
    (annotation,) = stored(_private_data_dir)
    assert annotation.anchor.whole and annotation.unit == "ungass2016/1(b)"
    assert annotation.note == "Ask the *capital* first"
    qtbot.waitUntil(lambda: [m.unit for m in view.note_marks()] == ["ungass2016/1(b)"])
    assert "<em>capital</em>" in view.note_marks()[0].html
    assert view.highlighted_text(annotation.id)[0].startswith("Also take effective")


def test_tags_and_filters_in_the_panel(open_window: Opener, qtbot: QtBot,
                                       _private_data_dir: Path) -> None:
    """Guards tagging (typed in the editor) and the panel's filters: as-you-type words of
    the quote, and a tag chosen from those used; the panel passes Qt's model checker."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    for key, quote in ((Qt.Key.Key_1, "primary prevention"), (Qt.Key.Key_2, "healthy lifestyles")):
        drag_select(qtbot, view, "ungass2016/1(a)", quote)
        qtbot.keyClick(view, key, CTRL)
    dock = window.annotations
    QAbstractItemModelTester(dock.model)
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert dock.isVisible()
    first = stored(_private_data_dir)[0]
    assert dock.select(first.id)
    qtbot.keyClicks(dock.editor.tags, "naloxone, access")
    qtbot.keyClick(dock.editor.tags, Qt.Key.Key_Return)
    assert stored(_private_data_dir)[0].tags == ("naloxone", "access")
    dock.tag.setCurrentIndex(dock.tag.findData("naloxone"))
    assert dock.shown_ids() == [first.id]
    dock.tag.setCurrentIndex(0)
    assert len(dock.shown_ids()) == 2
    qtbot.keyClicks(dock.filter, "lifestyles")
    rows = [dock.model.index(r, 0).data(ANNOTATION_ROLE) for r in range(dock.model.rowCount())]
    assert rows == [stored(_private_data_dir)[1].id]
    shown = QTextDocumentFragment.fromHtml(dock.counts.text()).toPlainText()
    assert shown == "1 shown · ■ Our position 1"


def test_a_highlight_shows_in_every_pane_on_the_instrument(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    window = open_window()
    left = window.pane_area.panes()[0]
    third = window.add_pane()
    assert third is not None
    third.set_instrument("ungass2016")
    wait_ready(qtbot, window)
    drag_select(qtbot, left.view, "ungass2016/1(a)", "primary prevention")
    qtbot.keyClick(left.view, Qt.Key.Key_3, CTRL)
    (annotation,) = stored(_private_data_dir)
    assert third.view.highlighted_text(annotation.id) == ["primary prevention"]


def test_a_note_added_from_a_shell_appears_in_the_open_window(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards "live": `concordia notes add` in another process, and the open window paints
    the highlight within a second, without a restart."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    qtbot.waitUntil(lambda: window.hub._timer.isActive())
    env = dict(os.environ, **{paths.DATA_DIR_ENV: str(_private_data_dir)})
    subprocess.run([sys.executable, "-m", "desktop", "notes", "add", "ungass2016/1(a)",
                    "--quote", "primary prevention", "--category", "Red line"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    qtbot.waitUntil(lambda: bool(view.highlights()), timeout=3000)
    (annotation,) = stored(_private_data_dir)
    assert view.highlighted_text(annotation.id) == ["primary prevention"]


def test_search_finds_words_in_notes(open_window: Opener, qtbot: QtBot, corpus: Corpus,
                                     _private_data_dir: Path) -> None:
    """Guards Ctrl+F's Notes scope: a word of a note finds its annotation; opening the
    result brings a pane to the unit and selects the annotation in the panel."""
    text = CorpusText.from_corpus(corpus).of_unit("poa2009/41(g)")
    assert text is not None
    with AnnotationStore.open(store_path(_private_data_dir)) as store:
        made = store.add(anchor_units(text, "poa2009/41(g)"), note="Check the *forfeiture* line")
    window = open_window()
    qtbot.keyClick(window.pane_area.panes()[0].view, Qt.Key.Key_F, CTRL)
    dock = window.search
    dock.part.setCurrentIndex(dock.part.findData(NOTES))
    with qtbot.waitSignal(dock.searched):
        qtbot.keyClicks(dock.field, "forfeiture")
    assert dock.model.rowCount() == 1
    qtbot.keyClick(dock.field, Qt.Key.Key_Return)
    assert made.annotation is not None
    assert window.annotations.selected_id() == made.annotation.id
    assert window.pane_area.focused_pane().instrument_id() == "poa2009"


def test_a_locked_store_keeps_the_typed_note_until_it_can_be_saved(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards "never loses a note": while another program holds the notes database, the
    bar says so once and the typed text stays in the editor; once released, it is saved."""
    window = open_window()
    view = window.pane_area.panes()[0].view
    click_unit(qtbot, view, "ungass2016/1(c)")
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    editor = window.annotations.editor
    holder = sqlite3.connect(store_path(_private_data_dir), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        qtbot.keyClicks(editor.text, "Keep this")
        qtbot.waitUntil(lambda: window.store_bar.isVisible(), timeout=5000)
        assert "busy" in window.store_bar.message.text()
        assert editor.text.toPlainText() == "Keep this" and editor.is_dirty()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with qtbot.waitSignal(editor.saved, timeout=6000):
        pass
    assert stored(_private_data_dir)[0].note == "Keep this"
    assert not window.store_bar.isVisible()


def test_screenshot_paints_a_highlight_made_from_the_command_line(tmp_path: Path) -> None:
    """Guards the issue's check: `notes add … --category "Red line"` then `--screenshot`
    paints the Red line tint on those two words, as a real start would."""
    data = tmp_path / "shot"
    env = dict(os.environ, **{paths.DATA_DIR_ENV: str(data)}, QT_QPA_PLATFORM="offscreen")
    run = [sys.executable, "-m", "desktop"]
    picture, bare = tmp_path / "with.png", tmp_path / "without.png"
    args = ["--open", "ungass2016/1(a)", "--size", "1366x768"]
    subprocess.run([*run, "--screenshot", str(bare), *args], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    subprocess.run([*run, "notes", "add", "ungass2016/1(a)", "--quote", "primary prevention",
                    "--category", "Red line"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    subprocess.run([*run, "--screenshot", str(picture), *args], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    with_, without = QImage(str(picture)), QImage(str(bare))
    assert with_.size() == without.size()
    changed = [(x, y) for y in range(0, with_.height(), 2) for x in range(0, with_.width(), 2)
               if with_.pixel(x, y) != without.pixel(x, y)]
    assert changed, "nothing was painted"
    reddish = [(x, y) for x, y in changed
               if with_.pixelColor(x, y).red() > with_.pixelColor(x, y).green() + 30]
    assert len(reddish) > 0.6 * len(changed)
    # Two words on one line: the changed pixels lie in one short band.
    ys = [y for _, y in reddish]
    xs = [x for x, _ in reddish]
    assert max(ys) - min(ys) < 30 and max(xs) - min(xs) < 260


def test_every_unit_text_maps_onto_the_laid_out_words(open_window: Opener,
                                                      source: DocumentSource) -> None:
    """Guards the one mapping between a unit's text and the pane (labels, footnote calls,
    repair and sic marks are not part of the text): for every unit of every instrument,
    each character of the text is found at its mapped place in the layout."""
    window = open_window()
    pane = window.pane_area.panes()[0]
    checked = 0
    for instrument in source.instruments():
        pane.set_instrument(instrument.id)
        pane.show_unit(source.units(instrument.id)[-1].id)
        document = pane.view.document()
        for unit in source.units(instrument.id):
            found = pane.view._offset_map(unit.id)
            assert found is not None, unit.id
            positions, mapping = found
            assert mapping.mismatches == 0, unit.id
            laid_out = "".join(document.characterAt(p) for p in positions)
            for offset, char in enumerate(unit.text):
                if not char.isspace():
                    assert laid_out[mapping.start(offset)] == char, (unit.id, offset)
            checked += 1
    assert checked == sum(len(source.units(i.id)) for i in source.instruments())


def test_a_damaged_notes_database_does_not_stop_reading(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards reading on when the notes cannot be used: a notes file that is not a database
    is left exactly as it was, the window opens with its text, and the bar says so once."""
    _private_data_dir.mkdir(parents=True, exist_ok=True)
    damaged = store_path(_private_data_dir)
    damaged.write_bytes(b"this is not a database" * 200)
    before = damaged.read_bytes()
    window = open_window()
    qtbot.waitUntil(lambda: window.store_bar.isVisible())
    assert "notes" in window.store_bar.message.text()
    view = window.pane_area.panes()[0].view
    drag_select(qtbot, view, "ungass2016/1(a)", "primary prevention")
    qtbot.keyClick(view, Qt.Key.Key_3, CTRL)  # refused, said in the bar, nothing written
    assert view.highlights() == []
    assert damaged.read_bytes() == before
    assert "ungass2016/1(a)" in view.unit_ids()


def test_a_damaged_index_leaves_the_notes_shown_read_only(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards the read-only store in the window: with an index page of the notes database
    damaged, the highlights are still shown, the bar says what happened and how to recover,
    a new highlight is refused and the file is left exactly as it was."""
    sys.path.insert(0, str(ROOT / "tests" / "faults"))
    from fault_helpers import QUOTE, UNIT, checkpoint, digest, fill, pages_of, scribble

    path = store_path(_private_data_dir)
    fill(path, ["one", "two", "three"])
    checkpoint(path)
    scribble(path, pages_of(path, "annotations_place", "leaf")[0])
    before = digest(path)
    window = open_window()
    pane = window.pane_area.panes()[0]
    pane.show_unit(UNIT)
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: window.store_bar.isVisible())
    assert "can only be read until it is recovered" in window.store_bar.message.text()
    qtbot.waitUntil(lambda: len(pane.view.highlights()) == 3)
    assert pane.view.highlighted_text(pane.view.highlights()[0].annotation) == [QUOTE]
    drag_select(qtbot, pane.view, UNIT, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_2, CTRL)
    assert len(pane.view.highlights()) == 3
    assert digest(path) == before


def test_damaged_notes_are_recovered_from_the_window(
        open_window: Opener, qtbot: QtBot, _private_data_dir: Path) -> None:
    """Guards Recover… in the window's bar: with a table page of the notes database
    damaged, the bar offers Recover…, the dialog lists the backup with its date and count,
    and recovering brings every note back (those on the damaged page from the backup, the
    rest from the damaged file); the bar goes and writing works again."""
    sys.path.insert(0, str(ROOT / "tests" / "faults"))
    from fault_helpers import UNIT, checkpoint, fill, pages_of, scribble

    from desktop.core.notes import backups

    path = store_path(_private_data_dir)
    fill(path, [f"note {i}" for i in range(40)])
    fill(path, [f"note {i}" for i in range(40, 45)])  # the day's backup was taken before these
    assert len(backups.backups(backups.folder_of(path))) == 1
    checkpoint(path)
    scribble(path, pages_of(path, "annotations", "leaf")[0])
    window = open_window()
    qtbot.waitUntil(lambda: window.store_bar.isVisible())
    assert window.store_bar.recover.isVisible()
    qtbot.mouseClick(window.store_bar.recover, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "recoverDialog")
    assert dialog is not None
    (row,) = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert row.endswith("— 40 annotations")
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert not window.store_bar.isVisible()
    assert "restored notes.sqlite from" in window.statusBar().currentMessage()
    assert len(stored(_private_data_dir)) == 45
    pane = window.pane_area.panes()[0]
    pane.show_unit(UNIT)
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: len(pane.view.highlights()) == 45)


def test_a_corpus_failure_met_in_the_tree_is_said_in_the_bar(open_window: Opener) -> None:
    """Guards the one message for a corpus page that fails while the window is open (the
    outline catches it: tests/faults): the bar says it, with no Recover… or Try again."""
    window = open_window()
    message = "the corpus cannot be read: a damaged page; reinstall Concordia."
    window.outline.corpus_failed.emit(message)
    assert window.store_bar.isVisible()
    assert window.store_bar.message.text() == message[:1].upper() + message[1:]
    assert not window.store_bar.recover.isVisible() and not window.store_bar.retry.isVisible()


def test_the_notes_watch_ends_with_its_window(qtbot: QtBot, source: DocumentSource,
                                              corpus: Corpus, _private_data_dir: Path) -> None:
    """Guards against a watch outliving its window (it would poll a closed store and report
    into a deleted bar): the hub goes with the window, and the File menu's sharing never
    closes the window's own notes service."""
    from desktop.ui.hub import AnnotationHub
    from desktop.ui.window_settings import WindowSettings, open_settings

    service = NotesService(store_path(_private_data_dir), corpus)
    window = MainWindow(source, WindowSettings(open_settings(_private_data_dir)),
                        AnnotationHub(service))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.hub._timer.isActive())
    with qtbot.waitSignal(window.hub.destroyed, timeout=3000):
        window.close()
        window.deleteLater()
    assert service.is_open()  # still open: its owner (app.py; here this test) closes it
    service.close()


def test_the_pane_menu_offers_highlighting_notes_and_agreed_language(
        open_window: Opener, qtbot: QtBot) -> None:
    """Guards the right-click menu of a pane: Where was this agreed? beside the annotation
    entries, which name their keys."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    window = open_window()
    pane = window.pane_area.panes()[1]
    click_unit(qtbot, pane.view, pane.view.unit_ids()[5])
    menu = QMenu()
    pane.menu_requested.emit(pane, menu, QPoint(5, 5))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "&Where was this agreed?" in texts
    assert "&Highlight in" in texts and "Add or edit &note" in texts
    highlight = next(a for a in menu.actions() if a.text() == "&Highlight in").menu()
    assert [a.shortcut().toString() for a in highlight.actions()][:3] == [
        "Ctrl+1", "Ctrl+2", "Ctrl+3"]
    assert window.pane_area.focused_pane() is pane
