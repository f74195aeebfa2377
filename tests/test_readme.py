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


def test_sample_output_in_the_readme_is_what_the_tool_prints():
    from click.testing import CliRunner
    from nghiquyet.engine.cli import assess_command

    text = (ROOT / "README.md").read_text("utf-8")
    block = text.split("```\nsamples/middling.docx", 1)[1].split("```", 1)[0]
    shown = [line for line in block.splitlines() if line.strip() and line.strip() != "..."]
    assert len(shown) >= 8
    result = CliRunner().invoke(
        assess_command,
        [str(ROOT / "samples" / "middling.docx"), "--exit-zero", "--jobs", "1", "--no-cache"],
    )
    printed = result.output.splitlines()
    for line in shown:  # the README elides lines with "...", it never rewrites one
        assert line in printed, line
