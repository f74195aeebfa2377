"""Validators of the shipped JSON Schemas (docs/*.schema.json), for the tests.

``conftest.run`` passes every JSON report or comparison the CLI prints through
:func:`check_printed_json`, so any test that produces one also holds it to the schema.
"""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from nghiquyet.engine.schemas import load_schema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

# compare.schema.json refers to report.schema.json beside it, by that name
REGISTRY = Registry().with_resource(
    "report.schema.json",
    Resource.from_contents(load_schema("report"), default_specification=DRAFT202012),
)
REPORT = Draft202012Validator(load_schema("report"), registry=REGISTRY)
COMPARE = Draft202012Validator(load_schema("compare"), registry=REGISTRY)
REVIEW = Draft202012Validator(load_schema("review"), registry=REGISTRY)
DOCUMENT = Draft202012Validator({"$ref": "report.schema.json#/$defs/document"}, registry=REGISTRY)


def assert_valid(validator: Draft202012Validator, data) -> None:
    """Fail with the first few schema errors, each with its JSON path."""
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors[:10]
    )


def check_printed_json(text: str) -> None:
    """Validate ``text`` when it is a JSON report (``documents``), a comparison
    (``before``/``after``) or a review (``coverage``); anything else (text, SARIF, other
    JSON) is left alone."""
    if not text.lstrip().startswith("{"):
        return
    try:
        data = json.loads(text)
    except ValueError:
        return
    if not isinstance(data, dict) or "schema_version" not in data:
        return
    if "documents" in data:
        assert_valid(REPORT, data)
    elif "before" in data and "after" in data:
        assert_valid(COMPARE, data)
    elif "coverage" in data and "targets" in data:
        assert_valid(REVIEW, data)
