"""Sharing annotations between two installations with the real commands, each call a
separate process (so every step is also a restart)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.corpus import Corpus
from desktop.core.notes.database import store_path
from desktop.core.notes.service import NotesService

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "core" / "excerpts"))
from excerpts_data import fill  # noqa: E402

FIELDS = ("uuid", "unit", "end_unit", "start", "end", "quote", "category", "tags", "note",
          "meeting", "author", "private", "created", "modified")


def concordia(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("CONCORDIA_AUTHOR", None)
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, check=False, cwd=ROOT, env=env,
                          timeout=120)


def listed(data: Path) -> dict[str, dict[str, object]]:
    done = concordia(data, "notes", "list", "--json")
    assert done.returncode == 0, done.stderr
    return {a["uuid"]: {f: a[f] for f in FIELDS} for a in json.loads(done.stdout)}


@pytest.fixture
def mine(corpus: Corpus, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "mine"
    service = NotesService(store_path(folder), corpus)
    fill(service)
    service.close()
    yield folder


def test_share_round_trip_and_a_conflict_that_survives(mine: Path, tmp_path: Path) -> None:
    """Guards the delegation's workflow: export → import into an empty store gives the same
    annotations; a second import changes nothing; an annotation changed on both sides lands
    on the conflicts list, both versions kept across processes, until settled."""
    colleague = tmp_path / "colleague"
    sent = tmp_path / "to-colleague.jsonld"
    out = concordia(mine, "export", "--format", "jsonld", "-o", str(sent), "--include-private")
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"wrote {sent}: 4 annotations\n"

    first = concordia(colleague, "import", str(sent))
    assert first.returncode == 0, first.stderr
    assert first.stdout == ("imported to-colleague.jsonld: 4 added, 0 updated, 0 unchanged, "
                            "0 kept (changed here only), 0 conflicts\n")
    assert listed(colleague) == listed(mine)
    second = concordia(colleague, "import", str(sent))
    assert "0 added, 0 updated, 4 unchanged" in second.stdout
    assert listed(colleague) == listed(mine)

    assert concordia(mine, "notes", "edit", "4", "--note", "Ours: keep").returncode == 0
    theirs_id = next(str(a["id"]) for a in json.loads(
        concordia(colleague, "notes", "list", "--json").stdout) if a["unit"] == "res74-178/19")
    assert concordia(colleague, "notes", "edit", theirs_id, "--note", "Theirs: drop"
                     ).returncode == 0
    back = tmp_path / "back.jsonld"
    assert concordia(colleague, "export", "-o", str(back), "--include-private"
                     ).returncode == 0
    merged = concordia(mine, "import", str(back))
    assert merged.returncode == 0, merged.stderr
    assert "1 conflict" in merged.stdout and "`concordia notes conflicts`" in merged.stdout

    shown = concordia(mine, "notes", "conflicts")
    assert shown.returncode == 0
    assert "4: A/RES/74/178, para. 19 — changed here and in back.jsonld" in shown.stdout
    note_line = next(line for line in shown.stdout.splitlines() if "note" in line)
    assert note_line.startswith("  ≠ note") and "Ours: keep" in note_line \
        and "Theirs: drop" in note_line
    assert [a["note"] for a in listed(mine).values() if a["unit"] == "res74-178/19"] == [
        "Ours: keep"]

    settled = concordia(mine, "notes", "conflicts", "4", "--keep", "theirs")
    assert settled.stdout == "4: settled, their version kept\n"
    assert concordia(mine, "notes", "conflicts").stdout == "the conflicts list is empty\n"
    assert any(a["note"] == "Theirs: drop" for a in listed(mine).values())


@pytest.mark.parametrize("make, message", [
    (lambda text: text[: len(text) // 3], "is not valid JSON"),
    (lambda text: text.replace('"target"', '"aim"', 1), "it has no \"target\""),
    (lambda text: text.replace("res74-178%2F19", "res99-1%2F19"),
     "on res99-1/19, a unit this installation does not have"),
])
def test_a_bad_file_is_refused_and_nothing_changes(mine: Path, tmp_path: Path, make: object,
                                                   message: str) -> None:
    sent = tmp_path / "sent.jsonld"
    assert concordia(mine, "export", "-o", str(sent)).returncode == 0
    colleague = tmp_path / "colleague"
    assert concordia(colleague, "notes", "add", "pd2009/23").returncode == 0
    before = listed(colleague)
    bad = tmp_path / "bad.jsonld"
    bad.write_text(make(sent.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    refused = concordia(colleague, "import", str(bad))
    assert refused.returncode == 1
    assert message in refused.stderr and "nothing" in refused.stderr.lower()
    assert listed(colleague) == before


def test_a_50_mb_file_is_refused(mine: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.jsonld"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    refused = concordia(mine, "import", str(big))
    assert refused.returncode == 1
    assert "big.jsonld is 50.0 MB: Concordia imports files of up to 20 MB" in refused.stderr
