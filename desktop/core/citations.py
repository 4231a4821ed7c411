"""UN-style citations of units, and the reading of citations as delegates type them.

`cite` names a unit the way UN documents cite each other: the instrument's `citation_prefix`
(P below), a comma, then where in it the unit stands. One form per unit path (docs/units.md):

    19            P, para. 19
    24(b)(ii)     P, para. 24 (b) (ii)
    pp8           P, eighth preambular paragraph         (ordinals in words up to 99)
    f:open        P, opening formula
    f:close       P, closing formula
    op1           P, first operative paragraph           (unnumbered operative paragraphs)
    5.u1          P, first unnumbered paragraph after para. 5
    rt2.7         P, outcome of round table 2, para. 7
    s1            P, summary, para. 1
    front:3       P, masthead, item 3
    h:title       P, title (“…”)                          h:title2 → P, title, line 2 (“…”)
    h:symbol      P, symbol (“Resolution 59/1”)
    h:annex       P, annex heading (“Annex”)
    h:summary     P, summary heading (“Summary”)
    h:rt2         P, outcome of round table 2, heading (“…”)
    h:rt2.1       P, outcome of round table 2, sub-heading 1 (“…”)
    h:I.A.2       Plan of Action: P, part I, section A, subsection 2 (“…”)
                  other instruments: P, chapter I, section A (“…”); UNGASS 2016 h:1.2 →
                  P, chapter 1, section 2 (“…”)

A heading's own words follow in curly quotes; a path of no known form is cited as itself.

`CitationIndex.resolve` reads the other way: every string `cite` produces, raw unit ids
("res74-178/19"), and the loose forms delegates type ("OP 19", "PoA 41(g)", "para 19 of 74/178",
"74/178 PP 3", "Target 36.c" for the Political Declaration, "Action 4.a" for the Plan of Action).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from desktop.core.ingest.sources import INSTRUMENTS as SPECS
from desktop.core.ingest.sources import spec_of
from desktop.core.model import Instrument, Unit

# What delegates call each instrument, the words that name its paragraphs by role ("Target
# 36.c") and its heading levels are data: a shipped instrument's definition
# (desktop.core.ingest.sources) or an imported instrument's own record (`Instrument.aliases`).
# The instruments' own id, citation prefix, symbol, title and short title are added at run
# time, so a prefix the builder changes still reads back.
DEFAULT_HEADING_LEVELS = ("chapter", "section", "subsection")
INSERTED = "bis|ter|quater|quinquies"  # "5 bis": a paragraph inserted in a draft (path 5bis)


def aliases_of(instrument: Instrument) -> tuple[str, ...]:
    spec = spec_of(instrument.id)
    return (*(spec.aliases if spec else ()), *instrument.aliases)


def heading_levels(instrument_id: str) -> tuple[str, ...]:
    spec = spec_of(instrument_id)
    return (spec.heading_levels if spec else ()) or DEFAULT_HEADING_LEVELS


def _implied() -> dict[str, str]:
    """Role word -> the shipped instrument whose paragraphs it names."""
    return {word: spec.id for spec in SPECS for word in spec.role_words}


EXAMPLE = "“A/RES/74/178, para. 19” or “PoA 41 (g)”"


# Why a typed citation did not resolve to exactly one unit: a sentence for each reason, its
# {fields} filled in (the window shows its own translation of the same sentence).
REASONS = {
    "empty": "Type a citation, for example {example}.",
    "ambiguous": "{typed} exists in {names}. Name the instrument to pick one.",
    "no_paragraph": "“{typed}” names {names} but no paragraph: try “{typed} 1”.",
    "unreadable": "Could not read “{typed}” as a citation; try {example}.",
    "missing": "{instrument} has no {where}.",
    "nowhere": "No instrument in the library has {where}.",
    "range_end": "{instrument} has no {where}: “{typed}” cannot end there.",
}


@dataclass(frozen=True)
class Resolution:
    """What a typed citation resolves to."""

    candidates: list[str]  # unit ids, best first; [] when nothing matches
    message: str  # "" when exactly one candidate, else a sentence for the delegate
    last: str | None = None  # a range ("paras. 1–3"): its last unit; the first is candidates[0]
    # Why there is a message (a key of REASONS) and what fills its sentence; the message says
    # the same, so two resolutions are equal by their candidates and message.
    reason: str = field(default="", compare=False)
    fields: tuple[tuple[str, str], ...] = field(default=(), compare=False)


def _refused(candidates: list[str], reason: str, **fields: str) -> Resolution:
    return Resolution(candidates, REASONS[reason].format(**fields), reason=reason,
                      fields=tuple(fields.items()))


# --- ordinals ---------------------------------------------------------------------------------

_ONES = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
# fmt: off
_TEENS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
)
# fmt: on
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def ordinal(n: int) -> str:
    """1 → "first", 38 → "thirty-eighth"; from 100 on, "101st" (no real preamble is that long)."""
    if 1 <= n <= 9:
        return _ONES[n]
    if 10 <= n <= 19:
        return _TEENS[n - 10]
    if 20 <= n <= 99:
        tens, ones = divmod(n, 10)
        return f"{_TENS[tens]}-{_ONES[ones]}" if ones else _TENS[tens][:-1] + "ieth"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ORDINAL_WORDS = {ordinal(n): n for n in range(1, 100)}


def _ordinal_value(word: str) -> int | None:
    """Read "eighth", "thirty eighth", "thirty-eighth" or "8th"; None if it is no ordinal."""
    word = word.replace(" ", "-")
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(m[1]) if m else None


# A heading level's label: a roman numeral, a letter or a number.
_LEVEL_LABEL = re.compile(r"[IVXLivxl]+|[A-Za-z]|\d+")


# --- cite -------------------------------------------------------------------------------------


def instrument_label(instrument: Instrument) -> str:
    """How citations name an instrument: "A/RES/74/178", "Plan of Action (2009)"."""
    return instrument.citation_prefix or instrument.short_title or instrument.id


def describe(path: str, instrument_id: str = "") -> str:
    """Where `path` stands in its instrument, in words, without the prefix or heading text."""
    if m := re.fullmatch(rf"(\d+)({INSERTED})?((?:\([a-z]+\))*)", path):
        return f"para. {m[1]}" + (f" {m[2]}" if m[2] else "") + m[3].replace("(", " (")
    if m := re.fullmatch(r"pp(\d+)", path):
        return f"{ordinal(int(m[1]))} preambular paragraph"
    if path in ("f:open", "f:close"):
        return "opening formula" if path == "f:open" else "closing formula"
    if m := re.fullmatch(r"op(\d+)", path):
        return f"{ordinal(int(m[1]))} operative paragraph"
    if m := re.fullmatch(r"(\d+)\.u(\d+)", path):
        return f"{ordinal(int(m[2]))} unnumbered paragraph after para. {m[1]}"
    if m := re.fullmatch(r"rt(\d+)\.(\d+)", path):
        return f"outcome of round table {m[1]}, para. {m[2]}"
    if m := re.fullmatch(r"s(\d+)", path):
        return f"summary, para. {m[1]}"
    if m := re.fullmatch(r"front:(\d+)", path):
        return f"masthead, item {m[1]}"
    if path.startswith("h:"):
        return _describe_heading(path[2:], instrument_id) or path
    return path


def _describe_heading(h: str, instrument_id: str) -> str:
    """Name a heading by its place; "" when the path has no form we know."""
    if h == "title":
        return "title"
    if m := re.fullmatch(r"title(\d+)", h):
        return f"title, line {m[1]}"
    if h == "symbol":
        return "symbol"
    if h in ("annex", "summary"):
        return f"{h} heading"
    if m := re.fullmatch(r"rt(\d+)(?:\.(\d+))?", h):
        where = f"outcome of round table {m[1]}"
        return f"{where}, sub-heading {m[2]}" if m[2] else f"{where}, heading"
    levels = heading_levels(instrument_id)
    parts = h.split(".")
    if len(parts) > len(levels) or not all(_LEVEL_LABEL.fullmatch(p) for p in parts):
        return ""  # a word, not a place: cited as the raw path
    # Parts are roman numerals, letters or digits, upper-case as printed ("h:i.a.2" as typed).
    return ", ".join(f"{lvl} {part.upper()}" for lvl, part in zip(levels, parts, strict=False))


def cite(unit: Unit, instrument: Instrument) -> str:
    """The UN-style citation of `unit`, e.g. "A/RES/S-30/1, annex, para. 1 (a)"."""
    text = f"{instrument_label(instrument)}, {describe(unit.path, instrument.id)}"
    if unit.kind == "heading" and unit.text:
        text += f" (“{unit.text}”)"
    return text


def cite_range(first: Unit, last: Unit, instrument: Instrument) -> str:
    """The citation of the units from `first` to `last` (in document order, one instrument):
    "para. 1 (a)–(c)" within one paragraph, "para. 1, from the chapeau to (c)", "paras. 1–3",
    "paras. 1 (m)–2 (b)", "third to fifth preambular paragraphs"; other spans name both ends."""
    if first.id == last.id:
        return cite(first, instrument)
    name = instrument_label(instrument)
    numbered = r"(\d+)((?:\([a-z]+\))*)"
    if (m := re.fullmatch(numbered, first.path)) and (n := re.fullmatch(numbered, last.path)):
        if m[1] != n[1]:
            return f"{name}, paras. {_spaced(m[1] + m[2])}–{_spaced(n[1] + n[2])}"
        head, tail = re.findall(r"\([a-z]+\)", m[2]), re.findall(r"\([a-z]+\)", n[2])
        shared = 0
        while shared < min(len(head), len(tail)) and head[shared] == tail[shared]:
            shared += 1
        where = _spaced(m[1] + "".join(head[:shared]))
        rest = _spaced("".join(tail[shared:]))
        if shared == len(head):  # from a paragraph (or subparagraph) into its own parts
            return f"{name}, para. {where}, from the chapeau to {rest}"
        return f"{name}, para. {where} {_spaced(''.join(head[shared:]))}–{rest}"
    if (m := re.fullmatch(r"pp(\d+)", first.path)) and (n := re.fullmatch(r"pp(\d+)", last.path)):
        return (f"{name}, {ordinal(int(m[1]))} to {ordinal(int(n[1]))} "
                "preambular paragraphs")
    return (f"{name}, {describe(first.path, instrument.id)} to "
            f"{describe(last.path, instrument.id)}")


def _spaced(path: str) -> str:
    """"1(a)(ii)" -> "1 (a) (ii)", as citations print it."""
    return path.replace("(", " (").strip()


# --- reading what delegates type --------------------------------------------------------------

# Words that carry no information once the rules below have their keywords.
# fmt: off
_FILLER = frozenset({
    "of", "the", "in", "see", "para", "paras", "paragraph", "paragraphs", "item", "line", "no",
    "and",
    "number", "subparagraph", "sub-paragraph", "subpara", "sub-para", "resolution", "res",
    "outcome",
})
# fmt: on
_LEVEL_VALUE = r"(part|chapter|section|subsection) ([a-z0-9]+)"
# A raw path as docs/units.md spells them, lower-cased: typed alone, it is understood.
_PATH_SHAPE = re.compile(
    r"\d+(?:\([a-z]+\))*|pp\d+|op\d+|f:(?:open|close)|\d+\.u\d+|rt\d+\.\d+|s\d+|front:\d+"
    r"|h:[a-z0-9.]+"
)
# Subparagraph labels as printed: a letter, a doubled letter (after z), a roman numeral.
_SUB_LABEL = re.compile(r"[a-z]|([a-z])\1|[ivxl]+")
_ORD = r"(?P<ord>[a-z]+(?:[- ][a-z]+)?|\d+(?:st|nd|rd|th))"


@dataclass(frozen=True)
class _Query:
    paths: list[str]  # alternative paths, best first; each instrument takes the first it has
    implied: str | None = None  # instrument named by a role word ("Target", "Action")
    levels: tuple[str, ...] = ()  # heading level names typed ("part", "section"): must fit


def _with_ordinal(m: re.Match[str], build: str) -> _Query | None:
    n = _ordinal_value(m["ord"])
    return None if n is None else _Query([p.format(n=n, **m.groupdict()) for p in build.split()])


def _round_table(m: re.Match[str]) -> _Query:
    k, j, n = m["k"], m["j"], m["n"]
    if n:
        return _Query([f"rt{k}.{n}"])
    return _Query([f"h:rt{k}.{j}" if j else f"h:rt{k}"])  # bare "round table 2": its heading


def _numbered(m: re.Match[str]) -> _Query:
    levels = (m["subs"] or "").split()
    number = m["n"]
    if levels and re.fullmatch(INSERTED, levels[0]):  # "OP 5 bis (a)"
        number, levels = number + levels[0], levels[1:]
    if not all(_SUB_LABEL.fullmatch(level) for level in levels):
        return _Query([])  # "19 hello" is no subparagraph, but a misreading
    subs = "".join(f"({level})" for level in levels)
    paths = [number + subs]
    if m["kw"] in ("op", "operative") and not subs:
        paths.append(f"op{m['n']}")  # "OP 1" of a resolution whose operative part is unnumbered
    return _Query(paths, _implied().get(m["kw"] or ""))


def _heading(m: re.Match[str]) -> _Query:
    pairs = re.findall(_LEVEL_VALUE, m[0].replace("sub-section", "subsection"))
    return _Query(["h:" + ".".join(v for _, v in pairs)], levels=tuple(k for k, _ in pairs))


# Tried in order on the typed text, lower-cased, punctuation and filler words removed.
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], _Query | None]]] = [
    (
        re.compile(r"(?P<w>opening|closing) formula"),
        lambda m: _Query(["f:open" if m["w"] == "opening" else "f:close"]),
    ),
    (
        re.compile(r"title(?: (?P<n>\d+))?"),
        lambda m: _Query(["h:title" if m["n"] in (None, "1") else f"h:title{m['n']}"]),
    ),
    (re.compile(r"symbol"), lambda m: _Query(["h:symbol"])),
    (
        re.compile(r"(?P<w>annex|summary) heading|heading (?P<v>annex|summary)|summary"),
        lambda m: _Query([f"h:{m['w'] or m['v'] or 'summary'}"]),
    ),
    (
        re.compile(
            r"(?:round[- ]?table|rt) ?(?P<k>\d+)"
            r"(?: (?P<kind>sub-?heading|heading)(?: (?P<j>\d+))?| (?P<n>\d+))?"
        ),
        _round_table,
    ),
    (re.compile(r"summary (?P<n>\d+)"), lambda m: _Query([f"s{m['n']}"])),
    (re.compile(r"(?:masthead|front) (?P<n>\d+)"), lambda m: _Query([f"front:{m['n']}"])),
    (
        re.compile(r"(?:(?:part|chapter|section|subsection|sub-section) [a-z0-9]+ ?)+"),
        _heading,
    ),
    (re.compile(r"(?:pp|preambular|preamble) ?(?P<n>\d+)"), lambda m: _Query([f"pp{m['n']}"])),
    (re.compile(_ORD + r" (?:preambular|preamble)"), lambda m: _with_ordinal(m, "pp{n}")),
    (
        re.compile(_ORD + r" unnumbered (?:after|following) (?P<p>\d+)"),
        lambda m: _with_ordinal(m, "{p}.u{n}"),
    ),
    (re.compile(r"(?P<p>\d+) u ?(?P<k>\d+)"), lambda m: _Query([f"{m['p']}.u{m['k']}"])),
    (re.compile(_ORD + r" operative"), lambda m: _with_ordinal(m, "op{n} {n}")),
    (
        re.compile(
            r"(?:(?P<kw>op|operative|target|action) ?)?(?P<n>\d+) ?(?P<subs>(?:[a-z]{1,5} ?)*)"
        ),
        _numbered,
    ),
]


# What long forms add around the paragraph: the adopting body ("General Assembly resolution
# 74/178, paragraph 19"), the symbol of the document that publishes the instrument
# ("E/2009/28, Plan of Action, para. 41 (g)") and the instrument's year ("2009 Political
# Declaration, para. 36 (c)", "2009 PD 36(c)").
_BODY_WORDS = re.compile(r"\b(?:general assembly|commission on narcotic drugs|ecosoc)\b")
_SYMBOL = re.compile(r"(?<![a-z0-9])[a-z]{1,2}(?:/[a-z0-9.\-]+){2,}")
_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d(?![\d/])")


def _without_long_form(rest: str) -> str:
    rest = _SYMBOL.sub(" ", _BODY_WORDS.sub(" ", rest))
    without_year = _YEAR.sub(" ", rest)
    return without_year if re.search(r"\d", without_year) else rest


def _read(rest: str) -> _Query:
    """Turn what is left once the instrument is named into alternative paths ([] if unread)."""
    rest = _without_long_form(rest)
    words = [w for w in re.sub(r"[.,;:()\[\]/]", " ", rest).split() if w not in _FILLER]
    text = " ".join(words)
    if text not in ("annex", "annex heading", "heading annex"):
        text = " ".join(w for w in words if w != "annex")  # as in "A/RES/S-30/1, annex"
    for pattern, build in _RULES:
        if (m := pattern.fullmatch(text)) and (query := build(m)) and query.paths:
            return query
    return _Query([])


def _compact(rest: str) -> str:
    """A raw path as typed: "h:I.A.2", "5.u1", "f:open" (lower-cased, spaces dropped). Two
    numbers apart stay apart: "2009 36(c)" is no path "200936(c)"."""
    if re.search(r"\d[\s,]+\d", rest):
        return ""
    return re.sub(r"\s+", "", rest).strip(".,;/")


def _strip_heading_text(typed: str) -> str:
    # `cite` appends a heading's words in quotes; they name nothing, and may contain aliases.
    return re.sub(r"\(\s*[“\"].*[”\"]\s*\)", " ", typed)


def _alias_pattern(alias: str) -> re.Pattern[str]:
    """Match `alias` whatever the spacing, commas, dots and parentheses around its words."""
    parts = []
    for ch in alias.lower():
        if ch.isalnum():
            parts.append(re.escape(ch))
        elif ch == "/":
            parts.append(r"\s*/\s*")
        elif ch in "-–‑":
            parts.append(r"[\s\-–‑]*")
        else:
            parts.append(r"[\s.,()]*")
    return re.compile(r"(?<![a-z0-9])" + "".join(parts) + r"(?![a-z0-9])")


def _join(names: list[str]) -> str:
    # "A/RES/S-30/1, annex" has a comma of its own: list such names with semicolons.
    sep = "; " if any("," in n for n in names) else ", "
    return names[0] if len(names) == 1 else sep.join(names[:-1]) + " and " + names[-1]


class CitationIndex:
    """Resolves typed citations against the units the corpus actually has."""

    def __init__(self, instruments: Iterable[Instrument], unit_ids: Iterable[str]) -> None:
        known = sorted(instruments, key=lambda i: i.seq)  # stable: equal seqs keep given order
        self._labels = {i.id: instrument_label(i) for i in known}
        # instrument → lower-cased path → unit id: delegates type "h:i.a.2" as often as "h:I.A.2".
        self._paths: dict[str, dict[str, str]] = {i.id: {} for i in known}
        for uid in unit_ids:
            inst, _, path = uid.partition("/")
            self._paths.setdefault(inst, {})[path.lower()] = uid
        self._order = list(self._paths)
        aliases: dict[str, set[str]] = {}
        for i in known:
            for name in aliases_of(i):
                aliases.setdefault(name.lower(), set()).add(i.id)
            for name in (i.id, i.citation_prefix, i.symbol, i.short_title, i.title):
                if len(name) >= 2:
                    aliases.setdefault(name.lower(), set()).add(i.id)
        # Longest first: "Political Declaration (2009)" beats "PD", "A/RES/74/178" beats "74/178".
        self._aliases = [
            (_alias_pattern(name), [i for i in self._order if i in insts])
            for name, insts in sorted(aliases.items(), key=lambda kv: -len(kv[0]))
        ]

    def label(self, instrument_id: str) -> str:
        return self._labels.get(instrument_id, instrument_id)

    def resolve(self, typed: str, prefer: str | None = None) -> Resolution:
        """Read `typed` as a citation; `prefer` ranks first among instruments that all match.
        A range ("paras. 1–3", "para. 1 (a)–(c)") resolves to its first unit, with `last`."""
        found = _RANGE.search(_strip_heading_text(typed))
        if found:
            ranged = self._range(typed, found, prefer)
            if ranged is not None:
                return ranged
        return self._resolve(typed, prefer)

    def _range(self, typed: str, found: re.Match[str],
               prefer: str | None) -> Resolution | None:
        head, tail = typed[:found.start()], typed[found.end():]
        # "paras. 1–3 of 74/178": what follows the second label names the instrument.
        label = re.match(r"\s*(?:\d+\s*)?(?:\(\s*[a-z]+\s*\)\s*)*", tail.lower())
        if label and label.end() < len(tail.strip()):
            head, tail = f"{head} {tail[label.end():]}", tail[:label.end()]
        first = self._resolve(head, prefer)
        if len(first.candidates) != 1:
            return first if first.candidates else None
        instrument, _, path = first.candidates[0].partition("/")
        tail_path = _tail_path(path, tail.lower())
        if tail_path is None:
            return None
        last = self._paths.get(instrument, {}).get(tail_path)
        shown = " ".join(typed.split())
        if last is None:
            return _refused([], "range_end", instrument=self.label(instrument),
                            where=describe(tail_path, instrument), typed=shown)
        return Resolution(first.candidates, "", last)

    def _resolve(self, typed: str, prefer: str | None = None) -> Resolution:
        shown = " ".join(typed.split())
        if not shown:
            return _refused([], "empty", example=EXAMPLE)
        named, query, understood = self._parse(_strip_heading_text(typed).lower().strip())
        instruments = named or self._order
        if prefer in instruments:
            instruments = [prefer] + [i for i in instruments if i != prefer]
        found = [hit for inst in instruments if (hit := self._lookup(inst, query))]
        if len(found) == 1:
            return Resolution(found, "")
        if found:
            names = _join([self.label(uid.split("/", 1)[0]) for uid in found])
            return _refused(found, "ambiguous", typed=shown, names=names)
        if named and not query.paths:
            names = _join([self.label(i) for i in named])
            return _refused([], "no_paragraph", typed=shown, names=names)
        if not understood:
            return _refused([], "unreadable", typed=shown, example=EXAMPLE)
        where = _said(query, named[0] if len(named) == 1 else "")
        if len(named) == 1:
            return _refused([], "missing", instrument=self.label(named[0]), where=where)
        return _refused([], "nowhere", where=where)

    def _lookup(self, instrument: str, query: _Query) -> str | None:
        """The unit id of the first alternative path this instrument has."""
        scheme = heading_levels(instrument)
        if query.levels and scheme[: len(query.levels)] != query.levels:
            return None  # "part I" is the Plan of Action's, "chapter I" the report's
        table = self._paths.get(instrument, {})
        return next((table[p] for p in query.paths if p in table), None)

    def _parse(self, text: str) -> tuple[list[str], _Query, bool]:
        """(named instruments, alternative paths, whether the paragraph part was understood)."""
        raw = re.fullmatch(r"([a-z0-9-]+)\s*/\s*(.+)", text)
        if raw and raw[1] in self._paths:
            # A unit id: its exact path first, so "x/op1" never turns into "x/1".
            query, compact = _read(raw[2]), _compact(raw[2])
            paths = _dedupe([compact, *query.paths])
            understood = bool(query.paths or _PATH_SHAPE.fullmatch(compact))
            return [raw[1]], _Query(paths), understood
        named, rest = self._find_instrument(text)
        if not rest.strip(" ,.;:/"):
            return named, _Query([]), False
        query, compact = _read(rest), _compact(rest)
        if not named and query.implied:
            named = [query.implied]
        # Free text: the structured reading first ("OP 1" is para. 1), the raw path as a fallback.
        paths = _dedupe([*query.paths, compact])
        understood = bool(query.paths or _PATH_SHAPE.fullmatch(compact))
        return named, _Query(paths, query.implied, query.levels), understood

    def _find_instrument(self, text: str) -> tuple[list[str], str]:
        for pattern, insts in self._aliases:
            if insts and (m := pattern.search(text)):
                return insts, text[: m.start()] + " " + text[m.end() :]
        return [], text


# The dash of a range between two labels: "1–3", "(a)–(c)", "1 (m)–2 (b)", "1 to 3".
_RANGE = re.compile(r"(?<=[\d)])\s*(?:[-–—]|\bto\b)\s*(?=[\d(]|[a-z]{1,4}\)|$)")


def _tail_path(first: str, tail: str) -> str | None:
    """The path a range's second half names, read against its first: "(c)" after "1(a)" is
    "1(c)", "3" after "1" is "3", "2 (b)" is "2(b)"."""
    tail = re.sub(r"\s+", "", tail).strip(".,;")
    if m := re.fullmatch(r"(\d+)((?:\([a-z]+\))*)", tail):
        return m[1] + m[2]
    if re.fullmatch(r"(?:\([a-z]+\))+", tail):
        levels = re.findall(r"\([a-z]+\)", tail)
        head = re.findall(r"\([a-z]+\)", first)
        base = re.match(r"\d+", first)
        if base is None or len(levels) > len(head):
            return None
        return base[0] + "".join(head[:len(head) - len(levels)]) + "".join(levels)
    return None


def _said(query: _Query, instrument_id: str) -> str:
    """The missing unit in the delegate's own terms, for "… has no …" messages."""
    if query.levels:
        values = query.paths[0].removeprefix("h:").split(".")
        return ", ".join(f"{k} {v.upper()}" for k, v in zip(query.levels, values, strict=True))
    return describe(query.paths[0], instrument_id)


def _dedupe(paths: list[str]) -> list[str]:
    return [p for i, p in enumerate(paths) if p and p not in paths[:i]]
