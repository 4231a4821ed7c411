"""From classified pieces to units with ids: the grammar of UN resolutions and declarations.

One `InstrumentBuilder` per instrument walks its pieces in document order and knows the
general rules: title headings, a masthead, an opening formula, unnumbered preambular
paragraphs, numbered operative paragraphs with lettered and roman subparagraphs, headings
(labelled "Part I." / "I." / "A." / "1.", or unlabelled and placed by position), Problem and
Action roles, lists whose numbering restarts, a closing formula. The few facts specific to
one instrument come from its `InstrumentSpec`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.ingest.inline import Inline, parse_inline
from desktop.core.ingest.pieces import Piece
from desktop.core.ingest.sources import InstrumentSpec
from desktop.core.model import Repair

# "The General Assembly,", "We, the Ministers and Government representatives participating
# in the high-level segment of the sixty-second session of the Commission …, held in Vienna,"
OPENING_FORMULA = re.compile(r"^(?:The [A-Z][\w ]{2,60}|We, the [\w ,\-–’'()]{2,300}),$")
CLOSING_FORMULA = re.compile(r"\bplenary meeting\b", re.I)
RESOLUTION_TITLE = re.compile(r"^(\d+/\d+\.)\s+")
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
         "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]
UPPER_ROMAN = [r.upper() for r in ROMAN]
LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)]
ADVERBS = {"Also", "Further", "Again", "Once", "Strongly", "Deeply", "Further,"}


@dataclass
class Draft:
    """A unit under construction (frozen into model.Unit by the build)."""

    id: str
    instrument: str
    kind: str
    parent: str | None
    label: str
    inline: Inline
    line_start: int
    line_end: int
    role: str | None = None
    level: int = 0
    lines: list[int] = field(default_factory=list)


@dataclass
class BuildError:
    line: int
    message: str


@dataclass
class _Heading:
    path: str
    level: int
    unit_id: str
    label: tuple[str, str] | None
    text: str
    chapter_of: int | None = None  # an unlabelled chapter heading bound to paragraph N


class InstrumentBuilder:
    def __init__(self, spec: InstrumentSpec, source: str) -> None:
        self.spec = spec
        self.source = source
        self.units: list[Draft] = []
        self.repairs: list[Repair] = []
        self.errors: list[BuildError] = []
        self._ids: set[str] = set()
        self._titles = 0
        self._front = 0
        self._unnumbered = 0
        self._operative_unnumbered = 0
        self._after: dict[str, int] = {}
        self._last_number = 0
        self._paragraph: str | None = None  # the paragraph subparagraphs attach to
        self._subs: list[tuple[str, str, str]] = []  # (style, value, unit id)
        self._headings: list[_Heading] = []
        self._role: str | None = None
        self._restart = 0  # number of restart lists opened
        self._restart_next: int | None = None  # expected next item while one is open
        self._positional = 0  # fallback counter for unplaceable headings
        self._subheads = 0  # sub-headings of the open restart list
        self._body_started = False

    # -- entry points -------------------------------------------------------------------

    def front(self, piece: Piece) -> None:
        """A masthead block (distribution, date, agenda item) before the title."""
        self._front += 1
        inline = parse_inline(piece.block.text, asterisk_calls=True)
        self._add(f"front:{self._front}", "front", None, "", inline, piece)

    def feed(self, piece: Piece, following: Piece | None) -> None:
        if piece.kind == "heading":
            self._heading(piece, following)
        elif piece.kind == "role":
            self._role = piece.role
        elif piece.kind == "contents":
            self._repair(None, piece.line, "contents-table",
                         "a table of contents (page numbers of the print) is not text of the "
                         "document; dropped")
        elif piece.kind == "numbered":
            self._numbered(piece)
        elif piece.kind == "lettered":
            self._lettered(piece)
        else:
            self._text(piece)

    def finish(self) -> None:
        if self.spec.last_paragraph and self._last_number != self.spec.last_paragraph:
            last = self.units[-1].line_end if self.units else 0
            self.errors.append(BuildError(
                last, f"{self.spec.id}: the last numbered paragraph is {self._last_number}, "
                f"expected {self.spec.last_paragraph} (truncated or damaged source?)"))

    # -- headings -----------------------------------------------------------------------

    def _heading(self, piece: Piece, following: Piece | None) -> None:
        text = piece.plain.strip()
        if text == "Contents" and following is not None and following.kind == "contents":
            return  # the table's own title goes with it (recorded with the table)
        for open_heading in self._headings:
            if open_heading.label == piece.heading_label and open_heading.text == text:
                self._repair(open_heading.unit_id, piece.line, "duplicate-heading",
                             f"the heading at line {piece.line} repeats the open heading of "
                             f"line {self._line_of(open_heading.unit_id)}; kept once")
                return
        self._role = None
        label_text = ""
        for pattern, path in self.spec.named_headings:
            if re.search(pattern, text):
                self._emit_heading(piece, path, 1, label_text)
                return
        if not self._body_started and piece.heading_label is None:
            self._titles += 1
            titles = self.spec.title_paths
            path = titles[self._titles - 1] if self._titles <= len(titles) else (
                f"title{self._titles}")
            match = RESOLUTION_TITLE.match(text)
            if match:
                label_text = match.group(1)
            self._emit_heading(piece, path, 0, label_text, strip_label=bool(match))
            return
        if piece.heading_label is not None:
            self._labelled_heading(piece)
        else:
            self._unlabelled_heading(piece, following)

    def _labelled_heading(self, piece: Piece) -> None:
        assert piece.heading_label is not None
        kind, value = piece.heading_label
        label = f"Part {value}." if kind == "part" else f"{value}."
        top = self._find_level(1)
        if kind in ("part", "roman"):
            self._headings = []
            self._emit_heading(piece, value, 1, label)
        elif kind == "letter":
            self._headings = [h for h in self._headings if h.level < 2]
            path = f"{top.path}.{value}" if top else value
            self._emit_heading(piece, path, 2, label)
        else:
            section = self._find_level(2)
            base = section.path if section else (top.path if top else "")
            self._headings = [h for h in self._headings if h.level < 3]
            self._emit_heading(piece, f"{base}.{value}" if base else value, 3, label)

    def _unlabelled_heading(self, piece: Piece, following: Piece | None) -> None:
        spec = self.spec
        text = piece.plain.strip()
        if spec.restart_heading and re.search(spec.restart_heading, text):
            self._restart += 1
            self._restart_next = 1
            self._subheads = 0
            depth = max((h.level for h in self._headings), default=0) + 1
            self._emit_heading(piece, f"{spec.restart_prefix}{self._restart}", depth, "")
            return
        if self._restart_next is not None:
            self._subheads += 1
            owner = next(h for h in reversed(self._headings)
                         if h.path == f"{spec.restart_prefix}{self._restart}")
            self._headings = [h for h in self._headings if h.level <= owner.level]
            self._emit_heading(piece, f"{owner.path}.{self._subheads}", owner.level + 1, "")
            return
        top = self._find_level(1)
        if spec.unlabelled_heading_is_part and top is not None:
            index = UPPER_ROMAN.index(top.path) + 1 if top.path in UPPER_ROMAN else 0
            path = UPPER_ROMAN[index]
            self._headings = []
            unit_id = self._emit_heading(piece, path, 1, "")
            self._repair(unit_id, piece.line, "unlabelled-part",
                         f"a part heading printed without its “Part” label; numbered {path} "
                         f"by its position after part {top.path}")
            return
        # Unlabelled headings placed by position (UNGASS 2016): a heading followed directly
        # by a numbered paragraph opens that paragraph's chapter; others are sub-headings of
        # the open chapter, bold ones a level above italic ones.
        if following is not None and following.kind == "numbered":
            number = following.number or 0
            self._headings = []
            self._emit_heading(piece, str(number), 1, "", chapter_of=number)
            return
        chapter = self._find_level(1)
        if chapter is None:
            self._positional += 1
            self._emit_heading(piece, f"s{self._positional}", 1, "")
            return
        owner = (self._find_level(2) or chapter) if piece.style == "italic" else chapter
        count = sum(1 for u in self.units if u.parent == owner.unit_id and u.kind == "heading")
        self._headings = [h for h in self._headings if h.level <= owner.level]
        self._emit_heading(piece, f"{owner.path}.{count + 1}", owner.level + 1, "")

    def _emit_heading(self, piece: Piece, path: str, level: int, label: str,
                      chapter_of: int | None = None, strip_label: bool = False) -> str:
        body = piece.body
        if strip_label:
            body = RESOLUTION_TITLE.sub("", body.strip(), count=1)
        inline = parse_inline(body)
        if piece.style == "bold":
            inline.bold = [True] * len(inline.chars)
        elif piece.style == "italic":
            inline.italic = [True] * len(inline.chars)
        parent = self._headings[-1].unit_id if self._headings and level > 0 else None
        unit_id = self._add(f"h:{path}", "heading", parent, label, inline, piece, level=level)
        heading = _Heading(path, level, unit_id, piece.heading_label, piece.plain.strip(),
                           chapter_of)
        if level > 0:
            self._headings.append(heading)
        return unit_id

    def _line_of(self, unit_id: str) -> int:
        return next(d.line_start for d in self.units if d.id == unit_id)

    def _find_level(self, level: int) -> _Heading | None:
        for heading in reversed(self._headings):
            if heading.level == level:
                return heading
        return None

    # -- paragraphs ---------------------------------------------------------------------

    def _numbered(self, piece: Piece) -> None:
        number = piece.number or 0
        self._body_started = True
        if piece.suffix:
            self._inserted(piece, number)
            return
        if self._restart_next is not None:
            if number == self._restart_next:
                self._restart_next += 1
                owner = f"{self.spec.restart_prefix}{self._restart}"
                unit_id = self._add(f"{owner}.{number}", "paragraph", self._heading_parent(),
                                    f"{number}.", parse_inline(piece.body), piece,
                                    role=self._role)
                self._open_paragraph(unit_id)
                return
            if number == self._last_number + 1:
                self._restart_next = None
                self._headings = [h for h in self._headings
                                  if not h.path.startswith(self.spec.restart_prefix)]
            else:
                self._error(piece.line, f"item {number} where item {self._restart_next} of "
                            f"list {self._restart} or paragraph {self._last_number + 1} "
                            "was expected")
        elif number != self._last_number + 1:
            self._error(piece.line, f"paragraph {number} where {self._last_number + 1} "
                        "was expected")
        # A chapter heading opened for an earlier paragraph does not cover this one
        # (UNGASS 2016's closing paragraphs 8 and 9 stand outside chapter 7).
        if any(h.chapter_of not in (None, number) for h in self._headings):
            self._headings = []
        self._last_number = number
        unit_id = self._add(str(number), "paragraph", self._heading_parent(), f"{number}.",
                            parse_inline(piece.body), piece, role=self._role)
        self._open_paragraph(unit_id)

    def _inserted(self, piece: Piece, number: int) -> None:
        """"5 bis.": a paragraph inserted after 5 without renumbering; its id is `5bis`."""
        if number != self._last_number:
            self._error(piece.line, f"paragraph {number} {piece.suffix} where it follows "
                        f"paragraph {self._last_number}")
        unit_id = self._add(f"{number}{piece.suffix}", "paragraph", self._heading_parent(),
                            f"{number} {piece.suffix}.", parse_inline(piece.body), piece,
                            role=self._role)
        self._open_paragraph(unit_id)

    def _open_paragraph(self, unit_id: str) -> None:
        self._paragraph = unit_id
        self._subs = []

    def _heading_parent(self) -> str | None:
        return self._headings[-1].unit_id if self._headings else None

    def _lettered(self, piece: Piece) -> None:
        letter = piece.letter or ""
        if self._paragraph is None:
            self._error(piece.line, f"subparagraph ({letter}) outside any numbered paragraph")
            return
        placed = self._place_sub(letter)
        if placed is None:
            self._error(piece.line, f"subparagraph ({letter}) does not continue any open list "
                        f"of {self._paragraph}")
            return
        depth, style = placed
        self._subs = self._subs[:depth]
        parent = self._subs[-1][2] if self._subs else self._paragraph
        unit_id = self._add(f"{parent.split('/', 1)[1]}({letter})", "subparagraph", parent,
                            f"({letter})", parse_inline(piece.body), piece)
        self._subs.append((style, letter, unit_id))

    def _place_sub(self, letter: str) -> tuple[int, str] | None:
        """Where a subparagraph label goes: (depth to keep, style), or None if nowhere.

        The deepest open list that this label continues wins, so (i) after (h) is a letter
        and (i) after "(b) … inter alia:" opens a roman list.
        """
        for depth in range(len(self._subs) - 1, -1, -1):
            style, value, _ = self._subs[depth]
            sequence = LETTERS if style == "alpha" else ROMAN
            if value in sequence and sequence.index(value) + 1 < len(sequence) and \
                    sequence[sequence.index(value) + 1] == letter:
                return depth, style
        if letter == "a":
            return len(self._subs), "alpha"
        if letter == "i":
            return len(self._subs), "roman"
        return None

    def _text(self, piece: Piece) -> None:
        plain = piece.plain.strip()
        inline = parse_inline(piece.body)
        if OPENING_FORMULA.match(plain) and "f:open" not in self._local_ids():
            self._add("f:open", "formula", None, "", inline, piece)
            return
        if self._last_number and CLOSING_FORMULA.search(plain) and len(plain) < 80:
            self._add("f:close", "formula", None, "", inline, piece)
            return
        self._body_started = True
        if self._last_number == 0 and self._restart_next is None:
            if _opens_with_operative_verb(inline):
                self._operative_unnumbered += 1
                self._add(f"op{self._operative_unnumbered}", "paragraph", self._heading_parent(),
                          "", inline, piece)
                return
            self._unnumbered += 1
            self._add(f"{self.spec.unnumbered_prefix}{self._unnumbered}",
                      self.spec.unnumbered_kind, self._heading_parent(), "", inline, piece)
            return
        anchor = str(self._last_number)
        self._after[anchor] = self._after.get(anchor, 0) + 1
        self._add(f"{anchor}.u{self._after[anchor]}", "paragraph", self._heading_parent(), "",
                  inline, piece)

    # -- bookkeeping --------------------------------------------------------------------

    def _local_ids(self) -> set[str]:
        return {unit_id.split("/", 1)[1] for unit_id in self._ids}

    def _add(self, path: str, kind: str, parent: str | None, label: str, inline: Inline,
             piece: Piece, role: str | None = None, level: int = 0) -> str:
        unit_id = f"{self.spec.id}/{path}"
        if unit_id in self._ids:
            self._error(piece.line, f"a second unit with the id {unit_id}")
            return unit_id
        self._ids.add(unit_id)
        self.units.append(Draft(unit_id, self.spec.id, kind, parent, label, inline,
                                piece.block.line, piece.block.end, role, level,
                                list(piece.block.lines)))
        return unit_id

    def _repair(self, unit: str | None, line: int, rule: str, detail: str) -> None:
        self.repairs.append(Repair(self.spec.id, unit, line, rule, detail))

    def _error(self, line: int, message: str) -> None:
        self.errors.append(BuildError(line, f"{self.spec.id}: {message}"))


def _opens_with_operative_verb(inline: Inline) -> bool:
    """An unnumbered paragraph opening with an italic finite verb ("Decides …") is operative;
    preambular ones open with a participle or an adjective ("Recalling", "Fully aware")."""
    runs = inline.italic_runs()
    if not runs or runs[0][0] != 0:
        return False
    words = inline.text[runs[0][0]:runs[0][1]].split()
    verb = words[1] if len(words) > 1 and words[0] in ADVERBS else words[0]
    return verb.endswith("s") and not verb.endswith(("ing", "ss"))
