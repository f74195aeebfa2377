"""``--format markdown``: GitHub-flavoured Markdown tables for a pull-request comment.

A summary table of all drafts, then per draft a criteria table and a findings table
(paragraph, rule, severity, message, fix, and the paragraph as it could read). Findings sit in a ``<details>`` block so a
long list does not swamp the comment. Every cell is escaped so that document text
cannot break the table or inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO

from nghiquyet.engine.model import DocumentReport, Report
from nghiquyet.engine.render import (
    criterion_name,
    error_label,
    grade_label,
    hidden_lines,
    label,
    no_findings_text,
    number,
    partial_check,
    scored_criteria,
    severity_name,
    stage_name,
)
from nghiquyet.engine.report_stream import compact, copy_spool, spool

Lang = Callable[[str, str], str]

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that
# start markup inside a table cell. "|" would end the cell.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def cell(value: object) -> str:
    """One table cell: on one line, with Markdown and HTML markup escaped."""
    text = " ".join(str(value).split())
    return _SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


def table(header: list[str], rows: list[list[object]], align: str = "") -> list[str]:
    """A GFM table; ``align`` has one letter per column (l or r), default left."""
    align = align.ljust(len(header), "l")
    marks = ["---:" if a == "r" else "---" for a in align]
    out = ["| " + " | ".join(cell(h) for h in header) + " |", "| " + " | ".join(marks) + " |"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def summary(report: Report, lang: str) -> list[str]:
    """All drafts, best score first, unreadable files last."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    docs = sorted(
        report.documents,
        key=lambda d: (d.error is not None, -(d.score or 0), d.path),
    )
    rows = []
    for d in docs:
        if d.error is not None:
            rows.append([d.path, "—", error_label(d.error, lang), "", "", d.error.message[lang]])
            continue
        count = {
            s: sum(1 for f in d.findings if f.severity == s) for s in ("error", "warning", "info")
        }
        rows.append(
            [
                d.path,
                number(d.score, lang),
                grade_label(d, lang),
                stage_name(d.stage, lang),
                f"{count['error']} / {count['warning']} / {count['info']}",
                L("chấm một phần", "partial check") if scored_criteria(d) is not None else "",
            ]
        )
    header = [
        L("Dự thảo", "Draft"),
        L("Điểm", "Score"),
        L("Xếp loại", "Grade"),
        L("Giai đoạn", "Stage"),
        L("Lỗi / cảnh báo / gợi ý", "Errors / warnings / info"),
        L("Ghi chú", "Note"),
    ]
    return table(header, rows, "lrllrl")


def criteria_table(doc: DocumentReport, lang: str) -> list[str]:
    """Each criterion's score, weight and summary."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    return table(
        [
            L("Tiêu chí", "Criterion"),
            L("Điểm", "Score"),
            L("Hệ số", "Weight"),
            L("Tóm tắt", "Summary"),
        ],
        [
            [criterion_name(c.id, lang), number(c.score, lang), f"{c.weight:g}", c.summary[lang]]
            for c in doc.criteria
        ],
        "lrrl",
    )


def findings_table(doc: DocumentReport, lang: str) -> list[str]:
    """One row per finding: paragraph, rule, severity, criterion, points, message, fix,
    and the paragraph as it could read when any finding has a rewrite."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    rewrites = any(f.rewrite for f in doc.findings)
    rows = [
        [
            f.location.block if f.location else "—",
            f"{f.rule_id} {f.rule}",
            f"{_ICON.get(f.severity, '')} {severity_name(f.severity, lang)}",
            criterion_name(f.criterion, lang),
            number(f.points, lang),
            f.message[lang],
            f.suggestion[lang],
            *([f"✎ «{f.rewrite}»" if f.rewrite else ""] if rewrites else []),
        ]
        for f in doc.findings
    ]
    header = [
        L("Đoạn", "Para."),
        L("Quy tắc", "Rule"),
        L("Mức", "Severity"),
        L("Tiêu chí", "Criterion"),
        L("Điểm trừ", "Points"),
        L("Nội dung", "Message"),
        L("Cách sửa", "Fix"),
        *([L("Viết lại", "Rewrite")] if rewrites else []),
    ]
    return table(header, rows, "rlllrlll"[: len(header)])


