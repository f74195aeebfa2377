"""The result cache: hits on unchanged input, misses on any change that matters,
survives concurrent writers and corrupt entries, and never breaks a run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from nghiquyet.engine import cache, yamlio
from nghiquyet.engine.cache import FORMAT, ResultCache, decode_report, encode_report
from nghiquyet.engine.cli import assess_command, main
from nghiquyet.engine.config import Config
from nghiquyet.engine.runner import Assessor

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _assessor(folder: Path, config: Config | None = None) -> Assessor:
    assessor = Assessor(config or Config())
    assessor.cache = ResultCache.open(assessor, folder)
    assert assessor.cache is not None
    return assessor


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "drafts" / "middling.md"
    path.parent.mkdir()
    shutil.copy(SAMPLES / "middling.md", path)
    return path


def test_second_run_hits_and_does_not_analyse(tmp_path, draft):
    folder = tmp_path / "cache"
    first = _assessor(folder).assess_path(draft)
    assert first.error is None
    assert len(_entries(folder)) == 1

    again = _assessor(folder)
    second = again.assess_path(draft)
    assert again.cache_hits == 1
    # the pipeline is built on the first analysed draft; a hit never builds it
    assert again._nlp is None
    assert encode_report(second) == encode_report(first)


@pytest.mark.parametrize("sample", ["strong.docx", "middling.docx", "formalistic.md"])
def test_reports_round_trip_through_json(assessor, sample):
    report = assessor.assess_path(SAMPLES / sample)
    data = json.loads(json.dumps(encode_report(report), ensure_ascii=False))
    assert decode_report(data) == report


def test_changed_file_misses(tmp_path, draft):
    folder = tmp_path / "cache"
    _assessor(folder).assess_path(draft)
    draft.write_text(
        draft.read_text("utf-8") + "\nĐồng chí Bí thư báo cáo kết quả trước ngày 30/6/2026.\n",
        "utf-8",
    )
    again = _assessor(folder)
    again.assess_path(draft)
    assert again.cache_hits == 0
    assert len(_entries(folder)) == 2


def test_changed_config_misses(tmp_path, draft):
    folder = tmp_path / "cache"
    _assessor(folder).assess_path(draft)
    other = _assessor(folder, Config(ignore=["format"]))
    other.assess_path(draft)
    assert other.cache_hits == 0
    same = _assessor(folder, Config())
    same.assess_path(draft)
    assert same.cache_hits == 1


def test_the_calls_stage_is_part_of_the_key(tmp_path, draft):
    """The stage travels with the call, not in the config: one Assessor judging the same
    file as a draft and then as adopted must not be served the draft's report."""
    folder = tmp_path / "cache"
    assessor = _assessor(folder)
    as_draft = assessor.assess_path(draft, stage="draft")
    as_adopted = assessor.assess_path(draft, stage="adopted")
    assert assessor.cache_hits == 0 and len(_entries(folder)) == 2
    assert (as_draft.stage, as_adopted.stage) == ("draft", "adopted")
    assert any(f.rule_id == "NQ703" for f in as_adopted.findings)  # no vote record
    assert not any(f.rule_id == "NQ703" for f in as_draft.findings)
    again = assessor.assess_path(draft, stage="adopted")
    assert assessor.cache_hits == 1
    assert encode_report(again) == encode_report(as_adopted)


def test_changed_rule_pack_misses(tmp_path, draft):
    folder = tmp_path / "cache"
    pack = tmp_path / "extra.yaml"
    pack.write_text('lexicon:\n  vague_goal: ["cơ bản hoàn thành"]\n', "utf-8")
    config = Config(rule_paths=[str(pack)])
    _assessor(folder, config).assess_path(draft)
    hit = _assessor(folder, config)
    hit.assess_path(draft)
    assert hit.cache_hits == 1
    pack.write_text('lexicon:\n  vague_goal: ["cơ bản hoàn thành", "phấn đấu"]\n', "utf-8")
    miss = _assessor(folder, config)
    miss.assess_path(draft)
    assert miss.cache_hits == 0


