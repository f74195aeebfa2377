"""Command-line conventions users know from ruff and pylint: formats in any case, the
format from the -o suffix, "-o -" for standard output, and no empty selection."""

from __future__ import annotations

import json


def test_format_names_are_case_insensitive(run, samples):
    result = run(samples / "strong.md", "--format", "JSON", "--exit-zero")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["schema_version"] == 1


def test_the_format_follows_the_output_suffix(run, samples, tmp_path):
    for name, check in (
        ("r.json", lambda t: json.loads(t)["schema_version"] == 1),
        ("r.html", lambda t: t.lstrip().lower().startswith("<!doctype html")),
        ("r.sarif", lambda t: json.loads(t)["version"] == "2.1.0"),
        ("r.xml", lambda t: "<testsuites" in t),
        ("r.md", lambda t: t.lstrip().startswith("#")),
        ("r.txt", lambda t: "Điểm:" in t),
    ):
        target = tmp_path / name
        result = run(samples / "strong.md", "-o", target, "--exit-zero")
        assert result.exit_code == 0, result.output
        assert check(target.read_text("utf-8")), name


def test_an_explicit_format_wins_over_the_suffix(run, samples, tmp_path):
    target = tmp_path / "r.json"
    result = run(samples / "strong.md", "-o", target, "--format", "markdown", "--exit-zero")
    assert result.exit_code == 0, result.output
    assert target.read_text("utf-8").lstrip().startswith("#")


def test_dash_output_is_standard_output(run, samples, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(samples / "strong.md", "-o", "-", "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"][0]["score"] > 0
    assert not (tmp_path / "-").exists()


def test_selecting_nothing_is_a_usage_error(run, samples):
    result = run(samples / "strong.md", "--ignore", "NQ")
    assert result.exit_code == 2
    assert "không để lại quy tắc nào để chạy" in result.output
    english = run(samples / "strong.md", "--ignore", "NQ", "--lang", "en")
    assert "no rule to run (select: all; ignore: NQ)" in english.output