def document(doc: DocumentReport, lang: str) -> list[str]:
    """One draft: heading, criteria table, findings table."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    out = [f"### {cell(doc.path)}", ""]
    if doc.error is not None:
        out += [
            f"**{error_label(doc.error, lang, capital=True)}** ({cell(doc.error.code)}): "
            + cell(doc.error.message[lang]),
            "",
        ]
        return out
    out += [
        f"**{number(doc.score, lang)}/100 — {cell(grade_label(doc, lang))}** "
        f"({cell(stage_name(doc.stage, lang))}, {doc.words} {L('từ', 'words')})",
        "",
    ]
    partial = partial_check(doc, lang)
    for note in [*(n[lang] for n in doc.notes), *([partial] if partial else [])]:
        out += [f"> {cell(note)}", ""]
    for line in hidden_lines(doc, lang):
        out += [f"_{cell(line)}_", ""]
    out += [*criteria_table(doc, lang), ""]
    if not doc.findings:
        return [*out, no_findings_text(doc, lang, short=True), ""]
    # a long list folded, so that it does not swamp the pull-request comment
    summary = f"<summary>{L('Phát hiện', 'Findings')} ({len(doc.findings)})</summary>"
    return [*out, "<details>", summary, "", *findings_table(doc, lang), "", "</details>", ""]


def title(lang: str) -> str:
    """The comment's heading."""
    return (
        f"## {label(lang, 'Đánh giá dự thảo nghị quyết chuyên đề', 'Draft resolution assessment')}"
    )


def head_lines(report: Report) -> list[str]:
    """What comes before the drafts: the heading and the summary table."""
    return [title(report.lang), "", *summary(report, report.lang), ""]


def footer(report: Report) -> str:
    return f"<sub>nghiquyet {cell(report.tool_version)}</sub>\n"


def render_markdown(report: Report) -> bytes:
    """The whole comment as UTF-8 bytes."""
    out = head_lines(report)
    for doc in report.documents:
        out += document(doc, report.lang)
    return ("\n".join(out) + "\n" + footer(report)).encode("utf-8")


class MarkdownParts:
    """The drafts' parts of a Markdown report, held in a spool (with their sizes) until
    the summary table that heads them, which needs every draft's score, can be built
    from compact copies (:func:`.report_stream.compact`)."""

    def __init__(self, report: Report):
        self.head = report
        self.documents: list[DocumentReport] = []
        self.sizes: list[int] = []
        self.drafts = spool()

    def add(self, doc: DocumentReport) -> None:
        """Hold one draft's part; keep a compact copy for the summary."""
        part = ("\n".join(document(doc, self.head.lang)) + "\n").encode("utf-8")
        self.drafts.write(part)
        self.sizes.append(len(part))
        self.documents.append(compact(doc))

    def _whole(self) -> Report:
        head = self.head
        return Report(self.documents, head.lang, head.tool_version, head.fail_under)

    def start(self) -> bytes:
        """The heading and the summary table of every draft added."""
        return ("\n".join(head_lines(self._whole())) + "\n").encode("utf-8")

    def end(self) -> bytes:
        """What follows the last draft."""
        return footer(self._whole()).encode("utf-8")


class MarkdownStream:
    """``--format markdown`` while a batch runs (:class:`MarkdownParts`)."""

    def __init__(self, out: IO[bytes], report: Report):
        self.out, self.parts = out, MarkdownParts(report)

    def add(self, doc: DocumentReport) -> None:
        """Hold one draft's part."""
        self.parts.add(doc)

    def close(self) -> None:
        """The heading and summary, the held drafts, the footer."""
        self.out.write(self.parts.start())
        copy_spool(self.parts.drafts, self.out)
        self.out.write(self.parts.end())
