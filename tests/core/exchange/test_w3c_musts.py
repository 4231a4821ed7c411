"""The JSON-LD export passes the W3C's own MUST assertions for the Web Annotation Data Model
(the annotation-model test suite's schemas, tests/fixtures/w3c-annotation-model/, README
there names their source) and expands with a JSON-LD processor against the context shipped
in resources/ — with no network."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from pyld import jsonld as pyld
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from rfc3986_validator import validate_rfc3986

from desktop import paths
from desktop.core.excerpts.pack import Filters
from desktop.core.exchange.export import document
from desktop.core.exchange.jsonld import ANNO_CONTEXT
from desktop.core.notes.service import NotesService

SUITE = Path(__file__).resolve().parents[2] / "fixtures" / "w3c-annotation-model"
MUSTS = ("annotationMusts.test", "bodyMusts.test", "targetMusts.test",
         "specificResourceMusts.test")


def _registry() -> Registry:
    resources = []
    for path in SUITE.rglob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"], Resource.from_contents(schema,
                                                               default_specification=DRAFT4)))
    return Registry().with_resources(resources)


def _assertions() -> dict[str, dict[str, Any]]:
    """Every assertion the MUST tests name, once each, by file. The combined
    annotationMusts.test names the body, target and specific-resource assertions under
    annotations/ (as its repository keeps them); web-platform-tests' split tests name them at
    the suite's top."""
    found = {}
    for name in MUSTS:
        test = json.loads((SUITE / name).read_text(encoding="utf-8"))
        for assertion in test["assertions"]:
            path = assertion if (SUITE / assertion).exists() \
                else assertion.removeprefix("annotations/")
            found[path] = json.loads((SUITE / path).read_text(encoding="utf-8"))
    return found


FORMATS = FormatChecker()
FORMATS.checks("uri")(lambda value: not isinstance(value, str)
                      or validate_rfc3986(value, rule="URI"))


@pytest.fixture
def exported(shared: NotesService) -> dict[str, Any]:
    shaped, result = document(shared, Filters(include_private=True))
    assert result.written == 5
    return shaped


def test_every_annotation_passes_the_w3c_must_assertions(exported: dict[str, Any]) -> None:
    """Guards conformance: each exported annotation (with the collection's @context, which
    applies to the annotations embedded in it) gives every MUST assertion of the suite's
    annotation, body, target and specific-resource tests its expected result."""
    registry = _registry()
    assertions = _assertions()
    assert len(assertions) == 14 + 15 + 14 + 11  # the body and target tests share one each
    items = exported["first"]["items"]
    failures = []
    for item in items:
        annotation = {"@context": exported["@context"], **item}
        for name, schema in assertions.items():
            valid = Draft4Validator(schema, registry=registry,
                                    format_checker=FORMATS).is_valid(annotation)
            if valid != (schema["expectedResult"] == "valid"):
                failures.append(f"{item['id']}: {name}: {schema['errorMessage']}")
    assert failures == []


def test_the_suite_catches_what_it_should(exported: dict[str, Any]) -> None:
    """Guards the check itself: an annotation without a target, or with a TextQuoteSelector
    missing its words, fails the suite."""
    registry = _registry()
    assertions = _assertions()
    item = {"@context": exported["@context"], **exported["first"]["items"][0]}
    no_target = {k: v for k, v in item.items() if k != "target"}
    schema = assertions["annotations/3.1-targetKeyFound.json"]
    assert not Draft4Validator(schema, registry=registry).is_valid(no_target)
    broken = json.loads(json.dumps(item))
    target = broken["target"] if isinstance(broken["target"], dict) else broken["target"][0]
    del target["selector"][0]["exact"]
    schema = assertions["specificResource/4.2.4-textQuoteSelectorValid.json"]
    assert not Draft4Validator(schema, registry=registry).is_valid(broken)


def _shipped_context_only(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A document loader that serves the context shipped with Concordia and nothing else:
    any other URL fails, so the test proves no network is needed."""
    if url not in (ANNO_CONTEXT, "https://www.w3.org/ns/anno.jsonld"):
        raise pyld.JsonLdError(f"no network: {url}", "loading document failed")
    path = paths.resources_dir() / "jsonld" / "anno.jsonld"
    return {"contextUrl": None, "documentUrl": url,
            "document": json.loads(path.read_text(encoding="utf-8"))}


def test_the_export_expands_as_json_ld_against_the_shipped_context(
        exported: dict[str, Any]) -> None:
    """Guards that the export means what it says: expanded by pyld, it is an
    AnnotationCollection whose annotations target our unit IRIs through Specific Resources
    with quote and position selectors, notes as Markdown TextualBodies, tags as tagging
    bodies, and our own properties in our namespace."""
    expanded = pyld.expand(exported, {"documentLoader": _shipped_context_only})
    oa, ns = "http://www.w3.org/ns/oa#", "urn:concordia:ns:"
    (top,) = expanded
    assert top["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    text = json.dumps(expanded)
    first = next(a for a in _annotations(expanded)
                 if _source(a) == "concordia://open/ungass2016%2F1(a)")
    assert first["@type"] == [oa + "Annotation"]
    target = first[oa + "hasTarget"][0]
    assert target["@type"] == [oa + "SpecificResource"]
    selectors = {s["@type"][0]: s for s in target[oa + "hasSelector"]}
    assert selectors[oa + "TextQuoteSelector"][oa + "exact"][0]["@value"] == \
        "primary prevention"
    assert oa + "TextPositionSelector" in selectors
    assert target[ns + "citation"][0]["@value"] == "A/RES/S-30/1, annex, para. 1 (a)"
    bodies = first[oa + "hasBody"]
    note = next(b for b in bodies if oa + "commenting" in json.dumps(b))
    assert note["http://purl.org/dc/elements/1.1/format"][0]["@value"] == "text/markdown"
    assert first[ns + "category"][0]["@value"] == "Agreed language"
    assert "http://purl.org/dc/terms/created" in first
    assert "urn:concordia:ns:history" in text


def _annotations(expanded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "http://www.w3.org/ns/oa#hasTarget" in node:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(expanded)
    return found


def _source(annotation: dict[str, Any]) -> str:
    target = annotation["http://www.w3.org/ns/oa#hasTarget"][0]
    return target["http://www.w3.org/ns/oa#hasSource"][0]["@id"]
