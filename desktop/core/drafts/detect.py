"""Structure of a draft, by the general grammar of UN instruments (desktop.core.ingest).

The reader's lines go through the same page layer (blocks, footnotes, page-break joins),
the same classification of blocks and the same InstrumentBuilder as the shipped sources.
What is particular to a draft is small and here: the masthead is everything before the
opening formula (session, committee, agenda item, "Draft resolution", the title); text
pasted from a PDF is repaired first (running headers and page numbers dropped, hard-wrapped
lines joined into paragraphs, footnotes at a page's foot recognised); and a line the grammar
cannot place is reported, never dropped in silence.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field

from desktop.core.drafts.readers import DraftError, Source
from desktop.core.ingest.blocks import Block, page_layer
from desktop.core.ingest.inline import parse_inline, strip_markup
from desktop.core.ingest.opening import opening_words
from desktop.core.ingest.pieces import classify
from desktop.core.ingest.sources import InstrumentSpec
from desktop.core.ingest.structure import OPENING_FORMULA, InstrumentBuilder
from desktop.core.model import Unit

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")
SYMBOL = re.compile(r"^[A-Z]{1,5}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?:/Rev\.\d+)?$")
PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*/\s*\d{1,3}|-\s*\d{1,3}\s*-|Page \d{1,3}"
                         r"(?: of \d{1,3})?|\d{1,3})\s*$", re.I)
JOB_NUMBER = re.compile(r"^\s*(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?.*$")
FOOT_NOTE = re.compile(r"^(\d{1,2})\s+(\S.*)$")
TERMINAL = re.compile(r"[.;:,]\s*(?:<sup>\d+</sup>)?$")
STARTS_NEW = re.compile(r"^\s*(?:[A-Z\[“\"(]|\d{1,3}(?: bis| ter)?\.)")
FRONT_ROLES = (
    ("symbol", SYMBOL),
    ("distribution", re.compile(r"^Distr\.|^(?:General|Limited|Restricted)$", re.I)),
    ("date", re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")),
    ("session", re.compile(r"\bsession\b", re.I)),
    ("agenda item", re.compile(r"\bitem \d+", re.I)),
    ("draft", re.compile(r"\b(?:draft|revised draft) (?:resolution|declaration|decision)\b|"
                         r"^draft\b", re.I)),
    ("committee", re.compile(r"\b(?:Committee|Commission|Council|General Assembly)\b")),
    ("language", re.compile(r"^Original: ", re.I)),
)


@dataclass
class Detection:
    """What detection found, ready for the user corpus and the report."""

    units: list[Unit]
    footnotes: list[tuple[str, str, str, int, str | None]]  # id, number, text, line, unit
    calls: list[tuple[str, int, str, int]]  # unit, seq, footnote, offset
    repairs: list[tuple[str | None, int, str, str]]  # unit, line, rule, detail
    report: dict[str, object] = field(default_factory=dict)
    title: str = ""
    symbol: str = ""

    @property
    def digest(self) -> str:
        return text_digest((u.id.split("/", 1)[1], u.text) for u in self.units)


def text_digest(units: object) -> str:
    """What identifies a draft's text: its units' paths and words."""
    digest = hashlib.sha256()
    for path, text in units:  # type: ignore[attr-defined]
        digest.update(f"{path}\x1f{text}\x1e".encode())
    return digest.hexdigest()[:24]


def detect(source: Source, instrument_id: str, name: str = "") -> Detection:
    """The units of the draft in `source`, as instrument `instrument_id`."""
    repairs: list[tuple[str | None, int, str, str]] = []
    lines = repair_pasted(source, repairs) if source.unit == "line" else source.lines
    layer = page_layer(lines)
    blocks = layer.blocks
    opening = next((index for index, block in enumerate(blocks)
                    if OPENING_FORMULA.match(strip_markup(block.text).strip())), None)
    front_count = opening if opening is not None else _masthead_length(blocks)
    spec = InstrumentSpec(id=instrument_id, short_title=name or instrument_id,
                          citation_prefix=name or instrument_id)
    builder = InstrumentBuilder(spec, name)
    for block in blocks[:front_count]:  # each masthead line is an item of its own
        for line, text in zip(block.lines, block.text.split("\n"), strict=False):
            text = re.sub(r"^#{1,6}\s+", "", text)  # a Markdown heading's marker
            builder.front(classify(Block(text, line, line, [line])))
    body = [classify(block) for block in blocks[front_count:]]
    for index, piece in enumerate(body):
        builder.feed(piece, body[index + 1] if index + 1 < len(body) else None)
    for join in layer.joins:
        repairs.append((None, join.line, "page-break-join",
                        f"a paragraph split by a page break joined with its continuation at "
                        f"{source.unit} {source.place(join.continuation)}"))

    units: list[Unit] = []
    texts: dict[str, str] = {}
    for seq, draft in enumerate(builder.units, start=1):
        text, rich = draft.inline.text, draft.inline.rich()
        texts[draft.id] = text
        units.append(Unit(
            id=draft.id, instrument=instrument_id, kind=draft.kind, parent=draft.parent,
            seq=seq, label=draft.label, text=text, rich=rich, role=draft.role,
            level=draft.level, line_start=source.place(draft.line_start),
            line_end=source.place(draft.line_end),
            opening=opening_words(draft.kind, text, _verb_marked(draft.kind, text, rich),
                                  texts.get(draft.parent or "", ""))))
    if not any(u.kind in ("preamble", "paragraph", "subparagraph") for u in units):
        raise DraftError(f"{name or 'the file'}: no paragraph of a resolution or declaration "
                         "was recognised (no opening formula, preambular or numbered "
                         "operative paragraph); nothing was imported")

    notes = {note.number: note for note in layer.footnotes}
    footnotes: list[tuple[str, str, str, int, str | None]] = []
    calls: list[tuple[str, int, str, int]] = []
    called: dict[str, str] = {}
    unplaced: list[dict[str, object]] = []
    warnings: list[dict[str, object]] = []
    for draft in builder.units:
        for seq, (offset, number) in enumerate(draft.inline.calls, start=1):
            if number not in notes:
                warnings.append(_where(source, draft.line_start, draft.inline.text,
                                       f"footnote call {number} with no footnote text"))
                continue
            called.setdefault(number, draft.id)
            calls.append((draft.id, seq, f"{instrument_id}/fn{number}", offset))
    for number, note in notes.items():
        footnotes.append((f"{instrument_id}/fn{number}", number, parse_inline(note.text).text,
                          source.place(note.line), called.get(number)))
        if number not in called:
            warnings.append(_where(source, note.line, note.text,
                                   f"footnote {number} is called by no paragraph; kept"))
    for error in builder.errors:
        message = error.message.split(": ", 1)[-1]
        text = next((b.text for b in blocks if error.line in b.lines), "")
        entry = _where(source, error.line, text, message)
        kept = any(error.line in d.lines for d in builder.units) and \
            "a second unit" not in message
        (warnings if kept else unplaced).append(entry)

    report = _report(units, footnotes, repairs, unplaced, warnings, source)
    front = report["front"]
    assert isinstance(front, list)
    title = next((item["text"] for item in reversed(front) if item["role"] == "title"), "")
    symbol = next((item["text"] for item in front if item["role"] == "symbol"), "")
    return Detection(units, footnotes, calls, repairs, report, str(title), str(symbol))


_FINITE = re.compile(r"^((?:(?:Also|Further|Again|Strongly|Once again|Further also) )?"
                     r"[A-Z][a-z]+(?<!ing)(?<!ss)s)\b")


def _verb_marked(kind: str, text: str, rich: str) -> str:
    """A draft typed without italics: its operative verb ("Encourages", "Also urges") read
    as the print's italics would mark it, so the opening is found as in the corpus."""
    if kind != "paragraph" or "<i>" in rich:
        return rich
    match = _FINITE.match(text)
    return f"<i>{match[1]}</i>{rich[len(match[1]):]}" if match and rich.startswith(match[1]) \
        else rich


