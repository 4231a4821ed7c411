"""Two revisions of a draft compared paragraph by paragraph, matched by words, not numbers."""

from __future__ import annotations

from desktop.core.corpus import Corpus
from desktop.core.drafts.revisions import compare

OLD = [
    ("pp1", "", "Recalling its resolution 61/11 on the prevention of drug use among youth,"),
    ("1", "1.", "Encourages Member States to strengthen prevention programmes in schools;"),
    ("2", "2.", "Requests the Executive Director to report at its sixty-ninth session."),
    ("3", "3.", "Decides to remain seized of the matter."),
]
NEW = [
    ("pp1", "", "Recalling its resolution 61/11 on the prevention of drug use among youth,"),
    ("1", "1.", "Welcomes the report of the Secretariat on the world drug situation;"),
    ("2", "2.", "Encourages Member States to strengthen evidence-based prevention programmes "
                "in schools and universities;"),
    ("3", "3.", "Requests the Executive Director to report at its sixty-ninth session."),
]


def test_renumbered_paragraphs_pair_by_their_words(corpus: Corpus) -> None:
    """Guards revisions: an inserted paragraph renumbers the rest, and the pairs follow the
    words (2 was 1, reworded: its redline; 3 was 2, the same), the dropped one is deleted."""
    pairs = compare(corpus.vocabulary(), OLD, NEW)
    assert [(p.new, p.old, p.relation) for p in pairs] == [
        ("pp1", "pp1", "same"), ("1", None, "new"), ("2", "1", "changed"),
        ("3", "2", "same"), (None, "3", "deleted")]
    assert pairs[2].redline == ("Encourages Member States to strengthen {+evidence-based+} "
                                "prevention programmes in [-schools;-] {+schools and "
                                "universities;+}")
