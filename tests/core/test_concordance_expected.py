"""The concordance table's links against an oracle typed by hand (issue 3).

`tests/fixtures/concordance_expected.json` records, for every reference token of
`resources/sources/concordance_ungass2016-to-pd2009-poa2009.txt`, the UNGASS unit it belongs to and
what became of it (link, repaired, no-counterpart, duplicate, noise, unresolved), decided by a
person reading the table and the instruments. `blocks` are the damaged rows, `clean_rows` the clean
single-line rows; together they hold every token, and `totals` counts them. Nothing in the file
comes from the parser: on a disagreement, read the table line the test names (and the `why` of
the fixture entry) before changing either side.

The `corpus` fixture (an opened `desktop.core.corpus.Corpus`) comes from `tests/conftest.py`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "concordance_expected.json"
EXPECTED = json.loads(FIXTURE.read_text(encoding="utf-8"))
BLOCKS = EXPECTED["blocks"]
TOKENS = [tok for block in BLOCKS for tok in block["tokens"]] + [
    tok for row in EXPECTED["clean_rows"] for tok in row["tokens"]
]
OUTCOMES = ("link", "repaired", "no-counterpart", "duplicate", "noise", "unresolved")
RESOLVED = ("link", "repaired")
KIND = "concordance"


def _grouped(tokens) -> dict[tuple[int, str], list]:
    """Tokens by (source line, raw text): the same raw text can occur twice on one line."""
    groups: dict[tuple[int, str], list] = defaultdict(list)
    for tok in tokens:
        line, raw = (tok["line"], tok["raw"]) if isinstance(tok, dict) else (tok.line, tok.raw)
        groups[(line, raw)].append(tok)
    return groups


EXPECTED_GROUPS = _grouped(TOKENS)


def _verdict(tok) -> tuple[str, str, str, str]:
    """What the oracle pins for a token: unit, outcome, target, and the rule when repaired."""
    if isinstance(tok, dict):
        unit, outcome, target, rule = tok["unit"], tok["outcome"], tok["target"], tok["rule"]
    else:
        unit, outcome, target, rule = tok.unit, tok.outcome, tok.target, tok.rule
    return (unit or "", outcome, target or "", (rule or "") if outcome == "repaired" else "")


def _concordance_links(corpus, unit_id: str) -> list:
    return [link for link in corpus.links(unit_id) if link.kind == KIND]


@pytest.fixture(scope="module")
def actual_groups(corpus) -> dict[tuple[int, str], list]:
    return _grouped(corpus.concordance_tokens())


@pytest.mark.parametrize(
    ("line", "raw"),
    sorted(EXPECTED_GROUPS),
    ids=[f"line{ln}:{raw}" for ln, raw in sorted(EXPECTED_GROUPS)],
)
def test_token_matches_oracle(actual_groups, line: int, raw: str) -> None:
    """Each printed token gets the hand-decided unit, outcome, target and repair rule.

    Guards the whole chain: tokenising the right column, assigning overflowing, merged and
    repeated rows to the right recommendation, applying the repair rules, and refusing to guess
    (unresolved) when no rule applies.
    """
    expected = sorted(_verdict(tok) for tok in EXPECTED_GROUPS[(line, raw)])
    actual = sorted(_verdict(tok) for tok in actual_groups.get((line, raw), []))
    assert actual == expected, f"line {line} {raw!r}: see the table and the fixture's 'why'"


@pytest.mark.parametrize(
    "block", BLOCKS, ids=[f"lines{b['lines'][0]}-{b['lines'][1]}" for b in BLOCKS]
)
def test_damaged_block_has_no_other_tokens(corpus, block) -> None:
    """A damaged block's lines yield exactly the oracle's tokens: nothing invented, none lost.

    Guards against noise or repeated fragments being split into extra tokens, and against
    references beside labels or sub-headings being dropped.
    """
    first, last = block["lines"]
    expected = Counter((tok["line"], tok["raw"]) for tok in block["tokens"])
    actual = Counter(
        (tok.line, tok.raw) for tok in corpus.concordance_tokens() if first <= tok.line <= last
    )
    assert actual == expected


def test_oracle_totals_add_up() -> None:
    """The fixture's own totals agree with its tokens (guards the hand count itself)."""
    totals = EXPECTED["totals"]
    counted = Counter(tok["outcome"] for tok in TOKENS)
    assert set(counted) <= set(OUTCOMES)
    assert {key: counted.get(key, 0) for key in OUTCOMES} == {key: totals[key] for key in OUTCOMES}
    assert len(TOKENS) == totals["tokens"] == sum(totals[key] for key in OUTCOMES)
    rules = Counter(rule for tok in TOKENS if tok["outcome"] == "repaired"
                    for rule in tok["rule"].split(","))
    assert dict(rules) == EXPECTED["repaired_by_rule"]


