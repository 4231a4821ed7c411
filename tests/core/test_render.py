"""The corpus rendered for the window without Qt: the pane's HTML and the chapter outline."""

from __future__ import annotations

import re

import pytest

from desktop.core.corpus import Corpus
from desktop.core.render.html import (
    Apparatus,
    RenderStyle,
    Wording,
    document_html,
    escape,
    rendered,
    unit_html,
)
from desktop.core.render.outline import (
    OPERATIVE_GROUP,
    PREAMBLE_GROUP,
    build_outline,
    excerpt,
    index_units,
    tree_titles,
)

MAIN = ("ungass2016", "res74-178", "pd2009", "poa2009", "cnd59-1", "report2009")
ANCHOR = re.compile(r'<a name="([^"]+)"></a>')


def _html(corpus: Corpus, instrument_id: str, style: RenderStyle | None = None) -> str:
    instrument = corpus.instrument(instrument_id)
    assert instrument is not None
    units = corpus.units(instrument_id)
    return document_html(instrument, units, Apparatus.load(corpus, units), style)


def _block(html: str, unit_id: str) -> str:
    """The one block (line of HTML) that opens with a unit's anchor."""
    lines = [line for line in html.split("\n") if f'<a name="{unit_id}"></a>' in line]
    assert len(lines) == 1, unit_id
    return lines[0]


@pytest.mark.parametrize("instrument_id", MAIN)
def test_every_unit_opens_one_block_with_its_anchor_in_document_order(
        corpus: Corpus, instrument_id: str) -> None:
    """Guards scrolling to and marking any unit: each unit's anchor, once, in corpus order,
    and one block (one line of HTML) per unit."""
    html = _html(corpus, instrument_id)
    names = [name for name in ANCHOR.findall(html) if "/fn" not in name]
    assert names == [unit.id for unit in corpus.units(instrument_id)]
    for unit in corpus.units(instrument_id)[:40]:
        assert _block(html, unit.id).count("<p") + _block(html, unit.id).count("<h") == 1


@pytest.mark.parametrize("instrument_id", MAIN)
def test_the_panes_html_is_the_same_without_anchors_and_names_each_blocks_unit(
        corpus: Corpus, instrument_id: str) -> None:
    """A pane shows the HTML without anchors (cheaper for Qt to parse) and finds its units
    by the blocks: the same text and markup otherwise, and one entry per block, a unit's
    where it stands and none for the role lines and the notes."""
    instrument = corpus.instrument(instrument_id)
    assert instrument is not None
    units = corpus.units(instrument_id)
    apparatus = Apparatus.load(corpus, units)
    shown = rendered(instrument, units, apparatus)
    anchored = document_html(instrument, units, apparatus)
    assert "<a name=" not in shown.html
    assert shown.html == ANCHOR.sub("", anchored)
    assert [unit for unit in shown.blocks if unit] == [unit.id for unit in units]
    lines = [line for line in shown.html.split("\n") if line.startswith(("<p", "<h"))]
    ids = [name for name in ANCHOR.findall(anchored) if "/fn" not in name]
    opening = [line for line in anchored.split("\n") if line.startswith(("<p", "<h"))]
    assert len(lines) == len(opening) and ids == [unit for unit in shown.blocks if unit]
    first = rendered(instrument, units[:6], apparatus, notes=False)
    assert first.blocks == tuple(unit for unit in shown.blocks[:len(first.blocks)])


def test_paragraph_numbers_and_letters_hang_at_their_level(corpus: Corpus) -> None:
    """Guards the print's layout: the label, a tab, the text; each level one step further in,
    the label hanging one step to the left of its text."""
    html = _html(corpus, "pd2009", RenderStyle(indent_px=30))
    assert _block(html, "pd2009/24").startswith('<p class="n1"><a name="pd2009/24"></a>24.\t')
    assert _block(html, "pd2009/24(b)").startswith('<p class="n2"><a name="pd2009/24(b)"></a>(b)\t')
    assert _block(html, "pd2009/24(b)(ii)").startswith(
        '<p class="n3"><a name="pd2009/24(b)(ii)"></a>(ii)\t')
    assert _block(html, "pd2009/pp2").startswith('<p class="pp"><a name="pd2009/pp2"></a>')
    # The tab is kept (pre-wrap) and each level is one step further in, the label hanging.
    for depth in (1, 2, 3):
        assert (f"p.n{depth} {{ margin-left: {30 * depth}px; text-indent: -30px;"
                " white-space: pre-wrap; }") in html
        assert f"p.u{depth} {{ margin-left: {30 * depth}px; }}" in html


