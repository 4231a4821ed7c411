"""Reading and structure detection of drafts built for the tests, in each format."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from draft_files import AGREED, CHANGED, write_docx, write_typed

from desktop.core.drafts.detect import detect
from desktop.core.drafts.numbering import formatted, letters, roman
from desktop.core.drafts.readers import DraftError, read

EXPECTED_IDS = [
    "pp1", "pp2", "1", "1(a)", "1(b)", "1(c)", "1(c)(i)", "1(c)(ii)", "1bis", "2"]


def _body(units: list) -> list[str]:
    return [u.id.split("/", 1)[1] for u in units
            if u.kind in ("preamble", "paragraph", "subparagraph")]


def test_typed_draft_front_matter_formula_paragraphs_bis_brackets_footnote(
        tmp_path: Path) -> None:
    """Guards the grammar on a typed draft: the masthead is front matter (not preamble), pp1
    is the first paragraph after the opening formula, "1 bis." is `1bis`, brackets are kept
    in the text and listed, and the footnote is tied to its calling paragraph."""
    found = detect(read(write_typed(tmp_path / "l5.txt")), "l5", "l5.txt")
    assert _body(found.units) == EXPECTED_IDS
    report = found.report
    assert [(f["role"], f["text"]) for f in report["front"]] == [
        ("committee", "Commission on Narcotic Drugs"), ("session", "Sixty-eighth session"),
        ("other", "Vienna, 10–14 March 2025"), ("agenda item", "Agenda item 5"),
        ("draft", "Draft resolution"),
        ("title", "Promoting evidence-based prevention and treatment")]
    assert report["formula"] == "The Commission on Narcotic Drugs,"
    assert report["counts"] == {"preamble": 2, "operative": 3, "inserted": 1,
                                "subparagraphs": 5, "headings": 0, "footnotes": 1}
    assert report["bracketed"] == ["l5/pp2", "l5/1(b)"]
    assert report["unplaced"] == []
    units = {u.id: u for u in found.units}
    assert units["l5/pp2"].text == "Reaffirming its commitment to [promoting] health and welfare,"
    assert units["l5/1bis"].label == "1 bis."
    # No italics in a typed draft: the operative verb is still its opening, as in print.
    assert [units[f"l5/{p}"].opening for p in ("pp1", "1", "1bis", "2")] == [
        "Recalling", "Encourages", "Invites", "Decides"]
    assert units["l5/1(a)"].text == AGREED + ";"
    assert units["l5/1(c)(ii)"].parent == "l5/1(c)"
    assert found.footnotes == [("l5/fn1", "1", "General Assembly resolution S-30/1, annex.",
                                31, "l5/pp1")]
    assert found.title == "Promoting evidence-based prevention and treatment"


def test_word_numbering_from_a_list_style_is_computed_as_word_shows_it(tmp_path: Path) -> None:
    """Guards Word's automatic numbering: operative numbers inherited from a paragraph style
    (through basedOn), subparagraph letters and romans from the list's deeper levels, a
    hand-typed "1 bis." that does not advance the count, italics and a Word footnote."""
    source = read(write_docx(tmp_path / "l5.docx"))
    numbered = [line for line in source.lines if line[:1].isdigit() or line[:1] == "("]
    assert [line.split(" ", 1)[0] for line in numbered] == [
        "1.", "(a)", "(b)", "(c)", "(i)", "(ii)", "1", "2."]
    found = detect(source, "l5", "l5.docx")
    assert _body(found.units) == EXPECTED_IDS
    units = {u.id: u for u in found.units}
    assert units["l5/1(b)"].text == CHANGED + ";"
    assert units["l5/1"].opening == "Encourages"  # the italic verb, as printed
    assert units["l5/pp1"].rich.startswith("<i>Recalling</i> the outcome")
    assert found.symbol == "E/CN.7/2025/L.5"
    assert found.footnotes[0][1:3] == ("1", "General Assembly resolution S-30/1, annex.")
    assert units["l5/2"].line_start == 16  # the report names Word paragraphs by number


def test_number_formats() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["i", "iv", "ix", "xiv", "xl"]
    assert [letters(n) for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert formatted(3, "upperRoman") == "III"


def test_pasted_from_pdf_hard_wraps_headers_page_numbers_and_footnotes(tmp_path: Path) -> None:
    """Guards text pasted from a PDF: no blank lines between paragraphs, the symbol repeated
    at a page's top, page numbers, a footnote at the foot with its call glued to a word."""
    pasted = "\n".join([
        "E/CN.7/2025/L.5",
        "Draft resolution",
        "Promoting evidence-based prevention",
        "The Commission on Narcotic Drugs,",
        "Recalling the outcome document of the thirtieth special session of the General",
        "Assembly1,",
        "Noting with concern the rise in overdose deaths reported by Member States in all",
        "regions,",
        "1. Encourages Member States to increase the availability of naloxone in community",
        "settings;",
        "1 General Assembly resolution S-30/1, annex.",
        "1/2",
        "\f",
        "E/CN.7/2025/L.5",
        "2. Requests the Executive Director to report to the Commission at its sixty-ninth",
        "session.",
        "2/2",
    ])
    path = tmp_path / "pasted.txt"
    path.write_text(pasted, encoding="utf-8")
    found = detect(read(path), "p", "pasted.txt")
    units = {u.id.split("/", 1)[1]: u.text for u in found.units}
    assert units["pp2"] == ("Noting with concern the rise in overdose deaths reported by "
                            "Member States in all regions,")
    assert units["2"] == ("Requests the Executive Director to report to the Commission at its "
                          "sixty-ninth session.")
    assert units["pp1"].endswith("of the General Assembly,")
    assert found.footnotes[0][1:3] == ("1", "General Assembly resolution S-30/1, annex.")
    assert found.footnotes[0][4] == "p/pp1"
    rules = [r["rule"] for r in found.report["repairs"]]
    assert rules.count("page-number") == 2 and "running-header" in rules
    assert "hard-wrap" in rules and "footnote-call" in rules
    assert found.symbol == "E/CN.7/2025/L.5"


