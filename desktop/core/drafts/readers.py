"""Readers: a .txt, .md, .docx or .pdf file -> the lines the grammar of UN instruments reads.

Each reader gives plain lines in the notation of the shipped sources (desktop.core.ingest):
a blank line between paragraphs, `<i>`/`<b>` for emphasis, `<sup>N</sup>` for a footnote call
and a `<sup>N</sup> text` block for its note. Word's automatic numbering is computed here
(numbering.py) and written in front of the paragraph as Word shows it. Bad input is refused
with a DraftError saying why; nothing is kept.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.drafts.numbering import Numbering

MAX_FILE_BYTES = 50 * 1024 * 1024  # a Word file with pictures can be large
MAX_TEXT_CHARS = 2_000_000  # about 300 000 words: far beyond any draft resolution
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files
SUFFIXES = (".txt", ".md", ".docx", ".pdf")


class DraftError(Exception):
    """A file that cannot be imported, with what to do about it."""


@dataclass
class Source:
    """What a reader made of a file."""

    lines: list[str]
    unit: str  # how the report names a place: "line" or "paragraph" (Word) or "line" (PDF)
    places: list[int] = field(default_factory=list)  # per line (0-based): its place number
    notes: list[str] = field(default_factory=list)  # what the reader did (encoding, pages)

    def place(self, line: int) -> int:
        """The place number (as the report names it) of 1-based source line `line`."""
        if self.places and 1 <= line <= len(self.places):
            return self.places[line - 1]
        return line


def read(path: Path) -> Source:
    """Read a draft; DraftError for anything that is not a readable document."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DraftError(f"{path.name}: Concordia reads drafts in .docx, .pdf, .txt and .md "
                         f"files, not {suffix or 'files without an extension'}")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DraftError(f"{path.name} is {size / 1e6:.0f} MB: too large for a draft "
                             f"(at most {MAX_FILE_BYTES // 2**20} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DraftError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DraftError(f"{path} is a folder, not a file") from None
    except OSError as error:
        raise DraftError(f"{path.name} cannot be read ({error.strerror})") from None
    if not data.strip():
        raise DraftError(f"{path.name} is empty")
    if suffix == ".docx":
        source = _docx(path.name, data)
    elif suffix == ".pdf":
        source = _pdf(path.name, data)
    else:
        source = _text(path.name, data)
    characters = sum(len(line) for line in source.lines)
    if characters > MAX_TEXT_CHARS:
        raise DraftError(f"{path.name} holds {characters:,} characters of text: far more than "
                         "a draft resolution or declaration; nothing was imported")
    if not any(line.strip() for line in source.lines):
        raise DraftError(f"{path.name} has no text"
                         + (" layer (a scan? run it through OCR first)" if suffix == ".pdf"
                            else ""))
    return source


# -- plain text -----------------------------------------------------------------------


def _text(name: str, data: bytes) -> Source:
    notes = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if data.count(b"\x00") or _binary(data):
                raise DraftError(f"{name} is not a text file (binary content)") from None
            text = data.decode("cp1252", errors="replace")
            notes.append("not UTF-8: read as Windows-1252")
    if "\x00" in text or _binary(text.encode("utf-8", "replace")):
        raise DraftError(f"{name} is not a text file (binary content)")
    return Source(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), "line",
                  notes=notes)


def _binary(data: bytes) -> bool:
    """Control characters other than tab, line ends and form feed mark a binary file."""
    sample = data[:4096]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(sample) // 100 + 1


# -- Word -----------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(name: str, data: bytes) -> Source:
    if data.startswith(OLE_MAGIC):
        raise DraftError(f"{name} is password-protected (or a Word 97–2003 file renamed "
                         ".docx): save it without a password as a .docx and import it again")
    import io

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise DraftError(f"{name} is not a readable Word document ({error})") from None
    except Exception as error:  # lxml's XMLSyntaxError and other damage inside the package
        raise DraftError(f"{name} is a damaged Word document ({type(error).__name__})") \
            from None
    numbering = Numbering.from_document(document)
    notes_by_id = _docx_footnotes(document)
    lines: list[str] = []
    places: list[int] = []
    calls: list[str] = []  # footnote ids in order of their first call
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = _runs(paragraph._p, notes_by_id, calls)
        label = numbering.label(paragraph._p, document)
        if not text.strip():
            continue
        if label:
            text = f"{_grammar_label(label)} {text.lstrip()}"
        lines += [text, ""]
        places += [number, number]
    for index, note_id in enumerate(calls, start=1):
        lines += [f"<sup>{index}</sup> {notes_by_id[note_id]}", ""]
        places += [0, 0]
    return Source(lines, "paragraph", places)


