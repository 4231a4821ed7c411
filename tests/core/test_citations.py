"""Citations: UN-style `cite` and the reading of what delegates type (`CitationIndex.resolve`)."""

from __future__ import annotations

import pytest

from desktop.core.citations import CitationIndex, Resolution, cite, cite_range, ordinal
from desktop.core.model import Instrument, Unit

# The corpus builder is written in parallel: a small hand-made corpus stands in for it.
PREFIXES = {
    "cnd59-1": "CND resolution 59/1",
    "ungass2016": "A/RES/S-30/1, annex",
    "res74-178": "A/RES/74/178",
    "report2009": "Report of the Commission on Narcotic Drugs (2009)",
    "pd2009": "Political Declaration (2009)",
    "poa2009": "Plan of Action (2009)",
}
# Ordered so that the ambiguity message reads as the brief's example does.
SEQ = ["res74-178", "pd2009", "poa2009", "ungass2016", "cnd59-1", "report2009"]
INSTRUMENTS = {
    iid: Instrument(id=iid, title=iid, short_title=iid, seq=SEQ.index(iid), citation_prefix=prefix)
    for iid, prefix in PREFIXES.items()
}

# (unit id, kind, text): the text matters only for headings.
UNITS: list[tuple[str, str, str]] = [
    ("res74-178/front:3", "front", "Agenda item 108"),
    ("res74-178/h:title", "heading", "74/178. International cooperation to address and counter"),
    ("res74-178/f:open", "formula", "The General Assembly,"),
    ("res74-178/pp3", "preamble", ""),
    ("res74-178/pp8", "preamble", ""),
    ("res74-178/pp38", "preamble", ""),
    ("res74-178/19", "paragraph", ""),
    ("res74-178/23", "paragraph", ""),
    ("res74-178/f:close", "formula", "50th plenary meeting 18 December 2019"),
    ("pd2009/h:title", "heading", "Political Declaration"),
    ("pd2009/h:odd", "heading", "Odd"),  # a heading path of no known form
    ("pd2009/19", "paragraph", ""),
    ("pd2009/24", "paragraph", ""),
    ("pd2009/24(b)", "subparagraph", ""),
    ("pd2009/24(b)(ii)", "subparagraph", ""),
    ("pd2009/36", "paragraph", ""),
    ("pd2009/36(c)", "subparagraph", ""),
    ("poa2009/h:title", "heading", "Plan of Action"),
    ("poa2009/h:I", "heading", "Demand reduction and related measures"),
    ("poa2009/h:I.A", "heading", "Reducing drug abuse and dependence"),
    ("poa2009/h:I.A.2", "heading", "Comprehensive approach to drug demand reduction"),
    ("poa2009/h:III.E", "heading", "Countering money-laundering"),
    ("poa2009/4", "paragraph", ""),
    ("poa2009/4(a)", "subparagraph", ""),
    ("poa2009/19", "paragraph", ""),
    ("poa2009/41", "paragraph", ""),
    ("poa2009/41(g)", "subparagraph", ""),
    ("ungass2016/h:title", "heading", "Our joint commitment to effectively addressing"),
    ("ungass2016/h:1", "heading", "Operational recommendations on demand reduction"),
    ("ungass2016/h:1.1", "heading", "Prevention of drug abuse"),
    ("ungass2016/h:5.1.3", "heading", "Precursors and pre-precursors"),
    ("ungass2016/1", "paragraph", ""),
    ("ungass2016/1(a)", "subparagraph", ""),
    ("ungass2016/5", "paragraph", ""),
    ("ungass2016/5.u1", "paragraph", ""),
    ("cnd59-1/h:symbol", "heading", "Resolution 59/1"),
    ("cnd59-1/h:title", "heading", "Special session of the General Assembly (“UNGASS”) in 2016"),
    ("cnd59-1/f:open", "formula", "The Commission on Narcotic Drugs,"),
    ("cnd59-1/pp1", "preamble", ""),
    ("cnd59-1/op1", "paragraph", ""),
    ("cnd59-1/h:annex", "heading", "Annex"),
    ("report2009/front:1", "front", "Distr.: General"),
    ("report2009/h:title", "heading", "Outcome of the high-level segment"),
    ("report2009/h:title2", "heading", "Report of the Commission on Narcotic Drugs"),
    ("report2009/h:summary", "heading", "Summary"),
    ("report2009/s1", "text", ""),
    ("report2009/h:I", "heading", "Introduction"),
    ("report2009/h:II.B", "heading", "Outcome of the round-table discussions"),
    ("report2009/1", "paragraph", ""),
    ("report2009/15", "paragraph", ""),
    ("report2009/h:rt2", "heading", "Outcome of the round table on strengthening cooperation"),
    ("report2009/h:rt2.1", "heading", "Shared responsibility"),
    ("report2009/rt2.7", "paragraph", ""),
    ("report2009/rt2.15", "paragraph", ""),
]


