"""`concordia instrument add | list | remove` and the analysis of a draft, run as a delegate
runs them, on drafts built for the tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "core" / "drafts"))
from draft_files import AGREED, CHANGED, TYPED, write_docx, write_pdf, write_typed

from desktop import paths
from desktop.core.corpus import Corpus
from desktop.core.drafts import store as user_store


def concordia(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, check=False, env=dict(os.environ))


def _corpus() -> Corpus:
    return Corpus.open(paths.corpus_path(), paths.user_corpus_path())


def _notes(*args: str) -> list[dict[str, object]]:
    result = concordia("notes", "list", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_add_prints_what_was_detected_and_the_analysis(tmp_path: Path) -> None:
    """Guards the import report: the id, the front matter, the formula, the counts, the
    brackets, every line not placed (none here) and the agreed language in brief."""
    result = concordia("instrument", "add", str(write_typed(tmp_path / "L5.txt")),
                       "--symbol", "E/CN.7/2025/L.5", "--date", "2025-03-10")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0] == ("Imported l5 (revision 1): “Promoting evidence-based "
                                   "prevention and treatment”, E/CN.7/2025/L.5")
    assert "  front matter, agenda item: Agenda item 5" in out
    assert "  opening formula: The Commission on Narcotic Drugs," in out
    assert ("  2 preambular paragraphs, 3 operative paragraphs (1 inserted: bis, ter), "
            "5 subparagraphs, 0 headings, 1 footnotes") in out
    assert "  square brackets (not yet agreed) in: pp2, 1(b)" in out
    assert "Could not place 0 lines." in out
    assert "Agreed language: 1 agreed, 1 changed, 0 partly agreed, 8 new" in out
    listed = concordia("instrument", "list").stdout
    assert listed.startswith("l5 ") and "revision 1" in listed and "L5.txt" in listed
    with closing(_corpus()) as corpus:
        assert corpus.imported() == ["l5"]
        assert corpus.instrument("l5").adopted == "2025-03-10"
        assert [link.source for link in corpus.links("ungass2016/1(b)")
                if link.source.startswith("l5/")] == ["l5/1(a)"]
        assert corpus.search("Executive Director report next session")[0].unit == "l5/1bis"
    shown = concordia("show", "E/CN.7/2025/L.5, para. 1 bis")
    assert shown.returncode == 0 and "[l5/1bis]" in shown.stdout


def test_the_shipped_corpus_file_is_never_written(tmp_path: Path) -> None:
    before = paths.corpus_path().read_bytes()
    assert concordia("instrument", "add", str(write_typed(tmp_path / "x.txt"))).returncode == 0
    assert paths.corpus_path().read_bytes() == before
    assert paths.user_corpus_path().is_file()


def test_word_and_pdf_drafts_import_with_their_structure(tmp_path: Path, qapp: object) -> None:
    """Guards the .docx (Word numbering from a list style) and .pdf (text layer, page
    furniture) readers end to end."""
    docx = concordia("instrument", "add", str(write_docx(tmp_path / "word.docx")))
    assert docx.returncode == 0, docx.stderr
    assert "3 operative paragraphs (1 inserted" in docx.stdout
    pdf = concordia("instrument", "add", str(write_pdf(tmp_path / "print.pdf")), "--id",
                    "printed")
    assert pdf.returncode == 0, pdf.stderr
    assert "repaired, line 17: the document symbol “E/CN.7/2025/L.5” repeated" in pdf.stdout
    with closing(_corpus()) as corpus:
        word = {u.path: u.text for u in corpus.units("word")}
        printed = {u.path: u.text for u in corpus.units("printed")}
    assert word["1(b)"] == CHANGED + ";"
    assert printed["1(a)"] == AGREED + ";"
    assert printed["1(b)"] == CHANGED + ";"
    assert printed["1bis"].startswith("Invites the Executive Director")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "empty.txt is empty"),
    ("letter.txt", b"Dear colleagues, the text follows next week. Regards",
     "no paragraph of a resolution"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "password-protected"),
    ("picture.pdf", b"%PDF-1.4 not really", "PDF"),
])
def test_bad_input_is_refused_and_nothing_is_added(tmp_path: Path, name: str, content: bytes,
                                                   message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = concordia("instrument", "add", str(path))
    assert result.returncode == 1
    assert message in result.stderr and "nothing was imported" in result.stderr
    assert not paths.user_corpus_path().exists()


def test_an_existing_id_is_refused_without_replace(tmp_path: Path) -> None:
    draft = write_typed(tmp_path / "l5.txt")
    assert concordia("instrument", "add", str(draft)).returncode == 0
    again = concordia("instrument", "add", str(draft))
    assert again.returncode == 1 and "already imported" in again.stderr
    shipped = concordia("instrument", "add", str(draft), "--id", "pd2009")
    assert shipped.returncode == 1 and "is a shipped instrument" in shipped.stderr
    with closing(_corpus()) as corpus:
        assert corpus.imported() == ["l5"]


def test_a_new_revision_carries_annotations_forward_and_keeps_the_old_text(
        tmp_path: Path) -> None:
    """Guards --replace: the previous text is kept; an annotation on unchanged words that
    were renumbered moves with them, one on unchanged text stays, one whose words changed
    goes to the review list — none is trashed or silently moved."""
    first = write_typed(tmp_path / "l5.txt")
    assert concordia("instrument", "add", str(first)).returncode == 0
    for unit, quote in (("l5/1(a)", "prevent progression to severe drug use disorders"),
                        ("l5/pp2", "health and welfare"),
                        ("l5/2", "remain seized of the matter")):
        added = concordia("notes", "add", unit, "--quote", quote, "--note", unit)
        assert added.returncode == 0, added.stderr
    revised = TYPED.replace("1. Encourages", "1. Notes the report of the Executive Director;"
                            "\n\n2. Encourages").replace("1 bis.", "2 bis.").replace(
        "2. Decides to remain seized of the matter.",
        "3. Decides to remain actively engaged with the question.")
    second = tmp_path / "l5-rev1.txt"
    second.write_text(revised, encoding="utf-8")
    result = concordia("instrument", "add", str(second), "--id", "l5", "--replace")
    assert result.returncode == 0, result.stderr
    assert "Imported l5 (revision 2)" in result.stdout
    assert "Annotations carried forward to this revision: 1 moved, 1 review" in result.stdout
    notes = {n["note"]: n for n in _notes()}
    assert notes["l5/1(a)"]["unit"] == "l5/2(a)"
    assert notes["l5/pp2"]["unit"] == "l5/pp2"
    assert notes["l5/2"]["status"] == "review"
    assert _notes("--trash") == []
    connection = user_store.open_for_writing(paths.user_corpus_path())
    try:
        old = user_store.revisions(connection, "l5")
    finally:
        connection.close()
    assert [r.revision for r in old] == [1]
    assert ("l5/2", "2.", "Decides to remain seized of the matter.") in old[0].units
    diff = concordia("instrument", "diff", "l5")
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.splitlines() == [
        "l5: revision 1 (l5.txt) → revision 2",
        "  PP 1           same",
        "  PP 2           same",
        "  OP 1           new",
        "  OP 2           same (was OP 1)",
        "  OP 2 (a)       same (was OP 1 (a))",
        "  OP 2 (b)       same (was OP 1 (b))",
        "  OP 2 (c)       same (was OP 1 (c))",
        "  OP 2 (c) (i)   same (was OP 1 (c) (i))",
        "  OP 2 (c) (ii)  same (was OP 1 (c) (ii))",
        "  OP 2 bis       same (was OP 1 bis)",
        "                 deleted (was OP 2)",
        "  OP 3           new"]  # too few words in common to call it the same paragraph


def test_remove_asks_for_yes_then_trashes_the_annotations(tmp_path: Path) -> None:
    assert concordia("instrument", "add", str(write_typed(tmp_path / "l5.txt"))).returncode == 0
    assert concordia("notes", "add", "l5/1", "--note", "keep me").returncode == 0
    refused = concordia("instrument", "remove", "l5")
    assert refused.returncode == 1 and "--yes" in refused.stderr
    done = concordia("instrument", "remove", "l5", "--yes")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Removed l5; 1 annotation moved to the trash."
    assert [n["note"] for n in _notes("--trash")] == ["keep me"]
    assert "No imported instruments" in concordia("instrument", "list").stdout
    unknown = concordia("instrument", "remove", "pd2009", "--yes")
    assert unknown.returncode == 1 and "no imported instrument pd2009" in unknown.stderr


def test_agreed_instrument_json_lists_every_unit_with_its_matches(tmp_path: Path) -> None:
    """Guards `concordia agreed --instrument ID --json`: one array, every unit in document
    order, matches as `concordia agreed` gives them, the redline for `changed`; another
    import is compared only when asked, never the draft with itself."""
    draft = write_typed(tmp_path / "l5.txt")
    assert concordia("instrument", "add", str(draft)).returncode == 0
    result = concordia("agreed", "--instrument", "l5", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    with closing(_corpus()) as corpus:
        assert [r["unit"] for r in rows] == [u.id for u in corpus.units("l5")]
    by_unit = {r["unit"]: r for r in rows}
    agreed = by_unit["l5/1(a)"]
    assert agreed["status"] == "agreed"
    assert [(m["unit"], m["relation"]) for m in agreed["matches"]] == [
        ("ungass2016/1(b)", "same")]
    assert set(agreed["matches"][0]) == {"unit", "citation", "instrument", "relation",
                                         "score", "shared", "spans", "adopted", "text"}
    changed = by_unit["l5/1(b)"]
    assert changed["status"] == "changed"
    assert changed["matches"][0]["unit"] == "ungass2016/1(m)"
    redline = changed["matches"][0]["redline"]
    assert "antagonists such as {+naloxone, and make+} naloxone" in redline
    assert redline.endswith("[-to reduce drug-related mortality;-] {+available without "
                            "prescription in pharmacies and community settings [in all "
                            "regions];+}")
    assert by_unit["l5/2"]["status"] == "new" and by_unit["l5/2"]["matches"] == []
    assert by_unit["l5/front:1"]["status"] is None
    # A second import of the same text: not a source unless named, then `same` everywhere.
    assert concordia("instrument", "add", str(draft), "--id", "copy").returncode == 0
    alone = json.loads(concordia("agreed", "--instrument", "l5", "--json").stdout)
    assert all(not m["unit"].startswith("copy/") for r in alone for m in r["matches"])
    against = json.loads(concordia("agreed", "--instrument", "l5", "--against", "copy",
                                   "--json").stdout)
    assert {m["unit"] for r in against for m in r["matches"] if r["unit"] == "l5/2"} == {
        "copy/2"}
    itself = concordia("agreed", "--instrument", "l5", "--against", "l5")
    assert itself.returncode == 2


def test_the_analysis_exports_as_a_brief_in_word_and_html(tmp_path: Path) -> None:
    assert concordia("instrument", "add", str(write_typed(tmp_path / "l5.txt"))).returncode == 0
    html_file, word_file = tmp_path / "brief.html", tmp_path / "brief.docx"
    for target in (html_file, word_file):
        result = concordia("agreed", "--instrument", "l5", "--brief", str(target))
        assert result.returncode == 0, result.stderr
    page = html_file.read_text(encoding="utf-8")
    assert ("New wording in PP 1, PP 2, OP 1, OP 1 (c), OP 1 (c) (i), OP 1 (c) (ii), OP 1 bis "
            "and OP 2.") in page
    assert "Agreed language changed in OP 1 (b)." in page
    assert "{+naloxone, and make+}" in page
    from docx import Document

    words = "\n".join(p.text for p in Document(str(word_file)).paragraphs)
    assert "Agreed language in OP 1 (a)." in words
    assert "A/RES/S-30/1, annex, para. 1 (m)" in words


def test_instrument_commands_load_no_pyside6(tmp_path: Path) -> None:
    code = ("import sys; from desktop.cli import main; main(['instrument', 'list']); "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_annotations_on_a_draft_share_and_name_the_draft_where_it_is_missing(
        tmp_path: Path) -> None:
    """Guards sharing a draft's annotations: where the draft is not imported, the file is
    refused with the draft's citation and the id to import it under; once imported with
    that id, the same file comes in."""
    draft = write_typed(tmp_path / "l5.txt")
    assert concordia("instrument", "add", str(draft), "--symbol", "E/CN.7/2025/L.5"
                     ).returncode == 0
    assert concordia("notes", "add", "l5/1(a)", "--quote", "severe drug use disorders",
                     "--note", "agreed in 2016").returncode == 0
    shared = tmp_path / "for-anna.jsonld"
    assert concordia("export", "-o", str(shared)).returncode == 0
    anna = tmp_path / "anna"
    refused = concordia("--data-dir", str(anna), "import", str(shared))
    assert refused.returncode != 0
    assert ("cited there as “E/CN.7/2025/L.5, para. 1 (a)”: if that is a draft, import it "
            "first with the id l5") in refused.stderr
    assert concordia("--data-dir", str(anna), "instrument", "add", str(draft)).returncode == 0
    accepted = concordia("--data-dir", str(anna), "import", str(shared))
    assert accepted.returncode == 0, accepted.stderr
    notes = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(anna), "notes",
                            "list", "--json"], capture_output=True, text=True, check=True)
    assert [n["note"] for n in json.loads(notes.stdout)] == ["agreed in 2016"]
