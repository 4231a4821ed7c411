"""Start-up as `concordia` runs it: --open, --screenshot, --size, --data-dir, exit codes."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reading_helpers import units_in_viewport

from desktop.core.corpus import Corpus
from desktop.ui.app import resolve_unit, run_app
from desktop.ui.main_window import MainWindow
from desktop.ui.reading.theme import target_colour


def _concordia(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, check=False, timeout=60)


def test_screenshot_command_renders_the_real_window(tmp_path: Path) -> None:
    """Guards `concordia --screenshot`: normal start-up, a PNG of the window's size with the
    text drawn (many colours, not a blank or a placeholder)."""
    target = tmp_path / "window.png"
    result = _concordia("--data-dir", str(tmp_path / "data"), "--screenshot", str(target),
                        "--size", "1024x640", "--open", "poa2009/4")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {target}"
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 640)
    colours = {image.pixel(x, y) for x in range(0, 1024, 4) for y in range(0, 640, 4)}
    assert len(colours) > 20, "the screenshot is blank"
    assert not (tmp_path / "data" / "settings.ini").exists()  # a screenshot changes nothing


def test_screenshot_with_open_shows_the_synchronised_jump(qtbot: QtBot, tmp_path: Path) -> None:
    """Guards the README's picture of a jump: with --open "UNGASS 1 (a)" the Plan of Action
    pane follows as on a click, so its corresponding units carry their marks in the PNG."""
    target = tmp_path / "jump.png"
    result = _concordia("--data-dir", str(tmp_path / "data"), "--screenshot", str(target),
                        "--size", "1366x768", "--open", "UNGASS 1 (a)")
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    mark = target_colour(app.palette()).name()
    columns = {x for x in range(image.width() // 2, image.width())
               for y in range(60, image.height(), 8) if image.pixelColor(x, y).name() == mark}
    assert columns, "no corresponding unit is marked in the right pane"
    left_half = [x for x in range(0, image.width() // 2)
                 for y in range(60, image.height(), 8) if image.pixelColor(x, y).name() == mark]
    assert not left_half  # the leading pane shows its current unit, not marks


def test_screenshot_of_an_unknown_unit_fails_with_a_message(tmp_path: Path) -> None:
    """Guards bad input: --open of a unit that does not exist says so and writes no PNG."""
    target = tmp_path / "window.png"
    result = _concordia("--screenshot", str(target), "--open", "poa2009/999")
    assert result.returncode == 2
    assert result.stderr == "concordia: Plan of Action (2009) has no para. 999.\n"
    assert not target.exists()


def test_bad_size_is_refused_with_a_message(tmp_path: Path) -> None:
    """Guards --size: a malformed size is refused before any window opens."""
    result = _concordia("--screenshot", str(tmp_path / "x.png"), "--size", "big")
    assert result.returncode == 2
    assert "--size takes WIDTHxHEIGHT" in result.stderr


def test_open_accepts_unit_ids_and_typed_citations(corpus: Corpus) -> None:
    """Guards --open UNIT: an id, or a citation as a delegate types it."""
    assert resolve_unit(corpus, "poa2009/41(g)") == ("poa2009/41(g)", "")
    assert resolve_unit(corpus, "PoA 41 (g)") == ("poa2009/41(g)", "")
    unit, message = resolve_unit(corpus, "para 19")
    assert unit is None and message


def _on_window(action: object) -> None:
    """Run `action(window)` once the window is up, then close it (as a person quits)."""

    def later() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or not all(p.is_complete() for p in windows[0].pane_area.panes()):
            QTimer.singleShot(20, later)
            return
        try:
            action(windows[0])  # type: ignore[operator]
        finally:
            windows[0].close()  # even when the check fails, so app.exec() returns

    QTimer.singleShot(0, later)


def test_normal_start_opens_the_unit_and_remembers_the_layout_in_the_data_dir(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Guards `concordia --open UNIT` and --data-dir: the unit is at the top of a pane, the
    other pane follows it (UNGASS 3 (h) cites PoA 41 (g)), the exit code is 0, and the layout
    is kept in the given data directory for the next start."""
    data = tmp_path / "elsewhere"
    seen: list[list[str]] = []
    _on_window(lambda window: seen.append(
        [units_in_viewport(p.view)[0] for p in window.pane_area.panes()]))
    assert run_app("PoA 41 (g)", None, "1366x768", data) == 0
    assert seen == [["ungass2016/3(h)", "poa2009/41(g)"]]
    assert (data / "settings.ini").is_file()

    titles: list[list[str]] = []
    _on_window(lambda window: titles.append(
        [f"{p.title()} @ {units_in_viewport(p.view)[0]}" for p in window.pane_area.panes()]))
    assert run_app(None, None, "1366x768", data) == 0
    assert titles == [["UNGASS 2016 outcome document @ ungass2016/3(h)",
                       "Plan of Action (2009) @ poa2009/41(g)"]]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_the_garbage_collector_rests_only_until_the_window_is_built(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Start-up pauses Python's cyclic collector (what it makes lives as long as the window);
    it runs again once the window is built, and after the window is gone: a day's reading
    in one session must not keep every cycle it made."""
    seen: list[tuple[bool, bool]] = []

    def check(window: MainWindow) -> None:
        resting = window.is_built() or not gc.isenabled()
        window.finish_building()
        seen.append((resting, gc.isenabled()))

    assert gc.isenabled()
    _on_window(check)
    assert run_app(None, None, "1366x768", tmp_path / "data") == 0
    assert seen == [(True, True)]
    assert gc.isenabled()


def test_the_notes_are_closed_when_the_window_is_done(qtbot: QtBot, tmp_path: Path) -> None:
    """Quitting closes the notes file (a recovery can take it at once), though the window
    and its hub are gone by then."""
    from desktop.core.notes.database import store_path
    from desktop.core.notes.sidecar import StoreLock

    data = tmp_path / "data"
    held: list[bool] = []

    def check(window: MainWindow) -> None:
        window.finish_building()  # the notes are read: the store is open
        lock = StoreLock.exclusive(store_path(data))
        held.append(lock is None)
        if lock is not None:
            lock.release()

    _on_window(check)
    assert run_app(None, None, "1366x768", data) == 0
    assert held == [True]  # open while the window was
    lock = StoreLock.exclusive(store_path(data))
    assert lock is not None
    lock.release()


def test_a_crash_report_is_offered_over_the_started_window(qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    """After a crash, the next start shows the window's text first, then offers the report
    over it (not before the first paint, not on a window already closing)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop import crashlog

    data = tmp_path / "data"
    crash = ("import sys; from pathlib import Path; from desktop import crashlog; "
             "crashlog.install(Path(sys.argv[1])); raise KeyError('x')")
    subprocess.run([sys.executable, "-c", crash, str(data)], capture_output=True, check=False,
                   timeout=60)
    assert crashlog.pending_report(data) is not None
    seen: list[tuple[bool, str]] = []

    def check(window: MainWindow) -> None:
        def offered() -> QMessageBox | None:
            return window.findChild(QMessageBox, "crashOffer")

        qtbot.waitUntil(lambda: offered() is not None and offered().isVisible(), timeout=5000)
        box = offered()
        assert box is not None
        seen.append((window.is_built(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()

    _on_window(check)
    assert run_app(None, None, "1366x768", data) == 0
    assert len(seen) == 1 and seen[0][0] and "closed unexpectedly" in seen[0][1]
