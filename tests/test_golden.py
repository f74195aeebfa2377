"""Golden files: what the analysis and the report say about every draft we hold.

Each draft under ``samples/`` and ``tests/drafts/`` has a file in ``tests/golden/``
with, per block, the section it was put in; the sections; the items with their
checks; the tasks; the signals; the stage; and the JSON report. A refactoring must
leave every one of them as it was. A deliberate change of behaviour regenerates them
in a commit of its own that says what changed and why::

    python tests/test_golden.py            # rewrite every golden file
    python tests/test_golden.py samples/strong.md   # or only some
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SUFFIXES = (".md", ".txt", ".docx", ".odt")


def golden_drafts() -> list[Path]:
    found = [p for p in (ROOT / "samples").iterdir() if p.suffix in SUFFIXES]
    found += [p for p in (ROOT / "tests" / "drafts").rglob("*") if p.suffix in SUFFIXES]
    return sorted(p.relative_to(ROOT) for p in found)


def golden_path(draft: Path) -> Path:
    return GOLDEN / (str(draft).replace("/", "__") + ".json")


def snapshot(assessor, draft: Path) -> dict:
    """Everything the golden file pins for one draft, as plain JSON values."""
    from nghiquyet.engine.analyse import analyse
    from nghiquyet.engine.load import load
    from nghiquyet.engine.model import Report
    from nghiquyet.engine.render import report_dict

    document = load(ROOT / draft, assessor.config, assessor.pm)
    facts = analyse(document, assessor.nlp, "auto")
    report = assessor.assess_document(document)
    report.path = str(draft)
    as_json = report_dict(Report(documents=[report], lang="vi", tool_version="golden"))
    return {
        "stage": [facts.stage, facts.stage_source],
        "blocks": [
            f"{b.index} {b.section}{' heading' if b.is_heading else ''}" for b in facts.blocks
        ],
        "sections": [asdict(s) for s in facts.sections],
        "items": {kind: [asdict(i) for i in items] for kind, items in facts.items.items()},
        "tasks": [asdict(t) for t in facts.tasks],
        "signals": facts.signals,
        "report": as_json["documents"][0],
    }


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"


@pytest.mark.parametrize("draft", golden_drafts(), ids=str)
def test_golden(assessor, draft):
    expected = golden_path(draft)
    assert expected.exists(), f"no golden file for {draft}: run python tests/test_golden.py"
    assert _dump(snapshot(assessor, draft)) == expected.read_text("utf-8")


def test_every_golden_file_has_its_draft():
    wanted = {golden_path(d) for d in golden_drafts()}
    assert set(GOLDEN.glob("*.json")) == wanted


if __name__ == "__main__":
    from nghiquyet.engine.config import Config
    from nghiquyet.engine.runner import Assessor

    chosen = [Path(a) for a in sys.argv[1:]] or golden_drafts()
    assessor = Assessor(Config())
    GOLDEN.mkdir(exist_ok=True)
    for draft in chosen:
        golden_path(draft).write_text(_dump(snapshot(assessor, draft)), "utf-8")
    print(f"wrote {len(chosen)} golden files")
