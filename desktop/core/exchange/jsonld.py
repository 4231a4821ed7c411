"""Annotations as W3C Web Annotation Data Model JSON-LD, and back.

Out, each annotation (docs/sharing.md has an example):
- `id` `urn:uuid:<uuid>` (stable: the store's uuid), `type` Annotation, `motivation`
  commenting (it has a note), highlighting (a quote, no note) or tagging (whole units, no
  note), `created`/`modified` (ISO 8601, UTC, with `Z`), `creator` a Person named by the
  author;
- `body`: the note as a TextualBody with `format` text/markdown and `purpose` commenting;
  the category and each tag as TextualBodies with `purpose` tagging (the category's also
  marked `concordia:isCategory`);
- `target`: a SpecificResource per unit the annotation covers (one for most; a highlight
  running from a chapeau into its subparagraphs has one per unit, in document order, each
  with the part of the quote in that unit). `source` is the unit's IRI, the link the app
  opens (`concordia://open/<percent-encoded unit id>`); `selector` a TextQuoteSelector
  (`exact`, with `prefix`/`suffix` of up to 40 characters) and a TextPositionSelector
  (offsets in the unit's text); `concordia:citation` the UN citation.
- Our own properties, in the namespace `urn:concordia:ns:` (prefix `concordia:`):
  `category`, `colour`, `meeting`, `private`, `wholeUnits`, `version` (this version's
  stamp) and `history` (the stamps of the versions it grew from: the lineage).

In: the same, or another tool's annotations whose targets are our unit IRIs (a target may
be the bare IRI, for the whole unit; a TextQuoteSelector alone is searched for in the unit).
Whatever is wrong is raised as BadShape naming the place in the file.
"""

from __future__ import annotations

import re
import uuid as uuids
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.core.unit_links import unit_of_link

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNO_CONTEXTS = {ANNO_CONTEXT, "https://www.w3.org/ns/anno.jsonld"}
NAMESPACE = "urn:concordia:ns:"
PREFIX = "concordia:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"concordia": NAMESPACE}]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")


class BadShape(Exception):
    """The file is not what we can read; the message names where."""


@dataclass(frozen=True)
class Target:
    """One unit an annotation covers, and the part of the quote in it."""

    unit: str
    citation: str = ""
    exact: str | None = None  # None: no TextQuoteSelector
    prefix: str = ""
    suffix: str = ""
    start: int | None = None  # None: no TextPositionSelector
    end: int | None = None


@dataclass(frozen=True)
class Incoming:
    """An annotation read from a file, before it is placed in this corpus."""

    where: str  # "annotation 3 (urn:uuid:…)", for messages
    uuid: str
    targets: tuple[Target, ...]
    whole: bool
    category: str | None
    colour: str | None
    tags: tuple[str, ...]
    note: str
    meeting: str
    author: str
    private: bool
    created: str
    modified: str
    stamp: str
    history: tuple[str, ...]


# -- out ----------------------------------------------------------------------------------


def annotation(uuid: str, targets: list[Target], *, whole: bool, category: str | None,
               colour: str | None, tags: tuple[str, ...], note: str, meeting: str,
               author: str, private: bool, created: str, modified: str, stamp: str,
               history: tuple[str, ...]) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if note.strip():
        body.append({"type": "TextualBody", "value": note, "format": "text/markdown",
                     "purpose": "commenting"})
    if category:
        body.append({"type": "TextualBody", "value": category, "purpose": "tagging",
                     PREFIX + "isCategory": True})
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in tags]
    motivation = ("commenting" if note.strip() else "tagging" if whole and body
                  else "highlighting")
    out: dict[str, Any] = {"id": f"urn:uuid:{uuid}", "type": "Annotation",
                           "motivation": motivation, "created": created, "modified": modified}
    if author:
        out["creator"] = {"type": "Person", "name": author}
    if body:
        out["body"] = body if len(body) > 1 else body[0]
    shaped = [_target(t) for t in targets]
    out["target"] = shaped if len(shaped) > 1 else shaped[0]
    if category:
        out[PREFIX + "category"] = category
        if colour:
            out[PREFIX + "colour"] = colour
    if meeting:
        out[PREFIX + "meeting"] = meeting
    out[PREFIX + "private"] = private
    out[PREFIX + "wholeUnits"] = whole
    out[PREFIX + "version"] = stamp
    out[PREFIX + "history"] = list(history)
    return out


