"""A partial check is marked: when --select/--ignore leave criteria without a rule, the
overall score is over the scored criteria only, JSON lists them in ``scored_criteria``
and every report a person reads says "chấm một phần" (partial check) and which."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest


@pytest.fixture
def draft(tmp_path, samples) -> Path:
    """The middling sample, copied away from any project config."""
    folder = tmp_path / "ho-so"
    folder.mkdir()
    return Path(shutil.copy(samples / "middling.md", folder / "middling.md"))


def _doc(run, *args) -> dict:
    result = run(*args, "-f", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["documents"][0]


def test_a_full_check_has_no_scored_criteria(run, draft):
    doc = _doc(run, draft)
    assert "scored_criteria" not in doc
    assert all(c["score"] is not None for c in doc["criteria"])


def test_select_scores_only_what_it_selects(run, draft):
    doc = _doc(run, draft, "--select", "assignments")
    assert doc["scored_criteria"] == ["assignments"]
    assignments = next(c for c in doc["criteria"] if c["id"] == "assignments")
    assert doc["score"] == assignments["score"]
    assert all(c["score"] is None for c in doc["criteria"] if c["id"] != "assignments")


def test_ignore_scores_over_the_rest(run, draft):
    doc = _doc(run, draft, "--ignore", "format,procedure")
    expected = [c["id"] for c in doc["criteria"] if c["id"] not in ("format", "procedure")]
    assert doc["scored_criteria"] == expected
    scored = [c for c in doc["criteria"] if c["id"] in expected]
    mean = sum(c["score"] * c["weight"] for c in scored) / sum(c["weight"] for c in scored)
    assert doc["score"] == pytest.approx(mean, abs=0.05)
    # a rule left out of a criterion that keeps others is no partial check
    assert "scored_criteria" not in _doc(run, draft, "--ignore", "NQ601")


def test_text_says_partial_check_and_which_criteria(run, draft):
    vi = run(draft, "--select", "assignments,format", "--exit-zero").stdout
    assert (
        "Lưu ý: chấm một phần, điểm tính trên 2/9 tiêu chí: Phân công cụ thể, Thể thức văn bản"
        in vi
    )
    en = run(draft, "--select", "assignments", "--exit-zero", "--lang", "en").stdout
    assert "Note: partial check, the score covers 1/9 criteria: Concrete assignments" in en
    assert "chấm một phần" not in run(draft, "--exit-zero").stdout
    quiet = run(draft, "--select", "NQ6", "--exit-zero", "-q").stdout
    assert quiet.rstrip().endswith("(chấm một phần)")


@pytest.mark.parametrize("name", ["r.md", "r.html"])
def test_markdown_and_html_say_partial_check(run, draft, tmp_path, name):
    target = tmp_path / name
    result = run(draft, "--ignore", "objectives,feasibility", "-o", target, "--exit-zero")
    assert result.exit_code == 0, result.output
    page = target.read_text("utf-8")
    assert "chấm một phần, điểm tính trên 7/9 tiêu chí: Tính cấp thiết của chủ đề" in page
    full = tmp_path / ("full-" + name)
    run(draft, "-o", full, "--exit-zero")
    assert "chấm một phần" not in full.read_text("utf-8")


def test_a_batch_table_marks_the_partial_drafts(run, draft, tmp_path):
    shutil.copy(draft, draft.parent / "ban-sao.md")
    for name, marker in (("r.md", "| chấm một phần |"), ("r.html", "(chấm một phần)</small>")):
        target = tmp_path / name
        run(draft.parent, "--select", "follow_up", "-o", target, "--exit-zero")
        assert target.read_text("utf-8").count(marker) == 2, name


def test_selecting_nothing_is_still_a_usage_error(run, draft):
    result = run(draft, "--ignore", "NQ")
    assert result.exit_code == 2 and "scored_criteria" not in result.output