def test_a_copy_hits_and_its_report_names_its_own_path(tmp_path, draft):
    folder = tmp_path / "cache"
    _assessor(folder).assess_path(draft)
    moved = draft.with_name("renamed.md")
    shutil.copy(draft, moved)
    again = _assessor(folder)
    assert again.assess_path(moved).path == str(moved)
    assert again.cache_hits == 1


def test_an_all_hit_batch_starts_no_worker_and_builds_no_pipeline(tmp_path):
    folder = tmp_path / "cache"
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(40):  # enough files for a pool of two workers
        shutil.copy(SAMPLES / "middling.md", drafts / f"d{i}.md")
    _assessor(folder).assess_paths(sorted(drafts.iterdir()), jobs=2)
    again = _assessor(folder)
    report = again.assess_paths(sorted(drafts.iterdir()), jobs=2)
    assert again.cache_hits == 40
    assert again._nlp is None  # the pipeline was never built
    assert [d.path for d in report.documents] == [str(p) for p in sorted(drafts.iterdir())]


def test_an_all_hit_run_never_imports_spacy(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(8):
        shutil.copy(SAMPLES / "strong.md", drafts / f"d{i}.md")
    env = {**os.environ, "NGHIQUYET_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys\n"
        "from nghiquyet.engine.cli import assess_command\n"
        "try:\n"
        "    assess_command([sys.argv[1], '--exit-zero', '-j', '2', '-q'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('spacy' in sys.modules)\n"
    )
    first = subprocess.run(
        [sys.executable, "-c", probe, str(drafts)], env=env, capture_output=True, text=True
    )
    second = subprocess.run(
        [sys.executable, "-c", probe, str(drafts)], env=env, capture_output=True, text=True
    )
    assert first.stdout.strip().endswith("True"), first.stderr
    assert second.stdout.strip().endswith("False"), second.stderr


def test_corrupt_entry_is_ignored_and_rewritten(tmp_path, draft):
    folder = tmp_path / "cache"
    first = _assessor(folder).assess_path(draft)
    (entry,) = _entries(folder)
    for garbage in (
        b"",
        b'{"format": 1, "key"',
        b"\xff\xfe not json",
        b"[]",
        b'{"format": 1, "key": "x"}',
    ):
        entry.write_bytes(garbage)
        again = _assessor(folder)
        assert encode_report(again.assess_path(draft)) == encode_report(first)
        assert again.cache_hits == 0
        assert json.loads(entry.read_bytes())["report"]["path"] == str(draft)
    last = _assessor(folder)
    last.assess_path(draft)
    assert last.cache_hits == 1


def test_unreadable_inputs_are_not_cached(tmp_path):
    folder = tmp_path / "cache"
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assessor = _assessor(folder)
    assert assessor.assess_path(empty).error is not None
    assert assessor.assess_path(broken).error is not None
    assert _entries(folder) == []


def test_cache_folder_that_cannot_be_created_turns_the_cache_off(tmp_path, draft):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    assert ResultCache.open(Assessor(Config()), blocker / "cache") is None
    result = CliRunner().invoke(
        assess_command,
        ["-q", "-j", "1", str(draft)],
        env={"NGHIQUYET_CACHE_DIR": str(blocker / "cache")},
    )
    assert result.exit_code in (0, 1), result.output
    assert "middling.md" in result.output


def test_failed_write_disables_writes_but_not_the_run(tmp_path, draft):
    folder = tmp_path / "cache"
    assessor = _assessor(folder)
    # a file where the two-letter shard folder of every key would go
    shutil.rmtree(assessor.cache.folder)
    assessor.cache.folder.parent.mkdir(parents=True, exist_ok=True)
    assessor.cache.folder.write_text("not a folder")
    assert assessor.assess_path(draft).error is None
    assert assessor.cache.writable is False


def test_cli_cache_and_no_cache(tmp_path, draft):
    folder = tmp_path / "cache"
    env = {"NGHIQUYET_CACHE_DIR": str(folder)}
    runner = CliRunner()
    off = runner.invoke(assess_command, ["--no-cache", "-q", "-j", "1", str(draft)], env=env)
    assert off.exit_code in (0, 1), off.output
    assert _entries(folder) == []
    first = runner.invoke(assess_command, ["-f", "json", "-j", "1", str(draft)], env=env)
    assert len(_entries(folder)) == 1
    second = runner.invoke(assess_command, ["-f", "json", "-j", "1", str(draft)], env=env)
    assert first.output == second.output
    assert first.exit_code == second.exit_code


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from nghiquyet.engine.cache import ResultCache, decode_report
    from nghiquyet.engine.model import DocumentReport

    folder, key, tag = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    cache = ResultCache(folder, "context")
    notes = [{"vi": tag * 2000, "en": tag}]
    report = DocumentReport(path="draft.md", score=50.0, grade="Trung bình", notes=notes)
    bad = 0
    for _ in range(300):
        cache.put(key, report)
        seen = cache.get(key)
        if seen is None or seen.notes[0]["en"] not in ("a", "b"):
            bad += 1
    print(bad)
    """
)


def test_concurrent_writers_leave_a_valid_entry(tmp_path):
    folder = tmp_path / "cache"
    key = "ab" * 32
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), key, tag], stdout=subprocess.PIPE, text=True
        )
        for tag in ("a", "b")
    ]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    # every read during the race saw a whole entry written by one of the two
    assert outputs == ["0", "0"]
    report = ResultCache(folder, "context").get(key)
    assert report is not None and report.notes[0]["en"] in ("a", "b")
    left = [p.name for p in folder.rglob("*") if p.is_file()]
    assert left == [f"{key}.json"]  # no temp files left behind


def test_workers_use_the_cache(tmp_path):
    folder = tmp_path / "cache"
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("strong.md", "middling.md", "formalistic.md"):
        shutil.copy(SAMPLES / name, drafts / name)
    assessor = _assessor(folder)
    first = assessor.assess_paths(sorted(drafts.iterdir()), jobs=2)
    assert len(_entries(folder)) == 3
    again = _assessor(folder)
    second = again.assess_paths(sorted(drafts.iterdir()), jobs=1)
    assert again.cache_hits == 3
    assert [encode_report(d) for d in second.documents] == [
        encode_report(d) for d in first.documents
    ]


def test_entry_files_are_whole_json(tmp_path, draft):
    folder = tmp_path / "cache"
    _assessor(folder).assess_path(draft)
    (entry,) = _entries(folder)
    data = json.loads(entry.read_text("utf-8"))
    assert data["format"] == FORMAT and data["key"] == entry.stem


# -- size: the cache prunes itself ------------------------------------------------------

DAY = 86400


def _age(path: Path, days: float) -> None:
    when = time.time() - days * DAY
    os.utime(path, (when, when))


def _fill(folder: Path, tmp_path: Path, count: int) -> list[Path]:
    """``count`` real entries, one per variant of a sample draft (the key is the
    content: each copy differs by a line), in the drafts' order."""
    assessor = _assessor(folder)
    entries = []
    text = (SAMPLES / "middling.md").read_text("utf-8")
    for n in range(count):
        path = tmp_path / f"draft-{n}.md"
        path.write_text(f"{text}\nBản số {n + 1}.\n", "utf-8")
        assert assessor.assess_path(path).error is None
        entries.append(assessor.cache._entry(assessor.cache.key(path, assessor.config)))
    assert sorted(entries) == _entries(folder)
    return entries


def test_prune_removes_entries_unused_for_a_month(tmp_path):
    folder = tmp_path / "cache"
    old, recent = _fill(folder, tmp_path, 2)
    _age(old, cache.MAX_AGE_DAYS + 1)
    _age(recent, cache.MAX_AGE_DAYS - 1)
    assert cache.prune(folder) == 1
    assert _entries(folder) == [recent]


def test_prune_keeps_the_recently_used_when_over_the_size_cap(tmp_path):
    folder = tmp_path / "cache"
    entries = _fill(folder, tmp_path, 4)
    for days, entry in enumerate(entries):
        _age(entry, 4 - days)  # entries[0] is the least recently used
    # a hit marks an entry as used: the oldest becomes the newest
    assessor = _assessor(folder)
    assessor.assess_path(tmp_path / "draft-0.md")
    assert assessor.cache_hits == 1
    size = entries[0].stat().st_size
    assert cache.prune(folder, max_bytes=2 * size) == 2
    assert _entries(folder) == sorted([entries[0], entries[3]])


def test_prune_runs_once_a_day_when_a_run_opens_the_cache(tmp_path):
    folder = tmp_path / "cache"
    (first,) = _fill(folder, tmp_path, 1)  # opening the empty cache pruned it
    _age(first, cache.MAX_AGE_DAYS + 1)
    _assessor(folder)
    assert _entries(folder) == [first]  # pruned less than a day ago: not again
    _age(folder / cache._STAMP, 1.1)
    _assessor(folder)
    assert _entries(folder) == []


def test_prune_removes_other_formats_and_abandoned_temporary_files(tmp_path):
    folder = tmp_path / "cache"
    shard = _fill(folder, tmp_path, 1)[0].parent
    stale = folder / "v0" / "ab" / "old.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}", "utf-8")
    abandoned, live = shard / ".abc.1.tmp", shard / ".abc.2.tmp"
    abandoned.write_text("{", "utf-8")
    live.write_text("{", "utf-8")
    _age(abandoned, 1)
    cache.prune(folder)
    assert not (folder / "v0").exists()
    assert not abandoned.exists() and live.exists()
    assert len(_entries(folder)) == 1


