"""The notes database damaged as a disk, a sync tool or a crash damages it; `concordia notes`
run in a child process, as the delegate would meet the fault. Nothing acknowledged is lost
without a word, a damaged file is never written to, and recovery brings back every row that
can still be read."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from fault_helpers import (
    CHILD_TIMEOUT,
    QUOTE,
    ROOT,
    UNIT,
    checkpoint,
    concordia,
    digest,
    fill,
    pages_of,
    scribble,
)

from desktop.core.notes import backups
from desktop.core.notes.errors import StoreReplaced
from desktop.core.notes.store import AnnotationStore, utc_now


def notes_with_todays_backup(data: Path, before: int = 40, after: int = 5) -> Path:
    """`before` notes, the day's backup (taken when the store is opened again), then `after`
    more; the write-ahead log folded in, as after a clean shutdown."""
    path = data / "notes.sqlite"
    fill(path, [f"note {i}" for i in range(before)])
    fill(path, [f"note {i}" for i in range(before, before + after)])
    assert [b.reason for b in backups.backups(backups.folder_of(path))] == ["daily"]
    checkpoint(path)
    return path


def listed(data: Path) -> list[dict[str, object]]:
    result = concordia("notes", "list", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_damaged_table_page_refuses_writes_and_recovery_salvages_the_rest(tmp_path: Path
                                                                           ) -> None:
    """Item 1: the first leaf of the annotations table overwritten. `notes add` used to
    succeed on it; now the store opens read-only, the add is refused with the reason and the
    file is untouched. `recover` keeps every row still readable in the damaged file and takes
    only the lost leaf's rows from the backup, saying which came from where."""
    data = tmp_path / "data"
    path = notes_with_todays_backup(data)
    leaf = pages_of(path, "annotations", "leaf")[0]
    scribble(path, leaf)
    before = digest(path)

    added = concordia("notes", "add", UNIT, "--quote", QUOTE, "--note", "lost?", data_dir=data)
    assert added.returncode == 2 and added.stdout == ""
    assert "The annotation was not saved: the notes are open read-only." in added.stderr
    assert "integrity check failed" in added.stderr
    assert "concordia notes recover" in added.stderr and "40 annotations" in added.stderr
    assert digest(path) == before
    listing = concordia("notes", "list", data_dir=data)
    assert listing.returncode == 2 and "concordia notes recover" in listing.stderr
    assert digest(path) == before

    recovered = concordia("notes", "recover", data_dir=data)
    assert recovered.returncode == 0, recovered.stderr
    lines = recovered.stdout.splitlines()
    assert lines[0].startswith("restored notes.sqlite from notes-") and lines[0].endswith(
        "-daily.sqlite: 45 annotations")
    salvaged = int(lines[1].split()[0])
    assert lines[1].endswith(f"read from the previous file, kept as {data}/"
                             + lines[1].rsplit("/", 1)[1])
    from_backup = 45 - salvaged
    assert 0 < from_backup < 40
    assert lines[2].startswith(f"  {from_backup} annotations unreadable there, taken from the "
                               "backup: 1, 2, ")
    assert len(lines) == 3  # nothing lost: the lost leaf's rows were all in the backup
    assert [(a["id"], a["note"]) for a in listed(data)] == [(i, f"note {i - 1}")
                                                            for i in range(1, 46)]
    aside = lines[1].rsplit(" ", 1)[1]
    assert digest(Path(aside)) == before
    again = concordia("notes", "add", UNIT, "--quote", QUOTE, data_dir=data)
    assert again.returncode == 0 and again.stdout == "46\n", again.stderr


