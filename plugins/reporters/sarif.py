"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps).

One run; ``tool.driver.rules`` describes every rule (docs what/why/fix as help), each
finding is a result pointing at the draft (path relative to the working directory)
and the line of the paragraph. An unreadable file is a tool execution notification
and makes ``executionSuccessful`` false. Scores travel in ``properties``, copied from
the report.

Rule metadata: the Report carries findings, not rule docs, so the reporter asks for
the run's ``rules`` (every loaded pack: built-in, plugins' and the config's
``rule_paths``) and describes each one. A finding whose rule is not among them (a
report made elsewhere) gets a descriptor built from the finding itself, so every
``ruleId`` still resolves.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from nghiquyet.engine.model import DocumentReport, Finding, Report
from nghiquyet.engine.render import label, relative_path

if TYPE_CHECKING:
    from nghiquyet.engine.rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def uri(path: str) -> str:
    """A relative URI reference for ``path`` (percent-encoded, ``/`` kept). A name that
    is not UTF-8 on disk (surrogate escapes in ``path``) keeps its own bytes."""
    return quote(relative_path(path).encode("utf-8", "surrogateescape"), safe="/")


def document_uri(doc: DocumentReport) -> str:
    """The URI of a report's file: from the path as the system gave it, so that a
    name that is not UTF-8 resolves to the real file, not to its shown form."""
    return uri(doc.raw_path or doc.path)


def descriptor(rule, lang: str) -> dict[str, Any]:
    """A reportingDescriptor from a loaded rule and its docs (what, why, fix)."""
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    docs = {k: v.get(lang, "") for k, v in (rule.docs or {}).items()}
    message = rule.message[lang].replace("{detail}", "…")
    short = docs.get("what") or message
    full = " ".join(x for x in (docs.get("what"), docs.get("why")) if x) or message
    parts = [
        (L("Kiểm tra gì", "What it checks"), docs.get("what")),
        (L("Vì sao", "Why"), docs.get("why")),
        (L("Cách sửa", "How to fix"), docs.get("fix")),
    ]
    parts = [(title, text) for title, text in parts if text]
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {
            "text": "\n".join(f"{title}: {text}" for title, text in parts) or message,
            "markdown": "\n\n".join(f"**{title}:** {text}" for title, text in parts) or message,
        },
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {
            "criterion": rule.criterion,
            "weight": rule.weight,
            "tags": [rule.criterion],
        },
    }


def _fallback_descriptor(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "id": f.rule_id,
        "name": f.rule,
        "shortDescription": {"text": f.message[lang]},
        "fullDescription": {"text": f.message[lang]},
        "help": {"text": f.suggestion[lang]},
        "defaultConfiguration": {"level": LEVELS.get(f.severity, "warning")},
        "properties": {"criterion": f.criterion, "tags": [f.criterion]},
    }


def result(
    f: Finding, doc: DocumentReport, index: int, lang: str, suppressed: bool = False
) -> dict[str, Any]:
    """One finding as a SARIF result; one a comment in the draft accepted carries an
    in-source suppression, as code-scanning dashboards expect."""
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    physical: dict[str, Any] = {"artifactLocation": {"uri": document_uri(doc)}}
    if f.location is not None:
        region: dict[str, Any] = {"startLine": max(f.location.line or f.location.block, 1)}
        if f.location.excerpt:
            region["snippet"] = {"text": f.location.excerpt}
        physical["region"] = region
    shown: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f"{f.message[lang]} {L('Cách sửa', 'Fix')}: {f.suggestion[lang]}"},
        "locations": [{"physicalLocation": physical}],
        "properties": {
            "criterion": f.criterion,
            "paragraph": f.location.block if f.location else None,
            "points": f.points,
            "overallPoints": f.overall_points,
            "suggestion": f.suggestion[lang],
        },
    }
    if f.rewrite:  # the paragraph as it could read; not a "fix" (no byte offsets)
        shown["properties"]["rewrite"] = f.rewrite
    if suppressed:
        justification = L("Bỏ qua theo ghi chú trong dự thảo", "Suppressed in the draft")
        shown["suppressions"] = [{"kind": "inSource", "justification": justification}]
    return shown


def sarif_log(report: Report, rules: Mapping[str, Rule]) -> dict[str, Any]:
    """The SARIF log as a dict; ``rules`` (by id) become ``tool.driver.rules``."""
    lang = report.lang
    described = {rid: descriptor(r, lang) for rid, r in sorted(rules.items())}
    for doc in report.documents:
        for f in [*doc.findings, *doc.suppressed]:
            described.setdefault(f.rule_id, _fallback_descriptor(f, lang))
    index = {rid: n for n, rid in enumerate(described)}
    results = [
        result(f, doc, index[f.rule_id], lang, suppressed)
        for doc in report.documents
        for findings, suppressed in ((doc.findings, False), (doc.suppressed, True))
        for f in findings
    ]
    notifications = [
        {
            "level": "error",
            "message": {"text": doc.error.message[lang]},
            "descriptor": {"id": doc.error.code},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": document_uri(doc)}}}],
        }
        for doc in report.documents
        if doc.error is not None
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "nghiquyet",
                        "version": report.tool_version,
                        "semanticVersion": report.tool_version,
                        "rules": list(described.values()),
                    }
                },
                "invocations": [invocation],
                "artifacts": [{"location": {"uri": document_uri(d)}} for d in report.documents],
                "results": results,
                "columnKind": "unicodeCodePoints",
                "properties": {
                    "documents": [
                        {
                            "path": relative_path(d.path),
                            "stage": d.stage,
                            "score": d.score,
                            "grade": d.grade,
                        }
                        for d in report.documents
                    ]
                },
            }
        ],
    }


def render_sarif(report: Report, rules: Mapping[str, Rule]) -> bytes:
    """The SARIF log as UTF-8 JSON."""
    log = sarif_log(report, rules)
    return (json.dumps(log, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
