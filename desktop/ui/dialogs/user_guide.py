"""Help ▸ User guide: the documentation shipped with the application, read offline.

The guide is the repository's own docs (bundled by build.spec), rendered with
python-markdown into a QTextBrowser: one text, so the guide cannot disagree with the docs.
The delegate's guide (docs/guide.md, or its translation docs/guide.CODE.md in the interface's
language) comes first, then the overview (README.md) and the reference pages (docs/*.md).
Links between the pages open the page; images (the screenshots) are read from the docs
folder; a link to the web is only named, never opened (the application makes no connection).
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import paths

GUIDE = "README.md"  # the overview, after the delegate's guide; then docs/*.md
FIRST = "guide"  # docs/guide.md, translated as docs/guide.CODE.md
EXTENSIONS = ["tables", "fenced_code", "toc", "sane_lists"]
IMAGE_WIDTH = 640


def guide_pages(root: Path | None = None, language: str = "en") -> list[Path]:
    """The pages of the guide: the delegate's guide in `language` (else in English), the
    overview, then the reference pages docs/*.md by name."""
    base = root or paths.bundle_root()
    docs = base / "docs"
    first = next((page for page in (docs / f"{FIRST}.{language}.md", docs / f"{FIRST}.md")
                  if page.is_file()), None)
    pages = [first] if first else []
    if (base / GUIDE).is_file():
        pages.append(base / GUIDE)
    if docs.is_dir():
        pages += sorted(page for page in docs.glob("*.md")
                        if page.name.split(".")[0] != FIRST)
    return pages


def page_title(page: Path) -> str:
    """The page's first heading ("The reading window"), else its file name."""
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page.stem


def render(page: Path) -> str:
    """A page as HTML, its links and images relative to the docs folder."""
    text = page.read_text(encoding="utf-8")
    if page.name == GUIDE:  # the README points into docs/: the browser's base is docs/
        text = re.sub(r"\]\(docs/", "](", text)
    html = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    return html.replace("<img ", f'<img width="{IMAGE_WIDTH}" ')  # a screenshot fits the page


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None, root: Path | None = None,
                 language: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("Concordia user guide"))
        self._pages = guide_pages(root, language)
        self._docs = (root or paths.bundle_root()) / "docs"
        self.contents = QListWidget(self)
        self.contents.setObjectName("guideContents")
        self.contents.setAccessibleName(self.tr("Pages of the guide"))
        for page in self._pages:
            item = QListWidgetItem(page_title(page))
            item.setToolTip(page.name)
            self.contents.addItem(item)
        self.contents.setMaximumWidth(240)
        self.contents.setWordWrap(True)  # a long title takes two lines, never cut
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName(self.tr("Guide page"))
        self.browser.setOpenLinks(False)  # pages in here; the web never
        self.browser.setSearchPaths([str(self._docs)])
        self.browser.anchorClicked.connect(self._link)
        self.note = QLabel(self)
        self.note.setObjectName("guideNote")
        self.note.setWordWrap(True)
        self.contents.currentRowChanged.connect(self.show_page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.contents)
        body.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        if not self._pages:
            self.note.setText(self.tr("The guide is not installed with this copy of "
                                      "Concordia."))
        else:
            self.contents.setCurrentRow(0)
        self.resize(980, 680)

    def page_names(self) -> list[str]:
        return [page.name for page in self._pages]

    def current_page(self) -> str:
        row = self.contents.currentRow()
        return self._pages[row].name if 0 <= row < len(self._pages) else ""

    def show_page(self, row: int) -> None:
        if not 0 <= row < len(self._pages):
            return
        self.note.clear()
        self.browser.setHtml(render(self._pages[row]))

    def _link(self, url: QUrl) -> None:
        """A link to another page opens it (at its heading, if it names one); a link to the
        web is named in the note below, to be opened elsewhere."""
        if url.scheme() in ("http", "https", "mailto"):
            self.note.setText(self.tr("This guide works offline; the link points to %s")
                              % url.toString())
            return
        if not url.path() and url.fragment():
            self.browser.scrollToAnchor(url.fragment())
            return
        name = Path(url.path()).name
        names = self.page_names()
        if name in names:
            self.contents.setCurrentRow(names.index(name))
            if url.fragment():
                self.browser.scrollToAnchor(url.fragment())
