"""The main window. For now it lists the corpus's instruments and their paragraph counts;
the reading panes come with the reading-window work."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from desktop.core.corpus import Corpus
from desktop.ui.instruments_model import InstrumentsModel


class MainWindow(QMainWindow):
    def __init__(self, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Concordia"))
        self.model = InstrumentsModel(corpus, self)
        self.table = QTableView(self)
        self.table.setObjectName("instrumentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        intro = QLabel(self.tr("The instruments in this corpus. The reading panes are not "
                               "built yet; use <code>concordia show UNIT</code> to read a "
                               "paragraph."), self)
        intro.setWordWrap(True)
        intro.setObjectName("introLabel")

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        units = sum(1 for _ in corpus.unit_ids())
        self.statusBar().showMessage(
            self.tr("{instruments} instruments, {units} units").format(
                instruments=self.model.rowCount(), units=units))

    def select_instrument(self, instrument_id: str) -> bool:
        row = self.model.row_of(instrument_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True
