"""Which files a run reads, as ruff users expect (issue 13, item 3): excludes with
defaults, files named on the command line always read unless --force-exclude,
patterns relative to the config file's folder whatever the current folder, and a
draft piped in on standard input (PATH '-', --stdin-filename). Through the installed
``assess``: in-process with click's runner, and as a real process for the pipes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


@pytest.fixture
def repo(tmp_path, samples) -> Path:
    """A repository of drafts, with what such a repository also holds."""
    root = tmp_path / "kho-nghi-quyet"
    drafts = root / "nghi-quyet" / "2026"
    drafts.mkdir(parents=True)
    shutil.copy(samples / "strong.md", drafts / "chi-bo-dong-loc.md")
    shutil.copy(samples / "middling.docx", drafts / "chi-bo-phu-an.docx")
    (root / "nghi-quyet" / "cu").mkdir()
    shutil.copy(samples / "formalistic.md", root / "nghi-quyet" / "cu" / "ban-nhap.md")
    for name in ("README.md", "CHANGELOG.md", "LICENSE.txt", "CONTRIBUTING.md"):
        (root / name).write_text("# Kho nghị quyết của Đảng bộ xã Hòa Thạnh\n", "utf-8")
    for folder in ("docs", ".github", ".venv/lib", "node_modules/goi"):
        (root / folder).mkdir(parents=True)
        shutil.copy(samples / "strong.md", root / folder / "huong-dan.md")
    (root / ".ghi-chu.md").write_text("ghi chú riêng", "utf-8")
    return root


def _paths(result) -> list[str]:
    assert result.exit_code in (0, 1), result.output
    return [d["path"] for d in json.loads(result.stdout)["documents"]]


def _json(run, *args) -> list[str]:
    return _paths(run(*args, "--format", "json", "--jobs", "1"))


def test_a_folder_skips_readmes_docs_hidden_and_tool_folders(run, repo, monkeypatch):
    monkeypatch.chdir(repo)
    assert _json(run, ".") == [
        "nghi-quyet/2026/chi-bo-dong-loc.md",
        "nghi-quyet/2026/chi-bo-phu-an.docx",
        "nghi-quyet/cu/ban-nhap.md",
    ]


def test_extend_exclude_adds_and_exclude_replaces(run, repo, monkeypatch):
    monkeypatch.chdir(repo)
    assert _json(run, ".", "--extend-exclude", "nghi-quyet/cu,*.docx") == [
        "nghi-quyet/2026/chi-bo-dong-loc.md"
    ]
    # repeated works as comma-separated does
    assert _json(run, ".", "--extend-exclude", "cu", "--extend-exclude", "*.docx") == [
        "nghi-quyet/2026/chi-bo-dong-loc.md"
    ]
    replaced = _json(run, ".", "--exclude", ".*,node_modules,*.docx")
    assert "README.md" in replaced and "docs/huong-dan.md" in replaced
    assert not [p for p in replaced if p.startswith((".", "node_modules")) or p.endswith("docx")]


def test_a_file_named_on_the_command_line_is_read_unless_force_exclude(run, repo, monkeypatch):
    monkeypatch.chdir(repo)
    named = ["docs/huong-dan.md", "nghi-quyet/cu/ban-nhap.md"]
    assert _json(run, *named, "--extend-exclude", "cu") == named
    # a named folder is entered even when excluded; what is inside is still filtered
    assert _json(run, "docs") == ["docs/huong-dan.md"]
    forced = run(*named, "--extend-exclude", "cu", "--force-exclude", "-f", "json")
    assert _paths(forced) == []
    assert "every path named is excluded" in forced.stderr or "bị loại trừ" in forced.stderr


def test_config_patterns_are_relative_to_the_config_folder(run, repo, monkeypatch):
    (repo / "pyproject.toml").write_text(
        "[tool.nghiquyet]\n"
        'extend-exclude = ["nghi-quyet/cu"]\n'
        'per-file-ignores = {"nghi-quyet/2026/*.docx" = ["NQ602"]}\n',
        "utf-8",
    )
    expected_rules = None
    for cwd, target in (
        (repo, "nghi-quyet"),
        (repo / "nghi-quyet" / "2026", ".."),
        (repo / "nghi-quyet" / "cu", "../2026/.."),
    ):
        monkeypatch.chdir(cwd)
        result = run(target, "--format", "json", "--jobs", "1")
        documents = json.loads(result.stdout)["documents"]
        assert [Path(d["path"]).name for d in documents] == [
            "chi-bo-dong-loc.md",
            "chi-bo-phu-an.docx",
        ], cwd
        rules = {f["rule_id"] for f in documents[1]["findings"]}
        assert "NQ602" not in rules and "NQ601" in rules
        expected_rules = expected_rules or rules
        assert rules == expected_rules


def test_a_config_path_pattern_is_anchored_at_its_folder(run, repo, monkeypatch):
    """`cu/ban-nhap.md` means that file beside the config, not any such path below."""
    inner = repo / "nghi-quyet"
    (inner / "nghiquyet.yaml").write_text(
        "per_file_ignores:\n  'cu/ban-nhap.md': [urgency]\n", "utf-8"
    )
    nested = inner / "2026" / "cu"
    nested.mkdir()
    shutil.copy(inner / "cu" / "ban-nhap.md", nested / "ban-nhap.md")
    monkeypatch.chdir(repo.parent)
    result = run(inner.relative_to(repo.parent), "--format", "json", "--jobs", "1")
    by_path = {d["path"]: d for d in json.loads(result.stdout)["documents"]}

    def urgency(path: Path) -> set[str]:
        doc = by_path[str(path)]
        return {f["rule_id"] for f in doc["findings"] if f["criterion"] == "urgency"}

    assert not urgency(inner.relative_to(repo.parent) / "cu" / "ban-nhap.md")
    assert urgency(nested.relative_to(repo.parent) / "ban-nhap.md")


def test_exclude_in_the_yaml_config_replaces_the_defaults(run, repo, monkeypatch):
    (repo / "nghiquyet.yaml").write_text("exclude: ['nghi-quyet/2026', '.*']\n", "utf-8")
    monkeypatch.chdir(repo / "nghi-quyet")
    found = _json(run, "..")
    assert "../README.md" in found and "../nghi-quyet/cu/ban-nhap.md" in found
    assert not [p for p in found if "2026" in p or "/." in p]


def test_force_exclude_from_the_config(run, repo, monkeypatch):
    (repo / "nghiquyet.yaml").write_text("force_exclude: true\n", "utf-8")
    monkeypatch.chdir(repo)
    assert _json(run, "README.md", "nghi-quyet/cu/ban-nhap.md") == ["nghi-quyet/cu/ban-nhap.md"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("exclude: docs\n", ("exclude", "list")),
        ("extend_exclude: [1]\n", ("extend_exclude", "list of strings")),
        ("force_exclude: 'có'\n", ("force_exclude", "bool")),
    ],
)
def test_bad_exclude_settings(run, repo, content, expected):
    (repo / "nghiquyet.yaml").write_text(content, "utf-8")
    result = run(repo / "nghi-quyet", "--lang", "en")  # the English wording
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert all(text in result.stderr for text in expected), result.stderr


# -- pyproject.toml errors are never silent ------------------------------------


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("[tool.nghiquyet]\nfail_under = = 60\n", 2),
        ("[project]\nname = 'kho'\n\n[tool.nghiquyet\nlang = 'en'\n", 4),
        ('[tool.nghiquyet]\nextend-exclude = ["cu"\n', 2),
        ("[tool.nghiquyet]\nlang = 'en\n", 2),
    ],
)
def test_a_malformed_pyproject_is_exit_2_naming_file_and_line(run, repo, content, line):
    (repo / "pyproject.toml").write_text(content, "utf-8")
    result = run(repo / "nghi-quyet", "--lang", "en")  # the English wording
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert f"{repo / 'pyproject.toml'} line {line}: malformed TOML" in lines[0], lines[0]


def test_a_malformed_pyproject_named_by_config_is_exit_2(run, repo, tmp_path):
    broken = tmp_path / "khac" / "pyproject.toml"
    broken.parent.mkdir()
    broken.write_text("[tool.nghiquyet]\nselect = [NQ6]\n", "utf-8")
    result = run(repo / "nghi-quyet", "--config", broken, "--lang", "en")
    assert result.exit_code == 2 and "line 2: malformed TOML" in result.stderr
    vietnamese = run(repo / "nghi-quyet", "--config", broken)
    assert "dòng 2: TOML sai cú pháp" in vietnamese.stderr


# -- standard input --------------------------------------------------------------


def _assess(*args, stdin: bytes, cwd: Path, env_extra: dict | None = None):
    env = {
        "PATH": f"{BIN}{os.pathsep}/usr/bin:/bin",
        "NGHIQUYET_CACHE_DIR": str(cwd / ".cache"),
        "HOME": str(cwd),
        **(env_extra or {}),
    }
    return subprocess.run(
        [BIN / "assess", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def _piped_and_from_file(repo: Path, draft: Path, name: str) -> tuple[dict, dict]:
    """The JSON document of ``draft`` piped in as ``name``, and of the file itself."""
    piped = _assess("-", "--stdin-filename", name, "-f", "json", stdin=draft.read_bytes(), cwd=repo)
    assert piped.returncode == 1, piped.stderr
    from_file = _assess(draft, "-f", "json", stdin=b"", cwd=repo)
    return (
        json.loads(piped.stdout)["documents"][0],
        json.loads(from_file.stdout)["documents"][0],
    )


def test_markdown_from_stdin_is_named_and_read_by_its_suffix(repo, samples):
    document, from_file = _piped_and_from_file(repo, samples / "middling.md", "nghi-quyet/moi.md")
    assert document["path"] == "nghi-quyet/moi.md" and document["error"] is None
    assert document["score"] == from_file["score"]


def test_stdin_without_a_name_is_plain_text_shown_as_dash(repo, samples):
    text = (samples / "strong.md").read_bytes()
    result = _assess("-", "-q", "--exit-zero", stdin=text, cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").startswith("-: ")


def test_a_word_draft_from_stdin(repo, samples):
    document, from_file = _piped_and_from_file(repo, samples / "middling.docx", "phu-an.docx")
    assert document["path"] == "phu-an.docx"
    assert document["findings"] == from_file["findings"]
    assert document["tasks"] == from_file["tasks"] and any(t["owner"] for t in document["tasks"])


def test_stdin_with_files_and_the_config_of_its_name(repo, samples):
    (repo / "nghi-quyet" / "nghiquyet.yaml").write_text(
        "per_file_ignores:\n  '2026/moi.md': [NQ602]\n", "utf-8"
    )
    text = (samples / "middling.md").read_bytes()
    result = _assess(
        "nghi-quyet/cu",
        "-",
        "--stdin-filename",
        "nghi-quyet/2026/moi.md",
        "-f",
        "json",
        stdin=text,
        cwd=repo,
    )
    documents = json.loads(result.stdout)["documents"]
    assert [d["path"] for d in documents] == ["nghi-quyet/cu/ban-nhap.md", "nghi-quyet/2026/moi.md"]
    assert "NQ602" not in {f["rule_id"] for f in documents[1]["findings"]}


@pytest.mark.parametrize(
    ("data", "name", "code", "shown"),
    [
        (b"", None, "empty", "-: "),
        (b"", "du-thao.md", "empty", "du-thao.md: "),
        ("Nghị quyết".encode(), "du-thao.docx", None, "du-thao.docx"),
        (b"%PDF-1.7 ...", "du-thao.pdf", "unsupported", "du-thao.pdf"),
    ],
)
def test_unreadable_stdin_is_one_line_and_exit_2(run, repo, data, name, code, shown):
    from click.testing import CliRunner
    from nghiquyet.engine.cli import assess_command

    args = ["-", "-f", "json", *(["--stdin-filename", name] if name else [])]
    result = CliRunner().invoke(assess_command, args, input=data)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"nghiquyet: {shown}"), lines
    assert "nghiquyet-stdin-" not in result.stdout + result.stderr  # no temporary path
    error = json.loads(result.stdout)["documents"][0]["error"]
    assert code is None or error["code"] == code


def test_stdin_usage_errors(run):
    twice = run("-", "-", "--lang", "en")
    assert twice.exit_code == 2 and "only once" in twice.stderr
    assert "chỉ được nêu '-' (đầu vào chuẩn) một lần" in run("-", "-").stderr
    orphan = run("a.md", "--stdin-filename", "a.md", "--lang", "en")
    assert orphan.exit_code == 2 and "add '-'" in orphan.stderr


def test_the_installed_nghiquyet_assess_reads_stdin_too(repo, samples):
    result = subprocess.run(
        [BIN / "nghiquyet", "assess", "-", "--stdin-filename", "a.md", "-q", "--exit-zero"],
        input=(samples / "strong.md").read_bytes(),
        capture_output=True,
        cwd=repo,
        env={"PATH": f"{BIN}:/usr/bin:/bin", "NGHIQUYET_CACHE_DIR": str(repo / ".cache")},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").startswith("a.md: ")
