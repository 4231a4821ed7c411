"""Importing shared annotations: identity kept, all or nothing, and no last writer winning."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.core.corpus import Corpus
from desktop.core.excerpts.pack import Filters
from desktop.core.exchange.conflicts import MINE, THEIRS, conflicts, settle
from desktop.core.exchange.export import document
from desktop.core.exchange.importer import ImportRefused, import_file
from desktop.core.notes.service import NotesService

FIELDS = ("uuid", "unit", "end_unit", "start", "end", "quote", "category", "tags", "note",
          "meeting", "author", "private", "created", "modified")


def _write(service: NotesService, path: Path) -> Path:
    shaped, _ = document(service, Filters(include_private=True))
    path.write_text(json.dumps(shaped, ensure_ascii=False), encoding="utf-8")
    return path


def _state(service: NotesService) -> dict[str, dict[str, object]]:
    return {a.uuid: {f: a.to_json()[f] for f in FIELDS}
            for a in service.store().list()}


@pytest.fixture
def colleague(corpus: Corpus, tmp_path: Path) -> Iterator[NotesService]:
    service = NotesService(tmp_path / "colleague" / "notes.sqlite", corpus)
    yield service
    service.close()


def test_export_then_import_into_an_empty_store_gives_the_same_annotations(
        shared: NotesService, colleague: NotesService, tmp_path: Path) -> None:
    """Guards identity: uuid, unit, offsets, quote, category, tags, note, author and dates
    arrive as they were — the highlight across units and the note on whole units too — and
    a second import changes nothing."""
    sent = _write(shared, tmp_path / "shared.jsonld")
    result = import_file(colleague, sent)
    assert dict(result.counts) == {"added": 5}
    assert _state(colleague) == _state(shared)
    again = import_file(colleague, sent)
    assert dict(again.counts) == {"unchanged": 5}
    assert _state(colleague) == _state(shared) and conflicts(colleague) == []


def test_a_change_on_one_side_only_is_taken_or_kept(shared: NotesService,
                                                    colleague: NotesService,
                                                    tmp_path: Path) -> None:
    """Guards the merge without conflict: their edit of a version we have replaces ours
    (updated); our edit of a version they sent stays (kept), whichever is newer."""
    import_file(colleague, _write(shared, tmp_path / "first.jsonld"))
    theirs = colleague.store().list(instrument="res74-178")[0]
    colleague.store().update(theirs.id, note="Capital agrees, with a reservation")
    back = import_file(shared, _write(colleague, tmp_path / "back.jsonld"))
    assert dict(back.counts) == {"updated": 1, "unchanged": 4}
    mine = shared.store().list(instrument="res74-178")[0]
    assert mine.note == "Capital agrees, with a reservation"
    shared.store().update(mine.id, tags=["reservation"])
    stale = import_file(shared, tmp_path / "back.jsonld")  # their older version again
    assert dict(stale.counts) == {"kept": 1, "unchanged": 4}
    assert shared.store().get(mine.id).tags == ("reservation",)


def test_a_change_on_both_sides_keeps_both_versions(shared: NotesService,
                                                    colleague: NotesService, corpus: Corpus,
                                                    tmp_path: Path) -> None:
    """Guards no last-writer-wins: an annotation changed on both sides keeps ours in the
    store and theirs on the conflicts list, across a restart; settling it makes a version
    both sides then read as the newer one."""
    import_file(colleague, _write(shared, tmp_path / "first.jsonld"))
    uuid = shared.store().list(instrument="poa2009")[0].uuid
    mine = next(a for a in shared.store().list() if a.uuid == uuid)
    theirs = next(a for a in colleague.store().list() if a.uuid == uuid)
    shared.store().update(mine.id, note="Red line: not one word weaker")
    colleague.store().update(theirs.id, note="Could accept “synthetic drugs”", tags=["ats"])
    result = import_file(shared, _write(colleague, tmp_path / "theirs.jsonld"))
    assert dict(result.counts) == {"conflict": 1, "unchanged": 4}
    assert result.conflicts == [mine.id]
    shared.close()  # a restart: both versions are in the database
    reopened = NotesService(shared.path, corpus)
    (conflict,) = conflicts(reopened)
    assert conflict.annotation.note == "Red line: not one word weaker"
    assert conflict.theirs.note == "Could accept “synthetic drugs”"
    assert conflict.theirs.tags == ("ats",) and conflict.source == "theirs.jsonld"
    assert dict(import_file(reopened, tmp_path / "theirs.jsonld").counts) == {
        "unchanged": 5}  # the same conflict is not listed twice

    settle(reopened, mine.id, THEIRS, now=datetime(2030, 1, 1, tzinfo=UTC))
    assert conflicts(reopened) == []
    settled = reopened.store().get(mine.id)
    assert settled.note == "Could accept “synthetic drugs”" and settled.tags == ("ats",)
    # At the colleague's, the settled version has their words: nothing to change, but it
    # learns the lineage, so their next edit reads here as growing from ours.
    home = import_file(colleague, _write(reopened, tmp_path / "settled.jsonld"))
    assert dict(home.counts) == {"unchanged": 5}
    colleague.store().update(theirs.id, note="Could accept “new psychoactive substances”")
    later = import_file(reopened, _write(colleague, tmp_path / "later.jsonld"))
    assert dict(later.counts) == {"updated": 1, "unchanged": 4}
    reopened.close()


def test_keeping_mine_settles_too(shared: NotesService, colleague: NotesService,
                                  tmp_path: Path) -> None:
    import_file(colleague, _write(shared, tmp_path / "first.jsonld"))
    mine = shared.store().list(instrument="res74-178")[0]
    theirs = colleague.store().list(instrument="res74-178")[0]
    shared.store().update(mine.id, note="ours")
    colleague.store().update(theirs.id, note="theirs")
    import_file(shared, _write(colleague, tmp_path / "theirs.jsonld"))
    settle(shared, mine.id, MINE)
    assert conflicts(shared) == [] and shared.store().get(mine.id).note == "ours"
    assert dict(import_file(colleague, _write(shared, tmp_path / "ours.jsonld")).counts) \
        == {"updated": 1, "unchanged": 4}


def _refused(service: NotesService, path: Path, message: str) -> None:
    before = _state(service)
    with pytest.raises(ImportRefused) as raised:
        import_file(service, path)
    assert message in str(raised.value), str(raised.value)
    assert _state(service) == before


def test_a_bad_file_changes_nothing(shared: NotesService, colleague: NotesService,
                                    tmp_path: Path) -> None:
    """Guards all or nothing: a truncated file, an annotation without a target, one on a
    unit this installation does not have, a file over the limit and someone else's JSON
    are refused with a message naming what and where, and the store is as it was."""
    good = _write(shared, tmp_path / "good.jsonld")
    text = good.read_text(encoding="utf-8")
    truncated = tmp_path / "truncated.jsonld"
    truncated.write_text(text[: len(text) // 2], encoding="utf-8")
    _refused(colleague, truncated, "truncated.jsonld is not valid JSON (line")

    data = json.loads(text)
    del data["first"]["items"][2]["target"]
    (tmp_path / "no-target.jsonld").write_text(json.dumps(data), encoding="utf-8")
    _refused(colleague, tmp_path / "no-target.jsonld",
             f"annotation 3 ({data['first']['items'][2]['id']}): it has no \"target\"")

    data = json.loads(text)
    data["first"]["items"][1]["target"]["source"] = "concordia://open/pd2031%2F4"
    (tmp_path / "unknown.jsonld").write_text(json.dumps(data), encoding="utf-8")
    _refused(colleague, tmp_path / "unknown.jsonld",
             "on pd2031/4, a unit this installation does not have")

    big = tmp_path / "big.jsonld"
    with open(big, "w", encoding="utf-8") as handle:
        handle.write(text[:-2] + " " * (50 * 1024 * 1024) + text[-2:])
    _refused(colleague, big, "big.jsonld is 50.0 MB: Concordia imports files of up to 20 MB")

    (tmp_path / "other.json").write_text('{"name": "a shopping list"}', encoding="utf-8")
    _refused(colleague, tmp_path / "other.json", "not W3C Web Annotations")
    assert colleague.store().count() == 0


def test_another_tools_annotation_on_our_units(colleague: NotesService,
                                               tmp_path: Path) -> None:
    """Guards reading annotations we did not write: a bare unit IRI as target (the whole
    unit), a quote found by its words, a bodyValue note, an id that is not a urn:uuid."""
    other = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage",
             "items": [
                 {"id": "https://example.org/anno/1", "type": "Annotation",
                  "created": "2026-03-12T10:00:00+01:00", "bodyValue": "Important",
                  "target": {"source": "concordia://open/res74-178%2F19",
                             "selector": {"type": "TextQuoteSelector",
                                          "exact": "increase the availability"}}},
                 {"id": "https://example.org/anno/2", "type": "Annotation",
                  "created": "2026-03-12T10:05:00Z",
                  "target": "concordia://open/pd2009%2F23"}]}
    path = tmp_path / "other.jsonld"
    path.write_text(json.dumps(other), encoding="utf-8")
    assert dict(import_file(colleague, path).counts) == {"added": 2}
    first, second = sorted(colleague.store().list(), key=lambda a: a.created)
    assert (first.unit, first.quote, first.note) == ("res74-178/19",
                                                     "increase the availability", "Important")
    assert first.created == "2026-03-12T09:00:00Z"
    assert second.unit == "pd2009/23" and second.anchor.whole
    assert dict(import_file(colleague, path).counts) == {"unchanged": 2}


def test_an_annotation_waiting_for_review_is_not_shared(shared: NotesService) -> None:
    """Guards a colleague's import: an annotation whose words changed here (in the review
    list) stands on words their corpus may not have, and would get the whole file refused,
    so it stays out of the file and is counted."""
    waiting = shared.store().list(instrument="res74-178")[0]
    with shared.store().transaction("test") as db:  # what a corpus change leaves behind
        db.execute("UPDATE annotations SET status = 'review' WHERE id = ?", (waiting.id,))
    shaped, result = document(shared, Filters(include_private=True))
    assert (result.written, result.in_review) == (4, 1)
    assert f"urn:uuid:{waiting.uuid}" not in json.dumps(shaped)
