"""An instrument as the small HTML a Qt text document renders, built from the corpus directly.

Converting Markdown is too slow for start-up (PLATFORM-NOTES), so the units are written out
here as they are printed: headings, hanging paragraph numbers and letters indented by level,
the print's emphasis (`units.rich`), footnote calls as superscripts carrying their note's text,
the Plan of Action's "Problem"/"Action" lines where the role changes, and a small mark on every
unit the corpus repaired or flagged as a slip. Each unit's block opens with an anchor named by
the unit id (a print finds its units by them); the pane's HTML (`rendered`) goes without and
names each block's unit beside it, so a view can find, scroll to and mark any unit.

Hanging numbers rely on a tab after the label: the view sets the document's tab stop distance
to `RenderStyle.indent_px`, so the text of every level starts on a tab stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from desktop.core.corpus import Corpus
from desktop.core.model import Footnote, Instrument, Repair, Slip, Unit

_CALL = re.compile(r'<sup><a href="fn:([^"]+)">([^<]*)</a></sup>')
_SUBLEVEL = re.compile(r"\([^()]+\)")
# Role words are the instrument's own printed words, not interface text.
ROLE_LINES = {"problem": "Problem", "action": "Action"}
# Heading level (0 = title) -> the HTML element and class used for it.
_HEADING_TAGS = {0: "h1", 1: "h2", 2: "h3", 3: "h4"}


class RenderStyle(NamedTuple):
    """What the renderer needs from the look of the view; colours come from the palette."""

    indent_px: int = 40  # one indentation step; also the tab stop distance
    mark_colour: str = "#b35c00"  # repair and slip marks
    muted_colour: str = "#6b6b6b"  # the masthead


class Wording(NamedTuple):
    """Interface words the HTML carries (the window passes them translated)."""

    repaired: str = "Repaired in this edition"
    slip: str = "Kept as printed"
    notes: str = "Notes"


class Apparatus:
    """Footnotes, repairs and slips of one instrument, by the unit they belong to. (A plain
    class: made at every start, before the first paint; see desktop.core.model.)"""

    __slots__ = ("footnotes", "repairs", "slips")

    def __init__(self, footnotes: dict[str, list[Footnote]] | None = None,
                 repairs: dict[str, list[Repair]] | None = None,
                 slips: dict[str, list[Slip]] | None = None) -> None:
        self.footnotes = footnotes if footnotes is not None else {}
        self.repairs = repairs if repairs is not None else {}
        self.slips = slips if slips is not None else {}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Apparatus):
            return NotImplemented
        return (self.footnotes, self.repairs, self.slips) == (
            other.footnotes, other.repairs, other.slips)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    @classmethod
    def load(cls, corpus: Corpus, units: Iterable[Unit]) -> Apparatus:
        units = list(units)
        ids = {unit.id for unit in units}
        found = cls()
        for unit in units:
            if "fn:" in unit.rich:
                found.footnotes[unit.id] = corpus.footnotes_of(unit.id)
        for repair in corpus.repairs():
            if repair.unit in ids:
                found.repairs.setdefault(repair.unit, []).append(repair)
        for slip in corpus.slips():
            found.slips.setdefault(slip.target, []).append(slip)
        return found


def stylesheet(style: RenderStyle) -> str:
    step = style.indent_px
    return (
        "h1 { font-size: large; font-weight: 600; margin-top: 6px; margin-bottom: 12px; }"
        "h2 { font-size: medium; font-weight: 600; margin-top: 18px; margin-bottom: 8px; }"
        "h3 { font-size: medium; font-weight: 600; margin-top: 14px; margin-bottom: 6px; }"
        "h4 { font-size: medium; font-weight: 600; font-style: italic; margin-top: 12px;"
        " margin-bottom: 6px; }"
        "p { margin-top: 0px; margin-bottom: 8px; }"
        f"p.front {{ font-size: small; color: {style.muted_colour}; margin-bottom: 2px; }}"
        f"p.role {{ font-style: italic; margin-top: 6px; margin-left: {step}px; }}"
        f"p.pp, p.text {{ margin-left: {step}px; text-indent: {step // 2}px; }}"
        f"p.formula {{ margin-left: {step}px; }}"
        f"p.note {{ font-size: small; margin-left: {step}px; text-indent: -{step}px;"
        " margin-bottom: 4px; white-space: pre-wrap; }"
        ".t { white-space: pre; }"
        f".mark {{ color: {style.mark_colour}; }}"
        # Numbered paragraphs by depth: the label hangs, a tab (kept: pre-wrap) before the
        # text; and unnumbered ones. Classes, not a style on each paragraph, and no element
        # around the tab: Qt parses a long instrument a third faster.
        + "".join(f"p.n{depth} {{ margin-left: {depth * step}px; text-indent: -{step}px;"
                  f" white-space: pre-wrap; }}p.u{depth} {{ margin-left: {depth * step}px; }}"
                  for depth in range(1, _CLASSED_DEPTHS + 1))
    )


_CLASSED_DEPTHS = 6  # deeper paragraphs (none in the corpus) carry their own style


def _depth(unit: Unit) -> int:
    """How far a unit's text is indented: paragraphs 1, (a) 2, (i) 3."""
    if unit.kind == "subparagraph":
        return 1 + max(1, len(_SUBLEVEL.findall(unit.path)))
    return 1


