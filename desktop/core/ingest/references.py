"""Reference tokens of the concordance table, and how each resolves to a unit.

The right column of the table cites Political Declaration items ("OP 23", "Target 36.c",
"PP 9") and Plan of Action items ("Action 4.a", "Action 51.b.v", "Action 12"), or says there
is none ("N/A", "-"). OCR and extraction damaged many of them. Each token is resolved by the
first rule that applies, and the rule is recorded; a reference to a unit that does not exist
is reported, never guessed into a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

KEYWORDS = {"op": "pd2009", "target": "pd2009", "pp": "pd2009", "action": "poa2009"}
# Keywords as OCR printed them: a misspelling is accepted when it is one letter away.
_KEYWORD_START = re.compile(r"\b(?:A[nc]tion|OP|Target|PP)\b|\bOP(?=\d)|N/A", re.I)
_STRUCTURED = re.compile(
    r"^(?P<kw>[A-Za-z]+)\s*\.?\s*(?P<num>\d{1,3})?\s*(?P<rest>(?:[.\s]*[A-Za-z0-9]{1,4}\b)*)"
    r"(?P<trail>[\s.,;:)]*)$")
NO_COUNTERPART = {"n/a", "-"}


@dataclass(frozen=True)
class Resolution:
    outcome: str  # link | repaired | no-counterpart | noise | unresolved
    target: str | None
    rules: tuple[str, ...] = ()
    detail: str = ""
    fallback: str | None = None  # the unit as printed, when a reading replaced it


def split_tokens(cell: str) -> list[str]:
    """Split a right-hand cell into tokens: each starts at a reference keyword or marker;
    text before the first keyword, or between markers that is no reference, is a token of
    its own (noise)."""
    cell = cell.strip()
    if not cell:
        return []
    if cell == "-":  # a dash alone in a cell: the table's other way of saying "none"
        return [cell]
    starts = [m.start() for m in _KEYWORD_START.finditer(cell)]
    tokens: list[str] = []
    if not starts or starts[0] > 0:
        head = cell[: starts[0]] if starts else cell
        if head.strip():
            tokens.append(head.strip())
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(cell)
        piece = cell[start:end].strip()
        if piece:
            tokens.append(piece)
    return tokens


@dataclass(frozen=True)
class Catalogue:
    """What exists in the 2009 instruments: unit ids and Plan of Action roles."""

    ids: frozenset[str]
    roles: dict[str, str]  # poa2009 paragraph id -> problem|action
    subsection_of: dict[str, str]  # poa2009 paragraph id -> its heading id
    preamble_count: int  # preambular paragraphs of the Declaration

    @classmethod
    def build(cls, units: Iterable[tuple[str, str, str | None, str | None]]) -> Catalogue:
        """From (id, kind, role, parent) of the pd2009 and poa2009 units."""
        ids, roles, subsection_of, preamble = set(), {}, {}, 0
        for unit_id, kind, role, parent in units:
            ids.add(unit_id)
            if kind == "preamble" and unit_id.startswith("pd2009/"):
                preamble += 1
            if unit_id.startswith("poa2009/") and kind == "paragraph" and role:
                roles[unit_id] = role
                subsection_of[unit_id] = parent or ""
        return cls(frozenset(ids), roles, subsection_of, preamble)


def resolve(raw: str, catalogue: Catalogue) -> Resolution:
    token = raw.strip()
    lowered = token.lower()
    if lowered in NO_COUNTERPART:
        return Resolution("no-counterpart", None)
    match = _STRUCTURED.match(token)
    keyword = _keyword(match.group("kw")) if match else None
    if match is None or keyword is None:
        return Resolution("noise", None, detail="not a reference: no OP/Target/PP/Action "
                          "keyword")
    rules = _damage(token, match.group("kw"), keyword)
    number = match.group("num")
    parts = re.findall(r"[A-Za-z0-9]{1,4}", match.group("rest") or "")
    parts = [part.lower() for part in parts]
    instrument = KEYWORDS[keyword]
    if number is None:
        if not parts:
            return Resolution("noise", None, detail="a keyword without a paragraph")
        return _missing_number(instrument, parts, rules, catalogue)
    if keyword == "pp":
        path = f"pp{int(number)}"
        if int(number) > catalogue.preamble_count:
            rules.append("pp-for-op")
            path = str(int(number))
            if parts:
                path += "".join(f"({p})" for p in parts)
        return _finish(f"{instrument}/{path}", rules, catalogue)
    target = f"{instrument}/{int(number)}" + "".join(f"({p})" for p in parts)
    if target in catalogue.ids and not (
            keyword == "action" and not parts and catalogue.roles.get(target) == "problem"):
        return _ok(target, rules)
    if target in catalogue.ids:
        # "Action 40" names a Problem paragraph: read as its subsection's Action paragraph,
        # as the table's "Action 40.x" references must be; the paragraph as printed stays
        # the fallback if the Action paragraph's text does not fit.
        for rule, candidate in _alternatives(instrument, int(number), parts, catalogue):
            if rule == "problem-to-action" and candidate in catalogue.ids:
                return Resolution("repaired", candidate, (*rules, rule), fallback=target)
        return _ok(target, rules)
    for rule, candidate in _alternatives(instrument, int(number), parts, catalogue):
        if candidate in catalogue.ids:
            return _ok(candidate, [*rules, rule])
    return Resolution("unresolved", None, tuple(rules), _why_missing(target, instrument,
                                                                     int(number), catalogue))


_CANONICAL = {"op": "OP", "target": "Target", "pp": "PP", "action": "Action"}


def _damage(token: str, printed_keyword: str, keyword: str) -> list[str]:
    """The repair rules a token needs to read as `Keyword N.x.y`."""
    rules: list[str] = []
    if printed_keyword.lower() != keyword:
        rules.append("misspelt-keyword")
    elif printed_keyword != _CANONICAL[keyword]:
        rules.append("letter-case")
    body = token[len(printed_keyword):]
    if re.match(r"\s*[.,]", body) or re.search(r"[.,;:)]\s*$", body):
        rules.append("stray-punctuation")
    body = re.sub(r"^\s*[.,]\s*", " ", body)
    body = re.sub(r"[.,;:)\s]+$", "", body)
    if not re.fullmatch(r" \d+(?:\.[A-Za-z0-9]+)*|(?: [a-z]+(?:\.[a-z]+)*)", body):
        rules.append("stray-space")
    if re.search(r"[.\s][A-Z]", body):
        rules.append("letter-case")
    return rules


def _keyword(word: str) -> str | None:
    lowered = word.lower()
    if lowered in KEYWORDS:
        return lowered
    if len(lowered) == len("action") and sum(a != b for a, b in zip(lowered, "action",
                                                                    strict=True)) == 1:
        return "action"
    return None


def _ok(target: str, rules: list[str]) -> Resolution:
    unique = tuple(dict.fromkeys(rules))
    return Resolution("repaired" if unique else "link", target, unique)


def _finish(target: str, rules: list[str], catalogue: Catalogue) -> Resolution:
    if target in catalogue.ids:
        return _ok(target, rules)
    return Resolution("unresolved", None, tuple(rules), f"{target} does not exist")


def _alternatives(instrument: str, number: int, parts: list[str],
                  catalogue: Catalogue) -> list[tuple[str, str]]:
    """Readings of a damaged reference, each justified by the documents' own structure."""
    out: list[tuple[str, str]] = []
    base = f"{instrument}/{number}"
    # A roman item printed without its letter: "OP 24.i" for 24 (b) (i), if unique.
    if len(parts) == 1 and re.fullmatch(r"[ivx]+", parts[0]):
        found = _unique(catalogue, lambda uid: uid.startswith(base + "(")
                        and uid.endswith(f"({parts[0]})") and uid.count("(") == 2)
        if found:
            out.append(("roman-level", found))
    # "Action N" where N is a Problem paragraph: the Action paragraph of its subsection.
    if instrument == "poa2009" and catalogue.roles.get(base) == "problem":
        heading = catalogue.subsection_of.get(base)
        actions = [uid for uid, role in catalogue.roles.items()
                   if role == "action" and catalogue.subsection_of.get(uid) == heading]
        if len(actions) == 1:
            out.append(("problem-to-action",
                        actions[0] + "".join(f"({p})" for p in parts)))
    return out


