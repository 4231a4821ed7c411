"""Importing, replacing and removing a draft: the steps the command line and the window share.

`prepare` reads and detects (nothing is kept: the window previews this); `keep` writes the
instrument into the user corpus with its agreed-language links and, for a new revision,
carries the annotations forward through the notes store's re-attachment (exact, shifted, or
onto the review list); `remove` takes an instrument out and moves its annotations to the
trash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.core.corpus import Corpus, CorpusError
from desktop.core.drafts import store as user_store
from desktop.core.drafts.analysis import Paragraph, Sources, analyse, restates_links
from desktop.core.drafts.detect import ID_PATTERN, Detection, detect
from desktop.core.drafts.readers import DraftError, read
from desktop.core.drafts.revisions import Pair, compare
from desktop.core.model import Instrument, Unit


@dataclass(frozen=True)
class Options:
    """What the user said about the draft; empty fields are taken from the document."""

    instrument_id: str = ""
    title: str = ""
    symbol: str = ""
    date: str = ""  # ISO, YYYY-MM-DD
    aliases: tuple[str, ...] = ()  # short forms users type ("my draft", "L.12")
    replace: bool = False


@dataclass(frozen=True)
class Prepared:
    """A detected draft, not kept yet."""

    path: Path
    instrument: Instrument
    detection: Detection
    paragraphs: list[Paragraph]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Kept:
    prepared: Prepared
    revision: int
    carried: dict[str, int]  # re-attachment outcomes of the annotations: kind -> count


def default_id(path: Path) -> str:
    """An id from the file name: lower case, letters, digits and hyphens."""
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:40] or "draft"
    return stem if stem[0].isalnum() else f"d{stem}"


def check_id(instrument_id: str, corpus: Corpus, replace: bool) -> None:
    if not ID_PATTERN.match(instrument_id):
        raise DraftError(f"“{instrument_id}” cannot be an instrument id: use lower-case "
                         "letters, digits, '-', '.' or '_' (at most 40), e.g. draft-l12")
    existing = corpus.instrument(instrument_id)
    if existing is None:
        if replace:
            raise DraftError(f"there is no imported instrument {instrument_id} to replace")
        return
    if instrument_id not in corpus.imported():
        raise DraftError(f"{instrument_id} is a shipped instrument ({existing.short_title}); "
                         "choose another id")
    if not replace:
        raise DraftError(f"an instrument {instrument_id} is already imported: give another "
                         "id, or replace it with a new revision")


def check_date(text: str) -> str:
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise DraftError(f"“{text}” is not a date: write it as YYYY-MM-DD") from None


def prepare(path: Path, corpus: Corpus, options: Options) -> Prepared:
    """Read, detect and analyse a draft against the shipped instruments; nothing is kept."""
    instrument_id = options.instrument_id or default_id(path)
    check_id(instrument_id, corpus, options.replace)
    adopted = check_date(options.date)
    source = read(path)
    detection = detect(source, instrument_id, path.name)
    title = options.title or detection.title or path.stem
    symbol = options.symbol or detection.symbol
    provenance = {"source": f"imported from {path.name}",
                  "title": "given on import" if options.title else "the draft's masthead",
                  "symbol": "given on import" if options.symbol else (
                      "the draft's masthead" if symbol else "")}
    instrument = Instrument(
        id=instrument_id, title=title, short_title=title if len(title) <= 60 else
        title[:59] + "…", symbol=symbol, adopted=adopted, body="", source=path.name,
        citation_prefix=f"{symbol or title}", provenance={k: v for k, v in provenance.items()
                                                          if v})
    units = [u._replace(instrument=instrument_id) for u in detection.units]
    paragraphs = analyse(units, shipped_sources(corpus))
    aliases = tuple(dict.fromkeys(a for a in options.aliases if a.strip()))
    return Prepared(path, instrument, detection, paragraphs, aliases)


def shipped_sources(corpus: Corpus, against: tuple[str, ...] = (),
                    exclude: str = "") -> Sources:
    """The units a draft is compared with: the shipped instruments and the imported ones
    named in `against` — never `exclude` (the draft itself)."""
    imported = set(corpus.imported())
    wanted = [i for i in corpus.instruments() if i.id != exclude
              and (i.id in against or i.id not in imported)]
    units: list[Unit] = [u for i in wanted for u in corpus.units(i.id)]
    return Sources(corpus.vocabulary(), units, {i.id: i for i in corpus.instruments()})


def keep(prepared: Prepared, user_path: Path, notes_path: Path | None,
         corpus_path: Path) -> Kept:
    """Write the draft into the user corpus; for a revision, carry its annotations forward."""
    detection = prepared.detection
    record = user_store.DraftRecord(
        prepared.instrument.id, 0, datetime.now(UTC).isoformat(timespec="seconds"),
        prepared.path.name, detection.digest, prepared.aliases, detection.report)
    imported = user_store.Imported(
        prepared.instrument, [p.unit for p in prepared.paragraphs], detection.footnotes,
        detection.calls, detection.repairs, restates_links(prepared.paragraphs), record)
    connection = user_store.open_for_writing(user_path)
    try:
        revision = user_store.keep(connection, imported, replace=True)
    finally:
        connection.close()
    carried = reconcile_notes(notes_path, corpus_path, user_path) if notes_path else {}
    return Kept(prepared, revision, carried)


def reconcile_notes(notes_path: Path, corpus_path: Path, user_path: Path) -> dict[str, int]:
    """Re-attach the annotations to the corpus as it now is; kind -> count."""
    if not notes_path.exists():
        return {}
    from desktop.core.notes.service import NotesService

    service = NotesService(notes_path, lambda: Corpus.open(corpus_path, user_path))
    try:
        service.store()
        reconciliation = service.reconciliation
        counts: dict[str, int] = {}
        for done in reconciliation.reattachments if reconciliation else ():
            counts[done.outcome] = counts.get(done.outcome, 0) + 1
        return counts
    finally:
        service.close()


@dataclass(frozen=True)
class RevisionDiff:
    """An earlier revision of an imported draft against the current one, paragraph by
    paragraph (desktop.core.drafts.revisions)."""

    instrument: str
    old_revision: int
    old_file: str
    new_revision: int
    new_file: str
    earlier: tuple[int, ...]  # every earlier revision kept, oldest first
    pairs: list[Pair]
    old_texts: dict[str, str]  # unit path -> text, of the earlier revision
    new_texts: dict[str, str]  # and of the current one


def compared(unit_id: str) -> bool:
    """Paragraphs and subparagraphs; not the masthead, the formula or headings."""
    return not unit_id.split("/", 1)[1].startswith(("front:", "f:", "h:"))


def diff_revisions(corpus: Corpus, user_path: Path, instrument_id: str,
                   revision: int | None = None) -> RevisionDiff:
    """The current revision of an imported draft against an earlier one (the last before it
    by default). DraftError says why there is nothing to compare."""
    if instrument_id not in corpus.imported():
        raise DraftError(f"there is no imported instrument {instrument_id}")
    connection = user_store.open_for_writing(user_path)
    try:
        earlier = user_store.revisions(connection, instrument_id)
        current = next(r for r in user_store.records(connection)
                       if r.instrument == instrument_id)
    finally:
        connection.close()
    if not earlier:
        raise DraftError(f"{instrument_id} has no earlier revision (import one with "
                         "--replace)")
    chosen = earlier[-1] if revision is None else next(
        (r for r in earlier if r.revision == revision), None)
    if chosen is None:
        raise DraftError(f"{instrument_id} has earlier revisions "
                         f"{', '.join(str(r.revision) for r in earlier)}")
    older = [(i.split("/", 1)[1], label, text) for i, label, text in chosen.units
             if compared(i)]
    newer = [(u.path, u.label, u.text) for u in corpus.units(instrument_id) if compared(u.id)]
    return RevisionDiff(instrument_id, chosen.revision, chosen.file, current.revision,
                        current.file, tuple(r.revision for r in earlier),
                        compare(corpus.vocabulary(), older, newer),
                        {path: text for path, _, text in older},
                        {path: text for path, _, text in newer})


def remove(instrument_id: str, user_path: Path, notes_path: Path | None) -> int:
    """Remove an imported instrument; its annotations go to the trash. Returns how many."""
    trashed = 0
    if notes_path is not None and notes_path.exists():
        from desktop.core.notes.store import AnnotationStore

        notes = AnnotationStore.open(notes_path)
        try:
            for annotation in notes.list(instrument=instrument_id):
                notes.remove(annotation.id)
                trashed += 1
        finally:
            notes.close()
    connection = user_store.open_for_writing(user_path)
    try:
        if not user_store.remove(connection, instrument_id):
            raise DraftError(f"there is no imported instrument {instrument_id}")
    finally:
        connection.close()
    return trashed


__all__ = ["CorpusError", "DraftError", "Kept", "Options", "Prepared", "RevisionDiff",
           "default_id", "diff_revisions", "keep", "prepare", "remove"]
