"""Control characters from drafts and file names never reach the terminal raw
(issue 15, item 6): ESC, BEL, DEL and the C1 controls are spelled out (``\\x1b``,
``\\u009b``) in text and concise reports, ``--quiet`` lines and error lines, through
the installed ``assess``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from installed import assess_in  # noqa: E402
from nghiquyet.engine.display import escape_controls, shown_name

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# retitles the terminal window, clears the screen, then a C1 CSI (cursor control)
TRAP = "\x1b]0;Đã duyệt\x07\x1b[2J\u009b31m"


def _assess(*args, cwd: Path) -> subprocess.CompletedProcess:
    return assess_in(cwd, *args)


@pytest.fixture
def folder(tmp_path, samples) -> Path:
    text = (samples / "middling.md").read_text("utf-8")
    # the trap in the title and in a task line a finding quotes
    text = text.replace("NGHỊ QUYẾT", f"NGHỊ QUYẾT{TRAP}", 1)
    text = text.replace("Công đoàn nhà trường", f"Công đoàn{TRAP} nhà trường")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "du-thao.md").write_text(text, "utf-8")
    shutil.copy(samples / "strong.md", drafts / "ten\x1b[31m-do\x07.md")
    return drafts


@pytest.mark.parametrize("args", [("-f", "text"), ("-f", "concise"), ("--quiet",)])
def test_reports_for_a_terminal_escape_controls(folder, args):
    result = _assess("drafts", *args, cwd=folder.parent)
    assert result.returncode in (0, 1), result.stderr
    assert not RAW.search(result.stdout.replace("\t", "")), repr(result.stdout[:200])
    assert "ten\\x1b[31m-do\\x07.md" in result.stdout
    if args == ("-f", "text"):  # the one that quotes the draft
        assert "\\x1b]0;Đã duyệt\\x07" in result.stdout or "\\u009b" in result.stdout


def test_error_lines_escape_the_file_name(folder):
    result = _assess("drafts/thi\x1b]0;x\x07ếu.md", cwd=folder.parent)
    assert result.returncode == 2
    assert not RAW.search(result.stderr + result.stdout)
    assert "thi\\x1b]0;x\\x07ếu.md" in result.stderr


def test_json_keeps_the_text_as_it_is(folder):
    """Machine formats escape as their own syntax does: JSON carries the characters."""
    result = _assess("drafts", "-f", "json", cwd=folder.parent)
    assert "\\u001b]0;Đã duyệt\\u0007" in result.stdout


def test_escape_controls_keeps_vietnamese_tabs_and_lines():
    assert escape_controls("Nghị quyết\tsố 1\n") == "Nghị quyết\tsố 1\n"
    assert escape_controls("a\x1bb\x07c\x7fd\u009be") == "a\\x1bb\\x07c\\x7fd\\u009be"
    assert shown_name("ngh\udcec.md") == "ngh\\xec.md"
