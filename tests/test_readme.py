"""The README's two set-up commands stay true: CI runs the second verbatim."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    block = text.split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_opens_with_run_and_test_commands():
    run, test = _commands()
    assert "pip install ." in run and "assess samples/" in run
    sample = run.split("assess ", 1)[1].split()[0]
    assert (ROOT / sample).is_file()
    assert 'pip install ".[test]"' in test and "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim():
    _, test = _commands()
    assert test in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
