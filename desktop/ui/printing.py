"""Printing the focused pane, or the units selected in it, through Qt's print dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.document_pane import DocumentPane

DialogFactory = Callable[[QPrinter, QWidget], QPrintDialog]


def print_pane(pane: DocumentPane, parent: QWidget,
               make_dialog: DialogFactory | None = None) -> bool:
    """Ask where and what to print; print the whole instrument, the selection's units, or the
    pages chosen in the dialog. Returns whether anything was printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pane.title())
    dialog = (make_dialog or QPrintDialog)(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Print {title}").format(
        title=pane.title()))
    has_selection = bool(pane.view.selected_units())
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, has_selection)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if has_selection:
        printer.setPrintRange(QPrinter.PrintRange.Selection)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    selection = printer.printRange() == QPrinter.PrintRange.Selection
    pane.print_document(selection_only=selection).print_(printer)
    return True
