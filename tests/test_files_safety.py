"""Files and folders that attack the run (issue 15, item 4), through the installed
``assess``: names that are not UTF-8, links that loop or leave the folder, folders
and files without permission, ``-o`` onto devices, pipes and links, and a batch
killed from outside.

Permission tests run ``assess`` as the user ``nobody`` when the suite runs as root
(root reads anything), and as the current user otherwise."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
FORMATS = ["text", "json", "html", "markdown", "sarif", "junit", "github", "concise"]
TOKEN = "ghp_MãBíMật9f8e7d6c5b4a"


def _run(
    *args, cwd: Path, user: list[str] | None = None, cache: bool = False
) -> subprocess.CompletedProcess:
    """``assess ARGS --no-cache`` in ``cwd``; ``user``: a command prefix that runs it
    as another user."""
    env = {**os.environ, "NGHIQUYET_CACHE_DIR": str(cwd / ".cache")}
    env.pop("NGHIQUYET_CONFIG", None)
    command = [os.fsencode(BIN / "assess"), *(os.fsencode(a) for a in args)]
    command += [] if cache else [b"--no-cache"]
    return subprocess.run(
        [*(user or []), *command], capture_output=True, cwd=cwd, env=env, timeout=300
    )


def _text(result) -> tuple[str, str]:
    return result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


@pytest.fixture
def drafts(tmp_path, samples) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copy(samples / "strong.md", folder / "du-thao.md")
    return folder


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_name_that_is_not_utf8_is_reported_in_every_format(drafts, samples, fmt):
    odd = os.fsencode(drafts) + b"/ngh\xec-quy\xea\xfat.md"  # Latin-1 bytes, not UTF-8
    shutil.copy(samples / "middling.md", os.fsdecode(odd))
    result = _run("drafts", "-f", fmt, cwd=drafts.parent)
    out, err = _text(result)  # both decode: the report is valid UTF-8
    assert result.returncode in (0, 1), err
    assert "Traceback" not in err and "internal" not in err
    assert "ngh\\xec-quy\\xea\\xfat.md" in out.replace("%5C", "\\").replace("\\\\", "\\")
    if fmt == "json":
        paths = [d["path"] for d in json.loads(out)["documents"]]
        assert paths == ["drafts/du-thao.md", "drafts/ngh\\xec-quy\\xea\\xfat.md"]
    if fmt == "sarif":  # a URI names the real file: its own bytes, percent-encoded
        run = json.loads(out)["runs"][0]
        uris = [a["location"]["uri"] for a in run["artifacts"]]
        assert uris == ["drafts/du-thao.md", "drafts/ngh%EC-quy%EA%FAt.md"]
        assert {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
        } <= set(uris)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_a_name_that_is_not_utf8_is_reported_from_the_cache_too(drafts, samples):
    shutil.copy(samples / "middling.md", os.fsdecode(os.fsencode(drafts) + b"/b\xe0n.md"))
    for _ in range(2):  # the second run reads the stored reports
        result = _run("drafts", "-f", "json", cwd=drafts.parent, cache=True)
        paths = [d["path"] for d in json.loads(_text(result)[0])["documents"]]
        assert paths == ["drafts/b\\xe0n.md", "drafts/du-thao.md"], result.stderr


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_a_missing_name_that_is_not_utf8_is_one_line(drafts):
    result = _run(os.fsencode(drafts) + b"/kh\xf4ng.md", "-f", "json", cwd=drafts.parent)
    out, err = _text(result)
    assert result.returncode == 2
    assert json.loads(out)["documents"][0]["error"]["code"] == "not_found"
    assert err.count("\n") == 1 and "kh\\xf4ng.md" in err


def test_a_link_that_loops_is_unreadable_in_a_folder_and_named(drafts):
    (drafts / "vong.md").symlink_to("vong.md")
    for target in ("drafts", "drafts/vong.md"):
        result = _run(target, "-f", "json", cwd=drafts.parent)
        out, err = _text(result)
        assert result.returncode == 2, err
        codes = {d["path"]: (d["error"] or {}).get("code") for d in json.loads(out)["documents"]}
        assert codes["drafts/vong.md"] == "unreadable", codes
        assert "internal" not in err and "Traceback" not in err


def test_links_out_of_the_folder_are_not_followed_unless_asked(drafts, samples):
    """``drafts/notes.md -> ../.git-credentials`` put the token into every report."""
    secret = drafts.parent / ".git-credentials.md"
    secret.write_text(f"# Ghi chú\n\nhttps://nguyenvana:{TOKEN}@github.com\n", "utf-8")
    (drafts / "notes.md").symlink_to("../.git-credentials.md")
    outside = drafts.parent / "ngoai"
    outside.mkdir()
    shutil.copy(samples / "middling.md", outside / "khac.md")
    (drafts / "thu-muc-ngoai").symlink_to(outside)
    (drafts / "len-tren").symlink_to("..")  # with --follow-links: entered once, no loop
    inside = drafts / "ban-sao.md"
    inside.symlink_to("du-thao.md")  # a link inside the folder: the same draft, once
    for fmt in ("json", "sarif", "html"):
        out, err = _text(_run("drafts", "-f", fmt, cwd=drafts.parent))
        assert TOKEN not in out + err and "khac.md" not in out
    out, _ = _text(_run("drafts", "-f", "json", cwd=drafts.parent))
    found = [d["path"] for d in json.loads(out)["documents"]]
    assert len(found) == 1 and found[0] in ("drafts/du-thao.md", "drafts/ban-sao.md")
    result = _run("drafts", "--follow-links", "-f", "json", cwd=drafts.parent)
    paths = [d["path"] for d in json.loads(_text(result)[0])["documents"]]
    assert "drafts/notes.md" in paths and "drafts/thu-muc-ngoai/khac.md" in paths
    assert len(paths) == len({os.path.realpath(drafts.parent / p) for p in paths})
    # a link named on the command line is read: the user chose it
    named = _run("drafts/notes.md", "-f", "json", cwd=drafts.parent)
    assert json.loads(_text(named)[0])["documents"][0]["error"] is None


def _as_other_user() -> list[str] | None:
    """How to run as a user without rights to the test's files: ``nobody`` through
    setpriv when the suite runs as root, else the current user as it is."""
    if os.geteuid() != 0:
        return None
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def shared(samples):
    """A folder both root and ``nobody`` can reach (pytest's own is private to root),
    with a draft."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="nghiquyet-quyen-"))
    os.chmod(base, 0o777)
    shutil.copy(samples / "strong.md", base / "du-thao.md")
    os.chmod(base / "du-thao.md", 0o644)
    yield base
    for folder, _, _ in os.walk(base):
        os.chmod(folder, 0o755)
    shutil.rmtree(base)


def _can_run_as(user, folder: Path) -> bool:
    if user is None:
        return True
    try:
        probe = subprocess.run(
            [*user, BIN / "assess", "--version"], capture_output=True, cwd=folder
        )
    except OSError:
        return False
    return probe.returncode == 0


def test_a_folder_without_permission_is_unreadable_not_skipped(shared):
    user = _as_other_user()
    if not _can_run_as(user, shared):
        pytest.skip("cannot run assess as another user here")
    locked = shared / "khoa"
    locked.mkdir()
    shutil.copy(shared / "du-thao.md", locked / "an.md")
    os.chmod(locked, 0)
    try:
        result = _run(".", "-f", "json", cwd=shared, user=user)
        named = _run("khoa/an.md", "-f", "json", cwd=shared, user=user)
        folder = _run("khoa", "-f", "json", cwd=shared, user=user)
    finally:
        os.chmod(locked, 0o755)
    out, err = _text(result)
    assert result.returncode == 2, err
    codes = {d["path"]: (d["error"] or {}).get("code") for d in json.loads(out)["documents"]}
    assert codes == {"du-thao.md": None, "khoa": "unreadable"}
    assert "Permission denied" in err and "internal" not in err
    for other in (named, folder):
        out, err = _text(other)
        assert other.returncode == 2, err
        assert json.loads(out)["documents"][0]["error"]["code"] == "unreadable"
        assert "internal" not in err and "Traceback" not in err


def test_a_named_unreadable_file_is_unreadable_like_one_in_a_folder(shared):
    user = _as_other_user()
    if not _can_run_as(user, shared):
        pytest.skip("cannot run assess as another user here")
    os.chmod(shared / "du-thao.md", 0)
    named = _run("du-thao.md", "-f", "json", cwd=shared, user=user)
    found = _run(".", "-f", "json", cwd=shared, user=user)
    for result in (named, found):
        out, err = _text(result)
        assert result.returncode == 2, err
        assert json.loads(out)["documents"][0]["error"]["code"] == "unreadable"
        assert err.count("\n") == 1 and "Usage" not in err


def test_output_onto_a_fifo_is_written_through(drafts, tmp_path):
    fifo = tmp_path / "ong.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = _run("drafts", "-f", "json", "-o", fifo, cwd=drafts.parent)
    reader.join(60)
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])["documents"][0]["path"] == "drafts/du-thao.md"