def _where(source: Source, line: int, text: str, reason: str) -> dict[str, object]:
    words = " ".join(strip_markup(text).split())
    return {"place": f"{source.unit} {source.place(line)}", "text": words[:100]
            + ("…" if len(words) > 100 else ""), "reason": reason}


def _masthead_length(blocks: list[Block]) -> int:
    """Without an opening formula, the masthead is the leading lines that end without
    punctuation (headings, symbol, title) before the first paragraph."""
    count = 0
    for block in blocks:
        plain = strip_markup(block.text).strip()
        if "\n" in block.text or re.search(r"[.;:,]$", plain) or re.match(r"^\d+\.", plain):
            break
        count += 1
    return max(0, count - 1) if count == len(blocks) else count


def _report(units: list[Unit], footnotes: list[tuple[str, str, str, int, str | None]],
            repairs: list[tuple[str | None, int, str, str]], unplaced: list[dict[str, object]],
            warnings: list[dict[str, object]], source: Source) -> dict[str, object]:
    front = [{"unit": u.id, "role": _front_role(u.text), "text": u.text}
             for u in units if u.kind == "front"]
    untyped = [item for item in front if item["role"] == ""]
    if untyped:
        untyped[-1]["role"] = "title"  # the last unplaced masthead line is the title
    for item in front:
        item["role"] = item["role"] or "other"
    formula = next((u.text for u in units if u.id.endswith("/f:open")), None)
    operative = [u for u in units if u.kind == "paragraph"]
    bracketed = [u.id for u in units if "[" in u.text or "]" in u.text]
    unbalanced = [u for u in units if u.text.count("[") != u.text.count("]")]
    for unit in unbalanced:
        warnings.append({"place": f"{source.unit} {unit.line_start}", "text": unit.text[:100],
                         "reason": "square brackets do not pair up in this paragraph "
                                   "(a bracket opened in one paragraph and closed in another?)"})
    return {
        "front": front,
        "formula": formula,
        "counts": {
            "preamble": sum(1 for u in units if u.kind == "preamble"),
            "operative": len(operative),
            "inserted": sum(1 for u in operative if re.search(r"\d+[a-z]+$", u.id)),
            "subparagraphs": sum(1 for u in units if u.kind == "subparagraph"),
            "headings": sum(1 for u in units if u.kind == "heading"),
            "footnotes": len(footnotes),
        },
        "bracketed": bracketed,
        "repairs": [{"place": f"{source.unit} {line}", "rule": rule, "detail": detail}
                    for _, line, rule, detail in repairs],
        "unplaced": unplaced,
        "warnings": warnings,
        "reader": source.notes,
    }


