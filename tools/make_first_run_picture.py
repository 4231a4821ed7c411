"""Make the getting-started page's copy of its picture, at the size the page uses it.

    .venv/bin/python tools/make_first_run_picture.py

The page shows docs/screenshots/sync-jump.png 280 pixels wide; it keeps a copy twice that
wide (sharp on a high-density screen), made here once instead of at every start: decoding the
full 1366-pixel screenshot took ~13 ms of one turn of the window's start-up, the copy ~2 ms.
The output is committed; run this after changing the screenshot (a test checks they agree).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QGuiApplication, QImage

from desktop.ui.docks.first_run import PAGE_PICTURE, PICTURE, page_copy

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    image = QImage(str(DOCS / PICTURE))
    if image.isNull():
        print(f"cannot read docs/{PICTURE}", file=sys.stderr)
        return 1
    if not page_copy(image).save(str(DOCS / PAGE_PICTURE), "PNG"):
        print(f"cannot write docs/{PAGE_PICTURE}", file=sys.stderr)
        return 1
    print(f"docs/{PAGE_PICTURE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
