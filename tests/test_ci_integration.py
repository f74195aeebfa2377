"""What CI users copy: the pre-commit hook, the GitHub composite action, docs/ci.md.

Each is parsed and its command lines are run through our real CLI, so an option that
is renamed or removed breaks here, not in a user's pipeline. The action's assess step
is run as written with bash; the pre-commit hook is run with ``pre-commit try-repo``
when pre-commit is installed (slow: it builds the hook's environment, ~45 s).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner
from nghiquyet.engine.cli import assess_command

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _assess_option_names() -> set[str]:
    names: set[str] = set()
    for param in assess_command.params:
        if isinstance(param, click.Option):
            names.update(param.opts + param.secondary_opts)
    return names


def _check_assess_line(tokens: list[str], sample: Path, tmp_path: Path) -> None:
    """Every option of an ``assess`` command line is real and the line runs: the paths
    are replaced by ``sample`` and the output file goes to ``tmp_path``."""
    options = _assess_option_names()
    args: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("-"):
            assert token in options, f"assess has no option {token}"
            args.append(token)
            param = next(p for p in assess_command.params if token in p.opts + p.secondary_opts)
            if not param.is_flag:
                value = tokens[i + 1]
                if token in ("-o", "--output"):
                    value = str(tmp_path / Path(value).name)
                args.append(value)
                i += 1
        i += 1
    result = CliRunner().invoke(assess_command, [str(sample), *args])
    assert result.exit_code in (0, 1), result.output


# -- pre-commit --------------------------------------------------------------


def _hooks() -> list[dict]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))


def test_pre_commit_hook_manifest():
    (hook,) = _hooks()
    assert hook["id"] == "nghiquyet"
    assert hook["language"] == "python"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert hook["entry"] == "assess" and hook["entry"] in scripts
    assert hook["types"] == ["file"]  # not [text]: .docx is binary
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def selected(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    for path in ("nghi-quyet/2026/nq-05.docx", "du-thao.md", "ban nhap.txt", "a/b/c.DOCX".lower()):
        assert selected(path), path
    for path in (
        "README.md",
        "docs/README.md",
        "CHANGELOG.md",
        "x.py",
        "x.docx.bak",
        "d/~$nq.docx",
    ):
        assert not selected(path), path


def test_pre_commit_hook_args_are_real_options(samples, tmp_path):
    (hook,) = _hooks()
    _check_assess_line(list(hook.get("args", [])), samples / "strong.md", tmp_path)


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path, samples):
    """The hook as users get it: pre-commit clones this repository, builds the hook's
    environment, and runs it on a repository of drafts."""
    pre_commit = shutil.which("pre-commit") or (BIN / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    drafts = tmp_path / "drafts-repo"
    (drafts / "nghi-quyet").mkdir(parents=True)
    (drafts / "nghi-quyet" / "strong.md").write_bytes((samples / "strong.md").read_bytes())
    (drafts / "nghi-quyet" / "formalistic.docx").write_bytes(
        (samples / "formalistic.docx").read_bytes()
    )
    (drafts / "README.md").write_text("# Kho dự thảo nghị quyết\n", "utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.setdefault("GIT_AUTHOR_NAME", "test")
    subprocess.run(["git", "init", "-q", "."], cwd=drafts, check=True)
    subprocess.run(["git", "add", "."], cwd=drafts, check=True)
    result = subprocess.run(
        [str(pre_commit), "try-repo", str(ROOT), "nghiquyet", "--all-files", "--verbose"],
        cwd=drafts,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    if "InvalidManifestError" in output:
        pytest.fail(".pre-commit-hooks.yaml must be committed for try-repo to see it\n" + output)
    if result.returncode != 1 and re.search(
        r"(?i)could not find a version|connection|network", output
    ):
        pytest.skip("the hook environment could not be installed (no package index)")
    assert result.returncode == 1, output  # the formalistic draft fails
    assert "nghi-quyet/formalistic.docx" in output
    assert "nghi-quyet/strong.md" in output
    assert "README.md" not in output


# -- GitHub composite action --------------------------------------------------


def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))


def test_action_is_a_composite_with_the_documented_inputs():
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "fail-under", "args"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    )
    assert upload["with"]["sarif_file"] == "nghiquyet.sarif"
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert "${{ github.action_path }}" in install["run"]
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
            # inputs reach scripts through env only (no script injection)
            assert "${{ inputs." not in step["run"]


def _assess_step() -> dict:
    return next(s for s in _action()["runs"]["steps"] if s.get("id") == "assess")


def test_action_assess_line_uses_real_options(samples, tmp_path):
    script = _assess_step()["run"]
    line = next(s for s in script.splitlines() if s.strip().startswith("assess "))
    tokens = [t for t in shlex.split(line)[1:] if not t.startswith("$") and not t.startswith('"$')]
    assert tokens[-4:] == ["--format", "sarif", "-o", "nghiquyet.sarif"]
    _check_assess_line(tokens, samples / "strong.md", tmp_path)
    assert "--fail-under" in script


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("fail_under", "args", "code"),
    [
        ("", "", "1"),
        ("", "--exit-zero", "0"),
        ("", "--select NQ9 --lang en", "0"),
        ("99", "--select NQ9 --lang en", "1"),  # only the threshold fails it
    ],
)
def test_action_assess_step_runs_as_written(tmp_path, samples, fail_under, args, code):
    """Run the step's script with bash, the inputs in the environment as Actions sets them."""
    work = tmp_path / "repo"
    (work / "nghi-quyet").mkdir(parents=True)
    for name in ("strong.md", "middling.docx"):
        (work / "nghi-quyet" / name).write_bytes((samples / name).read_bytes())
    output = tmp_path / "github_output"
    step = _assess_step()
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(output),
        "NGHIQUYET_CACHE_DIR": str(tmp_path / "cache"),
        "NQ_PATHS": "nghi-quyet/",
        "NQ_FAIL_UNDER": fail_under,
        "NQ_ARGS": args,
    }
    assert set(step["env"]) == {"NQ_PATHS", "NQ_EXCLUDE", "NQ_FAIL_UNDER", "NQ_FAIL_ON", "NQ_ARGS"}
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=work, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr  # the step itself never fails...
    assert output.read_text().strip() == f"exit-code={code}"  # ...it records the code
    sarif = json.loads((work / "nghiquyet.sarif").read_text("utf-8"))
    assert sarif["version"] == "2.1.0"
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for run in sarif["runs"]
        for res in run["results"]
        for loc in res.get("locations", [])
    }
    assert "nghi-quyet/middling.docx" in uris  # relative to the repository root


