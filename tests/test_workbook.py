"""The committee workbook: `assess FOLDER -o tong-hop.xlsx` and `--format csv`, and the
drafts × criteria table of the HTML batch page, sortable by any column.

The folder holds the samples as Markdown, a real .docx made with python-docx and a
file that is not a Word file at all. The workbook is read back with openpyxl, the
CSV with the csv module, and every number is held to the JSON report of the same run.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from nghiquyet.engine.cli import assess_command
from nghiquyet.engine.criteria import CRITERIA
from on_terminal import stdout_on_terminal


@pytest.fixture(scope="module")
def folder(samples, tmp_path_factory) -> Path:
    """Three drafts in a committee's inbox, one as Word, and one broken file."""
    inbox = tmp_path_factory.mktemp("hop-thu")
    for name in ("strong", "formalistic"):
        (inbox / f"{name}.md").write_text((samples / f"{name}.md").read_text("utf-8"), "utf-8")
    document = Document()
    for line in (samples / "middling.md").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("|"):
            document.add_paragraph(line.lstrip("# ").replace("**", ""))
    document.save(inbox / "trung-binh.docx")
    (inbox / "hỏng.docx").write_bytes(b"not a Word file")
    return inbox


def assess(*args, cache: Path):
    env = {"NGHIQUYET_CACHE_DIR": str(cache)}
    return CliRunner(env=env).invoke(
        assess_command, [*map(str, args), "--exit-zero"], catch_exceptions=False
    )


@pytest.fixture(scope="module")
def results(folder, tmp_path_factory):
    """One run as JSON, one as a workbook, one as CSV, one as HTML (the cache shared)."""
    out = tmp_path_factory.mktemp("out")
    cache = out / "cache"
    runs = {
        "json": assess(folder, "-f", "json", cache=cache),
        "xlsx": assess(folder, "-o", out / "tong-hop.xlsx", cache=cache),
        "csv": assess(folder, "-f", "csv", cache=cache),
        "html": assess(folder, "-o", out / "tong-hop.html", cache=cache),
    }
    for name, result in runs.items():
        assert result.exit_code == 2, (name, result.stderr)  # the broken file
    return {
        "json": json.loads(runs["json"].stdout),
        "workbook": openpyxl.load_workbook(out / "tong-hop.xlsx"),
        "csv": runs["csv"].stdout_bytes,
        "html": (out / "tong-hop.html").read_text("utf-8"),
        "stderr": runs["xlsx"].stderr,
    }


def test_the_workbook_has_drafts_findings_and_tasks(results):
    assert [s.title for s in results["workbook"].worksheets] == [
        "Tổng hợp",
        "Phát hiện",
        "Nhiệm vụ",
    ]
    assert "tong-hop.xlsx" in results["stderr"] and "hỏng.docx" in results["stderr"]
    for sheet in results["workbook"].worksheets:
        assert sheet.freeze_panes == "A2" and all(c.font.bold for c in sheet[1])
        assert sheet.auto_filter.ref == sheet.dimensions


def test_sheet_one_is_a_row_per_draft_with_each_criterion(results):
    sheet = results["workbook"].worksheets[0]
    header = [c.value for c in sheet[1]]
    names = [c.name["vi"] for c in CRITERIA]
    assert header[:4] == ["Dự thảo", "Điểm", "Xếp loại", "Giai đoạn"]
    assert header[4 : 4 + len(CRITERIA)] == names
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    documents = results["json"]["documents"]
    assert len(rows) == len(documents) == 4
    for doc in documents:
        row = rows[doc["path"]]
        if doc["error"] is not None:
            assert row[1] is None and row[-1] == doc["error"]["message"]
            continue
        assert row[1] == round(doc["score"], 1) and row[2] == doc["grade"]
        assert row[3] == "Dự thảo"
        scores = [round(c["score"], 1) for c in doc["criteria"]]
        assert list(row[4 : 4 + len(CRITERIA)]) == scores
        assert row[4 + len(CRITERIA)] == len(doc["findings"])


def test_scores_are_coloured_by_conditional_formats(results):
    sheet = results["workbook"].worksheets[0]
    rules = {
        str(rng.sqref): [(r.formula[0], r.dxf.fill.bgColor.rgb[-6:]) for r in rng.rules]
        for rng in sheet.conditional_formatting
    }
    last = sheet.max_row
    assert rules[f"E2:M{last}"] == [
        ("AND(ISNUMBER(E2),E2>=80)", "C6EFCE"),
        ("AND(ISNUMBER(E2),E2>=65,E2<80)", "DDEBF7"),
        ("AND(ISNUMBER(E2),E2>=50,E2<65)", "FFEB9C"),
        ("AND(ISNUMBER(E2),E2>=0,E2<50)", "FFC7CE"),
    ]
    assert [f for f, _colour in rules[f"B2:B{last}"]][0] == "AND(ISNUMBER(B2),B2>=80)"


