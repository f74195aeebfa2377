"""``nghiquyet template``: the skeleton draft, and NQ002 for placeholders left in it.

A fresh template gets one NQ002 finding for every paragraph that holds a placeholder
(and so fails); the same template filled with the strong sample's content scores
like the sample, which shows the skeleton's form and outline are what the analysis
expects of a good resolution.
"""

from __future__ import annotations

import re

import docx
import pytest
from click.testing import CliRunner
from nghiquyet.engine.cli import main
from nghiquyet.engine.load import load
from nghiquyet.engine.template import PLACEHOLDER_RE, find_placeholders

CELL = "Chi bộ thôn Đông Lộc"
SUPERIOR = "Đảng bộ xã Hòa Thạnh"
PLACE = "Hòa Thạnh"


def _write(tmp_path, name: str, *extra: str):
    target = tmp_path / name
    result = CliRunner().invoke(main, ["template", "-o", str(target), *extra])
    return target, result


def _placeholder_blocks(document) -> set[int]:
    return {b.index for b in document.blocks if find_placeholders(b.text)}


def _nq002_blocks(report) -> list[int]:
    return [f.location.block for f in report.findings if f.rule_id == "NQ002"]


def test_placeholder_syntax():
    assert find_placeholders("Thôn có [… điền số hộ …] hộ, [...tỷ lệ...] và [số 5]") == [
        "[… điền số hộ …]",
        "[...tỷ lệ...]",
    ]
    assert not PLACEHOLDER_RE.search("Căn cứ Điều lệ Đảng […]")  # an empty cut mark in a quote
    assert not PLACEHOLDER_RE.search("Số 05-NQ/CB; 97/412 hộ (23,5%)")


