"""The bar above the panes that says, once, that the notes cannot be used as they are (locked
by another program, damaged, read-only): reading goes on, and what the reader types in a
note stays in the editor until the store takes it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop.ui import i18n
from desktop.ui.lazy_qt import set_enum


class StoreBar(QFrame):
    retry_requested = Signal()
    recover_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.message = QLabel(self)
        self.message.setObjectName("storeBarMessage")
        self.message.setWordWrap(True)
        set_enum(self.message, "textFormat", "PlainText")
        self.retry = QPushButton(self.tr("Try again"), self)
        self.retry.clicked.connect(self.retry_requested)
        self.recover = QPushButton(self.tr("Recover…"), self)
        self.recover.setObjectName("storeBarRecover")
        self.recover.clicked.connect(self.recover_requested)
        self.recover.hide()
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.recover)
        layout.addWidget(self.retry)
        layout.addWidget(close)
        self.hide()

    def show_problem(self, message: str, can_recover: bool = False,
                     error: BaseException | None = None) -> None:
        """Say what happened to the notes ("" hides the bar: the store works again);
        `can_recover` offers Recover… (the notes are damaged and backups can mend them).
        In another language than English the bar says what kind of problem it is in that
        language, the store's own sentence (which names the file) in its tooltip."""
        self.recover.setVisible(can_recover)
        self.retry.show()
        if not message:
            self.hide()
            return
        first = message[:1].upper() + message[1:]
        said = self._kind(error) if i18n.current() != i18n.SOURCE_LANGUAGE else ""
        self.message.setText(self.tr("%s Reading goes on; a note you type stays in its editor "
                                     "until it can be saved.") % (said or first.rstrip()))
        self.message.setToolTip(first if said else "")
        self.show()

    def _kind(self, error: BaseException | None) -> str:
        """The problem in the interface's language, by its kind ("" if not known)."""
        from desktop.core.notes import errors

        kinds = (
            (errors.StoreCorrupt, self.tr("Your notes database is damaged; it was left as it "
                                          "was.")),
            (errors.StoreTooNew, self.tr("Your notes database was written by a newer "
                                         "Concordia; it was left as it was.")),
            (errors.StoreForeign, self.tr("The notes file is not a Concordia notes database; "
                                          "it was left as it was.")),
            (errors.StoreReplaced, self.tr("Your notes database was replaced by a recovery.")),
            (errors.StoreLocked, self.tr("Your notes are in use by another window or program; "
                                         "nothing was changed.")),
            (errors.StoreWriteFailed, self.tr("Your notes could not be written (the disk is "
                                              "full or read-only); nothing was changed.")),
            (errors.StoreUnavailable, self.tr("Your notes database cannot be opened; it was "
                                              "left as it was.")),
        )
        return next((text for kind, text in kinds if isinstance(error, kind)), "")

    def show_corpus_problem(self, message: str) -> None:
        """The shipped texts could not be read while the window was open (a damaged page the
        check at start did not reach): what happened and what to do."""
        self.recover.hide()
        self.retry.hide()
        first = message[:1].upper() + message[1:]
        self.message.setText(first)
        self.show()


class ReviewBar(QFrame):
    """Says how many annotations wait for review after the corpus changed, with a way there."""

    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.message = QLabel(self)
        self.message.setObjectName("reviewBarMessage")
        self.message.setWordWrap(True)
        button = QPushButton(self.tr("Review…"), self)
        button.clicked.connect(self.review_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(button)
        self.hide()

    def show_count(self, count: int) -> None:
        if count <= 0:
            self.hide()
            return
        if count == 1:
            text = self.tr("The corpus changed: 1 annotation needs your review. It stays as "
                           "it was until you decide.")
        else:
            text = self.tr("The corpus changed: %d annotations need your review. Each stays "
                           "as it was until you decide.") % count
        self.message.setText(text)
        self.show()
