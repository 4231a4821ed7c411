"""Word's automatic numbering, computed as Word shows it.

A numbered paragraph in a .docx carries no number: it names a list (`w:numPr`: a `numId`
and a level `ilvl`), directly or through its paragraph style (and the styles that style is
based on). word/numbering.xml maps the list to an abstract definition whose levels give the
start value, the format (decimal, lowerLetter, lowerRoman, …) and the label pattern ("%1.",
"(%2)"). Counters run per abstract definition, as in Word: lists sharing one continue each
other's numbering unless a `startOverride` restarts them; a paragraph at a level resets the
deeper levels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def letters(value: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    if value < 1:
        return ""
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def formatted(value: int, kind: str) -> str:
    if kind == "lowerLetter":
        return letters(value)
    if kind == "upperLetter":
        return letters(value).upper()
    if kind == "lowerRoman":
        return roman(value)
    if kind == "upperRoman":
        return roman(value).upper()
    if kind in ("none", "bullet"):
        return ""
    return str(value)  # decimal and the forms a draft does not use


@dataclass
class Level:
    start: int = 1
    kind: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    abstract_levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl: start
    style_numbering: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    style_based_on: dict[str, str] = field(default_factory=dict)
    level_styles: dict[tuple[str, str], int] = field(default_factory=dict)  # (abs, style): ilvl
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)  # numIds whose overrides were applied

    @classmethod
    def from_document(cls, document: object) -> Numbering:
        from lxml import etree

        numbering = cls()
        part = document.part  # type: ignore[attr-defined]
        for rel in part.rels.values():
            if rel.reltype.endswith("/numbering"):
                numbering._read_numbering(etree.fromstring(rel.target_part.blob))
            elif rel.reltype.endswith("/styles"):
                numbering._read_styles(etree.fromstring(rel.target_part.blob))
        return numbering

    def _read_numbering(self, root: object) -> None:
        for abstract in root.iter(f"{_W}abstractNum"):  # type: ignore[attr-defined]
            abstract_id = abstract.get(f"{_W}abstractNumId")
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                level = Level()
                if (start := lvl.find(f"{_W}start")) is not None:
                    level.start = int(start.get(f"{_W}val", "1"))
                if (kind := lvl.find(f"{_W}numFmt")) is not None:
                    level.kind = kind.get(f"{_W}val", "decimal")
                if (text := lvl.find(f"{_W}lvlText")) is not None:
                    level.text = text.get(f"{_W}val", "")
                if (style := lvl.find(f"{_W}pStyle")) is not None:
                    self.level_styles[(abstract_id, style.get(f"{_W}val"))] = ilvl
                levels[ilvl] = level
            self.abstract_levels[abstract_id] = levels
        for num in root.iter(f"{_W}num"):  # type: ignore[attr-defined]
            num_id = num.get(f"{_W}numId")
            abstract = num.find(f"{_W}abstractNumId")
            if abstract is not None:
                self.num_abstract[num_id] = abstract.get(f"{_W}val")
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    self.overrides.setdefault(num_id, {})[
                        int(override.get(f"{_W}ilvl", "0"))] = int(start.get(f"{_W}val", "1"))

    def _read_styles(self, root: object) -> None:
        for style in root.iter(f"{_W}style"):  # type: ignore[attr-defined]
            style_id = style.get(f"{_W}styleId")
            based = style.find(f"{_W}basedOn")
            if based is not None:
                self.style_based_on[style_id] = based.get(f"{_W}val")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                self.style_numbering[style_id] = _num_pr(num_pr)

    def _from_style(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style that gave them) through the basedOn chain."""
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.style_numbering:
                num_id, ilvl = self.style_numbering[style_id]
                return num_id, ilvl, style_id
            style_id = self.style_based_on.get(style_id)
        return None, None, None

    def label(self, paragraph: object, document: object = None) -> str:
        """The label Word shows before `paragraph` (a w:p element), counting it; "" if
        it is not numbered (or is a bullet)."""
        ppr = paragraph.find(f"{_W}pPr")  # type: ignore[attr-defined]
        style_id = None
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            style = ppr.find(f"{_W}pStyle")
            style_id = style.get(f"{_W}val") if style is not None else None
            num_pr = ppr.find(f"{_W}numPr")
            if num_pr is not None:
                num_id, ilvl = _num_pr(num_pr)
        source_style = None
        if num_id is None:
            num_id, style_ilvl, source_style = self._from_style(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not num_id or num_id == "0" or num_id not in self.num_abstract:
            return ""
        abstract = self.num_abstract[num_id]
        if ilvl is None:  # a level bound to the style, else the first
            ilvl = self.level_styles.get((abstract, source_style or style_id or ""), 0)
        levels = self.abstract_levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, [None] * 10)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.overrides.get(num_id, {}).items():
                counters[level] = start - 1
        current = counters[ilvl]
        counters[ilvl] = (levels[ilvl].start if current is None else current + 1)
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        if levels[ilvl].kind in ("bullet", "none"):
            return ""
        text = levels[ilvl].text
        for level in range(ilvl + 1):
            value = counters[level]
            if value is None:
                value = levels.get(level, Level()).start
            kind = levels.get(level, Level()).kind
            text = text.replace(f"%{level + 1}", formatted(value, kind))
        return text


def _num_pr(num_pr: object) -> tuple[str | None, int | None]:
    num = num_pr.find(f"{_W}numId")  # type: ignore[attr-defined]
    lvl = num_pr.find(f"{_W}ilvl")  # type: ignore[attr-defined]
    return (num.get(f"{_W}val") if num is not None else None,
            int(lvl.get(f"{_W}val")) if lvl is not None else None)
