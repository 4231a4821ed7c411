"""The shape a complete source has, checked before a build replaces the corpus.

A source cut short at the end (a failed copy, a sync tool) still parses: without this check
the build would replace a good corpus with one missing the end of an instrument or of the
concordance table. Only the shape is checked — each instrument's last paragraph ends as a
paragraph ends, no instrument has fewer units and the table no fewer rows than the complete
sources give (sources.py) — so a source edited on purpose, a word changed, still builds.
"""

from __future__ import annotations

from desktop.core.ingest.parse import Parsed, SourceError
from desktop.core.ingest.sources import CONCORDANCE_FILE, CONCORDANCE_ROWS, EXPECTED_UNITS

# How a paragraph, a subparagraph or a preambular paragraph ends in these instruments.
_ENDINGS = (".", ";", ":", ",", "!", "?", ")", "”", "’", '"')
_TEXT_KINDS = ("paragraph", "subparagraph", "preamble")


def check_shape(parsed: Parsed) -> None:
    """Raise SourceError, naming the source, its line and its digest, if one looks cut."""
    source_of = {instrument.id: instrument.source for instrument in parsed.instruments}
    for instrument, expected in EXPECTED_UNITS.items():
        units = [u for u in parsed.units if u.instrument == instrument]
        source = source_of.get(instrument, "")
        if len(units) < expected:
            raise _cut(parsed, source, units[-1].line_end if units else 0,
                       f"{instrument} has {len(units)} units where the complete source "
                       f"gives {expected}")
        text = [u for u in units if u.kind in _TEXT_KINDS]
        if text and not text[-1].text.rstrip().endswith(_ENDINGS):
            last = text[-1]
            raise _cut(parsed, source, last.line_end,
                       f"the last paragraph of {instrument} ({last.id}) ends “…"
                       f"{last.text.rstrip()[-30:]}”, not as a paragraph ends")
    if parsed.concordance_rows < CONCORDANCE_ROWS:
        raise _cut(parsed, CONCORDANCE_FILE, 0,
                   f"the table has {parsed.concordance_rows} rows where the complete source "
                   f"gives {CONCORDANCE_ROWS}")


def _cut(parsed: Parsed, source: str, line: int, what: str) -> SourceError:
    digest = parsed.source_hashes.get(source, "?")
    return SourceError(source, line, f"{what}: the source looks truncated (its sha256 is "
                                     f"{digest})")
