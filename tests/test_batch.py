"""Batches: folders, a process pool, stable order, one bad file does not stop the rest."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from nghiquyet.engine import cli, runner
from nghiquyet.engine.cli.assess import progress_bar
from nghiquyet.engine.config import Config
from nghiquyet.engine.load import expand_paths
from nghiquyet.engine.messages import set_lang
from nghiquyet.engine.runner import Assessor

VILLAGES = ["Đông Lộc", "Tây Hòa", "Phú Thuỷ", "An Bình", "Bắc Sơn", "Hoà Mỹ", "Long Điền"]


def _make_batch(root: Path, samples: Path, count: int = 100) -> Path:
    """``count`` drafts in nested folders: Markdown drafts varied in place names and
    figures, copies of the .docx samples, and one broken .docx (always the last);
    plus a Word lock file and a hidden folder that must be skipped."""
    folder = root / "drafts"
    texts = {
        name: (samples / f"{name}.md").read_text("utf-8")
        for name in ("strong", "middling", "formalistic")
    }
    names = list(texts)
    for i in range(count - 1):
        cell = folder / f"dang-bo-{i % 4}" / f"chi-bo-{i % 7}"
        cell.mkdir(parents=True, exist_ok=True)
        name = names[i % 3]
        if i % 10 == 9:
            (cell / f"{i:03d}-{name}.docx").write_bytes((samples / f"{name}.docx").read_bytes())
            continue
        text = texts[name].replace("Đông Lộc", VILLAGES[i % len(VILLAGES)])
        text = text.replace("412 hộ", f"{300 + i} hộ").replace("95%", f"{80 + i % 20}%")
        (cell / f"{i:03d}-{name}.md").write_text(text, "utf-8")
    broken = folder / "dang-bo-0" / "zz-broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 64)  # a zip header and nothing else
    # Word's lock file next to an open draft, and a hidden folder: never drafts
    (folder / "dang-bo-0" / "~$000-strong.docx").write_bytes(b"\x00lock")
    (folder / ".trash").mkdir()
    (folder / ".trash" / "old.md").write_text(texts["strong"], "utf-8")
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory, samples) -> Path:
    return _make_batch(tmp_path_factory.mktemp("batch"), samples)


def test_folders_are_expanded_recursively_skipping_lock_and_hidden_files(batch):
    files = expand_paths([batch])
    assert len(files) == 100
    assert not [f for f in files if f.name.startswith("~$") or ".trash" in f.parts]
    assert files == sorted(files)
    # a folder given twice, or a file inside it given too, counts once
    assert expand_paths([batch, batch / "dang-bo-0" / "zz-broken.docx", batch]) == files


def test_batch_of_100_in_two_workers_equals_in_process(batch):
    files = expand_paths([batch])
    seen: list[tuple[int, int]] = []
    parallel = Assessor(Config()).assess_paths(
        files, jobs=2, progress=lambda d, t: seen.append((d, t))
    )
    serial = Assessor(Config()).assess_paths(list(reversed(files)), jobs=1)

    assert [d.path for d in parallel.documents] == sorted(str(f) for f in files)
    scored = [d for d in parallel.documents if d.error is None]
    errors = [d for d in parallel.documents if d.error is not None]
    assert len(scored) == 99 and all(d.score is not None for d in scored)
    assert [Path(d.path).name for d in errors] == ["zz-broken.docx"]
    assert errors[0].error.code == "corrupt"
    assert parallel.documents == serial.documents
    assert seen == [(n, 100) for n in range(1, 101)]
    # the variants really differ: different villages, different reports
    assert len({d.score for d in scored}) >= 3


def test_reports_pickle(samples):
    report = Assessor(Config()).assess_path(samples / "middling.docx")
    assert pickle.loads(pickle.dumps(report)) == report


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="counts builds through fork"
)
def test_each_worker_builds_one_assessor(tmp_path, samples, monkeypatch):
    """The pool initializer builds the Assessor; the files do not."""
    log = tmp_path / "builds.log"

    class Counted(Assessor):
        def __init__(self, config):
            with open(log, "a") as handle:
                handle.write(f"{os.getpid()}\n")
            super().__init__(config)

    monkeypatch.setattr(runner, "Assessor", Counted)
    files = [samples / f"{n}.md" for n in ("strong", "middling", "formalistic")] * 8
    links = []
    for i, f in enumerate(files):  # 24 distinct paths: enough for a pool of two
        link = tmp_path / f"{i:02d}-{f.name}"
        link.write_bytes(f.read_bytes())
        links.append(link)
    report = Assessor(Config()).assess_paths(links, jobs=2)
    assert all(d.error is None for d in report.documents)
    pids = log.read_text().split()
    assert len(pids) == 2 and len(set(pids)) == 2 and str(os.getpid()) not in pids
    # a handful of files is not worth a worker's start-up: assessed in this process
    log.unlink()
    small = runner.Assessor(Config()).assess_paths(links[:3], jobs=2)
    assert [d.path for d in small.documents] == [str(p) for p in links[:3]]
    assert log.read_text().split() == [str(os.getpid())]  # only the Assessor above


def test_jobs_default_is_one_per_core():
    jobs = next(p for p in cli.assess_command.params if p.name == "jobs")
    assert jobs.default is None  # resolved to os.cpu_count() in assess_paths


def test_cli_batch_keeps_going_and_exits_2(tmp_path, samples, monkeypatch):
    folder = _make_batch(tmp_path, samples, count=12)
    monkeypatch.setenv("NGHIQUYET_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli.assess_command, [str(folder), "--jobs", "2", "--format", "json", "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    docs = json.loads(out.read_text("utf-8"))["documents"]
    assert len(docs) == 12
    assert [d["path"] for d in docs] == sorted(d["path"] for d in docs)
    assert sum(d["error"] is not None for d in docs) == 1
    assert "zz-broken.docx" in result.output  # the one-line reason on stderr
    # no progress bar when stderr is not a terminal
    assert "\r" not in result.output and "drafts" not in result.output


def test_cli_without_the_broken_file_uses_the_usual_codes(tmp_path, samples, monkeypatch):
    folder = _make_batch(tmp_path, samples, count=7)
    (folder / "dang-bo-0" / "zz-broken.docx").unlink()
    monkeypatch.setenv("NGHIQUYET_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(cli.assess_command, [str(folder), "-j", "2", "-q", "--exit-zero"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 6
    result = CliRunner().invoke(cli.assess_command, [str(folder), "-j", "2", "-q"])
    assert result.exit_code == 1  # the formalistic drafts have error-level findings


def test_progress_bar_only_on_a_terminal(monkeypatch, capsys):
    class Tty:
        def __init__(self):
            self.written = ""

        def isatty(self):
            return True

        def write(self, text):
            self.written += text

        def flush(self):
            pass

    assert progress_bar() is None  # pytest captures stderr: not a terminal
    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    set_lang("en")
    show = progress_bar()
    for done in range(1, 4):
        show(done, 3)
    assert tty.written == "\r1/3 drafts\r2/3 drafts\r3/3 drafts\n"
    set_lang("vi")  # the default, and the language of the counter's words
    tty.written = ""
    show(2, 2)
    assert tty.written == "\r2/2 dự thảo\n"
