"""The command line as a delegate uses it: `concordia show`, `corpus check`, errors."""

from __future__ import annotations

import subprocess
import sys

import pytest


def concordia(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, check=False)


def test_show_prints_citation_and_exact_text() -> None:
    """Guards `concordia show res74-178/19`: UN citation, id, then the paragraph."""
    result = concordia("show", "res74-178/19")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["A/RES/74/178, para. 19", "[res74-178/19]"]
    body = " ".join(lines[3:])
    assert body.startswith("19. Urges Member States to increase the availability, coverage")
    assert body.endswith("to provide or recommend counselling, prevention and care services;")


@pytest.mark.parametrize(("typed", "citation"), [
    ("PoA 41 (g)", "Plan of Action (2009), para. 41 (g)"),
    ("Plan of Action 41 g", "Plan of Action (2009), para. 41 (g)"),
    ("UNGASS 1 (a)", "A/RES/S-30/1, annex, para. 1 (a)"),
    ("PD 36 c", "Political Declaration (2009), para. 36 (c)"),
    ("pp3 74/178", "A/RES/74/178, third preambular paragraph"),
])
def test_show_accepts_typed_citations(typed: str, citation: str) -> None:
    """Guards `show` with the citations delegates type."""
    result = concordia("show", typed)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == citation


def test_show_lists_candidates_of_an_ambiguous_citation() -> None:
    """Guards ambiguity: "OP 19" names three instruments and shows none of them."""
    result = concordia("show", "OP 19")
    assert result.returncode == 1
    assert "res74-178/19" in result.stdout and "poa2009/19" in result.stdout


def test_show_refuses_nonsense_with_a_message() -> None:
    """Guards bad input: a unit that does not exist gets a clear message, exit 1."""
    result = concordia("show", "PoA 999")
    assert result.returncode == 1
    assert "no para. 999" in result.stderr


def test_show_includes_subparagraphs_and_footnotes() -> None:
    """Guards `show` of a chapeau: its subparagraphs follow, roman ones indented deeper."""
    result = concordia("show", "pd2009/24")
    assert result.returncode == 0
    assert "    (b) Such crop control strategies include, inter alia:" in result.stdout
    assert "        (ii) Eradication;" in result.stdout


