"""Rewrites in every report: the installed ``assess`` on a real Word draft (JSON, text,
HTML, Markdown, SARIF, the commented copy read back with python-docx and as a zip)
and the web page (its framed report and its commented download)."""

from __future__ import annotations

import base64
import html
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from installed import assess_in
from json_schemas import REPORT, assert_valid
from live_server import live_server, page_client

DEADLINE = "hoàn thành trước ngày [ngày/tháng/năm]"
LEAD = "Đồng chí [họ tên], [chức vụ] chủ trì, phối hợp với các đoàn thể"
TARGET = "đạt [số] [đơn vị] trước ngày [ngày/tháng/năm]"

# A chi bộ's draft with the slips each rewrite mends: a task without deadline, a
# collective owner, a vague target, an undated interim review, a date line with no zero.
DRAFT = [
    ("p", "ĐẢNG BỘ XÃ HÒA THẠNH"),
    ("p", "CHI BỘ THÔN ĐÔNG LỘC"),
    ("p", "Số 03-NQ/CB"),
    ("p", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("p", "Hòa Thạnh, ngày 5 tháng 3 năm 2026"),
    ("p", "DỰ THẢO"),
    ("p", "NGHỊ QUYẾT"),
    ("p", "về thu gom, phân loại rác thải sinh hoạt tại thôn Đông Lộc năm 2026"),
    ("h", "I. TÌNH HÌNH"),
    (
        "p",
        "Thôn có 412 hộ; qua khảo sát tháng 1/2026, 56 hộ chưa đăng ký thu gom rác, còn 3 điểm "
        "đổ rác tự phát ven kênh. Nguyên nhân chủ quan là chi bộ chưa phân công đảng viên theo "
        "dõi từng xóm; nguyên nhân khách quan là xe thu gom chỉ đến 2 lần mỗi tuần.",
    ),
    ("h", "II. MỤC TIÊU, CHỈ TIÊU"),
    ("p", "- Đến ngày 30/6/2026, 100% hộ (412 hộ) đăng ký thu gom rác."),
    ("p", "- Nâng cao ý thức của người dân trong việc giữ gìn vệ sinh môi trường."),
    ("h", "III. NHIỆM VỤ, GIẢI PHÁP"),
    ("p", "- Tổ chức 6 buổi họp xóm phổ biến cách phân loại rác, xong trong tháng 4/2026."),
    ("h", "IV. TỔ CHỨC THỰC HIỆN"),
    (
        "p",
        "1. Đồng chí Lê Văn Tâm, chi ủy viên, vận động 56 hộ chưa đăng ký thu gom rác ký cam "
        "kết với tổ thu gom.",
    ),
    (
        "p",
        "2. Các đoàn thể tuyên truyền, vận động hội viên phân loại rác, xong trước ngày 31/5/2026.",
    ),
    ("p", "3. Chi bộ định kỳ sơ kết, tổng kết việc thực hiện nghị quyết."),
    ("p", "Nơi nhận:"),
    ("p", "- Đảng ủy xã,"),
    ("p", "- Lưu chi bộ."),
    ("p", "T/M CHI BỘ"),
    ("p", "BÍ THƯ"),
    ("p", "Nguyễn Văn Hùng"),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A folder holding the draft as a Word file written by python-docx."""
    folder = tmp_path_factory.mktemp("dong-loc")
    document = docx.Document()
    for kind, text in DRAFT:
        if kind == "h":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    document.save(folder / "nghi-quyet.docx")
    return folder


@pytest.fixture(scope="module")
def findings(folder) -> dict[str, dict]:
    """The JSON report's findings by rule id (the first of each)."""
    done = assess_in(folder, "nghi-quyet.docx", "--format", "json", "--exit-zero")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert_valid(REPORT, data)
    by_rule: dict[str, dict] = {}
    for f in data["documents"][0]["findings"]:
        by_rule.setdefault(f["rule_id"], f)
    return by_rule


def test_json_carries_each_rewrite_and_leaves_it_out_where_none_is_formed(findings):
    assert findings["NQ602"]["rewrite"] == (
        "1. Đồng chí Lê Văn Tâm, chi ủy viên, vận động 56 hộ chưa đăng ký thu gom rác ký cam kết "
        f"với tổ thu gom, {DEADLINE}."
    )
    assert findings["NQ603"]["rewrite"] == (
        f"2. {LEAD} tuyên truyền, vận động hội viên phân loại rác, xong trước ngày 31/5/2026."
    )
    assert findings["NQ302"]["rewrite"] == (
        f"- Nâng cao ý thức của người dân trong việc giữ gìn vệ sinh môi trường, {TARGET}."
    )
    assert findings["NQ801"]["rewrite"] == (
        "3. Chi bộ định kỳ sơ kết vào tháng [tháng/năm], tổng kết việc thực hiện nghị quyết."
    )
    assert findings["NQ904"]["rewrite"] == "Hòa Thạnh, ngày 05 tháng 3 năm 2026"
    # a missing part of the draft has no paragraph to rewrite; a heading is not rewritten
    assert "rewrite" not in findings["NQ501"] and "rewrite" not in findings["NQ103"]
    assert "rewrite" not in findings["NQ803"]  # it points at the heading of part IV


def test_json_in_english_keeps_the_rewrite_in_the_drafts_language(folder, findings):
    done = assess_in(folder, "nghi-quyet.docx", "-f", "json", "--lang", "en", "--exit-zero")
    english = {f["rule_id"]: f for f in json.loads(done.stdout)["documents"][0]["findings"]}
    assert english["NQ602"]["message"] == "Task has no deadline."
    assert english["NQ602"]["rewrite"] == findings["NQ602"]["rewrite"]


def test_text_shows_the_rewrite_under_the_fix(folder):
    done = assess_in(folder, "nghi-quyet.docx", "--exit-zero")
    lines = done.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "NQ602" in line)
    fix = next(i for i in range(at, len(lines)) if lines[i].lstrip().startswith("→"))
    rewrite = next(i for i in range(fix, len(lines)) if lines[i].lstrip().startswith("✎"))
    shown = " ".join(line.strip() for line in lines[rewrite : rewrite + 3])
    assert shown.startswith("✎ «1. Đồng chí Lê Văn Tâm")
    assert "[ngày/tháng/năm].»" in shown  # a placeholder is never cut across two lines


def test_html_marks_the_placeholders_and_escapes_the_draft(folder):
    assess_in(folder, "nghi-quyet.docx", "-f", "html", "-o", "bao-cao.html", "--exit-zero")
    page = (folder / "bao-cao.html").read_text("utf-8")
    rewrites = re.findall(r'<p class="rewrite">(.*?)</p>', page)
    assert any("<mark>[ngày/tháng/năm]</mark>" in r and "Lê Văn Tâm" in r for r in rewrites)
    assert any("<mark>[họ tên]</mark>, <mark>[chức vụ]</mark> chủ trì" in r for r in rewrites)
    assert all(r.startswith("<b>✎ Viết lại:</b> «") for r in rewrites)


def test_markdown_has_a_rewrite_column(folder):
    done = assess_in(folder, "nghi-quyet.docx", "-f", "markdown", "--exit-zero")
    header = next(line for line in done.stdout.splitlines() if line.startswith("| Đoạn |"))
    assert header.endswith("| Cách sửa | Viết lại |")
    row = next(line for line in done.stdout.splitlines() if "NQ602" in line)
    assert row.endswith("✎ «1. Đồng chí Lê Văn Tâm, chi ủy viên, vận động 56 hộ chưa đăng ký "
                        "thu gom rác ký cam kết với tổ thu gom, hoàn thành trước ngày "
                        "\\[ngày/tháng/năm\\].» |")  # fmt: skip


def test_sarif_carries_the_rewrite_in_the_results_properties(folder):
    done = assess_in(folder, "nghi-quyet.docx", "-f", "sarif", "--exit-zero")
    results = json.loads(done.stdout)["runs"][0]["results"]
    shown = {r["ruleId"]: r["properties"].get("rewrite") for r in results}
    assert DEADLINE in shown["NQ602"]
    assert shown.get("NQ101") is None


def _comments(data: bytes) -> list[str]:
    return [c.text for c in docx.Document(io.BytesIO(data)).comments]


def test_word_comments_carry_the_rewrite_on_a_line_of_their_own(folder):
    assess_in(folder, "nghi-quyet.docx", "--annotate", "nhan-xet.docx", "--exit-zero")
    data = (folder / "nhan-xet.docx").read_bytes()
    comments = _comments(data)
    deadline = next(c for c in comments if c.startswith("[NQ602]"))
    message, rewrite = deadline.split("\n")
    assert message.startswith("[NQ602] Nhiệm vụ không có thời hạn hoàn thành. — Cách sửa: ")
    assert rewrite.startswith("Viết lại: «1. Đồng chí Lê Văn Tâm") and rewrite.endswith(
        f"{DEADLINE}.»"
    )
    # and in the package itself: the rewrite is a second paragraph of the comment
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/comments.xml").decode("utf-8")
    assert f"<w:t>Viết lại: «{html.escape('2. ' + LEAD, quote=False)}" in xml
    # a finding without a rewrite keeps its one paragraph
    assert all("\n" not in c for c in comments if c.startswith("[NQ101]"))


def test_the_web_page_shows_the_rewrite_and_comments_with_it(folder):
    data = (folder / "nghi-quyet.docx").read_bytes()
    with page_client(live_server(), timeout=60) as client:
        page = client.post("/assess", files={"file": ("nghi-quyet.docx", data)})
    assert page.status_code == 200
    framed = html.unescape(re.search(r'srcdoc="([^"]*)"', page.text).group(1))
    assert '<p class="rewrite"><b>✎ Viết lại:</b> «2. Đồng chí <mark>[họ tên]</mark>' in framed
    href = re.search(r'id="download-annotated" href="data:[^;]+;base64,([^"]+)"', page.text)
    comments = _comments(base64.b64decode(href.group(1)))
    assert any(c.startswith("[NQ801]") and "sơ kết vào tháng [tháng/năm]" in c for c in comments)
