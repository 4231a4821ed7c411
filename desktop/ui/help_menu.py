"""The Help menu's entries besides About: the user guide, the keyboard shortcuts, and the
first-run page. `install_help(window, menu)` is the one hook in the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.ui.docks.first_run import FirstRunDock, install_first_run
from desktop.ui.lazy_qt import Qt, set_shortcut

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

GUIDE_KEY = QKeySequence.StandardKey.HelpContents  # F1 on Linux and Windows
SHORTCUTS_KEY = "Ctrl+/"


def install_help(window: MainWindow, menu: QMenu) -> FirstRunDock:
    """User guide, Keyboard shortcuts and Getting started, above the menu's About."""
    about = menu.actions()[0] if menu.actions() else None
    guide = QAction(QCoreApplication.translate("MainWindow", "&User guide"), window)
    guide.setObjectName("userGuideAction")
    keys = [key for key in (QKeySequence(GUIDE_KEY), QKeySequence("F1")) if not key.isEmpty()]
    guide.setShortcuts(list(dict.fromkeys(keys)))
    guide.triggered.connect(lambda: open_user_guide(window))
    sheet = QAction(QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"), window)
    sheet.setObjectName("shortcutsAction")
    set_shortcut(sheet, SHORTCUTS_KEY)
    sheet.triggered.connect(lambda: open_shortcuts(window))
    for action in (guide, sheet):
        window.addAction(action)  # window shortcuts, as QAction's are
    menu.insertActions(about, [guide, sheet])
    scratch = QMenu(menu)  # the page's entry is made there, then moved above About
    dock = install_first_run(window, scratch)
    menu.insertActions(about, scratch.actions())
    menu.insertSeparator(about)
    return dock


def open_user_guide(window: MainWindow) -> None:
    from desktop.ui import i18n
    from desktop.ui.dialogs.user_guide import UserGuide  # markdown loads when first asked

    dialog = UserGuide(window, language=i18n.current())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


def open_shortcuts(window: MainWindow) -> None:
    from desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.activateWindow()
    dialog.filter.setFocus()