def make_unit(uid: str, kind: str = "paragraph", text: str = "") -> Unit:
    instrument = uid.split("/", 1)[0]
    return Unit(id=uid, instrument=instrument, kind=kind, parent=None, seq=0, label="", text=text)


ALL = [make_unit(*row) for row in UNITS]


@pytest.fixture(scope="module")
def index() -> CitationIndex:
    return CitationIndex(INSTRUMENTS.values(), (u.id for u in ALL))


def cite_id(uid: str) -> str:
    unit = next(u for u in ALL if u.id == uid)
    return cite(unit, INSTRUMENTS[unit.instrument])


@pytest.mark.parametrize(
    ("uid", "expected"),
    [
        # The brief's examples, verbatim.
        ("res74-178/19", "A/RES/74/178, para. 19"),
        ("ungass2016/1(a)", "A/RES/S-30/1, annex, para. 1 (a)"),
        ("poa2009/41(g)", "Plan of Action (2009), para. 41 (g)"),
        ("pd2009/24(b)(ii)", "Political Declaration (2009), para. 24 (b) (ii)"),
        ("res74-178/pp8", "A/RES/74/178, eighth preambular paragraph"),
        ("res74-178/pp38", "A/RES/74/178, thirty-eighth preambular paragraph"),
        (
            "poa2009/h:I.A.2",
            "Plan of Action (2009), part I, section A, subsection 2"
            " (“Comprehensive approach to drug demand reduction”)",
        ),
        # The forms the module docstring documents.
        ("res74-178/f:open", "A/RES/74/178, opening formula"),
        ("res74-178/f:close", "A/RES/74/178, closing formula"),
        ("cnd59-1/op1", "CND resolution 59/1, first operative paragraph"),
        ("ungass2016/5.u1", "A/RES/S-30/1, annex, first unnumbered paragraph after para. 5"),
        (
            "report2009/rt2.7",
            "Report of the Commission on Narcotic Drugs (2009), outcome of round table 2, para. 7",
        ),
        ("report2009/s1", "Report of the Commission on Narcotic Drugs (2009), summary, para. 1"),
        ("res74-178/front:3", "A/RES/74/178, masthead, item 3"),
        ("poa2009/h:I", "Plan of Action (2009), part I (“Demand reduction and related measures”)"),
        (
            "poa2009/h:III.E",
            "Plan of Action (2009), part III, section E (“Countering money-laundering”)",
        ),
        (
            "ungass2016/h:1.1",
            "A/RES/S-30/1, annex, chapter 1, section 1 (“Prevention of drug abuse”)",
        ),
        (
            "report2009/h:II.B",
            "Report of the Commission on Narcotic Drugs (2009), chapter II, "
            "section B (“Outcome of the round-table discussions”)",
        ),
        (
            "report2009/h:rt2.1",
            "Report of the Commission on Narcotic Drugs (2009), "
            "outcome of round table 2, sub-heading 1 (“Shared responsibility”)",
        ),
        ("pd2009/h:title", "Political Declaration (2009), title (“Political Declaration”)"),
        (
            "report2009/h:title2",
            "Report of the Commission on Narcotic Drugs (2009), title, line 2"
            " (“Report of the Commission on Narcotic Drugs”)",
        ),
        ("cnd59-1/h:symbol", "CND resolution 59/1, symbol (“Resolution 59/1”)"),
        ("cnd59-1/h:annex", "CND resolution 59/1, annex heading (“Annex”)"),
        (
            "report2009/h:summary",
            "Report of the Commission on Narcotic Drugs (2009), summary heading (“Summary”)",
        ),
        ("pd2009/h:odd", "Political Declaration (2009), h:odd (“Odd”)"),  # unknown: raw path
    ],
)
def test_cite_forms(uid: str, expected: str) -> None:
    """cite() gives the exact UN-style string for every path form."""
    assert cite_id(uid) == expected


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("ungass2016/1(a)", "ungass2016/1(c)", "A/RES/S-30/1, annex, para. 1 (a)–(c)"),
        ("ungass2016/1", "ungass2016/1(b)",
         "A/RES/S-30/1, annex, para. 1, from the chapeau to (b)"),
        ("pd2009/24(b)(i)", "pd2009/24(b)(iii)",
         "Political Declaration (2009), para. 24 (b) (i)–(iii)"),
        ("pd2009/24(a)", "pd2009/24(b)(ii)", "Political Declaration (2009), para. 24 (a)–(b) (ii)"),
        ("res74-178/1", "res74-178/3", "A/RES/74/178, paras. 1–3"),
        ("ungass2016/1(m)", "ungass2016/2(b)", "A/RES/S-30/1, annex, paras. 1 (m)–2 (b)"),
        ("ungass2016/pp3", "ungass2016/pp5",
         "A/RES/S-30/1, annex, third to fifth preambular paragraphs"),
        ("ungass2016/h:4.1", "ungass2016/4(c)",
         "A/RES/S-30/1, annex, chapter 4, section 1 to para. 4 (c)"),
        ("poa2009/41(g)", "poa2009/41(g)", "Plan of Action (2009), para. 41 (g)"),
    ],
)
def test_cite_range_forms(first: str, last: str, expected: str) -> None:
    """Guards the citation under a copied excerpt: a span of units named as UN documents
    name it (one paragraph's subparagraphs, several paragraphs, preambular paragraphs)."""
    head, tail = make_unit(first), make_unit(last)
    assert cite_range(head, tail, INSTRUMENTS[head.instrument]) == expected


