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
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor

from desktop.core.excerpts.atomic import write_atomic
from desktop.core.excerpts.pack import Excerpt, Pack, Passage

CITATION, DETAILS, HYPERLINK = "Citation", "Excerpt Details", "Hyperlink"


def render(pack: Pack) -> bytes:
    document = docx.Document()
    _styles(document)
    document.core_properties.title = pack.title
    document.core_properties.author = pack.author or "Concordia"
    body = _Body(document)
    body.add_paragraph(pack.title, style="Title")
    for line in pack.heading_lines():
        body.add_paragraph(line, style=DETAILS)
    for group in pack.groups:
        body.add_paragraph(group.title, style="Heading 1")
        if group.subtitle:
            body.add_paragraph(group.subtitle, style="Subtitle")
        for excerpt in group.excerpts:
            _excerpt(body, excerpt)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Body:
    """Builds the body's paragraphs and runs as WordprocessingML, in constant time each.

    python-docx's add_paragraph looks the style up by name among all styles and finds the
    body's end by scanning it, and relate_to scans every relationship, for every paragraph
    and link: a 1,000-excerpt brief took 10 s. Here style ids and links are looked up once.
    """

    def __init__(self, document: docx.document.Document) -> None:
        self._document = document
        self._element = document.element.body
        self._end = self._element.sectPr
        self._ids: dict[str, str] = {}
        self._part = document.part
        self._links: dict[str, str] = {}

    def add_paragraph(self, text: str = "", style: str = "Normal") -> BaseOxmlElement:
        paragraph = OxmlElement("w:p")
        if self._end is not None:
            self._end.addprevious(paragraph)
        else:
            self._element.append(paragraph)
        if style not in self._ids:
            self._ids[style] = self._document.styles[style].style_id
        properties = OxmlElement("w:pPr")
        properties.append(_valued("w:pStyle", self._ids[style]))
        paragraph.append(properties)
        if text:
            paragraph.append(run(text))
        return paragraph

    def add_hyperlink(self, paragraph: BaseOxmlElement, url: str, text: str,
                      bold: bool = False, italic: bool = False) -> None:
        """A clickable link at the end of `paragraph` (python-docx has no call for it)."""
        if url not in self._links:
            rid = f"rIdLink{len(self._links) + 1}"
            self._part.rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, url, rid,
                                             is_external=True)
            self._links[url] = rid
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), self._links[url])
        link.append(run(text, bold=bold, italic=italic, style=HYPERLINK))
        paragraph.append(link)


def run(text: str, *, bold: bool = False, italic: bool = False, highlight: bool = False,
        monospace: bool = False, style: str | None = None) -> BaseOxmlElement:
    """A w:r of `text`, its properties in the order the schema wants them."""
    element = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    if style:
        properties.append(_valued("w:rStyle", style))
    if monospace:
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:ascii"), "Courier New")
        fonts.set(qn("w:hAnsi"), "Courier New")
        properties.append(fonts)
    if bold:
        properties.append(OxmlElement("w:b"))
    if italic:
        properties.append(OxmlElement("w:i"))
    if highlight:
        properties.append(_valued("w:highlight", "yellow"))
    if len(properties):
        element.append(properties)
    words = OxmlElement("w:t")
    words.text = text
    words.set(qn("xml:space"), "preserve")
    element.append(words)
    return element


def _valued(tag: str, value: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    return element


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
        link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)  # Word's own Hyperlink blue
        link.font.underline = True


def _excerpt(body: _Body, excerpt: Excerpt) -> None:
    body.add_paragraph(excerpt.citation, style="Heading 2")
    if excerpt.whole and excerpt.passages:
        for passage in excerpt.passages:
            _passage(body.add_paragraph(style="Quote"), passage)
    else:
        body.add_paragraph(excerpt.quote, style="Quote")
    citation = body.add_paragraph(f"— {excerpt.citation} · ", style=CITATION)
    body.add_hyperlink(citation, excerpt.link, "open in Concordia")
    if excerpt.in_review:
        body.add_paragraph("The text changed since this was noted: it awaits review.",
                           style=DETAILS)
    body.add_paragraph(" · ".join(excerpt.details()), style=DETAILS)
    if excerpt.note_html:
        _NoteWriter(body).feed(excerpt.note_html)
    if excerpt.full_text:
        body.add_paragraph("Full text:", style=DETAILS)
        for passage in excerpt.full_text:
            _passage(body.add_paragraph(), passage)
    if excerpt.corresponding:
        body.add_paragraph("Corresponding units:")
        for item in excerpt.corresponding:
            entry = body.add_paragraph(style="List Bullet")
            body.add_hyperlink(entry, item.link, item.citation)
            via = f" (indirect, via {', '.join(item.via)})" if item.via else ""
            entry.append(run(f"{via}: {item.first_words}"))


def _passage(paragraph: BaseOxmlElement, passage: Passage) -> None:
    if passage.label:
        paragraph.append(run(passage.label + " ", bold=True))
    text = passage.text
    if passage.marked is None:
        paragraph.append(run(text))
        return
    start, end = passage.marked
    paragraph.append(run(text[:start]))
    paragraph.append(run(text[start:end], bold=True, highlight=True))
    paragraph.append(run(text[end:]))


class _NoteWriter(HTMLParser):
    """A note's safe HTML (render_markdown) as Word paragraphs: p, headings, lists, block
    quotes and code blocks become paragraphs in Word styles; strong, em, code and links
    become run formatting and hyperlinks."""

    _BLOCKS: ClassVar[dict[str, str]] = {
        "p": "Normal", "li": "List Bullet", "blockquote": "Quote", "pre": "Normal",
        "h1": "Heading 3", "h2": "Heading 3", "h3": "Heading 4", "h4": "Heading 5",
        "h5": "Heading 5", "h6": "Heading 5"}

    def __init__(self, body: _Body) -> None:
        super().__init__(convert_charrefs=True)
        self._body = body
        self._paragraph: BaseOxmlElement | None = None
        self._lists: list[str] = []
        self._bold = self._italic = self._code = 0
        self._href: str | None = None
        self._quote = 0
        self._after_break = False

    def _block(self, tag: str) -> BaseOxmlElement:
        style = self._BLOCKS.get(tag, "Normal")
        if tag == "li" and self._lists and self._lists[-1] == "ol":
            style = "List Number"
        if self._quote and tag == "p":
            style = "Quote"
        self._paragraph = self._body.add_paragraph(style=style)
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
            line_break = OxmlElement("w:r")
            line_break.append(OxmlElement("w:br"))
            self._paragraph.append(line_break)
            self._after_break = True

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
        if self._after_break:  # python-markdown writes a line break after each <br>
            text = text.lstrip()
            self._after_break = False
        if self._href:
            self._body.add_hyperlink(self._paragraph, self._href, text, bool(self._bold),
                                     bool(self._italic))
            return
        self._paragraph.append(run(text, bold=bool(self._bold), italic=bool(self._italic),
                                   monospace=bool(self._code)))


def write(pack: Pack, target: Path) -> None:
    content = render(pack)
    write_atomic(target, lambda path: path.write_bytes(content))
