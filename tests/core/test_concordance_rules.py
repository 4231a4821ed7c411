"""The concordance rules, each pinned on the table's own lines, and the links they give."""

from __future__ import annotations

import pytest

from desktop.core.corpus import Corpus
from desktop.core.ingest.references import Catalogue, resolve, split_tokens


@pytest.fixture(scope="module")
def catalogue(corpus: Corpus) -> Catalogue:
    return Catalogue.build((u.id, u.kind, u.role, u.parent)
                           for i in ("pd2009", "poa2009") for u in corpus.units(i))


@pytest.mark.parametrize(("cell", "tokens"), [
    ("Action 4.a Action 14.b OP 23", ["Action 4.a", "Action 14.b", "OP 23"]),
    ("N/A OP 32 Action 24.h", ["N/A", "OP 32", "Action 24.h"]),
    ("-", ["-"]),
    ("A - + :", ["A - + :"]),
    ("Antion 24 f", ["Antion 24 f"]),
    ("OP26", ["OP26"]),
    ("", []),
])
def test_cells_split_into_tokens(cell: str, tokens: list[str]) -> None:
    """Guards tokenising: each token starts at a keyword; a dash alone is a marker; other
    text is kept whole, to be counted as noise."""
    assert split_tokens(cell) == tokens


@pytest.mark.parametrize(("raw", "outcome", "target", "rules"), [
    ("Action 4.a", "link", "poa2009/4(a)", ()),
    ("Target 36.c", "link", "pd2009/36(c)", ()),
    ("Action 51.b.v", "link", "poa2009/51(b)(v)", ()),
    ("Action 12", "link", "poa2009/12", ()),
    ("Action 18 .d", "repaired", "poa2009/18(d)", ("stray-space",)),
    ("OP26", "repaired", "pd2009/26", ("stray-space",)),
    ("OP 22.", "repaired", "pd2009/22", ("stray-punctuation",)),
    ("OP.9", "repaired", "pd2009/9", ("stray-punctuation",)),
    ("Action 36.e)", "repaired", "poa2009/36(e)", ("stray-punctuation",)),
    ("OP. 24 c.", "repaired", "pd2009/24(c)", ("stray-punctuation", "stray-space")),
    ("Action 6.C", "repaired", "poa2009/6(c)", ("letter-case",)),
    ("Antion 24 f", "repaired", "poa2009/24(f)", ("misspelt-keyword", "stray-space")),
    ("Action d.ii", "repaired", "poa2009/51(d)(ii)", ("missing-paragraph-number",)),
    ("OP 24.i", "repaired", "pd2009/24(b)(i)", ("roman-level",)),
    ("PP 9", "repaired", "pd2009/9", ("pp-for-op",)),
    ("Action 40.g", "repaired", "poa2009/41(g)", ("problem-to-action",)),
    ("Action 42.f", "unresolved", None, ()),
    ("Action 34.f", "unresolved", None, ()),
    ("N/A", "no-counterpart", None, ()),
    ("-", "no-counterpart", None, ()),
    ("00.07", "noise", None, ()),
])
def test_reference_rules(catalogue: Catalogue, raw: str, outcome: str, target: str | None,
                         rules: tuple[str, ...]) -> None:
    """Guards each repair rule: what it reads a damaged reference as, and that a reference
    to a unit that does not exist is reported, not guessed."""
    resolution = resolve(raw, catalogue)
    assert (resolution.outcome, resolution.target, resolution.rules) == (outcome, target, rules)


def test_unresolved_says_which_rules_were_tried(catalogue: Catalogue) -> None:
    """Guards unresolved entries: they name the rules tried and why none applied."""
    detail = resolve("Action 42.f", catalogue).detail
    assert "poa2009/42" in detail and "problem paragraph" in detail
    assert "roman level" in detail and "Action paragraph" in detail


def test_links_of_an_ungass_recommendation(corpus: Corpus) -> None:
    """Guards `links ungass2016/1(a)`: the table's line 3, in its order, as links."""
    links = corpus.links("ungass2016/1(a)")
    assert [(k.target, k.raw, k.line) for k in links][:3] == [
        ("poa2009/4(a)", "Action 4.a", 3), ("poa2009/14(b)", "Action 14.b", 3),
        ("pd2009/23", "OP 23", 3)]
    assert {k.kind for k in links} == {"concordance"}
    assert len(links) == 12


def test_links_answer_both_ways(corpus: Corpus) -> None:
    """Guards the reverse direction: a Plan of Action item lists the UNGASS items citing it."""
    sources = [k.source for k in corpus.links("poa2009/4(a)") if k.kind == "concordance"]
    assert sources == ["ungass2016/1", "ungass2016/1(a)", "ungass2016/1(b)", "ungass2016/1(d)",
                       "ungass2016/1(i)"]


def test_no_counterpart_and_not_covered_stay_distinct(corpus: Corpus) -> None:
    """Guards the N/A rule: "no counterpart" is a link without target; an item the table does
    not cover has no link at all."""
    no_counterpart = [k for k in corpus.links("ungass2016/1(j)") if k.kind == "concordance"]
    assert [(k.target, k.raw, k.line) for k in no_counterpart] == [(None, "N/A", 31)]
    assert [k for k in corpus.links("ungass2016/1(p)") if k.kind == "concordance"] == []


def test_every_token_is_accounted_for(corpus: Corpus) -> None:
    """Guards the accounting: every token has one outcome, links are exactly the link,
    repaired and first no-counterpart tokens, and each link's target exists."""
    tokens = corpus.concordance_tokens()
    outcomes = {"link", "repaired", "no-counterpart", "duplicate", "noise", "unresolved"}
    assert {t.outcome for t in tokens} <= outcomes
    linked = [t for t in tokens if t.outcome in ("link", "repaired", "no-counterpart")]
    assert len(corpus.all_links("concordance")) == len(linked)
    for token in tokens:
        if token.outcome in ("link", "repaired"):
            assert corpus.unit(token.target or "") is not None, token
        if token.outcome == "repaired":
            assert token.rule, token
        if token.outcome == "noise":
            assert token.unit is None
        else:
            assert (token.unit or "").startswith("ungass2016/"), token


def test_label_slips_are_recorded(corpus: Corpus) -> None:
    """Guards label repairs: "1.1)" read as 1 (l), recorded with its line."""
    repairs = [r for r in corpus.repairs("ungass2016/1(l)") if r.rule == "label-ocr"]
    assert [r.line for r in repairs] == [63]
    assert "“1.1)”" in repairs[0].detail
