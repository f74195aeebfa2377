"""Writing reports: atomically, never over an input (also through links), and no
partial file left behind when a write fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nghiquyet.engine.output import OutputError, check_not_input, write_atomic


@pytest.fixture
def draft(tmp_path, samples) -> Path:
    path = tmp_path / "du-thao.md"
    shutil.copy(samples / "strong.md", path)
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_check_not_input_refuses_the_input_however_named(draft, tmp_path, monkeypatch):
    with pytest.raises(OutputError):
        check_not_input(draft, [draft])
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError):
        check_not_input(Path("du-thao.md"), [draft])
    with pytest.raises(OutputError):
        check_not_input(tmp_path / "." / "du-thao.md", [Path("du-thao.md")])
    link = tmp_path / "lien-ket.md"
    link.symlink_to(draft)
    with pytest.raises(OutputError):
        check_not_input(link, [draft])
    hard = tmp_path / "cung-inode.md"
    os.link(draft, hard)
    with pytest.raises(OutputError):
        check_not_input(hard, [draft])
    folder_link = tmp_path / "thu-muc"
    folder_link.symlink_to(tmp_path)
    with pytest.raises(OutputError):
        check_not_input(folder_link / "du-thao.md", [draft])
    check_not_input(tmp_path / "bao-cao.json", [draft])  # a new file is fine


def test_write_atomic_writes_and_replaces(tmp_path):
    target = tmp_path / "bao-cao.json"
    write_atomic(target, b"mot")
    write_atomic(target, "hai — Nghị quyết".encode())
    assert target.read_text("utf-8") == "hai — Nghị quyết"
    assert _leftovers(tmp_path) == []


def test_failed_write_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "bao-cao.json"
    target.write_bytes(b"ban cu")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"ban cu"
    assert _leftovers(tmp_path) == []


def test_target_that_is_a_folder(tmp_path):
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    with pytest.raises(OSError):
        write_atomic(folder, b"x")
    assert folder.is_dir() and _leftovers(tmp_path) == []


def test_missing_folder(tmp_path):
    with pytest.raises(OutputError):
        write_atomic(tmp_path / "khong-co" / "bao-cao.json", b"x")


def test_symlink_target_is_written_through_atomically(tmp_path):
    """Issue 15: ``-o`` onto a link writes through it (as a shell's ``>`` does) or
    refuses; replacing the link with a file, as before, surprised whoever made it."""
    report = tmp_path / "bao-cao-that.txt"
    report.write_bytes(b"ban cu")
    link = tmp_path / "bao-cao.txt"
    link.symlink_to(report)
    write_atomic(link, b"bao cao moi")
    assert link.is_symlink() and report.read_bytes() == b"bao cao moi"
    assert _leftovers(tmp_path) == []


_DISK_FULL = """
import resource, signal, sys
from pathlib import Path
from nghiquyet.engine.output import write_atomic
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
try:
    write_atomic(Path(sys.argv[1]), b"x" * 1_000_000)
except OSError as exc:
    print("failed", exc.errno)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_io_error_mid_write_leaves_no_partial_file(tmp_path):
    """A real write failure (file size limit, like a full disk) half-way through."""
    target = tmp_path / "bao-cao.json"
    target.write_bytes(b"ban cu")
    out = subprocess.run(
        [sys.executable, "-c", _DISK_FULL, str(target)], capture_output=True, text=True, timeout=60
    )
    assert out.stdout.startswith("failed"), out.stderr
    assert target.read_bytes() == b"ban cu"
    assert _leftovers(tmp_path) == []


def test_cli_refuses_to_overwrite_an_input(run, draft, tmp_path):
    before = draft.read_bytes()
    result = run(draft, "-o", draft)
    assert result.exit_code == 2 and "du-thao.md" in result.stderr
    link = tmp_path / "ket-qua.md"
    link.symlink_to(draft)
    result = run(draft, "-o", link, "-f", "json")
    assert result.exit_code == 2
    result = run(tmp_path, "-o", draft)  # the input came from a folder
    assert result.exit_code == 2
    assert draft.read_bytes() == before


def test_cli_writes_the_report_atomically(run, draft, tmp_path):
    target = tmp_path / "bao-cao.json"
    result = run(draft, "-o", target, "-f", "json")
    assert result.exit_code in (0, 1) and result.stdout == ""
    assert json.loads(target.read_text("utf-8"))["documents"][0]["score"] > 0
    assert _leftovers(tmp_path) == []


def test_cli_output_into_missing_folder(run, draft, tmp_path):
    result = run(draft, "-o", tmp_path / "khong-co" / "bao-cao.json")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_written_report_has_ordinary_permissions(tmp_path):
    import os
    import stat

    from nghiquyet.engine.output import _UMASK, write_atomic

    target = tmp_path / "bao-cao.json"
    write_atomic(target, b"{}")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o666 & ~_UMASK
