"""Hostile or unlucky input, each through `concordia` in a child process: control sequences
in notes and sources, oversized notes, bytes that are not UTF-8, absurd ids, a reader that
stops reading, retried adds, a read-only folder and a full disk."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_helpers import CHILD_TIMEOUT, QUOTE, ROOT, UNIT, checkpoint, concordia, digest, fill

from desktop.core.notes.errors import BadInput
from desktop.core.notes.store import MAX_NOTE, AnnotationStore

HOSTILE = "\x1b[2J\x1b]0;owned\x07 é — العربية 中文 \u202eevil\u202c\x00 end"
SHOWN = "\\u001b[2J\\u001b]0;owned\\u0007 é — العربية 中文 \\u202eevil\\u202c\\u0000 end"
CONTROLS = ("\x1b", "\x07", "\x00", "\u202e", "\u202c")


def test_control_sequences_in_a_note_are_shown_not_obeyed(tmp_path: Path) -> None:
    """A note can no longer clear the screen or set the window title: `notes list` writes
    each control character as a visible escape, printable text (é, —, Arabic, Chinese) as
    it is; `--json` decodes to the exact string; messages quoting what was typed too."""
    data = tmp_path / "data"
    added = concordia("notes", "add", UNIT, "--note", HOSTILE.replace("\x00", ""),
                      "--tag", "\x1b[31mred", data_dir=data)
    assert added.returncode == 0, added.stderr
    listed = concordia("notes", "list", data_dir=data)
    assert listed.returncode == 0
    assert not any(c in listed.stdout for c in CONTROLS)
    assert SHOWN.replace("\\u0000", "")[:40] in listed.stdout
    assert "#\\u001b[31mred" in listed.stdout
    exact = json.loads(concordia("notes", "list", "--json", data_dir=data).stdout)
    assert exact[0]["note"] == HOSTILE.replace("\x00", "")
    assert exact[0]["tags"] == ["\x1b[31mred"]
    refused = concordia("notes", "add", UNIT, "--category", "\x1b]0;title\x07", data_dir=data)
    assert refused.returncode == 1
    assert "there is no category “\\u001b]0;title\\u0007”" in refused.stderr
    assert not any(c in refused.stderr for c in CONTROLS)


def test_control_sequences_in_a_source_are_shown_not_obeyed(tmp_path: Path) -> None:
    """`show` and `search` print the corpus's text: a source carrying control sequences is
    escaped the same way (search's own bold marks stay ours)."""
    sys.path.insert(0, str(ROOT / "tests" / "core" / "notes"))
    try:
        from notes_corpus import write_corpus
    finally:
        sys.path.pop(0)
    corpus = write_corpus(tmp_path / "corpus.sqlite", {
        "inst": [("1", "Welcomes the availability " + HOSTILE.replace("\x00", ""))]})
    shown = concordia("show", "inst/1", corpus=corpus, data_dir=tmp_path / "data")
    assert shown.returncode == 0, shown.stderr
    assert not any(c in shown.stdout for c in CONTROLS)
    assert "\\u001b[2J\\u001b]0;owned\\u0007 é — العربية 中文 \\u202eevil" in shown.stdout
    found = concordia("search", "availability", corpus=corpus, data_dir=tmp_path / "data")
    assert found.returncode == 0, found.stderr
    assert "Welcomes the [availability] \\u001b[2J" in found.stdout
    assert not any(c in found.stdout for c in CONTROLS)


def test_a_note_over_the_size_limit_is_refused_everywhere(tmp_path: Path) -> None:
    """A 4.4 MB note took 11 s to render: a note holds at most MAX_NOTE characters, refused
    with a clear message by the command line and by the store itself (window, import)."""
    data = tmp_path / "data"
    big = "x" * (MAX_NOTE + 1)
    refused = concordia("notes", "add", UNIT, "--note", big, data_dir=data)
    assert refused.returncode == 1
    assert refused.stderr == ("concordia: the note is 100,001 characters long; a note holds "
                              "at most 100,000 (about 30 pages). Nothing was saved: shorten "
                              "it, or keep the long text in a document and cite it in the "
                              "note.\n")
    ok = concordia("notes", "add", UNIT, "--note", "x" * MAX_NOTE, data_dir=data)
    assert ok.returncode == 0 and ok.stdout == "1\n"
    edited = concordia("notes", "edit", "1", "--note", big, data_dir=data)
    assert edited.returncode == 1 and "a note holds at most 100,000" in edited.stderr
    with AnnotationStore.open(data / "notes.sqlite") as store:
        note = store.get(1)
        assert note is not None
        with pytest.raises(BadInput, match="4,400,000 characters long"):
            store.add(note.anchor, note="y" * 4_400_000)
        assert store.count() == 1


def test_arguments_that_are_not_utf8_are_refused_with_a_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "notes", "add", UNIT,
         "--note", b"caf\xe9 \xff"], capture_output=True, cwd=ROOT, check=False,
        timeout=CHILD_TIMEOUT)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "concordia: argument 7 (“caf\ufffd \ufffd”) is not valid UTF-8 text; nothing was "
        "done. Type it again, or convert the text it came from to UTF-8.\n")
    assert not (data / "notes.sqlite").exists()


