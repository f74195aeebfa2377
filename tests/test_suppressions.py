"""A finding accepted in the draft itself: an HTML comment above a Markdown paragraph,
a Word comment on a .docx paragraph ("nghiquyet: bỏ qua NQ601"). Through the real
``assess`` command, on real files."""

from __future__ import annotations

import json

import docx

STRAY_TASK = "6. Các đồng chí đảng viên trong chi bộ tích cực tham gia thực hiện Nghị quyết."
LAST_TASK = "5. Chi đoàn thanh niên thôn (đồng chí Võ Minh Tuấn"


def _strong_with_a_stray_task(samples, tmp_path, comment: str = ""):
    """samples/strong.md with a sixth task that names no owner and no deadline,
    ``comment`` (if any) on the line above it."""
    lines = (samples / "strong.md").read_text("utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith(LAST_TASK)) + 1
    lines[at:at] = [comment, STRAY_TASK] if comment else [STRAY_TASK]
    path = tmp_path / "chi-bo-phu-an.md"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _document(result) -> dict:
    return json.loads(result.stdout)["documents"][0]


def _on_stray_task(findings) -> set[str]:
    return {f["rule_id"] for f in findings if f["location"]["excerpt"] == STRAY_TASK}


def test_an_html_comment_above_a_paragraph_suppresses_its_rule_there(run, samples, tmp_path):
    plain = _document(run(_strong_with_a_stray_task(samples, tmp_path), "-f", "json"))
    assert {"NQ601", "NQ602"} <= _on_stray_task(plain["findings"])
    assert "suppressed" not in plain

    draft = _strong_with_a_stray_task(
        samples, tmp_path, "<!-- nghiquyet: bỏ qua NQ601 vì chi bộ giao chung -->"
    )
    result = run(draft, "-f", "json")
    doc = _document(result)
    assert "NQ601" not in _on_stray_task(doc["findings"])
    assert "NQ602" in _on_stray_task(doc["findings"])  # only the rule it names
    assert [(f["rule_id"], f["location"]["excerpt"]) for f in doc["suppressed"]] == [
        ("NQ601", STRAY_TASK)
    ]
    # the score stays the whole draft's
    assert doc["score"] == plain["score"]
    assert result.exit_code == 1  # NQ602 is still an error


def test_several_ids_and_the_english_keyword_and_the_gate(run, samples, tmp_path):
    before = run(_strong_with_a_stray_task(samples, tmp_path))
    assert before.exit_code == 1
    draft = _strong_with_a_stray_task(
        samples, tmp_path, "<!-- nghiquyet: ignore NQ601,NQ602, NQ6 -->"
    )
    result = run(draft, "-f", "json")
    doc = _document(result)
    assert _on_stray_task(doc["findings"]) == set()
    assert {"NQ601", "NQ602", "NQ603"} <= {f["rule_id"] for f in doc["suppressed"]}
    # what is left is the sample's one suggestion: nothing fails the run any more
    assert result.exit_code == 0, doc["findings"]


def test_the_text_markdown_and_html_reports_say_what_was_suppressed(run, samples, tmp_path):
    draft = _strong_with_a_stray_task(samples, tmp_path, "<!-- nghiquyet: bỏ qua NQ601 -->")
    block = next(f["location"]["block"] for f in _document(run(draft, "-f", "json"))["suppressed"])
    text = run(draft).stdout
    assert f"Bỏ qua theo ghi chú trong dự thảo (1): NQ601 (đoạn {block})" in text
    english = run(draft, "--lang", "en").stdout
    assert f"Suppressed in the draft (1): NQ601 (para. {block})" in english
    assert "Suppressed in the draft (1)" in run(draft, "-f", "markdown", "--lang", "en").stdout
    assert "Bỏ qua theo ghi chú trong dự thảo (1)" in run(draft, "-f", "html").stdout


def test_sarif_keeps_a_suppressed_finding_as_an_in_source_suppression(run, samples, tmp_path):
    draft = _strong_with_a_stray_task(samples, tmp_path, "<!-- nghiquyet: bỏ qua NQ601 -->")
    results = json.loads(run(draft, "-f", "sarif").stdout)["runs"][0]["results"]
    on_task = {
        r["ruleId"]: r.get("suppressions")
        for r in results
        if r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text")
        == STRAY_TASK
    }
    assert on_task["NQ601"] == [
        {"kind": "inSource", "justification": "Bỏ qua theo ghi chú trong dự thảo"}
    ]
    assert on_task["NQ602"] is None  # not suppressed: no suppressions at all


def test_a_comment_only_reaches_the_paragraph_below_it(run, samples, tmp_path):
    lines = (samples / "strong.md").read_text("utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith(LAST_TASK)) + 1
    # the comment sits above the fifth task, which has an owner; the stray one has not
    lines[at - 1 : at] = ["<!-- nghiquyet: bỏ qua NQ601 -->", lines[at - 1], STRAY_TASK]
    draft = tmp_path / "chi-bo-phu-an.md"
    draft.write_text("\n".join(lines) + "\n", "utf-8")
    doc = _document(run(draft, "-f", "json"))
    assert "NQ601" in _on_stray_task(doc["findings"])
    assert "suppressed" not in doc


def test_a_comment_naming_no_rule_or_an_unknown_one_gets_a_note(run, samples, tmp_path):
    draft = _strong_with_a_stray_task(samples, tmp_path, "<!-- nghiquyet: bỏ qua NQ699 -->")
    doc = _document(run(draft, "-f", "json"))
    assert any("không có quy tắc NQ699" in note for note in doc["notes"])
    assert "NQ601" in _on_stray_task(doc["findings"])
    draft = _strong_with_a_stray_task(
        samples, tmp_path, "<!-- nghiquyet: bỏ qua task-without-owner -->"
    )
    doc = _document(run(draft, "-f", "json", "--lang", "en"))
    assert any("names no rule id" in note for note in doc["notes"])


# -- Word ----------------------------------------------------------------------------


def _middling_docx_with_comments(samples, tmp_path, comments: dict[str, str]):
    """samples/middling.docx with a real Word comment (python-docx's comments part) on
    the paragraph holding each key."""
    document = docx.Document(str(samples / "middling.docx"))
    for start, text in comments.items():
        paragraph = next(p for p in document.paragraphs if start in p.text)
        document.add_comment(paragraph.runs, text=text, author="Bí thư chi bộ", initials="BT")
    path = tmp_path / "truong-son-thanh.docx"
    document.save(str(path))
    return path


STRAY_DOCX = "Các đồng chí đảng viên trong chi bộ tích cực"
REVIEW_DOCX = "Chi ủy thường xuyên kiểm tra"


def test_a_word_comment_on_a_paragraph_suppresses_its_rule_there(run, samples, tmp_path):
    plain = _document(run(samples / "middling.docx", "-f", "json"))
    draft = _middling_docx_with_comments(
        samples,
        tmp_path,
        {
            STRAY_DOCX: "nghiquyet: bỏ qua NQ601 — chi bộ thống nhất giao chung cho đảng viên",
            REVIEW_DOCX: "Cần ghi rõ tần suất kiểm tra",  # an ordinary review comment
        },
    )
    doc = _document(run(draft, "-f", "json"))
    (accepted,) = doc["suppressed"]
    assert accepted["rule_id"] == "NQ601" and STRAY_DOCX in accepted["location"]["excerpt"]
    assert len(doc["findings"]) == len(plain["findings"]) - 1
    assert doc["score"] == plain["score"]
    assert any(
        f["rule_id"] == "NQ802" and REVIEW_DOCX in f["location"]["excerpt"] for f in doc["findings"]
    )


def test_a_word_comment_elsewhere_suppresses_nothing(run, samples, tmp_path):
    draft = _middling_docx_with_comments(
        samples, tmp_path, {REVIEW_DOCX: "nghiquyet: ignore NQ601"}
    )
    doc = _document(run(draft, "-f", "json"))
    assert "suppressed" not in doc
    assert any(
        f["rule_id"] == "NQ601" and STRAY_DOCX in f["location"]["excerpt"] for f in doc["findings"]
    )
    draft = _middling_docx_with_comments(
        samples, tmp_path, {REVIEW_DOCX: "nghiquyet: ignore NQ802, NQ803"}
    )
    doc = _document(run(draft, "-f", "json"))
    assert {f["rule_id"] for f in doc["suppressed"]} == {"NQ802", "NQ803"}


def test_a_comment_over_several_lines_suppresses_and_is_never_a_paragraph():
    from nghiquyet.plugins.text_loader import parse_markdown

    text = (
        "Chi bộ giao nhiệm vụ như sau.\n\n"
        "<!-- nghiquyet: bỏ qua NQ601\n"
        "     vì chi bộ giao chung cho các tổ,\n"
        "     đã bàn tại phiên họp tháng 9 -->\n"
        f"{STRAY_TASK}\n"
    )
    document = parse_markdown(text, "du-thao.md")
    assert [b.text for b in document.blocks] == ["Chi bộ giao nhiệm vụ như sau.", STRAY_TASK]
    (suppression,) = document.suppressions
    assert suppression.block == 2 and suppression.text.startswith("nghiquyet: bỏ qua NQ601")
    assert "phiên họp tháng 9" in suppression.text
