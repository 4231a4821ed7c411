"""The annotation store's everyday behaviour: what is kept, the trash, categories, settings,
change records, and two windows or processes on one database."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core.corpus import Corpus
from desktop.core.notes.anchoring import anchor_quote, anchor_units
from desktop.core.notes.errors import BadInput, NotesError, NotFound
from desktop.core.notes.model import DEFAULT_CATEGORIES, Anchor
from desktop.core.notes.schema import SCHEMA_VERSION
from desktop.core.notes.store import AUTHOR, AnnotationStore
from desktop.core.notes.texts import CorpusText

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def texts(corpus: Corpus) -> CorpusText:
    return CorpusText.from_corpus(corpus)


def quote(texts: CorpusText, unit: str, words: str, last: str | None = None) -> Anchor:
    text = texts.of_unit(unit)
    assert text is not None
    return anchor_quote(text, unit, words, last)


def test_store_is_created_on_first_use_in_wal_mode(store_path: Path) -> None:
    """Guards "created on first run": the folder and file appear, WAL, the current schema
    version, and the default categories."""
    assert not store_path.parent.exists()
    with AnnotationStore.open(store_path) as store:
        assert [c.name for c in store.categories()] == [n for n, _ in DEFAULT_CATEGORIES]
    connection = sqlite3.connect(store_path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_add_keeps_every_field(store: AnnotationStore, texts: CorpusText) -> None:
    """Guards what is stored: quote, offsets, category, Markdown note, tags, meeting, author,
    times, revision and the private flag — and the Change names the annotation and unit."""
    store.set_setting(AUTHOR, "A. Delegate")
    anchor = quote(texts, "res74-178/19", "increase the availability")
    change = store.add(anchor, category="agreed language", note="Keep **as is**",
                       tags=["#access", " medicines ", "access"],
                       meeting="CND 69, informal consultations, 12 March", private=True)
    added = change.annotation
    assert added is not None
    assert change.action == "add" and change.annotations == (added.id,)
    assert change.units == ("res74-178/19",)
    assert store.get(added.id) == added
    assert (added.unit, added.quote, added.category) == (
        "res74-178/19", "increase the availability", "Agreed language")
    text = texts.of_unit("res74-178/19")
    assert text is not None
    assert text.text("res74-178/19")[added.anchor.start:added.anchor.end] == (
        "increase the availability")
    assert added.tags == ("access", "medicines")
    assert (added.note, added.meeting, added.author) == (
        "Keep **as is**", "CND 69, informal consultations, 12 March", "A. Delegate")
    assert added.private and added.revision == 1 and added.created == added.modified
    assert added.to_json()["quote"] == "increase the availability"


def test_a_highlight_across_a_chapeau_and_its_subparagraphs_is_one_annotation(
        store: AnnotationStore, texts: CorpusText) -> None:
    """Guards cross-unit highlights: from the chapeau of PD 24 into (c), one annotation,
    found when listing any unit it covers."""
    whole = texts.of_unit("pd2009/24")
    assert whole is not None
    anchor = anchor_units(whole, "pd2009/24", "pd2009/24(c)")
    added = store.add(anchor, category="Red line").annotation
    assert added is not None
    assert (added.unit, added.anchor.end_unit, added.quote) == ("pd2009/24", "pd2009/24(c)",
                                                                None)
    inner = whole.seq("pd2009/24(b)(ii)")
    assert [a.id for a in store.list(covering=("pd2009", inner))] == [added.id]
    assert store.list(covering=("pd2009", whole.seq("pd2009/25"))) == []


def test_adding_with_an_unknown_category_is_refused(store: AnnotationStore,
                                                    texts: CorpusText) -> None:
    """Guards bad input: the message lists the categories; nothing is stored."""
    with pytest.raises(NotFound, match="Agreed language, Our position"):
        store.add(quote(texts, "res74-178/19", "increase the availability"), category="Nope")
    assert store.count() == 0


def test_update_changes_only_the_given_fields_and_counts_revisions(
        store: AnnotationStore, texts: CorpusText) -> None:
    """Guards edits: the revision goes up, untouched fields stay, and an edit based on a
    stale revision is refused rather than overwriting another window's change."""
    added = store.add(quote(texts, "res74-178/19", "increase the availability"),
                      note="first", tags=["a"]).annotation
    assert added is not None
    store.update(added.id, note="second")
    store.update(added.id, category="Question")
    updated = store.get(added.id)
    assert updated is not None
    assert (updated.note, updated.category, updated.tags, updated.revision) == (
        "second", "Question", ("a",), 3)
    with pytest.raises(NotesError, match="changed elsewhere"):
        store.update(added.id, note="stale", expected_revision=2)
    unchanged = store.update(added.id, note="second")
    assert unchanged.annotations == ()
    current = store.get(added.id)
    assert current is not None and current.note == "second"


