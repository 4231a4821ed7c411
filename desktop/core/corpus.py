"""Read-only access to corpus.sqlite: instruments, units, footnotes, repairs, slips."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.model import ConcordanceToken, Footnote, Instrument, Link, Repair, Slip, Unit

if TYPE_CHECKING:  # loaded when first searched or asked where text was agreed, not at start
    from desktop.core.agreed import Finder, Found, Vocabulary
    from desktop.core.search import Hit

_UNIT_COLUMNS = ("id, instrument, kind, parent, seq, label, text, rich, role, level, "
                 "line_start, line_end, opening")

_LINK_COLUMNS = "source, target, kind, raw, line, note, relation, score, shared"


class CorpusError(Exception):
    """The corpus file is missing or unreadable."""


def damaged(path: Path, detail: str) -> CorpusError:
    """The one message for a damaged corpus, with what to do."""
    detail = " ".join(detail.split())  # SQLite's reports run over several lines
    detail = detail if len(detail) <= 160 else detail[:159] + "…"
    return CorpusError(f"the corpus {path} is damaged ({detail}): reinstall Concordia (in a "
                       "checkout, `git checkout corpus.sqlite` or `concordia corpus build`). "
                       "Your notes are kept apart and are not affected.")


class _Provenance(Mapping[str, str]):
    """An instrument's provenance, read from its JSON when first looked at: the window lists
    the instruments before its first paint, and never looks at their provenance then (json
    is not imported for it)."""

    __slots__ = ("_parsed", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._parsed: dict[str, str] | None = None

    def _data(self) -> dict[str, str]:
        if self._parsed is None:
            import json

            self._parsed = dict(json.loads(self._text))
        return self._parsed

    def __getitem__(self, key: str) -> str:
        return self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def __repr__(self) -> str:
        return repr(self._data())


def _quick_check(connection: sqlite3.Connection) -> str:
    """SQLite's quick integrity check: "ok", or what is wrong."""
    try:
        return str(connection.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as error:  # a page too damaged to be checked
        return str(error)


def check_beside(path: Path) -> Callable[[], str | None]:
    """Start the corpus's quick integrity check on a thread of its own (its own connection)
    and return what waits for its answer: "ok", what is wrong, or None if it could not run
    (Corpus.open then checks itself). The window starts it before importing Qt, so the check
    runs beside that import: SQLite lets go of Python's lock while it reads."""
    import threading

    answer: list[str | None] = [None]

    def run() -> None:
        try:
            connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        except sqlite3.Error:
            return  # Corpus.open says what is wrong with the file
        try:
            answer[0] = _quick_check(connection)
        finally:
            connection.close()

    thread = threading.Thread(target=run, name="corpus check", daemon=True)
    thread.start()

    def checked() -> str | None:
        thread.join()
        return answer[0]

    return checked


class Corpus:
    """The shipped corpus, opened read-only (any write fails at the SQLite level), and the
    user's imported instruments beside it (desktop.core.drafts.store): one read API."""

    def __init__(self, connection: sqlite3.Connection, path: Path,
                 user: Path | None = None) -> None:
        self._db = connection
        self.path = path
        self.user_path = user
        self._instruments: dict[str, Instrument] | None = None
        self._finder: Finder | None = None
        self._user_db: sqlite3.Connection | None = None
        if user is not None:
            self._attach_user()

    @classmethod
    def open(cls, path: Path, user: Path | None = None,
             checked: Callable[[], str | None] | None = None) -> Corpus:
        """Open read-only, after SQLite's quick integrity check (about 2 ms for the shipped
        corpus): a damaged page is found here, with one message, not in the middle of
        drawing the window. `checked` gives the answer of a check already under way
        (`check_beside`); None from it, or no `checked`, runs the check here."""
        if not path.is_file():
            raise CorpusError(f"the corpus {path} is missing: run `concordia corpus build`")
        try:
            connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise CorpusError(f"the corpus {path} cannot be opened ({error})") from None
        try:
            connection.execute("SELECT 1 FROM units LIMIT 1")
        except sqlite3.DatabaseError as error:
            connection.close()
            raise damaged(path, str(error)) from None
        check = checked() if checked is not None else None
        if check is None:
            check = _quick_check(connection)
        if check != "ok":
            connection.close()
            raise damaged(path, f"its integrity check failed: {check}")
        try:
            return cls(connection, path, user)
        except CorpusError:
            connection.close()
            raise

    def close(self) -> None:
        if self._user_db is not None:
            self._user_db.close()
        self._db.close()

    def _attach_user(self) -> None:
        """Attach the imported instruments, if any; CorpusError if they cannot be read."""
        assert self.user_path is not None
        if not self.user_path.is_file():
            return  # nothing imported: the drafts' modules are not even loaded
        from desktop.core.drafts import store as user_store

        try:
            attached = user_store.attach(self._db, self.user_path)
        except user_store.UserCorpusError as error:
            raise CorpusError(str(error)) from None
        if attached:
            self._user_db = sqlite3.connect(f"file:{self.user_path.as_posix()}?mode=ro",
                                            uri=True)

    def reload_user(self) -> None:
        """Read the imported instruments again (after an import or a removal)."""
        if self.user_path is None:
            return
        from desktop.core.drafts import store as user_store

        user_store.detach(self._db)
        if self._user_db is not None:
            self._user_db.close()
            self._user_db = None
        self._instruments = None
        self._attach_user()

    def imported(self) -> list[str]:
        """The ids of the user's imported instruments, in import order."""
        if self._user_db is None:
            return []
        from desktop.core.drafts import store as user_store

        return user_store.instrument_ids(self._user_db)

    # -- instruments --------------------------------------------------------------------

    def instruments(self) -> list[Instrument]:
        if self._instruments is None:
            rows = self._db.execute(
                "SELECT id, title, short_title, symbol, adopted, body, source, seq, "
                "citation_prefix, provenance FROM instruments ORDER BY seq").fetchall()
            self._instruments = {
                row[0]: Instrument(id=row[0], title=row[1], short_title=row[2], symbol=row[3],
                                   adopted=row[4], body=row[5], source=row[6], seq=row[7],
                                   citation_prefix=row[8], provenance=_Provenance(row[9]))
                for row in rows}
            if self._user_db is not None:  # an imported instrument's short forms
                from desktop.core.drafts import store as user_store

                for record in user_store.records(self._user_db):
                    found = self._instruments.get(record.instrument)
                    if found is not None and record.aliases:
                        self._instruments[record.instrument] = found._replace(
                            aliases=record.aliases)
        return list(self._instruments.values())

    def instrument(self, instrument_id: str) -> Instrument | None:
        self.instruments()
        assert self._instruments is not None
        return self._instruments.get(instrument_id)

    # -- units --------------------------------------------------------------------------

    def unit(self, unit_id: str) -> Unit | None:
        row = self._db.execute(f"SELECT {_UNIT_COLUMNS} FROM units WHERE id = ?",
                               (unit_id,)).fetchone()
        return Unit(*row) if row else None

    def units(self, instrument: str) -> list[Unit]:
        rows = self._db.execute(
            f"SELECT {_UNIT_COLUMNS} FROM units WHERE instrument = ? ORDER BY seq",
            (instrument,)).fetchall()
        return [Unit(*row) for row in rows]

    def children(self, unit_id: str) -> list[Unit]:
        rows = self._db.execute(
            f"SELECT {_UNIT_COLUMNS} FROM units WHERE parent = ? ORDER BY seq",
            (unit_id,)).fetchall()
        return [Unit(*row) for row in rows]

    def unit_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM units ORDER BY rowid")]

    def count(self, instrument: str, kind: str) -> int:
        return self._db.execute("SELECT count(*) FROM units WHERE instrument = ? AND kind = ?",
                                (instrument, kind)).fetchone()[0]

    # -- apparatus ----------------------------------------------------------------------

    def footnotes_of(self, unit_id: str) -> list[Footnote]:
        rows = self._db.execute(
            "SELECT f.id, f.instrument, f.number, f.text, f.rich, f.line FROM footnote_calls c "
            "JOIN footnotes f ON f.id = c.footnote WHERE c.unit = ? ORDER BY c.seq",
            (unit_id,)).fetchall()
        return [Footnote(*row) for row in rows]

    def footnotes(self, instrument: str | None = None) -> list[Footnote]:
        query = "SELECT id, instrument, number, text, rich, line FROM footnotes"
        rows = (self._db.execute(query + " WHERE instrument = ? ORDER BY line", (instrument,))
                if instrument else self._db.execute(query + " ORDER BY instrument, line"))
        return [Footnote(*row) for row in rows.fetchall()]

    def repairs(self, unit_id: str | None = None) -> list[Repair]:
        query = "SELECT instrument, unit, line, rule, detail FROM repairs"
        rows = (self._db.execute(query + " WHERE unit = ? ORDER BY id", (unit_id,))
                if unit_id else self._db.execute(query + " ORDER BY id"))
        return [Repair(*row) for row in rows.fetchall()]

    def repair_sources(self) -> list[tuple[str, Repair]]:
        rows = self._db.execute(
            "SELECT source, instrument, unit, line, rule, detail FROM repairs ORDER BY id")
        return [(row[0], Repair(*row[1:])) for row in rows.fetchall()]

    def slips(self, target: str | None = None) -> list[Slip]:
        query = "SELECT target, line, detail FROM slips"
        rows = (self._db.execute(query + " WHERE target = ? ORDER BY id", (target,))
                if target else self._db.execute(query + " ORDER BY id"))
        return [Slip(*row) for row in rows.fetchall()]

    # -- links ------------------------------------------------------------------------

    def links(self, unit_id: str) -> list[Link]:
        """Links from or to the unit (both directions), in table order."""
        rows = self._db.execute(
            f"SELECT {_LINK_COLUMNS} FROM links "
            "WHERE source = ? OR target = ? ORDER BY line IS NULL, line, rowid", (unit_id, unit_id))
        return [Link(*row) for row in rows.fetchall()]

    def all_links(self, kind: str | None = None) -> list[Link]:
        query = f"SELECT {_LINK_COLUMNS} FROM links"
        rows = (self._db.execute(query + " WHERE kind = ? ORDER BY rowid", (kind,)) if kind
                else self._db.execute(query + " ORDER BY rowid"))
        return [Link(*row) for row in rows.fetchall()]

    def concordance_tokens(self) -> list[ConcordanceToken]:
        rows = self._db.execute(
            "SELECT line, seq, raw, unit, outcome, rule, target, detail "
            "FROM concordance_tokens ORDER BY line, seq")
        return [ConcordanceToken(*row) for row in rows.fetchall()]

    # -- search -------------------------------------------------------------------------

    def search(self, text: str, instruments: tuple[str, ...] = (), part: str | None = None,
               limit: int = 20, opening: str | None = None) -> list[Hit]:
        """Units whose text matches `text` (see desktop.core.search), best first. A damaged
        full-text index (which the quick check does not read) raises CorpusError."""
        from desktop.core.search import search

        try:
            hits = search(self._db, text, instruments, part, limit, opening)
            if self._user_db is not None:  # imported instruments: their own index
                hits = sorted([*hits, *search(self._user_db, text, instruments, part, limit,
                                              opening)], key=lambda hit: -hit.score)[:limit]
            return hits
        except sqlite3.DatabaseError as error:
            text = str(error).lower()
            if isinstance(error, sqlite3.OperationalError) and not (
                    "malformed" in text or "corrupt" in text):
                raise
            raise damaged(self.path, f"its full-text index: {error}") from None

    def openings(self) -> list[tuple[str, int]]:
        """The operative verb phrases and preambular participles as printed, with how many
        paragraphs open with each, the most frequent first."""
        return [(row[0], row[1]) for row in self._db.execute(
            "SELECT opening, count(*) FROM units WHERE opening IS NOT NULL AND opening != '' "
            "GROUP BY opening ORDER BY count(*) DESC, opening")]

    def provenance(self, text: str, instruments: tuple[str, ...] = (),
                   unit: str | None = None) -> list[Found]:
        """Units carrying `text`'s wording, best first (see desktop.core.agreed)."""
        return self._agreed().find(text, instruments, unit)

    def vocabulary(self) -> Vocabulary:
        """Word weights of the shipped corpus (agreed language weighs drafts by them too)."""
        return self._agreed().vocabulary

    def _agreed(self) -> Finder:
        if self._finder is None:
            from desktop.core.agreed import Finder

            self._finder = Finder(self._db)
        return self._finder

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None
