"""At a terminal: colour when it is one (``--color auto``), honouring ``NO_COLOR``,
``FORCE_COLOR`` and ``--color always|never``; and Ctrl+C, which ends a run with one
line ("Đã dừng." / "Interrupted."), exit 130 and no worker process left.

Through the installed ``assess``, with a real pseudo-terminal (:mod:`pty`) where a
terminal is the point, and a real SIGINT sent to a running batch.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")

BIN = Path(sys.executable).parent
ESC = "\x1b["
# a generous limit for a loaded machine; nothing here asserts how long a step takes
PATIENCE = 300


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("NGHIQUYET_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("NGHIQUYET_CONFIG", raising=False)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    return {**env, "TERM": "xterm", **extra}


def _read_until(fd: int, done, chunks: list[bytes]) -> None:
    """Read ``fd`` into ``chunks`` until ``done(text so far)`` or the end of output."""
    while not done(b"".join(chunks).decode("utf-8", "replace")):
        ready, _, _ = select.select([fd], [], [], PATIENCE)
        if not ready:
            raise AssertionError("no output from the command: " + repr(b"".join(chunks)))
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the other end of the terminal is closed
            return
        if not data:
            return
        chunks.append(data)


def _in_terminal(args: list[str], env: dict[str, str], stderr_too: bool = True):
    """Run ``assess args`` with standard output (and error) on a pseudo-terminal:
    (exit code, what the terminal showed, standard error when it is a pipe)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [str(BIN / "assess"), *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave if stderr_too else subprocess.PIPE,
        env=env,
    )
    os.close(slave)
    chunks: list[bytes] = []
    _read_until(master, lambda text: False, chunks)
    os.close(master)
    err = proc.stderr.read().decode("utf-8") if proc.stderr else ""
    proc.wait(PATIENCE)
    return proc.returncode, b"".join(chunks).decode("utf-8"), err


def _piped(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "assess"), *args], capture_output=True, text=True, env=env, timeout=PATIENCE
    )


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> Path:
    """A draft with error-level findings (exit 1), so every colour shows."""
    folder = tmp_path_factory.mktemp("terminal")
    path = folder / "du-thao.md"
    samples = Path(__file__).resolve().parent.parent / "samples"
    path.write_text((samples / "middling.md").read_text("utf-8"), "utf-8")
    return path


