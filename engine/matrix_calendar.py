"""`nghiquyet tasks -f ics`: the responsibility matrix as a calendar (the icalendar
library, RFC 5545), for the phone or Outlook of whoever follows the resolution up.

Each dated task is one all-day event on the last day its deadline covers, with the
owner and the task in its summary and a reminder a week before. A recurring duty
("hằng tháng", "mỗi quý") repeats (RRULE) from the day of the run (``--today``),
until its deadline when it has one. A task with neither a date nor a frequency has
no day to be on, and stays out.

An event's UID is made from the draft's file name and the task's wording, so that
importing the file again after a redraft updates the events instead of doubling them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from .matrix import MatrixRow
from .render import label, task_action
from .text import match_key

REMINDER = timedelta(days=7)
SUMMARY_WIDTH = 160
# a monthly or yearly rule that starts on the 29th-31st skips the months without it
LAST_SAFE_DAY = 28


def event_uid(row: MatrixRow, seen: Counter) -> str:
    """A UID that stays the same while the draft's name and the task's wording do:
    the paragraph number is left out, so a task that moves keeps its event."""
    name = row.draft.replace("\\", "/").rsplit("/", 1)[-1]
    wording = " ".join(match_key(row.task.text).split())
    digest = hashlib.sha256(f"{name}\n{wording}".encode()).hexdigest()[:24]
    seen[digest] += 1
    suffix = f"-{seen[digest]}" if seen[digest] > 1 else ""
    return f"{digest}{suffix}@nghiquyet"


def occurrence(row: MatrixRow, today: date) -> tuple[date, bool, date | None] | None:
    """When the task's event is: its first day, whether it repeats, and until when
    (None: without end); None when the task has no day at all. A duty whose deadline
    has passed is one event on that deadline."""
    if row.schedule is None or (row.day is not None and row.day < today):
        return (row.day, False, None) if row.day is not None else None
    start = today
    if start.day > LAST_SAFE_DAY and row.schedule.freq != "WEEKLY":
        start = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
    if row.day is not None and row.day <= start:
        return row.day, False, None
    return start, True, row.day


def summary(row: MatrixRow, lang: str) -> str:
    """The event's title, «owner: what to do», the owner as written; a task without
    one says so."""
    owner = row.task.owner or label(lang, "Chưa có người phụ trách", "No owner")
    text = f"{owner}: {task_action(row.task)}"
    return text if len(text) <= SUMMARY_WIDTH else text[: SUMMARY_WIDTH - 1] + "…"


def description(row: MatrixRow, lang: str) -> str:
    """The task as written, its deadline as written and where it is in which draft."""
    t = row.task
    lines = [t.text]
    if t.role:
        lines.append(f"{label(lang, 'Vai trò', 'Role')}: {t.role}")
    if t.deadline_text:
        lines.append(f"{label(lang, 'Thời hạn', 'Deadline')}: {t.deadline_text}")
    if row.schedule is not None:
        lines.append(f"{label(lang, 'Lặp lại', 'Schedule')}: {row.schedule.name[lang]}")
    where = label(lang, "đoạn", "paragraph")
    lines.append(f"{label(lang, 'Dự thảo', 'Draft')}: {row.draft}, {where} {t.block}")
    return "\n".join(lines)


def task_event(row: MatrixRow, lang: str, today: date, seen: Counter):
    """The task's VEVENT (with its VALARM), or None when it has no day."""
    from icalendar import Alarm, Event

    when = occurrence(row, today)
    if when is None:
        return None
    start, repeats, until = when
    event = Event()
    event.add("uid", event_uid(row, seen))
    event.add("dtstamp", datetime.combine(today, time(0), tzinfo=UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(days=1))
    event.add("summary", summary(row, lang))
    event.add("description", description(row, lang))
    event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: the day stays free
    if repeats:
        rule = {"freq": row.schedule.freq, "interval": row.schedule.interval}
        event.add("rrule", rule | ({"until": until} if until is not None else {}))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary(row, lang))
    alarm.add("trigger", -REMINDER)
    event.add_component(alarm)
    return event


def calendar_bytes(rows: Sequence[MatrixRow], lang: str, today: date) -> bytes:
    """An iCalendar file with an event for every task that has a day or a frequency."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//nghiquyet//responsibility matrix//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("x-wr-calname", label(lang, "Phân công nhiệm vụ", "Responsibility matrix"))
    seen: Counter = Counter()
    for row in rows:
        event = task_event(row, lang, today, seen)
        if event is not None:
            cal.add_component(event)
    return cal.to_ical()


def left_out(rows: Sequence[MatrixRow], today: date) -> int:
    """How many tasks have no day to put in a calendar."""
    return sum(1 for row in rows if occurrence(row, today) is None)
