"""A few annotations a delegation would take, on the committed corpus (shared by the
excerpt tests and the export command's tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.core.notes.service import NotesService
from desktop.core.notes.store import AUTHOR

QUOTE = "primary prevention"
NOTE = "Keep **as is**: see [the report](https://example.org/r)."


def fill(service: NotesService) -> None:
    """Four annotations: a highlight with a note, a private red line, a note on a chapeau
    and its subparagraphs, and a highlight by another author."""
    store = service.store()
    store.set_setting(AUTHOR, "Delegation of X")
    store.add(service.anchor("ungass2016/1(a)", quote=QUOTE), category="Agreed language",
              note=NOTE, tags=["prevention", "youth"],
              meeting="CND 69, informal consultations, 12 March")
    store.add(service.anchor("PoA 41 (g)", quote="amphetamine-type stimulants"),
              category="Red line", note="Never *weaker* than this", private=True)
    store.add(service.anchor("PD 24", to="pd2009/24(c)"), category="Question",
              note="Whole chapeau and (a)–(c)", tags=["crops"])
    store.add(service.anchor("res74-178/19", quote="increase the availability"),
              category="Our position", note="Capital agrees", author="Colleague Y",
              meeting="CND 69, plenary")


NOW = datetime(2026, 3, 12, 18, 30, tzinfo=UTC)
