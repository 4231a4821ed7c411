"""The excerpt pack as PDF, through Qt's PDF writer (QPdfWriter + QTextDocument).

Outside desktop/core/ because it needs Qt; it works headless (no display: the command line
runs it on Qt's offscreen platform). The text is real text (selectable, searchable), the
back-links are clickable, every page carries the citation of the excerpt it is in as a
running header and "page n of N" at its foot. The document is laid out once, page size
set, then painted page by page — QTextDocument.print() has no running headers.
"""

from __future__ import annotations

import bisect
import os
from html import escape
from pathlib import Path

from desktop.core.excerpts.atomic import write_atomic
from desktop.core.excerpts.pack import Excerpt, Pack, Passage

MARGIN_MM = 20.0
LINE = 14.0  # about one line of text, in layout pixels
RESOLUTION = 96  # layout in CSS pixels: QTextDocument's fonts and lengths come out as in HTML

_CSS = """
body { font-family: 'DejaVu Serif', Georgia, serif; font-size: 10.5pt; }
h1 { font-size: 18pt; margin-bottom: 4px; }
h2 { font-size: 14pt; margin-top: 18px; }
h3 { font-size: 11.5pt; margin-top: 14px; margin-bottom: 2px; }
.heading { color: #444444; margin: 0; }
.subtitle { color: #555555; font-style: italic; }
.quote { margin-left: 18px; margin-right: 18px; background-color: #f3f3ee; }
.details { color: #555555; font-size: 9pt; }
.review { color: #8a4b00; font-size: 9pt; }
.corresponding { font-size: 9.5pt; }
"""


def write(pack: Pack, target: Path) -> None:
    write_atomic(target, lambda path: render_to(pack, path))


def render_to(pack: Pack, path: Path) -> None:
    """Lay the pack out and paint it into a PDF file at `path`."""
    _application()
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from desktop.paged import FOOT_MM, HEAD_MM, paint_pages

    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(pack.title)
    writer.setCreator("Concordia")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(QFont("DejaVu Serif", 10))
    document.setDefaultStyleSheet(_CSS)
    document.setHtml(_html(pack))
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    document.setPageSize(QSizeF(page.width(), page.height()
                                - (HEAD_MM + FOOT_MM) * RESOLUTION / 25.4))
    spans = _excerpt_spans(document, pack)  # laid out at the pages' size: tops as printed
    paint_pages(document, writer, lambda top, bottom: _running_header(spans, top, bottom))


def _application() -> None:
    """Qt's text layout needs a QGuiApplication: the window's if there is one, else one on
    the offscreen platform (no display needed, nothing shown)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        global _app  # kept for the life of the process: Qt wants one, never collected
        _app = QGuiApplication(["concordia"])


_app: object = None


def _excerpt_spans(document: object, pack: Pack) -> list[tuple[float, float, str]]:
    """(top, bottom, running header) of each excerpt, in document order. Excerpt headings
    are the level-3 heading blocks, each opening with the anchor `x<id>`; an excerpt runs to
    the next heading of level 2 or 3 (the next excerpt, or the next instrument)."""
    from PySide6.QtGui import QTextDocument

    assert isinstance(document, QTextDocument)
    layout = document.documentLayout()
    wanted = {f"x{e.id}": e for e in pack.excerpts()}
    starts: list[tuple[float, str]] = []
    boundaries: list[float] = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in (2, 3):
            top = layout.blockBoundingRect(block).top()
            boundaries.append(top)
            for name in block.begin().fragment().charFormat().anchorNames():
                if level == 3 and name in wanted:
                    starts.append((top, _header_text(wanted[name])))
        block = block.next()
    end = layout.documentSize().height()
    spans = []
    for top, text in starts:
        after = bisect.bisect_right(boundaries, top)
        spans.append((top, boundaries[after] if after < len(boundaries) else end, text))
    return spans


def _running_header(spans: list[tuple[float, float, str]], top: float, bottom: float) -> str:
    """The excerpt whose text runs at the page's top, else the first one starting on it."""
    at = bisect.bisect_right(spans, top + 1, key=lambda span: span[0])
    # A block pushed to the next page keeps its top margin there: an excerpt that ends
    # within a line of the page's top has no text on the page.
    if at and spans[at - 1][1] > top + LINE:
        return spans[at - 1][2]
    if at < len(spans) and spans[at][0] < bottom:
        return spans[at][2]
    return ""


def _header_text(excerpt: Excerpt) -> str:
    return excerpt.citation


def _html(pack: Pack) -> str:
    parts = [f"<h1>{escape(pack.title)}</h1>"]
    parts += [f'<p class="heading">{escape(line)}</p>' for line in pack.heading_lines()]
    for group in pack.groups:
        parts.append(f"<h2>{escape(group.title)}</h2>")
        if group.subtitle:
            parts.append(f'<p class="subtitle">{escape(group.subtitle)}</p>')
        parts += [_excerpt(excerpt) for excerpt in group.excerpts]
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _excerpt(excerpt: Excerpt) -> str:
    out = [f'<h3><a name="x{excerpt.id}">{escape(excerpt.citation)}</a></h3>']
    if excerpt.whole and excerpt.passages:
        out += [f'<p class="quote">{_passage(p)}</p>' for p in excerpt.passages]
    else:
        out.append(f'<p class="quote">{escape(excerpt.quote)}</p>')
    out.append(f"<p>— {escape(excerpt.citation)} · "
               f'<a href="{escape(excerpt.link)}">open in Concordia</a></p>')
    if excerpt.in_review:
        out.append('<p class="review">The text changed since this was noted: it awaits '
                   "review.</p>")
    out.append(f'<p class="details">{escape(" · ".join(excerpt.details()))}</p>')
    if excerpt.note_html:
        out.append(excerpt.note_html)
    if excerpt.full_text:
        out.append('<p class="details">Full text:</p>')
        out += [f"<p>{_passage(p)}</p>" for p in excerpt.full_text]
    if excerpt.corresponding:
        out.append('<p class="corresponding">Corresponding units:</p><ul class="corresponding">')
        for item in excerpt.corresponding:
            via = f" (indirect, via {escape(', '.join(item.via))})" if item.via else ""
            out.append(f'<li><a href="{escape(item.link)}">{escape(item.citation)}</a>{via}: '
                       f"{escape(item.first_words)}</li>")
        out.append("</ul>")
    return "\n".join(out)


def _passage(passage: Passage) -> str:
    text = passage.text
    if passage.marked is None:
        body = escape(text)
    else:
        start, end = passage.marked
        body = (escape(text[:start]) + '<b style="background-color: #fff2a8">'
                + escape(text[start:end]) + "</b>" + escape(text[end:]))
    label = f"<b>{escape(passage.label)}</b> " if passage.label else ""
    return label + body
