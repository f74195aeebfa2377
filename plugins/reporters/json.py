"""``--format json``: the machine-readable report (schema version 1, a contract)."""

from __future__ import annotations

import json

from nghiquyet.engine.render import report_dict


def render_json(report) -> bytes:
    return (json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
