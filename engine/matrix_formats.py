"""`nghiquyet tasks`: the responsibility matrix as text, CSV, .xlsx and .ics.

Each format is a function of the matrix rows (:mod:`.matrix`), the language, whether
the table spans several drafts (then it has a draft column) and the day deadlines
are compared with; it returns the file's bytes. The calendar is in
:mod:`.matrix_calendar`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from .display import escape_controls
from .matrix import OVERDUE, UNDATED, MatrixRow, column_keys, headers, row_values, status_name
from .render import label, owner_kind_name, task_action
from .spreadsheet import RED_FILL, YELLOW_FILL

# text columns: width of each (the last one is not padded)
_TEXT_WIDTHS = {
    "draft": 22,
    "block": 5,
    "task": 34,
    "owner": 30,
    "owner_kind": 11,
    "deadline_text": 16,
    "deadline": 10,
    "schedule": 16,
    "status": 0,
}
ROW_COLOURS = {OVERDUE: RED_FILL, UNDATED: YELLOW_FILL}


def _cut(text: str, width: int, keep_end: bool = False) -> str:
    if not width or len(text) <= width:
        return text
    # a path is told apart by its end (the file name), a task by its start
    return "…" + text[1 - width :] if keep_end else text[: width - 1] + "…"


def _text_cells(row: MatrixRow, lang: str) -> dict[str, str]:
    t = row.task
    none = label(lang, "— chưa có —", "— none —")
    return {
        "draft": row.draft,
        "block": str(t.block),
        "task": task_action(t),
        "owner": t.owner + (f", {t.role}" if t.role else "") if t.owner else none,
        "owner_kind": owner_kind_name(t.owner_kind, lang),
        "deadline_text": t.deadline_text or none,
        "deadline": t.deadline or "",
        "schedule": row.schedule.name[lang] if row.schedule else "",
        "status": status_name(row.status, lang),
    }


def _text_line(cells: dict[str, str], keys: list[str]) -> str:
    parts = []
    for key in keys:
        width = _TEXT_WIDTHS[key]
        text = _cut(cells[key], width, keep_end=key == "draft")
        parts.append(text.rjust(width) if key == "block" else text.ljust(width))
    return "  " + "  ".join(parts).rstrip()


def render_text(rows: Sequence[MatrixRow], lang: str, batch: bool, today: date) -> bytes:
    """A table for a terminal: one line per task (the role beside the owner), then how
    many tasks are overdue or have no deadline on ``today``."""
    keys = [k for k in column_keys(batch) if k != "role"]
    names = dict(zip(column_keys(batch), headers(lang, batch), strict=True))
    names["deadline_text"], names["deadline"] = label(lang, "Thời hạn", "Deadline"), "ISO"
    lines = [_text_line(names, keys)]
    lines += [_text_line(_text_cells(row, lang), keys) for row in rows]
    if not rows:
        lines = ["  " + label(lang, "Không tìm thấy nhiệm vụ nào.", "No tasks found.")]
    overdue = sum(1 for r in rows if r.status == OVERDUE)
    undated = sum(1 for r in rows if r.status == UNDATED)
    drafts = len({r.draft for r in rows})
    lines += [
        "",
        label(
            lang,
            f"{len(rows)} nhiệm vụ"
            + (f" trong {drafts} dự thảo" if batch else "")
            + f"; {overdue} quá hạn (so với ngày {today.isoformat()}); "
            f"{undated} chưa có thời hạn",
            f"{len(rows)} task{'s' if len(rows) != 1 else ''}"
            + (f" in {drafts} draft{'s' if drafts != 1 else ''}" if batch else "")
            + f"; {overdue} overdue (as of {today.isoformat()}); {undated} without a deadline",
        ),
    ]
    # task texts and file names may carry ESC, BEL: shown spelled out, never obeyed
    return escape_controls("\n".join(lines) + "\n").encode("utf-8")


def render_csv(rows: Sequence[MatrixRow], lang: str, batch: bool, today: date) -> bytes:
    """One row per task, UTF-8 with a byte-order mark so Excel reads the Vietnamese."""
    from .spreadsheet import csv_bytes

    return csv_bytes(headers(lang, batch), (row_values(r, lang, batch) for r in rows))


def task_sheet(workbook, rows: Sequence[MatrixRow], lang: str, batch: bool) -> None:
    """Add the matrix to ``workbook`` as a sheet: overdue rows red, rows without a
    deadline yellow (the status column says which)."""
    from . import spreadsheet

    keys = column_keys(batch)
    sheet = spreadsheet.table_sheet(
        workbook,
        label(lang, "Nhiệm vụ", "Tasks"),
        headers(lang, batch),
        (row_values(r, lang, batch) for r in rows),
        wrap=[keys.index("task") + 1],
    )
    for n, row in enumerate(rows, start=2):
        if row.status in ROW_COLOURS:
            spreadsheet.fill_row(sheet, n, ROW_COLOURS[row.status])


def render_xlsx(rows: Sequence[MatrixRow], lang: str, batch: bool, today: date) -> bytes:
    """A workbook of one sheet, the matrix (see :func:`task_sheet`)."""
    from .spreadsheet import new_workbook, workbook_bytes

    workbook = new_workbook()
    task_sheet(workbook, rows, lang, batch)
    return workbook_bytes(workbook)


def render_ics(rows: Sequence[MatrixRow], lang: str, batch: bool, today: date) -> bytes:
    """The dated and recurring tasks as an iCalendar file (:mod:`.matrix_calendar`)."""
    from .matrix_calendar import calendar_bytes

    return calendar_bytes(rows, lang, today)


@dataclass(frozen=True, slots=True)
class TaskFormat:
    """One format of `nghiquyet tasks`: the file suffix that picks it, whether it is
    binary (never written to a terminal), and the function that renders it."""

    name: str
    extension: str
    binary: bool
    function: Callable[[Sequence[MatrixRow], str, bool, date], bytes]


TASK_FORMATS = {
    f.name: f
    for f in (
        TaskFormat("text", ".txt", False, render_text),
        TaskFormat("csv", ".csv", False, render_csv),
        TaskFormat("xlsx", ".xlsx", True, render_xlsx),
        TaskFormat("ics", ".ics", False, render_ics),
    )
}