def test_a_damaged_index_page_refuses_writes_and_recovery_keeps_every_row(tmp_path: Path
                                                                         ) -> None:
    """Item 1: damage to an index page let list, add and edit all succeed; now the store is
    read-only, and recovery finds every annotation still readable in the damaged file (newer
    than the backup), so nothing comes from the day-old copy."""
    data = tmp_path / "data"
    path = notes_with_todays_backup(data)
    scribble(path, pages_of(path, "annotations_place", "leaf")[0])
    before = digest(path)

    for args in (("add", UNIT, "--quote", QUOTE), ("edit", "3", "--note", "changed")):
        refused = concordia("notes", *args, data_dir=data)
        assert refused.returncode == 2, refused.stdout
        assert "open read-only" in refused.stderr and "integrity check failed" in refused.stderr
    assert digest(path) == before
    edited = concordia("notes", "edit", "3", "--note", "changed", data_dir=data)
    assert "The change was not saved" in edited.stderr

    recovered = concordia("notes", "recover", data_dir=data)
    assert recovered.returncode == 0, recovered.stderr
    assert recovered.stdout.splitlines()[1].startswith(
        "  45 annotations read from the previous file, kept as ")
    assert len(listed(data)) == 45


def test_recover_refuses_while_another_process_has_the_notes_open(tmp_path: Path) -> None:
    """Item 2: `recover --force` swapped the file under a running writer, whose next note
    went into the set-aside file though it was told it was saved. Now recovery refuses while
    the store is open anywhere; a store whose file was swapped anyway (by hand) notices it
    and refuses to write."""
    data = tmp_path / "data"
    path = notes_with_todays_backup(data, before=3, after=1)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from desktop.core.notes.store import AnnotationStore
            store = AnnotationStore.open(__import__("pathlib").Path({str(path)!r}))
            print("open", flush=True)
            sys.stdin.readline()
            store.close()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        before = digest(path)
        refused = concordia("notes", "recover", "--force", data_dir=data)
        assert refused.returncode == 2
        assert "is open in another Concordia window or command: close it" in refused.stderr
        assert digest(path) == before
        assert not [p for p in data.iterdir() if ".replaced-" in p.name]
    finally:
        holder.communicate("\n", timeout=CHILD_TIMEOUT)
    done = concordia("notes", "recover", "--force", data_dir=data)
    assert done.returncode == 0, done.stderr

    with AnnotationStore.open(path) as store:
        assert not store.replaced()
        backup = backups.backups(backups.folder_of(path))[0].path
        path.with_name("swapped").write_bytes(backup.read_bytes())
        path.with_name("swapped").replace(path)
        assert store.replaced()
        note = store.get(1)
        assert note is not None
        with pytest.raises(StoreReplaced, match="was replaced since it was opened"):
            store.add(note.anchor, note="into the void?")


def test_an_empty_file_with_backups_is_damaged_not_new(tmp_path: Path) -> None:
    """Item 3: a zero-length notes.sqlite beside backups was taken for a new store (ids
    restarting at 1, recover needing --force). Now it is damaged: nothing is written, and a
    plain `recover` restores the backup."""
    data = tmp_path / "data"
    path = notes_with_todays_backup(data, before=3, after=1)
    path.write_bytes(b"")

    for args in (("add", UNIT), ("list",)):
        refused = concordia("notes", *args, data_dir=data)
        assert refused.returncode == 2, refused.stdout
        assert "cannot be read: it is empty (0 bytes) although notes were kept in it" in (
            refused.stderr)
        assert "3 annotations" in refused.stderr
    assert path.stat().st_size == 0
    recovered = concordia("notes", "recover", data_dir=data)
    assert recovered.returncode == 0, recovered.stderr
    assert [a["id"] for a in listed(data)] == [1, 2, 3]
    assert concordia("notes", "add", UNIT, data_dir=data).stdout == "5\n"  # 4 is not reused


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_a_flipped_byte_in_a_leftover_log_is_noticed(tmp_path: Path) -> None:
    """Item 4: a writer killed with notes still in the write-ahead log, then one byte of
    the log flipped: the notes in the frames after it vanished without a word. Now the store
    knows how many annotations it held, says which are missing, stays read-only and offers
    the backup; the log is left as it was for recovery."""
    data = tmp_path / "data"
    path = notes_with_todays_backup(data, before=3, after=1)
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import time
            from pathlib import Path
            from desktop.core.notes.store import AnnotationStore
            store = AnnotationStore.open(Path({str(path)!r}))
            note = store.get(1)
            for i in range(6):
                print(store.add(note.anchor, note=f"late {{i}}").annotation.id, flush=True)
            time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert writer.stdout is not None
    saved = [int(writer.stdout.readline()) for _ in range(6)]
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=CHILD_TIMEOUT)
    wal = path.with_name("notes.sqlite-wal")
    log = bytearray(wal.read_bytes())
    assert len(log) > 32 + 6 * (24 + 4096)
    log[len(log) - 2000] ^= 0x01  # inside the last frame's page
    wal.write_bytes(bytes(log))
    before = digest(wal)

    listing = concordia("notes", "list", "--json", data_dir=data)
    assert listing.returncode == 0
    assert f"annotations saved in it are missing: it held 10 (ids up to {saved[-1]})" in (
        listing.stderr)
    assert "concordia notes recover" in listing.stderr
    assert len(json.loads(listing.stdout)) < 10
    refused = concordia("notes", "add", UNIT, data_dir=data)
    assert refused.returncode == 2 and "open read-only" in refused.stderr
    assert digest(wal) == before


