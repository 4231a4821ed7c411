"""The concordance table as data: every reference token placed, resolved and accounted for.

The table relates each UNGASS 2016 recommendation (left column, an OCR'd working copy of the
text) to Political Declaration and Plan of Action items (right column). Its damage, and the
general rule this module applies to each kind:

- a row printed over several lines, the label alone on its line: the label and the words of
  each line tell which recommendation the line belongs to (`TrigramIndex`), not the line
  breaks; labels with OCR slips ("1.1)" for 1 (l)) are read as the next letter in sequence;
- references spilled onto lines of their own (empty left side, a sub-heading, the blank line
  between rows) belong to the recommendation before or after: the one whose text is closer to
  the referenced unit's text;
- one line holding several recommendations: each reference goes to the recommendation on
  that line whose text is closest to the referenced unit's;
- fragments the extraction printed again and again with a growing reference list: the last
  (longest) list is the cell; each reference in it belongs to the recommendation whose text
  was growing on the line where that reference first appeared; everything else repeats;
- the same reference twice for one recommendation is a duplicate.

Each decision is recorded with its reason (`TokenRecord.detail`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from desktop.core.ingest.references import Catalogue, Resolution, resolve, split_tokens
from desktop.core.ingest.textmatch import Similarity, TrigramIndex, words

HEADER = re.compile(r"^\s*UNGASS CHAPTER\s+(\d)\b", re.I)
LABEL = re.compile(r"(?<![\w./])(?P<ch>[1-7Il])\s?\.\s?(?P<x>[A-Za-z0-9]?)\s?\)")
OCR_LETTERS = {"1": ("l",), "0": ("o",), "I": ("l", "i"), "l": ("l",)}
RUN_PREFIX = 6  # words two lines must share at their start to be one repeated fragment
MIN_RUN = 3  # lines of text a repeated fragment has at least
NEAR_TIE = 0.02  # similarity difference below which the words cannot decide
CONFIRM = 0.03  # similarity a structural reinterpretation of a reference must reach
REINTERPRETING = {"problem-to-action", "missing-paragraph-number", "roman-level", "pp-for-op"}


@dataclass
class TokenRecord:
    line: int
    seq: int  # position of the token within its line
    raw: str
    unit: str | None  # the UNGASS unit it belongs to (None: noise)
    outcome: str  # link | repaired | no-counterpart | duplicate | noise | unresolved
    rule: str  # repair rules, comma-separated
    target: str | None
    detail: str
    fallback: str | None = None  # the unit as printed, if a rejected reading replaced it


@dataclass
class LabelRecord:
    line: int
    printed: str
    unit: str
    rule: str  # "" or "label-ocr"


@dataclass
class _Line:
    number: int
    chapter: int
    left: str
    tokens: list[str]
    segments: list[tuple[str | None, str]] = field(default_factory=list)  # (label unit, text)
    items: list[str] = field(default_factory=list)  # recommendations with text on the line
    frontier: str | None = None  # the last of them

    @property
    def has_text(self) -> bool:
        return bool(words(LABEL.sub(" ", self.left)))

    @property
    def newest(self) -> str | None:
        """The last recommendation begun on the line, by its words or by a bare label."""
        return self.items[-1] if self.items else None


@dataclass
class Concordance:
    tokens: list[TokenRecord]
    labels: list[LabelRecord]


class _Context:
    """What the rules consult: UNGASS texts, 2009 texts, the catalogue of 2009 units."""

    def __init__(self, ungass: dict[str, str], ungass_kinds: dict[str, str],
                 targets: dict[str, str], catalogue: Catalogue) -> None:
        self.ungass = ungass
        self.kinds = ungass_kinds
        self.targets = targets
        self.catalogue = catalogue
        self.similarity = Similarity([*ungass.values(), *targets.values()])
        self.index_by_chapter: dict[int, TrigramIndex] = {}

    def chapter_units(self, chapter: int) -> dict[str, str]:
        prefix = f"ungass2016/{chapter}"
        return {uid: text for uid, text in self.ungass.items()
                if uid == prefix or uid.startswith((prefix + "(", prefix + "."))
                or (self.kinds[uid] == "heading" and uid.startswith(f"ungass2016/h:{chapter}"))}

    def index(self, chapter: int) -> TrigramIndex:
        if chapter not in self.index_by_chapter:
            self.index_by_chapter[chapter] = TrigramIndex(self.chapter_units(chapter))
        return self.index_by_chapter[chapter]

    def is_item(self, unit_id: str) -> bool:
        return self.kinds.get(unit_id) in ("paragraph", "subparagraph")

    def target_text(self, resolution: Resolution, raw: str) -> str:
        """The text a reference points at (its nearest existing ancestor when unresolved)."""
        target = resolution.target
        if target is None:
            match = re.search(r"(\d+)", raw)
            keyword = "poa2009" if raw.lower().startswith("a") else "pd2009"
            target = f"{keyword}/{int(match.group(1))}" if match else None
        return self.targets.get(target or "", "")


def read_table(lines: list[str]) -> list[tuple[int, str, str]]:
    """(line number, left text, reference cell) per line: the cell is the last tab field."""
    rows = []
    for number, raw in enumerate(lines, start=1):
        fields = raw.rstrip("\n").split("\t")
        cell = fields[-1] if len(fields) > 1 else ""
        left = " ".join(f.strip() for f in fields[:-1] if f.strip()) if len(fields) > 1 \
            else fields[0].strip()
        rows.append((number, left, cell))
    return rows


def build_concordance(lines: list[str], ungass: dict[str, str], ungass_kinds: dict[str, str],
                      targets: dict[str, str], catalogue: Catalogue) -> Concordance:
    context = _Context(ungass, ungass_kinds, targets, catalogue)
    table, labels = _lines(read_table(lines), context)
    records: list[TokenRecord] = []
    runs = _runs(table)
    in_run = {line.number for run in runs for line in run}
    for run in runs:
        records.extend(_assign_run(run, context))
    for position, line in enumerate(table):
        if line.number in in_run or not line.tokens:
            continue
        records.extend(_assign_line(table, position, context))
    records.sort(key=lambda r: (r.line, r.seq))
    _confirm_readings(records, context)
    _mark_duplicates(records)
    return Concordance(records, labels)


# -- lines, labels and placement ---------------------------------------------------------

def _lines(rows: list[tuple[int, str, str]],
           context: _Context) -> tuple[list[_Line], list[LabelRecord]]:
    table: list[_Line] = []
    label_records: list[LabelRecord] = []
    chapter = 0
    last_letter: dict[int, str] = {}
    for number, left, cell in rows:
        header = HEADER.match(left)
        if header:
            chapter = int(header.group(1))
            continue  # the header's cell is the column title, not a reference
        if chapter == 0:
            continue
        line = _Line(number, chapter, left, split_tokens(cell))
        if re.sub(r"\s+", "", "".join(line.tokens)) != re.sub(r"\s+", "", cell):
            raise ValueError(f"line {number}: the references “{cell.strip()}” could not be "
                             "split into tokens without losing text")
        line.segments = _segments(line, context, last_letter, label_records)
        _place(line, context, table[-1] if table else None)
        table.append(line)
    return table, label_records


def _segments(line: _Line, context: _Context, last_letter: dict[int, str],
              records: list[LabelRecord]) -> list[tuple[str | None, str]]:
    """Split the left text at its labels; each piece after a label belongs to that label."""
    matches = list(LABEL.finditer(line.left))
    segments: list[tuple[str | None, str]] = [(None, line.left[: matches[0].start()]
                                                if matches else line.left)]
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(line.left)
        text = line.left[match.end(): end]
        unit = _label_unit(match, text, line.chapter, context, last_letter)
        if unit is None:
            segments[-1] = (segments[-1][0], segments[-1][1] + match.group(0) + text)
            continue
        printed = match.group(0).strip()
        path = unit.rsplit("/", 1)[1]
        canonical = f"{line.chapter}.{path[len(str(line.chapter)):].strip('()')})"
        rule = "" if printed.replace(" ", "") == canonical else "label-ocr"
        records.append(LabelRecord(line.number, printed, unit, rule))
        segments.append((unit, text))
    return segments


def _label_unit(match: re.Match[str], text: str, chapter: int, context: _Context,
                last_letter: dict[int, str]) -> str | None:
    """The recommendation a printed label stands for, reading OCR slips by the sequence."""
    printed_chapter = match.group("ch")
    number = 1 if printed_chapter in "Il" else int(printed_chapter)
    if number != chapter:
        return None  # "4.1)" inside chapter 1 is no label of this chapter
    letter = match.group("x")
    if not letter:
        if re.match(r"\s*We\b", text):
            return f"ungass2016/{chapter}"  # "1.) We reiterate …": the chapeau
        expected = _next_letter(last_letter.get(chapter))
        letter = expected or ""
    else:
        candidates = OCR_LETTERS.get(letter, (letter.lower(),))
        previous = last_letter.get(chapter)
        wanted = {previous, _next_letter(previous)} - {None}
        letter = next((c for c in candidates if c in wanted), candidates[0])
    unit = f"ungass2016/{chapter}({letter})"
    if unit not in context.ungass:
        return None
    last_letter[chapter] = letter
    return unit


def _next_letter(letter: str | None) -> str | None:
    if letter is None:
        return "a"
    return chr(ord(letter) + 1) if letter < "z" else None


def _place(line: _Line, context: _Context, previous: _Line | None) -> None:
    """Which recommendations have text on this line, in order."""
    index = context.index(line.chapter)
    items: list[str] = []
    for label_unit, text in line.segments:
        if label_unit is not None:
            if label_unit not in items:
                items.append(label_unit)
            continue
        placed = [u for u in index.place(text) if context.is_item(u)]
        if previous is not None and previous.frontier and _continues(
                text, context.ungass[previous.frontier]):
            # Text before any label on the line carries on the previous line's
            # recommendation when its words are that recommendation's ("regard;", "Office on
            # Drugs and Crime;" — words too common to place by themselves).
            placed = [previous.frontier]
        for unit in placed:
            if unit not in items:
                items.append(unit)
    line.items = items
    with_text = [unit for unit, text in line.segments if unit and words(text)]
    unlabelled = [u for u in items if u not in {s[0] for s in line.segments}]
    line.frontier = (with_text or unlabelled or items or [None])[-1]
    if unlabelled and with_text:
        # Text before the first label continues an earlier recommendation; the frontier is
        # the last recommendation whose words are on the line.
        line.frontier = with_text[-1]


def _continues(text: str, unit_text: str) -> bool:
    """Do the words of `text` occur in this order in `unit_text` (all but one at most)?"""
    mine = words(text)
    if not mine:
        return False
    theirs = " ".join(words(unit_text))
    hits = sum(1 for gram in pairwise(mine) if " ".join(gram) in theirs)
    pairs = max(1, len(mine) - 1)
    if len(mine) == 1:
        return f" {mine[0]} " in f" {theirs} "
    return hits >= pairs - 1 and hits / pairs >= 0.6


# -- assignment ---------------------------------------------------------------------------

def _resolve(raw: str, context: _Context) -> Resolution:
    return resolve(raw, context.catalogue)


def _record(line: int, seq: int, raw: str, unit: str | None, resolution: Resolution,
            detail: str) -> TokenRecord:
    outcome = resolution.outcome
    if outcome == "noise":
        unit = None
    extra = resolution.detail
    detail = "; ".join(part for part in (detail, extra) if part)
    return TokenRecord(line, seq, raw, unit, outcome, ",".join(resolution.rules),
                       resolution.target, detail, resolution.fallback)


def _assign_line(table: list[_Line], position: int, context: _Context) -> list[TokenRecord]:
    line = table[position]
    out = []
    merged = _split_merged(line, context) if len(line.items) > 1 else []
    for seq, raw in enumerate(line.tokens, start=1):
        resolution = _resolve(raw, context)
        if resolution.outcome == "noise":
            out.append(_record(line.number, seq, raw, None, resolution, ""))
            continue
        if len(line.items) == 1:
            out.append(_record(line.number, seq, raw, line.items[0], resolution, ""))
            continue
        if len(line.items) > 1:
            unit, why = merged[seq - 1]
            out.append(_record(line.number, seq, raw, unit, resolution, why))
            continue
        before = _neighbour(table, position, -1)
        after = _neighbour(table, position, +1)
        candidates = [u for u in (before, after) if u]
        if not candidates:
            out.append(_record(line.number, seq, raw, None, resolution,
                               "no recommendation near this line"))
            continue
        if resolution.outcome == "no-counterpart":
            unit = after if before and _has_references(table, before, context) and after \
                else candidates[0]
            why = (f"a marker on a line of its own; {unit.split('/')[1]} has no other "
                   "references" if unit == after and before else "a marker on a line of its "
                   "own, with the recommendation before it")
            out.append(_record(line.number, seq, raw, unit, resolution, why))
            continue
        unit, why = _closest(raw, resolution, candidates, context, "spilled reference")
        out.append(_record(line.number, seq, raw, unit, resolution, why))
    return out


def _split_merged(line: _Line, context: _Context) -> list[tuple[str, str]]:
    """One line holding several recommendations: its references are printed in the order of
    those recommendations, so the cell is cut into consecutive runs, one per recommendation,
    where the references' texts are closest to each (the cut that maximises the summed
    similarity)."""
    items = line.items
    scores = []
    for raw in line.tokens:
        resolution = _resolve(raw, context)
        text = context.target_text(resolution, raw)
        scores.append([context.similarity.score(text, context.ungass[u]) for u in items])
    count = len(line.tokens)
    # best[i][j]: the best total for the first i tokens, the i-th going to item j.
    best = [[0.0] * len(items) for _ in range(count + 1)]
    choice = [[0] * len(items) for _ in range(count + 1)]
    for i in range(1, count + 1):
        for j in range(len(items)):
            previous = max(range(j + 1), key=lambda k: best[i - 1][k]) if i > 1 else 0
            best[i][j] = best[i - 1][previous] + scores[i - 1][j] if i > 1 else scores[0][j]
            choice[i][j] = previous
    j = max(range(len(items)), key=lambda k: best[count][k])
    assigned = [0] * count
    for i in range(count, 0, -1):
        assigned[i - 1] = j
        j = choice[i][j]
    shown = ", ".join(u.split("/")[1] for u in items)
    return [(items[assigned[i]],
             f"merged row ({shown}): references follow the recommendations' order; cut where "
             "the texts fit best (" + ", ".join(
                 f"{u.split('/')[1]} {scores[i][k]:.2f}" for k, u in enumerate(items)) + ")")
            for i in range(count)]


def _neighbour(table: list[_Line], position: int, step: int) -> str | None:
    chapter = table[position].chapter
    index = position + step
    while 0 <= index < len(table) and table[index].chapter == chapter:
        candidate = table[index]
        if candidate.items:
            return candidate.frontier if step < 0 else candidate.items[0]
        index += step
    return None


def _has_references(table: list[_Line], unit: str, context: _Context) -> bool:
    for line in table:
        if line.items == [unit]:
            for raw in line.tokens:
                if _resolve(raw, context).target:
                    return True
    return False


def _closest(raw: str, resolution: Resolution, candidates: list[str], context: _Context,
             situation: str) -> tuple[str, str]:
    text = context.target_text(resolution, raw)
    scores = [(context.similarity.score(text, context.ungass[u]), -i, u)
              for i, u in enumerate(candidates)]
    shown = ", ".join(f"{u.split('/')[1]} {s:.2f}" for s, _, u in scores)
    ranked = sorted(scores, reverse=True)
    best = ranked[0][2]
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < NEAR_TIE:
        # Too close to call from the words: a cell runs on below its row, so the earlier
        # recommendation keeps it.
        best = candidates[0]
        return best, f"{situation}: texts about as close ({shown}); the cell above runs on"
    return best, f"{situation}: closest text among {shown}"


def _runs(table: list[_Line]) -> list[list[_Line]]:
    """Repeated fragments: consecutive lines whose text starts with the same words."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    key: tuple[str, ...] | None = None

    def start_words(line: _Line) -> tuple[str, ...]:
        text = LABEL.sub(" ", line.left)
        return tuple(words(text)[:RUN_PREFIX])

    def close() -> None:
        text_lines = [line for line in current if line.has_text]
        if len(text_lines) >= MIN_RUN:
            while current and not current[-1].has_text:
                current.pop()
            runs.append(list(current))

    for line in table:
        if not line.has_text:
            if current:
                current.append(line)
            continue
        words_here = start_words(line)
        if key is not None and len(words_here) == RUN_PREFIX and words_here == key:
            current.append(line)
            continue
        close()
        current, key = [line], words_here if len(words_here) == RUN_PREFIX else None
    close()
    return runs


