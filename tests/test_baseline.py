"""``nghiquyet baseline -o FILE PATHS`` records today's findings; ``assess --baseline``
(config ``baseline``) shows and gates only new ones, matched by rule and wording, so
paragraphs may move. Through the real commands, on real .md and .docx drafts."""

from __future__ import annotations

import json
import shutil

from nghiquyet.engine.cli import main

NEW_TASK = "7. Các đồng chí đảng viên trong chi bộ tích cực tham gia vận động học sinh ra lớp."
FIRST_TASK = "1. Đồng chí Nguyễn Đình Khoa"


def _drafts(samples, tmp_path):
    """A repository with two drafts, Markdown and Word, as the samples have them."""
    folder = tmp_path / "repo" / "drafts"
    folder.mkdir(parents=True)
    shutil.copy(samples / "middling.md", folder / "truong-son-thanh.md")
    shutil.copy(samples / "formalistic.docx", folder / "ap-tan-hoa.docx")
    return folder


def _redraft(path, new_task: str | None = NEW_TASK, edit: bool = False):
    """Put a task before the first one (every later paragraph moves down one) and,
    with ``edit``, touch the wording of a paragraph that has findings."""
    lines = path.read_text("utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith(FIRST_TASK))
    if new_task:
        lines.insert(at, new_task)
    if edit:
        lines = [
            line.replace("tham gia thực hiện Nghị quyết.", "tham gia thực hiện Nghị quyết này.")
            for line in lines
        ]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _json(result) -> dict:
    return json.loads(result.stdout)


def _record(run, target, *paths):
    return run("baseline", "-o", target, *paths, command=main)


def test_baseline_records_each_drafts_findings_by_rule_and_wording(run, samples, tmp_path):
    drafts = _drafts(samples, tmp_path)
    target = tmp_path / "repo" / "nghiquyet-baseline.json"
    result = _record(run, target, drafts)
    assert result.exit_code == 0, result.output
    assert f"vào {target}" in result.stderr
    data = json.loads(target.read_text("utf-8"))
    assert data["baseline_version"] == 1 and data["tool"]["name"] == "nghiquyet"
    assert set(data["documents"]) == {"drafts/truong-son-thanh.md", "drafts/ap-tan-hoa.docx"}
    report = _json(run(drafts, "-f", "json"))
    for doc in report["documents"]:
        entries = data["documents"]["drafts/" + doc["path"].rsplit("/", 1)[1]]
        assert [e["rule_id"] for e in entries] == [f["rule_id"] for f in doc["findings"]]
    entry = next(
        e for e in data["documents"]["drafts/truong-son-thanh.md"] if e["rule_id"] == "NQ601"
    )
    # the wording, normalised: lower case, no numbering, no punctuation; no paragraph number
    assert (
        entry["key"] == "các đồng chí đảng viên trong chi bộ tích cực tham gia thực hiện nghị quyết"
    )
    assert set(entry) == {"rule_id", "key", "message"}


def test_assess_with_a_baseline_shows_and_gates_only_new_findings(run, samples, tmp_path):
    drafts = _drafts(samples, tmp_path)
    target = tmp_path / "repo" / "nghiquyet-baseline.json"
    assert _record(run, target, drafts).exit_code == 0
    unchanged = run(drafts, "--baseline", target, "-f", "json")
    assert unchanged.exit_code == 0, unchanged.output  # both drafts have error findings
    without = _json(run(drafts, "-f", "json"))
    for doc, full in zip(_json(unchanged)["documents"], without["documents"], strict=True):
        assert doc["findings"] == []
        assert doc["baselined"] == len(full["findings"]) > 0
        assert doc["score"] == full["score"]  # the score is the whole draft's

    draft = drafts / "truong-son-thanh.md"
    _redraft(draft, edit=True)
    moved = _json(run(draft, "-f", "json"))["documents"][0]
    old = next(d for d in without["documents"] if d["path"].endswith(".md"))
    # every old paragraph of the assignments moved down one
    assert {f["location"]["block"] for f in moved["findings"] if f["rule_id"] == "NQ601"} != {
        f["location"]["block"] for f in old["findings"] if f["rule_id"] == "NQ601"
    }
    result = run(draft, "--baseline", target, "-f", "json")
    doc = _json(result)["documents"][0]
    assert {f["location"]["excerpt"] for f in doc["findings"]} == {NEW_TASK}
    assert doc["baselined"] == len(old["findings"])  # the edited paragraph is still known
    assert result.exit_code == 1  # the new task has no owner: an error


def test_the_text_report_says_how_many_findings_the_baseline_hid(run, samples, tmp_path):
    drafts = _drafts(samples, tmp_path)
    target = tmp_path / "repo" / "nghiquyet-baseline.json"
    _record(run, target, drafts)
    draft = drafts / "truong-son-thanh.md"
    count = len(_json(run(draft, "-f", "json"))["documents"][0]["findings"])
    text = run(draft, "--baseline", target).stdout
    assert f"Đường cơ sở (baseline) ẩn {count} phát hiện đã có từ trước" in text
    assert "Không có phát hiện mới." in text
    english = run(draft, "--baseline", target, "--lang", "en", "-f", "markdown").stdout
    assert f"The baseline hid {count} known findings" in english
    assert "No new findings." in english


def test_the_config_key_is_relative_to_the_config_file(run, samples, tmp_path, monkeypatch):
    drafts = _drafts(samples, tmp_path)
    repo = drafts.parent
    (repo / "ci").mkdir()
    (repo / "nghiquyet.yaml").write_text("baseline: ci/nghiquyet-baseline.json\n", "utf-8")
    assert _record(run, repo / "ci" / "nghiquyet-baseline.json", drafts).exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run(drafts / "ap-tan-hoa.docx", "-f", "json")
    assert result.exit_code == 0, result.output
    (doc,) = _json(result)["documents"]
    assert doc["findings"] == [] and doc["baselined"] > 0


def test_a_draft_the_baseline_does_not_know_shows_all_its_findings(run, samples, tmp_path):
    drafts = _drafts(samples, tmp_path)
    target = tmp_path / "repo" / "nghiquyet-baseline.json"
    _record(run, target, drafts / "ap-tan-hoa.docx")
    result = run(drafts / "truong-son-thanh.md", "--baseline", target, "-f", "json")
    doc = _json(result)["documents"][0]
    assert doc["baselined"] == 0 and doc["findings"]
    assert result.exit_code == 1


def test_findings_accepted_in_the_draft_are_not_recorded(run, samples, tmp_path):
    drafts = _drafts(samples, tmp_path)
    draft = drafts / "truong-son-thanh.md"
    text = draft.read_text("utf-8").replace(
        "6. Các đồng chí đảng viên", "<!-- nghiquyet: bỏ qua NQ601 -->\n6. Các đồng chí đảng viên"
    )
    draft.write_text(text, "utf-8")
    target = tmp_path / "base.json"
    _record(run, target, draft)
    entries = json.loads(target.read_text("utf-8"))["documents"]
    assert "NQ601" not in {e["rule_id"] for e in next(iter(entries.values()))}


def test_a_bad_baseline_file_is_one_line_and_exit_2(run, samples, tmp_path):
    draft = samples / "middling.md"
    cases = {
        "missing.json": None,
        "broken.json": '{"baseline_version": 1, "documents": {',
        "report.json": '{"schema_version": 1, "documents": []}',
        "future.json": '{"baseline_version": 9, "documents": {}}',
        "shape.json": '{"baseline_version": 1, "documents": {"a.md": [{"rule_id": 601}]}}',
    }
    expected = {
        "missing.json": "baseline file not found",
        "broken.json": "malformed JSON",
        "report.json": "not a nghiquyet baseline",
        "future.json": "baseline_version 9",
        "shape.json": "'documents' must map",
    }
    for name, content in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_text(content, "utf-8")
        result = run(draft, "--baseline", path, "--lang", "en")  # the English wording
        assert result.exit_code == 2, (name, result.output)
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert name in line and expected[name] in line
    vietnamese = run(draft, "--baseline", tmp_path / "missing.json")
    assert "missing.json: không tìm thấy tệp baseline" in vietnamese.stderr


def test_recording_stops_on_an_unreadable_draft_and_writes_nothing(run, samples, tmp_path):
    drafts = _drafts(samples, tmp_path)
    (drafts / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")
    target = tmp_path / "base.json"
    result = _record(run, target, drafts, "--lang", "en")
    assert result.exit_code == 2
    assert "hong.docx" in result.stderr
    assert not target.exists()


def test_baseline_to_standard_output_and_never_over_an_input(run, samples, tmp_path, monkeypatch):
    drafts = _drafts(samples, tmp_path)
    monkeypatch.chdir(drafts.parent)
    result = _record(run, "-", "drafts")
    assert result.exit_code == 0, result.output
    assert "drafts/ap-tan-hoa.docx" in json.loads(result.stdout)["documents"]
    draft = drafts / "truong-son-thanh.md"
    before = draft.read_bytes()
    result = _record(run, draft, drafts)
    assert result.exit_code == 2 and draft.read_bytes() == before


def test_the_installed_scripts_record_and_apply_a_baseline(samples, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    bin_dir = Path(sys.executable).parent
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "NGHIQUYET_CACHE_DIR": str(tmp_path / "cache"),
    }
    drafts = _drafts(samples, tmp_path)
    repo = drafts.parent

    def call(*args):
        return subprocess.run(
            [str(a) for a in args], capture_output=True, text=True, env=env, cwd=repo, timeout=300
        )

    recorded = call(bin_dir / "nghiquyet", "baseline", "-o", "nghiquyet-baseline.json", "drafts")
    assert recorded.returncode == 0, recorded.stderr
    before = call(bin_dir / "assess", "drafts", "-j", "1")
    assert before.returncode == 1
    _redraft(drafts / "truong-son-thanh.md", new_task=None, edit=True)  # still known
    after = call(bin_dir / "assess", "drafts", "--baseline", "nghiquyet-baseline.json", "-j", "1")
    assert after.returncode == 0, after.stdout + after.stderr
    assert after.stdout.count("Không có phát hiện mới.") == 2