def test_removed_annotations_go_to_the_trash_and_come_back(store: AnnotationStore,
                                                           texts: CorpusText) -> None:
    """Guards the trash: remove hides it from the list, keeps it in the trash, and restore
    brings back every field."""
    added = store.add(quote(texts, "poa2009/41(g)", "new synthetic drugs"),
                      note="watch").annotation
    assert added is not None
    change = store.remove(added.id)
    assert change.action == "remove" and change.units == ("poa2009/41(g)",)
    assert store.list() == []
    assert [a.id for a in store.list(trash=True)] == [added.id]
    with pytest.raises(BadInput, match="in the trash"):
        store.remove(added.id)
    store.restore(added.id)
    restored = store.get(added.id)
    assert restored is not None and restored.deleted is None
    assert (restored.note, restored.quote) == ("watch", "new synthetic drugs")
    with pytest.raises(BadInput, match="not in the trash"):
        store.restore(added.id)
    with pytest.raises(NotFound):
        store.remove(9999)


def test_categories_are_renamed_recoloured_and_removed_without_losing_annotations(
        store: AnnotationStore, texts: CorpusText) -> None:
    """Guards categories: a rename follows to the annotations, a removal leaves them
    uncategorised but present; a bad colour or a duplicate name is refused."""
    added = store.add(quote(texts, "res74-178/19", "increase the availability"),
                      category="Fallback").annotation
    assert added is not None
    change = store.rename_category("fallback", "Fallback position")
    assert change.annotations == (added.id,)
    store.recolour_category("Fallback position", "#123ABC")
    assert ("Fallback position", "#123abc") in [(c.name, c.colour) for c in store.categories()]
    found = store.get(added.id)
    assert found is not None and (found.category, found.colour) == ("Fallback position",
                                                                     "#123abc")
    with pytest.raises(BadInput, match="not a colour"):
        store.recolour_category("Question", "red")
    with pytest.raises(BadInput, match="already a category"):
        store.add_category("red line")
    store.remove_category("Fallback position")
    left = store.get(added.id)
    assert left is not None and left.category is None and left.deleted is None
    store.add_category("Ours only", "#000000")
    assert store.categories()[-1].name == "Ours only"


def test_list_filters_by_instrument_category_and_tag(store: AnnotationStore,
                                                     texts: CorpusText) -> None:
    """Guards listing: document order within an instrument, and the filters."""
    later = store.add(quote(texts, "res74-178/19", "increase the availability"),
                      tags=["access"]).annotation
    earlier = store.add(quote(texts, "res74-178/1", "Member States"),
                        category="Question").annotation
    other = store.add(quote(texts, "poa2009/41(g)", "new synthetic drugs")).annotation
    assert later and earlier and other
    assert [a.id for a in store.list(instrument="res74-178")] == [earlier.id, later.id]
    assert [a.id for a in store.list(tag="#access")] == [later.id]
    assert [a.id for a in store.list(category="question")] == [earlier.id]
    assert [a.id for a in store.list(unit="poa2009/41(g)")] == [other.id]


