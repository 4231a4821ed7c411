"""The excerpt pack as a Word document (python-docx), built from Word's own styles so a
delegation can restyle the whole brief at once: Title, Heading 1 (an instrument or a day),
Heading 2 (an excerpt's citation), Quote (the quoted words), List Bullet / List Number
(corresponding units, lists in notes), and two styles of ours based on Normal — Citation and
Excerpt Details. Quote, citation and note are body paragraphs, never table cells. The
back-links into Concordia are real hyperlinks (Word's Hyperlink character style).
"""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import docx
from docx.enum.dml import MSO_THEME_COLOR_INDEX
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from desktop.core.excerpts.atomic import write_atomic
from desktop.core.excerpts.pack import Excerpt, Pack, Passage

CITATION, DETAILS, HYPERLINK = "Citation", "Excerpt Details", "Hyperlink"


def render(pack: Pack) -> bytes:
    document = docx.Document()
    _styles(document)
    document.core_properties.title = pack.title
    document.core_properties.author = pack.author or "Concordia"
    document.add_paragraph(pack.title, style="Title")
    for line in pack.heading_lines():
        document.add_paragraph(line, style=DETAILS)
    for group in pack.groups:
        document.add_paragraph(group.title, style="Heading 1")
        if group.subtitle:
            document.add_paragraph(group.subtitle, style="Subtitle")
        for excerpt in group.excerpts:
            _excerpt(document, excerpt)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _styles(document: docx.document.Document) -> None:
    styles = document.styles
    names = {style.name for style in styles}
    if CITATION not in names:
        citation = styles.add_style(CITATION, WD_STYLE_TYPE.PARAGRAPH)
        citation.base_style = styles["Normal"]
        citation.paragraph_format.space_before = Pt(2)
        citation.paragraph_format.space_after = Pt(4)
    if DETAILS not in names:
        details = styles.add_style(DETAILS, WD_STYLE_TYPE.PARAGRAPH)
        details.base_style = styles["Normal"]
        details.font.size = Pt(9)
        details.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        details.paragraph_format.space_after = Pt(4)
    if HYPERLINK not in names:
        link = styles.add_style(HYPERLINK, WD_STYLE_TYPE.CHARACTER)
        link.font.color.theme_color = MSO_THEME_COLOR_INDEX.HYPERLINK
        link.font.underline = True


def _excerpt(document: docx.document.Document, excerpt: Excerpt) -> None:
    document.add_paragraph(excerpt.citation, style="Heading 2")
    if excerpt.whole and excerpt.passages:
        for passage in excerpt.passages:
            _passage(document.add_paragraph(style="Quote"), passage)
    else:
        document.add_paragraph(excerpt.quote, style="Quote")
    citation = document.add_paragraph(f"— {excerpt.citation} · ", style=CITATION)
    add_hyperlink(citation, excerpt.link, "open in Concordia")
    if excerpt.in_review:
        document.add_paragraph("The text changed since this was noted: it awaits review.",
                               style=DETAILS)
    document.add_paragraph(" · ".join(excerpt.details()), style=DETAILS)
    if excerpt.note_html:
        _NoteWriter(document).feed(excerpt.note_html)
    if excerpt.full_text:
        document.add_paragraph("Full text:", style=DETAILS)
        for passage in excerpt.full_text:
            _passage(document.add_paragraph(style="Normal"), passage)
    if excerpt.corresponding:
        document.add_paragraph("Corresponding units:", style="Normal")
        for item in excerpt.corresponding:
            entry = document.add_paragraph(style="List Bullet")
            add_hyperlink(entry, item.link, item.citation)
            via = f" (indirect, via {', '.join(item.via)})" if item.via else ""
            entry.add_run(f"{via}: {item.first_words}")


def _passage(paragraph: Paragraph, passage: Passage) -> None:
    if passage.label:
        paragraph.add_run(passage.label + " ").bold = True
    text = passage.text
    if passage.marked is None:
        paragraph.add_run(text)
        return
    start, end = passage.marked
    paragraph.add_run(text[:start])
    marked = paragraph.add_run(text[start:end])
    marked.bold = True
    _highlight(marked)
    paragraph.add_run(text[end:])


def _highlight(run: docx.text.run.Run) -> None:
    properties = run._r.get_or_add_rPr()
    highlight = OxmlElement("w:highlight")
    highlight.set(qn("w:val"), "yellow")
    properties.append(highlight)


def add_hyperlink(paragraph: Paragraph, url: str, text: str, bold: bool = False,
                  italic: bool = False) -> None:
    """A clickable link at the end of `paragraph` (python-docx has no public call for it)."""
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), HYPERLINK)
    properties.append(style)
    for flag, tag in ((bold, "w:b"), (italic, "w:i")):
        if flag:
            properties.append(OxmlElement(tag))
    run.append(properties)
    words = OxmlElement("w:t")
    words.text = text
    words.set(qn("xml:space"), "preserve")
    run.append(words)
    link.append(run)
    paragraph._p.append(link)


class _NoteWriter(HTMLParser):
    """A note's safe HTML (render_markdown) as Word paragraphs: p, headings, lists, block
    quotes and code blocks become paragraphs in Word styles; strong, em, code and links
    become run formatting and hyperlinks."""

    _BLOCKS: ClassVar[dict[str, str]] = {
        "p": "Normal", "li": "List Bullet", "blockquote": "Quote", "pre": "Normal",
        "h1": "Heading 3", "h2": "Heading 3", "h3": "Heading 4", "h4": "Heading 5",
        "h5": "Heading 5", "h6": "Heading 5"}

    def __init__(self, document: docx.document.Document) -> None:
        super().__init__(convert_charrefs=True)
        self._document = document
        self._paragraph: Paragraph | None = None
        self._lists: list[str] = []
        self._bold = self._italic = self._code = 0
        self._href: str | None = None
        self._quote = 0

    def _block(self, tag: str) -> Paragraph:
        style = self._BLOCKS.get(tag, "Normal")
        if tag == "li" and self._lists and self._lists[-1] == "ol":
            style = "List Number"
        if self._quote and tag == "p":
            style = "Quote"
        self._paragraph = self._document.add_paragraph(style=style)
        return self._paragraph

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self._lists.append(tag)
        elif tag == "blockquote":
            self._quote += 1
        elif tag in self._BLOCKS:
            self._block(tag)
        elif tag in ("strong", "b"):
            self._bold += 1
        elif tag in ("em", "i"):
            self._italic += 1
        elif tag == "code":
            self._code += 1
        elif tag == "a":
            self._href = dict(attrs).get("href")
        elif tag == "br" and self._paragraph is not None:
            self._paragraph.add_run().add_break()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        elif tag == "blockquote":
            self._quote -= 1
        elif tag in self._BLOCKS:
            self._paragraph = None
        elif tag in ("strong", "b"):
            self._bold -= 1
        elif tag in ("em", "i"):
            self._italic -= 1
        elif tag == "code":
            self._code -= 1
        elif tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._paragraph is None:
            if not data.strip():
                return
            self._block("p")
        assert self._paragraph is not None
        text = data if self._code else data.replace("\n", " ")
        if self._href:
            add_hyperlink(self._paragraph, self._href, text, bool(self._bold),
                          bool(self._italic))
            return
        run = self._paragraph.add_run(text)
        run.bold = bool(self._bold) or None
        run.italic = bool(self._italic) or None
        if self._code:
            run.font.name = "Courier New"


def write(pack: Pack, target: Path) -> None:
    content = render(pack)
    write_atomic(target, lambda path: path.write_bytes(content))
