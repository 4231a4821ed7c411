"""The agreed-language analysis of a draft as a brief, laid out by the excerpt writers.

Each analysed paragraph of the draft becomes an excerpt of one pack (desktop.core.excerpts):
its citation, its words as the draft prints them, its status where an excerpt shows the
category, the sources with their citations and links as corresponding units, and for a
changed paragraph the word-level redline against its source in the note. The pack's heading
says what a delegate sends home: "New wording in OP 5, 9 and 12".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.agreed import CHANGED
from desktop.core.citations import cite
from desktop.core.drafts.analysis import STATUSES, Paragraph
from desktop.core.excerpts.pack import (
    DOCUMENT,
    Corresponding,
    Excerpt,
    Group,
    Pack,
    Passage,
    first_words,
    long_date,
)
from desktop.core.model import Instrument
from desktop.core.text.diff import plain_redline, word_diff
from desktop.core.unit_links import unit_link

COLOURS = {"agreed": "#2e7d32", "changed": "#c77700", "partly agreed": "#1f6fb2",
           "new": "#b3261e"}
FORMATS = ("html", "docx")


@dataclass(frozen=True)
class AnalysisPack(Pack):
    """A pack whose heading speaks of a draft's paragraphs, not of annotations."""

    summary: tuple[str, ...] = ()

    def heading_lines(self) -> list[str]:
        return [*self.summary, f"Made {self.made}."]


def short_place(unit_id: str) -> str:
    """How delegates name a draft paragraph: "OP 5", "OP 5 (b)", "PP 3"."""
    path = unit_id.split("/", 1)[1]
    if path.startswith("pp"):
        return f"PP {path[2:]}"
    if path[:1].isdigit():
        path = re.sub(r"^(\d+)(bis|ter|quater|quinquies)", r"\1 \2", path)
        return "OP " + path.replace("(", " (", 1).replace(")(", ") (")
    return path


def _listed(places: Sequence[str]) -> str:
    if len(places) <= 1:
        return "".join(places)
    return ", ".join(places[:-1]) + " and " + places[-1]


def summary_lines(paragraphs: Sequence[Paragraph]) -> list[str]:
    by_status: dict[str, list[str]] = {status: [] for status in STATUSES}
    for paragraph in paragraphs:
        if paragraph.status:
            by_status[paragraph.status].append(short_place(paragraph.unit.id))
    said = {"agreed": "Agreed language in", "changed": "Agreed language changed in",
            "partly agreed": "Partly agreed language in", "new": "New wording in"}
    return [f"{said[status]} {_listed(places)}." for status, places in
            ((s, by_status[s]) for s in ("new", "changed", "partly agreed", "agreed"))
            if places]


def build(instrument: Instrument, paragraphs: Sequence[Paragraph],
          now: datetime | None = None) -> AnalysisPack:
    moment = now or datetime.now(UTC)
    stamp = moment.isoformat(timespec="seconds")
    excerpts = []
    for number, paragraph in enumerate(p for p in paragraphs if p.status):
        unit = paragraph.unit
        note_lines = []
        for match in paragraph.matches:
            if match.relation == CHANGED:
                redline = plain_redline(word_diff(match.unit.text, unit.text))
                note_lines.append(f"Changed from {cite(match.unit, match.instrument)} "
                                  f"([-deleted-], {{+inserted+}}):\n\n{redline}")
                break
        corresponding = tuple(
            Corresponding(m.unit.id, cite(m.unit, m.instrument),
                          f"{m.relation}, score {m.score:.2f}: " + first_words(m.unit, 100),
                          ("restates",), (), unit_link(m.unit.id))
            for m in paragraph.matches)
        excerpts.append(Excerpt(
            id=number + 1, uuid="", unit=unit.id, end_unit=unit.id,
            instrument=instrument.id, citation=f"{short_place(unit.id)} — "
            f"{cite(unit, instrument)}", quote=unit.text, whole=True,
            category=(paragraph.status or "").capitalize(),
            colour=COLOURS.get(paragraph.status or ""), tags=(), meeting="", author="",
            created=stamp, modified=stamp, note="\n\n".join(note_lines),
            private=False, in_review=False, link=unit_link(unit.id),
            corresponding=corresponding,
            passages=(Passage(unit.id, unit.label, unit.text, None),)))
    summary = tuple(summary_lines(paragraphs))
    group = Group(instrument.id, instrument.title, instrument.symbol, tuple(excerpts))
    return AnalysisPack(
        title=f"Agreed language in {instrument.title}", made=long_date(stamp), author="",
        selection=(), order=DOCUMENT, full_text=False, groups=(group,), private_left_out=0,
        excerpts_count=len(excerpts), summary=summary)


def write(pack: Pack, target: Path) -> None:
    """Write the brief in the format its file name ends with (.html or .docx)."""
    suffix = target.suffix.lower().lstrip(".")
    if suffix == "html":
        from desktop.core.excerpts import html_writer

        html_writer.write(pack, target)
    elif suffix == "docx":
        from desktop.core.excerpts import docx_writer

        docx_writer.write(pack, target)
    else:
        raise ValueError(f"a brief is written as .html or .docx, not “{target.name}”")
