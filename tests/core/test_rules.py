"""The general rules of ingestion, each pinned on a small text of its own."""

from __future__ import annotations

from desktop.core.ingest.blocks import page_layer, split_blocks
from desktop.core.ingest.emphasis import repair_emphasis
from desktop.core.ingest.inline import parse_inline
from desktop.core.ingest.pieces import classify
from desktop.core.ingest.sources import InstrumentSpec
from desktop.core.ingest.structure import InstrumentBuilder


def _texts(source: str) -> list[str]:
    return [block.text for block in page_layer(source.split("\n")).blocks]


def _build(source: str, **spec: object) -> InstrumentBuilder:
    builder = InstrumentBuilder(InstrumentSpec(id="x", short_title="X", citation_prefix="X",
                                               **spec), "x.txt")  # type: ignore[arg-type]
    pieces = [classify(block) for block in page_layer(source.split("\n")).blocks]
    for index, piece in enumerate(pieces):
        builder.feed(piece, pieces[index + 1] if index + 1 < len(pieces) else None)
    builder.finish()
    return builder


def test_lowercase_continuation_joins_across_a_blank_line() -> None:
    """Guards the page-break rule: a block opening in lower case continues the one before."""
    assert _texts("1. We promote society as a\n\nwhole, and more;") == [
        "1. We promote society as a whole, and more;"]


def test_capital_continuation_joins_across_footnotes() -> None:
    """Guards the page-break rule: an unfinished block, footnotes, then a capital letter."""
    source = "52. Promote universal access to\n\n¹⁸ Resolution 70/266.\n\nHIV prevention;"
    layer = page_layer(source.split("\n"))
    assert [b.text for b in layer.blocks] == ["52. Promote universal access to HIV prevention;"]
    assert [(n.number, n.text) for n in layer.footnotes] == [("18", "Resolution 70/266.")]
    assert layer.joins[0].across == "footnotes"


def test_hyphen_at_line_end_joins_without_space() -> None:
    """Guards the page-break rule: "money-" + "laundering" gives "money-laundering"."""
    layer = page_layer(["45. Counter money-", "", "---", "", "laundering at sea;"])
    assert [b.text for b in layer.blocks] == ["45. Counter money-laundering at sea;"]
    assert layer.joins[0].hyphen


def test_finished_paragraph_and_heading_do_not_join() -> None:
    """Guards against over-joining: closing punctuation, or a marked heading, ends a block
    even when footnotes follow."""
    source = "(o) Ensure a fair trial.\n\n---\n\n<sup>17</sup> Note.\n\n**Operational recs**"
    assert _texts(source) == ["(o) Ensure a fair trial.", "**Operational recs**"]
    source = "#### **Evolving reality**\n\n---\n\n<sup>19</sup> Note.\n\n(u) Promote data;"
    assert _texts(source) == ["#### **Evolving reality**", "(u) Promote data;"]


def test_labels_split_paragraphs_printed_without_blank_lines() -> None:
    """Guards the round-table lists and Markdown list items: a label opens a new block."""
    blocks = split_blocks(["4. First item.", "5. Second item.", "- (v) Roman item;",
                           " - (i) Nested;"])
    assert [b.text for b in blocks] == ["4. First item.", "5. Second item.",
                                        "- (v) Roman item;", " - (i) Nested;"]
    assert [b.line for b in blocks] == [1, 2, 3, 4]


def test_asterisk_footnotes_of_a_masthead() -> None:
    """Guards the asterisk notation: "list*" calls the note "* A/64/50."."""
    layer = page_layer(["Item 104 of the preliminary list*", "", "* A/64/50."])
    assert [(n.number, n.text) for n in layer.footnotes] == [("*", "A/64/50.")]
    inline = parse_inline(layer.blocks[0].text, asterisk_calls=True)
    assert inline.text == "Item 104 of the preliminary list"
    assert inline.calls == [(len(inline.text), "*")]