def test_a_paragraph_deeper_than_the_classes_carries_its_own_indent() -> None:
    """Seven levels down (no instrument of the corpus goes so deep; an imported one might),
    the paragraph says its own margin and keeps its tab as the classed ones do."""
    from desktop.core.model import Unit

    deep = Unit("x/1(a)(i)(A)(1)(aa)(I)", "x", "subparagraph", "x/1(a)(i)(A)(1)(aa)", 0,
                "(I)", "Deep words", "Deep words")
    html = unit_html(deep, Apparatus(), Wording(), step=30)
    assert html == ('<p style="margin-left:210px; text-indent:-30px">'
                    '<a name="x/1(a)(i)(A)(1)(aa)(I)"></a>(I)<span class="t">\t</span>'
                    'Deep words</p>')


def test_the_prints_emphasis_and_headings_are_kept(corpus: Corpus) -> None:
    """Guards emphasis and headings: operative verbs in italics as printed; the title centred,
    deeper headings smaller."""
    html = _html(corpus, "pd2009")
    assert "<i>Assert</i> that the world drug problem" in _block(html, "pd2009/3")
    poa = _html(corpus, "poa2009")
    assert _block(poa, "poa2009/h:title") == \
        '<h1 align="center"><a name="poa2009/h:title"></a>Plan of Action</h1>'
    assert _block(poa, "poa2009/h:I.A.2").startswith("<h4>")


def test_plan_of_action_roles_are_printed_where_they_change(corpus: Corpus) -> None:
    """Guards the Plan of Action's "Problem"/"Action" lines: one before each change of role,
    again after a heading, never between an action and its subparagraphs."""
    html = _html(corpus, "poa2009")
    lines = html.split("\n")
    role_lines = [n for n, line in enumerate(lines) if line.startswith('<p class="role">')
                  and line != '<p class="role">Notes</p>']
    expected = 0
    previous = None
    for unit in corpus.units("poa2009"):
        if unit.kind == "heading":
            previous = None
        elif unit.role and unit.role != previous:
            expected += 1
            previous = unit.role
    assert len(role_lines) == expected
    opening = lines.index(_block(html, "poa2009/1"))
    assert lines[opening - 1] == '<p class="role">Problem</p>'
    assert lines[opening + 1] == '<p class="role">Action</p>'
    assert lines[opening + 2].startswith('<p class="n1"><a name="poa2009/2"></a>')
    assert lines[opening + 3].startswith('<p class="n2">')  # 2 (a), no role line


def test_footnote_calls_carry_their_note_and_the_notes_follow(corpus: Corpus) -> None:
    """Guards footnotes: the call is a superscript link naming the note, its title the note's
    text (shown on hover); the notes called are listed once at the end."""
    html = _html(corpus, "poa2009")
    assert ('<sup><a href="fn:poa2009/fn17" title="17 See General Assembly resolutions S-20/2 '
            'and S-20/3.">17</a></sup>') in _block(html, "poa2009/1")
    notes = html[html.index('<p class="role">Notes</p>'):]
    assert notes.count('<a name="poa2009/fn17"></a>') == 1
    assert '<a name="poa2009/fn17"></a>17\tSee General Assembly' in notes
    assert "margin-bottom: 4px; white-space: pre-wrap; }" in html  # p.note keeps its tab
    assert len(re.findall(r'<p class="note">', notes)) == len(corpus.footnotes("poa2009"))


def test_repaired_units_and_kept_slips_carry_a_mark_with_the_reason(corpus: Corpus) -> None:
    """Guards the repair and slip marks: a small mark after the text whose title says what
    the build repaired, or that a slip is kept as printed."""
    wording = Wording(repaired="Repaired", slip="As printed", notes="Notes")
    instrument = corpus.instrument("res74-178")
    assert instrument is not None
    units = corpus.units("res74-178")
    apparatus = Apparatus.load(corpus, units)
    slip = unit_html(corpus.unit("res74-178/17"), apparatus, wording)  # type: ignore[arg-type]
    assert ('<span class="mark" title="As printed: ends with a comma where the operative '
            'paragraphs around it end with a semicolon; kept as printed"><i>sic</i></span>'
            in slip)
    pd = corpus.units("pd2009")
    joined = unit_html(corpus.unit("pd2009/pp1"), Apparatus.load(corpus, pd),  # type: ignore[arg-type]
                       wording)
    assert '<span class="mark" title="Repaired (page-break-join): paragraph split by a page ' \
           'break' in joined
    plain = unit_html(corpus.unit("pd2009/2"), Apparatus.load(corpus, pd), wording)  # type: ignore[arg-type]
    assert 'class="mark"' not in plain
    marked = [u.id for u in pd if 'class="mark"' in unit_html(u, Apparatus.load(corpus, pd),
                                                                wording)]
    assert marked == sorted({r.unit for r in corpus.repairs() if r.unit and
                             r.unit.startswith("pd2009/")}, key=[u.id for u in pd].index)


