"""Accessible names for the window's controls that show no text of their own (a filter box, a
list, a tree, the text of a pane), so a screen reader says what each one is.

One table, by object name: the widgets are made in many modules, and their names are what a
screen reader reads, so they are kept (and translated) together. A widget that already has a
name keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

CONTEXT = "Accessibility"
NAMES = {
    "chapterFilter": QT_TRANSLATE_NOOP("Accessibility", "Filter chapters and paragraphs"),
    "chapterTree": QT_TRANSLATE_NOOP("Accessibility", "Chapters"),
    "chapterOpening": QT_TRANSLATE_NOOP("Accessibility", "Paragraphs opening with"),
    "searchOpening": QT_TRANSLATE_NOOP("Accessibility", "Paragraphs opening with"),
    "searchField": QT_TRANSLATE_NOOP("Accessibility", "Search the instruments"),
    "searchInstrument": QT_TRANSLATE_NOOP("Accessibility", "Search in instrument"),
    "searchPart": QT_TRANSLATE_NOOP("Accessibility", "Search in part"),
    "searchResults": QT_TRANSLATE_NOOP("Accessibility", "Search results"),
    "linkKind": QT_TRANSLATE_NOOP("Accessibility", "Kind of link shown"),
    "linksList": QT_TRANSLATE_NOOP("Accessibility", "Corresponding units"),
    "goToField": QT_TRANSLATE_NOOP("Accessibility", "Go to citation"),
    "goToList": QT_TRANSLATE_NOOP("Accessibility", "Citations matching what is typed"),
    "annotationsFilter": QT_TRANSLATE_NOOP("Accessibility", "Filter annotations"),
    "annotationsList": QT_TRANSLATE_NOOP("Accessibility", "Annotations"),
    "reviewList": QT_TRANSLATE_NOOP("Accessibility", "Annotations to review"),
    "trashList": QT_TRANSLATE_NOOP("Accessibility", "Trash"),
    "noteCategory": QT_TRANSLATE_NOOP("Accessibility", "Category of the note"),
    "noteText": QT_TRANSLATE_NOOP("Accessibility", "Note text"),
    "noteTags": QT_TRANSLATE_NOOP("Accessibility", "Tags of the note"),
    "meetingField": QT_TRANSLATE_NOOP("Accessibility", "Current meeting"),
    "agreedList": QT_TRANSLATE_NOOP("Accessibility", "Where this wording was agreed"),
}


def name_controls(root: QWidget) -> None:
    """Give every control under `root` that the table names its accessible name."""
    for widget in root.findChildren(QWidget):
        name = NAMES.get(widget.objectName())
        if name and not widget.accessibleName():
            widget.setAccessibleName(QCoreApplication.translate(CONTEXT, name))
