"""The window's construction after its first paint: the panes' first screens of text are put
on screen first; what nobody sees in that first frame (the notes, the annotation and draft
marks, the accessible names) is built right after, one step per turn of the event loop, so
no step holds up a key press or a scroll for long.

Anything that needs a part early (a test, a menu opened at once, a screenshot) calls
`finish()`, which runs the remaining steps there and then.

The steps and the panes' laying out of their whole text share one queue (`in_turn`): one
piece of work per turn of the event loop, so a scroll or a key pressed meanwhile waits for
one piece at most, not for all that the first paint set going.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from contextlib import suppress
from importlib import import_module

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop.ui.pyside_cache import AFTER_PAINT


class _Turns(QObject):
    """Work run one piece per turn of the event loop, in the order it was asked for."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._queue: deque[tuple[Callable[[], None], QObject]] = deque()
        self._waiting = False

    def add(self, work: Callable[[], None], owner: QObject) -> None:
        self._queue.append((work, owner))
        self._wait()

    def _wait(self) -> None:
        if not self._waiting and self._queue:
            self._waiting = True
            QTimer.singleShot(0, self, self._run)

    def _run(self) -> None:
        self._waiting = False
        # What the reader's input asked to be painted meanwhile (a scroll) is painted before
        # the next piece, not after it.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest.value)
        try:
            while self._queue:
                work, owner = self._queue.popleft()
                if isValid(owner):  # not for a window or pane already gone
                    work()
                    break
        finally:  # a piece that fails does not stop the ones after it
            self._wait()


_turns: _Turns | None = None


def in_turn(work: Callable[[], None], owner: QObject) -> None:
    """Run `work` in a turn of the event loop of its own, after the work asked for before
    it; not at all if `owner` is deleted by then."""
    global _turns
    if _turns is None or not isValid(_turns):
        _turns = _Turns(QCoreApplication.instance())
    _turns.add(work, owner)


class FirstPaint(QObject):
    """Calls `then` once every one of `widgets` has been painted (after the paint, from the
    event loop). A watcher on these few widgets only: an application-wide filter would hand
    every event to Python."""

    def __init__(self, widgets: Sequence[QWidget], then: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting = list(widgets)
        self._then: Callable[[], None] | None = then
        for widget in self._waiting:
            widget.installEventFilter(self)
        if not self._waiting:
            self._done()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self._waiting:
            self._waiting.remove(watched)  # type: ignore[arg-type]
            watched.removeEventFilter(self)
            if not self._waiting:
                self._done()
        return False

    def _done(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            QTimer.singleShot(0, self, then)  # not once the window is gone


def loading(*modules: str) -> list[Callable[[], None]]:
    """Steps that import these modules one a step, in the order given (list a module's own
    imports before it, so each step loads about one module): the step that uses them then
    finds them loaded, and no one step holds up a key or a scroll for all of them at once."""
    return [_loading(name) for name in modules]


def _loading(name: str) -> Callable[[], None]:
    def load() -> None:
        # Only a head start: the step that needs the module imports it, and says so if it
        # cannot be imported. The expressions it compiles come from a cache (pyside_cache).
        with suppress(ImportError), AFTER_PAINT.answering():
            import_module(name)
    load.__qualname__ = f"load {name}"
    return load


class Construction(QObject):
    """Steps run in order, one per turn of the event loop once started; `built` is emitted
    once the last has run (by the loop or by `finish`)."""

    built = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Callable[[], None]] = []
        self._started = False
        self._built = False

    def add(self, step: Callable[[], None]) -> None:
        self._steps.append(step)

    def is_built(self) -> bool:
        return self._built

    def insert(self, steps: Sequence[Callable[[], None]]) -> None:
        """Steps to run next, before the ones still waiting (a step that finds more to do)."""
        self._steps[0:0] = steps

    def start(self) -> None:
        if not self._started:
            self._started = True
            in_turn(self._next, self)

    def finish(self) -> None:
        """Run every remaining step now."""
        while self._steps:
            self._steps.pop(0)()
        self._end()

    def cancel(self) -> None:
        """Make nothing more (the window is closing: its notes may be closed already)."""
        self._steps.clear()

    def _next(self) -> None:
        if self._steps:
            self._steps.pop(0)()  # taken off first: a step that calls finish() is not rerun
        if self._steps:
            in_turn(self._next, self)
        else:
            self._end()

    def _end(self) -> None:
        if not self._built:
            self._built = True
            self.built.emit()
