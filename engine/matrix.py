"""The responsibility matrix as one table across drafts, for `nghiquyet tasks` and the
committee workbook.

The rows are the tasks the analysis already read (``DocumentReport.tasks``, the
JSON report's ``tasks``); nothing here reads a draft again. What this module adds
is what a calendar and a spreadsheet need beside them: the day a deadline falls on
(the last day of "tháng 4/2026" or "quý II"), the recurrence a duty is written with
("hằng tháng", "mỗi quý") and whether a task is overdue on a given day or has no
deadline at all.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .model import DocumentReport, Report, Task
from .render import label, owner_kind_name
from .text import match_key

# A recurrence as the iCalendar RRULE states it, with its name for people.
# Checked in this order: "6 tháng một lần" must not read as "tháng một lần".
_SCHEDULES: tuple[tuple[str, str, str, str, int, str, str], ...] = (
    # key, pattern (on the match key), FREQ, INTERVAL, vi, en
    ("half_yearly", r"(?:6|sáu) tháng (?:một|1) lần|(?:mỗi|hằng|hàng) (?:6|sáu) tháng",
     "MONTHLY", 6, "sáu tháng một lần", "every six months"),
    ("quarterly", r"(?:hằng|hàng|mỗi) quý|quý (?:một|1) lần|(?:3|ba) tháng (?:một|1) lần",
     "MONTHLY", 3, "hằng quý", "quarterly"),
    ("biweekly", r"(?:2|hai) tuần (?:một|1) lần|(?:mỗi|hằng|hàng) (?:2|hai) tuần",
     "WEEKLY", 2, "hai tuần một lần", "every two weeks"),
    ("weekly", r"(?:hằng|hàng|mỗi) tuần|tuần (?:một|1) lần",
     "WEEKLY", 1, "hằng tuần", "weekly"),
    # a cell meets once a month (Điều lệ Đảng): "at every cell meeting" is monthly
    ("monthly", r"(?:hằng|hàng|mỗi) tháng|tháng (?:một|1) lần|(?:các|mỗi|hằng) kỳ sinh hoạt"
     r"|sinh hoạt chi bộ (?:thường kỳ|định kỳ)",
     "MONTHLY", 1, "hằng tháng", "monthly"),
    ("yearly", r"(?:hằng|hàng|mỗi) năm\b|năm (?:một|1) lần",
     "YEARLY", 1, "hằng năm", "yearly"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Schedule:
    """A recurring duty: ``freq`` and ``interval`` as iCalendar's RRULE takes them."""

    key: str
    freq: str
    interval: int
    name: dict[str, str]


SCHEDULES = {
    key: Schedule(key, freq, interval, {"vi": vi, "en": en})
    for key, _pattern, freq, interval, vi, en in _SCHEDULES
}
_SCHEDULE_RE = [(key, re.compile(pattern)) for key, pattern, *_ in _SCHEDULES]


def schedule_of(task: Task) -> Schedule | None:
    """The recurrence the task is written with: its time as written when that is a
    frequency ("hằng quý"), else the first frequency its text names ("kiểm tra, giám
    sát hằng tháng; tổng kết trước 15/12/2026"); None for a one-off task."""
    for text in (task.deadline_text, task.text):
        if not text:
            continue
        key = match_key(text)
        found = [(m.start(), name) for name, rx in _SCHEDULE_RE if (m := rx.search(key))]
        if found:
            return SCHEDULES[min(found)[1]]
    return None


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12]))?$")


def deadline_day(value: str | None) -> date | None:
    """The last day an ISO deadline covers: "2026-04" → 30 April 2026, "2026-Q2" →
    30 June, "2026-H1" → 30 June, "2026" → 31 December; None when there is no
    deadline or its year is not known ("????-05-31")."""
    found = _ISO.match(value or "")
    if found is None:
        return None
    year, month, day, quarter, half = found.groups()
    y = int(year)
    if quarter or half:
        month = str(int(quarter) * 3 if quarter else int(half) * 6)
    if not month:
        return date(y, 12, 31)
    m = int(month)
    try:
        return date(y, m, int(day) if day else calendar.monthrange(y, m)[1])
    except ValueError:  # "31/2": not a day, so not a deadline a calendar can hold
        return None


