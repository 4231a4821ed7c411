"""Running heads and short titles for narrow places: a pane's header at four panes, the chapter
tree, a sync bar — shortened a whole word or a whole clause at a time, never cut mid-word.

A chapter's number is its printed label ("Part I.", "A.", "7."); UNGASS 2016 prints its seven
chapters unnumbered, but chapter k holds paragraph k and delegates call it "chapter k", so a
top-level heading whose id is a number (`ungass2016/h:3`) is numbered by it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from desktop.core.render.outline import SHARED_OPENING_WORDS, OutlineNode

ELLIPSIS = "…"
SEPARATOR = " › "
# Where a title can be shortened, most telling part kept: first at a clause ("…measures,
# including …"), then at a phrase ("Targeting vulnerable groups and conditions").
_CLAUSE = re.compile(r"[,;:]\s")
_PHRASE = re.compile(r"\s(?:and|of|in|including|through|as well as)\s")
_NUMBERED_ID = re.compile(r"h:(\d+|[IVXLC]+)")


def chapter_number(node: OutlineNode) -> str:
    """"Part I", "A", "7"; "3" for UNGASS 2016's third chapter; "" when there is none."""
    if node.label:
        return node.label.rstrip(".")
    if node.unit is not None and node.kind == "heading" and not node.ancestors():
        found = _NUMBERED_ID.fullmatch(node.unit.id.split("/", 1)[1])
        if found:
            # As its siblings are labelled: the Plan of Action's third part prints no
            # "Part III." where the first two print "Part I.", "Part II.".
            parts = node.parent is not None and any(
                sibling.label.startswith("Part ") for sibling in node.parent.children)
            return f"Part {found[1]}" if parts else found[1]
    return ""


def shared_opening(siblings: Sequence[OutlineNode]) -> int:
    """How many opening words every sibling heading shares, when they all open alike
    (UNGASS 2016's chapters: "Operational recommendations on …"); else 0."""
    headings = [node.title.split() for node in siblings if node.kind == "heading" and node.title]
    if len(headings) < 2:
        return 0
    shared = 0
    for column in zip(*headings, strict=False):
        if any(word != column[0] for word in column):
            break
        shared += 1
    return shared if shared >= SHARED_OPENING_WORDS else 0


def short_titles(node: OutlineNode) -> list[str]:
    """The heading's title, then shorter forms of it, each ending on a whole word: the
    siblings' shared opening left out, then cut at a clause, then at a phrase (two words at
    least). The first is the title as printed."""
    title = node.title.strip()
    forms = [title]
    words = title.split()
    shared = shared_opening(node.parent.children) if node.parent is not None else 0
    if 0 < shared < len(words):
        rest = " ".join(words[shared:])
        title = rest[:1].upper() + rest[1:]
        forms.append(title)
    for boundary in (_CLAUSE, _PHRASE):
        found = boundary.search(title)
        if found and len(title[:found.start()].split()) >= 2:
            title = title[:found.start()]
            forms.append(title)
    return list(dict.fromkeys(forms))


def _named(node: OutlineNode, title: str) -> str:
    number = chapter_number(node)
    if not number:
        return title
    return f"{number}. {title}".strip() if title else number


def running_heads(trail: Sequence[OutlineNode],
                  name: Callable[[OutlineNode], str] = lambda node: node.title) -> list[str]:
    """What a running head can say for the chapters and sections over a place, longest first:
    every level in full, then every level's title shortened step by step, then the outer
    levels by number alone, then the innermost alone. A caller shows the first that fits.
    `name` names a level that is no heading (the preamble, the operative part)."""
    if not trail:
        return []
    titles = [[_named(node, title) for title in short_titles(node)]
              if node.kind == "heading" else [name(node)] for node in trail]
    steps = max(len(options) for options in titles)
    forms = [SEPARATOR.join(options[min(step, len(options) - 1)] for options in titles)
             for step in range(steps)]
    outer = [chapter_number(node) for node in trail[:-1]]
    if outer and all(outer):
        forms.extend(SEPARATOR.join([*outer, title]) for title in titles[-1])
    forms.extend(titles[-1])
    return list(dict.fromkeys(form for form in forms if form))


def fit(forms: Sequence[str], fits: Callable[[str], bool]) -> str:
    """The first form that fits; else the last one shortened a word at a time, with an
    ellipsis; "" if not even its first word fits."""
    for form in forms:
        if fits(form):
            return form
    if not forms:
        return ""
    words = forms[-1].split()
    while words:
        words.pop()
        shorter = " ".join(words).rstrip(",;:·›") + ELLIPSIS if words else ""
        if shorter and fits(shorter):
            return shorter
    return ""


def tree_title(node: OutlineNode) -> str | None:
    """What the chapter tree shows for a heading, when it differs from the printed label and
    title: its number ("1. ", UNGASS 2016 prints none) and, where the sibling chapters all open
    alike ("Operational recommendations on …"), the words that tell it apart."""
    if node.kind != "heading" or node.parent is None or not node.title:
        return None
    titles = short_titles(node)
    shared = shared_opening(node.parent.children)
    title = titles[1] if shared and len(titles) > 1 else titles[0]
    shown = _named(node, title)
    return None if shown == f"{node.label} {node.title}".strip() else shown