def _front_role(text: str) -> str:
    for role, pattern in FRONT_ROLES:
        if pattern.search(text):
            return role
    return ""


# -- text pasted from a PDF or an e-mail ----------------------------------------------


def repair_pasted(source: Source, repairs: list[tuple[str | None, int, str, str]]) -> list[str]:
    """Lines as the page layer reads them: page furniture out, paragraphs separated.

    Running headers (the document symbol repeated at each page's top, after its first
    appearance), page numbers and UN job numbers are dropped. A text without blank lines
    between paragraphs (hard-wrapped, as a PDF's text layer or an e-mail gives it) gets one
    where a line ends a sentence or a clause (. ; : ,) and the next opens a new one
    (capital, bracket, number). Footnotes at a page's foot ("1 Resolution S-30/1, annex.")
    become footnote definitions, and the call glued to a word of that page ("document1")
    a call. Every repair is recorded.
    """
    lines = source.lines
    pages = _pages(lines)
    nonblank = [line for line in lines if line.strip() and line != "\f"]
    blank_runs = sum(1 for a, b in itertools.pairwise(lines)
                     if a.strip() and not b.strip())
    hard = blank_runs < len(nonblank) / 4
    symbol_seen: set[str] = set()
    out: list[str] = []
    places: list[int] = []
    for page in pages:
        page_lines = _page_footnotes(lines, page, repairs)
        for number, line in page_lines:
            stripped = line.strip()
            if stripped == "\f":
                continue
            if SYMBOL.match(stripped):
                if stripped in symbol_seen:
                    repairs.append((None, number, "running-header",
                                    f"the document symbol “{stripped}” repeated at a page's "
                                    "top; dropped"))
                    continue
                symbol_seen.add(stripped)
            elif (PAGE_NUMBER.match(stripped) or JOB_NUMBER.match(stripped)) and len(pages) > 1:
                repairs.append((None, number, "page-number",
                                f"page furniture “{stripped}” dropped"))
                continue
            out.append(line)
            places.append(number)
    lines, numbers = out, places
    if hard:
        lines, numbers = _paragraphs(lines, numbers, repairs)
    source.places = numbers
    return lines


