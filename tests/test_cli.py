"""The command line through click's runner, and through the installed entry points."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from nghiquyet.engine import __version__
from nghiquyet.engine.cli import assess_command, main
from nghiquyet.engine.criteria import CRITERION_IDS

BIN = Path(sys.executable).parent


@pytest.fixture
def draft_dir(tmp_path, samples) -> Path:
    """Samples copied away from the repository so no project config is found."""
    folder = tmp_path / "ho-so"
    folder.mkdir()
    for name in ("strong.md", "middling.md", "formalistic.docx"):
        shutil.copy(samples / name, folder / name)
    return folder


def test_text_report_opens_with_score_then_criteria(run, draft_dir):
    result = run(draft_dir / "middling.md")
    assert result.exit_code == 1  # error-level findings
    lines = result.stdout.splitlines()
    assert lines[0].endswith("middling.md")
    assert lines[1].strip().startswith("Điểm: ") and "/100 — " in lines[1]
    assert "Phân công cụ thể" in result.stdout and "Phân công nhiệm vụ (" in result.stdout
    assert "đoạn " in result.stdout and "→ " in result.stdout


def test_json_report_follows_the_contract(run, draft_dir):
    result = run(draft_dir / "middling.md", draft_dir / "strong.md", "--format", "json")
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert data["tool"] == {"name": "nghiquyet", "version": __version__}
    doc = data["documents"][0]
    assert set(doc) >= {"path", "stage", "score", "grade", "criteria", "findings", "tasks", "error"}
    assert [c["id"] for c in doc["criteria"]] == list(CRITERION_IDS)
    assert all(set(c) >= {"id", "score", "weight", "summary"} for c in doc["criteria"])
    finding = doc["findings"][0]
    assert set(finding) >= {
        "rule_id",
        "rule",
        "criterion",
        "severity",
        "message",
        "suggestion",
        "location",
    }
    assert set(finding["location"]) >= {"block", "line", "excerpt"}
    assert doc["tasks"] and set(doc["tasks"][0]) >= {"text", "owner", "deadline"}
    assert doc["error"] is None and doc["stage"] == "draft"
    assert [d["path"] for d in data["documents"]] == sorted(d["path"] for d in data["documents"])


def test_english_messages(run, draft_dir):
    result = run(draft_dir / "middling.md", "--lang", "en")
    assert "Score: " in result.stdout and "Findings" in result.stdout
    data = json.loads(run(draft_dir / "middling.md", "--lang", "en", "-f", "json").stdout)
    assert data["documents"][0]["findings"][0]["message"].isascii()


def test_output_file(run, draft_dir, tmp_path):
    target = tmp_path / "bao-cao.json"
    result = run(draft_dir / "strong.md", "-f", "json", "-o", target)
    assert result.stdout == ""
    assert json.loads(target.read_text("utf-8"))["documents"][0]["grade"] == "Tốt"


def test_output_never_overwrites_an_input(run, draft_dir):
    before = (draft_dir / "strong.md").read_bytes()
    result = run(draft_dir / "strong.md", "-o", draft_dir / "strong.md")
    assert result.exit_code == 2
    assert "không ghi đè lên tệp đầu vào" in result.stderr
    assert (draft_dir / "strong.md").read_bytes() == before


def test_select_and_ignore_by_id_slug_criterion_and_prefix(run, draft_dir):
    def rule_ids(*args):
        data = json.loads(run(draft_dir / "middling.md", "-f", "json", "--exit-zero", *args).stdout)
        return {f["rule_id"] for f in data["documents"][0]["findings"]}

    assert rule_ids("--select", "NQ601,task-without-deadline") <= {"NQ601", "NQ602"}
    assert rule_ids("--select", "assignments") and all(
        r.startswith("NQ6") for r in rule_ids("--select", "assignments")
    )
    assert not any(r.startswith("NQ6") for r in rule_ids("--ignore", "NQ6"))
    assert "NQ802" not in rule_ids("--ignore", "no-final-review-date")


def test_unknown_rule_in_select_is_a_usage_error(run, draft_dir):
    result = run(draft_dir / "middling.md", "--select", "NQ999")
    assert result.exit_code == 2
    assert "NQ999" in result.stderr and "Traceback" not in result.stderr


def test_fail_under_and_exit_zero(run, draft_dir):
    strong = draft_dir / "strong.md"
    assert run(strong, "-q").exit_code == 0
    assert run(strong, "-q", "--fail-under", "99.9").exit_code == 1
    assert run(draft_dir / "middling.md", "-q", "--exit-zero").exit_code == 0


def test_stage_option_changes_what_applies(run, draft_dir):
    adopted = json.loads(run(draft_dir / "strong.md", "-f", "json", "--stage", "adopted").stdout)[
        "documents"
    ][0]
    assert adopted["stage"] == "adopted"
    assert any(f["rule_id"] == "NQ703" for f in adopted["findings"])  # no vote record yet
    draft = json.loads(run(draft_dir / "strong.md", "-f", "json").stdout)["documents"][0]
    assert draft["stage"] == "draft" and not any(f["rule_id"] == "NQ703" for f in draft["findings"])


def test_unreadable_file_is_one_line_exit_2_and_the_batch_goes_on(run, draft_dir):
    broken = draft_dir / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip at all")
    result = run(draft_dir, "-f", "json")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "hong.docx" in errors[0] and "Traceback" not in result.stderr
    docs = json.loads(result.stdout)["documents"]
    assert len(docs) == 4
    bad = next(d for d in docs if d["path"].endswith("hong.docx"))
    assert bad["error"]["code"] and bad["score"] is None
    assert all(d["score"] is not None for d in docs if d is not bad)


def test_missing_path_and_empty_folder(run, tmp_path):
    assert run(tmp_path / "khong-co.docx").exit_code == 2
    empty = tmp_path / "trong"
    empty.mkdir()
    result = run(empty)
    assert result.exit_code == 2 and "trong" in result.stderr


def test_version_and_help(run):
    assert __version__ in run("--version").stdout
    assert "PATHS" in run("--help").stdout


def test_rules_explain_plugins_init(run, tmp_path, monkeypatch):
    rules = run("rules", command=main)
    assert rules.exit_code == 0 and "NQ601" in rules.stdout and "task-without-owner" in rules.stdout
    explained = run("explain", "NQ601", command=main)
    assert "Vì sao" in explained.stdout and "Ví dụ chưa đạt" in explained.stdout
    assert run("explain", "task-without-owner", "--lang", "en", command=main).stdout.startswith(
        "NQ601"
    )
    assert run("explain", "NQ999", command=main).exit_code == 2
    assert "nghiquyet.plugins.checkers" in run("plugins", command=main).stdout
    monkeypatch.chdir(tmp_path)
    assert run("init", command=main).exit_code == 0
    assert "fail_under" in (tmp_path / "nghiquyet.yaml").read_text()
    assert run("init", command=main).exit_code == 2  # no silent overwrite


def test_config_found_upward_from_the_input(run, draft_dir):
    (draft_dir.parent / "nghiquyet.yaml").write_text(
        "fail_under: 99.9\nignore: [format]\n", "utf-8"
    )
    result = run(draft_dir / "strong.md", "-f", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)["documents"][0]
    assert next(c for c in doc["criteria"] if c["id"] == "format")["score"] is None


def test_pyproject_tool_table_and_env_config(run, draft_dir, tmp_path, monkeypatch):
    (draft_dir / "pyproject.toml").write_text("[tool.nghiquyet]\nlang = 'en'\n", "utf-8")
    assert "Score: " in run(draft_dir / "strong.md").stdout
    other = tmp_path / "khac.yaml"
    other.write_text("lang: vi\n", "utf-8")
    monkeypatch.setenv("NGHIQUYET_CONFIG", str(other))
    assert "Điểm: " in run(draft_dir / "strong.md").stdout


@pytest.mark.parametrize(
    "content, expected",
    [
        # in Vietnamese, the default; tests/test_config_errors.py reads the English
        ("fail_undr: 60\n", "không có khóa 'fail_undr'"),
        ("fail_under: cao\n", "khóa 'fail_under' phải là một số"),
        ("weights: {urgent: 2}\n", "weights.urgent"),
        ("lang: fr\n", "khóa 'lang' phải là một trong vi, en"),
        ("select: [NQ6\n", "YAML sai cú pháp"),
    ],
)
def test_bad_config_names_file_and_key(run, draft_dir, content, expected):
    config = draft_dir / "nghiquyet.yaml"
    config.write_text(content, "utf-8")
    result = run(draft_dir / "strong.md")
    assert result.exit_code == 2
    assert expected in result.stderr and str(config) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_invalid_rule_pack_names_file_key_and_expectation(run, draft_dir):
    pack = draft_dir / "luat" / "rieng.yaml"
    pack.parent.mkdir()
    pack.write_text(
        "rules:\n  - id: NQ650\n    name: my-rule\n    criterion: assignments\n    severity: fatal\n"
        "    type: item_ratio\n    message: x\n",
        "utf-8",
    )
    (draft_dir / "nghiquyet.yaml").write_text("rule_paths: [luat]\n", "utf-8")
    result = run(draft_dir / "strong.md")
    assert result.exit_code == 2
    assert (
        "rieng.yaml" in result.stderr
        and "severity" in result.stderr
        and "error, warning, info" in result.stderr
    )


def test_debug_shows_traceback_for_internal_errors(run, draft_dir):
    from nghiquyet.engine.errors import NghiquyetError

    with pytest.raises(NghiquyetError):
        CliRunner().invoke(
            assess_command,
            [str(draft_dir / "strong.md"), "--select", "NQ999", "--debug"],
            catch_exceptions=False,
        )


def test_installed_entry_points(draft_dir, tmp_path):
    env = {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "NGHIQUYET_CACHE_DIR": str(tmp_path / "c"),
    }
    version = subprocess.run([BIN / "assess", "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and __version__ in version.stdout
    scored = subprocess.run(
        [BIN / "assess", draft_dir / "strong.md", "-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert scored.returncode == 0, scored.stderr
    assert "Tốt" in scored.stdout
    listed = subprocess.run(
        [BIN / "nghiquyet", "rules"], capture_output=True, text=True, env=env, timeout=120
    )
    assert listed.returncode == 0 and "NQ101" in listed.stdout


def test_text_matrix_shows_what_who_and_deadline_as_written(run, samples):
    lines = run(samples / "strong.md", "--no-cache").stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip().startswith("Phân công nhiệm vụ"))
    row = next(line for line in lines[start:] if "Trần Văn Hòa" in line)
    # the task column drops the numbering and the owner shown in its own column
    assert row.split()[1] == "chủ" and "Đồng chí Trần Văn Hòa, Bí thư chi bộ" in row
    assert row.rstrip().endswith("20/3/2026")  # as the drafter wrote it; JSON has ISO
