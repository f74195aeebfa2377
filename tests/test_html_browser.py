"""The HTML report in a real headless Chromium (fixtures in tests/browser.py).

Loads the page from file:// as a committee member would open an attachment: no
console errors, no request other than the file itself, score and grade visible, the
batch table's links land on each draft's section, the chart renders, and it prints.
"""

from __future__ import annotations

import dataclasses

import pytest
from nghiquyet.engine.check import build_ruleset
from nghiquyet.engine.config import Config
from nghiquyet.engine.model import Report
from nghiquyet.engine.plugin_manager import get_plugin_manager
from nghiquyet.engine.render import criterion_name, get_reporters, grade_label
from shown import vi


@pytest.fixture(scope="module")
def batch(assessor, samples, tmp_path_factory) -> Report:
    bad = tmp_path_factory.mktemp("bad") / "không đọc được.docx"
    bad.write_bytes(b"PK but not really a zip")
    paths = [samples / "strong.docx", samples / "formalistic.md", samples / "middling.md", bad]
    return assessor.assess_paths(paths, jobs=1)


def write_page(report: Report, folder, name: str = "report.html") -> str:
    path = folder / name
    pm = get_plugin_manager()
    html = get_reporters(pm)["html"].render(report, rules=build_ruleset(pm).rules, config=Config())
    path.write_bytes(html)
    return path.as_uri()


def test_page_loads_offline_without_errors(page_watch, batch, tmp_path):
    url = write_page(batch, tmp_path)
    page = page_watch.page
    page.goto(url, wait_until="load")
    assert page_watch.console_errors == []
    assert page_watch.page_errors == []
    assert page_watch.requests == [url]
    body = page.inner_text("body")
    for doc in batch.documents:
        assert doc.path in body
        if doc.error is None:
            assert vi(doc.score) in body
            assert grade_label(doc, "vi") in body
        else:
            assert doc.error.message["vi"] in body


def test_batch_table_links_reach_each_draft(page_watch, batch, tmp_path):
    url = write_page(batch, tmp_path)
    page = page_watch.page
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(url)
    links = page.locator("table.summary a")
    assert links.count() == len(batch.documents)
    for n in range(links.count()):
        link = links.nth(n)
        target = link.get_attribute("href")
        text = link.inner_text()
        link.click()
        page.wait_for_function("h => location.hash === h", arg=target)
        section = page.locator(target)
        assert section.locator("h2").inner_text() == text
        # The heading is at the top of the window, unless the section is the
        # last one and too short for that: then the page is scrolled to its end
        # and the heading is still on screen.
        top, viewport, at_end = page.evaluate(
            """sel => [
                document.querySelector(sel).getBoundingClientRect().top,
                window.innerHeight,
                window.scrollY + window.innerHeight
                    >= document.documentElement.scrollHeight - 1,
            ]""",
            target,
        )
        assert abs(top) < 5 or (at_end and 0 <= top < viewport), (target, top, at_end)
    assert page_watch.requests == [url]  # in-page links fetch nothing


def test_score_grade_and_chart_render(page_watch, batch, tmp_path):
    strong = next(d for d in batch.documents if d.path.endswith("strong.docx"))
    url = write_page(Report(documents=[strong], lang="vi", tool_version="t"), tmp_path)
    page = page_watch.page
    page.goto(url)
    assert page.inner_text(".score").startswith(vi(strong.score))
    assert page.inner_text(".grade") == grade_label(strong, "vi")
    chart = page.locator("svg.chart")
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    bars = page.locator("svg.chart rect.bar")
    assert bars.count() == 9
    # bar lengths are proportional to the criterion scores in the report
    widths = [bars.nth(n).bounding_box()["width"] for n in range(9)]
    scale = widths[0] / strong.criteria[0].score
    for width, crit in zip(widths, strong.criteria, strict=True):
        assert width == pytest.approx(crit.score * scale, abs=1.0)
    labels = page.locator("svg.chart g.criterion text:not(.value)").all_text_contents()
    assert labels == [criterion_name(c.id, "vi") for c in strong.criteria]
    values = page.locator("svg.chart text.value").all_text_contents()
    assert values == [vi(c.score) for c in strong.criteria]
    steps = page.locator("ol.steps > li")
    assert steps.count() == 5


def test_english_page_and_print(page_watch, batch, tmp_path):
    url = write_page(dataclasses.replace(batch, lang="en"), tmp_path, "en.html")
    page = page_watch.page
    page.goto(url)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert "Summary of drafts" in page.inner_text("body")
    page.emulate_media(media="print")
    # each draft starts a new printed page
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelectorAll('section.document')[1]).breakBefore"
        )
        == "page"
    )
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    assert page_watch.console_errors == [] and page_watch.requests == [url]
