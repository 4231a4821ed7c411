"""`concordia export` as a delegate runs it, each call a separate process; every output
opened with a real reader of its format."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pypdf
import pytest

from desktop.core.corpus import Corpus
from desktop.core.notes.database import store_path
from desktop.core.notes.service import NotesService

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "core" / "excerpts"))
from excerpts_data import QUOTE, fill  # noqa: E402


def concordia(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, check=False, cwd=ROOT, env=env,
                          timeout=120)


@pytest.fixture
def data(corpus: Corpus, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "delegation"
    service = NotesService(store_path(folder), corpus)
    fill(service)
    service.close()
    yield folder


def test_markdown_export_with_filters(data: Path, tmp_path: Path) -> None:
    """Guards the command: filters, the summary on stdout, exit 0, and the private count."""
    target = tmp_path / "brief.md"
    done = concordia(data, "export", "-o", str(target), "--category", "Agreed language",
                     "--category", "Red line")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (f"wrote {target}: 1 annotation (1 instrument); 1 private "
                           "annotation left out (--include-private adds them)\n")
    text = target.read_text(encoding="utf-8")
    assert "> primary prevention" in text and "amphetamine" not in text
    assert "Selection: category Agreed language or Red line; in document order." in text
    with_private = concordia(data, "export", "--format", "md", "-o", str(target),
                             "--include-private", "--order", "date")
    assert with_private.returncode == 0
    assert "> amphetamine-type stimulants" in target.read_text(encoding="utf-8")


def test_refusals_leave_the_earlier_file(data: Path, tmp_path: Path) -> None:
    """Guards bad requests: an unknown category, a format the name does not say, a folder
    that does not exist: exit 1, a message, the earlier file untouched."""
    target = tmp_path / "brief.md"
    target.write_text("earlier")
    unknown = concordia(data, "export", "-o", str(target), "--category", "Redline")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("concordia: there is no category “Redline”")
    unsaid = concordia(data, "export", "-o", str(tmp_path / "brief.txt"))
    assert unsaid.returncode == 1 and "--format" in unsaid.stderr
    missing = concordia(data, "export", "-o", str(tmp_path / "nowhere" / "brief.md"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    assert target.read_text() == "earlier"


def test_word_export(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.docx"
    done = concordia(data, "export", "-o", str(target), "--instrument", "ungass2016")
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(target))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 2", "A/RES/S-30/1, annex, para. 1 (a)") in paragraphs
    assert ("Quote", QUOTE) in paragraphs
    assert any(style == "List Bullet" and text.startswith("Plan of Action (2009), para. 4 (a)")
               for style, text in paragraphs)


def _pdf_text(page: pypdf.PageObject) -> str:
    """The page's words; pypdf puts a space where the font changes (a bold word before a
    colon), so a space before punctuation is dropped."""
    return re.sub(r" ([:.,;])", r"\1", " ".join(page.extract_text().split()))


def test_pdf_export_has_text_pages_header_and_links(data: Path, tmp_path: Path) -> None:
    """Guards the PDF brief made headless by Qt: selectable text carrying quote, citation,
    note and corresponding units; "Page n of N" on every page; the citation of the excerpt
    in progress as running header; the back-links clickable."""
    target = tmp_path / "brief.pdf"
    done = concordia(data, "export", "-o", str(target), "--full-text", "--include-private")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote {target}: 4 annotations (4 instruments)\n"
    reader = pypdf.PdfReader(str(target))
    pages = len(reader.pages)
    assert pages >= 2
    texts = [_pdf_text(page) for page in reader.pages]
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {pages}" in text
    whole = " ".join(texts)
    assert "A/RES/S-30/1, annex, para. 1 (a)" in whole
    assert "primary prevention" in whole
    assert "Keep as is: see the report." in whole
    assert "Plan of Action (2009), para. 4 (a): (a) Develop, review and strengthen" in whole
    assert "Never weaker than this" in whole
    citations = ["A/RES/S-30/1, annex, para. 1 (a)", "A/RES/74/178, para. 19",
                 "Political Declaration (2009), para. 24 – para. 24 (c)",
                 "Plan of Action (2009), para. 41 (g)"]
    headers = [text.split(" Page ", 1)[0] for text in texts]  # each page's running header
    assert headers[0] == citations[0]
    assert all(h in citations for h in headers)
    assert [citations.index(h) for h in headers] == sorted(citations.index(h) for h in headers)
    assert headers[-1] == citations[-1]  # the last page holds (the end of) the last one
    uris = {annotation.get_object()["/A"]["/URI"] for page in reader.pages
            for annotation in page.get("/Annots") or []
            if annotation.get_object().get("/A")}
    assert {"concordia://open/ungass2016%2F1(a)", "concordia://open/poa2009%2F4(a)"} <= uris


def test_export_other_than_pdf_never_loads_qt(data: Path, tmp_path: Path) -> None:
    """Guards DESIGN.md §4: a window-less command imports no PySide6 (PDF excepted)."""
    script = ("import sys; from desktop.cli import main; "
              f"code = main(['--data-dir', {str(data)!r}, 'export', '-o', "
              f"{str(tmp_path / 'b.docx')!r}]); "
              "sys.exit(code or any(m.startswith('PySide6') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