def _assign_run(run: list[_Line], context: _Context) -> list[TokenRecord]:
    """A repeated fragment: each reference counts once, for the recommendation begun on the
    line where it first appears. A marker at the head of the growing list is that list's
    own (printed again and again); a marker printed instead of the list belongs to the
    recommendation of its line."""
    final = next(line.tokens for line in reversed(run) if line.tokens)
    first: dict[object, tuple[int, str | None]] = {}
    out: list[TokenRecord] = []
    newest: str | None = None
    for line in run:
        newest = line.newest or newest
        growing = bool(line.tokens) and line.tokens == final[: len(line.tokens)]
        for seq, raw in enumerate(line.tokens, start=1):
            resolution = _resolve(raw, context)
            marker = resolution.outcome == "no-counterpart"
            key: object = raw.lower() if not marker else (
                ("head", seq) if growing else (raw, newest))
            if key in first:
                first_line, unit = first[key]
                out.append(_record(line.number, seq, raw, unit, resolution,
                                   f"repeated fragment: repeats line {first_line}"))
                continue
            first[key] = (line.number, newest)
            out.append(_record(line.number, seq, raw, newest, resolution,
                               "repeated fragment: first printed on this line, with the "
                               f"text of {newest.split('/')[1] if newest else 'nothing'}"))
    return out


