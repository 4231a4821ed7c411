"""Re-attachment when the corpus text changes: each annotation lands where a reader would put
it, or goes to the review list with its old quote and a candidate place — never silently
moved, never dropped.

One test corpus before and after a revision, an instrument per case, built with the real
corpus writer; the store meets the new corpus through `reconcile`, as the command line does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from notes_corpus import Texts, corpus_text

from desktop.core.notes.anchoring import anchor_quote, anchor_units
from desktop.core.notes.model import ARCHIVED, OK, REVIEW
from desktop.core.notes.store import AnnotationStore
from desktop.core.notes.texts import CorpusText

SAME = "Reaffirms its commitment to the goals and targets of the Political Declaration."

BEFORE: Texts = {
    "same": [("1", SAME)],
    "insert": [("1", "Encourages Member States to promote the availability of controlled "
                     "substances for medical purposes.")],
    "word": [("1", "Urges States to strengthen cooperation in the field of drug demand "
                   "reduction.")],
    "twice": [("1", "Encourages States to apply a balanced approach.")],
    "tie": [("1", "Decides to continue the review.")],
    "split": [("1", "Recalls the outcome document."),
              ("2", "Recognizes that the world drug problem remains a common and shared "
                    "responsibility. Stresses the need for international cooperation."),
              ("3", "Decides to remain seized of the matter.")],
    "renum": [("1", "Recalls its resolution 74/178."),
              ("2", "Welcomes the work of the Commission on Narcotic Drugs."),
              ("3", "Requests the Secretary-General to submit a report.")],
    "gone": [("1", "Notes with concern the rise in synthetic drugs."),
             ("2", "Invites donors to contribute.")],
    "range": [("1", "Recognize that:"),
              ("1(a)", "Sustainable crop control strategies require international "
                       "cooperation;"),
              ("1(b)", "Such strategies include alternative development;"),
              ("2", "Decides to remain seized of the matter.")],
}

AFTER: Texts = {
    "same": [("1", SAME)],
    # Words inserted before the quote.
    "insert": [("1", "Encourages Member States, in cooperation with the World Health "
                     "Organization, to promote the availability of controlled substances for "
                     "medical purposes.")],
    # One word of the quote changed.
    "word": [("1", "Urges States to enhance cooperation in the field of drug demand "
                   "reduction.")],
    # The quote now occurs twice; the first keeps its surroundings.
    "twice": [("1", "Encourages States to apply a balanced approach, and encourages all "
                    "entities to apply a balanced approach.")],
    # The quote now occurs twice and neither keeps more of its surroundings.
    "tie": [("1", "Decides to continue the review; decides to continue the review.")],
    # Paragraph 2 split in two; paragraph 3 renumbered 4.
    "split": [("1", "Recalls the outcome document."),
              ("2", "Recognizes that the world drug problem remains a common and shared "
                    "responsibility."),
              ("3", "Stresses the need for international cooperation."),
              ("4", "Decides to remain seized of the matter.")],
    # A new paragraph 2 (holding some of the same words); old 2 and 3 renumbered 3 and 4.
    "renum": [("1", "Recalls its resolution 74/178."),
              ("2", "Welcomes the contributions of civil society to the work of the "
                    "Commission."),
              ("3", "Welcomes the work of the Commission on Narcotic Drugs."),
              ("4", "Requests the Secretary-General to submit a report.")],
    # Paragraph 1 deleted; paragraph 2 renumbered 1.
    "gone": [("1", "Invites donors to contribute.")],
    # One word added in a subparagraph under a noted chapeau.
    "range": [("1", "Recognize that:"),
              ("1(a)", "Sustainable crop control strategies require international "
                       "cooperation;"),
              ("1(b)", "Such national strategies include alternative development;"),
              ("2", "Decides to remain seized of the matter.")],
}


class Revision:
    """A store with annotations made on BEFORE, and the texts of both corpora."""

    def __init__(self, store: AnnotationStore, before: CorpusText, after: CorpusText) -> None:
        self.store, self.before, self.after = store, before, after

    def highlight(self, unit: str, quote: str, last: str | None = None) -> int:
        text = self.before.of_unit(unit)
        assert text is not None
        change = self.store.add(anchor_quote(text, unit, quote, last), note=f"on {quote}")
        assert change.annotation is not None
        return change.annotation.id

    def note(self, unit: str, last: str | None = None) -> int:
        text = self.before.of_unit(unit)
        assert text is not None
        change = self.store.add(anchor_units(text, unit, last), note=f"on {unit}")
        assert change.annotation is not None
        return change.annotation.id

    def words(self, annotation_id: int) -> str:
        """The text the annotation now covers, read from the new corpus by its offsets."""
        found = self.store.get(annotation_id)
        assert found is not None
        anchor = found.anchor
        text = self.after.of_unit(anchor.unit)
        assert text is not None
        start = text.position(anchor.unit, anchor.start)
        return text.joined[start:text.position(anchor.end_unit, anchor.end)]


@pytest.fixture
def revision(make_corpus: Callable[[str, Texts], Path], store: AnnotationStore) -> Revision:
    before = corpus_text(make_corpus("before", BEFORE))
    after = corpus_text(make_corpus("after", AFTER))
    store.reconcile(before)
    return Revision(store, before, after)


def test_unchanged_unit_keeps_its_annotations_untouched(revision: Revision) -> None:
    """Guards the first layer: an unchanged unit's highlight and note stay exactly as they
    were, and nothing is logged as moved."""
    quote = revision.highlight("same/1", "goals and targets")
    note = revision.note("same/1")
    before = revision.store.get(quote)
    result = revision.store.reconcile(revision.after)
    assert revision.store.get(quote) == before
    assert revision.words(quote) == "goals and targets"
    assert revision.words(note) == SAME
    assert quote not in result.change.annotations and note not in result.change.annotations
    assert revision.store.history(quote) == []


def test_text_inserted_before_the_quote_moves_the_offsets_not_the_highlight(
        revision: Revision) -> None:
    """Guards offsets being re-derived from the quote: the highlight stays on the same words
    of the same unit when a clause is inserted before it."""
    quote = "promote the availability of controlled substances"
    highlight = revision.highlight("insert/1", quote)
    old = revision.store.get(highlight)
    assert old is not None
    result = revision.store.reconcile(revision.after)
    new = revision.store.get(highlight)
    assert new is not None and new.status == OK
    assert new.unit == "insert/1" and new.quote == quote
    assert new.anchor.start == old.anchor.start + len(", in cooperation with the World Health "
                                                      "Organization,")
    assert revision.words(highlight) == quote
    assert [r.outcome for r in result.reattachments] == ["kept"]


def test_a_quote_changed_by_one_word_goes_to_review_with_the_changed_words(
        revision: Revision) -> None:
    """Guards "never silently moved": changed words are offered, not adopted; the old quote
    and the note stay until the delegate accepts the candidate."""
    highlight = revision.highlight("word/1", "strengthen cooperation in the field")
    revision.store.reconcile(revision.after)
    item = revision.store.review(highlight)
    assert item.annotation.quote == "strengthen cooperation in the field"
    assert item.annotation.status == REVIEW
    assert item.annotation.note == "on strengthen cooperation in the field"
    assert [c.quote for c in item.candidates] == ["enhance cooperation in the field"]
    assert item.candidates[0].unit == "word/1"
    assert "changed" in item.reason
    revision.store.accept(highlight)
    accepted = revision.store.get(highlight)
    assert accepted is not None and accepted.status == OK
    assert revision.words(highlight) == "enhance cooperation in the field"
    assert revision.store.reviews() == []


def test_a_noted_unit_whose_wording_changed_a_little_keeps_its_note(
        revision: Revision) -> None:
    """Guards notes on whole units: one word changed in the unit, the note stays on it (and
    now covers the new wording); the change is recorded."""
    note = revision.note("word/1")
    result = revision.store.reconcile(revision.after)
    found = revision.store.get(note)
    assert found is not None and found.status == OK and found.unit == "word/1"
    assert revision.words(note) == AFTER["word"][0][1]
    assert [(r.annotation, r.outcome) for r in result.reattachments] == [(note, "kept")]


def test_a_quote_now_occurring_twice_stays_with_the_one_keeping_its_context(
        revision: Revision) -> None:
    """Guards disambiguation by context: of two occurrences in the changed unit, the one
    still standing after "Encourages States to apply" is the highlighted one."""
    highlight = revision.highlight("twice/1", "a balanced approach")
    revision.store.reconcile(revision.after)
    found = revision.store.get(highlight)
    assert found is not None and found.status == OK
    assert found.anchor.start == len("Encourages States to apply ")
    assert revision.words(highlight) == "a balanced approach"


def test_a_quote_occurring_twice_with_no_telling_which_goes_to_review(
        revision: Revision) -> None:
    """Guards against guessing: when neither occurrence keeps more of the context, both are
    offered as candidates and the annotation waits in the review list."""
    highlight = revision.highlight("tie/1", "continue the review")
    revision.store.reconcile(revision.after)
    item = revision.store.review(highlight)
    assert sorted(c.start for c in item.candidates) == [11, 43]
    assert all(c.quote == "continue the review" for c in item.candidates)
    assert "2 times" in item.reason
    revision.store.accept(highlight, candidate=[c.start for c in item.candidates].index(43) + 1)
    found = revision.store.get(highlight)
    assert found is not None and found.anchor.start == 43 and found.status == OK


def test_a_unit_split_in_two(revision: Revision) -> None:
    """Guards a split paragraph: a quote from its second half follows the words into the new
    unit, one from the first half stays, one across the split becomes a highlight over both
    units, a note on the whole old unit goes to review with both parts as the candidate, and
    the renumbered paragraph after it keeps its note."""
    second = revision.highlight("split/2", "the need for international cooperation")
    first = revision.highlight("split/2", "shared responsibility")
    across = revision.highlight("split/2", "shared responsibility. Stresses the need")
    whole = revision.note("split/2")
    after = revision.note("split/3")
    result = revision.store.reconcile(revision.after)

    moved = revision.store.get(second)
    assert moved is not None and (moved.unit, moved.status) == ("split/3", OK)
    assert revision.words(second) == "the need for international cooperation"

    kept = revision.store.get(first)
    assert kept is not None and (kept.unit, kept.status) == ("split/2", OK)
    assert revision.words(first) == "shared responsibility"

    spanning = revision.store.get(across)
    assert spanning is not None and spanning.status == OK
    assert (spanning.unit, spanning.anchor.end_unit) == ("split/2", "split/3")
    assert revision.words(across) == "shared responsibility. Stresses the need"

    item = revision.store.review(whole)
    assert item.annotation.unit == "split/2"
    assert [(c.unit, c.end_unit) for c in item.candidates] == [("split/2", "split/3")]
    assert "split" in item.reason

    renumbered = revision.store.get(after)
    assert renumbered is not None and (renumbered.unit, renumbered.status) == ("split/4", OK)

    logged = {r.annotation: r.outcome for r in result.reattachments}
    assert logged == {second: "moved", first: "kept", across: "moved", whole: "review",
                      after: "moved"}


def test_a_renumbered_unit(revision: Revision) -> None:
    """Guards renumbering: highlights and notes follow their words to the new number, even
    though the old number now names a new paragraph holding some of the same words."""
    highlight = revision.highlight("renum/2", "the work of the Commission")
    note = revision.note("renum/3")
    untouched = revision.highlight("renum/1", "resolution 74/178")
    revision.store.reconcile(revision.after)
    moved = revision.store.get(highlight)
    assert moved is not None and (moved.unit, moved.status) == ("renum/3", OK)
    assert revision.words(highlight) == "the work of the Commission"
    followed = revision.store.get(note)
    assert followed is not None and (followed.unit, followed.status) == ("renum/4", OK)
    assert revision.words(note) == "Requests the Secretary-General to submit a report."
    stayed = revision.store.get(untouched)
    assert stayed is not None and stayed.unit == "renum/1"
    assert [r.outcome for r in revision.store.history(highlight)] == ["moved"]


def test_a_deleted_unit_keeps_its_annotations_in_the_review_list(revision: Revision) -> None:
    """Guards "never silently dropped": the words are gone, so the highlight and the note
    wait in the review list, listed, and can be archived (kept, off the text)."""
    highlight = revision.highlight("gone/1", "the rise in synthetic drugs")
    note = revision.note("gone/1")
    survivor = revision.note("gone/2")
    revision.store.reconcile(revision.after)
    for annotation_id in (highlight, note):
        item = revision.store.review(annotation_id)
        assert item.candidates == ()
    listed = {a.id: a.status for a in revision.store.list(instrument="gone")}
    assert listed == {highlight: REVIEW, note: REVIEW, survivor: OK}
    moved = revision.store.get(survivor)
    assert moved is not None and moved.unit == "gone/1"
    revision.store.archive(highlight)
    archived = revision.store.get(highlight)
    assert archived is not None and archived.status == ARCHIVED
    assert archived.quote == "the rise in synthetic drugs"
    assert [a.id for a in revision.store.list(statuses=(ARCHIVED,))] == [highlight]


def test_an_annotation_in_the_trash_waits_off_the_review_list_until_restored(
        revision: Revision) -> None:
    """A deleted annotation whose words went away is re-attached like the others (so a
    restore puts it where it belongs) but is not on the review list while in the trash."""
    trashed = revision.highlight("gone/1", "the rise in synthetic drugs")
    live = revision.note("gone/1")
    revision.store.remove(trashed)
    revision.store.reconcile(revision.after)
    assert [item.annotation.id for item in revision.store.reviews()] == [live]
    revision.store.restore(trashed)
    assert sorted(item.annotation.id for item in revision.store.reviews()) == sorted(
        [trashed, live])


def test_a_review_item_can_be_moved_by_hand(revision: Revision) -> None:
    """Guards `review ID --move UNIT --quote TEXT`: the delegate puts it elsewhere; the old
    place is in its history."""
    highlight = revision.highlight("gone/1", "synthetic drugs")
    revision.store.reconcile(revision.after)
    text = revision.after.of_unit("word/1")
    assert text is not None
    revision.store.move(highlight, anchor_quote(text, "word/1", "drug demand reduction"))
    moved = revision.store.get(highlight)
    assert moved is not None and moved.status == OK and moved.unit == "word/1"
    assert revision.words(highlight) == "drug demand reduction"
    assert [r.outcome for r in revision.store.history(highlight)] == ["review", "settled"]


def test_reconciling_twice_changes_nothing_more(revision: Revision) -> None:
    """Guards idempotence: the second look at the same corpus finds nothing to do, and a
    review item stays in the list."""
    revision.highlight("word/1", "strengthen cooperation")
    revision.highlight("split/2", "the need for international cooperation")
    first = revision.store.reconcile(revision.after)
    assert first.reattachments
    again = revision.store.reconcile(revision.after)
    assert again.reattachments == () and again.change.annotations == ()
    assert len(revision.store.reviews()) == 1


def test_a_review_item_leaves_the_list_when_the_corpus_comes_back(revision: Revision) -> None:
    """Guards review items being re-checked: if a later corpus holds the old words again,
    the annotation attaches there and leaves the review list by itself."""
    highlight = revision.highlight("word/1", "strengthen cooperation")
    revision.store.reconcile(revision.after)
    assert revision.store.review(highlight)
    result = revision.store.reconcile(revision.before)
    assert revision.store.reviews() == []
    found = revision.store.get(highlight)
    assert found is not None and found.status == OK
    assert [r.outcome for r in result.reattachments] == ["resolved"]


def test_a_note_across_a_chapeau_stays_when_a_subparagraph_gains_a_word(
        revision: Revision) -> None:
    """Guards notes over several units: a small edit inside the range keeps the note on the
    same chapeau and subparagraphs, now covering the new wording."""
    note = revision.note("range/1", "range/1(b)")
    result = revision.store.reconcile(revision.after)
    found = revision.store.get(note)
    assert found is not None and found.status == OK
    assert (found.unit, found.anchor.end_unit) == ("range/1", "range/1(b)")
    assert revision.words(note).endswith("Such national strategies include alternative "
                                         "development;")
    assert [(r.annotation, r.outcome) for r in result.reattachments] == [(note, "kept")]
