"""Shared fixtures: the real pipeline, built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# A real headless Chromium for browser tests (see tests/browser.py).
from browser import browser, page_watch  # noqa: F401
from json_schemas import check_printed_json
from nghiquyet.engine.config import Config
from nghiquyet.engine.runner import Assessor
from nghiquyet.plugins.text_loader import parse_markdown

# The report language follows the locale and colour follows NO_COLOR/FORCE_COLOR when
# nothing else says: pin both, so the tests' Vietnamese, uncoloured defaults hold on an
# English desktop or a CI that forces colour. Subprocesses inherit this environment.
for _name in ("LC_ALL", "LC_MESSAGES", "NGHIQUYET_LANG", "NO_COLOR", "FORCE_COLOR"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def assessor() -> Assessor:
    return Assessor(Config())


@pytest.fixture(scope="session")
def assess_markdown(assessor):
    """Assess Markdown text through the real loader, pipeline, rules and scoring."""

    def run(text: str, path: str = "draft.md", stage: str = "auto"):
        return assessor.assess_document(parse_markdown(text, path), stage=stage)

    return run


@pytest.fixture
def run(monkeypatch, tmp_path):
    """Invoke the real CLI (``assess`` by default) in-process, with a private result
    cache and no config from the environment: ``run(path, "--format", "json")``."""
    from click.testing import CliRunner
    from nghiquyet.engine.cli import assess_command

    monkeypatch.setenv("NGHIQUYET_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NGHIQUYET_CONFIG", raising=False)

    def invoke(*args, command=assess_command):
        result = CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=False)
        check_printed_json(result.stdout)  # every report a test prints fits the schema
        return result

    return invoke
