"""A batch's report written as its drafts finish, so that memory does not grow with it.

``assess`` hands each finished :class:`DocumentReport` to a writer and forgets it. A
format that can (every built-in one: text, JSON, JUnit, SARIF, HTML, CSV, the
workbook, Markdown, concise, GitHub annotations) registers a
``stream`` class beside its render function; its bytes are the render function's,
written a draft at a time, with the parts that need the whole batch (totals, the
batch page's tables, the rules SARIF lists first) built from :func:`compact` copies
of the reports and, where they must come before the drafts, with the drafts held in
an unnamed temporary file until the end. A format without one (a plugin's) gets
:class:`WholeReport`, which collects the reports and renders them at the end.

A writer is an object with ``add(document)`` and ``close()``, made by the format's
``stream`` from the arguments a reporter may ask for (``report``, ``rules``,
``criteria``, ``config``, ``color``) and ``out``, the binary file to write to;
``report`` has the run's language and version and no documents yet.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, Protocol

from .criteria import CRITERIA, Criterion
from .model import CriterionScore, DocumentReport, Finding, Report
from .render import call_arguments

if TYPE_CHECKING:
    from .config import Config
    from .render import Reporter
    from .rules import Rule


class ReportWriter(Protocol):
    """Writes one report as its drafts come."""

    def add(self, document: DocumentReport) -> None:
        """Write (or hold) one draft's part."""

    def close(self) -> None:
        """Write what follows the last draft."""


class WholeReport:
    """The writer of a format without a stream: every report is kept, and the format
    renders them at the end, as it always has."""

    def __init__(self, reporter: Reporter, out: IO[bytes], report: Report, arguments: dict):
        self.reporter, self.out, self.head, self.arguments = reporter, out, report, arguments
        self.documents: list[DocumentReport] = []

    def add(self, document: DocumentReport) -> None:
        """Keep ``document`` for the end."""
        self.documents.append(document)

    def close(self) -> None:
        """Render the whole report and write it."""
        head = self.head
        report = Report(self.documents, head.lang, head.tool_version, head.fail_under)
        self.out.write(self.reporter.render(report, **self.arguments))


def open_writer(
    reporter: Reporter,
    out: IO[bytes],
    report: Report,
    *,
    rules: Mapping[str, Rule],
    config: Config,
    criteria: tuple[Criterion, ...] = CRITERIA,
    color: bool = False,
) -> ReportWriter:
    """A writer of ``reporter``'s format to ``out``: its stream, else :class:`WholeReport`.
    ``report`` is the report's head (language, version), without documents."""
    arguments = {"rules": rules, "config": config, "criteria": criteria, "color": color}
    stream = reporter.stream_class()
    if stream is None:
        return WholeReport(reporter, out, report, arguments)
    available = {"out": out, "report": report, **arguments}
    return stream(**call_arguments(reporter.name, stream, available))


# -- what a batch keeps of a draft ----------------------------------------------------

_NO_TEXT: Mapping[str, str] = MappingProxyType({})
# one shared finding per severity: a compact report's findings say only how many of
# each it had, at the cost of a pointer each
_MARKS = {
    severity: Finding("", "", "", severity, _NO_TEXT, _NO_TEXT, None)  # type: ignore[arg-type]
    for severity in ("error", "warning", "info")
}


def compact(doc: DocumentReport, criteria: bool = True) -> DocumentReport:
    """What a batch keeps of a draft once its part of the report is written: the
    path, stage, score, grade, error, the criterion scores and weights (without their
    summaries; none when not ``criteria``), and one shared mark per finding that says
    only its severity. Enough for the batch's tables, totals and exit gate."""
    return DocumentReport(
        path=doc.path,
        stage=doc.stage,
        score=doc.score,
        grade=doc.grade,
        criteria=[CriterionScore(c.id, c.score, c.weight, _NO_TEXT) for c in doc.criteria]  # type: ignore[arg-type]
        if criteria
        else [],
        findings=[_MARKS.get(f.severity) or _mark(f.severity) for f in doc.findings],
        error=doc.error,
        words=doc.words,
        baselined=doc.baselined,
        raw_path=doc.raw_path,
    )


def _mark(severity: str) -> Finding:
    _MARKS[severity] = Finding("", "", "", severity, _NO_TEXT, _NO_TEXT, None)  # type: ignore[arg-type]
    return _MARKS[severity]


# -- JSON written an item at a time ----------------------------------------------------

_MARKER = "\x00nghiquyet-items\x00"


def json_frame(whole: Any, holder: list) -> tuple[str, str, str]:
    """``whole`` as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it, cut
    where the items of ``holder`` (a list inside it, emptied here) go: (what comes
    before the first item, the indentation of an item's lines, what follows the last).
    With :class:`JsonItems` this writes the same text as dumping ``whole`` with its
    items in place."""
    holder[:] = [_MARKER]
    text = json.dumps(whole, ensure_ascii=False, indent=2)
    found = re.search(r"\n( *)" + re.escape(json.dumps(_MARKER)) + r"\n", text)
    if found is None:  # pragma: no cover - the marker is always there
        raise ValueError("no place for the items")
    return text[: found.start() + 1], found.group(1), text[found.end() - 1 :]


class JsonItems:
    """The items of one JSON list, written as they come (see :func:`json_frame`)."""

    def __init__(self, out: IO[bytes], indent: str):
        self.out, self.indent, self.count = out, indent, 0

    def add(self, item: Any) -> None:
        """Write one item, after a comma when it is not the first."""
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + self.indent)
        self.out.write(((",\n" if self.count else "") + self.indent + text).encode("utf-8"))
        self.count += 1


def spool() -> IO[bytes]:
    """An unnamed temporary file for the drafts' part of a report that must wait for
    the end: gone when closed, and never left behind, even by a killed process."""
    return tempfile.TemporaryFile(prefix="nghiquyet-")  # noqa: SIM115 (closed by its writer)


def copy_spool(source: IO[bytes], out: IO[bytes]) -> None:
    """Write everything ``source`` (a spool) holds to ``out``, and close it."""
    with source:
        source.flush()
        source.seek(0)
        shutil.copyfileobj(source, out, 1024 * 1024)