def test_a_second_window_sees_writes_at_once(store_path: Path, texts: CorpusText) -> None:
    """Guards two connections on one database: each sees the other's writes without
    reopening, and neither loses the other's edit of a different field."""
    with AnnotationStore.open(store_path) as first, AnnotationStore.open(store_path) as second:
        added = first.add(quote(texts, "res74-178/19", "increase the availability"),
                          note="draft").annotation
        assert added is not None
        assert [a.id for a in second.list()] == [added.id]
        second.update(added.id, tags=["from second"])
        first.update(added.id, note="from first")
        for store in (first, second):
            found = store.get(added.id)
            assert found is not None
            assert (found.note, found.tags, found.revision) == ("from first", ("from second",),
                                                                3)


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop import paths
    from desktop.core.corpus import Corpus
    from desktop.core.notes.anchoring import anchor_quote
    from desktop.core.notes.store import AnnotationStore
    from desktop.core.notes.texts import CorpusText

    name, count = sys.argv[2], int(sys.argv[3])
    corpus = Corpus.open(paths.corpus_path())
    text = CorpusText.from_corpus(corpus).of_unit("res74-178/19")
    anchor = anchor_quote(text, "res74-178/19", "increase the availability")
    print("ready", flush=True)
    sys.stdin.readline()
    with AnnotationStore.open(Path(sys.argv[1]), busy_timeout=30) as store:
        for i in range(count):
            change = store.add(anchor, note=f"{name}-{i}")
            print(change.annotation.id, flush=True)
""")


def test_two_processes_writing_at_once_lose_nothing(store_path: Path) -> None:
    """Guards two processes on one database: bursts of writes from both at the same time
    all arrive, each with its own content."""
    AnnotationStore.open(store_path).close()
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(store_path), name, "150"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                cwd=ROOT) for name in ("left", "right")]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    for writer in writers:  # start both bursts together
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    printed = {}
    for name, writer in zip(("left", "right"), writers, strict=True):
        out, _ = writer.communicate(timeout=120)
        assert writer.returncode == 0
        printed[name] = [int(line) for line in out.split()]
    with AnnotationStore.open(store_path) as store:
        notes = {a.id: a.note for a in store.list()}
    assert len(notes) == 300
    for name, ids in printed.items():
        assert [notes[i] for i in ids] == [f"{name}-{i}" for i in range(150)]


def test_settings_keep_the_author(store: AnnotationStore, texts: CorpusText) -> None:
    """Guards the author setting: new annotations carry it; an explicit author wins."""
    assert store.setting(AUTHOR) is None
    change = store.set_setting(AUTHOR, "Delegation of X")
    assert change.settings == (AUTHOR,)
    anchor = quote(texts, "res74-178/19", "increase the availability")
    by_setting = store.add(anchor).annotation
    by_hand = store.add(anchor, author="Someone else").annotation
    assert by_setting and by_hand
    assert (by_setting.author, by_hand.author) == ("Delegation of X", "Someone else")


def test_json_of_an_annotation_has_the_documented_fields(store: AnnotationStore,
                                                         texts: CorpusText) -> None:
    """Guards the `notes list --json` contract: the issue's fields, with their types."""
    added = store.add(quote(texts, "res74-178/19", "increase the availability"),
                      tags=["t"]).annotation
    assert added is not None
    data = json.loads(json.dumps(added.to_json()))
    for key in ("id", "unit", "category", "quote", "note", "tags", "meeting", "author",
                "created", "modified"):
        assert key in data
    assert data["tags"] == ["t"] and data["id"] == added.id
    assert data["created"].endswith("Z")


def test_listing_never_shows_a_stale_annotation(store_path: Path, texts: CorpusText) -> None:
    """Guards the listing cache: whatever changed a row since the last listing — another
    window, a plain SQL writer, a category rename, the trash — the next listing shows it."""
    with AnnotationStore.open(store_path) as view, AnnotationStore.open(store_path) as other:
        ids = []
        for words in ("increase the availability", "coverage and quality"):
            added = other.add(quote(texts, "res74-178/19", words), category="Question",
                              note=words).annotation
            assert added is not None
            ids.append(added.id)
        assert [a.note for a in view.list()] == ["increase the availability",
                                                 "coverage and quality"]
        other.update(ids[0], note="edited in the other window")
        assert view.list()[0].note == "edited in the other window"
        outside = sqlite3.connect(store_path)
        with outside:
            outside.execute("UPDATE annotations SET meeting = 'CND 69' WHERE id = ?",
                            (ids[1],))
        outside.close()
        assert [a.meeting for a in view.list()] == ["", "CND 69"]
        other.rename_category("Question", "Ask capital")
        assert {a.category for a in view.list()} == {"Ask capital"}
        other.remove(ids[0])
        assert [a.id for a in view.list()] == [ids[1]]
        other.restore(ids[0])
        assert [a.id for a in view.list()] == ids
        assert view.list() == other.list()