def _confirm_readings(records: list[TokenRecord], context: _Context) -> None:
    """A reading that reinterprets a reference's structure must also fit the text: the
    target has to share significant words with the recommendation it is cited for."""
    for record in records:
        rules = set(record.rule.split(",")) & REINTERPRETING
        if record.outcome != "repaired" or not rules or not record.unit or not record.target:
            continue
        score = context.similarity.score(context.targets.get(record.target, ""),
                                         context.ungass[record.unit])
        if score < CONFIRM:
            record.detail = "; ".join(p for p in (record.detail, (
                f"the reading {record.target} ({', '.join(sorted(rules))}) was rejected: its "
                f"text shares no significant words with {record.unit.split('/')[1]} "
                f"(similarity {score:.3f} < {CONFIRM})")) if p)
            if record.fallback:
                record.detail += f"; kept as printed, {record.fallback}"
                remaining = [r for r in record.rule.split(",") if r and r not in rules]
                record.outcome = "repaired" if remaining else "link"
                record.rule, record.target = ",".join(remaining), record.fallback
            else:
                record.outcome, record.target = "unresolved", None


def _mark_duplicates(records: list[TokenRecord]) -> None:
    """The same target (or a second no-counterpart marker) for the same recommendation."""
    seen: dict[tuple[str, str | None], TokenRecord] = {}
    for record in records:
        if record.unit is None or record.outcome in ("noise",):
            continue
        key = (record.unit, record.target if record.outcome != "unresolved" else record.raw)
        if record.outcome == "no-counterpart":
            key = (record.unit, None)
        first = seen.get(key)
        if first is None:
            seen[key] = record
            continue
        if "repeats line" not in record.detail:
            record.detail = "; ".join(p for p in (record.detail, f"repeats line {first.line}")
                                      if p)
        record.outcome = "duplicate"
        record.target = first.target

