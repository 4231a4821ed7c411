"""Mistakes a new user made on the command line (issue 18) get the same helpful answer from
every command: an unknown instrument or category is named with the list and what was likely
meant, never an empty "no annotations"; a nonsensical --limit and a word beginning with "-"
say what to type instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

POA = ("there is no instrument “poa”; the instruments are: ungass2016, res74-178, pd2009, "
       "poa2009, cnd59-1, report2009 (did you mean “poa2009”?)")
RED_LINES = ("there is no category “Red lines”; the categories are: Agreed language, Our "
             "position, Red line, Fallback, Question, Check with capital (did you mean “Red "
             "line”?)")


def concordia(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CONCORDIA_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, check=False, env=env)


@pytest.mark.parametrize("command", [
    ("notes", "list", "--instrument", "poa"),
    ("search", "drug", "-i", "poa"),
    ("agreed", "drug policy", "-i", "poa"),
    ("export", "-o", "brief.md", "--instrument", "poa"),
])
def test_an_unknown_instrument_gets_one_message_everywhere(
        tmp_path: Path, command: tuple[str, ...]) -> None:
    result = concordia(tmp_path, *command)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == f"concordia: {POA}"
    assert result.stdout == ""


@pytest.mark.parametrize("command", [
    ("notes", "list", "--category", "Red lines"),
    ("notes", "add", "PoA 1", "--category", "Red lines"),
    ("export", "-o", "brief.md", "--category", "Red lines"),
])
def test_an_unknown_category_gets_one_message_everywhere(
        tmp_path: Path, command: tuple[str, ...]) -> None:
    result = concordia(tmp_path, *command)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == f"concordia: {RED_LINES}"
    assert result.stdout == ""


def test_a_known_category_in_other_letters_still_lists(tmp_path: Path) -> None:
    assert concordia(tmp_path, "notes", "add", "PoA 1", "--category", "Red line").returncode == 0
    listed = concordia(tmp_path, "notes", "list", "--category", "red line")
    assert listed.returncode == 0 and "Plan of Action (2009), para. 1" in listed.stdout


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_search_refuses_a_limit_below_one(tmp_path: Path, limit: str) -> None:
    result = concordia(tmp_path, "search", "drug", "--limit", limit)
    assert result.returncode == 2
    assert f"argument --limit: {limit} hits: give 1 or more" in result.stderr
    assert result.stdout == ""


def test_a_search_word_beginning_with_a_dash_says_to_put_double_dash_first(
        tmp_path: Path) -> None:
    result = concordia(tmp_path, "search", "-drug")
    assert result.returncode == 2
    assert result.stderr == ("concordia: “-drug” reads as an option; put -- before the words "
                             "to search for them as typed: concordia search -- -drug\n")
    accepted = concordia(tmp_path, "search", "--limit", "1", "--", "-drug")
    assert accepted.returncode == 0, accepted.stderr
    assert "[drug]" in accepted.stdout or "[Drug]" in accepted.stdout
