"""The words a paragraph opens with, as UN drafting uses them: an operative paragraph's verb
phrase ("Urges", "Also encourages", "Reiterates its call upon") and a preambular paragraph's
participle ("Recalling", "Reaffirming also", "Noting with grave concern").

Operative verbs are printed in italics, so the italic run that opens a paragraph is its verb
phrase as printed. Recommendations listed under a chapeau ("…the following measures:",
"Member States should:") open with their verb unmarked: its first word is taken. A preambular
paragraph's participle is its opening -ing word with the adverbs and fixed phrases that belong
to it; a declaration's preamble opens with "We" and its verb ("We reaffirm").
"""

from __future__ import annotations

import re

OPERATIVE_KINDS = frozenset({"paragraph", "subparagraph"})
_ITALIC_OPENING = re.compile(r"^<i>([^<]+)</i>")
_ADVERBS = r"(?:also|further|furthermore|moreover|equally|again|once again|in particular)"
_PARTICIPLE = re.compile(
    r"^([A-Z][a-z]+ing"
    r"(?: (?:note|in mind|with (?:(?:grave|deep|great|serious) )?(?:concern|appreciation|"
    r"satisfaction|interest))"
    r"| (?:its |their |our )?(?:deep |grave |serious )?(?:concern|appreciation))?"
    rf"(?:,? {_ADVERBS}\b)*)")
_WE = re.compile(rf"^(We (?:{_ADVERBS} )?[a-z]+(?: {_ADVERBS}\b)?)")
# "Gravely concerned", "Fully aware", "Mindful", "Deeply convinced": adjectival openings.
_STATE = re.compile(r"^((?:[A-Z][a-z]+ly )?(?:[Cc]oncerned|[Aa]ware|[Mm]indful|[Cc]onvinced|"
                    r"[Cc]onscious|[Dd]etermined|[Aa]larmed|[Dd]isturbed))\b")
# A chapeau that lists measures: its items open with their verb, unmarked.
_MEASURES = re.compile(r"(?:should|measures|following|to|by):$")
_FIRST_VERB = re.compile(r"^((?:[A-Z][a-z]+ly |Also |Further )?[A-Za-z][a-z]+)\b")


def opening_words(kind: str, text: str, rich: str, chapeau: str = "") -> str | None:
    """The opening verb phrase or participle of a unit, as printed; None when it has none.
    `chapeau`: the text of the paragraph a subparagraph belongs to."""
    if kind in OPERATIVE_KINDS:
        italic = _ITALIC_OPENING.match(rich)
        if italic:
            return italic.group(1).strip().rstrip(",")
        we = _WE.match(text)
        if we:
            return we.group(1)
        first = _FIRST_VERB.match(text)
        if first and _MEASURES.search(chapeau.rstrip()) and _looks_like_a_verb(first.group(1)):
            return first.group(1)
        return None
    if kind == "preamble":
        for pattern in (_PARTICIPLE, _WE, _STATE):
            found = pattern.match(text)
            if found:
                return found.group(1)
    return None


def _looks_like_a_verb(words: str) -> bool:
    """A measure's first word is its verb unless it is plainly a noun phrase's opening
    (an article, a determiner, a preposition) or an -ion/-ment noun."""
    last = words.split()[-1].lower()
    if last in {"the", "a", "an", "such", "in", "all", "also", "further", "each", "this",
                "these", "those", "where", "when"}:
        return False
    if last in {"implement", "supplement", "complement", "document"}:
        return True
    return not last.endswith(("tion", "ment", "ness", "ity", "ism"))
