"""The links panel's rows: every unit corresponding to the current unit, in every instrument
the links relate, with its citation, first words, link kind and the table's printed reference
(or, for agreed wording, how the wording relates and its score);
and, per instrument, a line where there is no counterpart or the unit is not covered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from desktop.core.correspondence import (
    INDIRECT,
    LINKED,
    NO_COUNTERPART,
    NOT_COVERED,
    RESTATES,
    Correspondence,
    Reference,
    Target,
)
from desktop.ui.docks.link_words import relation_name
from desktop.ui.docks.rows_model import Row, RowsModel
from desktop.ui.document_source import DocumentSource

INDIRECT_KIND = "indirect"  # the pseudo-kind of links through an intermediate instrument
STATUS_KIND = "status"  # a line that leads nowhere: "no counterpart", "not covered"
FIRST_WORDS = 90


def kind_name(kind: str) -> str:
    """A link kind as the panel names it."""
    names = {"concordance": QCoreApplication.translate("LinksModel", "concordance table"),
             RESTATES: QCoreApplication.translate("LinksModel", "agreed wording"),
             INDIRECT_KIND: QCoreApplication.translate("LinksModel", "indirect")}
    return names.get(kind, kind)


class LinksModel(RowsModel):
    def __init__(self, source: DocumentSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._unit: str | None = None
        self._kind: str | None = None  # the kind shown (None: all)
        self._results: list[Correspondence] = []

    def unit(self) -> str | None:
        return self._unit

    def kinds(self) -> list[str]:
        """The kinds the filter offers: the corpus's link kinds, then "indirect"."""
        return [*self._source.correspondences().kinds(), INDIRECT_KIND]

    def set_unit(self, unit_id: str | None) -> None:
        self._unit = unit_id
        index = self._source.correspondences()
        unit = self._source.unit(unit_id) if unit_id else None
        covered = unit is not None and unit.instrument in index.instruments
        self._results = index.find_all(unit.id) if unit is not None and covered else []
        self._fill()

    def set_kind(self, kind: str | None) -> None:
        self._kind = kind
        self._fill()

    def kind(self) -> str | None:
        return self._kind

    def target_count(self) -> int:
        """How many corresponding units there are, whatever the filter."""
        return sum(len(r.targets) for r in self._results if r.status in (LINKED, INDIRECT))

    def _fill(self) -> None:
        rows: list[Row] = []
        for result in self._results:
            if result.status in (LINKED, INDIRECT):
                rows.extend(self._row(target) for target in result.targets
                            if self._kind in (None, *self._kinds_of(target)))
            elif self._kind is None and result.status in (NO_COUNTERPART, NOT_COVERED):
                rows.append(self._status_row(result))
        self.set_rows(rows)

    @staticmethod
    def _kinds_of(target: Target) -> tuple[str, ...]:
        return (INDIRECT_KIND,) if target.indirect else target.kinds

    def _row(self, target: Target) -> Row:
        unit = self._source.unit(target.unit)
        words = f"{unit.label} {unit.text}".strip() if unit else ""
        if len(words) > FIRST_WORDS:
            words = words[:FIRST_WORDS].rsplit(" ", 1)[0] + " …"
        printed = ", ".join(self._printed(reference) for reference in target.references)
        kinds = " + ".join(kind_name(kind) for kind in self._kinds_of(target))
        note = f"{kinds}: {printed}"
        if target.indirect:
            through = ", ".join(self._source.short_citation(u) for u in target.via)
            table = all(reference.kind != RESTATES for reference in target.references)
            # tr() outside the f-strings: pyside6-lupdate reads no call inside one.
            through_text, table_text = self.tr("through %s") % through, self.tr("table:")
            note = f"{kinds} · {through_text} · " + (
                f"{table_text} {printed}" if table else printed)
        return Row(title=self._source.citation(target.unit), lines=(words,), note=note,
                   unit=target.unit, kind=self._kinds_of(target)[0])

    def _printed(self, reference: Reference) -> str:
        """A link as the panel cites it: the table's printed reference, or for agreed wording
        how it relates and its score."""
        if reference.kind == RESTATES:
            return self.tr("%s, score %.2f") % (relation_name(reference.relation),
                                                 reference.score or 0.0)
        return self.tr("“%s”, line %d") % (reference.raw, reference.line or 0)

    def _status_row(self, result: Correspondence) -> Row:
        title = self._source.instrument_title(result.instrument)
        if result.status == NO_COUNTERPART:
            printed = ", ".join(self._printed(reference)
                                for reference in result.no_counterpart)
            return Row(title=self.tr("%s: no counterpart") % title,
                       note=self.tr("the concordance table says %s") % printed,
                       kind=STATUS_KIND)
        return Row(title=self.tr("%s: not covered") % title,
                   note=self.tr("no link relates anything here to this unit"),
                   kind=STATUS_KIND)