def _pages(lines: list[str]) -> list[range]:
    pages: list[range] = []
    start = 0
    for index, line in enumerate(lines):
        if line == "\f":
            pages.append(range(start, index + 1))
            start = index + 1
    if start < len(lines):
        pages.append(range(start, len(lines)))
    return pages


def _page_footnotes(lines: list[str], page: range,
                    repairs: list[tuple[str | None, int, str, str]]) -> list[tuple[int, str]]:
    """The page's lines (1-based numbers), its footnotes at the foot in <sup> notation.

    A line at the foot reading "1 Resolution S-30/1, annex." is a footnote only when the
    page carries its call glued to a word ("document1,"): a wrapped line that happens to open
    with a number ("15 March 2019, …") has no such call and stays text."""
    numbered = [(index + 1, lines[index]) for index in page]
    content = [(n, line.strip()) for n, line in numbered if line.strip() and line != "\f"]
    foot: list[tuple[int, str, str]] = []
    for n, line in reversed(content):
        if PAGE_NUMBER.match(line) or JOB_NUMBER.match(line) or SYMBOL.match(line):
            continue
        match = FOOT_NOTE.match(line)
        if not match:
            break
        foot.insert(0, (n, match[1], match[2]))
    if not foot:
        return numbered
    foot_lines = {n for n, _, _ in foot}
    body = [(n, line) for n, line in numbered if n not in foot_lines]
    kept: list[tuple[int, str, str]] = []
    for n, number, text in foot:
        glued = re.compile(rf"(?<=[a-z)\]])({number})(?=[\s,.;:]|$)")
        for index, (m, line) in enumerate(body):
            if glued.search(line):
                body[index] = (m, glued.sub(f"<sup>{number}</sup>", line, count=1))
                repairs.append((None, m, "footnote-call",
                                f"footnote call {number} glued to the word before it"))
                kept.append((n, number, text))
                break
    kept_lines = {n for n, _, _ in kept}
    out = [(n, line) for n, line in numbered if n not in foot_lines or n not in kept_lines]
    out = [next(((m, b) for m, b in body if m == n), (n, line)) for n, line in out]
    for n, number, text in kept:
        out += [(n, ""), (n, f"<sup>{number}</sup> {text}"), (n, "")]
    return out


def _paragraphs(lines: list[str], numbers: list[int],
                repairs: list[tuple[str | None, int, str, str]]) -> tuple[list[str], list[int]]:
    """Blank lines between the paragraphs of hard-wrapped text: after a line that ends a
    clause when the next opens a new one, and around a short line standing alone (a
    masthead line, a title, a heading: no closing punctuation, well short of the measure)."""
    out: list[str] = []
    places: list[int] = []
    width = max((len(line.rstrip()) for line in lines if line.strip()), default=0)
    following: list[str | None] = [None] * len(lines)  # the next non-blank line of each
    upcoming: str | None = None
    for index in range(len(lines) - 1, -1, -1):
        following[index] = upcoming
        if lines[index].strip():
            upcoming = lines[index]
    for index, line in enumerate(lines):
        out.append(line)
        places.append(numbers[index])
        after = following[index]
        if after is None or not line.strip():
            continue
        stripped = line.rstrip()
        alone = (len(stripped) < 0.75 * width and not TERMINAL.search(stripped)
                 and not stripped.endswith("-") and _heading_like(stripped))
        if (TERMINAL.search(stripped) and STARTS_NEW.match(after)) or alone or \
                stripped.startswith("<sup>"):
            out.append("")
            places.append(numbers[index])
    joined = sum(1 for line in lines if line.strip()) - sum(
        1 for a, b in itertools.pairwise(out) if a.strip() and not b.strip())
    if joined > 0:
        repairs.append((None, numbers[0] if numbers else 1, "hard-wrap",
                        f"{joined} hard-wrapped lines joined into their paragraphs"))
    return out, places


def _heading_like(line: str) -> bool:
    """A short line standing alone: a masthead line, a title or a heading."""
    words = line.split()
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit()) and \
        len(words) <= 16
