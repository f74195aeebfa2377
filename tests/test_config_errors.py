"""Bad configuration and rule packs, through the command line: exit 2 and one line
that names the file, the key and what was expected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

RULE = (
    "  - id: {id}\n    name: {name}\n    criterion: assignments\n    severity: warning\n"
    "    type: item_ratio\n    params: {{items: task, check: has_owner}}\n    message: x\n"
)


@pytest.fixture
def folder(tmp_path, samples, monkeypatch) -> Path:
    # the expectations below are the English wording; tests/test_messages.py checks
    # that the same errors read in Vietnamese by default
    monkeypatch.setenv("NGHIQUYET_LANG", "en")
    path = tmp_path / "ho-so"
    path.mkdir()
    shutil.copy(samples / "strong.md", path / "strong.md")
    return path


def _fails(result, *expected: str) -> None:
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for text in expected:
        assert text in lines[0], (text, lines[0])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("fail_under: [60\n", ("line 2", "malformed YAML")),
        ("lang: vi\n\tstage: draft\n", ("malformed YAML",)),
        ("- a\n- b\n", ("mapping",)),
        ("max-file-mb: -1\n", ("max-file-mb", "> 0")),
        ("max_unzipped_mb: 0\n", ("max_unzipped_mb", "> 0")),
        ("max_unzipped_mb: lots\n", ("max_unzipped_mb", "number")),
        ("max_zip_entries: 1.5\n", ("max_zip_entries", "int")),
        ("max_zip_entries: true\n", ("max_zip_entries",)),
        ("fail_under: 120\n", ("fail_under", "between 0 and 100")),
        ("select: NQ601\n", ("select", "list")),
        ("select: [1, 2]\n", ("select", "list of strings")),
        ("stage: final\n", ("stage", "auto, draft, adopted")),
        ("weights: {urgency: -1}\n", ("weights.urgency", "≥ 0")),
        ("per_file_ignores: {'*.md': format}\n", ("per_file_ignores", "lists of rules")),
        ("rule_paths: [khong-co]\n", ("khong-co", "rule pack not found")),
        ("colour: red\n", ("unknown key 'colour'", "max_zip_entries")),
    ],
)
def test_bad_config_file(run, folder, content, expected):
    config = folder / "nghiquyet.yaml"
    config.write_text(content, "utf-8")
    _fails(run(folder / "strong.md"), *expected)


def test_config_not_utf8(run, folder):
    (folder / "nghiquyet.yaml").write_bytes("lang: vi # tiếng Việt".encode("utf-16"))
    _fails(run(folder / "strong.md"), "nghiquyet.yaml", "cannot read config")


def test_pyproject_table(run, folder):
    (folder / "pyproject.toml").write_text("[tool.nghiquyet]\nfail_under = 'cao'\n", "utf-8")
    _fails(run(folder / "strong.md"), "pyproject.toml [tool.nghiquyet]", "fail_under", "number")


def test_explicit_and_env_config_missing(run, folder, monkeypatch):
    _fails(
        run(folder / "strong.md", "--config", folder / "khong-co.yaml"),
        "khong-co.yaml",
        "not found",
    )
    monkeypatch.setenv("NGHIQUYET_CONFIG", str(folder / "mat.yaml"))
    _fails(run(folder / "strong.md"), "mat.yaml", "NGHIQUYET_CONFIG")


@pytest.mark.parametrize("where", ["cli", "config"])
@pytest.mark.parametrize("option", ["select", "ignore"])
def test_unknown_rule_in_select_or_ignore(run, folder, where, option):
    if where == "cli":
        result = run(folder / "strong.md", f"--{option}", "NQ699")
    else:
        (folder / "nghiquyet.yaml").write_text(f"{option}: [task-without-ownr]\n", "utf-8")
        result = run(folder / "strong.md")
    _fails(result, "unknown rule", "select/ignore")


def _pack(folder: Path, text: str, name: str = "rieng.yaml") -> Path:
    pack = folder / "luat" / name
    pack.parent.mkdir(exist_ok=True)
    pack.write_text(text, "utf-8")
    (folder / "nghiquyet.yaml").write_text("rule_paths: [luat]\n", "utf-8")
    return pack


def test_duplicate_id_with_a_builtin_rule(run, folder):
    _pack(folder, "rules:\n" + RULE.format(id="NQ601", name="my-owner-rule"))
    _fails(run(folder / "strong.md"), "rieng.yaml", "duplicate rule id NQ601")


def test_duplicate_id_within_a_pack(run, folder):
    _pack(
        folder,
        "rules:\n"
        + RULE.format(id="NQ690", name="a-rule")
        + RULE.format(id="NQ690", name="b-rule"),
    )
    _fails(run(folder / "strong.md"), "rieng.yaml", "duplicate rule id NQ690")


def test_duplicate_slug(run, folder):
    _pack(folder, "rules:\n" + RULE.format(id="NQ691", name="task-without-owner"))
    _fails(run(folder / "strong.md"), "rieng.yaml", "duplicate rule name task-without-owner")


BAD_PACKS = [
    ("rules:\n  - id: NQ692\n    name: [x\n", ("line", "malformed YAML")),
    ("rulez: []\n", ("unknown key 'rulez'",)),
    ("rules: {}\n", ("'rules' must be a list",)),
    (
        "rules:\n" + RULE.format(id="NQ692", name="x-rule") + "    colour: red\n",
        ("unknown key 'colour'",),
    ),
    ("rules:\n" + RULE.format(id="NQ192", name="x-rule"), ("digit 1", "urgency")),
    ("rules:\n" + RULE.format(id="Q692", name="x-rule"), ("key 'id'", "NQ601")),
    ("rules:\n" + RULE.format(id="NQ692", name="Bad Name"), ("key 'name'", "kebab-case")),
    (
        "rules:\n" + RULE.format(id="NQ692", name="x-rule").replace("item_ratio", "magic"),
        ("key 'type'", "magic"),
    ),
    (
        "rules:\n" + RULE.format(id="NQ692", name="x-rule") + "    weight: heavy\n",
        ("key 'weight'", "≥ 0"),
    ),
    (
        "rules:\n" + RULE.format(id="NQ692", name="x-rule") + "    ceiling: 120\n",
        ("key 'ceiling'", "0 to 100", "120"),
    ),
    ("rules:\n  - id: NQ692\n    name: x-rule\n", ("missing key 'criterion'",)),
    (
        "rules:\n" + RULE.format(id="NQ692", name="x-rule") + "    step: vote\n",
        ("key 'step'", "'assignments'", "draft", "'vote'"),
    ),
    ("lexicon: [a, b]\n", ("'lexicon' must map",)),
]


@pytest.mark.parametrize(("text", "expected"), BAD_PACKS)
def test_bad_rule_pack(run, folder, text, expected):
    _pack(folder, text)
    _fails(run(folder / "strong.md"), "rieng.yaml", *expected)


# English words of the messages above that a Vietnamese one must not keep
ENGLISH = {"key", "must", "unknown", "missing", "expected", "rule", "got", "belongs", "malformed"}


@pytest.mark.parametrize(("text", "expected"), BAD_PACKS)
def test_bad_rule_pack_in_vietnamese_by_default(run, folder, monkeypatch, text, expected):
    monkeypatch.delenv("NGHIQUYET_LANG")
    _pack(folder, text)
    result = run(folder / "strong.md", "--lang", "vi")
    _fails(result, "rieng.yaml")
    # the YAML parser's own words are quoted as it said them, in brackets
    ours = result.stderr.split("(did not find")[0]
    assert not ENGLISH & set(ours.replace("'", " ").split()), result.stderr


def test_a_good_extra_pack_runs(run, folder):
    _pack(folder, "rules:\n" + RULE.format(id="NQ693", name="extra-owner-check"))
    result = run(folder / "strong.md", "--select", "NQ693", "-f", "json")
    assert result.exit_code in (0, 1) and result.stderr == ""