def test_stray_temporary_backups_are_cleaned_up(tmp_path: Path) -> None:
    """A backup killed half-way leaves `.tmp-*` in backups/; the next start removes it (a
    young one may be another process's backup in progress, and stays)."""
    data = tmp_path / "data"
    notes_with_todays_backup(data, before=1, after=1)
    folder = data / "backups"
    old, young = folder / ".tmp-0123.sqlite", folder / ".tmp-4567.sqlite"
    for stray in (old, young):
        stray.write_bytes(b"half a backup")
    hour_ago = (utc_now() - timedelta(hours=1)).timestamp()
    os.utime(old, (hour_ago, hour_ago))
    assert concordia("notes", "list", data_dir=data).returncode == 0
    assert not old.exists() and young.exists()


@pytest.mark.slow
def test_every_page_damaged_in_turn_never_takes_a_write_and_recovers(tmp_path: Path) -> None:
    """Each page of a store of 45 annotations overwritten in turn (the header page too):
    `notes add` never succeeds and never changes the file, never prints a traceback, and
    `recover` always gives back a sound database holding at least the backup's annotations
    (usually all 45)."""
    data = tmp_path / "data"
    pristine = notes_with_todays_backup(data)
    good = pristine.read_bytes()
    pages = len(good) // 4096
    recovered_all = 0
    for page in range(1, pages + 1):
        pristine.write_bytes(good)
        for stale in data.glob("notes.sqlite.*-*"):
            stale.unlink()
        scribble(pristine, page)
        before = digest(pristine)
        added = concordia("notes", "add", UNIT, data_dir=data)
        assert added.returncode == 2, f"page {page}: {added.stdout}"
        assert "Traceback" not in added.stderr and digest(pristine) == before
        done = concordia("notes", "recover", data_dir=data)
        assert done.returncode == 0, f"page {page}: {done.stderr}"
        with AnnotationStore.open(pristine) as store:
            assert store.problem is None
            held = store.count()
        assert held >= 40, f"page {page}"
        recovered_all += held == 45
    print(f"{pages} pages damaged in turn; all 45 annotations recovered {recovered_all} times")
    assert recovered_all >= pages // 2


def test_a_page_damaged_while_the_store_is_open_makes_it_read_only(tmp_path: Path) -> None:
    """After a failed read the store is read-only: the window (which keeps its store open
    for hours) never writes into a file it has found damaged; `problem` says why and
    `recovery.candidates` offers each backup with its date and annotation count."""
    from desktop.core.notes import recovery
    from desktop.core.notes.errors import StoreCorrupt, StoreReadOnly

    path = notes_with_todays_backup(tmp_path / "data")
    with AnnotationStore.open(path) as store:
        assert not store.read_only
        note = store.get(1)
        assert note is not None
        checkpoint(path)
        scribble(path, pages_of(path, "annotations", "leaf")[0])
        before = digest(path)
        with pytest.raises(StoreCorrupt):
            store.list()
        assert store.read_only and isinstance(store.problem, StoreCorrupt)
        with pytest.raises(StoreReadOnly) as refused:
            store.add(note.anchor, note="after the damage")
        assert refused.value.short == ("The annotation was not saved: the notes are open "
                                       "read-only.")
        assert digest(path) == before
    [candidate] = recovery.candidates(path)
    assert candidate.annotations == 40 and candidate.backup.reason == "daily"
