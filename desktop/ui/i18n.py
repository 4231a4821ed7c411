"""The interface's language: Concordia's own translation (resources/i18n/concordia_CODE.qm,
made with pyside6-lupdate and pyside6-lrelease) and Qt's for its standard dialogs, chosen by
`--lang CODE`, else Preferences, else the system's language. The instruments' texts and their
citations stay in English whatever the language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import paths

SOURCE_LANGUAGE = "en"
_installed: list[QTranslator] = []
_current = [SOURCE_LANGUAGE]  # the language install() last set up


def i18n_dir() -> Path:
    return paths.resources_dir() / "i18n"


def available() -> list[str]:
    """The languages the interface can be shown in: English and every shipped translation."""
    shipped = sorted(path.stem.removeprefix("concordia_")
                     for path in i18n_dir().glob("concordia_*.qm"))
    return [SOURCE_LANGUAGE, *shipped]


def wanted(command_line: str | None, preference: str) -> str:
    """The language to show: the command line's, else the preference, else the system's."""
    code = (command_line or preference or QLocale.system().name()).split("_")[0].lower()
    return code if code in available() else SOURCE_LANGUAGE


def current() -> str:
    """The language the interface is shown in (the guide opens in it, where translated)."""
    return _current[0]


def install(app: QCoreApplication, code: str) -> list[QTranslator]:
    """Load the translations of `code` into the application; the translators are returned
    to be kept alive. English needs none."""
    _current[0] = code
    if code == SOURCE_LANGUAGE:
        return []
    loaded = []
    own = QTranslator(app)
    if own.load(str(i18n_dir() / f"concordia_{code}.qm")):
        loaded.append(own)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        loaded.append(qt)
    for translator in loaded:
        app.installTranslator(translator)
    _installed.extend(loaded)  # kept alive as long as the application
    return loaded