def test_cite_uses_the_instruments_prefix() -> None:
    """cite() takes the instrument's citation_prefix rather than a built-in name."""
    other = Instrument(id="res74-178", title="", short_title="", citation_prefix="GA res. 74/178")
    assert cite(make_unit("res74-178/19"), other) == "GA res. 74/178, para. 19"


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (1, "first"),
        (8, "eighth"),
        (12, "twelfth"),
        (20, "twentieth"),
        (21, "twenty-first"),
        (38, "thirty-eighth"),
        (40, "fortieth"),
        (60, "sixtieth"),
        (99, "ninety-ninth"),
        (101, "101st"),
        (112, "112th"),
    ],
)
def test_ordinal(n: int, word: str) -> None:
    """Preambular paragraphs are counted in words, at least up to sixty."""
    assert ordinal(n) == word


@pytest.mark.parametrize("unit", ALL, ids=[u.id for u in ALL])
def test_round_trip_of_cite(index: CitationIndex, unit: Unit) -> None:
    """Every citation cite() produces resolves back to exactly its unit."""
    assert index.resolve(cite(unit, INSTRUMENTS[unit.instrument])) == Resolution([unit.id], "")


@pytest.mark.parametrize("unit", ALL, ids=[u.id for u in ALL])
def test_raw_ids_resolve(index: CitationIndex, unit: Unit) -> None:
    """A unit id typed as such resolves to itself, in any case."""
    assert index.resolve(unit.id) == Resolution([unit.id], "")
    assert index.resolve(unit.id.upper()).candidates == [unit.id]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("74/178 para 19", "res74-178/19"),
        ("para 19 of 74/178", "res74-178/19"),
        ("PoA 41(g)", "poa2009/41(g)"),
        ("Plan of Action 41 g", "poa2009/41(g)"),
        ("UNGASS 1 (a)", "ungass2016/1(a)"),
        ("PD 36 c", "pd2009/36(c)"),
        ("pp3 74/178", "res74-178/pp3"),
        ("74/178 PP 3", "res74-178/pp3"),
        ("PD 24 b ii", "pd2009/24(b)(ii)"),
        ("Target 36.c", "pd2009/36(c)"),
        ("Action 4.a", "poa2009/4(a)"),
        ("OP 23", "res74-178/23"),
        ("res74-178/19", "res74-178/19"),
        ("74/178 eighth preambular paragraph", "res74-178/pp8"),
        # Variants of the same: case, spacing, dots, commas, aliases.
        ("poa 41 (G)", "poa2009/41(g)"),
        ("PLAN OF ACTION, para. 41 (g)", "poa2009/41(g)"),
        ("POA 2009 41g", "poa2009/41(g)"),
        ("A/RES/74/178, para. 19", "res74-178/19"),
        ("resolution 74/178 OP19", "res74-178/19"),
        ("res 74/178, paragraph 23", "res74-178/23"),
        ("UNGASS 2016 para 1 a", "ungass2016/1(a)"),
        ("S-30/1 annex, para. 1(a)", "ungass2016/1(a)"),
        ("outcome document 1.a", "ungass2016/1(a)"),
        ("OD 5.u1", "ungass2016/5.u1"),
        ("Political Declaration 24(b)(ii)", "pd2009/24(b)(ii)"),
        ("PD 2009, 24 (b)(ii)", "pd2009/24(b)(ii)"),
        ("74/178 thirty eighth preambular paragraph", "res74-178/pp38"),
        ("74/178 38th preambular paragraph", "res74-178/pp38"),
        ("A/RES/74/178 preambular para. 8", "res74-178/pp8"),
        ("74/178 closing formula", "res74-178/f:close"),
        ("74/178 masthead 3", "res74-178/front:3"),
        ("CND 59/1 OP 1", "cnd59-1/op1"),
        ("resolution 59/1 first operative paragraph", "cnd59-1/op1"),
        ("59/1 annex heading", "cnd59-1/h:annex"),
        ("CND report 2009 round table 2 para 7", "report2009/rt2.7"),
        ("report rt2.7", "report2009/rt2.7"),
        ("rt2.15", "report2009/rt2.15"),
        ("report summary 1", "report2009/s1"),
        ("report 15", "report2009/15"),
        ("report chapter II section B", "report2009/h:II.B"),
        ("PoA part I, section A, subsection 2", "poa2009/h:I.A.2"),
        ("poa h:i.a.2", "poa2009/h:I.A.2"),
        ("UNGASS chapter 5 section 1 subsection 3", "ungass2016/h:5.1.3"),
        ("pd2009/24 (b) (ii)", "pd2009/24(b)(ii)"),
        ("cnd59-1/op1", "cnd59-1/op1"),
    ],
)
def test_resolve_typed_forms(index: CitationIndex, typed: str, expected: str) -> None:
    """What delegates type resolves to the one unit they mean, with no message."""
    assert index.resolve(typed) == Resolution([expected], "")