def _missing_number(instrument: str, parts: list[str], rules: list[str],
                    catalogue: Catalogue) -> Resolution:
    """ "Action d.ii": the suffix under exactly one paragraph of the instrument."""
    suffix = "".join(f"({p})" for p in parts)
    found = _unique(catalogue, lambda uid: uid.startswith(instrument + "/")
                    and re.fullmatch(rf"{instrument}/\d+" + re.escape(suffix), uid) is not None)
    if found:
        return _ok(found, [*rules, "missing-paragraph-number"])
    return Resolution("unresolved", None, (*rules, "missing-paragraph-number"),
                      f"no single {instrument} paragraph has {suffix}")


def _unique(catalogue: Catalogue, test: Callable[[str], bool]) -> str | None:
    found = [uid for uid in catalogue.ids if test(uid)]
    return found[0] if len(found) == 1 else None


def _why_missing(target: str, instrument: str, number: int, catalogue: Catalogue) -> str:
    base = f"{instrument}/{number}"
    if base not in catalogue.ids:
        return f"{base} does not exist"
    role = catalogue.roles.get(base)
    kind = f" (a{'n' if role == 'action' else ''} {role} paragraph)" if role else ""
    return (f"{target} does not exist: {base}{kind} has no such subparagraph; tried the roman "
            "level and, for Problem paragraphs, the subsection's Action paragraph")
