"""``nghiquyet review RESOLUTION REPORT`` through the installed command and the web page.

Real files in every format the loaders read (.md, .txt, .docx built with python-docx,
.odt), the four output formats (JSON held to docs/review.schema.json), both
languages, bad input (one line, exit 2, no input overwritten) and the web form.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import hostile_files as H
import httpx
import pytest
from json_schemas import REVIEW, assert_valid
from live_server import live_server, page_client
from nghiquyet.engine.cli import main
from nghiquyet.plugins.text_loader import parse_markdown

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GOOD = "review/bao-cao-so-ket-tot.md"
SLOGANS = "review/bao-cao-so-ket-hinh-thuc.md"
GOOD_TARGETS = ["met", "met", "met", "not_met", "met", "met", "reported"]
GOOD_TASKS = ["done", "done", "in_progress", "in_progress", "done", "done"]


@pytest.fixture
def review(run):
    """``nghiquyet review ...`` in-process (the printed JSON is held to its schema)."""

    def invoke(*args):
        return run("review", *args, command=main)

    return invoke


def statuses(data: dict) -> tuple[list[str], list[str]]:
    return [t["status"] for t in data["targets"]], [t["status"] for t in data["tasks"]]


def _make_docx():
    spec = importlib.util.spec_from_file_location("make_docx", ROOT / "samples" / "make_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build


def test_json_of_the_good_report(review, samples):
    result = review(samples / "strong.md", samples / GOOD, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert_valid(REVIEW, data)
    assert statuses(data) == (GOOD_TARGETS, GOOD_TASKS)
    fee = data["targets"][3]
    assert fee["target"]["text"] == "≥ 95%" and fee["target"]["comparison"] == ">="
    assert fee["reported"]["text"] == "93%" and "đạt 93%" in fee["reported"]["sentence"]
    assert fee["location"]["resolution"]["block"] == 27
    assert data["coverage"]["targets"]["met"] == 5 and data["coverage"]["share"] == 1.0
    camera = data["tasks"][2]
    assert camera["owner"] == "Đồng chí Phạm Văn Lực" and camera["deadline"] == "2026-04-30"
    assert "chưa lắp được" in camera["evidence"]


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".txt"])
def test_every_format_the_loaders_read(review, samples, tmp_path, suffix):
    blocks = [b.text for b in parse_markdown((samples / GOOD).read_text("utf-8"), GOOD).blocks]
    report = tmp_path / f"bao-cao{suffix}"
    if suffix == ".docx":
        _make_docx()((samples / GOOD).read_text("utf-8"), report)
    elif suffix == ".odt":
        H.unicode_odt(report, blocks)
    else:
        report.write_text("\n\n".join(blocks), "utf-8")
    result = review(samples / "strong.docx", report, "-f", "json")
    assert result.exit_code == 0, result.output
    assert statuses(json.loads(result.stdout)) == (GOOD_TARGETS, GOOD_TASKS)


def test_text_in_vietnamese_then_english(review, samples):
    vi = review(samples / "strong.md", samples / SLOGANS)
    assert vi.exit_code == 0, vi.output
    assert vi.stdout.startswith("Đối chiếu báo cáo với nghị quyết\n")
    assert "Chỉ tiêu: 0 đạt, 0 chưa đạt" in vi.stdout
    assert "Nhiệm vụ: 0 hoàn thành, 0 đang thực hiện" in vi.stdout
    assert "– không nêu: tỷ lệ thu phí vệ sinh đạt từ 95% trở lên" in vi.stdout
    en = review(samples / "strong.md", samples / GOOD, "--lang", "en")
    assert en.stdout.startswith("Progress report held against the resolution\n")
    assert "✗ not met: tỷ lệ thu phí vệ sinh đạt từ 95% trở lên" in en.stdout
    assert "target ≥ 95% · reported 93%" in en.stdout
    assert "◐ in progress" in en.stdout and "Đối chiếu" not in en.stdout


def test_the_output_suffix_picks_the_format(review, samples, tmp_path):
    checks = {
        "r.json": lambda text: json.loads(text)["schema_version"] == 1,
        "r.md": lambda text: text.startswith("## Đối chiếu báo cáo với nghị quyết"),
        "r.html": lambda text: text.startswith("<!DOCTYPE html>"),
        "r.txt": lambda text: text.startswith("Đối chiếu báo cáo"),
    }
    for name, check in checks.items():
        result = review(samples / "strong.md", samples / GOOD, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert check((tmp_path / name).read_text("utf-8")), name
    assert_valid(REVIEW, json.loads((tmp_path / "r.json").read_text("utf-8")))
    explicit = review(
        samples / "strong.md", samples / GOOD, "-o", tmp_path / "x.json", "-f", "HTML"
    )
    assert (tmp_path / "x.json").read_text("utf-8").startswith("<!DOCTYPE html>"), explicit.output


def test_html_and_markdown_escape_what_the_documents_say(review, samples, tmp_path):
    report = tmp_path / "bao-cao.md"
    text = (samples / GOOD).read_text("utf-8")
    report.write_text(text.replace("đạt 93%", "đạt 93% <script>alert(1)</script> | [x](y)"))
    page = review(samples / "strong.md", report, "-f", "html").stdout
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # self-contained
    assert "<link" not in page and "<style>" in page
    markdown = review(samples / "strong.md", report, "-f", "markdown").stdout
    assert r"\<script\>alert(1)\</script\> \| \[x\](y)" in markdown


def test_the_swapped_order_is_one_line_and_exit_2(samples):
    result = subprocess.run(
        [str(BIN / "nghiquyet"), "review", str(samples / GOOD), str(samples / "strong.md")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    assert result.returncode == 2 and not result.stdout
    assert result.stderr.count("\n") == 1, result.stderr
    assert "đây là báo cáo, không phải nghị quyết" in result.stderr


@pytest.mark.parametrize(
    ("make", "vi", "en"),
    [
        (lambda p: p / "khong-co.md", "không tìm thấy tệp", "no such file"),
        (lambda p: H.corrupt_docx(p / "hong.docx"), "hong.docx", "hong.docx"),
        (
            lambda p: H.unicode_docx(p / "nq.docx", H.sample_blocks("middling")),
            "đây là nghị quyết",
            "this is a resolution",
        ),
    ],
)
def test_a_bad_report_is_one_line(review, samples, tmp_path, make, vi, en):
    bad = make(tmp_path)
    for lang, words in (("vi", vi), ("en", en)):
        result = review(samples / "strong.md", bad, "--lang", lang)
        assert result.exit_code == 2 and not result.stdout
        assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr


def test_never_over_an_input(review, samples, tmp_path):
    report = tmp_path / "bao-cao.md"
    report.write_text((samples / GOOD).read_text("utf-8"), "utf-8")
    before = report.read_bytes()
    result = review(samples / "strong.md", report, "-o", report, "-f", "json")
    assert result.exit_code == 2 and "không ghi đè lên tệp đầu vào" in result.stderr
    assert report.read_bytes() == before


def test_help_in_both_languages(review):
    assert "Đối chiếu báo cáo sơ kết, tổng kết với nghị quyết" in review("--help").stdout
    english = review("--help", "--lang", "en").stdout
    assert "Hold a progress report (sơ kết, tổng kết) against the resolution" in english


def test_the_schema_holds_the_contract(review, samples):
    data = json.loads(review(samples / "strong.md", samples / GOOD, "-f", "json").stdout)
    for path, value in (
        (("targets", 0, "status"), "done"),  # a task's status on a target
        (("tasks", 0, "status"), "met"),
        (("targets", 0, "target", "comparison"), "≥"),
        (("coverage", "share"), 1.5),
    ):
        broken = copy.deepcopy(data)
        node = broken
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        assert list(REVIEW.iter_errors(broken)), path
    del data["tasks"][0]["evidence"]
    assert list(REVIEW.iter_errors(data))


# -- the web page ---------------------------------------------------------------------


def _files(samples, report: str = GOOD) -> dict:
    return {
        "resolution": ("strong.docx", (samples / "strong.docx").read_bytes()),
        "report": ("bao-cao.md", (samples / report).read_bytes()),
    }


def test_the_web_form_shows_the_review(samples):
    with page_client(live_server(), timeout=60) as web:
        start = web.get("/")
        assert 'action="/review"' in start.text and 'name="report"' in start.text
        page = web.post("/review", files=_files(samples))
        english = web.post("/review", files=_files(samples, SLOGANS), data={"lang": "en"})
    assert page.status_code == 200
    assert 'id="targets-met">5<' in page.text and 'id="targets-not_met">1<' in page.text
    assert 'id="tasks-in_progress">2<' in page.text and "chưa đạt" in page.text
    link = re.search(r'id="download-json" href="data:application/json;base64,([^"]+)"', page.text)
    import base64

    data = json.loads(base64.b64decode(link.group(1)))
    assert_valid(REVIEW, data)
    assert statuses(data) == (GOOD_TARGETS, GOOD_TASKS)
    assert english.status_code == 200 and 'id="targets-met">0<' in english.text
    assert "Review of the progress report" in english.text


def test_the_web_form_refuses_what_it_cannot_review(samples):
    with page_client(live_server(), timeout=60) as web:
        one = web.post("/review", files={"resolution": _files(samples)["resolution"]})
        swapped = web.post(
            "/review",
            files={
                "resolution": ("bao-cao.md", (samples / GOOD).read_bytes()),
                "report": ("strong.md", (samples / "strong.md").read_bytes()),
            },
        )
        broken = web.post(
            "/review",
            files={
                "resolution": ("hỏng.docx", b"PK\x03\x04 broken"),
                "report": _files(samples)["report"],
            },
        )
    with httpx.Client(base_url=live_server(), timeout=60) as stranger:  # no form token
        forged = stranger.post("/review", files=_files(samples))
    assert forged.status_code == 403
    assert one.status_code == 400 and "Hãy chọn cả nghị quyết và báo cáo" in one.text
    assert swapped.status_code == 422 and "bao-cao.md: đây là báo cáo" in swapped.text
    assert broken.status_code == 422 and "hỏng.docx" in broken.text
    assert "nghiquyet-web-" not in broken.text  # the temporary folder is never named


def test_an_in_process_engine_reviews_too(samples):
    """The engine tests share (no worker processes) reviews in the calling thread."""
    from nghiquyet.engine.config import Config
    from nghiquyet.engine.serve.assessing import Engine
    from nghiquyet.engine.serve.reviewing import Refused
    from nghiquyet.engine.serve.uploads import Upload

    engine = Engine(Config())
    resolution = Upload("Nghị quyết.docx", (samples / "strong.docx").read_bytes())
    report = Upload("báo cáo.md", (samples / GOOD).read_bytes())
    review = engine.review(resolution, report, "vi")
    assert (review.resolution, review.report) == ("Nghị quyết.docx", "báo cáo.md")
    assert [t.status for t in review.targets] == GOOD_TARGETS
    refused = engine.review(resolution, Upload("rỗng.md", b"   \n"), "en")
    assert isinstance(refused, Refused) and refused.message.startswith(
        "Cannot read the file: rỗng.md"
    )
