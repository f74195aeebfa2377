"""The JSON Schemas (draft 2020-12) of the JSON the tool writes, shipped with it.

``report``: ``assess --format json`` (and the web page's JSON); ``review``:
``nghiquyet review --format json``; ``compare``: ``nghiquyet compare --format json``,
which (like ``review``) refers to the report's definitions by the
relative reference ``report.schema.json#/$defs/...``, so the files are kept side by
side. They live in the repository's ``docs/`` and are installed as
``nghiquyet/schemas/``. Validating needs a JSON Schema library (``jsonschema``), which
the tool itself does not depend on::

    from nghiquyet.engine.schemas import load_schema
    from jsonschema import Draft202012Validator
    Draft202012Validator(load_schema("report")).validate(report)

(``compare`` and ``review`` also need the report schema registered under
``report.schema.json``.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_NAMES = ("report", "compare", "review")


def schema_path(name: str) -> Path:
    """The file of schema ``name`` (one of :data:`SCHEMA_NAMES`)."""
    if name not in SCHEMA_NAMES:
        raise ValueError(f"no schema {name!r}; there are {', '.join(SCHEMA_NAMES)}")
    import nghiquyet.schemas

    # a namespace package (docs/ has no __init__.py); an editable install adds a path
    # hook entry to __path__, so read the folders themselves, not importlib.resources
    for folder in nghiquyet.schemas.__path__:
        path = Path(folder) / f"{name}.schema.json"
        if path.is_file():
            return path
    raise FileNotFoundError(f"{name}.schema.json is not installed")


def load_schema(name: str) -> dict[str, Any]:
    """Schema ``name`` as a JSON value."""
    return json.loads(schema_path(name).read_text("utf-8"))
