"""``nghiquyet serve`` at the HTTP level: a real uvicorn server on 127.0.0.1, real drafts.

Covers the JSON API (the report contract), the limits (size, count, type), unreadable
files (a clear message, a 4xx status, and the server goes on serving), 20 uploads at
once, and that nothing is kept or logged: temporary folders are gone after each
request and the command's output never names an uploaded file.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from live_server import TEST_MAX_MB, live_server, page_client
from nghiquyet.engine.render import report_dict
from nghiquyet.engine.serve import DEFAULT_MAX_UPLOAD_MB, DEFAULT_PORT, Settings, safe_name
from shown import vi

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def url() -> str:
    return live_server()


@pytest.fixture(scope="module")
def client(url):
    with page_client(url, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def strong_expected(assessor, samples):
    """The CLI engine's own report of the strong sample, for comparison."""
    return report_dict_of(assessor.assess_path(samples / "strong.docx"))


def report_dict_of(doc):
    from nghiquyet.engine.model import Report

    return report_dict(Report(documents=[doc], lang="vi", tool_version="x"))["documents"][0]


def _leftover_folders() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("nghiquyet-web-*")}


def test_defaults_are_local_and_20_mb():
    settings = Settings()
    assert settings.host == "127.0.0.1"
    assert settings.max_upload_mb == DEFAULT_MAX_UPLOAD_MB == 20
    assert DEFAULT_PORT == 8765


