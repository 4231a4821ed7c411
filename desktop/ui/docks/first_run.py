"""The first-run page: a panel beside the panes (never instead of them) that says in a few lines
and a picture what Concordia does and with which keys — read side by side, follow a
correspondence, highlight in a category, find where a wording was agreed, export a brief.

It opens by itself on the first start only (no saved layout), not when the window was started
to show a unit (--open) or to take a screenshot; Help ▸ Getting started opens it again. Closing
it is remembered with the rest of the layout. The keys it names are read from the window's
own commands, so the page says what the keys do today.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.core.render.html import escape
from desktop.ui.docks.dock_body import BodyLater
from desktop.ui.lazy_qt import Qt

if TYPE_CHECKING:  # the page's picture and document classes: named when the page is made
    from pathlib import Path

    from PySide6.QtGui import QImage, QPixmap

    from desktop.ui.main_window import MainWindow

PICTURE = "screenshots/sync-jump.png"  # in docs/: a synchronised jump, "1 of 7"
PICTURE_WIDTH = 280
# The page's copy of it, twice the width it is shown at (sharp on a high-density screen):
# decoding the full screenshot held a turn of the start-up ~13 ms, this ~2 ms.
# tools/make_first_run_picture.py makes it.
PAGE_PICTURE = "screenshots/sync-jump.page.png"
NATIVE = QKeySequence.SequenceFormat.NativeText


def key_of(action: QAction | None) -> str:
    """The key of one of the window's commands ("" if it has none)."""
    if action is None or action.shortcut().isEmpty():
        return ""
    return action.shortcut().toString(NATIVE)


class FirstRunDock(BodyLater, QDockWidget):
    """The page is made when it is opened (most starts never show it), or right after the
    window's first paint when the saved layout shows it."""

    BODY: ClassVar[tuple[str, ...]] = ("page", "done")

    def __init__(self, window: MainWindow) -> None:
        super().__init__(QCoreApplication.translate("MainWindow", "Getting started"), window)
        self.setObjectName("firstRunDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self._window = window
        self._picture: QImage | None = None  # decoded after the window's first paint

    def _make_body(self) -> None:
        self.page = QTextBrowser(self)
        self.page.setObjectName("firstRunPage")
        self.page.setAccessibleName(self.tr("Getting started with Concordia"))
        self.page.setOpenLinks(False)
        self.page.setSearchPaths([str(paths.bundle_root() / "docs")])
        self.done = QPushButton(self.tr("&Start reading"), self)
        self.done.setObjectName("firstRunDone")
        self.done.setToolTip(self.tr("Close this page (Help ▸ Getting started opens it again)"))
        self.done.clicked.connect(self.close)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.page, 1)
        row = QHBoxLayout()  # the button on the right (its alignment would be Qt's namespace)
        row.addStretch(1)
        row.addWidget(self.done)
        layout.addLayout(row)
        self.setWidget(body)
        self.refresh()

    def refresh(self) -> None:
        """Write the page with the keys the window's commands have now."""
        window = self._window
        actions = {"addPaneAction": window.add_action,
                   "nextCorrespondingAction": window.next_target_action,
                   "noteAction": window.annotate.note_action,
                   "agreedAction": window.findChild(QAction, "agreedAction"),
                   "exportAction": window.exchange.export_action,
                   "userGuideAction": window.findChild(QAction, "userGuideAction"),
                   "shortcutsAction": window.findChild(QAction, "shortcutsAction")}
        keys = {name: escape(key_of(action)) for name, action in actions.items()}
        first, last = (escape(QKeySequence(f"Ctrl+{n}").toString(NATIVE)) for n in (1, 9))
        steps = [
            (self.tr("Read side by side"),
             self.tr("Each pane shows an instrument: choose it in the pane's header. "
                     "<b>%s</b> adds a pane, up to four.") % keys["addPaneAction"]),
            (self.tr("Follow a correspondence"),
             self.tr("Click a paragraph: the other panes show what corresponds to it, marked, "
                     "“1 of 7”; <b>%s</b> shows the next one.") % keys["nextCorrespondingAction"]),
            (self.tr("Highlight in a category"),
             self.tr("Select words and press <b>%s</b> … <b>%s</b> for a category (Agreed "
                     "language, Our position, Red line, …); <b>%s</b> writes a note.")
             % (first, last, keys["noteAction"])),
            (self.tr("Find where a wording was agreed"),
             self.tr("Select a wording and press <b>%s</b>: every instrument that carries it "
                     "or a close variant, oldest first.") % keys["agreedAction"]),
            (self.tr("Export a brief"),
             self.tr("<b>%s</b> puts your highlights and notes into a brief in Word, PDF, "
                     "HTML or Markdown, citations included.") % keys["exportAction"]),
        ]
        body = "".join(f"<h3>{escape(title)}</h3><p>{text}</p>" for title, text in steps)
        more = self.tr("<p>Help ▸ User guide (<b>%s</b>) tells more; Help ▸ Keyboard shortcuts "
                       "(<b>%s</b>) lists every key.</p>") % (keys["userGuideAction"],
                                                              keys["shortcutsAction"])
        picture = self._picture_html()
        welcome = escape(self.tr("Welcome to Concordia"))
        summary = escape(self.tr("The drug-policy instruments side by side, offline."))
        self.page.setHtml(f"<h2>{welcome}</h2><p>{summary}</p>{picture}{body}{more}")

    def text(self) -> str:
        return self.page.toPlainText()

    def _picture_html(self) -> str:
        """The picture at its size on the page, read from the file's header; until it is
        decoded (`load_picture`), a blank of that size stands in, so the page does not move
        when it comes (decoding the screenshot would hold up the window's first paint)."""
        from PySide6.QtCore import QUrl  # (its type, ~1 ms, waits until the page is written)
        from PySide6.QtGui import QColor, QImageReader, QPixmap, QTextDocument

        path = _picture_file()
        size = QImageReader(str(path)).size() if path else None
        if size is None or size.isEmpty():
            return ""
        height = round(PICTURE_WIDTH * size.height() / size.width())
        image: QImage | QPixmap | None = self._picture
        if image is None:
            image = QPixmap(PICTURE_WIDTH, height)
            image.fill(QColor(0, 0, 0, 0))  # (QImage.fill would make Qt's namespace)
        self.page.document().addResource(QTextDocument.ResourceType.ImageResource,
                                         QUrl(PICTURE), image)
        return f'<p><img src="{PICTURE}" width="{PICTURE_WIDTH}" height="{height}"></p>'

    def load_picture(self) -> None:
        """Decode the picture (once) and put it on the page in place of the blank."""
        path = _picture_file()
        if self._picture is not None or path is None:
            return
        from PySide6.QtGui import QImage

        image = QImage(str(path))
        if image.isNull():
            return
        self._picture = image if image.width() == 2 * PICTURE_WIDTH else page_copy(image)
        top = self.page.verticalScrollBar().value()
        self.refresh()
        self.page.verticalScrollBar().setValue(top)


