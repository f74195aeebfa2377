"""Scoring: every lost point sits on a finding; the formula and grades hold."""

from __future__ import annotations

import pytest
from nghiquyet.engine.criteria import CRITERIA, CRITERION_IDS, grade_for
from nghiquyet.engine.score import overall, rescore


@pytest.fixture(scope="module")
def reports(assessor, samples):
    return {
        name: assessor.assess_path(samples / f"{name}.md")
        for name in ("strong", "middling", "formalistic")
    }


@pytest.mark.parametrize("name", ["strong", "middling", "formalistic"])
def test_every_lost_point_belongs_to_a_finding(reports, name):
    report = reports[name]
    for criterion in report.criteria:
        lost = sum(f.points for f in report.findings if f.criterion == criterion.id)
        assert lost == pytest.approx(100 - criterion.score, abs=0.1), criterion.id
    overall_lost = sum(f.overall_points for f in report.findings if f.criterion in CRITERION_IDS)
    assert overall_lost == pytest.approx(100 - report.score, abs=0.2)


@pytest.mark.parametrize("name", ["strong", "middling", "formalistic"])
def test_overall_is_the_weighted_mean_of_criteria(reports, name):
    report = reports[name]
    assert [c.id for c in report.criteria] == list(CRITERION_IDS)
    weights = {c.id: c.weight for c in CRITERIA}
    expected = sum(c.score * weights[c.id] for c in report.criteria) / sum(weights.values())
    assert report.score == pytest.approx(expected, abs=0.1)
    assert 0 <= report.score <= 100
    assert report.grade == grade_for(report.score)


def test_strong_sample_outscores_formalistic_by_a_wide_margin(reports):
    assert reports["strong"].score >= 80
    assert reports["formalistic"].score <= 40
    assert reports["strong"].score - reports["formalistic"].score >= 40
    assert reports["formalistic"].score < reports["middling"].score < reports["strong"].score


def test_grades():
    assert [grade_for(s) for s in (95, 80, 79.9, 65, 50, 49.9, 0)] == [
        "Tốt",
        "Tốt",
        "Khá",
        "Khá",
        "Trung bình",
        "Yếu",
        "Yếu",
    ]


def test_weights_change_the_overall_score(assessor, samples):
    report = assessor.assess_path(samples / "middling.md")
    before = report.score
    weights = {c: 0 for c in CRITERION_IDS}
    weights["obstacles"] = 1
    rescore(report, weights)
    obstacles = next(c for c in report.criteria if c.id == "obstacles")
    assert report.score == obstacles.score != before
    assert overall(report.criteria) == report.score


def test_deselected_criterion_is_not_scored(samples):
    from nghiquyet.engine.config import Config
    from nghiquyet.engine.runner import Assessor

    report = Assessor(Config(ignore=["format", "procedure"])).assess_path(samples / "middling.md")
    by_id = {c.id: c for c in report.criteria}
    assert by_id["format"].score is None and by_id["procedure"].score is None
    assert not any(f.criterion in ("format", "procedure") for f in report.findings)
    scored = [c for c in report.criteria if c.score is not None]
    assert report.score == pytest.approx(
        sum(c.score * c.weight for c in scored) / sum(c.weight for c in scored), abs=0.1
    )


def test_slogan_topic_quotes_each_slogan_once(assess_markdown):
    report = assess_markdown(
        "# NGHỊ QUYẾT\n\n**về tăng cường công tác xây dựng Đảng, nâng cao chất lượng "
        "sinh hoạt chi bộ trong tình hình mới**\n"
    )
    (finding,) = [f for f in report.findings if f.rule_id == "NQ101"]
    assert "tăng cường công tác xây dựng đảng" in finding.message["vi"]
    assert finding.message["vi"].count("xây dựng đảng") == 1


def test_a_rule_scores_under_its_declared_criterion_not_its_id_digit(samples):
    """The id is a name: were its digit ever to disagree with the rule's criterion (the
    rule-pack loader refuses such a pack), the findings still count where the rule
    says they belong, and nowhere else."""
    import dataclasses

    from nghiquyet.engine.config import Config
    from nghiquyet.engine.runner import Assessor

    assessor = Assessor(Config())
    moved = dataclasses.replace(assessor.ruleset.rules["NQ601"], criterion="urgency")
    assessor.rules = [moved if r.id == "NQ601" else r for r in assessor.rules]
    report = assessor.assess_path(samples / "formalistic.md")

    by_id = {c.id: c for c in report.criteria}
    assert "NQ601" in [r.rule_id for r in by_id["urgency"].rules]
    assert "NQ601" not in [r.rule_id for r in by_id["assignments"].rules]
    findings = [f for f in report.findings if f.rule_id == "NQ601"]
    assert findings and all(f.criterion == "urgency" and f.points > 0 for f in findings)
    # the points it costs come off urgency's score, not assignments': each criterion
    # loses exactly what its own findings carry
    for crit in ("urgency", "assignments"):
        lost = sum(f.points for f in report.findings if f.criterion == crit)
        assert 100 - by_id[crit].score == pytest.approx(lost, abs=0.5)


def _form_score(report):
    return next(c.score for c in report.criteria if c.id == "format")


HEADER = (
    "| ĐẢNG BỘ XÃ HÒA THẠNH | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n"
    "| CHI BỘ THÔN ĐÔNG LỘC | *Hòa Thạnh, ngày {day} tháng 3 năm 2026* |\n"
    "| Số 04-NQ/CB | |\n\n# NGHỊ QUYẾT\n\n**về phân loại rác tại thôn Đông Lộc**\n\n"
    "Chi bộ thống nhất phân loại rác tại 120 hộ trước ngày 30/6/2026.\n\n"
    "| Nơi nhận:<br>- Đảng ủy xã;<br>- Lưu chi bộ. | T/M CHI BỘ<br>BÍ THƯ<br>{name} |\n|---|---|\n"
)


def test_one_slip_in_the_form_passes_two_cap_it_at_partial(assess_markdown):
    one = assess_markdown(HEADER.format(day="5", name="Trần Văn Hòa"))
    two = assess_markdown(HEADER.format(day="5", name=""))
    assert _form_score(one) >= 80
    assert _form_score(two) == 79
    capped = next(f for f in two.findings if f.rule_id == "NQ909")
    others = sum(f.points for f in two.findings if f.criterion == "format" and f is not capped)
    assert capped.points == pytest.approx(100 - 79 - others, abs=0.1)
    assert "họ tên người ký" in capped.message["vi"] and "số 0" in capped.message["vi"]
