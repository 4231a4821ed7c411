"""The notes workflow shared by the command line and the window (desktop.core.notes.service)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.corpus import Corpus
from desktop.core.notes.errors import BadInput
from desktop.core.notes.service import MEETING, NotesService

CHAPEAU_END = "and we recommend the following measures:"


@pytest.fixture
def service(corpus: Corpus, store_path: Path) -> Iterator[NotesService]:
    opened = NotesService(store_path, corpus)
    yield opened
    opened.close()


def test_selection_in_one_unit_anchors_exactly_those_words(service: NotesService) -> None:
    """Guards the window's highlight: offsets in a unit's text become a quote of exactly
    those words, spaces at the selection's ends left out."""
    text = service.texts().of_unit("ungass2016/1(a)")
    assert text is not None
    unit_text = text.text("ungass2016/1(a)")
    start = unit_text.index("primary prevention")
    anchor = service.anchor_span("ungass2016/1(a)", start - 1, "ungass2016/1(a)",
                                 start + len("primary prevention") + 1)
    assert anchor.quote == "primary prevention"
    assert (anchor.unit, anchor.start, anchor.end) == ("ungass2016/1(a)", start,
                                                       start + len("primary prevention"))
    assert not anchor.whole


def test_selection_across_a_chapeau_and_its_subparagraphs(service: NotesService) -> None:
    """Guards a highlight running from the chapeau into (b): one anchor over the units
    (the heading printed between them included), the quote their texts joined by a space."""
    chapeau = service.texts().of_unit("ungass2016/1")
    assert chapeau is not None
    start = chapeau.text("ungass2016/1").index(CHAPEAU_END)
    anchor = service.anchor_span("ungass2016/1", start, "ungass2016/1(b)", len("Also take"))
    assert (anchor.unit, anchor.end_unit) == ("ungass2016/1", "ungass2016/1(b)")
    assert anchor.quote.startswith(
        CHAPEAU_END + " Prevention of drug abuse Take effective and practical primary")
    assert anchor.quote.endswith("vocational training; Also take")


def test_empty_selection_notes_the_whole_unit(service: NotesService) -> None:
    anchor = service.anchor_span("res74-178/19", 5, "res74-178/19", 5)
    assert anchor.whole and anchor.unit == anchor.end_unit == "res74-178/19"


def test_backward_range_is_refused(service: NotesService) -> None:
    with pytest.raises(BadInput, match="comes before"):
        service.anchor_span("ungass2016/1(b)", 0, "ungass2016/1(a)", 4)


def test_meeting_is_a_store_setting(service: NotesService) -> None:
    """Guards one current meeting for the command line and the window."""
    assert service.meeting() == ""
    service.store().set_setting(MEETING, "CND 69, informal consultations")
    assert service.meeting() == "CND 69, informal consultations"


def test_citations_and_places(service: NotesService) -> None:
    assert service.resolve("PoA 41 (g)") == "poa2009/41(g)"
    anchor = service.anchor("UNGASS 1 (a)", "UNGASS 1 (c)")
    assert service.place(anchor) == "A/RES/S-30/1, annex, para. 1 (a) – para. 1 (c)"


def test_watcher_sees_what_another_connection_wrote(service: NotesService,
                                                    store_path: Path) -> None:
    """Guards live updates: a note added by another process (here another connection) is
    noticed, with its unit; the watcher's own store's writes are not reported again."""
    from desktop.core.notes.store import AnnotationStore
    from desktop.core.notes.watch import ChangeWatcher

    watcher = ChangeWatcher(service.store())
    assert watcher.poll() is None
    service.store().add(service.anchor("res74-178/19"))
    watcher.saw_own_writes()
    assert watcher.poll() is None
    with AnnotationStore.open(store_path) as other:
        added = other.add(service.anchor("ungass2016/1(a)", quote="primary prevention"))
    change = watcher.poll()
    assert change is not None and added.annotation is not None
    assert change.annotations == (added.annotation.id,)
    assert change.units == ("ungass2016/1(a)",)
    assert watcher.poll() is None
