"""The first-run page: a panel beside the panes (never instead of them) that says in a few lines
and a picture what Concordia does and with which keys — read side by side, follow a
correspondence, highlight in a category, find where a wording was agreed, export a brief.

It opens by itself on the first start only (no saved layout), not when the window was started
to show a unit (--open) or to take a screenshot; Help ▸ Getting started opens it again. Closing
it is remembered with the rest of the layout. The keys it names are read from the window's
own commands, so the page says what the keys do today.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import paths

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

PICTURE = "screenshots/sync-jump.png"  # in docs/: a synchronised jump, "1 of 7"
PICTURE_WIDTH = 280
NATIVE = QKeySequence.SequenceFormat.NativeText


def key_of(action: QAction | None) -> str:
    """The key of one of the window's commands ("" if it has none)."""
    if action is None or action.shortcut().isEmpty():
        return ""
    return action.shortcut().toString(NATIVE)


class FirstRunDock(QDockWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(QCoreApplication.translate("MainWindow", "Getting started"), window)
        self.setObjectName("firstRunDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self._window = window
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
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignRight)
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
        keys = {name: html.escape(key_of(action)) for name, action in actions.items()}
        first, last = (html.escape(QKeySequence(f"Ctrl+{n}").toString(NATIVE)) for n in (1, 9))
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
        body = "".join(f"<h3>{html.escape(title)}</h3><p>{text}</p>" for title, text in steps)
        more = self.tr("<p>Help ▸ User guide (<b>%s</b>) tells more; Help ▸ Keyboard shortcuts "
                       "(<b>%s</b>) lists every key.</p>") % (keys["userGuideAction"],
                                                              keys["shortcutsAction"])
        picture = (f'<p><img src="{PICTURE}" width="{PICTURE_WIDTH}"></p>'
                   if (paths.bundle_root() / "docs" / PICTURE).is_file() else "")
        welcome = html.escape(self.tr("Welcome to Concordia"))
        summary = html.escape(self.tr("The drug-policy instruments side by side, offline."))
        self.page.setHtml(f"<h2>{welcome}</h2><p>{summary}</p>{picture}{body}{more}")

    def text(self) -> str:
        return self.page.toPlainText()


def install_first_run(window: MainWindow, menu: QMenu) -> FirstRunDock:
    """The page (hidden) on the window's right, and Help ▸ Getting started to open it."""
    dock = FirstRunDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    action = QAction(QCoreApplication.translate("MainWindow", "&Getting started"), window)
    action.setObjectName("firstRunAction")
    action.triggered.connect(lambda: open_first_run(window, dock))
    menu.addAction(action)
    return dock


def open_first_run(window: MainWindow, dock: FirstRunDock) -> None:
    dock.refresh()
    dock.show()
    dock.raise_()
    window.resizeDocks([dock], [min(360, max(260, window.width() // 4))],
                       Qt.Orientation.Horizontal)


def offer_first_run(window: MainWindow, open_unit: str | None, screenshot: bool) -> bool:
    """Open the page on the window's first start, unless it was started to show a unit
    (--open) or to take a screenshot. True if it opens."""
    if not window.first_start or open_unit or screenshot:
        return False
    QTimer.singleShot(0, lambda: open_first_run(window, window.first_run))
    return True