def _target(target: Target) -> dict[str, Any]:
    from desktop.core.unit_links import unit_link

    selectors: list[dict[str, Any]] = []
    if target.exact is not None:
        quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": target.exact}
        if target.prefix:
            quote["prefix"] = target.prefix
        if target.suffix:
            quote["suffix"] = target.suffix
        selectors.append(quote)
    if target.start is not None and target.end is not None:
        selectors.append({"type": "TextPositionSelector", "start": target.start,
                          "end": target.end})
    out: dict[str, Any] = {"type": "SpecificResource", "source": unit_link(target.unit),
                           "selector": selectors}
    if target.citation:
        out[PREFIX + "citation"] = target.citation
    return out


def collection(items: list[dict[str, Any]], label: str, exported: str) -> dict[str, Any]:
    """An AnnotationCollection holding `items` in its one embedded page."""
    return {"@context": CONTEXT, "id": f"urn:uuid:{uuids.uuid4()}",
            "type": "AnnotationCollection", "label": label, "total": len(items),
            PREFIX + "exported": exported,
            "first": {"id": f"urn:uuid:{uuids.uuid4()}", "type": "AnnotationPage",
                      "startIndex": 0, "items": items}}


# -- in -----------------------------------------------------------------------------------


def items_of(document: Any) -> list[Any]:
    """The annotations of a parsed file: an AnnotationCollection (its embedded first page),
    an AnnotationPage, one Annotation, or a list of Annotations."""
    if isinstance(document, list):
        if not all(isinstance(item, dict) and _has_context(item) for item in document):
            raise BadShape("this is a JSON list, but not of W3C Web Annotations (each "
                           f"needs \"@context\": \"{ANNO_CONTEXT}\")")
        return document
    if not isinstance(document, dict):
        raise BadShape("this is JSON, but not W3C Web Annotations: expected an "
                       "AnnotationCollection, an AnnotationPage or an Annotation")
    if not _has_context(document):
        raise BadShape(f"this is JSON, but not W3C Web Annotations: its \"@context\" does "
                       f"not name {ANNO_CONTEXT}")
    kinds = _types(document)
    if "AnnotationCollection" in kinds:
        page = document.get("first")
        if page is None:
            return []
        if not isinstance(page, dict):
            raise BadShape("the collection's first page is not in the file (\"first\" is a "
                           "link, and Concordia never fetches anything)")
        document = page
        kinds = _types(page)
    if "AnnotationPage" in kinds:
        if isinstance(document.get("next"), str | dict):
            raise BadShape("the collection goes on in another page that is not in the file "
                           "(\"next\"): export it again as one file")
        items = document.get("items")
        if not isinstance(items, list):
            raise BadShape("the annotation page has no list of \"items\"")
        return items
    if "Annotation" in kinds:
        return [document]
    raise BadShape("this is JSON-LD, but not an AnnotationCollection, an AnnotationPage or "
                   "an Annotation (its \"type\" is " + (", ".join(kinds) or "missing") + ")")