# why a row is highlighted
OVERDUE, UNDATED = "overdue", "undated"
STATUS_NAMES = {
    OVERDUE: ("quá hạn", "overdue"),
    UNDATED: ("chưa có thời hạn", "no deadline"),
}


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One task of one draft, with what the matrix adds to it."""

    draft: str
    task: Task
    schedule: Schedule | None
    day: date | None  # the last day its deadline covers
    status: str | None  # OVERDUE, UNDATED or None


def task_status(task: Task, day: date | None, schedule: Schedule | None, today: date) -> str | None:
    """OVERDUE when the deadline's last day is before ``today``; UNDATED when the task
    says no time at all (neither a date nor a frequency); else None."""
    if day is not None and day < today:
        return OVERDUE
    if task.deadline_text is None and task.deadline is None and schedule is None:
        return UNDATED
    return None


def document_rows(doc: DocumentReport, today: date) -> list[MatrixRow]:
    """The matrix rows of one readable draft (none for an unreadable one)."""
    rows = []
    for task in doc.tasks:
        schedule, day = schedule_of(task), deadline_day(task.deadline)
        rows.append(
            MatrixRow(doc.path, task, schedule, day, task_status(task, day, schedule, today))
        )
    return rows


def matrix_rows(report: Report, today: date) -> list[MatrixRow]:
    """Every task of every readable draft, in report order."""
    return [
        row for doc in report.documents if doc.error is None for row in document_rows(doc, today)
    ]


# The columns, in order: key, Vietnamese, English. DRAFT only in a batch.
DRAFT = "draft"
COLUMNS: tuple[tuple[str, str, str], ...] = (
    (DRAFT, "Dự thảo", "Draft"),
    ("block", "Đoạn", "Para."),
    ("task", "Nhiệm vụ", "Task"),
    ("owner", "Người phụ trách", "Owner"),
    ("owner_kind", "Loại", "Owner kind"),
    ("role", "Vai trò", "Role"),
    ("deadline_text", "Thời hạn (như văn bản)", "Deadline as written"),
    ("deadline", "Thời hạn (ISO)", "Deadline (ISO)"),
    ("schedule", "Lặp lại", "Schedule"),
    ("status", "Tình trạng", "Status"),
)


def column_keys(with_draft: bool) -> list[str]:
    """The keys of the matrix's columns; the draft's only in a batch."""
    return [key for key, _vi, _en in COLUMNS if with_draft or key != DRAFT]


def headers(lang: str, with_draft: bool) -> list[str]:
    """The column headers in ``lang``."""
    names = {key: label(lang, vi, en) for key, vi, en in COLUMNS}
    return [names[key] for key in column_keys(with_draft)]


def status_name(status: str | None, lang: str) -> str:
    """The status in words: «quá hạn» (overdue), «chưa có thời hạn» (no deadline), or nothing."""
    return label(lang, *STATUS_NAMES[status]) if status in STATUS_NAMES else ""


def row_values(row: MatrixRow, lang: str, with_draft: bool) -> list[object]:
    """The row's cells in column order: the paragraph as a number, the rest as text
    (empty when the draft says nothing)."""
    t = row.task
    values = {
        DRAFT: row.draft,
        "block": t.block,
        "task": t.text,
        "owner": t.owner or "",
        "owner_kind": owner_kind_name(t.owner_kind, lang),
        "role": t.role or "",
        "deadline_text": t.deadline_text or "",
        "deadline": t.deadline or "",
        "schedule": row.schedule.name[lang] if row.schedule else "",
        "status": status_name(row.status, lang),
    }
    return [values[key] for key in column_keys(with_draft)]
