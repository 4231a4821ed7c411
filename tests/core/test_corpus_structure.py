"""The corpus's structure beyond counts and texts: headings, roles, footnotes, emphasis,
metadata and the recorded repairs, as a delegate (and the chapter tree) relies on them."""

from __future__ import annotations

import pytest

from desktop.core.corpus import Corpus


def _ids(corpus: Corpus, instrument: str, kind: str) -> list[str]:
    return [u.id for u in corpus.units(instrument) if u.kind == kind]


def test_plan_of_action_headings_run_on_across_parts(corpus: Corpus) -> None:
    """Guards the PoA hierarchy: three parts (the third printed without "Part"), sections
    lettered A–F across them, numbered subsections inside sections."""
    top = [u.id for u in corpus.units("poa2009") if u.kind == "heading" and u.level == 1]
    assert top == ["poa2009/h:I", "poa2009/h:II", "poa2009/h:III"]
    sections = [u.id for u in corpus.units("poa2009") if u.kind == "heading" and u.level == 2]
    assert sections == ["poa2009/h:I.A", "poa2009/h:II.B", "poa2009/h:II.C", "poa2009/h:II.D",
                        "poa2009/h:III.E", "poa2009/h:III.F"]
    subsection = corpus.unit("poa2009/h:I.A.2")
    assert subsection is not None
    assert (subsection.text, subsection.label, subsection.parent) == (
        "Comprehensive approach to drug demand reduction", "2.", "poa2009/h:I.A")
    part_three = corpus.unit("poa2009/h:III")
    assert part_three is not None and part_three.label == ""
    assert part_three.text.startswith("Countering money-laundering and promoting judicial")
    assert [r.rule for r in corpus.repairs("poa2009/h:III")] == ["unlabelled-part"]


@pytest.mark.parametrize(("unit", "role"), [
    ("poa2009/1", "problem"), ("poa2009/2", "action"), ("poa2009/39", "problem"),
    ("poa2009/40", "problem"), ("poa2009/41", "action"), ("poa2009/52", "problem"),
    ("poa2009/53", "problem"), ("poa2009/54", "action"), ("poa2009/50", "problem"),
    ("poa2009/51", "action"), ("poa2009/64", "action"),
])
def test_plan_of_action_roles_as_printed(corpus: Corpus, unit: str, role: str) -> None:
    """Guards Problem/Action roles, which do not strictly alternate (39 and 40 are both
    Problem paragraphs)."""
    found = corpus.unit(unit)
    assert found is not None and found.role == role


def test_paragraph_belongs_to_its_subsection(corpus: Corpus) -> None:
    """Guards the tree: a PoA paragraph's parent is its subsection heading."""
    paragraph = corpus.unit("poa2009/4")
    assert paragraph is not None and paragraph.parent == "poa2009/h:I.A.2"
    assert corpus.unit("poa2009/4(a)").parent == "poa2009/4"  # type: ignore[union-attr]


def test_ungass_chapters_and_subheadings(corpus: Corpus) -> None:
    """Guards the UNGASS hierarchy whatever the Markdown level: each chapter heading opens a
    commitment, bold sub-headings sit under it, italic ones under those; 8 and 9 stand
    outside chapter 7."""
    chapters = [u for u in corpus.units("ungass2016") if u.kind == "heading" and u.level == 1]
    assert [u.id for u in chapters] == [f"ungass2016/h:{n}" for n in range(1, 8)]
    assert all(u.text.startswith("Operational recommendations on") for u in chapters)
    assert corpus.unit("ungass2016/1").parent == "ungass2016/h:1"  # type: ignore[union-attr]
    italic = corpus.unit("ungass2016/h:5.1.1")
    assert italic is not None and italic.text == "New psychoactive substances"
    assert italic.parent == "ungass2016/h:5.1"
    assert corpus.unit("ungass2016/5(d)").parent == "ungass2016/5"  # type: ignore[union-attr]
    for closing in ("ungass2016/8", "ungass2016/9"):
        assert corpus.unit(closing).parent is None  # type: ignore[union-attr]


def test_report_round_tables_have_unique_prefixed_ids(corpus: Corpus) -> None:
    """Guards the restarting lists: report paragraphs 1–18 and round-table items rtK.N."""
    paragraphs = [u.path for u in corpus.units("report2009")
                  if u.kind == "paragraph" and not u.path.startswith("rt")]
    assert paragraphs == [str(n) for n in range(1, 19)]
    first = corpus.unit("report2009/rt1.1")
    assert first is not None and first.parent == "report2009/h:rt1"
    assert corpus.unit("report2009/rt4.10").parent == "report2009/h:rt4.2"  # type: ignore[union-attr]