def test_a_range_has_a_caption_and_no_stray_notes(corpus: Corpus) -> None:
    """Guards printing part of an instrument: the caption first, only the notes called."""
    instrument = corpus.instrument("poa2009")
    assert instrument is not None
    units = [corpus.unit("poa2009/2(a)"), corpus.unit("poa2009/2(b)")]
    html = document_html(instrument, units, Apparatus.load(corpus, corpus.units("poa2009")),  # type: ignore[arg-type]
                         caption="Plan of Action <2009> & more")
    assert '<p class="front">Plan of Action &lt;2009&gt; &amp; more</p>' in html
    assert "Notes" not in html  # neither calls a footnote


def test_outline_nests_headings_and_tells_preamble_from_operative(corpus: Corpus) -> None:
    """Guards the chapter outline: headings by level, paragraphs under the heading they
    follow, preambular paragraphs in their own group, masthead and formulas left out."""
    resolution = build_outline(corpus.instrument("res74-178"), corpus.units("res74-178"))  # type: ignore[arg-type]
    assert [child.kind for child in resolution.children] == [PREAMBLE_GROUP, OPERATIVE_GROUP]
    preamble, operative = resolution.children
    assert [n.label for n in preamble.children[:3]] == ["PP1", "PP2", "PP3"]
    assert [n.unit_id for n in preamble.children[:3]] == [
        "res74-178/pp1", "res74-178/pp2", "res74-178/pp3"]
    assert len(operative.children) == 120
    assert preamble.target() == "res74-178/pp1"
    every = index_units(resolution)
    assert "res74-178/f:open" not in every and "res74-178/front:1" not in every

    ungass = build_outline(corpus.instrument("ungass2016"), corpus.units("ungass2016"))  # type: ignore[arg-type]
    chapter = ungass.children[1]
    assert chapter.unit_id == "ungass2016/h:1"
    assert [n.unit_id for n in chapter.children] == [
        "ungass2016/1", "ungass2016/h:1.1", "ungass2016/h:1.2"]
    first = chapter.children[1].children[0]
    assert (first.unit_id, first.label) == ("ungass2016/1(a)", "1 (a)")
    assert [n.title for n in first.ancestors()] == [chapter.title, "Prevention of drug abuse"]

    plan = build_outline(corpus.instrument("poa2009"), corpus.units("poa2009"))  # type: ignore[arg-type]
    g = index_units(plan)["poa2009/41(g)"]
    assert g.label == "(g)" and g.parent is not None and g.parent.unit_id == "poa2009/41"
    declaration = build_outline(corpus.instrument("pd2009"), corpus.units("pd2009"))  # type: ignore[arg-type]
    ii = index_units(declaration)["pd2009/24(b)(ii)"]
    assert ii.parent is not None and ii.parent.unit_id == "pd2009/24(b)"
    # every unit but masthead, formulas and titles is somewhere in the outline, once
    for instrument_id in MAIN:
        root = build_outline(corpus.instrument(instrument_id), corpus.units(instrument_id))  # type: ignore[arg-type]
        placed = [node.unit_id for node in root.walk() if node.unit_id]
        expected = [u.id for u in corpus.units(instrument_id)
                    if u.kind not in ("front", "formula")
                    and not (u.kind == "heading" and u.level == 0)]
        assert sorted(placed) == sorted(expected)


def test_excerpt_cuts_at_a_word() -> None:
    """Guards the tree's row text: short texts whole, long ones cut at a word, with an
    ellipsis."""
    assert excerpt("Member States should:") == "Member States should:"
    cut = excerpt("word " * 40, limit=22)
    assert cut == "word word word word…"


def test_chapters_that_open_alike_are_shown_by_what_sets_them_apart(corpus: Corpus) -> None:
    """Guards the narrow tree: UNGASS 2016's seven chapters all open "Operational
    recommendations on …" (two of them "… on cross-cutting issues"); the tree shows each from
    "…on", the words that differ first. Siblings that do not open alike keep their titles."""
    ungass = build_outline(corpus.instrument("ungass2016"), corpus.units("ungass2016"))  # type: ignore[arg-type]
    shown = tree_titles(ungass.children)
    chapters = [node for node in ungass.children if node.kind == "heading"]
    assert len(chapters) == 7 and sorted(shown) == [node.row for node in chapters]
    assert shown[chapters[3].row] == ("…on cross-cutting issues: drugs and human rights, youth, "
                                      "children, women and communities")
    assert shown[chapters[4].row].startswith("…on cross-cutting issues in addressing and "
                                             "countering the world drug problem")
    assert all(text.startswith("…on ") for text in shown.values())
    plan = build_outline(corpus.instrument("poa2009"), corpus.units("poa2009"))  # type: ignore[arg-type]
    assert tree_titles(plan.children) == {}


@pytest.mark.parametrize("text", ["", "plain words", "Paragraphs 1 & 2", "<b>not bold</b>",
                                  "“quoted” and \"quoted\" and 'quoted'", "&amp; stays &amp;amp;",
                                  "<a href=\"x\" title='y'>&lt;</a>"])
def test_escaping_is_the_standard_librarys(text: str) -> None:
    """The renderer escapes as html.escape does (without loading the html package)."""
    import html

    assert escape(text) == html.escape(text)