def test_corpus_check_passes_and_lists_repairs() -> None:
    """Guards `concordia corpus check`: exit 0 on the committed corpus, every repair listed."""
    result = concordia("corpus", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[hyphen-join]" in result.stdout
    assert "corpus.sqlite is up to date with the sources." in result.stdout


def test_links_command_answers_both_ways() -> None:
    """Guards `concordia links`: UNGASS 1 (a) lists its 2009 counterparts with the table's
    printed reference; Plan of Action 4 (a) lists the UNGASS items citing it."""
    forward = concordia("links", "ungass2016/1(a)")
    assert forward.returncode == 0, forward.stderr
    assert forward.stdout.splitlines()[0] == ("A/RES/S-30/1, annex, para. 1 (a)  "
                                               "[ungass2016/1(a)]")
    assert "→ Plan of Action (2009), para. 4 (a)  [poa2009/4(a)]" in forward.stdout
    assert "“Action 4.a”, line 3" in forward.stdout
    backward = concordia("links", "PoA 4 (a)")
    assert "← A/RES/S-30/1, annex, para. 1 (a)  [ungass2016/1(a)]" in backward.stdout


def test_links_command_adds_the_indirect_correspondences() -> None:
    """Guards the way between the two 2009 texts, which the table never links directly: the
    Political Declaration's para. 23 reaches Plan of Action 4 (a) through UNGASS 1 (a), which
    cites both ("OP 23" and "Action 4.a" on line 3 of the table); an UNGASS item, linked to
    both directly, gets no indirect section."""
    result = concordia("links", "Political Declaration 23")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    heading = lines.index("  Indirect, in the Plan of Action (2009): through the UNGASS items "
                          "that cite both")
    first = next(i for i, line in enumerate(lines) if line.startswith("  Indirect"))
    assert all(line.startswith("  ←") or line.startswith("      ")
               for line in lines[1:first])  # the direct links come first
    assert ("  ⇢ Plan of Action (2009), para. 4 (a)  [poa2009/4(a)]  (via UNGASS 1 (a))"
            in lines[heading:])
    assert "Indirect" not in concordia("links", "UNGASS 1 (a)").stdout


def test_links_command_tells_no_counterpart_from_not_covered() -> None:
    """Guards the two kinds of "nothing": the table's N/A, and an item it does not cover."""
    assert "no counterpart in the 2009 texts" in concordia("links", "UNGASS 1 (j)").stdout
    assert "Neither the concordance table nor agreed wording links this unit" in concordia(
        "links", "UNGASS 1 (p)").stdout


def test_search_command_prints_id_citation_and_marked_snippet() -> None:
    """Guards `concordia search naloxone`: id, citation, snippet with the match marked."""
    result = concordia("search", "naloxone")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "ungass2016/1(m)" in lines[0] or "res74-178/28" in lines[0]
    assert "[naloxone]" in result.stdout
    assert "A/RES/S-30/1, annex, para. 1 (m)" in result.stdout


def test_search_command_rejects_an_unknown_instrument() -> None:
    """Guards bad input: a filter naming no instrument gets the list of instruments."""
    result = concordia("search", "drug", "--instrument", "pd2019")
    assert result.returncode == 2
    assert result.stderr.startswith("concordia: there is no instrument “pd2019”; the "
                                    "instruments are: ungass2016, res74-178, pd2009, poa2009")


@pytest.mark.parametrize(("link", "arguments"), [
    ("concordia://open/ungass2016%2F1(a)", ["--open", "ungass2016/1(a)"]),
    ("concordia://open/poa2009%2F41%28g%29", ["--open", "poa2009/41(g)"]),
    ("CONCORDIA://open/res74-178/19", ["--open", "res74-178/19"]),
])
def test_concordia_links_open_the_unit(link: str, arguments: list[str]) -> None:
    """Guards the concordia:// scheme: the desktop passes the link, the window opens there."""
    from desktop.cli import _open_links

    assert _open_links([link]) == arguments


def test_malformed_concordia_link_is_refused_clearly() -> None:
    """Guards bad input: a link of another shape gets a message naming the right form."""
    result = concordia("concordia://delete/everything")
    assert result.returncode == 2
    assert "concordia://open/UNIT" in result.stderr


# The window's plain starts are read without argparse; every start that reading takes must read
# as argparse reads it, and every other is left to argparse.
_TAKEN = [
    [],
    ["--data-dir", "/tmp/data"],
    ["--open", "PoA 41 (g)"],
    ["--open", "search"],  # a command's name as a value is a value
    ["--open", ""],
    ["--lang", "fr", "--size", "1024x700", "--screenshot", "out.png", "--data-dir", "d"],
    ["--screenshot", "window.png", "--open", "ungass2016/1(a)"],
]
_LEFT = [
    ["--help"], ["-h"], ["--version"], ["search", "drug"], ["--open"], ["--open", "-x"],
    ["--open", "a", "--open", "b"], ["--data-dir=/tmp/data"], ["--data", "/tmp/data"],
    ["--open", "a", "extra"], ["--lang", "fr", "--nonsense", "x"], ["--size", "--"],
]


@pytest.mark.parametrize("arguments", _TAKEN)
def test_a_plain_window_start_reads_as_argparse_reads_it(
        arguments: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop import cli, paths

    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    quick = cli._window_arguments(arguments)
    assert quick is not None
    parsed, extra = cli._parser(arguments).parse_known_args(arguments)
    assert extra == []
    assert vars(quick) == vars(parsed)
    assert cli._arguments(arguments) == quick


@pytest.mark.parametrize("arguments", _LEFT)
def test_any_other_start_is_left_to_argparse(arguments: list[str]) -> None:
    from desktop import cli

    assert cli._window_arguments(arguments) is None


def test_a_plain_window_start_loads_no_argparse() -> None:
    code = ("import sys; from desktop import cli; cli._arguments(['--data-dir', 'd', '--open', "
            "'PoA 41 (g)']); print(sorted({'argparse', 'gettext', 'locale'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_mistyped_window_start_is_still_explained() -> None:
    result = concordia("--open")
    assert result.returncode == 2
    assert "--open: expected one argument" in result.stderr