def test_start_page_in_vietnamese_and_english(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "Kiểm tra dự thảo nghị quyết chuyên đề" in page.text
    assert 'enctype="multipart/form-data"' in page.text
    assert "http://" not in page.text.replace("http://127.0.0.1", "")  # nothing from elsewhere
    english = client.get("/?lang=en")
    assert "Check a draft thematic resolution" in english.text
    assert english.headers["content-security-policy"].startswith("default-src 'none'")


def test_api_returns_the_json_contract(client, samples, strong_expected):
    before = _leftover_folders()
    with open(samples / "strong.docx", "rb") as f:
        response = client.post("/api/assess", files={"file": ("strong.docx", f, DOCX)})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    data = response.json()
    assert data["schema_version"] == 1 and data["tool"]["name"] == "nghiquyet"
    (doc,) = data["documents"]
    assert doc["path"] == "strong.docx"
    assert doc["error"] is None
    assert doc["score"] == strong_expected["score"]
    assert doc["grade"] == strong_expected["grade"]
    assert [c["id"] for c in doc["criteria"]] == [c["id"] for c in strong_expected["criteria"]]
    assert [f["rule_id"] for f in doc["findings"]] == [
        f["rule_id"] for f in strong_expected["findings"]
    ]
    assert _leftover_folders() <= before  # the request's temporary folder is gone


def test_api_takes_lang_and_stage(client, samples):
    text = (samples / "middling.md").read_bytes()
    response = client.post(
        "/api/assess",
        files={"file": ("middling.md", text)},
        data={"lang": "en", "stage": "adopted"},
    )
    assert response.status_code == 200
    doc = response.json()["documents"][0]
    assert doc["stage"] == "adopted"
    assert doc["criteria"][0]["summary"].isascii()  # English summaries


def test_page_shows_score_and_embeds_the_downloads(client, samples, strong_expected):
    with open(samples / "strong.docx", "rb") as f:
        page = client.post("/assess", files={"file": ("strong.docx", f, DOCX)}, data={"lang": "vi"})
    assert page.status_code == 200
    assert f'id="score">{vi(strong_expected["score"])}<' in page.text
    for name in (
        "strong.nhan-xet.docx",
        "strong.bao-cao.json",
        "strong.bao-cao.html",
        "strong.bao-cao.md",
    ):
        assert f'download="{name}"' in page.text
    assert "srcdoc=" in page.text  # the html reporter's page, framed


def test_pasted_text_scores_like_the_file(client, samples, assessor):
    text = (samples / "middling.md").read_text("utf-8")
    expected = assessor.assess_path(samples / "middling.md")
    page = client.post("/assess", data={"text": text, "stage": "auto"}, files={"file": ("", b"")})
    assert page.status_code == 200
    assert f'id="score">{vi(expected.score)}<' in page.text


def test_too_large_is_refused_with_a_message(client, samples):
    big = b"PK" + os.urandom(int(TEST_MAX_MB * 1024 * 1024) + 10_000)
    response = client.post("/assess", files={"file": ("lớn.docx", big, DOCX)})
    assert response.status_code == 413
    assert "Tệp quá lớn" in response.text and f"{TEST_MAX_MB:g} MB" in response.text
    api = client.post("/api/assess", files={"file": ("lớn.docx", big, DOCX)}, data={"lang": "en"})
    assert api.status_code == 413
    assert api.json()["documents"][0]["error"]["code"] == "too_large"
    # far over the limit (declared length): refused before reading
    huge = client.post(
        "/assess",
        content=b"x" * (int(TEST_MAX_MB * 1024 * 1024) * 12),
        headers={"content-type": "multipart/form-data; boundary=zz"},
    )
    assert huge.status_code == 413
    assert client.get("/").status_code == 200


def test_wrong_type_is_refused(client):
    for name in ("nghi-quyet.pdf", "nghi-quyet.doc", "ảnh.png"):
        response = client.post("/assess", files={"file": (name, b"%PDF-1.4 something")})
        assert response.status_code == 415, name
        assert "Chỉ nhận tệp .docx, .odt, .md hoặc .txt" in response.text
        assert name in response.text
    api = client.post("/api/assess", files={"file": ("x.pdf", b"%PDF")})
    assert api.status_code == 415 and api.json()["documents"][0]["error"]["code"] == "unsupported"


def test_odt_upload_is_scored_like_the_same_text(client, tmp_path):
    import hostile_files as H

    blocks = H.sample_blocks("middling")
    odt = H.unicode_odt(tmp_path / "chi-bo.odt", blocks).read_bytes()
    txt = "\n\n".join(blocks).encode("utf-8")
    from_odt = client.post("/api/assess", files={"file": ("chi-bo.odt", odt)})
    from_txt = client.post("/api/assess", files={"file": ("chi-bo.txt", txt)})
    assert from_odt.status_code == 200, from_odt.text
    scored = from_odt.json()["documents"][0]
    assert scored["error"] is None and scored["path"] == "chi-bo.odt"
    # only format may differ: its font rule applies to an .odt (and passes), not to text
    plain = {c["id"]: c["score"] for c in from_txt.json()["documents"][0]["criteria"]}
    assert {c["id"]: c["score"] for c in scored["criteria"] if c["id"] != "format"} == {
        k: v for k, v in plain.items() if k != "format"
    }


def test_corrupt_file_gets_a_clear_message_and_the_server_goes_on(client, samples):
    before = _leftover_folders()
    for name, data in (
        ("hỏng.docx", b"PK\x03\x04 this is not a real package"),
        ("rỗng.docx", b""),
        ("cũ.txt", b"Ngh\xe9 quy\xeat chi b\xf4 \xff\x80"),  # not UTF-8
    ):
        response = client.post("/assess", files={"file": (name, data)})
        assert 400 <= response.status_code < 500, (name, response.status_code)
        assert 'role="alert"' in response.text
        assert "Không đọc được tệp" in response.text or "Chưa chọn tệp" in response.text
        assert "nghiquyet-web-" not in response.text  # no temporary path leaks out
    api = client.post("/api/assess", files={"file": ("hỏng.docx", b"PK\x03\x04 broken")})
    assert api.status_code == 422
    error = api.json()["documents"][0]["error"]
    assert error["code"] and "hỏng.docx" in error["message"]
    with open(samples / "strong.docx", "rb") as f:
        assert client.post("/api/assess", files={"file": ("strong.docx", f)}).status_code == 200
    assert _leftover_folders() <= before


def test_too_many_files_and_no_input(client, samples):
    data = (samples / "strong.md").read_bytes()
    files = [("file", (f"{n}.md", data)) for n in range(3)]
    response = client.post("/assess", files=files)
    assert response.status_code == 413
    assert "Quá nhiều tệp" in response.text
    empty = client.post("/assess", data={"text": "   "}, files={"file": ("", b"")})
    assert empty.status_code == 400 and "Chưa chọn tệp hoặc dán văn bản" in empty.text


def test_twenty_uploads_at_once_are_all_answered(url, samples, assessor):
    drafts = ["strong.docx", "middling.docx", "formalistic.docx", "strong.md", "middling.md"]
    expected = {name: assessor.assess_path(samples / name).score for name in drafts}
    payloads = {name: (samples / name).read_bytes() for name in drafts}

    def post(n: int):
        name = drafts[n % len(drafts)]
        with httpx.Client(base_url=url, timeout=120) as c:
            r = c.post("/api/assess", files={"file": (name, payloads[name])})
        return name, r.status_code, r.json()["documents"][0]["score"]

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(post, range(20)))
    assert len(results) == 20
    for name, status, score in results:
        assert status == 200
        assert score == expected[name], name


