"""The one message for a name the user typed that is not there — an instrument id or a
category — so `search -i poa`, `notes list --instrument poa`, `export --category "Red lines"`
and the rest all say the same, with what was probably meant."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def _likely(typed: str, known: Sequence[str]) -> str | None:
    folded = typed.strip().casefold()
    starting = [name for name in known if name.casefold().startswith(folded)] if folded else []
    if len(starting) == 1:
        return starting[0]
    close = difflib.get_close_matches(folded, [name.casefold() for name in known], n=1,
                                      cutoff=0.75)
    return next((name for name in known if close and name.casefold() == close[0]), None)


def _message(kind: str, plural: str, typed: str, known: Sequence[str]) -> str:
    message = (f"there is no {kind} “{typed.strip()}”; the {plural} are: "
               + (", ".join(known) if known else "(none)"))
    likely = _likely(typed, known)
    return message + (f" (did you mean “{likely}”?)" if likely else "")


def unknown_instrument(typed: str, ids: Sequence[str]) -> str:
    return _message("instrument", "instruments", typed, ids)


def unknown_category(typed: str, names: Sequence[str]) -> str:
    return _message("category", "categories", typed, names)