# html.escape's five replacements, without importing the html package: it loads its table of
# 2,231 entities (~1 ms) on the window's first-paint path, where nothing is unescaped.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """As html.escape(text) (quotes too: fit for attribute values as for text)."""
    return text.translate(_ESCAPES)


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    from html import unescape

    return unescape(text)


def _calls(unit: Unit, notes: Sequence[Footnote]) -> str:
    """The unit's rich text with each footnote call carrying its note (hover shows it)."""
    by_number = {note.number: note for note in notes}

    def call(match: re.Match[str]) -> str:
        number = _unescape(match.group(1))
        note = by_number.get(number)
        if note is None:
            return match.group(0)
        return (f'<sup><a href="fn:{escape(note.id)}" title="{escape(f"{number} {note.text}")}">'
                f"{match.group(2)}</a></sup>")

    return _CALL.sub(call, unit.rich) if "fn:" in unit.rich else unit.rich


def _marks(target: str, apparatus: Apparatus, wording: Wording) -> str:
    """The small marks of a unit (or footnote) whose text was repaired or is a kept slip."""
    marks = []
    repairs = apparatus.repairs.get(target, [])
    if repairs:
        tip = "\n".join(f"{wording.repaired} ({r.rule}): {r.detail}" for r in repairs)
        marks.append(f'<span class="mark" title="{escape(tip)}">\u270e</span>')
    slips = apparatus.slips.get(target, [])
    if slips:
        tip = "\n".join(f"{wording.slip}: {s.detail}" for s in slips)
        marks.append(f'<span class="mark" title="{escape(tip)}"><i>sic</i></span>')
    # A space before each (Qt lays a thin space out as a plain one, but in a pre-wrap block).
    return "".join(f" {mark}" for mark in marks)


def unit_html(unit: Unit, apparatus: Apparatus, wording: Wording, step: int = 40,
              marks: bool = True, anchor: bool = True) -> str:
    """One unit as one block, opening with its anchor (without `anchor`, none: see
    `Rendered`); `step` is one indentation in pixels; `marks`: the edition's repair and slip
    marks (left out of a print)."""
    anchor_html = f'<a name="{escape(unit.id)}"></a>' if anchor else ""
    body = _calls(unit, apparatus.footnotes.get(unit.id, ()))
    if marks:
        body += _marks(unit.id, apparatus, wording)
    label = escape(unit.label)
    if unit.kind == "heading":
        tag = _HEADING_TAGS.get(unit.level, "h4")
        align = ' align="center"' if unit.level == 0 else ""
        text = f"{label} {body}" if label else body
        return f"<{tag}{align}>{anchor_html}{text}</{tag}>"
    if unit.kind == "front":
        return f'<p class="front">{anchor_html}{body}</p>'
    if unit.kind in ("preamble", "text", "formula"):
        css = {"preamble": "pp"}.get(unit.kind, unit.kind)
        return f'<p class="{css}">{anchor_html}{body}</p>'
    depth = _depth(unit)
    if depth <= _CLASSED_DEPTHS:  # numbered: the label, then the tab it hangs by
        opening = f'<p class="n{depth}">{anchor_html}{label}\t' if label else \
            f'<p class="u{depth}">{anchor_html}'
        return f"{opening}{body}</p>"
    margin = depth * step
    if not label:
        return f'<p style="margin-left:{margin}px">{anchor_html}{body}</p>'
    return (f'<p style="margin-left:{margin}px; text-indent:-{step}px">{anchor_html}{label}'
            f'<span class="t">\t</span>{body}</p>')


