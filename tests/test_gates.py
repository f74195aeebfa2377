"""Gates that say what they gate, as pylint's do: with --fail-under the score decides,
--fail-on gates on findings (default error when no score gate is set), --exit-zero wins,
and a failed gate ends with one line on stderr saying why."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# a good draft whose targets lack numbers: a high score, with error-level findings
GOOD_WITH_ERRORS = ROOT / "tests" / "drafts" / "htx-tan-hung" / "weak-objectives.md"


@pytest.fixture
def drafts(tmp_path, samples) -> Path:
    """Drafts copied away from the repository, so that no project config is found."""
    folder = tmp_path / "ho-so"
    folder.mkdir()
    shutil.copy(GOOD_WITH_ERRORS, folder / "htx.md")
    for name in ("strong.md", "middling.md"):
        shutil.copy(samples / name, folder / name)
    return folder


def _report(run, path: Path) -> dict:
    """The draft's JSON document, gates off."""
    result = run(path, "-f", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["documents"][0]


def _count(doc: dict, severity: str) -> int:
    return sum(1 for f in doc["findings"] if f["severity"] == severity)


def _stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_the_score_decides_when_fail_under_is_given(run, drafts):
    htx = drafts / "htx.md"
    doc = _report(run, htx)
    errors = _count(doc, "error")
    assert doc["score"] >= 70 and errors > 0  # a good draft that still has errors

    default = run(htx, "-q")
    assert default.exit_code == 1
    assert _stderr_lines(default) == [f"nghiquyet: {errors} lỗi"]

    passed = run(htx, "-q", "--fail-under", "60")
    assert passed.exit_code == 0, passed.output
    assert passed.stderr == ""  # nothing extra when the gate passes

    below = run(htx, "-q", "--fail-under", "99.5")
    assert below.exit_code == 1
    assert _stderr_lines(below) == ["nghiquyet: 1 dự thảo dưới 99,5 điểm"]


def test_fail_on_gates_on_findings_by_severity(run, drafts):
    strong = drafts / "strong.md"
    doc = _report(run, strong)
    assert _count(doc, "error") == 0 and _count(doc, "warning") == 0
    infos = _count(doc, "info")
    assert infos > 0

    assert run(strong, "-q").exit_code == 0
    assert run(strong, "-q", "--fail-on", "warning").exit_code == 0
    on_info = run(strong, "-q", "--fail-on", "INFO")  # any case, as format names
    assert on_info.exit_code == 1
    assert _stderr_lines(on_info) == [f"nghiquyet: {infos} gợi ý"]

    middling = drafts / "middling.md"
    counts = {s: _count(_report(run, middling), s) for s in ("error", "warning")}
    on_warning = run(middling, "-q", "--fail-on", "warning")
    assert on_warning.exit_code == 1
    assert _stderr_lines(on_warning) == [
        f"nghiquyet: {counts['error']} lỗi, {counts['warning']} cảnh báo"
    ]
    never = run(middling, "-q", "--fail-on", "never")
    assert never.exit_code == 0 and never.stderr == ""


def test_both_gates_together_and_exit_zero_wins(run, drafts):
    htx = drafts / "htx.md"
    both = run(htx, "-q", "--fail-under", "60", "--fail-on", "error")
    assert both.exit_code == 1 and "lỗi" in both.stderr and "dưới" not in both.stderr
    zero = run(htx, "-q", "--fail-under", "99", "--fail-on", "info", "--exit-zero")
    assert zero.exit_code == 0 and zero.stderr == ""


def test_a_batch_says_how_many_drafts_and_findings_failed_in_english(run, drafts):
    docs = [_report(run, drafts / n) for n in ("htx.md", "strong.md", "middling.md")]
    low = sum(1 for d in docs if d["score"] < 99)
    errors = sum(_count(d, "error") for d in docs)
    result = run(drafts, "-q", "--fail-under", "99", "--fail-on", "error", "--lang", "en")
    assert result.exit_code == 1
    assert low == 2
    assert _stderr_lines(result)[-1] == f"nghiquyet: 2 drafts score below 99; {errors} errors"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("nghiquyet.yaml", "fail_on: info\n"),
        ("pyproject.toml", "[tool.nghiquyet]\nfail-on = 'info'\n"),
    ],
)
def test_fail_on_in_the_config_file(run, drafts, name, text):
    (drafts / name).write_text(text, "utf-8")
    result = run(drafts / "strong.md", "-q")
    assert result.exit_code == 1 and "gợi ý" in result.stderr
    # the command line still wins over the file
    assert run(drafts / "strong.md", "-q", "--fail-on", "error").exit_code == 0


def test_fail_under_in_the_config_file_is_a_score_gate(run, drafts):
    (drafts / "nghiquyet.yaml").write_text("fail_under: 60\n", "utf-8")
    assert run(drafts / "htx.md", "-q").exit_code == 0
    assert run(drafts / "htx.md", "-q", "--fail-on", "error").exit_code == 1


def test_a_bad_fail_on_is_one_line_and_exit_2(run, drafts):
    assert run(drafts / "strong.md", "--fail-on", "often").exit_code == 2
    (drafts / "nghiquyet.yaml").write_text("fail_on: sometimes\n", "utf-8")
    result = run(drafts / "strong.md")
    assert result.exit_code == 2
    lines = _stderr_lines(result)
    assert len(lines) == 1 and "fail_on" in lines[0] and "never" in lines[0]


def test_init_documents_fail_on(run, tmp_path, monkeypatch):
    from nghiquyet.engine.cli import main

    monkeypatch.chdir(tmp_path)
    assert run("init", command=main).exit_code == 0
    assert "# fail_on: error" in (tmp_path / "nghiquyet.yaml").read_text("utf-8")


@pytest.mark.parametrize("command", [["assess"], ["nghiquyet", "assess"]])
def test_the_installed_commands_end_with_the_reason(drafts, tmp_path, command):
    env = {"NGHIQUYET_CACHE_DIR": str(tmp_path / "cache"), "PATH": str(BIN)}
    args = [str(BIN / command[0]), *command[1:], str(drafts), "-q", "--fail-under", "99"]
    failed = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert failed.returncode == 1, failed.stderr
    assert failed.stderr.splitlines()[-1] == "nghiquyet: 2 dự thảo dưới 99 điểm"
    passed = subprocess.run(
        [*args[:-1], "0"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert passed.returncode == 0 and passed.stderr == ""
