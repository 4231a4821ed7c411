"""The corpus as the window reads it: units, outlines and rendered HTML, cached per instrument.

Rendering is pure Python over the corpus (desktop.core.render); this cache makes a second pane on
the same instrument, a zoom step back to a size already seen, or a palette switch back, cost
nothing but the Qt layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.corpus import Corpus
from desktop.core.model import Footnote, Instrument, Link, Unit
from desktop.core.render.html import (
    Apparatus,
    Rendered,
    RenderStyle,
    Wording,
    document_html,
    rendered,
)
from desktop.core.render.outline import OutlineNode, build_outline, index_units

if TYPE_CHECKING:
    from desktop.core.agreed import Found
    from desktop.core.correspondence import Correspondences
    from desktop.core.search import Hit



def main_instruments() -> tuple[str, ...]:
    """The instruments a delegate reads side by side (the others follow them in choosers),
    as the shipped instruments' definitions say (read when first asked: not at start-up)."""
    from desktop.core.ingest.sources import INSTRUMENTS

    return tuple(spec.id for spec in INSTRUMENTS if spec.main)


def default_panes() -> tuple[str, ...]:
    """The instruments opened side by side at first start."""
    from desktop.core.ingest.sources import INSTRUMENTS

    return tuple(spec.id for spec in INSTRUMENTS if spec.default_pane)


