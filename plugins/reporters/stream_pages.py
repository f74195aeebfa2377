"""The SARIF log and the HTML page written a draft at a time.

Both formats open with what only the whole batch knows: SARIF lists every rule a
result points to (with the descriptors of rules that no loaded pack has) and the
unreadable files before the results; the batch page opens with the summary and the
drafts × criteria table. So each draft's results or section go to an unnamed
temporary file as the draft finishes, and the report's head is made at the end from
:func:`~nghiquyet.engine.report_stream.compact` copies of the reports, by the same
functions the whole-report renderers use; then the held part follows. The bytes are
those of :func:`.sarif.render_sarif` and :func:`.html.render_html`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING

from nghiquyet.engine.criteria import Criterion
from nghiquyet.engine.model import DocumentReport, Report
from nghiquyet.engine.report_stream import JsonItems, compact, copy_spool, json_frame, spool

if TYPE_CHECKING:
    from nghiquyet.engine.rules import Rule


class SarifStream:
    """``--format sarif``: the results held as they come; the log made at the end."""

    def __init__(self, out: IO[bytes], report: Report, rules: Mapping[str, Rule]):
        self.out, self.head, self.rules = out, report, rules
        self.lang = report.lang
        # the ruleIndex of a result: the loaded rules by id, then the others as they come
        self.index = {rid: n for n, rid in enumerate(sorted(rules))}
        self.fallback: dict[str, dict] = {}
        self.documents: list[DocumentReport] = []
        self.results = spool()
        empty = _log(report, rules)
        self.items = JsonItems(self.results, json_frame(empty, empty["runs"][0]["results"])[1])

    def add(self, document: DocumentReport) -> None:
        """Hold the draft's results; keep what the log's head says of it."""
        from .sarif import _fallback_descriptor, result

        for findings, suppressed in ((document.findings, False), (document.suppressed, True)):
            for f in findings:
                if f.rule_id not in self.index:
                    self.index[f.rule_id] = len(self.index)
                    self.fallback[f.rule_id] = _fallback_descriptor(f, self.lang)
                self.items.add(result(f, document, self.index[f.rule_id], self.lang, suppressed))
        # what the log's head names: the artifact, the scores, the file that failed
        d = document
        self.documents.append(
            DocumentReport(d.path, d.stage, d.score, d.grade, error=d.error, raw_path=d.raw_path)
        )

    def close(self) -> None:
        """The log's head, the held results, its end."""
        head = self.head
        report = Report(self.documents, head.lang, head.tool_version, head.fail_under)
        log = _log(report, self.rules)
        log["runs"][0]["tool"]["driver"]["rules"].extend(self.fallback.values())
        if not self.items.count:
            self.results.close()
            self.out.write((json.dumps(log, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
            return
        before, _indent, after = json_frame(log, log["runs"][0]["results"])
        self.out.write(before.encode("utf-8"))
        copy_spool(self.results, self.out)
        self.out.write((after + "\n").encode("utf-8"))


def _log(report: Report, rules: Mapping[str, Rule]) -> dict:
    from .sarif import sarif_log

    return sarif_log(report, rules)


class HtmlStream:
    """``--format html``: each draft's section held as it comes; the page's head,
    with the batch's tables, made at the end."""

    def __init__(
        self,
        out: IO[bytes],
        report: Report,
        rules: Mapping[str, Rule],
        criteria: tuple[Criterion, ...],
    ):
        self.out, self.head, self.rules, self.criteria = out, report, rules, criteria
        self.sections = spool()
        self.documents: list[tuple[str, DocumentReport]] = []
        self.only: DocumentReport | None = None  # a single draft has a page of its own

    def add(self, document: DocumentReport) -> None:
        """Hold the draft's section; keep what the tables say of it."""
        from .html import back_link, document_section

        lang = self.head.lang
        anchor = f"doc-{len(self.documents) + 1}"
        self.only = document if not self.documents else None
        section = document_section(document, anchor, lang, self.criteria, self.rules)
        self.sections.write(f"\n{section}\n{back_link(lang)}".encode())
        self.documents.append((anchor, compact(document)))

    def close(self) -> None:
        """The page's head and tables, the held sections, its end."""
        from .html import page_end, page_start, render_html

        head = self.head
        if len(self.documents) <= 1:  # no summary, no links back to it
            self.sections.close()
            documents = [self.only] if self.only is not None else []
            report = Report(documents, head.lang, head.tool_version, head.fail_under)
            self.out.write(render_html(report, self.rules, self.criteria))
            return
        self.out.write("\n".join(page_start(head, self.documents)).encode())
        copy_spool(self.sections, self.out)
        self.out.write(("\n" + "\n".join(page_end(head.lang)) + "\n").encode())
