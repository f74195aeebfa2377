"""``nghiquyet serve`` in a real headless Chromium, as a secretary would use it.

Open the page, choose a draft, press «Kiểm tra», read the score, download the copy
with Word comments and open it with python-docx; paste text; drop a file; compare two
versions; switch to English; get a clear message for a broken file and carry on; and
check a draft with JavaScript turned off. The page must fetch nothing but itself.

The ``browser``/``page_watch`` fixtures come from tests/browser.py (Debian's chromium;
skipped locally without it, failing in CI). The screenshot for docs/web.md is written
to docs/screenshot.png when that file is missing or NGHIQUYET_SCREENSHOT=1.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest
from live_server import live_server
from nghiquyet.engine.render import grade_label
from shown import vi

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "screenshot.png"


@pytest.fixture(scope="module")
def url() -> str:
    return live_server()


@pytest.fixture(scope="module")
def strong(assessor, samples):
    return assessor.assess_path(samples / "strong.docx")


@pytest.fixture(scope="module")
def middling(assessor, samples):
    return assessor.assess_path(samples / "middling.docx")


def _only_local(requests: list[str], url: str) -> None:
    """Every request went to our server (or stayed inside the page)."""
    outside = [r for r in requests if not r.startswith((url, "data:", "about:"))]
    assert outside == []


def test_check_a_draft_and_download_commented_copy(page_watch, url, samples, middling, tmp_path):
    page = page_watch.page
    page.set_viewport_size({"width": 1200, "height": 1500})
    page.goto(url + "/")
    assert page.locator("h1").inner_text() == "Kiểm tra dự thảo nghị quyết chuyên đề"
    page.set_input_files("#file", str(samples / "middling.docx"))
    page.click("#check")
    page.wait_for_selector("#score")
    assert page.inner_text("#score") == vi(middling.score)
    assert page.inner_text("#grade") == grade_label(middling, "vi")
    assert page.inner_text("#doc-name") == "middling.docx"

    # the full report of the html reporter, inside the page, with the same score
    frame = page.frame_locator("#report-frame")
    assert vi(middling.score) in frame.locator("body").inner_text()
    height = page.evaluate("document.getElementById('report-frame').getBoundingClientRect().height")
    assert height > 600  # sized to its content by the inline script

    with page.expect_download() as info:
        page.click("#download-annotated")
    download = info.value
    assert download.suggested_filename == "middling.nhan-xet.docx"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    comments = list(docx.Document(target).comments)
    assert len(comments) == len(middling.findings) >= 1
    assert all(c.author == "nghiquyet" for c in comments)
    rule_ids = {c.text.split("]")[0].lstrip("[") for c in comments}
    assert rule_ids == {f.rule_id for f in middling.findings}

    with page.expect_download() as info:
        page.click("#download-json")
    assert info.value.suggested_filename == "middling.bao-cao.json"

    _only_local(page_watch.requests, url)
    assert page_watch.page_errors == [] and page_watch.console_errors == []

    shot = page.screenshot(full_page=False, type="png")
    assert shot.startswith(b"\x89PNG") and len(shot) > 10_000
    if not SCREENSHOT.exists() or os.environ.get("NGHIQUYET_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        SCREENSHOT.write_bytes(shot)


def test_paste_text_in_english(page_watch, url, samples, assessor):
    expected = assessor.assess_path(samples / "middling.md")
    page = page_watch.page
    page.goto(url + "/")
    page.click("#switch-lang")
    page.wait_for_selector("text=Check a draft thematic resolution")
    page.fill("#text", (samples / "middling.md").read_text("utf-8"))
    page.click("#check")
    page.wait_for_selector("#score")
    assert page.inner_text("#score") == f"{expected.score:.1f}"  # a decimal point in English
    assert page.inner_text("#grade") == grade_label(expected, "en")
    assert "Downloads" in page.inner_text("#downloads")
    # no Word file was given, so no commented copy, and the page says why
    assert page.locator("#download-annotated").count() == 0
    assert "needs a Word (.docx) file" in page.inner_text("#downloads")
    # switching back from a result page lands on the start page, in Vietnamese
    page.click("#switch-lang")
    page.wait_for_selector("text=Kiểm tra một dự thảo")
    _only_local(page_watch.requests, url)


def test_drop_a_file_on_the_page(page_watch, url, samples, assessor):
    expected = assessor.assess_path(samples / "formalistic.md")
    page = page_watch.page
    page.goto(url + "/")
    text = (samples / "formalistic.md").read_text("utf-8")
    transfer = page.evaluate_handle(
        """text => { const dt = new DataTransfer();
                     dt.items.add(new File([text], "formalistic.md", {type: "text/markdown"}));
                     return dt; }""",
        text,
    )
    page.dispatch_event("#check-form .drop", "drop", {"dataTransfer": transfer})
    assert page.inner_text("#check-form .chosen") == "formalistic.md"
    page.click("#check")
    page.wait_for_selector("#score")
    assert page.inner_text("#score") == vi(expected.score)
    assert page.inner_text("#doc-name") == "formalistic.md"


def test_broken_file_shows_a_message_then_a_good_one_works(page_watch, url, samples, tmp_path):
    broken = tmp_path / "hỏng.docx"
    broken.write_bytes(b"PK\x03\x04 not a real Word file")
    page = page_watch.page
    page.goto(url + "/")
    page.set_input_files("#file", str(broken))
    page.click("#check")
    alert = page.locator("#error")
    alert.wait_for()
    assert "Không đọc được tệp" in alert.inner_text() and "hỏng.docx" in alert.inner_text()
    # the start page is back with its form; the next draft goes through
    page.set_input_files("#file", str(samples / "strong.md"))
    page.click("#check")
    page.wait_for_selector("#score")
    assert page_watch.page_errors == []


def test_compare_two_versions(page_watch, url, samples, assessor):
    old = assessor.assess_path(samples / "middling.docx")
    new = assessor.assess_path(samples / "strong.docx")
    page = page_watch.page
    page.goto(url + "/")
    page.set_input_files("#old", str(samples / "middling.docx"))
    page.set_input_files("#new", str(samples / "strong.docx"))
    page.click("#compare")
    page.wait_for_selector("#comparison")
    assert page.inner_text("#overall-delta") == vi(new.score - old.score, signed=True)
    row = page.inner_text("#overall-row")
    assert vi(old.score) in row and vi(new.score) in row


def test_works_without_javascript(browser, url, samples, strong):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url + "/")
        page.set_input_files("#file", str(samples / "strong.docx"))
        page.click("#check")
        page.wait_for_selector("#score")
        assert page.inner_text("#score") == vi(strong.score)
        with page.expect_download() as info:
            page.click("#download-annotated")
        data = Path(info.value.path()).read_bytes()
        assert list(docx.Document(io.BytesIO(data)).comments)
    finally:
        context.close()
