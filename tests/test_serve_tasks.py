"""The web page offers a draft's tasks as a calendar and a workbook, the same files
`nghiquyet tasks` writes, read back with icalendar and openpyxl."""

from __future__ import annotations

import base64
import io
import re

import openpyxl
import pytest
from icalendar import Calendar
from live_server import live_server, page_client

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def page(samples) -> str:
    with (
        page_client(live_server(), timeout=60) as client,
        open(samples / "strong.docx", "rb") as f,
    ):
        response = client.post(
            "/assess", files={"file": ("strong.docx", f, DOCX)}, data={"lang": "vi"}
        )
    assert response.status_code == 200
    return response.text


def download(page: str, name: str) -> bytes:
    found = re.search(
        rf'href="data:[^;"]+(?:;charset=utf-8)?;base64,([^"]+)" download="{name}"', page
    )
    assert found, name
    return base64.b64decode(found.group(1))


def test_the_page_offers_the_tasks_as_a_calendar(page, assessor, samples):
    tasks = assessor.assess_path(samples / "strong.docx").tasks
    calendar = Calendar.from_ical(download(page, "strong.lich-nhiem-vu.ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == len(tasks)  # every task of the strong sample has a date
    assert any(str(e["summary"]).startswith("Đồng chí Trần Văn Hòa: ") for e in events)
    assert "Lịch các nhiệm vụ (.ics)" in page


def test_the_page_offers_the_tasks_as_a_workbook(page, assessor, samples):
    tasks = assessor.assess_path(samples / "strong.docx").tasks
    workbook = openpyxl.load_workbook(io.BytesIO(download(page, "strong.phan-cong.xlsx")))
    rows = list(workbook.active.iter_rows(min_row=2, values_only=True))
    assert [r[:2] for r in rows] == [(t.block, t.text) for t in tasks]
