"""``--format github`` in a GitHub Actions step: annotations within GitHub's caps, the
whole Markdown report in the job summary (``$GITHUB_STEP_SUMMARY``).

GitHub shows 10 error, 10 warning and 10 notice annotations per step and drops the
rest silently; nghiquyet prints at most 5 findings a draft, 10 errors, 10 warnings and
9 notices, then one notice saying how many it left out. Run through the installed
``assess`` on real drafts, with the summary file set as the runner sets it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from nghiquyet.plugins.reporters.github import PER_DRAFT, PER_KIND
from nghiquyet.plugins.reporters.job_summary import SUMMARY_LIMIT, SUMMARY_MARGIN
from test_reporters import parse_commands as commands

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent
# 9 drafts, 300-odd findings (samples/review holds progress reports, which are no drafts)
BATCH = ["samples", "tests/drafts/formalistic", "--extend-exclude", "samples/review"]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def own_cache(cache_dir, monkeypatch):
    """The runs share a result cache of their own, never the user's."""
    monkeypatch.setenv("NGHIQUYET_CACHE_DIR", str(cache_dir))


def run(*args: str, summary: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    if summary is not None:
        env["GITHUB_STEP_SUMMARY"] = str(summary)
    return subprocess.run(
        [str(BIN / "assess"), *args, "--jobs", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_a_batch_is_capped_and_the_job_summary_has_everything(tmp_path):
    summary = tmp_path / "step_summary.md"
    summary.write_text("# Bước trước\n", "utf-8")  # what an earlier command wrote stays
    result = run(*BATCH, "--format", "github", summary=summary)
    assert result.returncode == 1, result.stderr
    shown = commands(result.stdout)
    *annotations, last = shown

    kinds = Counter(kind for kind, _, _ in shown)
    assert kinds["error"] == kinds["warning"] == PER_KIND and kinds["notice"] == PER_KIND
    per_file = Counter(props["file"] for _, props, _ in annotations if "line" in props)
    assert max(per_file.values()) <= PER_DRAFT

    report = json.loads(run(*BATCH, "--format", "json").stdout)["documents"]
    assert len(report) == 9
    scores = [props["file"] for _, props, _ in annotations if props["title"] == "nghiquyet điểm"]
    assert scores == [d["path"] for d in report]  # every draft's score, in order
    for doc in report:  # drafts take turns: none with errors or warnings goes unmentioned
        if any(f["severity"] in ("error", "warning") for f in doc["findings"]):
            assert per_file[doc["path"]] >= 1, doc["path"]

    total = len(report) + sum(len(d["findings"]) for d in report)
    assert last[0] == "notice" and last[1] == {"title": "nghiquyet"}
    left = total - len(annotations)
    assert last[2].startswith(f"Bỏ {left}/{total} chú thích: GitHub chỉ hiện 10 lỗi")
    assert "tóm tắt (Summary) của job" in last[2]

    markdown = run(*BATCH, "--format", "markdown").stdout
    assert summary.read_text("utf-8") == "# Bước trước\n" + markdown + "\n"
    for doc in report:
        assert doc["path"] in markdown


def test_one_draft_shows_its_worst_findings_in_file_order():
    result = run("samples/middling.md", "--format", "github", "--lang", "en")
    score, *findings, last = commands(result.stdout)
    assert re.match(r"Score \d+\.\d/100 — ", score[2])
    assert len(findings) == PER_DRAFT
    assert {kind for kind, _, _ in findings} == {"error"}  # the most severe first
    lines = [int(props["line"]) for _, props, _ in findings]
    assert lines == sorted(lines)
    # no job summary outside Actions: the last line says how to see everything
    assert last[2].endswith("see them all with --format markdown.")
    assert re.match(r"\d+ of 30 annotations left out: GitHub shows 10 errors", last[2])


def test_a_draft_with_few_findings_shows_them_all(tmp_path):
    summary = tmp_path / "summary.md"
    result = run("samples/strong.md", "--format", "github", summary=summary)
    assert result.returncode == 0
    assert [kind for kind, _, _ in commands(result.stdout)] == ["notice", "notice"]
    assert summary.read_text("utf-8").startswith("## Đánh giá dự thảo nghị quyết chuyên đề")


def test_a_summary_near_githubs_limit_keeps_the_table(tmp_path):
    """GitHub refuses a step summary over 1 MiB: what is left of it holds the table of
    every draft and says how many drafts did not fit."""
    summary = tmp_path / "summary.md"
    room = 9000
    summary.write_bytes(b"x" * (SUMMARY_LIMIT - SUMMARY_MARGIN - room))
    before = summary.stat().st_size
    result = run(*BATCH, "--format", "github", "--lang", "en", summary=summary)
    assert result.returncode == 1
    added = summary.read_bytes()[before:].decode("utf-8")
    assert len(added.encode("utf-8")) <= room
    assert added.startswith("## Draft resolution assessment")
    for path in ("samples/strong.md", "tests/drafts/formalistic/cong-ty.md"):
        assert f"| {path} |" in added.replace("\\", "")
    assert re.search(
        r"\*\d+ drafts are left out here, as GitHub caps a job summary at 1 MiB", added
    )


def test_a_summary_that_cannot_be_written_is_one_line(tmp_path):
    result = run("samples/strong.md", "-f", "github", summary=tmp_path / "no" / "such" / "file")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "GITHUB_STEP_SUMMARY" in result.stderr
    assert "Traceback" not in result.stderr
