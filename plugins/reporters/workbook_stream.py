"""The committee workbook (``--format xlsx``) written a draft at a time.

Each draft's row, findings and tasks are held in unnamed temporary files as the
draft finishes (:class:`~nghiquyet.engine.spreadsheet.SpooledTable`); at the end the
three sheets are written in openpyxl's write-only mode, so a workbook of a thousand
drafts never holds its cells in memory. The sheets are those of
:func:`.workbook.render_workbook`: the same rows, widths, colours and filters.
"""

from __future__ import annotations

from datetime import date
from typing import IO

from nghiquyet.engine.model import DocumentReport, Report
from nghiquyet.engine.render import label


class WorkbookStream:
    """``--format xlsx``: three sheets held as they fill, written at the end."""

    def __init__(self, out: IO[bytes], report: Report):
        from nghiquyet.engine.matrix import column_keys, headers
        from nghiquyet.engine.spreadsheet import SpooledTable

        from .workbook import finding_header, summary_header

        self.out, self.lang, self.today = out, report.lang, date.today()
        lang = self.lang
        self.summary = SpooledTable(label(lang, "Tổng hợp", "Drafts"), summary_header(lang))
        self.findings = SpooledTable(
            label(lang, "Phát hiện", "Findings"), finding_header(lang), wrap=(7, 8, 9)
        )
        keys = column_keys(True)
        self.tasks = SpooledTable(
            label(lang, "Nhiệm vụ", "Tasks"), headers(lang, True), wrap=[keys.index("task") + 1]
        )

    def add(self, document: DocumentReport) -> None:
        """Hold the draft's row, its findings and its tasks."""
        from nghiquyet.engine.matrix import document_rows, row_values
        from nghiquyet.engine.matrix_formats import ROW_COLOURS

        from .workbook import finding_rows, summary_row

        self.summary.add(summary_row(document, self.lang))
        for row in finding_rows(Report([document], self.lang), self.lang):
            self.findings.add(row)
        if document.error is None:
            for task in document_rows(document, self.today):
                self.tasks.add(row_values(task, self.lang, True), ROW_COLOURS.get(task.status))

    def close(self) -> None:
        """Write the three sheets and the workbook."""
        from nghiquyet.engine.report_stream import copy_spool, spool
        from openpyxl import Workbook

        from .workbook import colour_scores

        workbook = Workbook(write_only=True)
        summary = self.summary.write(workbook)
        colour_scores(summary, max(self.summary.count + 1, 2))
        self.findings.write(workbook)
        self.tasks.write(workbook)
        held = spool()
        workbook.save(held)
        copy_spool(held, self.out)
