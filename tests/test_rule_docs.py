"""docs/rules.md is generated from the declarations and cannot go stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from nghiquyet.engine.rule_docs import builtin_registry, render

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "rules.md"


def test_committed_page_is_what_the_declarations_say():
    assert PAGE.read_text("utf-8") == render(builtin_registry()), (
        "docs/rules.md is stale: run `python -m nghiquyet.engine.rule_docs` from the "
        "repository root and commit the result"
    )


def test_every_rule_type_param_and_term_is_on_the_page():
    registry = builtin_registry()
    page = PAGE.read_text("utf-8")
    for rule_type in registry.types.values():
        assert f"### `{rule_type.name}`" in page
        for param in rule_type.params or ():
            assert f"| `{param.name}` |" in page, (rule_type.name, param.name)
    for kind in ("signal", "section", "item", "item_check", "item_detail", "mention", "lexicon"):
        for term in registry.vocabulary.terms(kind):
            assert f"`{term.name}` | {term.meaning['en']} |" in page, (kind, term.name)


def test_the_generator_checks_and_writes(tmp_path):
    def generate(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "nghiquyet.engine.rule_docs", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )

    assert generate("--check").returncode == 0
    stale = tmp_path / "rules.md"
    stale.write_text("# old\n", "utf-8")
    checked = generate("--check", "-o", str(stale))
    assert checked.returncode == 1 and "stale" in checked.stderr
    assert generate("-o", str(stale)).returncode == 0
    assert stale.read_text("utf-8") == PAGE.read_text("utf-8")
