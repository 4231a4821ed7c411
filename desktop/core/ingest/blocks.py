"""From source lines to content blocks: the page-level repairs of a converted print.

The sources are text conversions of printed UN documents. A printed page ends with its
footnotes (sometimes after a `---` rule), so a paragraph that runs over a page break comes
back as two blocks with footnote lines between them. This module

- splits the lines into blocks (a blank line, or a line opening with a paragraph label,
  starts a new one),
- takes out page-break rules and footnote definitions (in every notation the sources use),
- joins the parts of a paragraph split by a page break, recording each join.

What a block *means* (heading, paragraph, formula) is decided later, by structure.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.ingest.inline import SUPERSCRIPT_DIGITS, strip_markup

# A line that opens a new paragraph even without a blank line before it: "12. …", "(a) …",
# and the Markdown list form "- (v) …" one source uses for roman items.
LABEL_LINE = re.compile(r"^\s*(?:[-*]\s+)?(?:\d{1,3}(?: (?:bis|ter|quater|quinquies))?\.|"
                        r"\((?:[a-z]{1,2}|[ivxl]{1,6})\))\s")

PAGE_RULE = re.compile(r"^\s*(?:---+|\*\*\*+|___+)\s*$")

# Footnote definitions: "<sup>3</sup> text", "³ text", and the asterisk notes of a masthead
# ("* A/64/50."), the latter only when a matching call was seen before.
FOOTNOTE_SUP = re.compile(r"^<sup>(\d+)</sup>\s*(\S.*)$", re.S)
FOOTNOTE_UNICODE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s+(\S.*)$", re.S)
FOOTNOTE_ASTERISK = re.compile(r"^(\*{1,3})\s+(\S.*)$", re.S)
ASTERISK_CALL = re.compile(r"[\w.)](\*{1,3})\s*$", re.M)

# Text that can end a paragraph (after markup and footnote calls are stripped).
TERMINAL = re.compile(r"[.;:,!?]$")


@dataclass
class Block:
    """Consecutive source lines that form one piece of text."""

    text: str
    line: int  # first source line, 1-based
    end: int  # last source line
    lines: list[int] = field(default_factory=list)  # every source line that went in

    def first_line_text(self) -> str:
        return self.text.split("\n", 1)[0]


@dataclass
class FootnoteDef:
    number: str  # as printed: "3", "*"
    text: str
    line: int


@dataclass
class Join:
    """A paragraph split by a page break, joined again."""

    line: int  # first line of the first part
    continuation: int  # first line of the continuation
    hyphen: bool  # joined after a line-end hyphen, without a space
    across: str  # what stood between: "footnotes", "rule", "blank lines", "nothing"


@dataclass
class PageLayer:
    """The result of the page-level pass over one source."""

    blocks: list[Block]
    footnotes: list[FootnoteDef]
    joins: list[Join]


def split_blocks(lines: list[str]) -> list[Block]:
    """Split source lines into blocks at blank lines and at lines opening with a label."""
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            numbers = [n for n, _ in current]
            text = "\n".join(t for _, t in current)
            blocks.append(Block(text=text, line=numbers[0], end=numbers[-1], lines=numbers))
            current.clear()

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n").rstrip()
        if not line.strip():
            flush()
            continue
        if current and LABEL_LINE.match(line):
            flush()
        current.append((number, line))
    flush()
    return blocks


def _footnote(block: Block, asterisk_calls: set[str]) -> FootnoteDef | None:
    text = block.text.strip()
    for pattern in (FOOTNOTE_SUP, FOOTNOTE_UNICODE):
        match = pattern.match(text)
        if match:
            return FootnoteDef(_plain_number(match.group(1)), match.group(2), block.line)
    match = FOOTNOTE_ASTERISK.match(text)
    if match and match.group(1) in asterisk_calls and not text.endswith("*"):
        return FootnoteDef(match.group(1), match.group(2), block.line)
    return None


def _plain_number(number: str) -> str:
    return number.translate(str.maketrans(SUPERSCRIPT_DIGITS, "0123456789"))


def _ends_open(text: str) -> bool:
    """True when the block stops without punctuation that can end a paragraph."""
    plain = strip_markup(text).rstrip()
    return bool(plain) and not TERMINAL.search(plain)


def _starts_lower(text: str) -> bool:
    plain = strip_markup(text).lstrip()
    return bool(plain) and plain[0].islower()


def _is_marked_heading(text: str) -> bool:
    """Markdown headings and whole-line bold/italic lines never run on over a page."""
    stripped = text.strip()
    if stripped.startswith("#"):
        return True
    return bool(re.fullmatch(r"\*\*[^*].*\*\*|\*[^*\n]+\*", stripped))


def page_layer(lines: list[str]) -> PageLayer:
    """Take out page furniture and join paragraphs split over page breaks."""
    raw_blocks = split_blocks(lines)
    content: list[Block] = []
    footnotes: list[FootnoteDef] = []
    # What stood between each content block and the one before it.
    between: list[str] = []
    asterisk_calls: set[str] = set()
    pending = "nothing"
    previous_end = 0

    for block in raw_blocks:
        if PAGE_RULE.match(block.text):
            pending = "rule" if pending == "nothing" else pending
            continue
        note = _footnote(block, asterisk_calls)
        if note is not None:
            footnotes.append(note)
            pending = "footnotes"
            continue
        # An asterisk note call ("preliminary list*") is the block's only asterisk run;
        # emphasis ("*Recalling*") always comes in pairs.
        calls = ASTERISK_CALL.findall(block.text)
        if calls and block.text.count("*") == sum(len(c) for c in calls):
            asterisk_calls.update(calls)
        if pending == "nothing" and content and block.line - previous_end > 3:
            pending = "blank lines"  # a page break the conversion left only as empty lines
        content.append(block)
        between.append(pending)
        pending = "nothing"
        previous_end = block.end

    joined: list[Block] = []
    joins: list[Join] = []
    for block, gap in zip(content, between, strict=True):
        if joined and _continues(joined[-1], block, gap):
            head = joined[-1]
            hyphen = strip_markup(head.text).rstrip().endswith("-")
            glue = "" if hyphen else " "
            joins.append(Join(head.line, block.line, hyphen, gap))
            joined[-1] = Block(
                text=head.text.rstrip() + glue + block.text.lstrip(),
                line=head.line,
                end=block.end,
                lines=head.lines + block.lines,
            )
        else:
            joined.append(block)
    return PageLayer(joined, footnotes, joins)


def _continues(head: Block, block: Block, gap: str) -> bool:
    """Is `block` the rest of `head`, cut off by a page break?

    A continuation opens in lower case ("whole, and facilitate …"); or the first part stops
    without closing punctuation and page furniture (footnotes, a rule, a run of blank lines)
    stands between ("… universal access to" / footnote / "HIV prevention …"). Headings marked
    as such never continue, and a block opening with a label is a new paragraph.
    """
    if _is_marked_heading(head.text) or LABEL_LINE.match(block.text):
        return False
    if _starts_lower(block.text):
        return True
    return gap != "nothing" and _ends_open(head.text)