# -- docs/ci.md ---------------------------------------------------------------


def _yaml_blocks() -> list[object]:
    text = (ROOT / "docs" / "ci.md").read_text("utf-8")
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def _assess_lines(data) -> list[str]:
    """Every ``assess ...`` command found in the strings of a YAML document."""
    found: list[str] = []
    if isinstance(data, dict):
        for value in data.values():
            found += _assess_lines(value)
    elif isinstance(data, list):
        for value in data:
            found += _assess_lines(value)
    elif isinstance(data, str) and data.strip().startswith("assess "):
        found.append(data.strip())
    return found


def test_docs_snippets_parse_and_use_real_options(samples, tmp_path):
    blocks = _yaml_blocks()
    assert len(blocks) >= 4
    gitlab = next(
        b for b in blocks if isinstance(b, dict) and "nghiquyet" in b and "script" in b["nghiquyet"]
    )
    assert gitlab["nghiquyet"]["artifacts"]["reports"]["junit"] == "nghiquyet-junit.xml"
    lines = [line for b in blocks for line in _assess_lines(b)]
    assert any("--format junit" in line for line in lines)
    assert any("--format github" in line for line in lines)
    for line in lines:
        tokens = [t for t in shlex.split(line)[1:] if t.startswith("-") or not t.endswith("/")]
        _check_assess_line(tokens, samples / "strong.md", tmp_path)
    precommit = next(b for b in blocks if isinstance(b, dict) and "repos" in b)
    hook = precommit["repos"][0]["hooks"][0]
    assert hook["id"] == _hooks()[0]["id"]
    _check_assess_line(hook["args"], samples / "strong.md", tmp_path)
    workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    with_ = next(
        s for s in workflow["jobs"]["nghiquyet"]["steps"] if "with" in s and "paths" in s["with"]
    )
    assert set(with_["with"]) <= set(_action()["inputs"])
