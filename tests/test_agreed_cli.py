"""`concordia agreed`, `concordia compare` and restatements in `concordia links`, run as a
delegate runs them."""

from __future__ import annotations

import json
import subprocess
import sys


def concordia(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, check=False, input=stdin)


def test_agreed_unit_json_finds_the_restating_paragraph_and_its_spans() -> None:
    """Guards the issue's example: UNGASS 1 (n) is found in 74/178 para. 29, where "world
    drug problem" and "Invites Member States to" lie outside every span."""
    result = concordia("agreed", "--unit", "UNGASS 1 (n)", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [(f["unit"], f["citation"], f["relation"]) for f in found] == [
        ("res74-178/29", "A/RES/74/178, para. 29", "changed")]
    first = found[0]
    assert 0.9 < first["score"] < 1
    text = first["text"]
    for words in ("world drug problem", "Invites Member States to"):
        where = text.index(words)
        assert all(end <= where or start >= where + len(words) for start, end in first["spans"])
    assert text[first["spans"][0][0]:].startswith("promote cooperation with and technical")


def test_agreed_text_from_standard_input_sees_through_extraction_damage() -> None:
    """Guards pasted text (`-`): split words, a dropped hyphen, a glued footnote number and a
    paragraph number, found in both instruments, best first."""
    pasted = ("1. (m) Promote the inclusion in national drug policies, in accordance with "
              "national legislation an d as appropriate, of elements for the prevention and "
              "treatment of drug overdose, in particular opioid overdose, including the use of "
              "opioid receptor antagonists such as naloxone to reduce drugrelated mortality12;")
    result = concordia("agreed", "-", "--json", stdin=pasted)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    # 74/178 para. 28 carries the whole wording too, behind its new opening verb.
    assert [(f["unit"], f["relation"]) for f in found] == [
        ("ungass2016/1(m)", "same"), ("res74-178/28", "same")]
    assert found[0]["score"] == 1.0 > found[1]["score"]


def test_agreed_prints_history_oldest_first_and_filters_by_instrument() -> None:
    """Guards the plain output (oldest instrument first, matching words in «»), and
    --instrument."""
    phrase = "opioid receptor antagonists such as naloxone to reduce drug-related mortality"
    lines = concordia("agreed", phrase).stdout.splitlines()
    assert lines[0] == "A/RES/S-30/1, annex, para. 1 (m)  [ungass2016/1(m)]  same, score 0.70"
    assert "«opioid receptor antagonists such as naloxone to reduce drug-related mortality»" \
        in lines[1]
    assert lines[2].startswith("A/RES/74/178, para. 28  [res74-178/28]  same")
    only = json.loads(concordia("agreed", phrase, "--instrument", "res74-178", "--json").stdout)
    assert [f["unit"] for f in only] == ["res74-178/28"]


def test_agreed_boilerplate_is_an_empty_answer() -> None:
    """Guards "exit 0 with [] when nothing beyond boilerplate is shared"."""
    result = concordia("agreed", "--json", "in accordance with national legislation and the "
                                           "three international drug control conventions")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
    plain = concordia("agreed", "the purposes and principles of the Charter of the United "
                                "Nations")
    assert plain.returncode == 0
    assert plain.stdout.startswith("Not found")


def test_agreed_needs_one_wording() -> None:
    """Guards the usage error: neither text nor --unit."""
    assert concordia("agreed").returncode == 2


def test_compare_prints_a_plain_redline() -> None:
    """Guards `concordia compare`: both citations, then [-deleted-]{+inserted+}."""
    result = concordia("compare", "UNGASS 1 (n)", "74/178 29")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["- A/RES/S-30/1, annex, para. 1 (n)  [ungass2016/1(n)]",
                         "+ A/RES/74/178, para. 29  [res74-178/29]"]
    assert lines[3].startswith("[-Promote-] {+Invites Member States to promote+} cooperation "
                               "with and technical assistance to the States most affected by "
                               "the [-transit of drugs-] {+world drug problem+} in developing")


def test_links_prints_restatements_with_their_relation() -> None:
    """Guards `concordia links`: restatements both ways, with relation, score and share."""
    forward = concordia("links", "74/178 28").stdout
    assert ("→ A/RES/S-30/1, annex, para. 1 (m)  [ungass2016/1(m)]  (restates, changed; "
            "score 0.97, 95% of words in common)") in forward
    back = concordia("links", "UNGASS 1 (n)").stdout
    assert "← A/RES/74/178, para. 29  [res74-178/29]  (restates, changed;" in back


def test_agreed_commands_never_import_qt() -> None:
    """Guards DESIGN.md §4: window-less commands answer without PySide6."""
    code = ("import sys; from desktop.cli import main; main(['agreed', 'naloxone opioid "
            "receptor antagonists overdose mortality']); main(['compare', 'UNGASS 1 (n)', "
            "'74/178 29']); assert not any(m.startswith('PySide6') for m in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_search_by_opening_verb() -> None:
    """Guards `concordia search --opening`: every paragraph that urges, without other words."""
    result = concordia("search", "--opening", "urges", "-i", "res74-178", "--limit", "50")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("res74-178/13 ")
    assert lines[1] == ("    [Urges] Member States to address the relevant socioeconomic factors "
                        "that relate to the world drug problem…")
    assert sum(1 for line in lines if line.startswith("res74-178/")) == 11
    assert concordia("search").returncode == 2


def test_corpus_check_reports_the_restatements() -> None:
    """Guards `corpus check`: the agreed language found, per pair of instruments."""
    lines = concordia("corpus", "check").stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Agreed language ("))
    assert "  res74-178   → ungass2016  77 changed, 11 partial" in lines[start:start + 6]
