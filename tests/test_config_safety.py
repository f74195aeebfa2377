"""Config files and rule packs that attack the reader (issue 15, item 5): alias bombs
are refused at load with one line, and no error quotes more than a short excerpt of a
file, nor any of a file that is not a rule pack.

Through the installed ``assess``, as a user meets them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from installed import assess_in  # noqa: E402

SECRET = "nguyenvana:$6$Mật-khẩu-bí-mật-rất-dài-7f3a9c$xyz:20228:0:99999:7:::"


def _assess(*args, cwd: Path) -> subprocess.CompletedProcess:
    """The installed assess, its messages in English (the wording these tests read)."""
    return assess_in(cwd, *args, "--lang", "en")


def _bomb(key: str) -> str:
    """A billion laughs under ``key``: nine levels of nine aliases, ~320 bytes."""
    lines = [f"{key}:", '  - &a ["cười","cười","cười","cười","cười","cười","cười","cười","cười"]']
    previous = "a"
    for name in "bcdefgh":
        lines.append(f"  - &{name} [{','.join([f'*{previous}'] * 9)}]")
        previous = name
    return "\n".join(lines) + "\n"


@pytest.fixture
def folder(tmp_path, samples) -> Path:
    shutil.copy(samples / "strong.md", tmp_path / "du-thao.md")
    return tmp_path


def _one_refusal(result, name: str) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0], lines
    return lines[0]


@pytest.mark.parametrize("key", ["select", "weights", "per_file_ignores"])
def test_an_alias_bomb_named_by_config_is_refused(folder, key):
    bomb = folder / "bom.yaml"
    bomb.write_text(_bomb(key), "utf-8")
    assert len(bomb.read_bytes()) < 460
    line = _one_refusal(_assess("du-thao.md", "--config", bomb, cwd=folder), "bom.yaml")
    assert "alias bomb" in line and "line " in line


def test_an_alias_bomb_beside_the_draft_is_refused_too(folder):
    """The config found automatically in the draft's folder: nobody chose to read it."""
    (folder / "nghiquyet.yaml").write_text(_bomb("extend_exclude"), "utf-8")
    line = _one_refusal(_assess(folder / "du-thao.md", cwd=folder.parent), "nghiquyet.yaml")
    assert "alias bomb" in line


def test_an_alias_bomb_in_a_rule_pack_is_refused(folder):
    (folder / "goi.yaml").write_text(_bomb("lexicon"), "utf-8")
    (folder / "nghiquyet.yaml").write_text("rule_paths: [goi.yaml]\n", "utf-8")
    line = _one_refusal(_assess("du-thao.md", cwd=folder), "goi.yaml")
    assert "alias bomb" in line


def test_a_value_that_contains_itself_is_refused(folder):
    (folder / "nghiquyet.yaml").write_text("select: &x [NQ601, *x]\n", "utf-8")
    line = _one_refusal(_assess("du-thao.md", cwd=folder), "nghiquyet.yaml")
    assert "refers to the value that contains it" in line


def test_ordinary_aliases_still_work(folder):
    (folder / "nghiquyet.yaml").write_text(
        "select: &chon [assignments, NQ801]\nper_file_ignores:\n  '*.md': *chon\n", "utf-8"
    )
    result = _assess("du-thao.md", "--format", "json", cwd=folder)
    assert result.returncode in (0, 1), result.stderr


def test_a_file_that_is_no_rule_pack_is_never_read(folder):
    """``rule_paths: [/etc/shadow]``: today's error printed its first line."""
    shadow = folder / "shadow"
    shadow.write_text(SECRET + "\n", "utf-8")
    (folder / "nghiquyet.yaml").write_text(f"rule_paths: [{shadow}]\n", "utf-8")
    result = _assess("du-thao.md", cwd=folder)
    line = _one_refusal(result, "shadow")
    assert "not a rule pack" in line
    assert "bí-mật" not in result.stderr + result.stdout


def test_a_foreign_file_named_yaml_is_not_quoted(folder):
    pack = folder / "goi.yaml"
    pack.write_text(SECRET + "\n", "utf-8")  # parses as a one-key mapping
    (folder / "nghiquyet.yaml").write_text("rule_paths: [goi.yaml]\n", "utf-8")
    result = _assess("du-thao.md", cwd=folder)
    line = _one_refusal(result, "goi.yaml")
    assert "unknown key" in line and "bí-mật" not in result.stderr + result.stdout


def test_a_long_wrong_value_is_quoted_as_a_short_excerpt(folder):
    (folder / "nghiquyet.yaml").write_text(f"lang: '{SECRET}'\n", "utf-8")
    result = _assess("du-thao.md", cwd=folder)
    line = _one_refusal(result, "nghiquyet.yaml")
    assert "lang" in line and SECRET not in line and "…" in line
    assert len(line) < 200
