"""Search results as rows: the unit's citation, the snippet with the match marked, and the
instrument (desktop.core.search does the searching)."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from desktop.core.search import Hit
from desktop.ui.docks.rows_model import Row, RowsModel
from desktop.ui.document_source import DocumentSource


def as_you_type(text: str) -> str:
    """The query for what is typed so far: a last word still being typed is a prefix
    ("traff" finds "trafficking"), once it has three letters and no quote is left open."""
    if text.count('"') % 2 == 0 and re.search(r"\w{3}$", text):
        return text + "*"
    return text


class SearchModel(RowsModel):
    def __init__(self, source: DocumentSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source

    def set_hits(self, hits: list[Hit]) -> None:
        self.set_rows([Row(title=self._source.citation(hit.unit), lines=(hit.snippet,),
                           note=self._source.instrument_title(hit.instrument), unit=hit.unit,
                           kind="hit") for hit in hits])
