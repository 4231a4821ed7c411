"""The About box: the version, and where each text comes from (symbols and dates from the
corpus metadata)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.model import Instrument


def _tr(text: str) -> str:
    return QCoreApplication.translate("AboutDialog", text)


def about_html(version: str, instruments: list[Instrument]) -> str:
    rows = []
    for instrument in instruments:
        facts = [fact for fact in (instrument.symbol, instrument.adopted, instrument.body) if fact]
        detail = html.escape(", ".join(facts)) if facts else _tr("symbol and date not stated "
                                                                 "by the source")
        rows.append(f"<li><b>{html.escape(instrument.short_title)}</b> — "
                    f"{html.escape(instrument.title)}<br><small>{detail}</small></li>")
    return (
        f"<h3>Concordia {html.escape(version)}</h3>"
        "<p>" + _tr("An offline reader and annotator for the United Nations drug-policy "
                    "instruments.") +
        f"</p><p>{_tr('The texts in this edition:')}</p><ul>{''.join(rows)}</ul>"
        f"<p><small>{_tr('Repairs of the converted sources are marked in the text and listed by')}"
        " <code>concordia corpus check</code>.</small></p>")


def show_about(parent: QWidget, version: str, instruments: list[Instrument]) -> None:
    QMessageBox.about(parent, _tr("About Concordia"), about_html(version, instruments))