def _notes(notes: Iterable[Footnote], wording: Wording, apparatus: Apparatus,
           anchors: bool) -> tuple[tuple[None, ...], str]:
    """The footnotes called in a range, as the print has them at the foot of its pages, and
    their blocks: the rule, the heading line and one per note (none without notes)."""
    rows = []
    for note in notes:
        mark = _marks(note.id, apparatus, wording)
        anchor = f'<a name="{escape(note.id)}"></a>' if anchors else ""
        rows.append(f'<p class="note">{anchor}{escape(note.number)}\t{note.rich}{mark}</p>')
    if not rows:
        return (), ""
    return ((None,) * (len(rows) + 2),
            f'<hr/><p class="role">{escape(wording.notes)}</p>' + "".join(rows))


class Rendered(NamedTuple):
    """A document's HTML without anchors, and the unit each of its blocks holds (None for
    a role line, a caption, the notes) in block order: Qt spends about a third of parsing
    a long instrument on the anchors' character formats (one distinct format each), and a
    view that knows the blocks can find its units without them."""

    html: str
    blocks: tuple[str | None, ...]


def document_html(
    instrument: Instrument,
    units: Sequence[Unit],
    apparatus: Apparatus,
    style: RenderStyle | None = None,
    wording: Wording | None = None,
    *,
    notes: bool = True,
    caption: str = "",
    marks: bool = True,
) -> str:
    """The units (an instrument, or a range of it) as one HTML document.

    `caption` opens the document with a line naming what it is (a printed range says which
    instrument it comes from).

    A role line ("Problem", "Action") is printed where the Plan of Action's role changes; a
    heading resets it, as a new section of the print starts with its own role line.
    """
    return "\n".join(html for _, html in _parts(instrument, units, apparatus, style, wording,
                                                 notes, caption, marks, anchors=True))


def rendered(
    instrument: Instrument,
    units: Sequence[Unit],
    apparatus: Apparatus,
    style: RenderStyle | None = None,
    wording: Wording | None = None,
    *,
    notes: bool = True,
) -> Rendered:
    """The units as `document_html` renders them, without anchors, with their blocks."""
    parts = list(_parts(instrument, units, apparatus, style, wording, notes, "", True,
                        anchors=False))
    return Rendered("\n".join(html for _, html in parts),
                    tuple(unit for blocks, _ in parts for unit in blocks))


def _parts(instrument: Instrument, units: Sequence[Unit], apparatus: Apparatus,
           style: RenderStyle | None, wording: Wording | None, notes: bool, caption: str,
           marks: bool, anchors: bool) -> Iterable[tuple[tuple[str | None, ...], str]]:
    """The document's parts in order, each with the blocks it makes (the unit each holds,
    None for others): the head, the caption, a role line or a unit each, the notes."""
    style = style or RenderStyle()
    wording = wording or Wording()
    yield (), (f"<html><head><title>{escape(instrument.short_title)}</title>"
               f"<style>{stylesheet(style)}</style></head><body>")
    if caption:
        yield (None,), f'<p class="front">{escape(caption)}</p>'
    role: str | None = None
    called: list[Footnote] = []
    for unit in units:
        if unit.kind == "heading":
            role = None
        elif unit.role and unit.role != role:
            role = unit.role
            yield (None,), f'<p class="role">{ROLE_LINES.get(role, role.title())}</p>'
        yield (unit.id,), unit_html(unit, apparatus, wording, style.indent_px, marks, anchors)
        called.extend(apparatus.footnotes.get(unit.id, ()))
    if notes:
        seen: dict[str, Footnote] = {note.id: note for note in called}
        yield _notes(seen.values(), wording, apparatus, anchors)
    yield (), "</body></html>"