def test_inline_markup_is_kept_apart_from_the_words() -> None:
    """Guards `units.text`: no emphasis markers, calls or link syntax; `rich` keeps them."""
    inline = parse_inline("*Taking note* of resolution [37/42](#),¹¹ with <sup>3</sup>  care")
    assert inline.text == "Taking note of resolution 37/42, with care"
    assert inline.calls == [(32, "11"), (37, "3")]
    assert inline.link_debris == ["[37/42](#)"]
    assert inline.rich().startswith("<i>Taking note</i> of resolution 37/42,<sup>")


def test_subparagraph_levels() -> None:
    """Guards the (i) ambiguity: after (h) it is a letter; after "(b) … inter alia:" it opens
    a roman list; (c) then closes that list."""
    source = "\n\n".join([
        "1. Recognize that:", "(a) One;", "(b) Such strategies include, inter alia:",
        "(i) Alternative development;", "(ii) Eradication;", "(c) Three;", "(d) d;", "(e) e;",
        "(f) f;", "(g) g;", "(h) h;", "(i) Nine;"])
    builder = _build(source)
    assert builder.errors == []
    ids = [unit.id for unit in builder.units]
    assert ids == ["x/1", "x/1(a)", "x/1(b)", "x/1(b)(i)", "x/1(b)(ii)", "x/1(c)", "x/1(d)",
                   "x/1(e)", "x/1(f)", "x/1(g)", "x/1(h)", "x/1(i)"]
    assert builder.units[3].parent == "x/1(b)"


def test_preamble_formula_and_operative_paragraphs() -> None:
    """Guards the resolution grammar: formula, preambular paragraphs counted without it, an
    unnumbered operative verb, then numbered paragraphs and a closing formula."""
    source = "\n\n".join([
        "*The Commission on Narcotic Drugs,*", "*Recalling* its resolution,",
        "*Recalling also* the other,", "*Decides* to transmit the document.",
        "1. *Urges* States to act;", "*50th plenary meeting", "18 December 2019*"])
    source = source.replace("meeting\n\n18", "meeting\n18")
    builder = _build(source)
    assert [(u.id, u.kind) for u in builder.units] == [
        ("x/f:open", "formula"), ("x/pp1", "preamble"), ("x/pp2", "preamble"),
        ("x/op1", "paragraph"), ("x/1", "paragraph"), ("x/f:close", "formula")]


def test_restarting_list_keeps_ids_unique() -> None:
    """Guards the round-table rule: a list under its own heading restarts at 1 with a prefix,
    and the next number of the outer sequence closes it."""
    source = "\n\n".join([
        "1. The outcome was as follows:", "Outcome of the round table on trends",
        "1. Evidence matters.", "2. Data matter.", "2. On 12 March, the next outcome:"])
    builder = _build(source, restart_heading="^Outcome of the round table",
                     restart_prefix="rt")
    assert builder.errors == []
    assert [u.id for u in builder.units] == ["x/1", "x/h:rt1", "x/rt1.1", "x/rt1.2", "x/2"]


def test_numbering_gap_is_an_error_with_its_line() -> None:
    """Guards bad input: a jump in the numbering names the line where it happens."""
    builder = _build("1. One;\n\n3. Three;")
    assert [(e.line, e.message) for e in builder.errors] == [
        (3, "x: paragraph 3 where 2 was expected")]


def test_whole_paragraph_italics_are_reduced_to_the_verb() -> None:
    """Guards the emphasis repair: a paragraph printed all in italics keeps only its verb
    phrase (learned from intact paragraphs) and the inverted title in italics."""
    source = "\n\n".join([
        "1. *Takes note* of the report;",
        "2. *Takes note of the *World Drug Report* and of the work of the Board in the "
        "exercise of its mandate;*"])
    builder = _build(source)
    repairs = repair_emphasis(builder.units)
    damaged = builder.units[1].inline
    assert damaged.rich() == ("<i>Takes note</i> of the <i>World Drug Report</i> and of the "
                              "work of the Board in the exercise of its mandate;")
    assert [r.rule for r in repairs] == ["whole-paragraph-emphasis"]
    assert builder.units[0].inline.rich() == "<i>Takes note</i> of the report;"