def test_output_onto_a_link_writes_through_and_keeps_the_link(drafts, tmp_path):
    real = tmp_path / "bao-cao-that.json"
    real.write_text("cũ", "utf-8")
    link = tmp_path / "bao-cao.json"
    link.symlink_to(real)
    to_null = tmp_path / "rong"
    to_null.symlink_to(os.devnull)
    assert _run("drafts", "-o", link, cwd=drafts.parent).returncode in (0, 1)
    assert link.is_symlink() and json.loads(real.read_text("utf-8"))["documents"]
    assert _run("drafts", "-o", to_null, cwd=drafts.parent).returncode in (0, 1)
    assert to_null.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_output_onto_a_device_is_written_not_replaced(drafts, tmp_path):
    """A copy of /dev/null in the test's folder: as root, the old code replaced the
    real /dev/null with a file; this node stands in for it harmlessly."""
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = _run("drafts", "-f", "json", "-o", null, cwd=drafts.parent)
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)


@pytest.mark.skipif(os.geteuid() == 0, reason="as root a regression would replace /dev/null")
def test_output_onto_dev_null(drafts):
    result = _run("drafts", "-o", os.devnull, cwd=drafts.parent)
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_batch_leaves_no_worker_and_no_temporary_file(tmp_path, samples, signum):
    folder = tmp_path / "lo"
    folder.mkdir()
    for n in range(60):
        shutil.copy(samples / ("strong.md" if n % 2 else "middling.md"), folder / f"d{n}.md")
    env = {**os.environ, "NGHIQUYET_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [BIN / "assess", "lo", "-j", "2", "--no-cache", "-f", "json", "-o", "lo/bao-cao.json"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    while process.poll() is None and len(workers) < 2:  # the pool is up: both workers
        time.sleep(0.2)
        workers = _children(process.pid)
    assert len(workers) >= 2, "the batch ended before its workers started"
    process.send_signal(signum)
    assert process.wait(timeout=120) == -signum or process.returncode == 128 + signum
    deadline = 60  # workers end at once; this bound only stops a hung test
    while any(_alive(w) for w in workers) and deadline:
        time.sleep(0.5)
        deadline -= 0.5
    assert not [w for w in workers if _alive(w)]
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
