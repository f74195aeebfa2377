"""`nghiquyet tasks`: the responsibility matrix as text, CSV, .xlsx and .ics.

Drafts are the bundled samples, a variant of the strong one whose duties recur
("hằng quý", "hằng tuần", "hằng tháng"), and a real .docx of it made with
python-docx. What the command writes is read back with the csv module, openpyxl and
icalendar; the tasks must be those `assess --format json` reports.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from icalendar import Calendar
from nghiquyet.engine.cli import assess_command, main
from nghiquyet.engine.matrix import deadline_day, schedule_of
from nghiquyet.engine.model import Task
from on_terminal import stdout_on_terminal

BIN = Path(sys.executable).parent
TODAY = "2026-04-01"
QUARTERLY = (
    "4. Chi hội Phụ nữ thôn (đồng chí Nguyễn Thị Mai, chi hội trưởng) họp các xóm hằng quý "
    "để nhắc phân loại rác."
)
WEEKLY = "5. Đồng chí Võ Minh Tuấn, bí thư chi đoàn, kiểm tra 3 điểm tập kết rác hằng tuần."
UNDATED = "6. Ban nhân dân thôn vận động các hộ còn lại đăng ký thu gom rác."


def recurring_text(samples: Path) -> str:
    """The strong sample with tasks 4 and 5 made recurring and a sixth without a date."""
    text = (samples / "strong.md").read_text("utf-8")
    old4 = next(line for line in text.splitlines() if line.startswith("4. Chi hội Phụ nữ"))
    old5 = next(line for line in text.splitlines() if line.startswith("5. Chi đoàn"))
    return text.replace(old4, QUARTERLY).replace(old5, f"{WEEKLY}\n{UNDATED}")


def write_docx(markdown: str, target: Path) -> Path:
    """A Word file with python-docx: headings as Word headings, every other line a
    paragraph (the header and signature tables of the sample left out)."""
    document = Document()
    for line in markdown.splitlines():
        if not line.strip() or line.startswith("|"):
            continue
        if line.startswith("#"):
            document.add_heading(line.lstrip("# ").replace("**", ""), level=1)
        else:
            document.add_paragraph(line.replace("**", "").replace("*", ""))
    document.save(target)
    return target


@pytest.fixture(scope="module")
def drafts(samples, tmp_path_factory) -> Path:
    """A folder: the recurring variant as Markdown and as .docx, and the middling sample."""
    folder = tmp_path_factory.mktemp("chi-bo")
    text = recurring_text(samples)
    (folder / "dinh-ky.md").write_text(text, "utf-8")
    write_docx(text, folder / "dinh-ky-word.docx")
    (folder / "middling.md").write_text((samples / "middling.md").read_text("utf-8"), "utf-8")
    return folder


@pytest.fixture
def tasks(monkeypatch, tmp_path):
    """``nghiquyet tasks ARGS`` in-process through the installed group, private cache."""
    monkeypatch.setenv("NGHIQUYET_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NGHIQUYET_CONFIG", raising=False)

    def invoke(*args):
        return CliRunner().invoke(main, ["tasks", *map(str, args)], catch_exceptions=False)

    return invoke


def json_tasks(path: Path) -> list[dict]:
    """The tasks `assess --format json` reports for one draft."""
    result = CliRunner().invoke(
        assess_command, [str(path), "-f", "json", "--exit-zero", "--no-cache"]
    )
    return json.loads(result.stdout)["documents"][0]["tasks"]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode()), "Excel needs the byte-order mark"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


# ---------------------------------------------------------------- the pure parts


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-03-20", date(2026, 3, 20)),
        ("2026-04", date(2026, 4, 30)),
        ("2028-02", date(2028, 2, 29)),
        ("2026-Q2", date(2026, 6, 30)),
        ("2026-H2", date(2026, 12, 31)),
        ("2026", date(2026, 12, 31)),
        ("????-05-31", None),
        (None, None),
    ],
)
def test_a_deadline_falls_on_the_last_day_it_covers(value, day):
    assert deadline_day(value) == day


@pytest.mark.parametrize(
    ("text", "written", "key"),
    [
        ("Chi ủy kiểm tra, giám sát hằng tháng.", "hằng tháng", "monthly"),
        ("Tổ tự quản dọn vệ sinh hàng tuần.", "hàng tuần", "weekly"),
        ("Ban chi ủy họp mỗi quý một lần.", "mỗi quý", "quarterly"),
        ("Chi bộ kiểm điểm 6 tháng một lần.", None, "half_yearly"),
        ("Đánh giá tại các kỳ sinh hoạt chi bộ.", None, "monthly"),
        ("Kiểm tra hằng tháng; tổng kết trước ngày 15/12/2026.", "15/12/2026", "monthly"),
        ("Hoàn thành trước ngày 30/4/2026.", "30/4/2026", None),
    ],
)
def test_the_schedule_is_the_frequency_the_task_is_written_with(text, written, key):
    task = Task(text, 1, None, None, None, written)
    found = schedule_of(task)
    assert (found.key if found else None) == key


# ---------------------------------------------------------------- text


def test_text_lists_every_task_assess_reads_with_overdue_and_undated(tasks, drafts):
    draft = drafts / "dinh-ky.md"
    result = tasks(draft, "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    expected = json_tasks(draft)
    assert len(lines) == 1 + len(expected) + 2  # header, rows, blank, total
    assert lines[0].split()[:2] == ["Đoạn", "Nhiệm"]
    for line, task in zip(lines[1:], expected, strict=False):
        assert line.split()[0] == str(task["block"])
    overdue = next(line for line in lines if line.split()[:1] == ["42"])
    assert "Đồng chí Trần Văn Hòa" in overdue and "2026-03-20" in overdue
    assert overdue.rstrip().endswith("quá hạn")
    assert "hằng quý" in next(line for line in lines if "Chi hội Phụ nữ" in line)
    assert lines[-1] == "7 nhiệm vụ; 1 quá hạn (so với ngày 2026-04-01); 1 chưa có thời hạn"


def test_text_in_english(tasks, drafts):
    result = tasks(drafts / "dinh-ky.md", "--today", TODAY, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header[:3] == ["Para.", "Task", "Owner"] and "Schedule" in header
    assert "quarterly" in result.stdout and "weekly" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("7 tasks; 1 overdue (as of 2026-04-01)")


# ---------------------------------------------------------------- csv


def test_csv_has_a_bom_and_the_whole_matrix(tasks, drafts, tmp_path):
    draft = drafts / "dinh-ky.md"
    target = tmp_path / "phan-cong.csv"
    result = tasks(draft, "-o", target, "--today", TODAY)  # the suffix picks the format
    assert result.exit_code == 0, result.stderr
    rows = read_csv(target.read_bytes())
    assert rows[0] == [
        "Đoạn",
        "Nhiệm vụ",
        "Người phụ trách",
        "Loại",
        "Vai trò",
        "Thời hạn (như văn bản)",
        "Thời hạn (ISO)",
        "Lặp lại",
        "Tình trạng",
    ]
    expected = json_tasks(draft)
    assert len(rows) == 1 + len(expected)
    for row, task in zip(rows[1:], expected, strict=True):
        assert row[0] == str(task["block"]) and row[1] == task["text"]
        assert row[2] == (task["owner"] or "") and row[4] == (task["role"] or "")
        assert row[5] == (task["deadline_text"] or "") and row[6] == (task["deadline"] or "")
    by_text = {row[1]: row for row in rows[1:]}
    assert by_text[QUARTERLY][7] == "hằng quý" and by_text[WEEKLY][7] == "hằng tuần"
    assert by_text[UNDATED][8] == "chưa có thời hạn"
    english = read_csv(tasks(draft, "-f", "CSV", "--lang", "en").stdout_bytes)
    assert english[0][:3] == ["Para.", "Task", "Owner"] and english[0][-1] == "Status"


def test_a_folder_gives_one_table_with_a_draft_column(tasks, drafts):
    result = tasks(drafts, "-f", "csv", "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    rows = read_csv(result.stdout_bytes)
    assert rows[0][:2] == ["Dự thảo", "Đoạn"]
    names = {Path(row[0]).name for row in rows[1:]}
    assert names == {"dinh-ky.md", "dinh-ky-word.docx", "middling.md"}
    # the .docx made with python-docx reads the same tasks as its Markdown
    word = [row[2:] for row in rows[1:] if row[0].endswith(".docx")]
    markdown = [row[2:] for row in rows[1:] if row[0].endswith("dinh-ky.md")]
    assert word == markdown and len(word) == 7


def test_a_task_that_starts_like_a_formula_stays_text(tasks, samples, tmp_path):
    text = recurring_text(samples).replace(UNDATED, '=HYPERLINK("http://x") ' + UNDATED)
    draft = tmp_path / "cong-thuc.md"
    draft.write_text(text, "utf-8")
    rows = read_csv(tasks(draft, "-f", "csv").stdout_bytes)
    assert any(row[1].startswith("'=HYPERLINK") for row in rows)
    target = tmp_path / "cong-thuc.xlsx"
    assert tasks(draft, "-o", target).exit_code == 0
    sheet = openpyxl.load_workbook(target).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if str(c.value).startswith("=")]
    assert len(cells) == 1 and cells[0].data_type == "s"


# ---------------------------------------------------------------- xlsx


def test_xlsx_is_a_formatted_filtered_table_with_overdue_and_undated_rows(tasks, drafts, tmp_path):
    target = tmp_path / "phan-cong.xlsx"
    result = tasks(drafts / "dinh-ky-word.docx", "-o", target, "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    assert "phan-cong.xlsx" in result.stderr  # says where it went
    sheet = openpyxl.load_workbook(target).active
    assert sheet.title == "Nhiệm vụ"
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Đoạn", "Nhiệm vụ", "Người phụ trách"]
    assert all(c.font.bold for c in sheet[1]) and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:I{sheet.max_row}"
    status = header.index("Tình trạng")
    colours = {}
    for row in sheet.iter_rows(min_row=2):
        colours[row[status].value or ""] = {c.fill.fgColor.rgb[-6:] for c in row}
        assert isinstance(row[0].value, int)  # the paragraph is a number, sortable
    assert colours["quá hạn"] == {"FFC7CE"}
    assert colours["chưa có thời hạn"] == {"FFEB9C"}
    assert colours[""] == {"000000"}  # no fill
    assert sheet.max_row == 1 + 7


def test_xlsx_to_a_terminal_is_refused(drafts, tmp_path):
    result = stdout_on_terminal(
        "nghiquyet", "tasks", drafts / "dinh-ky.md", "-f", "xlsx", cache=tmp_path / "cache"
    )
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        "nghiquyet: xlsx là định dạng nhị phân, không in ra màn hình: ghi vào tệp bằng -o TỆP.xlsx"
    ]


# ---------------------------------------------------------------- ics


def events_of(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_ics_has_an_all_day_event_per_dated_task_with_recurrence_and_reminder(tasks, drafts):
    result = tasks(drafts / "dinh-ky.md", "-f", "ics", "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    events = events_of(result.stdout_bytes)
    assert len(events) == 6  # 7 tasks, one with neither a date nor a frequency
    assert "1 nhiệm vụ không có ngày hoặc tần suất" in result.stderr
    first = events[next(s for s in events if s.startswith("Đồng chí Trần Văn Hòa: chủ trì chung"))]
    assert first.decoded("dtstart") == date(2026, 3, 20)
    assert first.decoded("dtend") == date(2026, 3, 21)  # all day
    assert "rrule" not in first
    alarm = first.walk("VALARM")[0]
    assert alarm.decoded("trigger") == -timedelta(days=7) and str(alarm["action"]) == "DISPLAY"
    assert "đoạn 42" in str(first["description"])
    quarterly = events[next(s for s in events if "Nguyễn Thị Mai" in s)]
    assert dict(quarterly["rrule"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [3]}
    assert quarterly.decoded("dtstart") == date(2026, 4, 1)
    weekly = events[next(s for s in events if s.startswith("Đồng chí Võ Minh Tuấn"))]
    assert weekly["rrule"]["FREQ"] == ["WEEKLY"]
    monthly = events[next(s for s in events if s.startswith("Chi ủy: kiểm tra, giám sát"))]
    assert monthly["rrule"]["FREQ"] == ["MONTHLY"]
    assert monthly["rrule"]["UNTIL"] == [date(2026, 12, 15)]  # the review closes it


def test_ics_uids_stay_when_a_task_moves_and_differ_between_tasks(tasks, drafts, tmp_path):
    draft = drafts / "dinh-ky.md"
    before = {
        str(e["summary"]): str(e["uid"])
        for e in events_of(tasks(draft, "-f", "ics").stdout_bytes).values()
    }
    moved = tmp_path / "dinh-ky.md"  # same name, a paragraph inserted above the tasks
    moved.write_text(
        draft.read_text("utf-8").replace(
            "## V. TỔ CHỨC THỰC HIỆN\n",
            "## V. TỔ CHỨC THỰC HIỆN\n\nChi bộ giao nhiệm vụ như sau.\n",
        ),
        "utf-8",
    )
    after = {
        str(e["summary"]): str(e["uid"])
        for e in events_of(tasks(moved, "-f", "ics").stdout_bytes).values()
    }
    assert before == after
    assert len(set(before.values())) == len(before)
    assert all(uid.endswith("@nghiquyet") for uid in before.values())


def test_ics_in_english(tasks, drafts):
    data = tasks(drafts / "dinh-ky.md", "-f", "ics", "--lang", "en", "--today", TODAY).stdout_bytes
    calendar = Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == "Responsibility matrix"
    descriptions = [str(e["description"]) for e in calendar.walk("VEVENT")]
    assert any("Schedule: quarterly" in d for d in descriptions)


# ---------------------------------------------------------------- output and bad input


def test_an_unreadable_file_is_one_line_and_exit_2_the_rest_goes_on(tasks, drafts, tmp_path):
    bad = tmp_path / "hỏng.docx"
    bad.write_bytes(b"not a Word file")
    result = tasks(drafts / "dinh-ky.md", bad, "-f", "csv")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "hỏng.docx" in errors[0] and "Traceback" not in result.stderr
    rows = read_csv(result.stdout_bytes)
    assert rows[0][0] == "Dự thảo" and len(rows) == 1 + 7


def test_never_writes_over_an_input(tasks, drafts, tmp_path):
    draft = tmp_path / "du-thao.md"
    text = (drafts / "dinh-ky.md").read_text("utf-8")
    draft.write_text(text, "utf-8")
    result = tasks(draft, "-o", draft, "-f", "csv")
    assert result.exit_code == 2
    assert "không ghi đè lên tệp đầu vào" in result.stderr
    assert draft.read_text("utf-8") == text
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "--today '1/4/2026': ghi ngày theo dạng NĂM-THÁNG-NGÀY (2026-05-01)"),
        ("en", "--today '1/4/2026': give a date as YEAR-MONTH-DAY (2026-05-01)"),
    ],
)
def test_a_bad_today_is_one_line(tasks, drafts, lang, expected):
    result = tasks(drafts / "dinh-ky.md", "--today", "1/4/2026", "--lang", lang)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"nghiquyet: {expected}"


def test_the_installed_command_writes_the_step_5_calendar(drafts, tmp_path):
    """The README's workflow, as a user runs it."""
    env = {**os.environ, "NGHIQUYET_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [BIN / "nghiquyet", "tasks", drafts / "dinh-ky-word.docx", "-f", "ics", "-o", "lich.ics"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(events_of((tmp_path / "lich.ics").read_bytes())) == 6
