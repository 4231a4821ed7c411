"""Inline markup of one block: emphasis, footnote calls, link debris, whitespace.

The sources mark the print's emphasis in several notations (`*italic*`, `**bold**`, `<i>…</i>`)
and footnote calls in others (`<sup>3</sup>`, Unicode superscripts `³`, a trailing asterisk in a
masthead). `parse_inline` turns a block's text into plain words plus the attributes needed to
render it as printed; the plain words are what `units.text` stores.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

_TOKEN = re.compile(
    r"(?P<sup><sup>(?P<supn>\d+)</sup>)"
    rf"|(?P<uni>[{SUPERSCRIPT_DIGITS}]+)"
    r"|(?P<link>\[(?P<linktext>[^\]\n]+)\]\(#[^)\s]*\))"
    r"|(?P<tag></?[ib]>)"
    r"|(?P<bold>\*\*)"
    r"|(?P<star>\*)"
)


@dataclass
class Inline:
    """Plain characters with their emphasis, and the footnote calls between them."""

    chars: list[str] = field(default_factory=list)
    italic: list[bool] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    calls: list[tuple[int, str]] = field(default_factory=list)  # (offset, number)
    link_debris: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def italic_runs(self) -> list[tuple[int, int]]:
        """(start, end) of each italic run, ignoring runs of white space only."""
        runs: list[tuple[int, int]] = []
        start: int | None = None
        for index, flag in enumerate([*self.italic, False]):
            if flag and start is None:
                start = index
            elif not flag and start is not None:
                if "".join(self.chars[start:index]).strip():
                    runs.append((start, index))
                start = None
        return runs

    def rich(self) -> str:
        """Small HTML: <i>, <b> and footnote calls as <sup><a href="fn:N">N</a></sup>."""
        out: list[str] = []
        calls: dict[int, list[str]] = {}
        for offset, number in self.calls:
            calls.setdefault(offset, []).append(number)
        state = (False, False)
        for index in range(len(self.chars) + 1):
            for number in calls.get(index, []):
                out.append(_close(state))
                state = (False, False)
                out.append(f'<sup><a href="fn:{number}">{number}</a></sup>')
            if index == len(self.chars):
                break
            wanted = (self.italic[index], self.bold[index])
            if wanted != state:
                out.append(_close(state))
                out.append(_open(wanted))
                state = wanted
            out.append(html.escape(self.chars[index], quote=False))
        out.append(_close(state))
        return "".join(out)


def _open(state: tuple[bool, bool]) -> str:
    italic, bold = state
    return ("<b>" if bold else "") + ("<i>" if italic else "")


def _close(state: tuple[bool, bool]) -> str:
    italic, bold = state
    return ("</i>" if italic else "") + ("</b>" if bold else "")


def parse_inline(source: str, *, asterisk_calls: bool = False) -> Inline:
    """Parse a block's text (label already removed) into an Inline.

    With `asterisk_calls`, a trailing `*`/`**` after a word is a footnote call (a masthead's
    "preliminary list*"), not emphasis.
    """
    raw = Inline()
    italic = bold = False
    trailing_call = None
    if asterisk_calls:
        match = re.search(r"(?<=[\w.)])(\*{1,3})(?=\s*$)", source, re.M)
        if match and source.count("*") == len(match.group(1)):
            trailing_call = match
    position = 0
    for match in _TOKEN.finditer(source):
        _append(raw, source[position : match.start()], italic, bold)
        position = match.end()
        if trailing_call is not None and match.start() == trailing_call.start():
            raw.calls.append((len(raw.chars), trailing_call.group(1)))
            position = trailing_call.end()
            continue
        kind = match.lastgroup
        if kind == "sup":
            raw.calls.append((len(raw.chars), match.group("supn")))
        elif kind == "uni":
            raw.calls.append((len(raw.chars), match.group("uni").translate(_TO_DIGITS)))
        elif kind == "link":
            raw.link_debris.append(match.group(0))
            _append(raw, match.group("linktext"), italic, bold)
        elif kind == "tag":
            tag = match.group("tag")
            if tag[1] == "/":
                italic, bold = (False, bold) if "i" in tag else (italic, False)
            else:
                italic, bold = (True, bold) if "i" in tag else (italic, True)
        elif kind == "bold":
            bold = not bold
        elif kind == "star":
            italic = not italic
    _append(raw, source[position:], italic, bold)
    return _normalise_space(raw)


def _append(target: Inline, text: str, italic: bool, bold: bool) -> None:
    for char in text:
        target.chars.append(char)
        target.italic.append(italic)
        target.bold.append(bold)


def _normalise_space(raw: Inline) -> Inline:
    """Collapse white space to single spaces and strip the ends, moving call offsets along."""
    out = Inline(link_debris=raw.link_debris)
    new_offset: list[int] = []
    for index, char in enumerate(raw.chars):
        new_offset.append(len(out.chars))
        if char.isspace():
            if not out.chars or out.chars[-1] == " ":
                continue
            char = " "
        out.chars.append(char)
        out.italic.append(raw.italic[index])
        out.bold.append(raw.bold[index])
    new_offset.append(len(out.chars))
    # Strip a trailing space, keeping call offsets inside the text.
    while out.chars and out.chars[-1] == " ":
        out.chars.pop()
        out.italic.pop()
        out.bold.pop()
    limit = len(out.chars)
    out.calls = [(min(new_offset[offset], limit), number) for offset, number in raw.calls]
    # A call that followed white space sits after the collapsed space; pull it back onto
    # the word it marks ("substances ²" → "substances²").
    fixed = []
    for offset, number in out.calls:
        while offset > 0 and out.chars[offset - 1] == " ":
            offset -= 1
        fixed.append((offset, number))
    out.calls = fixed
    return out


def strip_markup(text: str) -> str:
    """The block's words without emphasis markers, tags, calls or link syntax (for tests of
    punctuation and case, not for storage)."""
    return parse_inline(text).text


def plain_number(number: str) -> str:
    return number.translate(_TO_DIGITS)
