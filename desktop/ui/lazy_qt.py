"""Qt's namespace (`Qt.AlignmentFlag`, `Qt.Key` …) for the modules the first paint imports,
made when first used instead of when imported.

PySide6 makes the Python types of the 93 enums in Qt's namespace all at once (about 20 ms
here) the first time any of them is needed: the name `Qt` imported, a call returning one of
its values, or a call whose other overloads take one (QPainter.setPen, QSplitter(parent),
QAction.setShortcut, QColor(QColor), QTextOption(QTextOption) …). The window's first paint
goes without it (tests/ui/test_startup.py checks); the namespace is made after that paint,
in a step of the window's construction.

So the modules on the first paint's path name `Qt` through the stand-in here, which makes it
at the first use of one of its members; they set an enum-typed property by the name of its
value (`set_enum`); and the calls that would try a Qt enum overload are avoided there (each
says why where it stands).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QRect, QRectF
    from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter


class _Namespace:
    """Stands for PySide6.QtCore.Qt: an attribute asked of it is PySide6's own."""

    def __getattr__(self, name: str) -> Any:
        global _used
        from PySide6.QtCore import Qt as namespace

        _used = True
        return getattr(namespace, name)

    def __repr__(self) -> str:
        return "<Qt, made when first used>"


Qt: Any = _Namespace()
_used = False

# Item data roles are plain ints in Qt's API; the ones named before the namespace is made.
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOL_TIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
ALIGN_V_CENTER = 0x0080  # Qt.AlignmentFlag.AlignVCenter, for QPainter.drawText's int flags


def made() -> bool:
    """Whether Qt's namespace is made: used through the stand-in, or by any other module
    (PySide6 puts it in its module once made)."""
    core = sys.modules.get("PySide6.QtCore")
    return _used or (core is not None and "Qt" in vars(core))


def set_shortcut(action: QAction, key: QKeySequence | str) -> None:
    """`action.setShortcut(key)`, which would try its Qt::Key overload first; the list form
    has none."""
    from PySide6.QtGui import QKeySequence

    action.setShortcuts([key if isinstance(key, QKeySequence) else QKeySequence(key)])


def fill_rect(painter: QPainter, rect: QRectF | QRect, colour: QColor) -> None:
    """`painter.fillRect(rect, colour)`, whose overloads taking Qt's colours and brush styles
    would be tried first: the rectangle filled as a path, with a solid brush of the colour
    (a pen's, as QBrush(colour) has such overloads too)."""
    fill_rects(painter, (rect,), colour)


def fill_rects(painter: QPainter, rects: Iterable[QRectF | QRect], colour: QColor) -> None:
    """fill_rect for rectangles that do not overlap (a dashed bar): one path, one fill."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainterPath, QPen

    area = QPainterPath()
    for rect in rects:
        area.addRect(QRectF(rect))
    pen = QPen()
    pen.setColor(colour)
    painter.fillPath(area, pen.brush())


def set_enum(target: QObject, name: str, value: str) -> None:
    """Set the enum-typed Qt property `name` to the value named `value` ("ScrollBarAlwaysOff"),
    through Qt's property system, which reads the name: no enum type is made for it."""
    if not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__} has no property {name!r} "
                         f"taking {value!r}")
