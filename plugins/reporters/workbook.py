"""``--format xlsx`` and ``--format csv``: the committee workbook.

``assess FOLDER -o tong-hop.xlsx`` gives a district or ward committee one workbook
for all the drafts it received: sheet 1 a row per draft (path, score, grade, stage,
then a column per criterion, coloured by the grade floors with conditional formats
that follow an edited score), sheet 2 every finding, sheet 3 every task (the
responsibility matrix of :mod:`nghiquyet.engine.matrix`, overdue rows red, undated
rows yellow). ``--format csv`` is sheet 1 alone, UTF-8 with a byte-order mark.
"""

from __future__ import annotations

from datetime import date

from nghiquyet.engine.criteria import CRITERIA, GRADES
from nghiquyet.engine.model import DocumentReport, Report
from nghiquyet.engine.render import (
    criterion_name,
    grade_label,
    label,
    partial_check,
    severity_name,
    stage_name,
)

# conditional fills of a score, by grade floor (80, 65, 50, below): Excel's good,
# a light blue, neutral and bad colours
BAND_FILLS = ("C6EFCE", "DDEBF7", "FFEB9C", "FFC7CE")
SCORE_COLUMN, FIRST_CRITERION_COLUMN = 2, 5


def _score(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def summary_header(lang: str) -> list[str]:
    """Sheet 1's header: the draft, its score, grade and stage, a column per criterion,
    the findings and errors it has, and a note (why it has no score, a partial check)."""
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    return [
        L("Dự thảo", "Draft"),
        L("Điểm", "Score"),
        L("Xếp loại", "Grade"),
        L("Giai đoạn", "Stage"),
        *(criterion_name(c.id, lang) for c in CRITERIA),
        L("Phát hiện", "Findings"),
        L("Lỗi", "Errors"),
        L("Ghi chú", "Note"),
    ]


def summary_row(doc: DocumentReport, lang: str) -> list[object]:
    """One draft's row of sheet 1; an unreadable one has its reason as the note."""
    if doc.error is not None:
        return [doc.path, *([None] * (len(CRITERIA) + 5)), doc.error.message[lang]]
    scores = {c.id: _score(c.score) for c in doc.criteria}
    errors = sum(1 for f in doc.findings if f.severity == "error")
    return [
        doc.path,
        _score(doc.score),
        grade_label(doc, lang),
        stage_name(doc.stage, lang),
        *(scores.get(c.id) for c in CRITERIA),
        len(doc.findings),
        errors,
        partial_check(doc, lang) or "",
    ]


def finding_header(lang: str) -> list[str]:
    """Sheet 2's header."""
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    return [
        L("Dự thảo", "Draft"),
        L("Đoạn", "Para."),
        L("Mã", "Rule"),
        L("Tên quy tắc", "Rule name"),
        L("Tiêu chí", "Criterion"),
        L("Mức", "Severity"),
        L("Nội dung", "Message"),
        L("Cách sửa", "Fix"),
        L("Trích đoạn", "Excerpt"),
        L("Điểm tiêu chí mất", "Criterion points lost"),
        L("Điểm tổng mất", "Overall points lost"),
    ]


def finding_rows(report: Report, lang: str) -> list[list[object]]:
    """Every finding of every draft, in report order."""
    general = label(lang, "Chung", "General")
    return [
        [
            doc.path,
            f.location.block if f.location else None,
            f.rule_id,
            f.rule,
            criterion_name(f.criterion, lang) if f.criterion != "meta" else general,
            severity_name(f.severity, lang),
            f.message[lang],
            f.suggestion[lang],
            f.location.excerpt if f.location else "",
            round(f.points, 2),
            round(f.overall_points, 2),
        ]
        for doc in report.documents
        for f in doc.findings
    ]


def colour_scores(sheet, rows: int) -> None:
    """Colour the score and criterion columns by the grade floors, as conditional
    formats: a score edited in Excel takes its new colour; an empty cell none."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    last = get_column_letter(FIRST_CRITERION_COLUMN + len(CRITERIA) - 1)
    first = get_column_letter(FIRST_CRITERION_COLUMN)
    score = get_column_letter(SCORE_COLUMN)
    for top, cells in (
        (f"{score}2", f"{score}2:{score}{rows}"),
        (f"{first}2", f"{first}2:{last}{rows}"),
    ):
        floors = [floor for floor, _names in GRADES]
        for n, (floor, colour) in enumerate(zip(floors, BAND_FILLS, strict=True)):
            below = f",{top}<{floors[n - 1]}" if n else ""
            rule = FormulaRule(
                formula=[f"AND(ISNUMBER({top}),{top}>={floor}{below})"],
                fill=PatternFill(bgColor=colour, fill_type="solid"),
            )
            sheet.conditional_formatting.add(cells, rule)


def render_workbook(report: Report) -> bytes:
    """The three sheets as an .xlsx file."""
    from nghiquyet.engine.matrix import matrix_rows
    from nghiquyet.engine.matrix_formats import task_sheet
    from nghiquyet.engine.spreadsheet import new_workbook, table_sheet, workbook_bytes

    lang = report.lang
    workbook = new_workbook()
    summary = table_sheet(
        workbook,
        label(lang, "Tổng hợp", "Drafts"),
        summary_header(lang),
        (summary_row(d, lang) for d in report.documents),
    )
    colour_scores(summary, max(summary.max_row, 2))
    table_sheet(
        workbook,
        label(lang, "Phát hiện", "Findings"),
        finding_header(lang),
        finding_rows(report, lang),
        wrap=(7, 8, 9),
    )
    task_sheet(workbook, matrix_rows(report, date.today()), lang, batch=True)
    return workbook_bytes(workbook)


def render_csv(report: Report) -> bytes:
    """Sheet 1 (a row per draft) as CSV, UTF-8 with a byte-order mark for Excel."""
    from nghiquyet.engine.spreadsheet import csv_bytes

    lang = report.lang
    return csv_bytes(summary_header(lang), (summary_row(d, lang) for d in report.documents))