def test_docx_template_has_the_form_and_outline(tmp_path):
    target, result = _write(tmp_path, "draft.docx", "--cell", CELL, "--topic", "phân loại rác")
    assert result.exit_code == 0, result.output
    document = docx.Document(target)
    header = document.tables[0]
    cells = [c.text for row in header.rows for c in row.cells]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in cells and "CHI BỘ THÔN ĐÔNG LỘC" in cells and "*" in cells
    assert any(re.fullmatch(r"Số \[… số …\]-NQ/CB", c) for c in cells)
    assert any(", ngày [… ngày …] tháng [… tháng …] năm [… năm …]" in c for c in cells)
    party = next(c for row in header.rows for c in row.cells if c.text == "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert party.paragraphs[0].runs[0].underline
    texts = [p.text for p in document.paragraphs if p.text]
    for expected in (
        "DỰ THẢO",
        "NGHỊ QUYẾT",
        "về phân loại rác",
        "I. TÌNH HÌNH, THỰC TRẠNG",
        "II. MỤC TIÊU, CHỈ TIÊU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. DỰ BÁO KHÓ KHĂN, VƯỚNG MẮC VÀ CÁCH THÁO GỠ",
        "V. TỔ CHỨC THỰC HIỆN",
    ):
        assert expected in texts
    body = "\n".join(texts)
    for phrase in (
        "Nguyên nhân chủ quan",
        "Nguyên nhân khách quan",
        "sơ kết",
        "tổng kết",
        "Chi ủy thảo luận",
    ):
        assert phrase in body
    assert body.count("Gợi ý:") == 5  # one hint per part
    signature = [c.text for c in document.tables[-1].rows[0].cells]
    assert signature[0].startswith("Nơi nhận:") and "T/M CHI BỘ" in signature[1]


@pytest.mark.parametrize("name", ["draft.docx", "draft.md"])
def test_fresh_template_flags_every_placeholder(tmp_path, assessor, name):
    target, result = _write(tmp_path, name, "--cell", CELL)
    assert result.exit_code == 0, result.output
    document = load(target, assessor.config, assessor.pm)
    expected = _placeholder_blocks(document)
    assert len(expected) > 25
    report = assessor.assess_path(target)
    flagged = _nq002_blocks(report)
    assert sorted(flagged) == sorted(expected)  # one finding per block, every block
    finding = next(f for f in report.findings if f.rule_id == "NQ002")
    assert finding.severity == "error" and finding.criterion == "meta" and finding.points == 0
    assert "[…" in finding.message["vi"]
    # it makes `assess` fail
    run = CliRunner().invoke(main, ["assess", str(target), "--quiet", "--no-cache"])
    assert run.exit_code == 1, run.output


@pytest.mark.parametrize("name", ["draft.docx", "draft.md"])
def test_an_unfilled_template_earns_no_points(tmp_path, assessor, name):
    """Placeholders earn nothing anywhere: no part, no item, no header element."""
    target, result = _write(tmp_path, name)
    assert result.exit_code == 0, result.output
    report = assessor.assess_path(target)
    assert report.score <= 20, report.score
    criteria = {c.id: c for c in report.criteria}
    for criterion in ("urgency", "objectives", "feasibility", "obstacles", "assignments"):
        assert criteria[criterion].score == 0, (criterion, criteria[criterion].summary)


def test_refuses_to_overwrite_without_force(tmp_path):
    target, first = _write(tmp_path, "draft.docx")
    assert first.exit_code == 0
    target.write_bytes(b"my own draft")
    target, second = _write(tmp_path, "draft.docx")
    assert second.exit_code == 2 and "--force" in second.output
    assert target.read_bytes() == b"my own draft"
    target, third = _write(tmp_path, "draft.docx", "--force")
    assert third.exit_code == 0 and target.read_bytes().startswith(b"PK")


# -- filled with the strong sample ---------------------------------------------


def _units(markdown: str) -> dict[str, list[str]]:
    """Body lines under each ``##``/``###`` heading, keyed by the heading text."""
    units: dict[str, list[str]] = {}
    current = None
    for line in markdown.splitlines():
        if line.startswith(("## ", "### ")):
            current = line.lstrip("# ").strip()
            units[current] = []
        elif line.startswith("| **Nơi nhận"):
            current = None
        elif current is not None:
            units[current].append(line)
    return units


def _fill(line: str, values: list[str]) -> str:
    """Replace the placeholders of ``line`` in order by ``values``."""
    found = find_placeholders(line)
    assert len(found) == len(values), (line, values)
    for placeholder, value in zip(found, values, strict=True):
        line = line.replace(placeholder, value, 1)
    return line


def fill_with_strong(template: str, sample: str) -> str:
    """What a secretary would do: every part's placeholders replaced by the strong
    sample's text for that part, hint lines deleted."""
    sample_units = _units(sample)
    sample_lines = sample.splitlines()
    tasks = [
        ln
        for ln in sample_units["V. TỔ CHỨC THỰC HIỆN"]
        if re.match(r"^\d\. Đồng chí|^\d\. Chi", ln)
    ]
    bases = [ln for ln in sample_lines if ln.startswith("- Căn cứ")]
    out: list[str] = []
    current = None
    skip = False
    for line in template.splitlines():
        if line.startswith(("## ", "### ")):
            current = line.lstrip("# ").strip()
            out.append(line)
            replacement = sample_units.get(current)
            skip = current != "V. TỔ CHỨC THỰC HIỆN" and replacement is not None
            if skip:
                out.extend(replacement)
            continue
        if line.startswith("| **Nơi nhận"):
            skip = False
            current = None
        if skip:
            continue
        if line.startswith("| ĐẢNG BỘ") or line.startswith("| * "):
            out.append(line)
        elif line.startswith("| **CHI BỘ"):
            out.append(_fill(line, ["10", "3", "2026"]))
        elif line.startswith("| Số"):
            out.append(_fill(line, ["05"]))
        elif line.startswith("- Căn cứ"):
            if line == "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;":
                out.extend(bases[1:])  # the sample's other bases replace the two to fill
        elif line.startswith("*[… Gợi ý"):
            continue
        elif re.match(r"^\d\. Đồng chí \[", line):
            if line.startswith("1."):
                out.extend(tasks)
        elif line.startswith("Chi ủy kiểm tra, giám sát"):
            out.append(
                _fill(
                    line,
                    [
                        "hằng tháng",
                        "Lê Thị Thu Hà, Phó Bí thư",
                        "Đảng ủy xã Hòa Thạnh",
                        "28",
                        "10/7/2026",
                        "15/12/2026",
                    ],
                )
            )
        elif line.startswith("Dự thảo Nghị quyết đã được Chi ủy"):
            out.append(_fill(line, ["05/3/2026", "3/2026"]))
        elif line.startswith("| **Nơi nhận"):
            out.append(_fill(line, ["Trần Văn Hòa"]))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def test_template_filled_with_the_sample_scores_like_it(tmp_path, samples, assess_markdown):
    sample = (samples / "strong.md").read_text("utf-8")
    topic = re.search(r"^\*\*về (.+)\*\*$", sample, re.M).group(1)
    target, result = _write(
        tmp_path,
        "draft.md",
        "--cell",
        CELL,
        "--topic",
        topic,
        "--superior",
        SUPERIOR,
        "--place",
        PLACE,
    )
    assert result.exit_code == 0, result.output
    template = target.read_text("utf-8")
    filled = fill_with_strong(template, sample)
    assert not find_placeholders(filled)
    # the skeleton's own parts survive the filling
    for kept in (
        "**DỰ THẢO**",
        "# NGHỊ QUYẾT",
        "### 3. Nguyên nhân",
        "Chi bộ sơ kết vào ngày 10/7/2026",
        "T/M CHI BỘ",
    ):
        assert kept in filled

    expected = assess_markdown(sample, "strong.md")
    report = assess_markdown(filled, "filled.md")
    assert not _nq002_blocks(report)
    print(f"filled template {report.score}, sample {expected.score}")
    assert abs(report.score - expected.score) <= 3, (report.score, expected.score)
    assert report.grade == expected.grade
    assert report.stage == "draft"
    by_id = {c.id: c.score for c in expected.criteria}
    for c in report.criteria:
        assert abs(c.score - by_id[c.id]) <= 10, (c.id, c.score, by_id[c.id])
    # and the fresh template is nowhere near it
    fresh = assess_markdown(template, "fresh.md")
    assert fresh.score < expected.score - 15


def test_filled_docx_template_has_no_finding_left(tmp_path, samples, assessor):
    """The .docx skeleton, its placeholders replaced in Word-like fashion (run text),
    loses every NQ002 finding."""
    target, _ = _write(
        tmp_path, "draft.docx", "--cell", CELL, "--topic", "phân loại rác tại thôn Đông Lộc"
    )
    document = docx.Document(target)
    paragraphs = list(document.paragraphs) + [
        p
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
    ]
    for paragraph in paragraphs:
        for run in paragraph.runs:
            if find_placeholders(run.text):
                run.text = PLACEHOLDER_RE.sub("12", run.text)
    document.save(target)
    assert not _nq002_blocks(assessor.assess_path(target))
