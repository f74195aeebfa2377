"""``nghiquyet compare OLD NEW``: what a redraft improved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from nghiquyet.engine.cli import main
from nghiquyet.engine.compare import compare, comparison_dict, normalise, render_text
from nghiquyet.engine.criteria import CRITERION_IDS

VAGUE_TASK = "6. Các đồng chí đảng viên trong chi bộ tích cực tham gia thực hiện Nghị quyết."
NAMED_TASK = (
    "6. Đồng chí Hà Văn Sinh, chi ủy viên, chủ trì vận động đảng viên đỡ đầu học sinh; "
    "hoàn thành trước ngày 30/4/2026."
)
SLOGAN = "3.6. Tăng cường công tác giáo dục đạo đức, nâng cao ý thức học tập của học sinh."


def _redraft(samples: Path, folder: Path) -> Path:
    """The middling draft, redrafted: the vague task gets an owner and a deadline, a
    paragraph is added near the top (every later paragraph number shifts), a solution
    is reworded slightly, and a slogan is added as a new solution."""
    text = (samples / "middling.md").read_text("utf-8")
    for old, new in (
        (VAGUE_TASK, NAMED_TASK),
        (
            "### 1.2. Hạn chế",
            "Năm 2025, bản Nà Mòn có 4 học sinh nghỉ học để đi làm thuê cùng gia đình.\n\n"
            "### 1.2. Hạn chế",
        ),
        (
            "3.4. Đẩy mạnh đổi mới phương pháp dạy học,",
            "3.4. Đẩy mạnh đổi mới phương pháp giảng dạy,",
        ),
        ("## 4. DỰ BÁO", f"{SLOGAN}\n\n## 4. DỰ BÁO"),
    ):
        assert old in text
        text = text.replace(old, new)
    path = folder / "middling-v2.md"
    path.write_text(text, "utf-8")
    return path


@pytest.fixture(scope="module")
def redraft(tmp_path_factory, samples, assessor):
    new = _redraft(samples, tmp_path_factory.mktemp("compare"))
    return compare(assessor.assess_path(samples / "middling.md"), assessor.assess_path(new))


def _excerpts(findings) -> list[str]:
    return [f.location.excerpt if f.location else "" for f in findings]


def test_redraft_fixes_the_vague_task(redraft):
    fixed = {(f.rule_id, f.location.excerpt) for f in redraft.fixed if f.location}
    assert ("NQ601", VAGUE_TASK) in fixed  # no owner
    assert ("NQ603", VAGUE_TASK) in fixed  # vague collective
    # nothing else was touched, so nothing else is "fixed"
    assert all(e == VAGUE_TASK for e in _excerpts(redraft.fixed))


def test_added_slogan_is_new_and_the_rest_remains(redraft):
    assert redraft.new
    assert all(e == SLOGAN for e in _excerpts(redraft.new))
    # every finding is accounted for exactly once on each side
    assert len(redraft.fixed) + len(redraft.remaining) == len(redraft.before.findings)
    assert len(redraft.new) + len(redraft.remaining) == len(redraft.after.findings)
    # two paragraphs were added above them: matched by their text, not their number
    obstacles = [f for f in redraft.remaining if f.rule_id == "NQ502"]
    assert len(obstacles) == 4
    old_blocks = sorted(f.location.block for f in redraft.before.findings if f.rule_id == "NQ502")
    assert sorted(f.location.block for f in obstacles) == [b + 2 for b in old_blocks]


def test_lightly_edited_paragraph_is_not_fixed_and_new(redraft):
    edited = [e for e in _excerpts(redraft.remaining) if e.startswith("3.4. Đẩy mạnh đổi mới")]
    assert edited and "giảng dạy" in edited[0]
    assert not [e for e in _excerpts(redraft.fixed + redraft.new) if "Đẩy mạnh đổi mới" in e]


def test_score_and_criteria_deltas(redraft):
    assert redraft.score_delta == round(redraft.after.score - redraft.before.score, 1)
    deltas = redraft.criteria_delta()
    assert list(deltas) == list(CRITERION_IDS)
    before = {c.id: c.score for c in redraft.before.criteria}
    for c in redraft.after.criteria:
        assert deltas[c.id] == round(c.score - before[c.id], 1)
    assert deltas["assignments"] > 0  # the task now has an owner and a deadline


def test_same_draft_compares_equal(samples, assessor):
    report = assessor.assess_path(samples / "formalistic.docx")
    result = compare(report, report)
    assert result.fixed == [] and result.new == []
    assert result.remaining == report.findings
    assert result.score_delta == 0
    assert set(result.criteria_delta().values()) == {0}


def test_normalise_ignores_numbering_case_tone_placement_and_spacing():
    assert normalise("3. Nâng cao chất lượng") == normalise("4)  nâng cao  chất lượng.")
    assert normalise("II. Thủy lợi HOÀ BÌNH") == normalise("III. thuỷ lợi hòa bình")
    assert normalise("…giảm 95% số hộ…") == normalise("giảm 95% số hộ")
    assert normalise("Nâng cao") != normalise("Tăng cường")


def test_cli_json_middling_vs_strong(samples, tmp_path):
    out = tmp_path / "cmp.json"
    result = CliRunner().invoke(
        main,
        [
            "compare",
            str(samples / "middling.md"),
            str(samples / "strong.md"),
            "-f",
            "json",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert {"before", "after", "delta", "fixed", "new"} <= set(data)
    for side in ("before", "after"):
        assert {"path", "stage", "score", "grade", "criteria", "findings", "tasks", "error"} <= set(
            data[side]
        )
    assert data["after"]["score"] > data["before"]["score"]
    assert data["delta"]["score"] == round(data["after"]["score"] - data["before"]["score"], 1)
    assert set(data["delta"]["criteria"]) == set(CRITERION_IDS)
    assert len(data["fixed"]) > len(data["new"])
    for finding in data["fixed"] + data["new"]:
        assert {"rule_id", "message", "suggestion", "location"} <= set(finding)


def test_cli_text_in_english(samples):
    result = CliRunner().invoke(
        main, ["compare", str(samples / "middling.md"), str(samples / "strong.md"), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert "Fixed (" in result.output and "New findings (" in result.output
    assert "Score:" in result.output and "→" in result.output


def test_render_text_vietnamese(redraft):
    text = render_text(redraft, "vi")
    assert "Đã khắc phục (" in text and "Phát hiện mới (" in text and "Còn lại (" in text
    assert VAGUE_TASK in text
    assert comparison_dict(redraft, "vi")["delta"]["score"] == redraft.score_delta


def test_cli_text_is_coloured_only_when_asked_or_at_a_terminal(samples, monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    args = ["compare", str(samples / "middling.md"), str(samples / "strong.md")]
    plain = CliRunner().invoke(main, args)  # not a terminal: no colour
    assert plain.exit_code == 0 and "\x1b[" not in plain.output
    painted = CliRunner().invoke(main, [*args, "--color", "always"])
    assert "\x1b[32m✓\x1b[0m" in painted.output  # a fix, in green
    assert "\x1b[" not in CliRunner().invoke(main, [*args, "--color", "never"]).output
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in CliRunner().invoke(main, args).output


def test_cli_text_spells_out_control_characters_from_a_draft(samples, tmp_path):
    hostile = VAGUE_TASK.replace("đảng viên", "đảng viên\x1b]0;pwned\x07")
    new = tmp_path / "v2.md"
    new.write_text(
        (samples / "middling.md").read_text("utf-8").replace(VAGUE_TASK, hostile), "utf-8"
    )
    for colour in ("never", "always"):
        shown = (
            CliRunner()
            .invoke(main, ["compare", str(samples / "middling.md"), str(new), "--color", colour])
            .output
        )
        assert "\x1b]" not in shown and "\x07" not in shown
        assert "\\x1b]0;pwned\\x07" in shown


def test_cli_unreadable_side_exits_2(samples, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a word file")
    result = CliRunner().invoke(
        main, ["compare", str(samples / "middling.md"), str(broken), "-f", "json"]
    )
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["after"]["error"]["code"] == "not_docx"
    assert data["delta"]["score"] is None


def test_cli_refuses_to_write_over_an_input(samples, tmp_path):
    old = tmp_path / "old.md"
    old.write_bytes((samples / "middling.md").read_bytes())
    before = old.read_bytes()
    result = CliRunner().invoke(
        main, ["compare", str(old), str(samples / "strong.md"), "-o", str(old)]
    )
    assert result.exit_code == 2
    assert old.read_bytes() == before