def test_concurrent_requests_each_keep_their_own_stage(url, samples, assessor):
    """The stage travels with each request: drafts judged as drafts and as adopted
    texts at the same moment never swap stages or scores."""
    payload = (samples / "strong.md").read_bytes()
    expected = {
        stage: assessor.assess_path(samples / "strong.md", stage=stage).score
        for stage in ("draft", "adopted")
    }
    assert expected["draft"] != expected["adopted"]  # NQ703: an adopted text needs a vote

    def post(n: int):
        stage = ("draft", "adopted")[n % 2]
        with httpx.Client(base_url=url, timeout=120) as c:
            r = c.post("/api/assess", files={"file": ("strong.md", payload)}, data={"stage": stage})
        doc = r.json()["documents"][0]
        return stage, r.status_code, doc["stage"], doc["score"]

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(post, range(16)))
    for asked, status, stage, score in results:
        assert status == 200
        assert stage == asked and score == expected[asked]


def test_compare_shows_both_scores_and_deltas(client, samples, assessor):
    old = assessor.assess_path(samples / "middling.md")
    new = assessor.assess_path(samples / "strong.md")
    page = client.post(
        "/compare",
        files={
            "old": ("middling.md", (samples / "middling.md").read_bytes()),
            "new": ("strong.md", (samples / "strong.md").read_bytes()),
        },
    )
    assert page.status_code == 200
    assert vi(old.score) in page.text and vi(new.score) in page.text
    assert f'id="overall-delta">{vi(new.score - old.score, signed=True)}<' in page.text
    missing = client.post("/compare", files={"old": ("a.md", b"x"), "new": ("", b"")})
    assert missing.status_code == 400


def test_template_download_is_a_word_file(client):
    import docx

    response = client.post(
        "/template", data={"cell": "Chi bộ thôn Đông Lộc", "topic": "phân loại rác"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == DOCX
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "về phân loại rác" in text and "[…" in text


def test_safe_name_keeps_only_a_plain_file_name():
    assert safe_name("../../etc/passwd", "x.docx") == "passwd"
    assert safe_name("C:\\Users\\bt\\Dự thảo.docx", "x.docx") == "Dự thảo.docx"
    assert safe_name("a\x00b<>.md", "x.docx") == "ab.md"
    assert safe_name("   ", "x.docx") == "x.docx"
    assert len(safe_name("a" * 500 + ".docx", "x")) == 120


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_command_serves_and_logs_no_file_names(samples):
    """The real `nghiquyet serve` command: binds 127.0.0.1, answers, writes no access log."""
    port = _free_port()
    secret = "Bí-mật-chi-bộ-Đông-Lộc.docx"
    process = subprocess.Popen(
        [sys.executable, "-m", "nghiquyet.engine", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None:
                pytest.fail(
                    "serve exited early: " + process.communicate()[0].decode("utf-8", "replace")
                )
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        with open(samples / "strong.docx", "rb") as f:
            ok = httpx.post(base + "/api/assess", files={"file": (secret, f)}, timeout=60)
        assert ok.status_code == 200 and ok.json()["documents"][0]["path"] == secret
        with page_client(base, timeout=60) as page:
            bad = page.post("/assess", files={"file": (secret, b"PK broken")})
        assert bad.status_code == 422
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0].decode("utf-8", "replace")
    assert f"http://127.0.0.1:{port}/" in output  # tells the secretary where to go
    assert secret not in output and "POST" not in output and "/api/assess" not in output


def test_json_download_equals_the_api(client, samples):
    """The page's JSON download is the same document as POST /api/assess returns."""
    import base64
    import re

    data = (samples / "middling.docx").read_bytes()
    page = client.post("/assess", files={"file": ("middling.docx", data)})
    href = re.search(
        r'id="download-json" href="data:application/json;base64,([^"]+)"', page.text
    ).group(1)
    from_page = json.loads(base64.b64decode(href))
    from_api = client.post("/api/assess", files={"file": ("middling.docx", data)}).json()
    assert from_page == from_api
