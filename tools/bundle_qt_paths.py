"""PyInstaller runtime hook (build.spec): where the bundled Qt keeps its plugins, said before
anything imports PySide6.

It stands in for PyInstaller's own PySide6 hook, which imports PySide6.QtCore (Qt's libraries
and ICU, tens of milliseconds) at every start, the command line's too, to write an embedded
qt.conf that PySide6's wheels write themselves when first imported.
"""

import os
import sys

_QT = os.path.join(sys._MEIPASS, "PySide6", "" if sys.platform.startswith("win") else "Qt")  # type: ignore[attr-defined]
os.environ["QT_PLUGIN_PATH"] = os.path.join(_QT, "plugins")
