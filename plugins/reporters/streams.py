"""The text, JSON, JUnit and CSV reports written a draft at a time.

Each writer here gives the bytes of its format's render function, built from the
same pieces (a draft's text, its JSON object, its ``<testsuite>``, its row), while
a batch runs: ``assess`` hands it each report as it is ready and keeps none
(:mod:`nghiquyet.engine.report_stream`). What needs the whole batch is counted on
the way: the text report's total line, the JUnit totals, which come first and so
wait, with the suites held in an unnamed temporary file, for the last draft.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from typing import IO

from nghiquyet.engine.display import escape_controls
from nghiquyet.engine.model import DocumentReport, Report
from nghiquyet.engine.render import document_dict, report_dict
from nghiquyet.engine.report_stream import JsonItems, compact, copy_spool, json_frame, spool


class TextStream:
    """``--format text``: each draft as it comes, then the total line."""

    def __init__(self, out: IO[bytes], report: Report, color: bool = False):
        self.out, self.lang, self.color = out, report.lang, color
        self.documents: list[DocumentReport] = []  # compact: for the total line

    def _write(self, lines: list[str], first: bool) -> None:
        text = ("" if first else "\n") + "\n".join(lines)
        # drafts and file names may carry ESC, BEL, C1: shown spelled out, never obeyed
        self.out.write(escape_controls(text, keep_colour=self.color).encode("utf-8"))

    def add(self, document: DocumentReport) -> None:
        """Write one draft, after a rule when it is not the first."""
        from .text import render_document

        first = not self.documents
        rule = [] if first else ["", "─" * 60, ""]
        self._write(rule + render_document(document, self.lang, self.color), first)
        self.documents.append(compact(document, criteria=False))

    def close(self) -> None:
        """The total line of a batch, and the last line end."""
        from .text import total_lines

        lines = total_lines(self.documents, self.lang)
        if lines:
            self._write(lines, first=False)
        self.out.write(b"\n")


class JsonStream:
    """``--format json``: the head, each draft's object as it comes, the end."""

    def __init__(self, out: IO[bytes], report: Report):
        self.out, self.head = out, report
        whole = report_dict(report)
        self.before, indent, self.after = json_frame(whole, whole["documents"])
        self.items = JsonItems(out, indent)

    def add(self, document: DocumentReport) -> None:
        """Write one draft's object into the list of documents."""
        if not self.items.count:
            self.out.write(self.before.encode("utf-8"))
        self.items.add(document_dict(document, self.head.lang))

    def close(self) -> None:
        """Close the list and the report."""
        if not self.items.count:
            from .json import render_json

            self.out.write(render_json(self.head))
            return
        self.out.write((self.after + "\n").encode("utf-8"))


class JunitStream:
    """``--format junit``: the suites are held until the totals that head them are
    known (:func:`.junit.render_junit` writes the same bytes)."""

    COUNTS = ("tests", "failures", "errors", "skipped")

    def __init__(self, out: IO[bytes], report: Report):
        self.out, self.lang = out, report.lang
        self.suites = spool()
        self.totals = dict.fromkeys(self.COUNTS, 0)
        self.count = 0

    def add(self, document: DocumentReport) -> None:
        """Add one draft's suite to the held ones, and its counts to the totals."""
        from .junit import _suite

        suite = _suite(document, self.lang)
        for key in self.COUNTS:
            self.totals[key] += int(suite.get(key, "0"))
        ET.indent(suite, level=1)
        text = ET.tostring(suite, encoding="unicode")
        self.suites.write((("\n  " if self.count else "") + text).encode("utf-8"))
        self.count += 1

    def close(self) -> None:
        """The root with the totals, the suites, the end."""
        if not self.count:
            from .junit import render_junit

            self.suites.close()
            self.out.write(render_junit(Report([], self.lang)))
            return
        root = ET.Element("testsuites", name="nghiquyet")
        for key in self.COUNTS:
            root.set(key, str(self.totals[key]))
        root.set("time", "0")
        ET.SubElement(root, "nghiquyet-suites")
        ET.indent(root)
        whole = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
        before, _marker, after = whole.partition(b"<nghiquyet-suites />")
        self.out.write(before)
        copy_spool(self.suites, self.out)
        self.out.write(after)


class CsvStream:
    """``--format csv``: the header, then a row per draft as it comes."""

    def __init__(self, out: IO[bytes], report: Report):
        from nghiquyet.engine.spreadsheet import BOM

        from .workbook import summary_header

        self.out, self.lang = out, report.lang
        self._row(summary_header(self.lang), BOM)

    def _row(self, values: list, prefix: str = "") -> None:
        from nghiquyet.engine.spreadsheet import csv_cell

        text = io.StringIO()
        csv.writer(text, lineterminator="\r\n").writerow([csv_cell(v) for v in values])
        self.out.write((prefix + text.getvalue()).encode("utf-8"))

    def add(self, document: DocumentReport) -> None:
        """Write the draft's row."""
        from .workbook import summary_row

        self._row(summary_row(document, self.lang))

    def close(self) -> None:
        """Nothing follows the last row."""
