"""The built corpus against an independent oracle typed by hand from the sources.

`tests/fixtures/expected_corpus.json` holds values read from `resources/sources/*.txt` by a person
(counts, id runs, page-break joins, exact texts), following `docs/units.md`. Nothing in it comes
from the parser, so a disagreement means either a parser bug or a slip in the oracle: read the
source lines the entry names before changing either side.

The `corpus` fixture (an opened `desktop.core.corpus.Corpus`) comes from `tests/conftest.py`.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "expected_corpus.json"
EXPECTED = json.loads(FIXTURE.read_text(encoding="utf-8"))
COUNTS = EXPECTED["counts"]
PAGE_BREAKS = EXPECTED["page_breaks"]
TEXTS = EXPECTED["texts"]

NUMBERED_PATH = re.compile(r"\d+")
ROMAN_PATH = re.compile(r"\d+\([a-z]+\)\([ivxl]+\)")
LETTER_PATH = re.compile(r"\d+\([a-z]+\)")
FOOTNOTE_CALL = re.compile(r"<sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]")


def _path(uid: str) -> str:
    return uid.split("/", 1)[1]


def _paths(corpus, instrument: str, pattern: re.Pattern[str]) -> list[str]:
    """Paths of the instrument's units that fully match `pattern`, in document order."""
    return [_path(u.id) for u in corpus.units(instrument) if pattern.fullmatch(_path(u.id))]


def _instruments_with(key: str) -> list[str]:
    return [inst for inst, entry in COUNTS.items() if key in entry]


# --- the oracle itself --------------------------------------------------------------------------


@pytest.mark.parametrize("entry", PAGE_BREAKS + TEXTS, ids=lambda e: e["unit"])
def test_oracle_text_follows_the_text_rules(entry):
    """Guards the oracle: a typed text has no Markdown markers, footnote calls, labels, link
    debris or stray whitespace, so a failure elsewhere is not caused by a typing slip here."""
    text = entry["text"]
    assert "*" not in text and "#" not in text and "](" not in text
    assert not FOOTNOTE_CALL.search(text)
    assert text == " ".join(text.split())
    assert not re.match(r"\d+\.\s|\([a-z]+\)\s|-\s", text)


def test_oracle_page_break_units_are_unique():
    """Guards the oracle: each split unit is listed once, with its continuation after its
    first line."""
    units = [e["unit"] for e in PAGE_BREAKS]
    assert len(units) == len(set(units))
    for entry in PAGE_BREAKS:
        first, continuation = entry["source_lines"]
        assert continuation > first, entry["unit"]


# --- counts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("instrument", _instruments_with("preamble"))
def test_preamble_count(corpus, instrument):
    """Guards preamble detection: the number of preambular paragraphs (opening formula not
    counted), and that they are numbered pp1…ppN with no ppN+1."""
    expected = COUNTS[instrument]["preamble"]["count"]
    preamble = [u for u in corpus.units(instrument) if u.kind == "preamble"]
    assert len(preamble) == expected
    assert [_path(u.id) for u in preamble] == [f"pp{n}" for n in range(1, expected + 1)]
    assert corpus.unit(f"{instrument}/pp{expected + 1}") is None


@pytest.mark.parametrize("instrument", _instruments_with("paragraphs"))
def test_numbered_paragraphs(corpus, instrument):
    """Guards numbered-paragraph detection: count, first and last number, contiguous and in
    document order, each of kind paragraph (headings such as '1. Enhancing …' are not paragraphs;
    round-table items are rtK.N, not N)."""
    expected = COUNTS[instrument]["paragraphs"]
    paths = _paths(corpus, instrument, NUMBERED_PATH)
    assert len(paths) == expected["count"]
    if expected["count"]:
        numbers = [int(p) for p in paths]
        assert numbers == list(range(expected["first"], expected["last"] + 1))
        for p in paths:
            assert corpus.unit(f"{instrument}/{p}").kind == "paragraph", p


def test_cnd59_1_unnumbered_operative(corpus):
    """Guards CND 59/1's single unnumbered operative paragraph ('Decides …'): op1 exists, op2
    does not."""
    assert COUNTS["cnd59-1"]["unnumbered_operative"]["count"] == 1
    op1 = corpus.unit("cnd59-1/op1")
    assert op1 is not None and op1.kind == "paragraph"
    assert corpus.unit("cnd59-1/op2") is None


@pytest.mark.parametrize("chapter", sorted(COUNTS["ungass2016"]["chapters"], key=int))
def test_ungass_chapter_letters(corpus, chapter):
    """Guards UNGASS subparagraph numbering per chapter: (a) to the last printed letter all exist
    as subparagraphs of paragraph N, and the letter after the last does not."""
    last = COUNTS["ungass2016"]["chapters"][chapter]["last_letter"]
    letters = string.ascii_lowercase[: string.ascii_lowercase.index(last) + 1]
    for letter in letters:
        unit = corpus.unit(f"ungass2016/{chapter}({letter})")
        assert unit is not None, f"ungass2016/{chapter}({letter}) missing"
        assert unit.kind == "subparagraph"
        assert unit.parent == f"ungass2016/{chapter}"
    following = string.ascii_lowercase[len(letters)]
    assert corpus.unit(f"ungass2016/{chapter}({following})") is None


