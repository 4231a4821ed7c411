"""Each format, opened with a real reader of it: Markdown as text, HTML parsed, Word through
python-docx. (The PDF is made by Qt in a child process: tests/test_export_cli.py.)"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from excerpts_data import NOTE, QUOTE

from desktop.core.excerpts import docx_writer, html_writer, markdown_writer
from desktop.core.excerpts.pack import Filters, Pack, build_pack
from desktop.core.notes.service import NotesService


@pytest.fixture
def pack(filled: NotesService) -> Pack:
    return build_pack(filled, Filters(include_private=False), full_text=True)


def test_markdown(pack: Pack, tmp_path: Path) -> None:
    """Guards the Markdown brief: headings, the quote as a block quote, citation with
    back-link, the note as written, corresponding units, the whole text with the quote in
    bold, and what was left out."""
    target = tmp_path / "brief.md"
    markdown_writer.write(pack, target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Excerpts\n")
    assert "3 annotations. 1 private annotation was left out." in text
    assert "## Our joint commitment to effectively addressing and countering the world drug" \
        in text
    assert "### A/RES/S-30/1, annex, para. 1 (a)\n\n> primary prevention\n\n" \
        "— A/RES/S-30/1, annex, para. 1 (a) · " \
        "[open in Concordia](<concordia://open/ungass2016%2F1(a)>)" in text
    assert "\n" + NOTE + "\n" in text
    assert "- [Plan of Action (2009), para. 4 (a)](<concordia://open/poa2009%2F4(a)>): " \
        "(a) Develop, review and strengthen" in text
    assert f"**{QUOTE}**" in text
    assert "> 24\\. Recognize that:" not in text and "> 24. Recognize that:  \n> (a) " in text
    assert "amphetamine" not in text


def test_markdown_escapes_text_that_would_be_markup() -> None:
    assert markdown_writer.escape("a *b* [c] <d> #e") == r"a \*b\* \[c\] \<d\> \#e"


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def test_html_is_one_self_contained_file_without_script(pack: Pack, tmp_path: Path) -> None:
    """Guards the HTML brief: parsed, it has no script, no element that loads anything
    (img, link, iframe, object, embed, source), no src, no event handler, no url() or
    @import in its style; links go to Concordia or the note's http link only; and it
    carries quote, citation, note and corresponding units."""
    target = tmp_path / "brief.html"
    html_writer.write(pack, target)
    reader = _Reader()
    reader.feed(target.read_text(encoding="utf-8"))
    loaders = {"script", "img", "link", "iframe", "object", "embed", "source", "audio",
               "video", "frame", "base", "meta-refresh"}
    assert not loaders & set(reader.tags)
    assert not [a for a in reader.attributes if a[1] in ("src", "srcset", "background")
                or a[1].startswith("on")]
    style = "".join(reader.styles)
    assert "url(" not in style and "@import" not in style
    hrefs = [value for tag, name, value in reader.attributes if name == "href"]
    assert hrefs and all(h and (h.startswith("concordia://open/") or
                                h == "https://example.org/r") for h in hrefs)
    text = " ".join(" ".join(reader.text).split())
    assert "A/RES/S-30/1, annex, para. 1 (a) primary prevention — A/RES/S-30/1, annex, " \
        "para. 1 (a) · open in Concordia" in text
    assert "Keep as is : see the report ." in text
    assert "Plan of Action (2009), para. 4 (a) : (a) Develop, review and strengthen" in text
    assert "concordia://open/ungass2016%2F1(a)" in hrefs
    assert "1 private annotation was left out." in text


def test_word_brief_uses_word_styles_and_body_paragraphs(pack: Pack, tmp_path: Path) -> None:
    """Guards the Word brief, read back with python-docx: Title, Heading 1 per instrument,
    Heading 2 per excerpt, the quote in Quote, the citation and note as body paragraphs (no
    table), corresponding units in List Bullet, the back-links real hyperlinks."""
    target = tmp_path / "brief.docx"
    docx_writer.write(pack, target)
    document = docx.Document(str(target))
    assert not document.tables
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    styles = [style for style, _ in paragraphs]
    assert styles[0] == "Title" and styles.count("Heading 1") == 3
    assert styles.count("Heading 2") == 3
    at = paragraphs.index(("Heading 2", "A/RES/S-30/1, annex, para. 1 (a)"))
    assert paragraphs[at + 1] == ("Quote", QUOTE)
    assert paragraphs[at + 2] == ("Citation", "— A/RES/S-30/1, annex, para. 1 (a) · "
                                              "open in Concordia")
    assert paragraphs[at + 3][0] == "Excerpt Details"
    assert paragraphs[at + 4] == ("Normal", "Keep as is: see the report.")
    note = document.paragraphs[at + 4]
    assert [r.text for r in note.runs if r.bold] == ["as is"]
    assert ("List Bullet", "Plan of Action (2009), para. 4 (a): (a) Develop, review and "
            "strengthen, as appropriate, comprehensive and integrated drug demand …") \
        in paragraphs
    chapeau = paragraphs.index(("Heading 2", "Political Declaration (2009), para. 24 – "
                                             "para. 24 (c)"))
    assert paragraphs[chapeau + 1] == ("Quote", "24. Recognize that:")
    assert paragraphs[chapeau + 2][1].startswith("(a) Sustainable crop control")
    links = {r.target_ref for r in document.part.rels.values() if r.is_external}
    assert {"concordia://open/ungass2016%2F1(a)", "concordia://open/poa2009%2F4(a)",
            "https://example.org/r"} <= links
    assert "Red line" not in " ".join(text for _, text in paragraphs)
