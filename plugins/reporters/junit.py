"""``--format junit``: JUnit XML, so CI test dashboards show each draft's criteria.

One ``<testsuite>`` per draft and one ``<testcase>`` per criterion (classname = the
draft's path). A criterion with error-level findings fails, with the findings as the
failure text; warnings and hints go to ``<system-out>``; a criterion that was not
checked is skipped. An unreadable file is a single testcase with an ``<error>``.
Scores are copied into ``<properties>``; nothing is recomputed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from nghiquyet.engine.model import DocumentReport, Finding, Report
from nghiquyet.engine.render import criterion_name, grade_label, label, number, severity_name

Lang = Callable[[str, str], str]

# Characters XML 1.0 forbids even when escaped; a .docx can carry some (vertical tab).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    """Text safe for an XML attribute or element (ElementTree escapes the rest)."""
    return _INVALID.sub("\ufffd", text)


def _finding_text(f: Finding, lang: str) -> str:
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    where = (
        f"{L('đoạn', 'para.')} {f.location.block}" if f.location else L("toàn văn", "whole text")
    )
    lines = [f"{f.rule_id} {f.rule} [{severity_name(f.severity, lang)}] {where}: {f.message[lang]}"]
    if f.location and f.location.excerpt:
        lines.append(f"    «{f.location.excerpt}»")
    lines.append(f"    → {f.suggestion[lang]}")
    return "\n".join(lines)


def _error_suite(doc: DocumentReport, lang: str) -> ET.Element:
    """An unreadable file: one testcase with an ``<error>``."""
    suite = ET.Element("testsuite", name=_x(doc.path), time="0")
    case = ET.SubElement(suite, "testcase", classname=_x(doc.path), name="read", time="0")
    message = _x(doc.error.message[lang])
    error = ET.SubElement(case, "error", message=message, type=_x(doc.error.code))
    error.text = message
    for key, value in (("tests", "1"), ("failures", "0"), ("errors", "1"), ("skipped", "0")):
        suite.set(key, value)
    return suite


def _case(
    suite: ET.Element,
    doc: DocumentReport,
    case_id: tuple[str, float | None, str],
    findings: list[Finding],
    lang: str,
) -> str | None:
    """Add one criterion's testcase; returns ``"failure"``, ``"skipped"`` or None."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    cid, score, summary = case_id
    name = cid if cid == "meta" else f"{cid}: {criterion_name(cid, lang)}"
    case = ET.SubElement(suite, "testcase", classname=_x(doc.path), name=name, time="0")
    errors = [f for f in findings if f.severity == "error"]
    others = [f for f in findings if f.severity != "error"]
    outcome = None
    if cid != "meta" and score is None:
        ET.SubElement(case, "skipped", message=L("không kiểm tra", "not checked"))
        outcome = "skipped"
    elif errors:
        score_text = f"{number(score, lang)}/100; " if score is not None else ""
        failure = ET.SubElement(
            case,
            "failure",
            message=_x(
                f"{score_text}{len(errors)} {L('lỗi', 'error(s)')}: {errors[0].message[lang]}"
            ),
            type=errors[0].rule_id,
        )
        failure.text = _x("\n".join(_finding_text(f, lang) for f in errors))
        outcome = "failure"
    if (cid != "meta" and score is not None) or others:
        out = ET.SubElement(case, "system-out")
        head = (
            f"{L('Điểm', 'Score')}: {number(score, lang)}/100 — {summary}"
            if score is not None
            else ""
        )
        out.text = _x("\n".join([head, *(_finding_text(f, lang) for f in others)]).strip())
    return outcome


def _suite(doc: DocumentReport, lang: str) -> ET.Element:
    """One draft: its scores as properties, a testcase per criterion."""
    if doc.error is not None:
        return _error_suite(doc, lang)
    suite = ET.Element("testsuite", name=_x(doc.path), time="0")
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("score", f"{doc.score:.1f}" if doc.score is not None else ""),
        ("grade", doc.grade or ""),
        ("grade_label", grade_label(doc, lang)),
        ("stage", doc.stage or ""),
    ):
        ET.SubElement(props, "property", name=name, value=_x(value))
    by_criterion: dict[str, list[Finding]] = {}
    for f in doc.findings:
        by_criterion.setdefault(f.criterion, []).append(f)
    cases = [(c.id, c.score, c.summary[lang]) for c in doc.criteria]
    if "meta" in by_criterion:  # meta findings (unreadable text...) belong to no criterion
        cases.insert(0, ("meta", None, ""))
    outcomes = [_case(suite, doc, case, by_criterion.get(case[0], []), lang) for case in cases]
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(outcomes.count("failure")))
    suite.set("errors", "0")
    suite.set("skipped", str(outcomes.count("skipped")))
    return suite


def render_junit(report: Report) -> bytes:
    """The JUnit XML document as UTF-8 bytes."""
    root = ET.Element("testsuites", name="nghiquyet")
    suites = [_suite(d, report.lang) for d in report.documents]
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    root.set("time", "0")
    root.extend(suites)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
