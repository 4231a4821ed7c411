"""An excerpt pack: the annotations chosen for a brief, with everything a writer prints.

One model for every format (DESIGN.md §5): the pack is built once from the store, the corpus
and its links, and each writer (md, html, docx, and the PDF writer outside the core) only lays
it out. For each annotation: the quote as printed, its UN citation, category, tags, meeting,
author and date, the note (Markdown, and as safe HTML), the corresponding units in the other
instruments with their citations and first words, a back-link into Concordia and, when asked
for, the whole units around the quote with the quote marked.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desktop.core.correspondence import INDIRECT, LINKED, Correspondences
from desktop.core.model import Instrument, Unit
from desktop.core.names import unknown_category, unknown_instrument
from desktop.core.notes.errors import BadInput
from desktop.core.notes.model import OK, REVIEW, Annotation
from desktop.core.notes.render import render_markdown
from desktop.core.notes.service import NotesService
from desktop.core.notes.store import AUTHOR
from desktop.core.unit_links import unit_link

DOCUMENT, DATE = "document", "date"  # the two orders
FIRST_WORDS = 100  # characters of a corresponding unit shown beside its citation

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True)
class Filters:
    """Which annotations go into the pack. Repeated values of one filter are alternatives
    (any of the categories, any of the tags); different filters must all hold."""

    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    meeting: str = ""  # case-insensitive part of the meeting
    instruments: tuple[str, ...] = ()
    author: str = ""  # case-insensitive, the whole name
    include_private: bool = False
    ids: tuple[int, ...] | None = None  # the annotations selected in the panel, if any

    def describe(self) -> list[str]:
        """The selection in words, for the pack's heading."""
        said = []
        if self.ids is not None:
            said.append(f"{len(self.ids)} selected annotation{'s' * (len(self.ids) != 1)}")
        if self.categories:
            said.append("category " + _alternatives(self.categories))
        if self.tags:
            said.append("tag " + _alternatives(f"#{t.lstrip('#')}" for t in self.tags))
        if self.meeting:
            said.append(f"meeting containing “{self.meeting}”")
        if self.instruments:
            said.append("instrument " + _alternatives(self.instruments))
        if self.author:
            said.append(f"author {self.author}")
        return said or ["all annotations"]


@dataclass(frozen=True)
class Corresponding:
    """A unit of another instrument that corresponds to the excerpt's unit."""

    unit: str
    citation: str
    first_words: str
    kinds: tuple[str, ...]  # the link kinds: "concordance", "restates", …
    via: tuple[str, ...] = ()  # indirect: the citations of the units it goes through
    link: str = ""


@dataclass(frozen=True)
class Passage:
    """One whole unit around a quote (--full-text), the quote's part of it marked."""

    unit: str
    label: str  # as printed: "19.", "(a)"
    text: str
    marked: tuple[int, int] | None  # offsets in `text`; None when the quote is elsewhere


@dataclass(frozen=True)
class Excerpt:
    id: int
    uuid: str
    unit: str
    end_unit: str
    instrument: str
    citation: str
    quote: str  # the highlighted words, or the whole units' text for a note on units
    whole: bool
    category: str | None
    colour: str | None
    tags: tuple[str, ...]
    meeting: str
    author: str
    created: str  # ISO 8601 UTC
    modified: str
    note: str  # Markdown
    private: bool
    in_review: bool  # the corpus changed and the annotation waits in the review list
    link: str
    corresponding: tuple[Corresponding, ...] = ()
    # The whole units: for a note on whole units always (they are what it quotes), for a
    # highlight only with --full-text.
    passages: tuple[Passage, ...] = ()

    @property
    def full_text(self) -> tuple[Passage, ...]:
        """The passages to print after the note: only a highlight's surroundings (a note on
        whole units prints them as its quote)."""
        return () if self.whole else self.passages

    @functools.cached_property
    def note_html(self) -> str:
        """The note as safe HTML (render_markdown), made when a writer first asks: it is
        most of a pack's cost, and the Markdown writer never needs it."""
        return render_markdown(self.note) if self.note.strip() else ""

    @property
    def date(self) -> str:
        return long_date(self.created)

    def details(self) -> list[str]:
        """Category, tags, meeting, author and date, as one line's parts."""
        parts = [self.category or "Uncategorised"]
        if self.tags:
            parts.append(" ".join(f"#{t}" for t in self.tags))
        if self.meeting:
            parts.append(self.meeting)
        if self.author:
            parts.append(self.author)
        parts.append(self.date)
        if self.whole:
            parts.append("note on the whole unit" + ("s" if self.end_unit != self.unit else ""))
        if self.private:
            parts.append("private")
        return parts