@pytest.mark.parametrize(
    ("typed", "prefer", "expected"),
    [
        ("OP 19", None, ["res74-178/19", "pd2009/19", "poa2009/19"]),
        ("OP 19", "poa2009", ["poa2009/19", "res74-178/19", "pd2009/19"]),
        ("para 19", "pd2009", ["pd2009/19", "res74-178/19", "poa2009/19"]),
        ("19", "ungass2016", ["res74-178/19", "pd2009/19", "poa2009/19"]),  # not there: no effect
        ("f:open", "cnd59-1", ["cnd59-1/f:open", "res74-178/f:open"]),
        ("opening formula", None, ["res74-178/f:open", "cnd59-1/f:open"]),
        ("1 (a)", None, ["ungass2016/1(a)"]),
        # Heading level names tell the Plan of Action's parts from the report's chapters.
        ("part I", None, ["poa2009/h:I"]),
        ("chapter I", "poa2009", ["report2009/h:I"]),
        ("chapter 1", None, ["ungass2016/h:1"]),
        # "OP 1" also finds an unnumbered operative paragraph where nothing is numbered.
        ("OP 1", "cnd59-1", ["cnd59-1/op1", "ungass2016/1", "report2009/1"]),
    ],
)
def test_resolve_without_instrument(
    index: CitationIndex, typed: str, prefer: str | None, expected: list[str]
) -> None:
    """With no instrument named, every instrument having the unit is a candidate, prefer first."""
    assert index.resolve(typed, prefer=prefer).candidates == expected


