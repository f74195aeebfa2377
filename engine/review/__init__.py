"""``nghiquyet review RESOLUTION REPORT``: a progress report held against its resolution.

The fifth step of the guidance is where a resolution is followed up: a sơ kết or
tổng kết report says what was done. This holds such a report against the resolution
it reviews, target by target and task by task, reusing the analysis ``assess`` runs
on the resolution (its targets, and the responsibility matrix with owners and
deadlines):

=============  ==============================================================
sentences      the report's sentences that can show what was done
matching       which sentences speak of an item (shared content words)
figures        a target's goal, a report's figures, whether one meets the other
judge          the status of one target or task, and the sentence showing it
render         text, Markdown and the JSON contract; ``html`` the web page
=============  ==============================================================

Like ``compare``, it never recomputes a score: the resolution is analysed as
``assess`` analyses it, the report is read with the same loaders and pipeline.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..analyse.kind import NAMES, read_kind
from ..errors import NghiquyetError
from ..messages import Bilingual
from ..model import Document, Facts, Task
from ..text import word_count
from .brackets import split_outside
from .figures import read_goal
from .judge import review_target, review_task, task_query
from .matching import Index, compete
from .model import Review, TargetReview, TaskReview
from .sentences import report_sentences

__all__ = ["Review", "ReviewError", "review_documents", "review_paths"]

# A clause of a target paragraph shorter than this is no target of its own.
CLAUSE_MIN_WORDS = 4
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[-–•+*])\s*[.)]?\s+")
# Clauses of a target paragraph: split at ";" or a full stop outside brackets
_CLAUSE_END = re.compile(r";|\.(?=\s)")


class ReviewError(NghiquyetError):
    """The two files cannot be reviewed as a resolution and its report."""


def review_paths(assessor, resolution: Path, report: Path) -> Review:
    """Load both files with the loaders ``assess`` uses and review them; raises
    :class:`~nghiquyet.engine.errors.InputError` for a file that cannot be read and
    :class:`ReviewError` for one that is not what its place asks."""
    from ..load import load

    first = load(resolution, assessor.config, assessor.pm)
    second = load(report, assessor.config, assessor.pm)
    return review_documents(assessor, first, second)


def review_documents(assessor, resolution: Document, report: Document) -> Review:
    """Hold ``report`` against ``resolution`` (both loaded), with ``assessor``'s pipeline."""
    _check_kinds(resolution, report)
    facts = assessor.analyse_document(resolution)
    read = assessor.analyse_document(report, "auto")
    sentences = report_sentences(report, read.blocks)
    index = Index([s.text for s in sentences], [b.text for b in resolution.blocks])
    targets = target_clauses(resolution, facts)
    tasks = [_task_review(resolution, task) for task in facts.tasks]
    found = compete(
        [index.matches(t.text) for t in targets]
        + [index.matches(*task_query(task)) for task in tasks]
    )
    out = Review(resolution=resolution.path, report=report.path)
    for target, matches in zip(targets, found, strict=False):
        out.targets.append(review_target(target, matches, sentences))
    for task, matches in zip(tasks, found[len(targets) :], strict=True):
        out.tasks.append(review_task(task, matches, sentences))
    return out


def _task_review(resolution: Document, task: Task) -> TaskReview:
    block = resolution.blocks[task.block - 1]
    return TaskReview(
        task.text,
        task.block,
        block.line or task.block,
        task.owner,
        task.role,
        task.deadline,
        task.deadline_text,
    )


def target_clauses(resolution: Document, facts: Facts) -> list[TargetReview]:
    """The targets of the resolution: one per target paragraph, or one per clause when
    two or more of its clauses set a figure ("100% hộ đăng ký thu gom rác; tỷ lệ thu
    phí đạt từ 95% trở lên")."""
    out = []
    for item in facts.items.get("target", []):
        line = resolution.blocks[item.block - 1].line or item.block
        text = _NUMBERING.sub("", item.text, count=1).strip()
        parts = [c.strip(" .,") for c in clauses(text)]
        parts = [c for c in parts if word_count(c) >= CLAUSE_MIN_WORDS]
        goals = [read_goal(c) for c in parts]
        if sum(goal is not None for goal in goals) < 2:
            out.append(TargetReview(text, item.block, line, read_goal(text)))
            continue
        for clause, goal in zip(parts, goals, strict=True):
            out.append(TargetReview(clause, item.block, line, goal))
    return out


def clauses(text: str) -> list[str]:
    """``text`` cut at ";" and full stops that are not inside brackets."""
    return split_outside(text, _CLAUSE_END)


def _check_kinds(resolution: Document, report: Document) -> None:
    """A resolution first and a report second; both in Vietnamese with diacritics."""
    kind = read_kind([b.text for b in resolution.blocks])
    if kind.kind == "other_kind" and kind.title:
        raise ReviewError(
            "{path}: this is a {kind}, not the resolution; name the resolution first, "
            "then its progress report",
            path=resolution.path,
            kind=Bilingual(dict(zip(("vi", "en"), NAMES[kind.title], strict=True))),
        )
    if kind.kind in ("no_diacritics", "not_vietnamese"):
        raise ReviewError(
            "{path}: not Vietnamese text with diacritics, so no resolution to review",
            path=resolution.path,
        )
    kind = read_kind([b.text for b in report.blocks])
    if kind.title == "nghị quyết":
        raise ReviewError(
            "{path}: this is a resolution, not a progress report; name the resolution "
            "first, then its progress report",
            path=report.path,
        )
    if kind.kind == "not_vietnamese":
        raise ReviewError(
            "{path}: not Vietnamese text, so no progress report to review", path=report.path
        )