def test_duplicate_heading_kept_once(corpus: Corpus) -> None:
    """Guards the duplicated heading of the 2009 report: one unit, the repair recorded."""
    headings = [u for u in corpus.units("report2009")
                if u.text.startswith("Political Declaration and Plan of Action on")]
    assert [u.id for u in headings] == ["report2009/h:II.A"]
    assert [r.rule for r in corpus.repairs("report2009/h:II.A")] == ["duplicate-heading"]


def test_contents_table_is_not_text(corpus: Corpus) -> None:
    """Guards the contents table: no unit holds its rows."""
    assert not [u.id for u in corpus.units("report2009") if "\t" in u.text or u.text == "Page"]
    assert not [u for u in corpus.units("report2009") if u.text == "Contents"]


def test_footnotes_are_tied_to_the_units_that_call_them(corpus: Corpus) -> None:
    """Guards footnotes: separated from the text, numbered per instrument, each call kept."""
    notes = corpus.footnotes_of("ungass2016/pp8")
    assert [n.number for n in notes] == ["3", "4", "5"]
    assert notes[0].text == "United Nations, Treaty Series, vol. 976, No. 14152."
    assert "<i>Treaty Series</i>" in notes[0].rich
    callers = {u for u in corpus.unit_ids() if any(
        n.id == "res74-178/fn2" for n in corpus.footnotes_of(u))}
    assert callers == {"res74-178/pp2", "res74-178/pp5", "res74-178/1", "res74-178/55",
                       "res74-178/106"}
    masthead = corpus.footnotes_of("report2009/front:4")
    assert [(n.number, n.text) for n in masthead] == [("*", "A/64/50.")]


def test_slip_in_the_original_is_kept_and_flagged(corpus: Corpus) -> None:
    """Guards "text as printed": the 1954 of PD footnote 4 stays, flagged as a slip."""
    note = next(n for n in corpus.footnotes("pd2009") if n.number == "4")
    assert "Single Convention on Narcotic Drugs of 1954" in note.text
    slips = corpus.slips("pd2009/fn4")
    assert len(slips) == 1 and "1961" in slips[0].detail


def test_emphasis_lives_in_the_rich_column(corpus: Corpus) -> None:
    """Guards the rich column: operative verbs in italics there, never markers in text."""
    decides = corpus.unit("cnd59-1/op1")
    assert decides is not None
    assert decides.rich.startswith("<i>Decides</i> to transmit")
    assert decides.text.startswith("Decides to transmit")
    repaired = corpus.unit("res74-178/56")
    assert repaired is not None and repaired.rich.startswith("<i>Invites</i> Member States")
    assert "<i>Ensuring Balance in National Policies on Controlled Substances" in repaired.rich
    for instrument in ("ungass2016", "res74-178", "pd2009", "poa2009", "report2009"):
        for unit in corpus.units(instrument):
            assert "*" not in unit.text and "<" not in unit.text, unit.id
            assert "  " not in unit.text and unit.text == unit.text.strip(), unit.id


@pytest.mark.parametrize(("instrument", "symbol", "adopted"), [
    ("res74-178", "A/RES/74/178", "2019-12-18"),
    ("ungass2016", "A/RES/S-30/1", "2016-04-19"),
    ("pd2009", "", "2009-03-12"),
    ("cnd59-1", "", ""),
])
def test_metadata_states_its_source(corpus: Corpus, instrument: str, symbol: str,
                                    adopted: str) -> None:
    """Guards metadata: values as the sources state them, each with where it came from;
    what the sources do not state stays empty."""
    found = corpus.instrument(instrument)
    assert found is not None
    assert (found.symbol, found.adopted) == (symbol, adopted)
    for field in ("symbol", "adopted"):
        if getattr(found, field):
            assert found.provenance.get(field), f"{instrument}.{field} has no provenance"
    assert found.provenance.get("title")


def test_titles_come_from_the_title_headings(corpus: Corpus) -> None:
    """Guards titles: taken from the documents, not typed in."""
    titles = {i.id: i.title for i in corpus.instruments()}
    assert titles["ungass2016"] == ("Our joint commitment to effectively addressing and "
                                    "countering the world drug problem")
    assert titles["res74-178"] == ("International cooperation to address and counter the "
                                   "world drug problem")
    assert titles["poa2009"] == "Plan of Action"
