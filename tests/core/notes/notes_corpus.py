"""Small test corpora for the annotation store: the real corpus schema, a few units."""

from __future__ import annotations

from pathlib import Path

from desktop.core.corpus import Corpus
from desktop.core.ingest.build import write
from desktop.core.ingest.parse import Parsed
from desktop.core.model import Instrument, Unit
from desktop.core.notes.texts import CorpusText

# {instrument id: [(path, text), …] in document order}
Texts = dict[str, list[tuple[str, str]]]


def write_corpus(path: Path, instruments: Texts) -> Path:
    """A corpus.sqlite with the real schema holding just these units.

    A path with "(" is a subparagraph of the path before it; the rest are paragraphs.
    """
    parsed = Parsed()
    for position, (instrument, units) in enumerate(instruments.items()):
        parsed.instruments.append(Instrument(
            id=instrument, title=f"Test instrument {instrument}", short_title=instrument,
            seq=position, citation_prefix=f"TEST/{instrument}"))
        for seq, (unit_path, text) in enumerate(units):
            parent = unit_path.split("(", 1)[0] if "(" in unit_path else None
            label = f"({unit_path.rsplit('(', 1)[1]}" if parent else f"{unit_path}."
            parsed.units.append(Unit(
                id=f"{instrument}/{unit_path}", instrument=instrument,
                kind="subparagraph" if parent else "paragraph",
                parent=f"{instrument}/{parent}" if parent else None, seq=seq, label=label,
                text=text, rich=text))
    write(parsed, path)
    return path


def corpus_text(path: Path) -> CorpusText:
    corpus = Corpus.open(path)
    try:
        return CorpusText.from_corpus(corpus)
    finally:
        corpus.close()
