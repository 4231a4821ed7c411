"""`concordia notes …` as a delegate uses it, each call a separate process."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from notes_corpus import Texts

ROOT = Path(__file__).resolve().parents[3]


def concordia(*args: str, data_dir: Path, corpus: Path | None = None,
              author: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("CONCORDIA_AUTHOR", None)
    if corpus is not None:
        env["CONCORDIA_CORPUS"] = str(corpus)
    if author is not None:
        env["CONCORDIA_AUTHOR"] = author
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir),
                           "notes", *args], capture_output=True, text=True, check=False,
                          cwd=ROOT, env=env)


def test_add_list_remove_restore(tmp_path: Path) -> None:
    """Guards the everyday command line: add prints only the id, list shows the UN citation,
    --json the documented fields, remove and restore go through the trash."""
    data = tmp_path / "somewhere"
    added = concordia("add", "res74-178/19", "--quote", "increase the availability",
                      "--category", "Agreed language", "--note", "Keep *as is*",
                      "--tag", "access", "--tag", "medicines",
                      "--meeting", "CND 69, informal consultations, 12 March", data_dir=data,
                      author="Delegation of X")
    assert added.returncode == 0, added.stderr
    assert added.stdout == "1\n"
    assert (data / "notes.sqlite").is_file()
    note = concordia("add", "PoA 41 (g)", "--note", "whole paragraph", data_dir=data)
    assert note.stdout == "2\n", note.stderr

    listed = concordia("list", data_dir=data)
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["ID", "CITATION", "CATEGORY", "QUOTE", "NOTE", "TAGS"]
    assert lines[1].split("  ")[0:2] == [" 1", "A/RES/74/178, para. 19"]
    assert "Agreed language" in lines[1] and "“increase the availability”" in lines[1]
    assert "#access #medicines" in lines[1]
    assert "Plan of Action (2009), para. 41 (g)" in lines[2] and "(whole unit)" in lines[2]

    data_json = json.loads(concordia("list", "--json", data_dir=data).stdout)
    first = data_json[0]
    assert {k: first[k] for k in ("id", "unit", "category", "quote", "note", "tags",
                                  "meeting", "author")} == {
        "id": 1, "unit": "res74-178/19", "category": "Agreed language",
        "quote": "increase the availability", "note": "Keep *as is*",
        "tags": ["access", "medicines"], "meeting": "CND 69, informal consultations, 12 March",
        "author": "Delegation of X"}
    assert first["created"] == first["modified"] and first["created"].endswith("Z")
    assert data_json[1]["unit"] == "poa2009/41(g)" and data_json[1]["quote"] is None

    removed = concordia("remove", "1", data_dir=data)
    assert removed.returncode == 0 and "trash" in removed.stdout
    assert [a["id"] for a in json.loads(concordia("list", "--json", data_dir=data).stdout)] \
        == [2]
    assert "A/RES/74/178, para. 19" in concordia("list", "--trash", data_dir=data).stdout
    restored = concordia("restore", "1", data_dir=data)
    assert restored.stdout == "1: restored to A/RES/74/178, para. 19\n"
    assert len(json.loads(concordia("list", "--json", data_dir=data).stdout)) == 2


def test_a_quote_not_in_the_unit_is_refused(tmp_path: Path) -> None:
    """Guards bad input: a misspelt quote is refused with the closest passage; nothing is
    stored; an unknown unit and an ambiguous citation are refused too."""
    data = tmp_path / "data"
    refused = concordia("add", "res74-178/19", "--quote", "increase the avialability",
                        data_dir=data)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "the quote does not occur in res74-178/19: “increase the avialability”" \
        in refused.stderr
    assert "closest passage: “increase the availability,”" in refused.stderr
    assert concordia("list", "--json", data_dir=data).stdout.strip() == "[]"
    unknown = concordia("add", "PoA 999", data_dir=data)
    assert unknown.returncode == 1 and "no para. 999" in unknown.stderr
    ambiguous = concordia("add", "OP 19", data_dir=data)
    assert ambiguous.returncode == 1 and "res74-178/19" in ambiguous.stderr


def test_review_after_the_corpus_changed(tmp_path: Path,
                                         make_corpus: Callable[[str, Texts], Path]) -> None:
    """Guards the review list on the command line: the change is reported, the item shows
    the old quote and the candidate, and --accept, --move and --archive settle items."""
    before = make_corpus("before", {"t": [
        ("1", "Urges States to strengthen cooperation in the field of drug demand reduction."),
        ("2", "Welcomes the work of the Commission on Narcotic Drugs."),
        ("3", "Notes with concern the rise in synthetic drugs.")]})
    after = make_corpus("after", {"t": [
        ("1", "Urges States to enhance cooperation in the field of drug demand reduction."),
        ("2", "Takes note of the report of the Board."),
        ("3", "Welcomes the work of the Commission on Narcotic Drugs.")]})
    data = tmp_path / "data"
    for unit, quote in (("t/1", "strengthen cooperation"), ("t/2", "the work of the"),
                        ("t/3", "synthetic drugs"), ("t/3", "the rise")):
        result = concordia("add", unit, "--quote", quote, data_dir=data, corpus=before)
        assert result.returncode == 0, result.stderr

    listed = concordia("list", data_dir=data, corpus=after)
    assert "the corpus text changed" in listed.stderr
    assert "2: t/2 → t/3" in listed.stderr
    assert "3 could not be re-attached with confidence" in listed.stderr
    assert "[review]" in listed.stdout

    review = concordia("review", data_dir=data, corpus=after)
    assert review.returncode == 0
    assert "1: the quoted words changed" in review.stdout
    assert "was:          “strengthen cooperation” (t/1)" in review.stdout
    assert "candidate 1:  TEST/t, para. 1 (t/1): “enhance cooperation”" in review.stdout
    assert "3: the quoted words are no longer in t/3" in review.stdout

    accepted = concordia("review", "1", "--accept", data_dir=data, corpus=after)
    assert accepted.stdout == "1: attached at TEST/t, para. 1\n", accepted.stderr
    moved = concordia("review", "3", "--move", "t/2", "--quote", "the report", data_dir=data,
                      corpus=after)
    assert moved.stdout == "3: attached at TEST/t, para. 2\n", moved.stderr
    archived = concordia("review", "4", "--archive", data_dir=data, corpus=after)
    assert archived.returncode == 0
    assert concordia("review", data_dir=data, corpus=after).stdout == \
        "the review list is empty\n"
    final = {a["id"]: (a["unit"], a["quote"], a["status"])
             for a in json.loads(concordia("list", "--json", data_dir=data,
                                           corpus=after).stdout)}
    assert final == {1: ("t/1", "enhance cooperation", "ok"),
                     2: ("t/3", "the work of the", "ok"),
                     3: ("t/2", "the report", "ok")}
    archived_list = json.loads(concordia("list", "--archived", "--json", data_dir=data,
                                         corpus=after).stdout)
    assert [(a["id"], a["quote"], a["status"]) for a in archived_list] == [
        (4, "the rise", "archived")]


def test_a_corrupt_database_is_reported_and_recovered(tmp_path: Path) -> None:
    """Guards the command line on a damaged database: exit 2, the file untouched, the
    newest backup offered; `notes recover` restores it and keeps the damaged file."""
    data = tmp_path / "data"
    concordia("add", "res74-178/19", data_dir=data)
    concordia("config", "--author", "X", data_dir=data)  # opens again: the day's backup
    path = data / "notes.sqlite"
    for companion in ("notes.sqlite-wal", "notes.sqlite-shm"):
        (data / companion).unlink(missing_ok=True)
    path.write_bytes(b"garbage" * 1000)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    failed = concordia("list", data_dir=data)
    assert failed.returncode == 2
    assert "cannot be read: it is not an SQLite database" in failed.stderr
    assert "1 annotation)" in failed.stderr and "concordia notes recover" in failed.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest

    recovered = concordia("recover", data_dir=data)
    assert recovered.returncode == 0, recovered.stderr
    assert "restored notes.sqlite from notes-" in recovered.stdout
    kept = [p for p in data.iterdir() if p.name.startswith("notes.sqlite.damaged-")]
    assert len(kept) == 1 and hashlib.sha256(kept[0].read_bytes()).hexdigest() == digest
    assert [a["unit"] for a in json.loads(concordia("list", "--json",
                                                    data_dir=data).stdout)] == [
        "res74-178/19"]
    again = concordia("recover", data_dir=data)
    assert again.returncode == 1 and "--force" in again.stderr


def test_categories_and_author_setting(tmp_path: Path) -> None:
    """Guards the settings on the command line: the author setting is used for new notes,
    CONCORDIA_AUTHOR overrides it; categories can be added and removed."""
    data = tmp_path / "data"
    assert "author: A. Delegate" in concordia("config", "--author", "A. Delegate",
                                              data_dir=data).stdout
    concordia("add", "res74-178/19", data_dir=data)
    concordia("add", "res74-178/19", data_dir=data, author="Someone Else")
    authors = [a["author"] for a in json.loads(concordia("list", "--json",
                                                         data_dir=data).stdout)]
    assert authors == ["A. Delegate", "Someone Else"]
    shown = concordia("category", "add", "Ask the chair", "--colour", "#abcdef",
                      data_dir=data).stdout
    assert "#abcdef  Ask the chair" in shown
    removed = concordia("category", "remove", "Red line", data_dir=data).stdout
    assert "Red line" not in removed


def test_notes_commands_load_no_pyside6() -> None:
    """Guards the command-line contract: `concordia notes` answers without importing Qt."""
    code = (
        "import sys\n"
        "from desktop.cli import main\n"
        "assert main(['notes', 'list']) == 0\n"
        "assert main(['notes', 'add', 'res74-178/19', '--quote', 'Urges']) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'PySide6 loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
