"""``-o FILE`` says on stderr where it wrote the report, in the report's language;
``-o -`` (standard output) says nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def test_o_says_where_it_wrote(run, samples, tmp_path):
    target = tmp_path / "bao-cao.json"
    result = run(samples / "strong.md", "-o", target, "--exit-zero")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"nghiquyet: đã ghi báo cáo vào {target}\n"
    assert target.is_file() and result.stdout == ""
    english = run(samples / "strong.md", "-o", target, "--exit-zero", "--lang", "en")
    assert english.stderr == f"nghiquyet: report written to {target}\n"


def test_dash_writes_to_standard_output_without_the_line(run, samples):
    result = run(samples / "strong.md", "-o", "-", "-f", "json", "--exit-zero")
    assert result.exit_code == 0 and result.stderr == ""


def test_the_line_comes_before_the_gate_line(tmp_path, samples):
    """Through the installed script: where the report went, then why the run failed."""
    target = tmp_path / "r.md"
    result = subprocess.run(
        [BIN / "assess", samples / "middling.md", "-o", "r.md"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"NGHIQUYET_CACHE_DIR": str(tmp_path / "cache"), "PATH": str(BIN)},
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "nghiquyet: đã ghi báo cáo vào r.md"
    assert lines[1].startswith("nghiquyet: ") and lines[1].endswith(" lỗi")
    assert len(lines) == 2 and target.read_text("utf-8").startswith("## ")
