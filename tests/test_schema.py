"""The JSON Schemas (docs/report.schema.json, docs/compare.schema.json) hold every JSON
the tool writes: a single draft, a batch, a batch with files that cannot be read,
``--stage``, ``--select``/``--ignore``, ``--lang en``, ``compare`` and the web page's
API, each made by the installed entry points from real drafts; so do the golden
reports and the README's example. The schemas are checked against the 2020-12
metaschema, shipped in the package, and strict where the contract is (a wrong
severity or a missing field fails) while open to additive fields.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import hostile_files as H
import httpx
import pytest
from json_schemas import COMPARE, DOCUMENT, REPORT, assert_valid
from jsonschema import Draft202012Validator
from live_server import live_server
from nghiquyet.engine.cli import main
from nghiquyet.engine.schemas import SCHEMA_NAMES, load_schema, schema_path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# A report (BÁO CÁO) is refused as not a resolution; with --force it is scored with a note.
REPORT_TEXT = """ĐẢNG BỘ XÃ PHÚ AN
CHI BỘ THÔN PHÚ XUÂN

BÁO CÁO
Kết quả thực hiện nhiệm vụ quý I năm 2026

Trong quý I, chi bộ đã vận động 45 hộ dân tham gia phân loại rác tại nguồn, đạt 60%.
Đồng chí Lê Văn Tâm, Bí thư chi bộ, chủ trì kiểm tra việc thu gom rác hằng tháng.
"""

# Tasks dated without a year, and no date line to take the year from.
NO_YEAR_TEXT = """# NGHỊ QUYẾT về nâng cao chất lượng sinh hoạt chi bộ

## I. Tình hình

Chi bộ có 20 đảng viên; năm qua 3 đồng chí vắng sinh hoạt nhiều lần, 2 buổi sinh hoạt chưa có chuyên đề.

## IV. Tổ chức thực hiện

