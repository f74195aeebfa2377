"""Baselines: today's findings recorded, so that CI shows and gates only new ones.

``nghiquyet baseline -o nghiquyet-baseline.json drafts/`` writes the file;
``assess drafts/ --baseline nghiquyet-baseline.json`` (config key ``baseline``) then
hides the findings it lists. The file is JSON::

    {
      "baseline_version": 1,
      "tool": {"name": "nghiquyet", "version": "0.1.0"},
      "documents": {
        "drafts/chi-bo-a.md": [
          {"rule_id": "NQ601", "key": "cac dong chi dang vien trong chi bo ...",
           "message": "Nhiệm vụ không có người phụ trách."}
        ]
      }
    }

- ``baseline_version``: the layout of this file (1); another number is refused.
- ``documents``: one entry per draft, by its path relative to the baseline file's
  folder (``/`` as separator), so the file works from any current folder.
- ``rule_id`` and ``key``: what a finding is matched by. The key is the wording of
  the finding's paragraph, normalised as ``nghiquyet compare`` does (case, tone
  placement, numbering, punctuation and spacing ignored), never its paragraph
  number, so a paragraph that moves keeps its finding known; a lightly edited one
  is still recognised (:func:`nghiquyet.engine.compare.pair_keys`). Each entry
  hides one finding: a second, new finding of the same rule on the same
  paragraph is shown.
- ``message``: for people reading the file; not used for matching.

The scores are left as they are: the score is the whole draft's, so ``--fail-under``
still gates on it. A baseline changes which findings are shown and which fail the
findings gate.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .compare import finding_key, pair_keys
from .errors import ConfigError
from .model import DocumentReport, Report

BASELINE_VERSION = 1


@dataclass(slots=True)
class Baseline:
    """A baseline file read: the (rule id, key) pairs of each draft, by relative path."""

    folder: Path
    documents: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def keys_for(self, path: str) -> list[tuple[str, str]]:
        """The recorded findings of the draft at ``path`` (as the run names it)."""
        return list(self.documents.get(relative_to(path, self.folder), []))


def relative_to(path: str, folder: Path) -> str:
    """``path`` relative to ``folder``, with ``/``, as baseline files key drafts."""
    return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()


def document_entries(doc: DocumentReport, lang: str) -> list[dict[str, str]]:
    """What a baseline records of one readable draft: each finding's rule, key and
    message."""
    entries = []
    for f in doc.findings:
        rule, key = finding_key(f)
        entries.append({"rule_id": rule, "key": key, "message": f.message[lang]})
    return entries


def baseline_dict(report: Report, folder: Path, tool_version: str = "") -> dict[str, Any]:
    """The baseline of ``report``'s readable drafts, keyed relative to ``folder``."""
    documents = {
        relative_to(doc.path, folder): document_entries(doc, report.lang)
        for doc in report.documents
        if doc.error is None
    }
    return baseline_of(documents, tool_version)


def baseline_of(documents: dict[str, list[dict[str, str]]], tool_version: str) -> dict[str, Any]:
    """The baseline file's content from each draft's entries (:func:`document_entries`),
    keyed by relative path; drafts in path order."""
    return {
        "baseline_version": BASELINE_VERSION,
        "tool": {"name": "nghiquyet", "version": tool_version},
        "documents": dict(sorted(documents.items())),
    }


def _entries(path: Path, documents: Any) -> dict[str, list[tuple[str, str]]]:
    bad = ConfigError(
        "{path}: 'documents' must map draft paths to lists of {shape} (write it with "
        "`nghiquyet baseline`)",
        path=path,
        shape='{"rule_id": ..., "key": ...}',
    )
    if not isinstance(documents, dict):
        raise bad
    out: dict[str, list[tuple[str, str]]] = {}
    for draft, entries in documents.items():
        if not isinstance(entries, list):
            raise bad
        keys = []
        for entry in entries:
            if not (
                isinstance(entry, dict)
                and isinstance(entry.get("rule_id"), str)
                and isinstance(entry.get("key"), str)
            ):
                raise bad
            keys.append((entry["rule_id"], entry["key"]))
        out[draft] = keys
    return out


def load_baseline(path: Path) -> Baseline:
    """Read and check a baseline file; ConfigError (one line, exit 2) if it is missing,
    not JSON, or not a baseline of a version this tool reads."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            "{path}: baseline file not found (record one with `nghiquyet baseline -o {path} "
            "PATHS`)",
            path=path,
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            "{path}: cannot read baseline ({reason})", path=path, reason=exc
        ) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(
            "{path} line {line}: malformed JSON ({reason})",
            path=path,
            line=exc.lineno,
            reason=exc.msg,
        ) from None
    if not isinstance(data, dict) or "baseline_version" not in data:
        raise ConfigError("{path}: not a nghiquyet baseline (no 'baseline_version')", path=path)
    if data["baseline_version"] != BASELINE_VERSION:
        raise ConfigError(
            "{path}: baseline_version {found!r} is not one this version reads ({version}); "
            "record it again with `nghiquyet baseline`",
            path=path,
            found=data["baseline_version"],
            version=BASELINE_VERSION,
        )
    return Baseline(path.parent, _entries(path, data.get("documents", {})))


def apply_baseline(report: Report, baseline: Baseline) -> Report:
    """Hide the findings ``baseline`` knows; each draft's ``baselined`` says how many."""
    for doc in report.documents:
        if doc.error is not None:
            continue
        pairs = pair_keys(baseline.keys_for(doc.path), [finding_key(f) for f in doc.findings])
        doc.baselined = len(pairs)
        doc.findings = [f for j, f in enumerate(doc.findings) if j not in pairs]
    return report