def _grammar_label(label: str) -> str:
    """Word's label as the grammar reads it: "a)" and "a." become "(a)"; numbers keep
    their point ("5." and "5)" become "5.")."""
    label = label.strip()
    if m := re.fullmatch(r"\(?(\d{1,3})[.)]?", label):
        return f"{m[1]}."
    if m := re.fullmatch(r"\(?([a-z]{1,2}|[ivxl]{1,6})[.)]", label):
        return f"({m[1]})"
    return label


def _runs(element: object, notes: dict[str, str], calls: list[str]) -> str:
    """A paragraph's text with its emphasis and footnote calls, in the sources' notation."""
    out: list[str] = []
    for run in element.iter(f"{_W}r"):  # type: ignore[attr-defined]
        properties = run.find(f"{_W}rPr")
        italic = _on(properties, "i")
        bold = _on(properties, "b")
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                piece = html.escape(child.text or "", quote=False)
                if italic and piece.strip():
                    piece = f"<i>{piece}</i>"
                if bold and piece.strip():
                    piece = f"<b>{piece}</b>"
                out.append(piece)
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                out.append(" ")
            elif tag == f"{_W}footnoteReference":
                note_id = child.get(f"{_W}id") or ""
                if note_id in notes:
                    if note_id not in calls:
                        calls.append(note_id)
                    out.append(f"<sup>{calls.index(note_id) + 1}</sup>")
    return "".join(out).replace("</i><i>", "").replace("</b><b>", "")


def _on(properties: object, name: str) -> bool:
    if properties is None:
        return False
    found = properties.find(f"{_W}{name}")  # type: ignore[attr-defined]
    return found is not None and found.get(f"{_W}val") not in ("0", "false", "off")


def _docx_footnotes(document: object) -> dict[str, str]:
    """Footnote id -> its text, from word/footnotes.xml (the separators left out)."""
    from lxml import etree

    part = next((rel.target_part for rel in document.part.rels.values()  # type: ignore
                 if rel.reltype.endswith("/footnotes")), None)
    if part is None:
        return {}
    root = etree.fromstring(part.blob)
    found: dict[str, str] = {}
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator",
                                     "continuationNotice"):
            continue
        words = " ".join("".join(t.text or "" for t in p.iter(f"{_W}t"))
                         for p in note.iter(f"{_W}p"))
        found[note.get(f"{_W}id") or ""] = html.escape(" ".join(words.split()), quote=False)
    return found


# -- PDF ------------------------------------------------------------------------------


def _pdf(name: str, data: bytes) -> Source:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the user's
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DraftError(f"{name} is password-protected: save a copy without the "
                             "password and import that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DraftError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise DraftError(f"{name} is not a readable PDF ({error})") from None
    except Exception as error:  # pypdf raises many kinds on a damaged file
        if "crypt" in str(error).lower() or "password" in str(error).lower():
            raise DraftError(f"{name} is password-protected: save a copy without the "
                             "password and import that") from None
        raise DraftError(f"{name} is a damaged PDF ({type(error).__name__})") from None
    lines: list[str] = []
    notes = [f"{len(pages)} pages"]
    for page in pages:
        # The text layer separates words with tabs and keeps the font's ligatures ("ﬃ").
        text = page.replace("\r", "\n").replace("\t", " ")
        if any(chr(code) in text for code in LIGATURES):
            text = text.translate(LIGATURES)
            if "ligatures spelt out" not in notes:
                notes.append("ligatures spelt out")
        lines += text.split("\n")
        lines.append("\f")  # a page break the repairs know about
    return Source(lines, "line", notes=notes)


LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st",
                           "ﬆ": "st"})