def test_a_declaration_opening_with_we_the_ministers(tmp_path: Path) -> None:
    """Guards the long "We, the Ministers …," formula: front matter stays out of the
    preamble, and Markdown numbering and italics are read."""
    path = tmp_path / "declaration.md"
    path.write_text(
        "# Ministerial declaration\n\n"
        "We, the Ministers and Government representatives participating in the high-level "
        "segment of the sixty-second session of the Commission on Narcotic Drugs, held in "
        "Vienna,\n\n"
        "*Reaffirming* our commitment to the three international drug control conventions,\n\n"
        "1. *Commit* to safeguarding our future;\n\n"
        "2. *Resolve* to review progress in 2029.\n", encoding="utf-8")
    found = detect(read(path), "decl", "declaration.md")
    assert _body(found.units) == ["pp1", "1", "2"]
    assert found.report["formula"].startswith("We, the Ministers and Government")
    assert found.title == "Ministerial declaration"


def test_lines_the_grammar_cannot_place_are_reported_with_their_line(tmp_path: Path) -> None:
    """Guards the report: a subparagraph continuing no list is listed with its line, and the
    rest of the draft is kept."""
    path = tmp_path / "odd.txt"
    path.write_text("The General Assembly,\n\nRecalling its resolutions,\n\n"
                    "1. Decides to act:\n\n(a) first;\n\n(c) third, out of order;\n\n"
                    "2. Requests a report.\n", encoding="utf-8")
    found = detect(read(path), "odd", "odd.txt")
    assert found.report["unplaced"] == [{
        "place": "line 9", "text": "(c) third, out of order;",
        "reason": "subparagraph (c) does not continue any open list of odd/1"}]
    assert _body(found.units) == ["pp1", "1", "1(a)", "2"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"  \n", "is empty"),
    ("binary.txt", bytes(range(256)) * 8, "not a text file"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable Word document"),
    ("broken.pdf", b"%PDF-1.7\n garbage", "PDF"),
    ("notes.odt", b"whatever", "not .odt"),
    ("prose.txt", b"Dear colleagues, please find the text attached. Best regards",
     "no paragraph of a resolution"),
])
def test_bad_input_is_refused_with_a_message(tmp_path: Path, name: str, content: bytes,
                                             message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DraftError, match=message):
        detect(read(path), "bad", name)


def test_a_ten_megabyte_text_is_refused_cleanly(tmp_path: Path) -> None:
    """Guards the size limit: 10 MB of text is no draft; it is refused, not parsed for
    minutes."""
    path = tmp_path / "huge.txt"
    path.write_text("Recalling all its previous resolutions on the matter,\n\n" * 190_000)
    assert path.stat().st_size > 10_000_000
    with pytest.raises(DraftError, match="far more than a draft"):
        read(path)


def test_a_docx_without_paragraphs_is_refused(tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "blank.docx"
    Document().save(str(path))
    with pytest.raises(DraftError, match="has no text"):
        read(path)
    assert zipfile.is_zipfile(path)
