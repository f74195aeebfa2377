"""``--format concise``: one finding a line, for editors, grep and problem matchers.

    nghi-quyet/du-thao.md:31:1: NQ601 [lỗi] Nhiệm vụ chưa giao cho người hoặc tổ chức cụ thể.

The shape is the one compilers and linters print (``path:line:col: ...``), so an
editor jumps to the place and ``grep NQ601`` finds every case. ``line`` is the file
line where the paragraph starts for text drafts (.md, .txt) and the paragraph number
for Word and ODT drafts, which have no lines; the column is 1, as a finding points at
a paragraph, not a character. A finding about the whole draft (none of the built-in
rules makes one today) points at 1:1. A draft that cannot be read is one line with
its error code in place of a rule id. Drafts keep the report's order; a draft's lines
are sorted by line. Scores are not printed (``--quiet`` prints one score a draft).
"""

from __future__ import annotations

from typing import IO

from nghiquyet.engine.display import escape_controls
from nghiquyet.engine.model import DocumentReport, Finding, Report
from nghiquyet.engine.render import relative_path, severity_name


def one_line(text: str) -> str:
    """``text`` on one line: any run of whitespace, newlines included, is one space."""
    return " ".join(text.split())


def position(finding: Finding) -> tuple[int, int]:
    """(line, column) of a finding: the file line, else the paragraph number; column 1."""
    location = finding.location
    if location is None:
        return 1, 1
    return max(location.line or location.block, 1), 1


def document_lines(doc: DocumentReport, lang: str) -> list[str]:
    """The lines of one draft: its findings in file order, or its error."""
    # a path with a newline in it would otherwise split a finding over two lines
    path = relative_path(doc.path).replace("\r", "\\r").replace("\n", "\\n")
    if doc.error is not None:
        message = doc.error.message[lang]
        # path errors start with the path ("x.md: không tìm thấy tệp"); say it once
        message = message.removeprefix(f"{doc.path}: ")
        return [
            f"{path}:1:1: {doc.error.code} [{severity_name('error', lang)}] {one_line(message)}"
        ]
    ordered = sorted(doc.findings, key=position)  # stable: same paragraph keeps rule order
    return [
        f"{path}:{line}:{column}: {f.rule_id} [{severity_name(f.severity, lang)}] "
        f"{one_line(f.message[lang])}"
        for f in ordered
        for line, column in [position(f)]
    ]


def document_bytes(doc: DocumentReport, lang: str) -> bytes:
    """One draft's lines as UTF-8 bytes, each ended."""
    # a draft or a file name may carry ESC, BEL, C1: shown spelled out, never obeyed
    return escape_controls("".join(f"{line}\n" for line in document_lines(doc, lang))).encode(
        "utf-8"
    )


def render_concise(report: Report) -> bytes:
    """Every finding of every draft, one a line, as UTF-8 bytes (nothing when none)."""
    return b"".join(document_bytes(doc, report.lang) for doc in report.documents)


class ConciseStream:
    """``--format concise`` while a batch runs: a draft's lines as soon as it is done;
    nothing needs the whole batch."""

    def __init__(self, out: IO[bytes], report: Report):
        self.out, self.lang = out, report.lang

    def add(self, document: DocumentReport) -> None:
        """Write one draft's lines."""
        self.out.write(document_bytes(document, self.lang))

    def close(self) -> None:
        """Nothing follows the last draft."""
