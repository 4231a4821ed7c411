"""Re-attaching an anchor to a changed corpus, by the strongest layer that still agrees.

The layers, strongest first: the unit id with its unchanged text (nothing to do); the exact
quote with all its context; the exact quote within its own unit; the exact quote elsewhere in
the instrument with its context on at least one side. A quote whose words changed, or one that
could stand in several places, is not guessed at: it goes to the review list with the
candidate places. Nothing here writes; the store applies the outcome in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.notes.anchoring import Agreement, agreement, anchor_at, closest, similarity
from desktop.core.notes.model import Anchor
from desktop.core.notes.texts import InstrumentText, Place

SAME, KEPT, MOVED, REVIEW = "same", "kept", "moved", "review"

CLEAR_CONTEXT = 12  # context characters a place must keep, and keep more than any other
CLOSE_QUOTE = 0.6  # a changed quote's closest passage below this is no candidate at all
KEEP_EDITED_UNIT = 0.85  # a noted unit whose wording changed this little keeps its note
CANDIDATE_UNIT = 0.5  # … and one at least this similar is offered in the review list
MAX_CANDIDATES = 3

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Outcome:
    kind: str  # SAME | KEPT (same units, new offsets) | MOVED (other units) | REVIEW
    anchor: Anchor | None  # the new anchor for KEPT and MOVED (the old one for SAME)
    reason: str
    candidates: tuple[Anchor, ...] = ()


def reattach(old: Anchor, text: InstrumentText | None) -> Outcome:
    """Where `old` stands in `text` (its instrument now), or why a person has to decide."""
    if text is None:
        return Outcome(REVIEW, None, f"the instrument {old.instrument} is no longer in the "
                                     "corpus")
    if (text.has(old.unit) and text.has(old.end_unit) and text.between(old.unit, old.end_unit)
            and text.range_hash(old.unit, old.end_unit) == old.text_hash):
        # Refreshed all the same: units inserted before it change its document order, and
        # edits next to it its context.
        start = text.position(old.unit, old.start)
        end = text.position(old.end_unit, old.end)
        return Outcome(SAME, anchor_at(text, text.place(start, end), whole=old.whole),
                       "its unit and text are unchanged")
    if old.whole:
        return _whole(old, text)
    return _quote(old, text)


def _settled(old: Anchor, text: InstrumentText, place: Place, reason: str) -> Outcome:
    new = anchor_at(text, place, whole=old.whole)
    kind = KEPT if (new.unit, new.end_unit) == (old.unit, old.end_unit) else MOVED
    return Outcome(kind, new, reason)


def _quote(old: Anchor, text: InstrumentText) -> Outcome:
    length = len(old.quote)
    places = [text.place(p, p + length) for p in text.find_all(old.quote)]
    if not places:
        return _changed_words(old, text)
    context = {p.joined_start: agreement(old, text.joined, p.joined_start, p.joined_end)
               for p in places}
    own = [p for p in places if p.unit == old.unit]
    full = [p for p in places if context[p.joined_start].full]
    if len(full) == 1:
        return _settled(old, text, full[0], f"the quote and the words around it were found "
                                            f"in {full[0].unit}")
    if len(full) > 1:
        full_own = [p for p in full if p.unit == old.unit]
        if len(full_own) == 1:
            return _settled(old, text, full_own[0], f"the quote and the words around it were "
                                                    f"found in {old.unit}")
        return _review(old, text, full_own + [p for p in full if p not in full_own],
                       f"the quote and the words around it occur {len(full)} times")
    # One place keeping clearly more of the context wins, even over the unit id: after a
    # renumbering the old id may name a new paragraph that happens to hold the same words.
    chosen = _clear_best(places, context)
    if chosen is not None:
        if chosen.unit == old.unit:
            return _settled(old, text, chosen, f"the quote is still in {old.unit} with some of "
                                               "the words around it")
        return _settled(old, text, chosen, f"the quote is no longer in {old.unit}; it stands, "
                                           f"with words around it, in {chosen.unit}")
    if len(own) == 1:
        return _settled(old, text, own[0], f"the quote is still in {old.unit}; the words "
                                           "around it changed")
    if own:
        return _review(old, text, _ranked(own, context), f"the quote now occurs {len(own)} "
                                                         f"times in {old.unit}")
    return _review(old, text, _ranked(places, context),
                   f"the quote is no longer in {old.unit} and stands in {len(places)} other "
                   f"place{'s' * (len(places) > 1)} without enough of its context")


def _ranked(places: list[Place], context: dict[int, Agreement]) -> list[Place]:
    return sorted(places, key=lambda p: -context[p.joined_start].chars)


def _clear_best(places: list[Place], context: dict[int, Agreement]) -> Place | None:
    """The one place keeping clearly more of the context than any other, and enough of it."""
    ranked = _ranked(places, context)
    best = context[ranked[0].joined_start].chars
    runner_up = context[ranked[1].joined_start].chars if len(ranked) > 1 else 0
    if best >= CLEAR_CONTEXT and best - runner_up >= CLEAR_CONTEXT:
        return ranked[0]
    return None


def _changed_words(old: Anchor, text: InstrumentText) -> Outcome:
    """The exact quote is nowhere: offer the closest passage, never move there silently."""
    units = ([old.unit] if text.has(old.unit) else []) + [
        u for u in _most_alike(text, old.prefix + old.quote + old.suffix) if u != old.unit]
    best: tuple[float, Place] | None = None
    for unit_id in units[:MAX_CANDIDATES + 1]:
        found = closest(text.text(unit_id), old.quote, floor=CLOSE_QUOTE)
        if found and (best is None or found[2] > best[0]):
            start = text.span(unit_id)[0]
            best = (found[2], text.place(start + found[0], start + found[1]))
    if best is None:
        return Outcome(REVIEW, None, f"the quoted words are no longer in {old.unit} or "
                                     "anywhere near them")
    return _review(old, text, [best[1]], "the quoted words changed; the closest passage is "
                                         f"in {best[1].unit}")


def _whole(old: Anchor, text: InstrumentText) -> Outcome:
    """A note on whole units follows their exact text; an edited unit keeps it if close."""
    single = old.unit == old.end_unit
    starts = set(text.starts)
    ends = {text.span(u)[1] for u in text.ids}
    aligned = [text.place(p, p + len(old.quote)) for p in text.find_all(old.quote)
               if p in starts and p + len(old.quote) in ends]
    if aligned:
        own = [p for p in aligned if p.unit == old.unit]
        chosen = own[0] if len(own) == 1 else aligned[0] if len(aligned) == 1 else None
        if chosen is None:
            return _review(old, text, aligned, f"the noted text occurs {len(aligned)} times")
        if (chosen.unit == chosen.end_unit) != single:
            shape = "split" if single else "merged"
            return _review(old, text, [chosen], f"the unit was {shape}: its text now stands in "
                                                f"{chosen.unit} – {chosen.end_unit}")
        return _settled(old, text, chosen, f"its text now stands in {chosen.unit}" if
                        chosen.unit != old.unit else "its text is unchanged")
    # No exact text: compare the old text with the units it was on (when they still exist)
    # and with the single units most like it.
    scored = [(similarity(old.quote, text.text(u)), text.place(*text.span(u)))
              for u in _most_alike(text, old.quote)]
    if text.has(old.unit) and text.has(old.end_unit) and text.between(old.unit, old.end_unit):
        start, end = text.span(old.unit)[0], text.span(old.end_unit)[1]
        own = text.place(start, end)
        ratio = similarity(old.quote, text.joined[start:end])
        scored = [(ratio, own)] + [(r, p) for r, p in scored
                                   if (p.unit, p.end_unit) != (own.unit, own.end_unit)]
        rivals = [r for r, _ in scored[1:]]
        if ratio >= KEEP_EDITED_UNIT and (not rivals or max(rivals) < ratio - 0.1):
            return _settled(old, text, own, f"the wording of {old.units_label} changed a "
                                            "little; the note stays on it")
    scored.sort(key=lambda item: -item[0])
    candidates = [place for ratio, place in scored if ratio >= CANDIDATE_UNIT]
    reason = (f"the text of {old.units_label} changed" if text.has(old.unit)
              else f"{old.unit} is no longer in the corpus")
    return _review(old, text, candidates, reason + " and the note cannot follow it with "
                                                   "confidence")


def _most_alike(text: InstrumentText, words: str, limit: int = 5) -> list[str]:
    """The units sharing most words with `words`: a cheap filter before difflib."""
    wanted = set(_WORDS.findall(words.lower()))
    if not wanted:
        return []
    scored = []
    for unit_id in text.ids:
        have = text.words(unit_id)
        shared = len(wanted & have)
        if shared:
            scored.append((shared / len(wanted | have), unit_id))
    return [unit_id for _, unit_id in sorted(scored, reverse=True)[:limit]]


def _review(old: Anchor, text: InstrumentText, places: list[Place], reason: str) -> Outcome:
    candidates = tuple(anchor_at(text, p, whole=old.whole) for p in places[:MAX_CANDIDATES])
    return Outcome(REVIEW, None, reason, candidates)