def test_poa_numbering_complete_and_contiguous(corpus):
    """Guards the Plan of Action's paragraph numbering: exactly 1…64, each once, in order, across
    parts, sections and problem/action blocks."""
    paths = _paths(corpus, "poa2009", NUMBERED_PATH)
    assert [int(p) for p in paths] == list(range(1, 65))


ROMAN_IDS = [uid for inst in _instruments_with("roman") for uid in COUNTS[inst]["roman"]["ids"]]


@pytest.mark.parametrize("uid", ROMAN_IDS)
def test_roman_subparagraph(corpus, uid):
    """Guards roman-numeral subparagraphs (including those printed as '- (v)' list items): the
    id exists, is a subparagraph, and hangs under its lettered subparagraph."""
    unit = corpus.unit(uid)
    assert unit is not None, f"{uid} missing"
    assert unit.kind == "subparagraph"
    assert unit.parent == re.sub(r"\([ivxl]+\)$", "", uid)


@pytest.mark.parametrize("instrument", _instruments_with("roman"))
def test_no_other_roman_subparagraphs(corpus, instrument):
    """Guards against letters read as roman numerals (4(i), 41(v), …) and lost list items: the
    instrument's second-level subparagraphs are exactly the expected ones."""
    expected = COUNTS[instrument]["roman"]["ids"]
    assert [f"{instrument}/{p}" for p in _paths(corpus, instrument, ROMAN_PATH)] == expected


@pytest.mark.parametrize("instrument", _instruments_with("subparagraphs"))
def test_lettered_subparagraph_ids(corpus, instrument):
    """Guards lettered subparagraphs in instruments that have few: exactly the expected ids, in
    order, each a subparagraph of its numbered paragraph."""
    expected = COUNTS[instrument]["subparagraphs"]["ids"]
    paths = _paths(corpus, instrument, LETTER_PATH)
    assert [f"{instrument}/{p}" for p in paths] == expected
    for uid in expected:
        unit = corpus.unit(uid)
        assert unit.kind == "subparagraph"
        assert unit.parent == re.sub(r"\([a-z]+\)$", "", uid)


@pytest.mark.parametrize("table", sorted(COUNTS["report2009"]["round_tables"], key=int))
def test_round_table_items(corpus, table):
    """Guards round-table outcome lists (numbering restarts at 1, items often printed without
    blank lines between them): rtK.1…rtK.N exist and nothing more."""
    expected = COUNTS["report2009"]["round_tables"][table]["items"]
    paths = _paths(corpus, "report2009", re.compile(rf"rt{table}\.\d+"))
    assert paths == [f"rt{table}.{n}" for n in range(1, expected + 1)]


# --- texts --------------------------------------------------------------------------------------


def _unit(corpus, entry):
    unit = corpus.unit(entry["unit"])
    assert unit is not None, f"{entry['unit']} missing"
    return unit


@pytest.mark.parametrize("entry", PAGE_BREAKS, ids=lambda e: e["unit"])
def test_page_break_text(corpus, entry):
    """Guards page-break joining: the two parts of a unit split by a page break (`---`, footnotes
    and/or blank lines between them) become one text, joined with a space, or with none after a
    line-end hyphen; labels, markers and footnote calls are dropped."""
    assert _unit(corpus, entry).text == entry["text"]


@pytest.mark.parametrize("entry", PAGE_BREAKS, ids=lambda e: e["unit"])
def test_page_break_lines(corpus, entry):
    """Guards source positions of split units: the unit starts on its first line and ends on the
    continuation line, not at the page break."""
    unit = _unit(corpus, entry)
    first, continuation = entry["source_lines"]
    assert unit.line_start == first
    assert unit.line_end == continuation


@pytest.mark.parametrize("entry", TEXTS, ids=lambda e: e["unit"])
def test_text(corpus, entry):
    """Guards the text rules on hand-picked tricky units (see each entry's "pins"): footnote
    calls, link debris, italics, list-item labels, headings, formulas, unnumbered paragraphs."""
    unit = _unit(corpus, entry)
    assert unit.text == entry["text"]
    assert unit.line_start == entry["source_lines"][0]


@pytest.mark.parametrize(
    "entry", [e for e in PAGE_BREAKS + TEXTS if "kind" in e], ids=lambda e: e["unit"]
)
def test_kind(corpus, entry):
    """Guards unit classification for every unit the oracle names with a kind."""
    assert _unit(corpus, entry).kind == entry["kind"]