1. Đồng chí Nguyễn Văn An, Bí thư chi bộ, xây dựng kế hoạch sinh hoạt chuyên đề trước ngày 30/4.
2. Đồng chí Trần Thị Bình, Phó Bí thư, tổng hợp danh sách đảng viên vắng sinh hoạt trong quý II.
"""

# A redraft of the middling sample: its vague task gets an owner and a deadline,
# and a new task with a collective owner and no deadline is added.
VAGUE_TASK = "6. Các đồng chí đảng viên trong chi bộ tích cực tham gia thực hiện Nghị quyết."
NAMED_TASK = (
    "6. Đồng chí Hà Văn Sinh, chi ủy viên, chủ trì vận động đảng viên đỡ đầu học sinh; "
    "hoàn thành trước ngày 30/4/2026."
)
SLOGAN_TASK = "7. Các đoàn thể trong nhà trường tích cực hưởng ứng, tham gia thực hiện."

# Text no legacy font or encoding explains: refused as mojibake.
GARBLED = "\n".join("ÅØÆ ßðþ ¿¡ ×÷ ÐÞ ĦŁ øåæ ÿþý" for _ in range(20))


def report_of(result, *, exit_code: int | None = None) -> dict:
    """The JSON on standard output, valid against the report schema."""
    if exit_code is not None:
        assert result.exit_code == exit_code, result.output
    data = json.loads(result.stdout)
    assert_valid(REPORT, data)
    return data


# --- the schemas themselves -------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_a_valid_2020_12_schema(name):
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_the_installed_schema_is_the_one_in_docs(name):
    assert schema_path(name).read_bytes() == (DOCS / f"{name}.schema.json").read_bytes()


def test_every_error_code_of_docs_errors_md_is_listed():
    table = (DOCS / "errors.md").read_text("utf-8").split("## What is converted")[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.M)
    listed = load_schema("report")["$defs"]["error"]["properties"]["code"]["examples"]
    assert documented and listed == documented


# --- what assess writes -----------------------------------------------------------


def test_a_single_word_draft(run, samples):
    data = report_of(run(samples / "middling.docx", "-f", "json"), exit_code=1)
    (doc,) = data["documents"]
    assert doc["error"] is None and doc["grade"] == "Khá"
    assert {t["owner_kind"] for t in doc["tasks"]} >= {"person"}


def test_a_batch_of_a_folder(run, samples, tmp_path):
    folder = tmp_path / "chi-bo"
    # the drafts only: samples/review holds progress reports, which assess refuses
    shutil.copytree(samples, folder, ignore=shutil.ignore_patterns("*.py", "review"))
    data = report_of(run(folder, "-f", "json", "--jobs", "1", "--exit-zero"), exit_code=0)
    assert len(data["documents"]) == 6
    assert {d["grade"] for d in data["documents"]} >= {"Tốt", "Yếu"}


def test_a_batch_with_files_that_cannot_be_read(run, samples, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    good = shutil.copy(samples / "strong.docx", folder / "strong.docx")
    broken = [
        H.truncated_docx(folder / "cut.docx"),
        H.corrupt_docx(folder / "hong.docx"),
        folder / "rong.docx",
        folder / "rong.md",
        folder / "doi-ten.docx",
        folder / "ban-in.pdf",
        folder / "khong-co.md",
        H.unicode_docx(folder / "loi-font.docx", [GARBLED] * 5),
    ]
    broken[2].write_bytes(b"")
    broken[3].write_bytes(b"")
    broken[4].write_text("Nghị quyết về phân loại rác\n", "utf-8")
    broken[5].write_bytes(b"%PDF-1.4\n")
    (folder / "bao-cao.md").write_text(REPORT_TEXT, "utf-8")
    result = run(good, *broken, folder / "bao-cao.md", "-f", "json", "--no-cache")
    data = report_of(result, exit_code=2)
    codes = {Path(d["path"]).name: d["error"] and d["error"]["code"] for d in data["documents"]}
    assert codes == {
        "strong.docx": None,
        "cut.docx": "corrupt",
        "hong.docx": "corrupt",
        "rong.docx": "empty",
        "rong.md": "empty",
        "doi-ten.docx": "not_docx",
        "ban-in.pdf": "unsupported",
        "khong-co.md": "not_found",
        "loi-font.docx": "legacy_encoding",
        "bao-cao.md": "not_a_resolution",
    }


def test_notes_from_a_legacy_font_and_a_forced_document(run, tmp_path):
    tcvn3 = H.tcvn3_docx(tmp_path / "tcvn3.docx", H.sample_blocks("strong"))
    report = tmp_path / "bao-cao.md"
    report.write_text(REPORT_TEXT, "utf-8")
    data = report_of(run(tcvn3, report, "-f", "json", "--force", "--exit-zero", "--no-cache"))
    assert all(d["notes"] for d in data["documents"])


@pytest.mark.parametrize("stage", ["adopted", "draft", "auto"])
def test_each_stage(run, samples, stage):
    data = report_of(run(samples / "strong.md", "-f", "json", "--stage", stage, "--exit-zero"))
    assert data["documents"][0]["stage"] == ("draft" if stage == "auto" else stage)


@pytest.mark.parametrize(
    "args",
    [
        ("--select", "assignments,NQ801"),
        ("--ignore", "format,NQ6"),
        ("--select", "task-without-owner"),
    ],
)
def test_select_and_ignore_leave_criteria_unscored(run, samples, args):
    data = report_of(run(samples / "middling.md", "-f", "json", "--exit-zero", *args))
    assert None in {c["score"] for c in data["documents"][0]["criteria"]}


def test_english_report(run, samples):
    data = report_of(run(samples / "formalistic.docx", "-f", "json", "--lang", "en"), exit_code=1)
    assert data["documents"][0]["grade"] == "Yếu"  # the contract keeps the Vietnamese grade


def test_a_task_dated_without_a_year(run, tmp_path):
    draft = tmp_path / "khong-nam.md"
    draft.write_text(NO_YEAR_TEXT, "utf-8")
    data = report_of(run(draft, "-f", "json", "--exit-zero", "--force", "--no-cache"))
    deadlines = {t["deadline"] for t in data["documents"][0]["tasks"]}
    assert deadlines == {"????-04-30", "????-Q2"}


def test_the_web_page_api(samples):
    with httpx.Client(base_url=live_server(), timeout=60) as web:
        good = web.post(
            "/api/assess", files={"file": ("strong.docx", (samples / "strong.docx").read_bytes())}
        )
        broken = web.post("/api/assess", files={"file": ("hỏng.docx", b"PK\x03\x04 broken")})
        english = web.post(
            "/api/assess", files={"file": ("t.md", NO_YEAR_TEXT.encode())}, data={"lang": "en"}
        )
    for response in (good, broken, english):
        assert_valid(REPORT, response.json())
    assert broken.json()["documents"][0]["error"]["code"] == "corrupt"


@pytest.mark.parametrize("golden", sorted((ROOT / "tests" / "golden").glob("*.json")), ids=str)
def test_golden_reports(golden):
    assert_valid(DOCUMENT, json.loads(golden.read_text("utf-8"))["report"])


# --- compare ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare_a_redraft(run, samples, tmp_path, lang):
    text = (samples / "middling.md").read_text("utf-8")
    assert VAGUE_TASK in text
    redraft = tmp_path / "middling-v2.md"
    redraft.write_text(text.replace(VAGUE_TASK, NAMED_TASK + "\n\n" + SLOGAN_TASK), "utf-8")
    result = run(
        "compare", samples / "middling.md", redraft, "-f", "json", "--lang", lang, command=main
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert_valid(COMPARE, data)
    assert data["fixed"] and data["new"] and data["remaining"]


def test_compare_with_an_unreadable_side(run, samples, tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_text("không phải tệp Word", "utf-8")
    for old, new in ((samples / "middling.md", broken), (broken, broken)):
        result = run("compare", old, new, "-f", "json", command=main)
        assert result.exit_code == 2
        data = json.loads(result.stdout)
        assert_valid(COMPARE, data)
        assert data["delta"]["score"] is None


def test_compare_written_to_a_file_with_a_stage(run, samples, tmp_path):
    out = tmp_path / "so-sanh.json"
    result = run(
        "compare",
        samples / "formalistic.md",
        samples / "middling.docx",
        "-f",
        "json",
        "--stage",
        "adopted",
        "-o",
        out,
        command=main,
    )
    assert result.exit_code == 0, result.output
    assert_valid(COMPARE, json.loads(out.read_text("utf-8")))


# --- the README, and what the schema refuses or lets through ---------------------


def readme_example() -> dict:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("### JSON report", 1)[1]
    return json.loads(section.split("```json", 1)[1].split("```", 1)[0])


def test_the_readme_example_is_valid():
    assert_valid(REPORT, readme_example())


def _broken(change) -> dict:
    data = copy.deepcopy(readme_example())
    change(data["documents"][0])
    return data


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("score"),
        lambda d: d["findings"][0].update(severity="fatal"),
        lambda d: d["findings"][0].update(rule_id="601"),
        lambda d: d["criteria"][0].update(id="assignment"),
        lambda d: d.update(score="67,8"),
        lambda d: d.update(grade="Fair"),
        lambda d: d["tasks"][0].update(deadline="20/3/2026"),
        lambda d: d["tasks"][0].update(owner_kind="team"),
        lambda d: d["findings"][0]["location"].update(block=0),
        lambda d: d["findings"][0].update(rewrite=""),  # absent when there is none
        lambda d: d.update(error={"code": "corrupt", "message": "hỏng"}),  # yet scored
        lambda d: d.update(error={"code": "corrupt"}),
    ],
    ids=[
        "no-score",
        "severity",
        "rule-id",
        "criterion-id",
        "score-string",
        "grade-english",
        "deadline-not-iso",
        "owner-kind",
        "block-0",
        "rewrite-empty",
        "error-with-score",
        "error-without-message",
    ],
)
def test_the_schema_refuses_what_breaks_the_contract(change):
    assert list(REPORT.iter_errors(_broken(change)))


def test_the_schema_lets_additive_fields_through():
    def add(doc):
        doc["scored_criteria"] = ["assignments"]
        doc["accepted_by"] = [{"rule_id": "NQ601", "location": {"block": 3}}]
        doc["findings"][0]["rewrite"] = "Đồng chí [họ tên] hoàn thành trước ngày [ngày]."
        doc["tasks"][0].update(owner_kind="person", deadline="????-Q2")

    data = _broken(add)
    data["run"] = {"fail_on": "error"}
    assert_valid(REPORT, data)
    # a term of office no longer dates a task ("nhiệm kỳ 2025-2030" in its intro line)
    data["documents"][0]["tasks"][0]["deadline"] = "2025/2030"
    assert not REPORT.is_valid(data)