@dataclass(frozen=True)
class Group:
    """The excerpts of one instrument (document order) or one day (date order)."""

    key: str
    title: str
    subtitle: str
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class Pack:
    title: str
    made: str  # when the pack was made, in words
    author: str  # who made it (the notes' author setting)
    selection: tuple[str, ...]  # the filters in words
    order: str
    full_text: bool
    groups: tuple[Group, ...]
    private_left_out: int  # private annotations that matched but were not asked for
    excerpts_count: int = field(default=0)

    def excerpts(self) -> list[Excerpt]:
        return [e for g in self.groups for e in g.excerpts]

    def heading_lines(self) -> list[str]:
        """What was selected, when, by whom, and what was left out."""
        lines = [f"Selection: {'; '.join(self.selection)}; "
                 f"{'by date' if self.order == DATE else 'in document order'}.",
                 f"Made {self.made}" + (f" by {self.author}" if self.author else "") + "."]
        count = self.excerpts_count
        lines.append(f"{count} annotation{'s' * (count != 1)}."
                     + (f" {self.private_left_out} private annotation"
                        f"{'s were' if self.private_left_out != 1 else ' was'} left out."
                        if self.private_left_out else ""))
        return lines


Progress = Callable[[int, int], bool]  # (done, total) -> go on?


def build_pack(service: NotesService, filters: Filters = Filters(), *, order: str = DOCUMENT,
               full_text: bool = False, title: str = "Excerpts",
               now: datetime | None = None, progress: Progress | None = None) -> Pack:
    """The pack of the annotations `filters` choose (attached or awaiting review, never
    archived or in the trash). BadInput for a category or instrument that does not exist.
    `progress` is told how far building has come and may stop it (returns False): then
    BadInput("cancelled")."""
    if order not in (DOCUMENT, DATE):
        raise BadInput(f"the order is “document” or “date”, not “{order}”")
    store = service.store()
    corpus = service.corpus()
    chosen, left_out = select(service, filters)
    instruments = {i.id: i for i in corpus.instruments()}
    if order == DATE:
        chosen.sort(key=lambda a: (a.created, a.id))
    else:
        chosen.sort(key=lambda a: (instruments[a.anchor.instrument].seq
                                   if a.anchor.instrument in instruments else 1 << 30,
                                   a.anchor.seq, a.anchor.start, a.id))
    maker = _ExcerptMaker(service, full_text)
    excerpts = []
    for done, annotation in enumerate(chosen):
        if progress is not None and not progress(done, len(chosen)):
            raise BadInput("the export was cancelled; nothing was written")
        excerpts.append(maker.make(annotation))
    groups: dict[str, list[Excerpt]] = {}
    for excerpt in excerpts:
        key = excerpt.created[:10] if order == DATE else excerpt.instrument
        groups.setdefault(key, []).append(excerpt)
    made = now or datetime.now(UTC)
    return Pack(title=title, made=f"{long_date(made.isoformat())}, {made:%H:%M} UTC",
                author=store.setting(AUTHOR) or "", selection=tuple(filters.describe()),
                order=order, full_text=full_text,
                groups=tuple(_group(key, items, order, instruments)
                             for key, items in groups.items()),
                private_left_out=left_out, excerpts_count=len(excerpts))


def select(service: NotesService, filters: Filters) -> tuple[list[Annotation], int]:
    """The live annotations (attached or awaiting review) `filters` choose, in the store's
    order, and how many private ones matched but were left out. BadInput for a category or
    instrument that does not exist."""
    store = service.store()
    _check(filters, [c.name for c in store.categories()],
           [i.id for i in service.corpus().instruments()])
    chosen = [a for a in store.list(statuses=(OK, REVIEW)) if _matches(a, filters)]
    left_out = sum(1 for a in chosen if a.private and not filters.include_private)
    return [a for a in chosen if filters.include_private or not a.private], left_out


def _group(key: str, excerpts: list[Excerpt], order: str,
           instruments: dict[str, Instrument]) -> Group:
    if order == DATE:
        return Group(key, long_date(key), "", tuple(excerpts))
    found = instruments.get(key)
    if found is None:
        return Group(key, key, "", tuple(excerpts))
    subtitle = ", ".join(p for p in (found.symbol, long_date(found.adopted)
                                     if found.adopted else "") if p)
    return Group(key, found.title, subtitle, tuple(excerpts))


def _check(filters: Filters, categories: list[str], instruments: list[str]) -> None:
    known = {c.casefold() for c in categories}
    for name in filters.categories:
        if name.strip().casefold() not in known:
            raise BadInput(unknown_category(name, categories))
    for instrument in filters.instruments:
        if instrument not in instruments:
            raise BadInput(unknown_instrument(instrument, instruments))