class DocumentSource:
    def __init__(self, corpus: Corpus, wording: Wording) -> None:
        self._corpus = corpus
        self._wording = wording
        self._units: dict[str, list[Unit]] = {}
        self._apparatus: dict[str, Apparatus] = {}
        self._outlines: dict[str, tuple[OutlineNode, dict[str, OutlineNode]]] = {}
        self._html: dict[tuple[str, RenderStyle], Rendered] = {}
        self._by_id: dict[str, Unit] = {}
        self._correspondences: Correspondences | None = None
        self._extents: dict[str, dict[str, str]] = {}  # instrument -> unit -> its last unit

    # -- instruments and units -------------------------------------------------------------

    def instruments(self) -> list[Instrument]:
        return self._corpus.instruments()

    def instrument(self, instrument_id: str) -> Instrument | None:
        return self._corpus.instrument(instrument_id)

    def units(self, instrument_id: str) -> list[Unit]:
        if instrument_id not in self._units:
            units = self._corpus.units(instrument_id)
            self._units[instrument_id] = units
            self._by_id.update((unit.id, unit) for unit in units)
        return self._units[instrument_id]

    def unit(self, unit_id: str) -> Unit | None:
        if unit_id not in self._by_id:
            instrument = unit_id.split("/", 1)[0]
            if self.instrument(instrument) is None:
                return None
            self.units(instrument)
        return self._by_id.get(unit_id)

    def citation(self, unit_id: str) -> str:
        from desktop.core.citations import cite  # its patterns compile on import: not at start

        unit = self.unit(unit_id)
        instrument = self.instrument(unit.instrument) if unit else None
        return cite(unit, instrument) if unit and instrument else unit_id

    def instrument_citation(self, instrument_id: str) -> str:
        """How citations name the instrument ("A/RES/74/178", "Plan of Action (2009)")."""
        from desktop.core.citations import instrument_label

        instrument = self.instrument(instrument_id)
        return instrument_label(instrument) if instrument else instrument_id

    def range_citation(self, first_id: str, last_id: str) -> str:
        """The citation of the units from one to another of one instrument ("para. 1 (a)–(c)")."""
        from desktop.core.citations import cite_range

        first, last = self.unit(first_id), self.unit(last_id)
        instrument = self.instrument(first.instrument) if first else None
        if first is None or last is None or instrument is None:
            return first_id
        return cite_range(first, last, instrument)

    def short_citation(self, unit_id: str) -> str:
        """"UNGASS 1 (a)", "PoA 41 (g)": where space is short."""
        from desktop.core.short_citations import short_citation

        unit = self.unit(unit_id)
        return short_citation(unit, self.instrument(unit.instrument)) if unit else unit_id

    def instrument_title(self, instrument_id: str) -> str:
        instrument = self.instrument(instrument_id)
        return instrument.short_title if instrument else instrument_id

    def extent(self, unit_id: str) -> str:
        """The last unit of a unit's extent: a paragraph runs to the end of its last
        subparagraph (a reference to "Action 41" means all of paragraph 41)."""
        unit = self.unit(unit_id)
        if unit is None:
            return unit_id
        if unit.instrument not in self._extents:
            self._extents[unit.instrument] = _extents(self.units(unit.instrument))
        return self._extents[unit.instrument].get(unit_id, unit_id)

    @property
    def corpus(self) -> Corpus:
        return self._corpus

    def imported(self) -> list[str]:
        """The user's imported instruments (drafts), in import order."""
        return self._corpus.imported()

    def reload_instruments(self) -> None:
        """A draft was imported, replaced or removed: read the corpus again, forget the
        cached texts, outlines and links."""
        self._corpus.reload_user()
        for cache in (self._units, self._apparatus, self._outlines, self._html, self._by_id,
                      self._extents):
            cache.clear()
        self._correspondences = None

    def links(self, unit_id: str) -> list[Link]:
        return self._corpus.links(unit_id)

    # -- links -----------------------------------------------------------------------------

    def correspondences(self) -> Correspondences:
        """The links of the corpus, indexed (built on first use, ~10 ms)."""
        if self._correspondences is None:
            from desktop.core.correspondence import Correspondences

            self._correspondences = Correspondences(self._corpus)
        return self._correspondences

    def in_concordance(self, instrument_id: str) -> bool:
        return instrument_id in self.correspondences().instruments

    def footnote(self, footnote_id: str) -> Footnote | None:
        instrument = footnote_id.split("/", 1)[0]
        for notes in self.apparatus(instrument).footnotes.values():
            for note in notes:
                if note.id == footnote_id:
                    return note
        return None

    def apparatus(self, instrument_id: str) -> Apparatus:
        if instrument_id not in self._apparatus:
            self._apparatus[instrument_id] = Apparatus.load(self._corpus,
                                                            self.units(instrument_id))
        return self._apparatus[instrument_id]

    # -- outline ---------------------------------------------------------------------------

    def outline(self, instrument_id: str) -> OutlineNode:
        return self._outline(instrument_id)[0]

    def outline_node(self, unit_id: str) -> OutlineNode | None:
        unit = self.unit(unit_id)
        return self._outline(unit.instrument)[1].get(unit_id) if unit else None

    def _outline(self, instrument_id: str) -> tuple[OutlineNode, dict[str, OutlineNode]]:
        if instrument_id not in self._outlines:
            instrument = self.instrument(instrument_id)
            assert instrument is not None, instrument_id
            root = build_outline(instrument, self.units(instrument_id))
            self._outlines[instrument_id] = (root, index_units(root))
        return self._outlines[instrument_id]

    # -- HTML ------------------------------------------------------------------------------

    def reading(self, instrument_id: str, style: RenderStyle) -> Rendered:
        """The whole instrument as a pane shows it (its blocks told apart, no anchors)."""
        key = (instrument_id, style)
        if key not in self._html:
            self._html[key] = self.reading_of(instrument_id, None, style, notes=True)
        return self._html[key]

    def reading_of(self, instrument_id: str, unit_ids: list[str] | None, style: RenderStyle,
                   notes: bool = False) -> Rendered:
        """Some units of an instrument as a pane shows them (a first screen)."""
        instrument = self.instrument(instrument_id)
        assert instrument is not None, instrument_id
        return rendered(instrument, self._some(instrument_id, unit_ids),
                        self.apparatus(instrument_id), style, self._wording, notes=notes)

    def html_of(self, instrument_id: str, unit_ids: list[str] | None, style: RenderStyle,
                caption: str = "", notes: bool = True, marks: bool = True) -> str:
        """Some units of an instrument (None: all), in document order, each block opening
        with its unit's anchor (a printed range); without `marks`, the edition's repair and
        slip marks left out."""
        return self._render(instrument_id, self._some(instrument_id, unit_ids), style, caption,
                            notes, marks)

    def _some(self, instrument_id: str, unit_ids: list[str] | None) -> list[Unit]:
        units = self.units(instrument_id)
        if unit_ids is None:
            return units
        wanted = set(unit_ids)
        return [unit for unit in units if unit.id in wanted]

    def _render(self, instrument_id: str, units: list[Unit], style: RenderStyle,
                caption: str = "", notes: bool = True, marks: bool = True) -> str:
        instrument = self.instrument(instrument_id)
        assert instrument is not None, instrument_id
        return document_html(instrument, units, self.apparatus(instrument_id), style,
                             self._wording, caption=caption, notes=notes, marks=marks)

    def note_texts(self, instrument_id: str) -> dict[str, str]:
        """Footnote id -> the note as a click shows it (number in bold, the print's emphasis)."""
        return {note.id: f"<b>{note.number}</b> {note.rich}"
                for notes in self.apparatus(instrument_id).footnotes.values() for note in notes}

    # -- search ----------------------------------------------------------------------------

    def provenance(self, text: str, unit: str | None = None) -> list[Found]:
        """Units carrying `text`'s wording, best first (desktop.core.agreed)."""
        return self._corpus.provenance(text, unit=unit)

    def search(self, text: str, instruments: tuple[str, ...] = (), part: str | None = None,
               limit: int = 20, opening: str | None = None) -> list[Hit]:
        """Units whose text matches, best first (raises QueryError for no words); with
        `opening`, only paragraphs opening with that verb or participle ("urges")."""
        return self._corpus.search(text, instruments, part, limit, opening)

    def openings(self) -> list[tuple[str, int]]:
        return self._corpus.openings()



def _extents(units: list[Unit]) -> dict[str, str]:
    """Each unit's last unit: itself, or the last of the subparagraphs that follow it
    without a break (units in document order; a heading ends every extent)."""
    last: dict[str, str] = {}
    running: list[str] = []  # the units whose extent is still open, outermost first
    for unit in units:
        last[unit.id] = unit.id
        if unit.kind == "heading":
            running = []
            continue
        while running and running[-1] != unit.parent:
            running.pop()
        for enclosing in running:
            last[enclosing] = unit.id
        running.append(unit.id)
    return last