def test_ambiguity_message(index: CitationIndex) -> None:
    """Several candidates come with a sentence naming the instruments, even with prefer."""
    expected = (
        "OP 19 exists in A/RES/74/178, Political Declaration (2009) and Plan of Action (2009)."
        " Name the instrument to pick one."
    )
    assert index.resolve("OP 19").message == expected
    assert index.resolve("OP 19", prefer="poa2009").message.startswith(
        "OP 19 exists in Plan of Action (2009), A/RES/74/178"
    )


def test_ambiguity_message_with_commas_in_names(index: CitationIndex) -> None:
    """Names with a comma of their own ("A/RES/S-30/1, annex") are listed with semicolons."""
    assert index.resolve("OP 1").message == (
        "OP 1 exists in A/RES/S-30/1, annex; CND resolution 59/1 and Report of the Commission"
        " on Narcotic Drugs (2009). Name the instrument to pick one."
    )


@pytest.mark.parametrize(
    ("typed", "prefer"), [("OP 23", None), ("OP 23", "pd2009"), ("PoA 19", "res74-178")]
)
def test_single_candidate_has_no_message(
    index: CitationIndex, typed: str, prefer: str | None
) -> None:
    """One candidate means no message, and a named instrument overrides prefer."""
    resolution = index.resolve(typed, prefer=prefer)
    assert len(resolution.candidates) == 1
    assert resolution.message == ""


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("PoA 999", "Plan of Action (2009) has no para. 999."),
        ("PD 24 (z)", "Political Declaration (2009) has no para. 24 (z)."),
        ("res74-178/999", "A/RES/74/178 has no para. 999."),
        ("ungass2016/19", "A/RES/S-30/1, annex has no para. 19."),
        ("74/178 ninth preambular paragraph", "A/RES/74/178 has no ninth preambular paragraph."),
        ("PoA part II", "Plan of Action (2009) has no part II."),
        ("PoA chapter I", "Plan of Action (2009) has no chapter I."),
        (
            "19 hello",
            "Could not read “19 hello” as a citation; try “A/RES/74/178, para. 19” or "
            "“PoA 41 (g)”.",
        ),
        ("OP 999", "No instrument in the library has para. 999."),
        (
            "hello",
            "Could not read “hello” as a citation; try “A/RES/74/178, para. 19” or “PoA 41 (g)”.",
        ),
        (
            "res74-178/zzz",
            "Could not read “res74-178/zzz” as a citation; try "
            "“A/RES/74/178, para. 19” or “PoA 41 (g)”.",
        ),
        (
            "xyz/19",
            "Could not read “xyz/19” as a citation; try “A/RES/74/178, para. 19” or “PoA 41 (g)”.",
        ),
        ("PoA", "“PoA” names Plan of Action (2009) but no paragraph: try “PoA 1”."),
        ("", "Type a citation, for example “A/RES/74/178, para. 19” or “PoA 41 (g)”."),
        ("   ", "Type a citation, for example “A/RES/74/178, para. 19” or “PoA 41 (g)”."),
    ],
)
def test_nothing_found(index: CitationIndex, typed: str, message: str) -> None:
    """Nonsense and absent units give no candidates and say why in plain English."""
    assert index.resolve(typed) == Resolution([], message)


def test_well_formed_but_absent_id_is_not_a_candidate() -> None:
    """Only ids in unit_ids are candidates, however well-formed the typed id is."""
    small = CitationIndex(INSTRUMENTS.values(), ["res74-178/19"])
    assert small.resolve("pd2009/19").candidates == []
    assert small.resolve("OP 19") == Resolution(["res74-178/19"], "")


def test_resolve_reads_a_changed_prefix() -> None:
    """The builder's citation_prefix reads back even when the alias table does not know it."""
    other = Instrument(id="res74-178", title="", short_title="", citation_prefix="GA res. 74/178")
    small = CitationIndex([other], ["res74-178/19"])
    assert small.resolve(cite(make_unit("res74-178/19"), other)).candidates == ["res74-178/19"]
