"""The notes workflow, shared by the command line and the window.

Resolving what a delegate typed or selected into a unit, anchoring a quote or a selection,
reconciling the store with the corpus it is opened against, citing an anchor's place: the
same steps whichever front end asks. Messages speak of the action, not of a front end's
options; the command line and the window each add their own hint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.core.corpus import Corpus
from desktop.core.notes.anchoring import anchor_at, anchor_quote, anchor_units
from desktop.core.notes.database import DEFAULT_BUSY_TIMEOUT
from desktop.core.notes.errors import BadInput
from desktop.core.notes.model import MEETING, Anchor, Reconciliation
from desktop.core.notes.store import AnnotationStore
from desktop.core.notes.texts import CorpusText


class NotesService:
    """The store, the corpus and its joined text, each opened when first needed.

    `corpus` is either an open Corpus (the window's, shared) or a function that opens one
    (the command line opens it only if the action needs it). `busy_timeout`: how long a
    write waits for another process's (the window waits less than a script: it must not
    freeze; what was typed is kept and saved later).
    """

    def __init__(self, store_path: Path, corpus: Corpus | Callable[[], Corpus],
                 busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path = store_path
        self.busy_timeout = busy_timeout
        self._store: AnnotationStore | None = None
        self._corpus = corpus if isinstance(corpus, Corpus) else None
        self._open_corpus = corpus if not isinstance(corpus, Corpus) else None
        self._owns_corpus = self._corpus is None
        self._texts: CorpusText | None = None
        self.reconciliation: Reconciliation | None = None  # what opening against it did

    def store(self, reconcile: bool = True) -> AnnotationStore:
        """The store; with `reconcile`, its anchors checked against the current corpus
        first (what that did is kept in `reconciliation`)."""
        if self._store is None:
            self._store = AnnotationStore.open(self.path, busy_timeout=self.busy_timeout)
        if reconcile and self.reconciliation is None:
            self.reconciliation = self._store.reconcile(self.texts())
        return self._store

    def is_open(self) -> bool:
        return self._store is not None

    def corpus(self) -> Corpus:
        if self._corpus is None:
            assert self._open_corpus is not None
            self._corpus = self._open_corpus()
        return self._corpus

    def texts(self) -> CorpusText:
        if self._texts is None:
            self._texts = CorpusText.from_corpus(self.corpus())
        return self._texts

    def corpus_changed(self) -> None:
        """The corpus's text changed (a draft imported or replaced): anchor against the new
        text, and reconcile the store again when next opened."""
        self._texts = None
        self.reconciliation = None

    # -- units and anchors ------------------------------------------------------------

    def resolve(self, typed: str) -> str:
        """A unit id from an id or a citation as typed; BadInput if none or ambiguous."""
        return self.resolve_range(typed)[0]

    def resolve_range(self, typed: str) -> tuple[str, str | None]:
        """(first unit, last unit or None) of a citation as typed: a range such as
        "UNGASS 1 (a)–(c)" names both ends; BadInput if none or ambiguous."""
        from desktop.core.citations import CitationIndex  # compiles patterns: on demand

        corpus = self.corpus()
        if corpus.unit(typed) is not None:
            return typed, None
        resolution = CitationIndex(corpus.instruments(), corpus.unit_ids()).resolve(typed)
        if len(resolution.candidates) == 1:
            return resolution.candidates[0], resolution.last
        if not resolution.candidates:
            raise BadInput(resolution.message or f"there is no unit {typed}")
        lines = [resolution.message] + [f"  {c:<22} {self.citation(c)}"
                                        for c in resolution.candidates]
        raise BadInput("\n".join(lines))

    def anchor(self, typed: str, to: str | None = None, quote: str | None = None,
               occurrence: int | None = None) -> Anchor:
        """The anchor of a quote in a unit (or running on to `to`), or of whole units when
        there is no quote; the units as typed (ids or citations)."""
        first, last = self.resolve_range(typed)
        last = self.resolve(to) if to else last
        text = self.texts().of_unit(first)
        if text is None:
            raise BadInput(f"there is no unit {first}")
        if last is not None and last.split("/", 1)[0] != text.instrument:
            raise BadInput(f"{first} and {last} are in different instruments")
        if quote is None:
            if occurrence is not None:
                raise BadInput("an occurrence is chosen only for a quote")
            return anchor_units(text, first, last)
        return anchor_quote(text, first, quote, last, occurrence)

    def anchor_span(self, first: str, start: int, last: str, end: int) -> Anchor:
        """The anchor of a selection: from offset `start` in the text of unit `first` to
        offset `end` (exclusive) in the text of unit `last`, both of one instrument.

        Spaces at the selection's ends are left out; a selection of nothing but spaces
        notes the whole units.
        """
        text = self.texts().of_unit(first)
        if text is None or not text.has(last):
            raise BadInput(f"there is no unit {first if text is None else last} in the corpus")
        if not text.between(first, last):
            raise BadInput(f"{last} comes before {first}: a range runs forward in the document")
        joined_start = text.position(first, max(0, min(start, len(text.text(first)))))
        joined_end = text.position(last, max(0, min(end, len(text.text(last)))))
        stretch = text.joined[joined_start:joined_end]
        joined_start += len(stretch) - len(stretch.lstrip())
        joined_end -= len(stretch) - len(stretch.rstrip())
        if joined_end <= joined_start:
            return anchor_units(text, first, last)
        return anchor_at(text, text.place(joined_start, joined_end), whole=False)

    # -- citations --------------------------------------------------------------------

    def citation(self, unit_id: str) -> str:
        from desktop.core.citations import cite

        corpus = self.corpus()
        unit = corpus.unit(unit_id)
        instrument = corpus.instrument(unit.instrument) if unit else None
        return cite(unit, instrument) if unit and instrument else unit_id

    def place(self, anchor: Anchor) -> str:
        """The UN citation of an anchor's units: "P, para. 24 – para. 24 (c)"."""
        first = self.citation(anchor.unit)
        if anchor.end_unit == anchor.unit:
            return first
        last = self.citation(anchor.end_unit)
        instrument = self.corpus().instrument(anchor.instrument)
        prefix = f"{instrument.citation_prefix}, " if instrument else ""
        return f"{first} – {last.removeprefix(prefix) if prefix else last}"

    # -- settings ---------------------------------------------------------------------

    def meeting(self) -> str:
        """The current meeting, stamped on new annotations unless another is given."""
        return self.store(reconcile=False).setting(MEETING) or ""

    def close_store(self) -> None:
        """Close the store (it is opened again, and reconciled, when next needed)."""
        if self._store is not None:
            self._store.close()
            self._store = None
            self.reconciliation = None

    def close(self) -> None:
        self.close_store()
        if self._corpus is not None and self._owns_corpus:
            self._corpus.close()
            self._corpus = None
