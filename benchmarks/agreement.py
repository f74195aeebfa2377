"""How far the tool agrees with the readers who wrote the independent drafts.

Each draft in a folder of the independent set has ``<name>.expected.yaml`` beside it:
the writer's level per criterion (good / partial / poor), the overall grade, the
stage and, from the third round on, the task list (owner as written, ISO deadline).
This prints, for each folder given (default: every round under
tests/drafts/independent/):

* criterion levels in the reader's band (good ≥ 80, partial 50–79, poor < 50);
* contradictions: good scored below 50, or poor scored 80 or more;
* grades: exact, one step off, two or more off;
* owners found whole: a reader's task whose owner the tool reads exactly as written;
* stage right.

Run it on a new round before changing any rule (the held-out figure), and again
after: ``python benchmarks/agreement.py tests/drafts/independent/round-3``.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
INDEPENDENT = ROOT / "tests" / "drafts" / "independent"
GRADES = ["Yếu", "Trung bình", "Khá", "Tốt"]
SUFFIXES = (".md", ".txt", ".docx", ".odt")


def band(score: float) -> str:
    """The reader's three levels on our scale: the grade floors of Khá and Tốt."""
    return "good" if score >= 80 else "partial" if score >= 50 else "poor"


def drafts_in(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix in SUFFIXES and p.with_name(p.stem + ".expected.yaml").exists()
    )


# libyaml's loader when built in: the set's 456 judgements parse in a tenth of the time
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def expected_of(draft: Path) -> dict:
    """The reader's judgement of one draft, read once per process (callers only read it)."""
    text = draft.with_name(draft.stem + ".expected.yaml").read_text("utf-8")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").lower()
    return " ".join(text.replace("*", "").split()).strip(" .,;:")


def _matching_task(expected: dict, tasks: list) -> object | None:
    """The tool's task whose text holds the start of the reader's task text; of two
    that open alike ("Đôn đốc thu nợ quá hạn … xã Ea Khăl", "… xã Krông Jing"), the
    one that holds the reader's text whole."""
    whole = _norm(expected.get("text")).rstrip("…. ")
    head = " ".join(whole.split()[:6])
    found = [t for t in tasks if head and head in _norm(t.text)]
    return next((t for t in found if whole in _norm(t.text)), found[0] if found else None)


# how a reader joins a name and its post
_JOINS = ((", ", ""), (" – ", ""), (" - ", ""), (" (", ")"))


def compare(draft: Path, report) -> dict:
    """What one draft's report agrees on with its reader."""
    expected = expected_of(draft)
    scores = {c.id: c.score for c in report.criteria}
    out = Counter()
    misses = []
    for criterion, judgement in expected["criteria"].items():
        level, score = judgement["level"], scores.get(criterion)
        if score is None:
            continue
        out["levels"] += 1
        got = band(score)
        out["agreed"] += got == level
        if got != level:
            misses.append(f"{criterion} {level}→{got} ({score:.0f})")
        out["contradictions"] += (level == "good" and score < 50) or (
            level == "poor" and score >= 80
        )
    if report.grade:
        step = abs(GRADES.index(report.grade) - GRADES.index(expected["overall"]))
        out[f"grade_off_{min(step, 2)}"] += 1
    # a writer may add a reason after the stage: "draft (marked DỰ THẢO ...)"
    stage_right = report.stage == str(expected.get("stage", report.stage)).split()[0]
    out["stage_right"] += stage_right
    if not stage_right:
        misses.append(f"stage {expected['stage']}→{report.stage}")
    for task in expected.get("tasks") or []:
        if not task.get("owner"):
            continue
        out["owners"] += 1
        found = _matching_task(task, report.tasks)
        # the reader writes the role beside the name ("Đồng chí A, Bí thư chi bộ", "Đ/c
        # B – Phó Quản đốc"); the matrix keeps them in two columns
        written = set()
        if found:
            owner = found.owner or ""
            written = {_norm(owner)}
            written |= {_norm(f"{owner}{sep}{found.role}{end}") for sep, end in _JOINS}
            # "Chi hội Phụ nữ thôn (đồng chí A" + ", chi hội trưởng" + ")"
            written.add(_norm(f"{owner[:-1]}, {found.role})"))
        whole = _norm(task["owner"]) in written
        out["owners_whole"] += whole
        if not whole:
            misses.append(f"owner «{task['owner']}» → «{found.owner if found else '(no task)'}»")
    return {"counts": out, "misses": misses, "expected": expected}


def main(folders: list[Path]) -> None:
    from nghiquyet.engine.config import Config
    from nghiquyet.engine.runner import Assessor

    assessor = Assessor(Config())
    for folder in folders:
        total = Counter()
        drafts = drafts_in(folder)
        for draft in drafts:
            result = compare(draft, assessor.assess_path(draft))
            total.update(result["counts"])
            if "-v" in sys.argv and result["misses"]:
                print(f"  {draft.relative_to(folder)}: " + "; ".join(result["misses"]))
        levels, owners = total["levels"] or 1, total["owners"] or 1
        print(
            f"{folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}: "
            f"{len(drafts)} drafts; levels {total['agreed']}/{total['levels']} "
            f"({100 * total['agreed'] / levels:.0f} %); "
            f"contradictions {total['contradictions']}; "
            f"grades exact {total['grade_off_0']}, one off {total['grade_off_1']}, "
            f"two+ off {total['grade_off_2']}; "
            f"owners whole {total['owners_whole']}/{total['owners']} "
            f"({100 * total['owners_whole'] / owners:.0f} %); "
            f"stage right {total['stage_right']}/{len(drafts)}"
        )


if __name__ == "__main__":
    args = [Path(a).resolve() for a in sys.argv[1:] if not a.startswith("-")]
    main(args or sorted(p for p in INDEPENDENT.iterdir() if p.is_dir()))