def read(item: Any, number: int) -> Incoming:
    """One annotation of the file (1-based `number`, for messages)."""
    where = f"annotation {number}"
    if not isinstance(item, dict):
        raise BadShape(f"{where}: not a JSON object")
    identifier = item.get("id")
    if not isinstance(identifier, str) or not identifier.strip():
        raise BadShape(f"{where}: it has no \"id\"")
    where += f" ({identifier})"
    if "Annotation" not in _types(item):
        raise BadShape(f"{where}: its \"type\" is not Annotation")
    if "target" not in item:
        raise BadShape(f"{where}: it has no \"target\"")
    targets = tuple(_read_target(t, where) for t in _as_list(item["target"]))
    if not targets:
        raise BadShape(f"{where}: its \"target\" is empty")
    note_parts: list[str] = []
    tags: list[str] = []
    category = _string(item.get(PREFIX + "category"), where, "concordia:category")
    if isinstance(item.get("bodyValue"), str):
        note_parts.append(item["bodyValue"])
    for body in _as_list(item.get("body", [])):
        if isinstance(body, str):
            continue  # a body that is only an IRI says nothing we keep
        if not isinstance(body, dict):
            raise BadShape(f"{where}: a body is neither an object nor an IRI")
        value = body.get("value")
        if not isinstance(value, str):
            continue
        purposes = set(_as_list(body.get("purpose", [])))
        if "tagging" in purposes:
            if body.get(PREFIX + "isCategory"):
                category = category or value
            else:
                tags.append(value)
        else:
            note_parts.append(value)
    if "created" not in item and "modified" not in item:
        raise BadShape(f"{where}: it has neither \"created\" nor \"modified\"")
    created = _date(item.get("created", item.get("modified")), where, "created")
    modified = _date(item.get("modified", item.get("created")), where, "modified")
    history = item.get(PREFIX + "history", [])
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        raise BadShape(f"{where}: \"concordia:history\" is not a list of version stamps")
    # Another tool's annotation has no stamp: its modification time stands for its version.
    stamp = _string(item.get(PREFIX + "version"), where, "concordia:version") or modified
    return Incoming(
        where=where, uuid=_uuid_of(identifier), targets=targets,
        whole=item.get(PREFIX + "wholeUnits") is True, category=category or None,
        colour=_string(item.get(PREFIX + "colour"), where, "concordia:colour"),
        tags=tuple(dict.fromkeys(t.strip().lstrip("#").strip() for t in tags if t.strip())),
        note="\n\n".join(note_parts),
        meeting=_string(item.get(PREFIX + "meeting"), where, "concordia:meeting") or "",
        author=_creator(item.get("creator")), private=item.get(PREFIX + "private") is True,
        created=created, modified=modified, stamp=stamp, history=tuple(history))


def _read_target(target: Any, where: str) -> Target:
    if isinstance(target, str):
        unit = unit_of_link(target)
        if unit is None:
            raise BadShape(f"{where}: its target {target} is not a Concordia unit "
                           "(concordia://open/UNIT)")
        return Target(unit)
    if not isinstance(target, dict):
        raise BadShape(f"{where}: a target is neither an object nor an IRI")
    source = target.get("source", target.get("id"))
    unit = unit_of_link(source) if isinstance(source, str) else None
    if unit is None:
        raise BadShape(f"{where}: its target's source {source!r} is not a Concordia unit "
                       "(concordia://open/UNIT)")
    found: dict[str, Any] = {"unit": unit,
                             "citation": str(target.get(PREFIX + "citation") or "")}
    for selector in _as_list(target.get("selector", [])):
        if not isinstance(selector, dict):
            continue
        kinds = _types(selector)
        if "TextQuoteSelector" in kinds:
            if not isinstance(selector.get("exact"), str):
                raise BadShape(f"{where}: a TextQuoteSelector without \"exact\" words")
            found.update(exact=selector["exact"], prefix=str(selector.get("prefix") or ""),
                         suffix=str(selector.get("suffix") or ""))
        elif "TextPositionSelector" in kinds:
            start, end = selector.get("start"), selector.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
                raise BadShape(f"{where}: a TextPositionSelector needs whole numbers "
                               "0 ≤ start ≤ end")
            found.update(start=start, end=end)
    return Target(**found)


def _has_context(item: dict[str, Any]) -> bool:
    return bool(ANNO_CONTEXTS & {c for c in _as_list(item.get("@context")) if isinstance(c, str)})


def _types(item: dict[str, Any]) -> list[str]:
    return [t for t in _as_list(item.get("type", item.get("@type"))) if isinstance(t, str)]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _string(value: Any, where: str, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadShape(f"{where}: \"{name}\" is not text")
    return value.strip() or None


def _creator(value: Any) -> str:
    for creator in _as_list(value):
        if isinstance(creator, dict):
            name = creator.get("name") or creator.get("nickname")
            if isinstance(name, str) and name.strip():
                return " ".join(name.split())
    return ""


def _date(value: Any, where: str, name: str) -> str:
    """An ISO 8601 date-time with a time zone, as the store writes it (UTC, `Z`)."""
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise BadShape(f"{where}: \"{name}\" is not a date and time with a time zone "
                       f"(ISO 8601, e.g. 2026-03-12T09:00:00Z): {value!r}")
    moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _uuid_of(identifier: str) -> str:
    """Our uuid from `urn:uuid:…`; another tool's id becomes a uuid derived from it, the
    same every time, so importing its file again finds the same annotation."""
    if identifier.lower().startswith("urn:uuid:"):
        try:
            return str(uuids.UUID(identifier[9:]))
        except ValueError:
            pass
    return str(uuids.uuid5(uuids.NAMESPACE_URL, identifier))
