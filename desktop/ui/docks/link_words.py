"""How the window words a link's relation ("the same words", "changed"): said by the links
panel, the agreed-language panel and a pane's sync bar, which may say it before the window's
first paint (a restored leader), without loading the panels' models."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def relation_name(relation: str | None) -> str:
    """How a restatement's wording relates, as the panel says it."""
    names = {"same": QCoreApplication.translate("LinksModel", "the same words"),
             "changed": QCoreApplication.translate("LinksModel", "changed"),
             "partial": QCoreApplication.translate("LinksModel", "partly shared")}
    return names.get(relation or "", relation or "")