def test_sheets_two_and_three_hold_every_finding_and_task(results):
    documents = [d for d in results["json"]["documents"] if d["error"] is None]
    findings, tasks = results["workbook"].worksheets[1:]
    finding_rows = list(findings.iter_rows(min_row=2, values_only=True))
    assert len(finding_rows) == sum(len(d["findings"]) for d in documents)
    first = documents[0]["findings"][0]
    assert finding_rows[0][:3] == (
        documents[0]["path"],
        first["location"]["block"],
        first["rule_id"],
    )
    assert finding_rows[0][6] == first["message"]
    task_rows = list(tasks.iter_rows(min_row=2, values_only=True))
    assert [c.value for c in tasks[1]][:3] == ["Dự thảo", "Đoạn", "Nhiệm vụ"]
    expected = [(d["path"], t["block"], t["text"]) for d in documents for t in d["tasks"]]
    assert [r[:3] for r in task_rows] == expected


def test_csv_is_sheet_one_with_a_bom(results):
    data = results["csv"]
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    sheet = results["workbook"].worksheets[0]
    assert rows[0] == [c.value for c in sheet[1]]

    def same(value: object) -> object:  # a score reads back from .xlsx as 25, from CSV "25.0"
        try:
            return float(value)
        except (TypeError, ValueError):
            return "" if value is None else value

    shown = [[same(v) for v in r] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert [[same(v) for v in r] for r in rows[1:]] == shown


def test_the_workbook_in_english(folder, tmp_path):
    target = tmp_path / "summary.xlsx"
    result = assess(folder, "-f", "XLSX", "-o", target, "--lang", "en", cache=tmp_path / "c")
    assert result.exit_code == 2, result.stderr
    workbook = openpyxl.load_workbook(target)
    assert [s.title for s in workbook.worksheets] == ["Drafts", "Findings", "Tasks"]
    header = [c.value for c in workbook.worksheets[0][1]]
    assert header[:4] == ["Draft", "Score", "Grade", "Stage"]
    assert header[4] == CRITERIA[0].name["en"]


def test_a_workbook_to_a_terminal_is_refused(samples, tmp_path):
    result = stdout_on_terminal(
        "assess",
        samples / "strong.md",
        "--format",
        "xlsx",
        "--lang",
        "en",
        cache=tmp_path / "cache",
    )
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        "nghiquyet: xlsx is a binary format, not for a terminal: write it to a file with -o FILE.xlsx"
    )


def test_a_workbook_through_a_pipe_is_written(samples, tmp_path):
    result = assess(samples / "strong.md", "-f", "xlsx", cache=tmp_path / "cache")
    assert result.exit_code == 0, result.stderr
    (tmp_path / "piped.xlsx").write_bytes(result.stdout_bytes)
    sheet = openpyxl.load_workbook(tmp_path / "piped.xlsx").worksheets[0]
    assert sheet["A2"].value.endswith("strong.md")


# ---------------------------------------------------------------- HTML


def matrix_rows(page: str) -> list[list[str]]:
    table = page.split('<table class="matrix"', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [
        re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body)
    ]


def test_the_batch_page_has_the_drafts_by_criteria_table(results):
    page = results["html"]
    assert "<script" not in page.lower()
    rows = matrix_rows(page)
    scored = [d for d in results["json"]["documents"] if d["error"] is None]
    assert len(rows) == len(scored)  # the broken file is in the summary, not here
    assert [r[0] for r in rows] == [d["path"] for d in sorted(scored, key=lambda d: -d["score"])]
    for row in rows:
        assert len(row) == 4 + len(CRITERIA)


def test_the_table_sorts_by_any_column_in_a_browser(page_watch, results, tmp_path):
    page_file = tmp_path / "tong-hop.html"
    page_file.write_text(results["html"], "utf-8")
    page = page_watch.page
    page.goto(page_file.as_uri())

    def shown_order() -> list[str]:
        """The drafts' names from top to bottom as the page shows them."""
        return page.evaluate(
            """() => [...document.querySelectorAll("table.matrix tbody td:first-child")]
                .map(td => [td.getBoundingClientRect().top, td.textContent])
                .sort((a, b) => a[0] - b[0]).map(pair => pair[1])"""
        )

    scored = [d for d in results["json"]["documents"] if d["error"] is None]
    by_score = [d["path"] for d in sorted(scored, key=lambda d: d["score"])]
    assert shown_order() == by_score[::-1]  # best first, as the page comes
    page.locator('label[for="sort-1-a"]').click()  # Điểm ▲
    assert shown_order() == by_score
    page.locator('label[for="sort-0-a"]').click()  # Dự thảo ▲
    assert shown_order() == sorted(by_score, key=str.casefold)
    for n, criterion in enumerate(CRITERIA, start=4):
        page.locator(f'label[for="sort-{n}-d"]').click()
        scores = [
            next(c["score"] for c in d["criteria"] if c["id"] == criterion.id) for d in scored
        ]
        order = shown_order()
        shown_scores = [scores[[d["path"] for d in scored].index(p)] for p in order]
        assert shown_scores == sorted(shown_scores, reverse=True), criterion.id
    header = page.locator("table.matrix th").first.bounding_box()
    first_cell = page.locator("table.matrix td").first.bounding_box()
    assert header["y"] < first_cell["y"]  # the header stays on top
    assert page_watch.console_errors == [] and page_watch.page_errors == []
