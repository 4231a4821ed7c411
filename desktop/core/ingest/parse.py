"""Parse the source files into instruments, units, footnotes, repairs and slips (no I/O
besides reading the sources)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.ingest.blocks import Block, FootnoteDef, Join, page_layer
from desktop.core.ingest.concordance import build_concordance, read_table
from desktop.core.ingest.emphasis import repair_emphasis
from desktop.core.ingest.inline import parse_inline, strip_markup
from desktop.core.ingest.opening import opening_words
from desktop.core.ingest.pieces import Piece, classify
from desktop.core.ingest.references import Catalogue
from desktop.core.ingest.sources import (
    CONCORDANCE_FILE,
    INSTRUMENTS,
    KNOWN_SLIPS,
    SOURCES,
    InstrumentSpec,
    SourceSpec,
    compile_start,
)
from desktop.core.ingest.structure import Draft, InstrumentBuilder
from desktop.core.model import (
    ConcordanceToken,
    Footnote,
    FootnoteCall,
    Instrument,
    Link,
    Repair,
    Slip,
    Unit,
)


class SourceError(Exception):
    """A source that cannot be read or parsed; names the file and line."""

    def __init__(self, file: str, line: int, message: str) -> None:
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


@dataclass
class Parsed:
    instruments: list[Instrument] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    calls: list[FootnoteCall] = field(default_factory=list)
    repairs: list[tuple[str, Repair]] = field(default_factory=list)  # (source file, repair)
    slips: list[tuple[str, Slip]] = field(default_factory=list)
    source_hashes: dict[str, str] = field(default_factory=dict)
    concordance_rows: int = 0  # rows of the concordance table read (shape.py)
    tokens: list[ConcordanceToken] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def read_lines(path: Path) -> list[str]:
    """The source's lines; a missing, empty or non-UTF-8 file is a SourceError."""
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(name, 0, "source file is missing") from None
    except OSError as error:
        raise SourceError(name, 0, f"cannot read the source: {error.strerror}") from None
    if not data.strip():
        raise SourceError(name, 1, "source file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(name, line, "not valid UTF-8 text (garbled or binary file)") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SourceError(name, line, "contains NUL bytes (garbled or binary file)")
    return text.splitlines()


def parse_all(sources_dir: Path) -> Parsed:
    parsed = Parsed()
    builders: dict[str, InstrumentBuilder] = {}
    specs = {spec.id: spec for spec in INSTRUMENTS}
    footnote_defs: dict[str, dict[str, FootnoteDef]] = {}
    def_owner: dict[tuple[str, str], str] = {}
    joins_by_source: dict[str, list[Join]] = {}
    for source in SOURCES:
        lines = read_lines(sources_dir / source.file)
        parsed.source_hashes[source.file] = hashlib.sha256(
            "\n".join(lines).encode("utf-8")).hexdigest()
        layer = page_layer(lines)
        joins_by_source[source.file] = layer.joins
        defs: dict[str, FootnoteDef] = {}
        for note in layer.footnotes:
            if note.number in defs:
                raise SourceError(source.file, note.line,
                                  f"footnote {note.number} is defined twice "
                                  f"(also at line {defs[note.number].line})")
            defs[note.number] = note
        footnote_defs[source.file] = defs
        for instrument_id, pieces in _regions(source, layer.blocks):
            builder = builders.get(instrument_id)
            if builder is None:
                builder = builders[instrument_id] = InstrumentBuilder(specs[instrument_id],
                                                                      source.file)
            front, body = pieces
            for piece in front:
                builder.front(piece)
            for index, piece in enumerate(body):
                builder.feed(piece, body[index + 1] if index + 1 < len(body) else None)
        for note in layer.footnotes:
            def_owner[(source.file, note.number)] = _owner_at(builders, source.file, note.line)

    for spec in INSTRUMENTS:
        builder = builders.get(spec.id)
        if builder is None:
            raise SourceError("resources/sources", 0, f"no text found for instrument {spec.id}")
        builder.finish()
        if builder.errors:
            first = builder.errors[0]
            raise SourceError(builder.source, first.line, first.message)
        for repair in builder.repairs + repair_emphasis(builder.units):
            parsed.repairs.append((builder.source, repair))

    for source in SOURCES:
        _page_repairs(parsed, builders, source, joins_by_source[source.file])
    _footnotes(parsed, builders, footnote_defs, def_owner)
    for spec in INSTRUMENTS:
        builder = builders[spec.id]
        parsed.instruments.append(_instrument(spec, builder))
        texts: dict[str, str] = {}
        for seq, draft in enumerate(builder.units, start=1):
            text, rich = draft.inline.text, draft.inline.rich()
            texts[draft.id] = text
            parsed.units.append(Unit(
                id=draft.id, instrument=draft.instrument, kind=draft.kind, parent=draft.parent,
                seq=seq, label=draft.label, text=text, rich=rich,
                role=draft.role, level=draft.level, line_start=draft.line_start,
                line_end=draft.line_end,
                opening=opening_words(draft.kind, text, rich, texts.get(draft.parent or "", ""))))
            for debris in draft.inline.link_debris:
                parsed.repairs.append((builder.source, Repair(
                    draft.instrument, draft.id, draft.line_start, "link-debris",
                    f"conversion link syntax {debris} reduced to its words")))
    _slips(parsed, builders)
    _concordance(parsed, sources_dir)
    parsed.repairs.sort(key=lambda item: (item[0], item[1].line, item[1].rule))
    return parsed


def _regions(
    source: SourceSpec, blocks: list[Block]
) -> list[tuple[str, tuple[list[Piece], list[Piece]]]]:
    """(instrument id, (masthead pieces, body pieces)) for each region span, in order."""
    starts = [(region, compile_start(region.start)) for region in source.regions]
    spans: list[tuple[str, list[Piece], list[Piece]]] = []
    region_index = 0
    current = starts[0][0]
    front_until = compile_start(current.front_until)
    front: list[Piece] = []
    body: list[Piece] = []
    for block in blocks:
        words = re.sub(r"^#+\s*", "", strip_markup(block.text)).strip()
        following = starts[region_index + 1] if region_index + 1 < len(starts) else None
        if following is not None and following[1] is not None and following[1].search(words):
            spans.append((current.instrument, front, body))
            region_index += 1
            current = following[0]
            front_until = compile_start(current.front_until)
            front, body = [], []
        piece = classify(block)
        if front_until is not None:
            if front_until.search(words):
                front_until = None
            else:
                front.append(piece)
                continue
        body.append(piece)
    spans.append((current.instrument, front, body))
    return [(instrument, (span_front, span_body)) for instrument, span_front, span_body in spans]


def _owner_at(builders: dict[str, InstrumentBuilder], source: str, line: int) -> str:
    """The instrument whose text stands nearest before a source line."""
    best, best_line = "", -1
    for builder in builders.values():
        if builder.source != source:
            continue
        for draft in builder.units:
            if best_line < draft.line_start <= line:
                best, best_line = builder.spec.id, draft.line_start
    return best


def _unit_at(builders: dict[str, InstrumentBuilder], source: str, line: int) -> Draft | None:
    for builder in builders.values():
        if builder.source == source:
            for draft in builder.units:
                if line in draft.lines:
                    return draft
    return None


def _page_repairs(parsed: Parsed, builders: dict[str, InstrumentBuilder], source: SourceSpec,
                  joins: list[Join]) -> None:
    for join in joins:
        draft = _unit_at(builders, source.file, join.line)
        instrument = draft.instrument if draft else _owner_at(builders, source.file, join.line)
        rule = "hyphen-join" if join.hyphen else "page-break-join"
        how = "without a space after the line-end hyphen" if join.hyphen else "with a space"
        across = "only a blank line" if join.across == "nothing" else join.across
        parsed.repairs.append((source.file, Repair(
            instrument, draft.id if draft else None, join.line, rule,
            f"paragraph split by a page break ({across} between) joined with its "
            f"continuation at line {join.continuation}, {how}")))


def _footnotes(parsed: Parsed, builders: dict[str, InstrumentBuilder],
               footnote_defs: dict[str, dict[str, FootnoteDef]],
               def_owner: dict[tuple[str, str], str]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for builder in builders.values():
        defs = footnote_defs[builder.source]
        for draft in builder.units:
            for seq, (offset, number) in enumerate(draft.inline.calls, start=1):
                note = defs.get(number)
                if note is None:
                    raise SourceError(builder.source, draft.line_start,
                                      f"{draft.id} calls footnote {number}, which the source "
                                      "does not define")
                key = (builder.source, number)
                if key not in seen:
                    seen[key] = draft.id
                owner = seen[key].split("/", 1)[0]
                parsed.calls.append(FootnoteCall(draft.id, f"{owner}/fn{number}", offset, seq))
    for source, defs in footnote_defs.items():
        for number, note in defs.items():
            key = (source, number)
            owner = seen[key].split("/", 1)[0] if key in seen else def_owner[key]
            inline = parse_inline(note.text)
            parsed.footnotes.append(Footnote(f"{owner}/fn{number}", owner, number, inline.text,
                                             inline.rich(), note.line))
            if key not in seen:
                parsed.repairs.append((source, Repair(
                    owner, None, note.line, "uncalled-footnote",
                    f"footnote {number} is called by no paragraph; kept with {owner}")))


def _instrument(spec: InstrumentSpec, builder: InstrumentBuilder) -> Instrument:
    title_unit = next((d for d in builder.units if d.id == f"{spec.id}/h:title"), None)
    title = title_unit.inline.text if title_unit else spec.short_title
    provenance = dict(spec.provenance)
    if title_unit:
        provenance["title"] = f"title heading ({builder.source} line {title_unit.line_start})"
    seq = [s.id for s in INSTRUMENTS].index(spec.id) + 1
    return Instrument(id=spec.id, title=title, short_title=spec.short_title, symbol=spec.symbol,
                      adopted=spec.adopted, body=spec.body, source=builder.source, seq=seq,
                      citation_prefix=spec.citation_prefix, provenance=provenance)


def _slips(parsed: Parsed, builders: dict[str, InstrumentBuilder]) -> None:
    texts = {unit.id: (unit.text, unit.line_start, unit.instrument) for unit in parsed.units}
    texts.update({note.id: (note.text, note.line, note.instrument)
                  for note in parsed.footnotes})
    for slip in KNOWN_SLIPS:
        found = texts.get(slip.target)
        if found is None or slip.must_contain not in found[0]:
            raise SourceError("desktop/core/ingest/sources.py", 0,
                              f"the known slip in {slip.target} (“{slip.must_contain}”) is no "
                              "longer in the source: update KNOWN_SLIPS")
        source = builders[found[2]].source
        parsed.slips.append((source, Slip(slip.target, found[1], slip.detail)))
    # General rule: an operative paragraph that is not the last ends with a comma, where
    # its neighbours end with a semicolon.
    for builder in builders.values():
        numbered = [d for d in builder.units if d.kind == "paragraph" and d.label]
        endings = [d.inline.text.rstrip()[-1:] for d in numbered]
        if endings.count(";") < len(endings) / 2:
            continue
        for draft in numbered[:-1]:
            if draft.inline.text.rstrip().endswith(","):
                parsed.slips.append((builder.source, Slip(
                    draft.id, draft.line_start,
                    "ends with a comma where the operative paragraphs around it end with a "
                    "semicolon; kept as printed")))


def _concordance(parsed: Parsed, sources_dir: Path) -> None:
    """Turn the concordance table into links, accounting for every reference token."""
    lines = read_lines(sources_dir / CONCORDANCE_FILE)
    parsed.source_hashes[CONCORDANCE_FILE] = hashlib.sha256(
        "\n".join(lines).encode("utf-8")).hexdigest()
    parsed.concordance_rows = len(read_table(lines))
    ungass = [u for u in parsed.units if u.instrument == "ungass2016"]
    older = [u for u in parsed.units if u.instrument in ("pd2009", "poa2009")]
    targets = {u.id: u.text for u in older}
    for unit in older:  # a paragraph's words include its subparagraphs'
        parent = unit.parent
        while parent and parent in targets and not parent.startswith(unit.instrument + "/h:"):
            targets[parent] += " " + unit.text
            parent = next((u.parent for u in older if u.id == parent), None)
    catalogue = Catalogue.build((u.id, u.kind, u.role, u.parent) for u in older)
    try:
        result = build_concordance(lines, {u.id: u.text for u in ungass},
                                   {u.id: u.kind for u in ungass}, targets, catalogue)
    except ValueError as error:
        line = int(re.search(r"line (\d+)", str(error)).group(1)) if re.search(
            r"line (\d+)", str(error)) else 0
        raise SourceError(CONCORDANCE_FILE, line, str(error)) from None
    if not any(record.unit for record in result.tokens):
        raise SourceError(CONCORDANCE_FILE, 1, "no reference of the table could be placed: "
                          "is this the concordance table?")
    parsed.tokens = [ConcordanceToken(r.line, r.seq, r.raw, r.unit, r.outcome, r.rule,
                                      r.target, r.detail) for r in result.tokens]
    for record in result.tokens:
        if record.unit and record.outcome in ("link", "repaired", "no-counterpart"):
            parsed.links.append(Link(record.unit, record.target, "concordance", record.raw,
                                     record.line, record.rule))
    seen: set[tuple[str, str]] = set()
    for label in result.labels:
        if label.rule and (label.printed, label.unit) not in seen:
            seen.add((label.printed, label.unit))
            path = label.unit.split("/", 1)[1]
            parsed.repairs.append((CONCORDANCE_FILE, Repair(
                "ungass2016", label.unit, label.line, "label-ocr",
                f"the table's label “{label.printed}” read as {path}, the next label in "
                "sequence (OCR confuses 1/l, 0/o, I/l)")))
