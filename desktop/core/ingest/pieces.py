"""What each content block is, by the general rules of how UN documents are printed.

A block is a heading (Markdown `#`, a line all in bold or all in italics, or — in sources
without markup — a short line without closing punctuation, possibly numbered "Part I.",
"I.", "A.", "1."), a numbered paragraph ("12. …"), a subparagraph ("(a) …", "(iv) …", also
as a Markdown list item "- (v) …"), a Problem/Action role line, or unnumbered text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.ingest.blocks import Block
from desktop.core.ingest.inline import strip_markup

NUMBERED = re.compile(r"^\s*(?:[-*]\s+)?(\d{1,3})\.\s+(\S.*)$", re.S)
# A paragraph inserted after another without renumbering: "5 bis.", "5 ter." (drafts).
INSERTED = re.compile(r"^\s*(\d{1,3})\s+(bis|ter|quater|quinquies)\.\s+(\S.*)$", re.S)
LETTERED = re.compile(r"^\s*(?:[-*]\s+)?\(([a-z]{1,2}|[ivxl]{1,6})\)\s+(\S.*)$", re.S)
MD_HEADING = re.compile(r"^(#{1,6})\s+(\S.*)$")
BOLD_LINE = re.compile(r"^\*\*([^*].*?)\*\*$")
ITALIC_LINE = re.compile(r"^\*([^*]+)\*$")
HEADING_LABEL = re.compile(
    r"^(?:(?P<part>Part\s+(?P<partn>[IVXL]+))|(?P<roman>[IVXL]+)|(?P<letter>[A-Z])"
    r"|(?P<number>\d{1,2}))\.\s+(?P<rest>\S.*)$"
)
ROLE = re.compile(r"^(Problem|Action)$")
CONTENTS_ROW = re.compile(r"\t\s*(?:<i>Page</i>|\d+)\s*$", re.M)

TERMINAL = re.compile(r"[.;:,!?]$")
MAX_HEADING = 320  # characters; the longest heading in the sources is about 300


@dataclass
class Piece:
    block: Block
    kind: str  # heading | numbered | lettered | role | contents | text
    body: str  # the text without its label (markup kept, for inline parsing)
    number: int | None = None  # numbered paragraphs
    suffix: str = ""  # "bis", "ter", … of an inserted paragraph ("5 bis.")
    letter: str | None = None  # subparagraph label, lower case
    style: str = ""  # headings: md | bold | italic | plain
    heading_label: tuple[str, str] | None = None  # ("part"|"roman"|"letter"|"number", value)
    role: str = ""  # "problem" | "action" for role lines

    @property
    def line(self) -> int:
        return self.block.line

    @property
    def plain(self) -> str:
        return strip_markup(self.body)


def classify(block: Block) -> Piece:
    text = block.text.strip()
    if CONTENTS_ROW.search(text) and "\n" in text:
        return Piece(block, "contents", text)
    single_line = "\n" not in text
    match = MD_HEADING.match(text) if single_line else None
    if match:
        body = match.group(2).strip()
        inner = BOLD_LINE.match(body)
        return _heading(block, inner.group(1) if inner else body, "bold" if inner else "md")
    if single_line:
        match = BOLD_LINE.match(text)
        if match:
            return _heading(block, match.group(1), "bold")
        match = ITALIC_LINE.match(text)
        if match and not TERMINAL.search(match.group(1).strip()):
            return _heading(block, match.group(1), "italic")
        match = ROLE.match(text)
        if match:
            return Piece(block, "role", text, role=match.group(1).lower())
    match = LETTERED.match(text)
    if match:
        return Piece(block, "lettered", match.group(2), letter=match.group(1))
    match = INSERTED.match(text)
    if match:
        return Piece(block, "numbered", match.group(3), number=int(match.group(1)),
                     suffix=match.group(2))
    match = NUMBERED.match(text)
    if match:
        body = match.group(2)
        if single_line and _looks_like_heading(body):
            return _heading(block, text, "plain")
        return Piece(block, "numbered", body, number=int(match.group(1)))
    if single_line and _looks_like_heading(text):
        return _heading(block, text, "plain")
    return Piece(block, "text", text)


def _looks_like_heading(text: str) -> bool:
    plain = strip_markup(text).strip()
    return len(plain) <= MAX_HEADING and not TERMINAL.search(plain)


def _heading(block: Block, text: str, style: str) -> Piece:
    text = text.strip()
    label = None
    match = HEADING_LABEL.match(strip_markup(text))
    if match:
        if match.group("part"):
            label = ("part", match.group("partn"))
        elif match.group("roman"):
            label = ("roman", match.group("roman"))
        elif match.group("letter"):
            label = ("letter", match.group("letter"))
        else:
            label = ("number", match.group("number"))
        # Drop the label from the body, keeping any markup of the words.
        text = re.sub(r"^\s*(?:Part\s+[IVXL]+|[IVXL]+|[A-Z]|\d{1,2})\.\s+", "", text, count=1)
    return Piece(block, "heading", text, style=style, heading_label=label)