def test_cache_command_shows_and_clears(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    _fill(folder, tmp_path, 3)
    shown = CliRunner().invoke(main, ["cache", "--lang", "en"])
    assert shown.exit_code == 0, shown.output
    words = " ".join(shown.output.split())  # the labels are padded to one column
    assert f"folder: {folder}" in words and "entries: 3" in words
    cleared = CliRunner().invoke(main, ["cache", "--clear", "--lang", "en"])
    assert cleared.exit_code == 0 and "removed 3" in cleared.output
    assert _entries(folder) == []
    assert "entries: 0" in " ".join(
        CliRunner().invoke(main, ["cache", "--lang", "en"]).output.split()
    )
    assert "số mục: 0" in " ".join(CliRunner().invoke(main, ["cache"]).output.split())


def _parsed_rule_file(folder: Path, text: str) -> Path:
    """A parsed rule file as a run keeps it, in the cache folder's ``yaml/``."""
    yamlio.load_yaml_cached(text, folder / yamlio.CACHE_SUBFOLDER)
    (entry,) = (folder / yamlio.CACHE_SUBFOLDER).glob("py*/*.marshal")
    return entry


def test_cache_command_counts_and_clears_parsed_rule_files(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    entry = _parsed_rule_file(folder, "cụm_từ: [khẩu hiệu, chung chung]\n")
    shown = " ".join(CliRunner().invoke(main, ["cache", "--lang", "en"]).output.split())
    assert "parsed rule files: 1" in shown and "entries: 0" in shown
    assert cache.stats(folder).size == entry.stat().st_size
    cleared = CliRunner().invoke(main, ["cache", "--clear", "--lang", "en"]).output
    assert "removed 0 cached results" in cleared and "removed 1 parsed rule file" in cleared
    assert not entry.exists()


def test_prune_removes_parsed_rule_files_unused_for_a_month(tmp_path):
    folder = tmp_path / "cache"
    old = _parsed_rule_file(folder, "a: 1\n")
    _age(old, cache.MAX_AGE_DAYS + 1)
    recent = _parsed_rule_file(folder / "other", "b: 2\n")
    recent.rename(old.parent / recent.name)
    cache.prune(folder)
    assert not old.exists() and (old.parent / recent.name).exists()
