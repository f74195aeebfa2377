"""Parsed rule packs and lexicons kept in the user cache folder by the digest of
their text: read back whole or not at all, never trusted when corrupt, never needed
for a run to work. (No timings here: they belong in benchmarks/run.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from nghiquyet.engine import yamlio
from nghiquyet.engine.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
PACK = (ROOT / "rules" / "assignments.yaml").read_text("utf-8")
LEXICON = (ROOT / "rules" / "lexicons" / "vi.yaml").read_text("utf-8")


@pytest.mark.parametrize("text", [PACK, LEXICON, "a: [1, 2.5, true, null, 'chi ủy']\n", ""])
def test_read_back_is_what_the_parser_gives(tmp_path, text):
    first = yamlio.load_yaml_cached(text, tmp_path)
    (entry,) = tmp_path.rglob("*.marshal")
    again = yamlio.load_yaml_cached(text, tmp_path)
    assert first == again == yamlio.load_yaml(text)
    assert json.dumps(again, sort_keys=False) == json.dumps(yamlio.load_yaml(text))
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert entry.stat().st_size > 32


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-7],  # a truncated write
        lambda data: data[:40] + bytes([data[40] ^ 0xFF]) + data[41:],  # a flipped byte
        lambda data: b"",
        lambda data: b"not ours at all",
    ],
)
def test_a_corrupt_entry_is_ignored_and_rewritten(tmp_path, damage):
    text = "nhiệm vụ: [chi bộ, 'đảng viên']\n"
    yamlio.load_yaml_cached(text, tmp_path)
    (entry,) = tmp_path.rglob("*.marshal")
    entry.write_bytes(damage(entry.read_bytes()))
    assert yamlio.load_yaml_cached(text, tmp_path) == {"nhiệm vụ": ["chi bộ", "đảng viên"]}
    assert yamlio._read_entry(entry, entry.stem) == ({"nhiệm vụ": ["chi bộ", "đảng viên"]},)


def test_an_entry_of_another_text_is_not_served(tmp_path):
    yamlio.load_yaml_cached("a: 1\n", tmp_path)
    (entry,) = tmp_path.rglob("*.marshal")
    other = entry.with_name(("0" * 64) + ".marshal")
    os.replace(entry, other)  # a file under another name: its stored digest is checked
    assert yamlio._read_entry(other, "0" * 64) is None


def test_errors_are_raised_as_before_and_not_cached(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdef", "bcdefg", strict=True)
    )
    for text in ("a: [1, 2\n", bomb):
        with pytest.raises(yamlio.yaml_error()):
            yamlio.load_yaml_cached(text, tmp_path)
    assert not list(tmp_path.rglob("*.marshal"))


def test_a_folder_that_cannot_be_written_only_turns_the_cache_off(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert yamlio.load_yaml_cached("a: 1\n", blocker) == {"a": 1}


def test_a_timestamp_is_parsed_but_not_kept(tmp_path):
    value = yamlio.load_yaml_cached("ngày: 2026-03-15\n", tmp_path)
    assert str(value["ngày"]) == "2026-03-15" and not list(tmp_path.rglob("*.marshal"))


def test_a_malformed_pack_is_still_reported_with_its_line(tmp_path):
    from nghiquyet.engine.rules import RuleRegistry

    pack = tmp_path / "hong.yaml"
    pack.write_text("rules:\n  - id: NQ999\n    name: [khong dong\n", "utf-8")
    registry = RuleRegistry()
    registry.pack(pack)
    with pytest.raises(ConfigError, match="line"):
        registry.load()


def test_a_second_run_never_imports_pyyaml(tmp_path, samples):
    code = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from nghiquyet.engine.config import Config
        from nghiquyet.engine.runner import Assessor
        report = Assessor(Config()).assess_path(Path({str(samples / "middling.docx")!r}))
        print(json.dumps([report.score, "yaml" in sys.modules]))
        """
    )
    env = {**os.environ, "NGHIQUYET_CACHE_DIR": str(tmp_path)}
    runs = []
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        assert result.returncode == 0, result.stderr
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    (score, first_imported), (again, second_imported) = runs
    assert score == again and first_imported and not second_imported