def _picture_file() -> Path | None:
    """The page's copy of the picture, else (a copy not made) the screenshot itself."""
    docs = paths.bundle_root() / "docs"
    return next((path for path in (docs / PAGE_PICTURE, docs / PICTURE) if path.is_file()),
                None)


def page_copy(image: QImage) -> QImage:
    """The screenshot at the page's copy's width: a fraction of its memory."""
    return image.scaledToWidth(2 * PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation)


def install_first_run(window: MainWindow, menu: QMenu) -> FirstRunDock:
    """The page, and Help ▸ Getting started to open it. The window puts the page on its
    right, closed, or where the saved layout has it."""
    dock = FirstRunDock(window)
    action = QAction(QCoreApplication.translate("MainWindow", "&Getting started"), window)
    action.setObjectName("firstRunAction")
    action.triggered.connect(lambda: open_first_run(window, dock))
    menu.addAction(action)
    return dock


def open_first_run(window: MainWindow, dock: FirstRunDock, resize: bool = True,
                   later: bool = False) -> None:
    """Show the page; `later`: before the window's first paint, which then shows the page's
    place and title, its text coming in the window's first step after it (as the docks')."""
    if dock.has_body():
        dock.refresh()  # the keys may have changed
    elif not later:
        dock.make_body()
    if window.is_built():  # else the window decodes the picture after its first paint
        dock.load_picture()
    dock.show()
    dock.raise_()
    if resize:
        window.resizeDocks([dock], [min(360, max(260, window.width() // 4))],
                           Qt.Orientation.Horizontal)


def offer_first_run(window: MainWindow, open_unit: str | None, screenshot: bool) -> bool:
    """Open the page on the window's first start, unless it was started to show a unit
    (--open) or to take a screenshot. True if it opens. Called before the window is shown,
    the panes are laid out once, beside it (not laid out again as it opens)."""
    if not window.first_start or open_unit or screenshot:
        return False
    # The first start's saved layout holds the page's width (closed): it opens at it.
    open_first_run(window, window.first_run, resize=not window.first_start_layout, later=True)
    return True
