"""The outline of an instrument: parts, chapters and sections, then their paragraphs.

Headings nest by level in document order; each paragraph sits under the heading it follows.
Preambular paragraphs are gathered in a "preamble" group, and operative paragraphs standing
directly under the instrument (a resolution without chapters) in an "operative" group, so the
two are told apart. A subparagraph sits under its paragraph, unless a heading came between them
(UNGASS 2016 puts sub-headings between paragraph 1 and its subparagraphs): then it sits under
that heading, labelled with its paragraph's number ("1 (a)"). Masthead and formulas are not
chapters and stay out of the outline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from desktop.core.model import Instrument, Unit

INSTRUMENT = "instrument"
PREAMBLE_GROUP = "preamble-group"
OPERATIVE_GROUP = "operative-group"
GROUPS = (PREAMBLE_GROUP, OPERATIVE_GROUP)
_LEFT_OUT = ("front", "formula")
EXCERPT = 110  # characters of a paragraph's opening words shown in its row


class OutlineNode:
    """A node of the tree; the tree links it to its parent and children (`add`). A plain
    class: it is built at every start, before the window's first paint, where making a
    dataclass's class costs ~0.5 ms (desktop.core.model)."""

    __slots__ = ("children", "instrument", "kind", "label", "parent", "row", "title", "unit")

    def __init__(self, kind: str, instrument: Instrument, unit: Unit | None = None,
                 label: str = "", title: str = "") -> None:
        self.kind = kind  # instrument | preamble-group | operative-group | a unit kind
        self.instrument = instrument
        self.unit = unit
        self.label = label  # "Part I.", "4.", "PP3", "1 (a)"
        self.title = title  # a heading's words, a paragraph's opening words
        self.parent: OutlineNode | None = None
        self.row = 0  # position among the parent's children
        self.children: list[OutlineNode] = []

    def __repr__(self) -> str:
        return f"OutlineNode({self.kind!r}, {self.label!r}, {self.title!r})"

    def add(self, child: OutlineNode) -> OutlineNode:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    @property
    def unit_id(self) -> str | None:
        return self.unit.id if self.unit else None

    def target(self) -> str | None:
        """The unit a reader is taken to: the node's own, or its first unit inside."""
        if self.unit is not None:
            return self.unit.id
        for child in self.children:
            found = child.target()
            if found:
                return found
        return None

    def ancestors(self) -> list[OutlineNode]:
        """From the instrument's top level down to the parent (the instrument itself excluded)."""
        chain = []
        node = self.parent
        while node is not None and node.kind != INSTRUMENT:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def walk(self) -> Iterator[OutlineNode]:
        yield self
        for child in self.children:
            yield from child.walk()


def excerpt(text: str, limit: int = EXCERPT) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;: ") + "…"


SHARED_OPENING_WORDS = 3  # sibling chapter titles that open alike for this many words


def tree_titles(siblings: Sequence[OutlineNode]) -> dict[int, str]:
    """Titles for a narrow tree, by row: where every sibling heading opens with the same
    words (UNGASS 2016's seven chapters all open "Operational recommendations on …", two of
    them "… on cross-cutting issues"), those words but the last give way to an ellipsis, so
    what tells the chapters apart is what the tree shows first. Other rows are left out."""
    headings = [node for node in siblings if node.kind == "heading" and node.title]
    if len(headings) < 2:
        return {}
    words = [node.title.split() for node in headings]
    shared = 0
    for column in zip(*words, strict=False):
        if any(word != column[0] for word in column):
            break
        shared += 1
    if shared < SHARED_OPENING_WORDS:
        return {}
    return {node.row: f"{node.label} …{' '.join(title[shared - 1:])}".strip()
            for node, title in zip(headings, words, strict=True) if len(title) > shared}


def _spaced(path: str) -> str:
    """'1(a)(ii)' -> '1 (a) (ii)', as citations print it."""
    return path.replace("(", " (").strip()


def build_outline(instrument: Instrument, units: Iterable[Unit]) -> OutlineNode:
    root = OutlineNode(INSTRUMENT, instrument, title=instrument.short_title)
    headings: list[OutlineNode] = []  # open headings, outermost first
    since_heading: dict[str, OutlineNode] = {}  # paragraphs placed since the last heading
    preamble_count = 0

    def container() -> OutlineNode:
        return headings[-1] if headings else root

    def group(kind: str) -> OutlineNode:
        here = container()
        if here.children and here.children[-1].kind == kind:
            return here.children[-1]
        return here.add(OutlineNode(kind, instrument))

    for unit in units:
        if unit.kind in _LEFT_OUT or (unit.kind == "heading" and unit.level == 0):
            continue
        if unit.kind == "heading":
            while headings and headings[-1].unit and headings[-1].unit.level >= unit.level:
                headings.pop()
            node = container().add(OutlineNode("heading", instrument, unit, unit.label, unit.text))
            headings.append(node)
            since_heading.clear()
            continue
        if unit.kind == "preamble":
            preamble_count += 1
            group(PREAMBLE_GROUP).add(OutlineNode(
                unit.kind, instrument, unit, f"PP{preamble_count}", excerpt(unit.text)))
            continue
        if unit.kind == "subparagraph":
            parent = since_heading.get(unit.parent or "")
            if parent is not None:
                node = parent.add(OutlineNode(unit.kind, instrument, unit, unit.label,
                                              excerpt(unit.text)))
            else:
                node = container().add(OutlineNode(unit.kind, instrument, unit,
                                                   _spaced(unit.path), excerpt(unit.text)))
            since_heading[unit.id] = node
            continue
        place = group(OPERATIVE_GROUP) if not headings and unit.kind == "paragraph" else container()
        node = place.add(OutlineNode(unit.kind, instrument, unit, unit.label, excerpt(unit.text)))
        since_heading[unit.id] = node
    return root


def index_units(root: OutlineNode) -> dict[str, OutlineNode]:
    """Unit id -> its node, for every unit in the outline."""
    return {node.unit.id: node for node in root.walk() if node.unit is not None}