def test_totals_match(corpus) -> None:
    """Every token of the table is accounted for, and the counts per outcome are the oracle's.

    Guards the issue's rule that links, repairs, no-counterpart markers, duplicates, noise and
    unresolved entries add up to the number of reference tokens in the table.
    """
    tokens = corpus.concordance_tokens()
    totals = EXPECTED["totals"]
    counted = Counter(tok.outcome for tok in tokens)
    assert set(counted) <= set(OUTCOMES)
    assert len(tokens) == totals["tokens"]
    assert {key: counted.get(key, 0) for key in OUTCOMES} == {key: totals[key] for key in OUTCOMES}


def test_repairs_per_rule_match(corpus) -> None:
    """Each repair rule fires exactly as often as the oracle says (pins every rule)."""
    rules = Counter(rule for tok in corpus.concordance_tokens() if tok.outcome == "repaired"
                    for rule in tok.rule.split(","))
    assert dict(rules) == EXPECTED["repaired_by_rule"]


def test_every_link_target_exists(corpus) -> None:
    """No link or repair points at a unit the 2009 text does not have.

    Guards the boundary between a repair and a guess: a reference to a missing subparagraph must
    end up unresolved, never as a link to a made-up id.
    """
    for tok in TOKENS:
        if tok["outcome"] in RESOLVED:
            assert corpus.unit(tok["target"]) is not None, f"fixture target {tok['target']}"
    for tok in corpus.concordance_tokens():
        if tok.outcome in RESOLVED:
            assert tok.target and corpus.unit(tok.target) is not None, (tok.line, tok.raw)
        if tok.outcome in ("no-counterpart", "noise", "unresolved"):
            assert tok.target is None, (tok.line, tok.raw)
    for link in [*corpus.all_links(KIND)]:
        assert link.target is None or corpus.unit(link.target) is not None, link


@pytest.mark.parametrize(
    "tok",
    [t for t in TOKENS if t["outcome"] in RESOLVED],
    ids=[f"line{t['line']}:{t['raw']}" for t in TOKENS if t["outcome"] in RESOLVED],
)
def test_resolved_token_is_a_link(corpus, tok) -> None:
    """A link or repaired token is a concordance link from its UNGASS unit, with line and raw.

    Guards what `concordia links` shows: the target, and the table's printed reference.
    """
    links = _concordance_links(corpus, tok["unit"])
    assert any(
        link.source == tok["unit"]
        and link.target == tok["target"]
        and link.line == tok["line"]
        and link.raw == tok["raw"]
        for link in links
    )


@pytest.mark.parametrize(
    "tok",
    [t for t in TOKENS if t["outcome"] == "no-counterpart"],
    ids=[f"line{t['line']}:{t['unit']}" for t in TOKENS if t["outcome"] == "no-counterpart"],
)
def test_no_counterpart_is_a_link_without_target(corpus, tok) -> None:
    """'N/A' and '-' become a link with target None ("the table says there is no counterpart").

    Guards the distinction between an item the table marks as having no counterpart and an item
    the table does not cover.
    """
    links = _concordance_links(corpus, tok["unit"])
    assert any(
        link.source == tok["unit"]
        and link.target is None
        and link.line == tok["line"]
        and link.raw == tok["raw"]
        for link in links
    )


@pytest.mark.parametrize("unit_id", EXPECTED["uncovered"])
def test_uncovered_recommendation_has_no_link(corpus, unit_id: str) -> None:
    """A recommendation the table does not cover has no concordance link at all (not even None).

    Guards the other side of the no-counterpart distinction: silence is not "N/A".
    """
    assert _concordance_links(corpus, unit_id) == []
    assert not [tok for tok in corpus.concordance_tokens() if tok.unit == unit_id]