def test_a_terminal_gets_colour_and_the_same_words(draft):
    code, shown, _ = _in_terminal([str(draft)], _env(), stderr_too=False)
    assert code == 1
    assert f"{ESC}1;31mlỗi{ESC}0m" in shown  # an error-level finding's severity
    assert f"{ESC}1m{draft}{ESC}0m" in shown  # the draft's path, in bold
    piped = _piped([str(draft)], _env())
    assert ESC not in piped.stdout + piped.stderr
    # the words are the same: colour codes are all that differ
    assert re.sub(r"\x1b\[[0-9;]*m", "", shown.replace("\r\n", "\n")) == piped.stdout


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ([], {"NO_COLOR": "1"}, False),
        (["--color", "never"], {}, False),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        ([], {"TERM": "dumb"}, False),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": ""}, True),
    ],
)
def test_colour_at_a_terminal_follows_options_and_environment(draft, args, env, coloured):
    code, shown, _ = _in_terminal([str(draft), *args], _env(**env))
    assert code == 1
    assert (ESC in shown) is coloured


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ([], {}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        (["--color", "always"], {}, True),
        (["--color", "auto"], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_colour_through_a_pipe(draft, args, env, coloured):
    result = _piped([str(draft), *args], _env(**env))
    assert result.returncode == 1
    assert (ESC in result.stdout) is coloured


def test_a_file_report_is_never_coloured(draft, tmp_path):
    out = tmp_path / "bao-cao.txt"
    code, shown, _ = _in_terminal([str(draft), "-o", str(out), "--color", "always"], _env())
    assert code == 1
    assert ESC not in out.read_text("utf-8") and "Điểm:" in out.read_text("utf-8")


def test_error_lines_are_coloured_on_a_terminal(tmp_path):
    missing = tmp_path / "khong-co.md"
    code, shown, err = _in_terminal([str(missing)], _env(), stderr_too=False)
    assert code == 2 and ESC not in err  # stderr is a pipe here
    code, shown, _ = _in_terminal([str(missing)], _env())
    assert code == 2
    assert f"{ESC}1;31mnghiquyet:{ESC}0m {missing}: không tìm thấy tệp" in shown
    assert f"{ESC}1;31mKHÔNG ĐỌC ĐƯỢC{ESC}0m" in shown


# -- Ctrl+C ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """Enough drafts that a batch is still running when it is interrupted."""
    folder = tmp_path_factory.mktemp("batch")
    samples = Path(__file__).resolve().parent.parent / "samples"
    for n in range(400):
        name = ("strong", "middling", "formalistic")[n % 3]
        shutil.copy(samples / f"{name}.md", folder / f"{n:03d}-{name}.md")
    return folder


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for_workers(proc: subprocess.Popen, count: int) -> list[int]:
    """The worker processes of a running batch, once ``count`` have started."""
    import time

    for _ in range(PATIENCE * 20):
        workers = _children(proc.pid)
        if len(workers) >= count or proc.poll() is not None:
            return workers
        time.sleep(0.05)
    return _children(proc.pid)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize(
    ("lang", "line", "to_group"),
    [("vi", "Đã dừng.", False), ("en", "Interrupted.", True)],
)
def test_ctrl_c_stops_a_batch_with_one_line_and_no_worker_left(batch, lang, line, to_group):
    """SIGINT to the command (as ``kill -INT``), or to its whole process group (as a
    terminal's Ctrl+C): one line, exit 130, and every worker gone."""
    proc = subprocess.Popen(
        [str(BIN / "assess"), str(batch), "--jobs", "2", "--no-cache", "--lang", lang],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        start_new_session=True,
    )
    workers = _wait_for_workers(proc, 2)
    assert proc.poll() is None and len(workers) == 2, "the batch should be running"
    if to_group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=PATIENCE)
    finally:
        if proc.poll() is None:  # it hung: leave no process behind the failing test
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    assert err == f"{line}\n"  # no "Aborted!", no traceback
    # to a pipe the report streams a draft at a time: what was printed before the
    # interrupt is this batch's reports, the last one possibly cut where the interrupt
    # stopped a blocked write (with -o nothing is left: the file appears whole or not)
    assert out == "" or out.startswith(str(batch)), out[:200]
    assert not [pid for pid in workers if _alive(pid)]


def test_ctrl_c_at_a_terminal_ends_the_progress_line(batch):
    """In one process (--jobs 1), at a terminal: the progress count, then the line."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [str(BIN / "assess"), str(batch), "--jobs", "1", "--no-cache"],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=_env(),
        start_new_session=True,
    )
    os.close(slave)
    chunks: list[bytes] = []
    _read_until(master, lambda text: "/400 dự thảo" in text, chunks)
    os.killpg(proc.pid, signal.SIGINT)
    _read_until(master, lambda text: False, chunks)
    os.close(master)
    assert proc.wait(PATIENCE) == 130
    shown = b"".join(chunks).decode("utf-8")
    assert shown.rstrip().endswith("dự thảo\r\nĐã dừng."), shown[-200:]
    assert "Traceback" not in shown and "Aborted" not in shown


# Ctrl+C while the command line is still being imported: the interpreter delivers it
# at the import of the cli package, exactly when the entry point reaches it
_INTERRUPT_DURING_IMPORT = """
import builtins, os, signal, sys
real_import = builtins.__import__
def interrupting_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level and fromlist and "cli" in fromlist:
        os.kill(os.getpid(), signal.SIGINT)
    return real_import(name, globals, locals, fromlist, level)
builtins.__import__ = interrupting_import
from nghiquyet.engine.entry import {function}
sys.argv = ["{command}", *sys.argv[1:]]
{function}()
"""


@pytest.mark.parametrize(
    ("function", "command", "lang", "line"),
    [("main", "nghiquyet", "vi", "Đã dừng."), ("assess", "assess", "en", "Interrupted.")],
)
def test_ctrl_c_while_the_command_line_is_imported(function, command, lang, line):
    script = _INTERRUPT_DURING_IMPORT.format(function=function, command=command)
    result = subprocess.run(
        [sys.executable, "-c", script, "--lang", lang, "--version"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=PATIENCE,
    )
    assert result.returncode == 130
    assert result.stderr == f"{line}\n"  # no traceback
    assert result.stdout == ""


def test_console_scripts_go_through_the_guarded_entry_points():
    for command, function in (("assess", "assess"), ("nghiquyet", "main")):
        script = (BIN / command).read_text("utf-8")
        assert f"from nghiquyet.engine.entry import {function}" in script, script


def test_a_reader_that_leaves_the_pipe_early_ends_the_run_quietly(samples):
    """``assess draft.docx | head``: the reader closes the pipe before the report comes;
    the run stops as a command in a pipeline does (141, 128 + SIGPIPE), with no
    message, and leaves nothing behind."""
    proc = subprocess.Popen(
        [str(BIN / "assess"), str(samples / "middling.docx"), "--exit-zero"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    proc.stdout.close()  # gone before the first byte is written
    err = proc.stderr.read()
    assert proc.wait(timeout=PATIENCE) == 141
    assert err == b""