def _matches(annotation: Annotation, filters: Filters) -> bool:
    if filters.ids is not None and annotation.id not in filters.ids:
        return False
    if filters.categories and (annotation.category or "").casefold() not in {
            c.strip().casefold() for c in filters.categories}:
        return False
    if filters.tags and not {t.strip().lstrip("#").strip() for t in filters.tags} \
            & set(annotation.tags):
        return False
    if filters.meeting and filters.meeting.casefold() not in annotation.meeting.casefold():
        return False
    if filters.instruments and annotation.anchor.instrument not in filters.instruments:
        return False
    return not (filters.author and
                annotation.author.casefold() != " ".join(filters.author.split()).casefold())


class _ExcerptMaker:
    """Builds excerpts, reading each unit and each unit's correspondences once."""

    def __init__(self, service: NotesService, full_text: bool) -> None:
        self._service = service
        self._full_text = full_text
        self._links = Correspondences(service.corpus())
        self._units: dict[str, Unit | None] = {}
        self._citations: dict[str, str] = {}
        self._corresponding: dict[str, tuple[Corresponding, ...]] = {}

    def make(self, annotation: Annotation) -> Excerpt:
        anchor = annotation.anchor
        covered = self._covered(anchor.unit, anchor.end_unit)
        corresponding: dict[str, Corresponding] = {}
        for unit_id in covered:
            for found in self._corresponding_to(unit_id):
                corresponding.setdefault(found.unit, found)
        order = self._links.order  # direct ones first, each kind in document order
        ranked = sorted(corresponding.values(), key=lambda c: (bool(c.via), order(c.unit)))
        return Excerpt(
            id=annotation.id, uuid=annotation.uuid, unit=anchor.unit, end_unit=anchor.end_unit,
            instrument=anchor.instrument, citation=self._service.place(anchor),
            quote=anchor.quote, whole=anchor.whole, category=annotation.category,
            colour=annotation.colour, tags=annotation.tags, meeting=annotation.meeting,
            author=annotation.author, created=annotation.created,
            modified=annotation.modified, note=annotation.note,
            private=annotation.private, in_review=annotation.status == REVIEW,
            link=unit_link(anchor.unit), corresponding=tuple(ranked),
            passages=self._passages(annotation, covered)
            if self._full_text or anchor.whole else ())

    def _unit(self, unit_id: str) -> Unit | None:
        if unit_id not in self._units:
            self._units[unit_id] = self._links.unit(unit_id)
        return self._units[unit_id]

    def _citation(self, unit_id: str) -> str:
        if unit_id not in self._citations:
            self._citations[unit_id] = self._service.citation(unit_id)
        return self._citations[unit_id]

    def _covered(self, first: str, last: str) -> list[str]:
        """The units from `first` to `last` in document order (just `first` if one)."""
        if first == last:
            return [first]
        text = self._service.texts().of_unit(first)
        if text is None or not text.has(last):
            return [first, last]
        return text.between(first, last) or [first, last]

    def _corresponding_to(self, unit_id: str) -> tuple[Corresponding, ...]:
        if unit_id not in self._corresponding:
            found: list[Corresponding] = []
            for correspondence in self._links.find_all(unit_id):
                if correspondence.status not in (LINKED, INDIRECT):
                    continue
                for target in correspondence.targets:
                    unit = self._unit(target.unit)
                    if unit is None:
                        continue
                    found.append(Corresponding(
                        unit=target.unit, citation=self._citation(target.unit),
                        first_words=first_words(unit, FIRST_WORDS), kinds=target.kinds,
                        via=tuple(self._citation(v) for v in target.via),
                        link=unit_link(target.unit)))
            self._corresponding[unit_id] = tuple(found)
        return self._corresponding[unit_id]

    def _passages(self, annotation: Annotation, covered: Sequence[str]) -> tuple[Passage, ...]:
        anchor = annotation.anchor
        passages = []
        for unit_id in covered:
            unit = self._unit(unit_id)
            if unit is None:
                continue
            start = anchor.start if unit_id == anchor.unit else 0
            end = anchor.end if unit_id == anchor.end_unit else len(unit.text)
            marked = None
            if not anchor.whole and annotation.status == OK and 0 <= start < end <= len(
                    unit.text):
                marked = (start, end)
            passages.append(Passage(unit_id, unit.label, unit.text, marked))
        return tuple(passages)


def first_words(unit: Unit, limit: int) -> str:
    """The unit's label and its first words, cut at a word with " …" past `limit`."""
    line = f"{unit.label} {unit.text}".strip()
    return line if len(line) <= limit else line[:limit - 1].rsplit(" ", 1)[0] + " …"


def long_date(iso: str) -> str:
    """"2026-03-12…" → "12 March 2026"; anything else as it is."""
    try:
        year, month, day = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
        return f"{day} {_MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return iso


def _alternatives(values: Iterable[str]) -> str:
    items = list(values)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
