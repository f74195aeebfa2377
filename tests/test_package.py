"""Packaging: a non-editable install carries the rule packs and namespaces everything."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("nghiquyet-*.whl"))


def test_wheel_holds_rule_packs_and_only_namespaced_modules(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    packs = {
        Path(n).name for n in names if n.startswith("nghiquyet/rules/") and n.endswith(".yaml")
    }
    shipped = {p.name for p in (ROOT / "rules").glob("*.yaml")} | {"vi.yaml"}
    assert shipped <= packs
    top = {n.split("/")[0] for n in names if not n.startswith("nghiquyet-")}
    assert top == {"nghiquyet"}, top  # never a top-level "engine" or "plugins"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "assess = nghiquyet.engine.entry:assess" in text
    assert "nghiquyet = nghiquyet.engine.entry:main" in text


def test_installed_copy_loads_its_rules(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    code = (
        "import nghiquyet.engine, nghiquyet.rules;"
        "from nghiquyet.engine.check import build_ruleset;"
        "from nghiquyet.engine.plugin_manager import get_plugin_manager;"
        "rules = build_ruleset(get_plugin_manager()).rules;"
        "print(nghiquyet.rules.__file__); print(len(rules))"
    )
    # run from an empty folder with only the installed copy first on the path
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    where, count = result.stdout.split()
    assert where.startswith(str(target))
    assert int(count) >= 27


def test_wheel_ships_the_json_schemas(wheel, tmp_path):
    # a pure-Python wheel unpacked is importable as it stands
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    code = (
        "from nghiquyet.engine.schemas import schema_path;"
        "print(schema_path('report')); print(schema_path('compare'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    for line, name in zip(result.stdout.split(), ("report", "compare"), strict=True):
        assert Path(line) == tmp_path / "site" / "nghiquyet" / "schemas" / f"{name}.schema.json"
        assert Path(line).read_bytes() == (ROOT / "docs" / f"{name}.schema.json").read_bytes()
