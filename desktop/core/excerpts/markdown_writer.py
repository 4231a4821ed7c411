"""The excerpt pack as Markdown: for pasting into mail, a wiki or a Markdown editor.

Title `#`, one `##` per instrument (or day), one `###` per excerpt; the quote as a block
quote, the citation and back-link beneath it, then the details, the note (already Markdown,
kept as written) and the corresponding units as a list.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.excerpts.atomic import write_atomic
from desktop.core.excerpts.pack import Excerpt, Pack, Passage

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Text as literal Markdown: the characters Markdown would read as markup escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def render(pack: Pack) -> str:
    lines = [f"# {escape(pack.title)}", ""]
    lines += [escape(line) + "  " for line in pack.heading_lines()]
    lines[-1] = lines[-1].rstrip()
    for group in pack.groups:
        lines += ["", f"## {escape(group.title)}"]
        if group.subtitle:
            lines += ["", f"*{escape(group.subtitle)}*"]
        for excerpt in group.excerpts:
            lines += ["", *_excerpt(excerpt)]
    return "\n".join(lines) + "\n"


def _excerpt(excerpt: Excerpt) -> list[str]:
    lines = [f"### {escape(excerpt.citation)}", ""]
    if excerpt.whole and excerpt.passages:
        lines += ["> " + _passage(p) + "  " for p in excerpt.passages]
        lines[-1] = lines[-1].rstrip()
    else:
        lines.append("> " + escape(excerpt.quote))
    lines += ["", f"— {escape(excerpt.citation)} · [open in Concordia](<{excerpt.link}>)"]
    if excerpt.in_review:
        lines += ["", "*The text changed since this was noted: it awaits review.*"]
    lines += ["", escape(" · ".join(excerpt.details()))]
    if excerpt.note.strip():
        lines += ["", excerpt.note.strip()]
    if excerpt.full_text:
        lines += ["", "Full text:", ""]
        lines += ["> " + _passage(p) + "  " for p in excerpt.full_text]
        lines[-1] = lines[-1].rstrip()
    if excerpt.corresponding:
        lines += ["", "Corresponding units:", ""]
        for item in excerpt.corresponding:
            via = f" (indirect, via {', '.join(item.via)})" if item.via else ""
            lines.append(f"- [{escape(item.citation)}](<{item.link}>){escape(via)}: "
                         f"{escape(item.first_words)}")
    return lines


def _passage(passage: Passage) -> str:
    text = passage.text
    if passage.marked is None:
        body = escape(text)
    else:
        start, end = passage.marked
        body = (escape(text[:start]) + "**" + escape(text[start:end]) + "**"
                + escape(text[end:]))
    return f"{escape(passage.label)} {body}".strip()


def write(pack: Pack, target: Path) -> None:
    content = render(pack)
    write_atomic(target, lambda path: path.write_text(content, encoding="utf-8"))
