"""Repair emphasis the conversion spread over whole paragraphs.

The print italicises an operative paragraph's opening verb ("*Invites* Member States …") and
titles of publications. Some converted paragraphs come back wrapped in italics from start to
end, so that a title inside reads in roman (the converter's asterisks toggled). The rule:
where an italic run opens a paragraph and covers most of it, the emphasis is reduced to the
operative verb phrase — as the instrument's intact paragraphs print it — and a roman stretch
enclosed by the damaged run (the inverted title) becomes italic. A subparagraph has no
operative verb: only the inverted titles stay italic.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from desktop.core.ingest.structure import ADVERBS, Draft
from desktop.core.model import Repair

DAMAGED_SHARE = 0.5  # an opening italic run covering more than this share is damage
MAX_PHRASE = 60  # characters; longer opening runs are not verb phrases


def learned_phrases(drafts: Iterable[Draft]) -> list[str]:
    """Opening verb phrases of the intact operative paragraphs, longest first."""
    phrases: set[str] = set()
    for draft in drafts:
        if draft.kind != "paragraph":
            continue
        runs = draft.inline.italic_runs()
        if runs and runs[0][0] == 0 and runs[0][1] <= MAX_PHRASE and not _damaged(draft):
            phrases.add(draft.inline.text[: runs[0][1]].strip())
    return sorted(phrases, key=len, reverse=True)


def _damaged(draft: Draft) -> bool:
    runs = draft.inline.italic_runs()
    if not runs or runs[0][0] != 0:
        return False
    covered = sum(1 for flag in draft.inline.italic if flag)
    # Short paragraphs ("*Recognize that*:") may be mostly verb: only a run longer than any
    # verb phrase counts as damage.
    return covered > MAX_PHRASE and covered > DAMAGED_SHARE * max(1, len(draft.inline.chars))


def _verb_phrase(text: str, phrases: list[str]) -> str:
    for phrase in phrases:
        if text == phrase or text.startswith(phrase + " "):
            return phrase
    words = text.split()
    if len(words) > 1 and words[0] in ADVERBS:
        return " ".join(words[:2])
    return words[0] if words else ""


def repair_emphasis(drafts: list[Draft]) -> list[Repair]:
    phrases = learned_phrases(drafts)
    repairs: list[Repair] = []
    for draft in drafts:
        if draft.kind not in ("paragraph", "subparagraph") or not _damaged(draft):
            continue
        inline = draft.inline
        runs = inline.italic_runs()
        damaged_end = runs[-1][1]
        # Roman stretches enclosed by the damaged run: titles the asterisks inverted.
        inverted = [
            (end, start)
            for (_, end), (start, _) in pairwise(runs)
            if inline.text[end:start].strip(" ,;:")
        ]
        new = [False] * len(inline.chars)
        phrase = ""
        if draft.kind == "paragraph":
            phrase = _verb_phrase(inline.text, phrases)
            for index in range(len(phrase)):
                new[index] = True
        for start, end in inverted:
            for index in range(start, end):
                new[index] = True
        inline.italic = new
        kept = f"the verb phrase “{phrase}”" if phrase else "no opening emphasis"
        titles = f" and {len(inverted)} title(s) inside it" if inverted else ""
        repairs.append(Repair(
            draft.instrument, draft.id, draft.line_start, "whole-paragraph-emphasis",
            f"the conversion set {damaged_end} characters in italics from the start of the "
            f"{draft.kind}; kept {kept}{titles} in italics, as the print has it"))
    return repairs
