"""Drafts written independently of the rules, each with a reviewer's judgement.

Eight settings (a hospital ward, a company workshop, a residential quarter, a
mountain school, a Mekong delta hamlet, a district office, a commune health station,
a shrimp-farming cooperative), each with a strong, a middling and a formalistic
draft, were written from DOMAIN.md and the source article alone, by writers who
never saw the rules. Next to each draft, ``*.expected.yaml`` holds the
writer's judgement per criterion (good / partial / poor) and the overall grade.

They came in two rounds, and each first served as a held-out set: they exposed
misreadings that our own drafts never triggered (Markdown header lines,
"difficulty: remedy" forecasts, office topics without a place, monitoring of a
business taken for monitoring of the resolution; then run-in headings, a whole
resolution written as one numbered list, forecasts in running prose). Before the
fixes the first round disagreed with its writers on 56 of 162 criterion levels and
the second on 16 of 54. They are kept as a regression set: what the tool says must
not drift away from what an experienced reader says.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

FOLDER = Path(__file__).resolve().parent / "drafts" / "independent"
DRAFTS = sorted(FOLDER.glob("*/*.md"))
GRADES = ["Yếu", "Trung bình", "Khá", "Tốt"]


def _band(score: float) -> str:
    """The reader's three levels on our scale: the grade floors of Khá and Tốt."""
    return "good" if score >= 80 else "partial" if score >= 50 else "poor"


def _expected(draft: Path) -> dict:
    return yaml.safe_load(draft.with_name(draft.stem + ".expected.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def reports(assessor):
    return {draft: assessor.assess_path(draft) for draft in DRAFTS}


def test_the_set_is_complete():
    assert len(DRAFTS) == 24
    for draft in DRAFTS:
        expected = _expected(draft)
        assert expected["overall"] in ("Tốt", "Khá", "Trung bình", "Yếu")
        assert len(expected["criteria"]) == 9


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_grade_is_the_readers_or_next_to_it(reports, draft):
    report = reports[draft]
    expected = _expected(draft)["overall"]
    assert report.error is None
    if draft.stem in ("strong", "formalistic"):
        assert report.grade == expected, report.score  # the clear cases exactly
    else:
        assert abs(GRADES.index(report.grade) - GRADES.index(expected)) <= 1, report.score


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_criterion_contradicts_the_reader(reports, draft):
    """A criterion the reader calls good never scores below 50; one the reader calls
    poor never scores 80 or more."""
    scores = {c.id: c.score for c in reports[draft].criteria}
    for criterion, judgement in _expected(draft)["criteria"].items():
        level, score = judgement["level"], scores[criterion]
        assert score is not None, criterion
        if level == "good":
            assert score >= 50, (criterion, score, judgement["why"])
        if level == "poor":
            assert score < 80, (criterion, score, judgement["why"])


def test_criterion_levels_agree_with_the_reader(reports):
    """Nine levels per draft, 216 in all: at least 85 % fall in the reader's band."""
    pairs = [
        (_band(scores[criterion]), judgement["level"])
        for draft in DRAFTS
        for scores in [{c.id: c.score for c in reports[draft].criteria}]
        for criterion, judgement in _expected(draft)["criteria"].items()
    ]
    agreed = sum(got == want for got, want in pairs)
    assert len(pairs) == 216
    assert agreed / len(pairs) >= 0.85, f"{agreed}/{len(pairs)}"
