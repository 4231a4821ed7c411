"""Drafts built for the tests, in each format a delegate receives: typed numbers, Word's
automatic numbering (from a list style, inherited through `basedOn`), bis paragraphs, square
brackets, footnotes, and text pasted from a PDF."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# UNGASS 2016, para. 1 (b), as agreed; para. 1 (m) with a new ending; and new wording.
AGREED = ("Also take effective and practical measures to prevent progression to severe drug "
          "use disorders through appropriately targeted early interventions for people at "
          "risk of such progression")
CHANGED = ("Promote the inclusion in national drug policies, in accordance with national "
           "legislation and as appropriate, of elements for the prevention and treatment of "
           "drug overdose, in particular opioid overdose, including the use of opioid receptor "
           "antagonists such as naloxone, and make naloxone available without prescription in "
           "pharmacies and community settings")

TYPED = f"""Commission on Narcotic Drugs
Sixty-eighth session
Vienna, 10–14 March 2025
Agenda item 5
Draft resolution

Promoting evidence-based prevention and treatment

The Commission on Narcotic Drugs,

Recalling the outcome document of the thirtieth special session of the General Assembly,<sup>1</sup>

Reaffirming its commitment to [promoting] health and welfare,

1. Encourages Member States to:

(a) {AGREED};

(b) {CHANGED} [in all regions];

(c) Develop treatment programmes, including:

(i) Outreach to young people in schools and universities;

(ii) Aftercare for persons released from prison settings;

1 bis. Invites the Executive Director to report on the matter at its next session;

2. Decides to remain seized of the matter.

<sup>1</sup> General Assembly resolution S-30/1, annex.
"""


def write_typed(path: Path) -> Path:
    path.write_text(TYPED, encoding="utf-8")
    return path


NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>
    <w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"""

FOOTNOTES = f"""<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>
</w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>
</w:r></w:p></w:footnote>
<w:footnote w:id="4"><w:p><w:r><w:t>General Assembly resolution S-30/1, annex.</w:t></w:r>
</w:p></w:footnote>
</w:footnotes>"""


def write_docx(path: Path) -> Path:
    """Operative paragraphs numbered by Word only: the style "Operative" is based on
    "Operative Base", which carries the list (so the number is inherited); subparagraphs
    carry the list's deeper levels directly. "1 bis." is typed by hand."""
    document = Document()
    numbering = document.part.numbering_part
    numbering._element = parse_xml(NUMBERING)
    styles = document.styles
    base = styles.add_style("Operative Base", 1)
    base.base_style = styles["Normal"]
    ppr = base.element.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W}><w:numId w:val="3"/></w:numPr>'))
    operative = styles.add_style("Operative", 1)
    operative.base_style = base
    footnotes = Part(PackURI("/word/footnotes.xml"),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml."
                     "footnotes+xml", FOOTNOTES.encode(), document.part.package)
    document.part.relate_to(footnotes, RELATIONSHIP_TYPE.FOOTNOTES)

    document.add_paragraph("E/CN.7/2025/L.5")
    document.add_paragraph("Commission on Narcotic Drugs")
    document.add_paragraph("Sixty-eighth session")
    document.add_paragraph("Draft resolution")
    document.add_paragraph("Promoting evidence-based prevention and treatment")
    document.add_paragraph("The Commission on Narcotic Drugs,")
    recalling = document.add_paragraph()
    recalling.add_run("Recalling").italic = True
    recalling.add_run(" the outcome document of the thirtieth special session of the "
                      "General Assembly,")
    recalling.runs[-1]._r.append(parse_xml(f'<w:footnoteReference {W} w:id="4"/>'))
    document.add_paragraph("Reaffirming its commitment to [promoting] health and welfare,")
    first = document.add_paragraph(style="Operative")
    first.add_run("Encourages").italic = True
    first.add_run(" Member States to:")
    for text, level in ((AGREED + ";", 1), (CHANGED + ";", 1),
                        ("Develop treatment programmes, including:", 1),
                        ("Outreach to young people in schools and universities;", 2),
                        ("Aftercare for persons released from prison settings;", 2)):
        sub = document.add_paragraph(text)
        sub._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>'))
    bis = document.add_paragraph("1 bis. ")
    bis.add_run("Invites").italic = True
    bis.add_run(" the Executive Director to report on the matter at its next session;")
    last = document.add_paragraph(style="Operative")
    last.add_run("Decides").italic = True
    last.add_run(" to remain seized of the matter.")
    document.save(str(path))
    assert qn("w:numPr")  # the namespace helper is python-docx's own
    return path


def wrapped(text: str, width: int = 86) -> list[str]:
    """`text` hard-wrapped as a PDF's text layer gives it."""
    import textwrap

    return textwrap.wrap(text, width=width, break_on_hyphens=False)


# The typed draft as a two-page PDF prints it: the symbol at each page's top, a page number
# at its foot, the footnote at the foot of page 1 with its call glued to the word before it,
# paragraphs hard-wrapped with no blank line between them.
PDF_PAGES: list[list[str]] = [
    ["E/CN.7/2025/L.5", "Commission on Narcotic Drugs", "Sixty-eighth session",
     "Draft resolution", "Promoting evidence-based prevention and treatment",
     "The Commission on Narcotic Drugs,",
     *wrapped("Recalling the outcome document of the thirtieth special session of the General "
              "Assembly1,"),
     "Reaffirming its commitment to [promoting] health and welfare,",
     "1. Encourages Member States to:",
     *wrapped(f"(a) {AGREED};"),
     "1 General Assembly resolution S-30/1, annex.", "1/2"],
    ["E/CN.7/2025/L.5",
     *wrapped(f"(b) {CHANGED};"),
     "1 bis. Invites the Executive Director to report on the matter at its next session;",
     "2. Decides to remain seized of the matter.", "2/2"],
]


def write_pdf(path: Path, pages: list[list[str]] = PDF_PAGES) -> Path:
    """A PDF with a text layer, drawn line by line with Qt's QPdfWriter."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)))
    writer.setResolution(300)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 9))
    step = painter.fontMetrics().height() * 2
    for number, lines in enumerate(pages):
        if number:
            writer.newPage()
        for index, line in enumerate(lines, start=1):
            painter.drawText(0, index * step, line)
    painter.end()
    return path