@pytest.mark.parametrize("action", [("edit", "{}", "--note", "x"), ("remove", "{}"),
                                    ("restore", "{}"), ("review", "{}")])
def test_an_absurd_id_is_not_found_not_a_traceback(tmp_path: Path,
                                                   action: tuple[str, ...]) -> None:
    huge = "99999999999999999999999"
    result = concordia("notes", *(a.format(huge) for a in action), data_dir=tmp_path / "d")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"annotation {huge}" in result.stderr


@pytest.mark.parametrize("command", [("search", "the", "--limit", "5000"),
                                     ("notes", "list", "--json")])
def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path,
                                                              command: tuple[str, ...]) -> None:
    """`concordia … | head -1` used to end in a BrokenPipeError traceback."""
    data = tmp_path / "data"
    fill(data / "notes.sqlite", [f"note {i} " + "words " * 40 for i in range(600)])
    env = dict(os.environ)
    with subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data),
                           *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          cwd=ROOT, env=env) as writer:
        assert writer.stdout is not None and writer.stderr is not None
        head = subprocess.run(["head", "-n", "1"], stdin=writer.stdout, capture_output=True,
                              check=False, timeout=CHILD_TIMEOUT)
        writer.stdout.close()
        errors = writer.stderr.read().decode()
        writer.wait(timeout=CHILD_TIMEOUT)
    assert len(head.stdout.splitlines()) == 1
    assert errors == ""
    assert writer.returncode == 1


def test_an_add_retried_with_the_same_key_adds_nothing(tmp_path: Path) -> None:
    """A killed `notes add` can commit without printing its id: a retry with the same
    --id-key prints the same id and adds nothing."""
    data = tmp_path / "data"
    key = "6f1c5a0e-retry-key"
    first = concordia("notes", "add", UNIT, "--quote", QUOTE, "--note", "once",
                      "--id-key", key, data_dir=data)
    again = concordia("notes", "add", UNIT, "--quote", QUOTE, "--note", "once",
                      "--id-key", key, data_dir=data)
    other = concordia("notes", "add", UNIT, "--note", "twice", "--id-key", "another",
                      data_dir=data)
    assert (first.stdout, again.stdout, other.stdout) == ("1\n", "1\n", "2\n")
    notes = json.loads(concordia("notes", "list", "--json", data_dir=data).stdout)
    assert sorted((a["id"], a["note"]) for a in notes) == [(1, "once"), (2, "twice")]


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="concordia-faults-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder)


def _as_another_user() -> None:
    """In the child: as root, become `nobody`, for whom the folder is really read-only."""
    if os.geteuid() == 0:
        os.setgid(65534)
        os.setuid(65534)


POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes and rlimits are POSIX")


@POSIX
def test_a_read_only_folder_still_shows_the_notes(shared_dir: Path) -> None:
    """Reading used to fail ("unable to open database file"); now the notes are listed
    read-only, and an add says which folder is read-only, changing nothing."""
    data = shared_dir / "data"
    fill(data / "notes.sqlite", ["kept"])
    checkpoint(data / "notes.sqlite")
    for path in [*data.rglob("*"), data]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = digest(data / "notes.sqlite")
    env = {"HOME": str(shared_dir)}
    listed = concordia("notes", "list", "--json", data_dir=data, env=env,
                       preexec=_as_another_user)
    assert listed.returncode == 0, listed.stderr
    assert [a["note"] for a in json.loads(listed.stdout)] == ["kept"]
    assert f"the folder {data} is read-only" in listed.stderr
    added = concordia("notes", "add", UNIT, data_dir=data, env=env, preexec=_as_another_user)
    assert added.returncode == 2
    assert "The annotation was not saved: the notes are open read-only." in added.stderr
    assert f"the folder {data} is read-only" in added.stderr
    assert digest(data / "notes.sqlite") == before


def _disk_full() -> None:
    """In the child: no file may grow past 16 KB, as on a disk with no space left."""
    import resource  # POSIX only

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16_384, 16_384))


@POSIX
def test_a_full_disk_still_shows_the_notes(tmp_path: Path) -> None:
    """Reading used to fail ("disk I/O error"); now the notes are listed read-only, the add
    is refused naming the database and the cause, and nothing is changed."""
    data = tmp_path / "data"
    fill(data / "notes.sqlite", ["kept"])
    checkpoint(data / "notes.sqlite")
    before = digest(data / "notes.sqlite")
    listed = concordia("notes", "list", "--json", data_dir=data, preexec=_disk_full)
    assert listed.returncode == 0, listed.stderr
    assert [a["note"] for a in json.loads(listed.stdout)] == ["kept"]
    added = concordia("notes", "add", UNIT, data_dir=data, preexec=_disk_full)
    assert added.returncode == 2, added.stdout
    assert f"the notes database {data / 'notes.sqlite'} cannot be written: " in added.stderr
    assert "disk I/O error" in added.stderr
    assert digest(data / "notes.sqlite") == before
