"""The composite Action (action.yml) as a workflow gets it: its inputs, the pip cache
keyed on its own pyproject.toml, and the assess step run as written with bash, the
inputs in the environment as Actions sets them, the job summary file as the runner
names it. The older checks (SARIF, exit codes) are in test_ci_integration.py.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml
from nghiquyet.engine.cli import assess_command

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
INPUTS = {"paths", "exclude", "fail-under", "fail-on", "args", "python-version", "upload-sarif"}
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))


def step(key: str, value: str) -> dict:
    return next(s for s in action()["runs"]["steps"] if s.get(key, "").startswith(value))


def has_option(name: str) -> bool:
    return any(name in p.opts for p in assess_command.params if isinstance(p, click.Option))


def test_the_action_names_its_inputs_and_passes_each_through_the_environment():
    inputs = action()["inputs"]
    assert set(inputs) == INPUTS
    assert all(spec["description"] and spec["required"] is False for spec in inputs.values())
    env = step("id", "assess")["env"]
    passed = {re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", v).group(1) for v in env.values()}
    assert passed == INPUTS - {"python-version", "upload-sarif"}
    script = step("id", "assess")["run"]
    for option, variable in (("--fail-on", "NQ_FAIL_ON"), ("--extend-exclude", "NQ_EXCLUDE")):
        assert re.search(rf'{option} "\$\w+"', script) and f"${variable}" in script


def test_the_action_installs_from_its_own_checkout_with_a_pip_cache():
    install = step("name", "Install nghiquyet")["run"]
    assert 'pip install --disable-pip-version-check "${{ github.action_path }}"' in install
    setup = step("uses", "actions/setup-python@")
    # setup-python's `cache: pip` would look for requirements in the caller's repository
    assert "cache" not in setup["with"]
    cache = step("uses", "actions/cache@")
    assert cache["with"]["path"] == "${{ steps.pip-cache.outputs.dir }}"
    assert "${{ steps.pip-cache.outputs.key }}" in cache["with"]["key"]
    assert "${{ steps.python.outputs.python-version }}" in cache["with"]["key"]
    names = [s.get("name") or s.get("uses") for s in action()["runs"]["steps"]]
    assert names.index("Cache pip downloads") < names.index("Install nghiquyet")


def locate_cache(action_path: Path, tmp_path: Path) -> dict[str, str]:
    output = tmp_path / "output"
    output.write_text("")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_ACTION_PATH": str(action_path),
        "GITHUB_OUTPUT": str(output),
    }
    script = step("id", "pip-cache")["run"]
    subprocess.run(["bash", "-e", "-c", script], env=env, check=True, cwd=tmp_path)
    return dict(line.split("=", 1) for line in output.read_text().splitlines())


@needs_bash
def test_the_pip_cache_key_follows_the_actions_dependencies(tmp_path):
    found = locate_cache(ROOT, tmp_path)
    assert found["dir"] and re.fullmatch(r"[0-9a-f]{20}", found["key"])
    other = tmp_path / "other"
    other.mkdir()
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    (other / "pyproject.toml").write_text(text.replace("spacy", "spacy>=3.8", 1), "utf-8")
    assert locate_cache(other, tmp_path)["key"] != found["key"]


def assess_lines() -> list[list[str]]:
    script = step("id", "assess")["run"]
    return [shlex.split(s)[1:] for s in script.splitlines() if s.strip().startswith("assess ")]


def test_both_assess_lines_use_real_options():
    sarif, github = assess_lines()
    for tokens in (sarif, github):
        options = [t for t in tokens if t.startswith("-")]
        assert all(has_option(o) for o in options), options
    assert github[-3:] == ["--exit-zero", "--format", "github"]


def run_step(
    tmp_path: Path, samples: Path, **inputs: str
) -> tuple[subprocess.CompletedProcess, Path]:
    """The assess step in a repository of two drafts (one fails), as Actions runs it."""
    work = tmp_path / "repo"
    (work / "nghi-quyet" / "cu").mkdir(parents=True)
    for name in ("strong.md", "middling.docx"):
        (work / "nghi-quyet" / name).write_bytes((samples / name).read_bytes())
    (work / "nghi-quyet" / "cu" / "formalistic.md").write_bytes(
        (samples / "formalistic.md").read_bytes()
    )
    (tmp_path / "summary.md").write_text("")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "NGHIQUYET_CACHE_DIR": str(tmp_path / "cache"),
        **{f"NQ_{k.upper()}": "" for k in ("paths", "exclude", "fail_under", "fail_on", "args")},
        "NQ_PATHS": "nghi-quyet/",
        **{f"NQ_{k.upper()}": v for k, v in inputs.items()},
    }
    result = subprocess.run(
        ["bash", "-e", "-c", step("id", "assess")["run"]],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr  # the step records the code, never fails
    return result, work


def exit_code(tmp_path: Path) -> str:
    return (tmp_path / "output").read_text().strip()


def sarif_paths(work: Path) -> set[str]:
    sarif = json.loads((work / "nghiquyet.sarif").read_text("utf-8"))
    return {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for run in sarif["runs"]
        for res in run["results"]
        for loc in res.get("locations", [])
    }


@needs_bash
def test_the_step_annotates_and_writes_the_job_summary(tmp_path, samples):
    result, _work = run_step(tmp_path, samples)
    assert exit_code(tmp_path) == "exit-code=1"  # from the SARIF run, not the summary run
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert lines[-1].startswith("::notice title=nghiquyet::Bỏ ")
    summary = (tmp_path / "summary.md").read_text("utf-8")
    assert summary.startswith("## Đánh giá dự thảo nghị quyết chuyên đề")
    for name in ("strong.md", "middling.docx", "formalistic.md"):
        assert name in summary
    assert "NQ601 task-without-owner" in summary.replace("\\", "")


@needs_bash
@pytest.mark.skipif(not has_option("--fail-on"), reason="assess has no --fail-on yet")
def test_fail_on_reaches_assess(tmp_path, samples):
    run_step(tmp_path, samples, fail_on="never")
    assert exit_code(tmp_path) == "exit-code=0"


@needs_bash
@pytest.mark.skipif(not has_option("--extend-exclude"), reason="assess has no --extend-exclude yet")
def test_exclude_patterns_reach_assess_unexpanded(tmp_path, samples):
    # "nghi-quyet/cu/*" would be expanded by the shell into the file's name; it is not
    _result, work = run_step(tmp_path, samples, exclude="nghi-quyet/cu/*\n*.docx")
    assert sarif_paths(work) <= {"nghi-quyet/strong.md"}
    summary = (tmp_path / "summary.md").read_text("utf-8")
    assert "formalistic" not in summary and "middling" not in summary


def test_the_docs_pin_the_action_and_the_hook_by_commit():
    text = (ROOT / "docs" / "ci.md").read_text("utf-8")
    assert re.search(r"uses: OWNER/nghiquyet@[0-9a-f]{40}\b", text)
    assert re.search(r"rev: [0-9a-f]{40}\b", text)
    assert "pip install nghiquyet" not in text  # it is on no index
    assert "--bleeding-edge --freeze" in text
