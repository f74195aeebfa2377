"""The five steps of the guidance as a checklist: how far a text shows each one done.

Nothing here knows a rule id. Which step a piece of evidence belongs to is metadata:
each criterion names its steps (:class:`nghiquyet.engine.criteria.Criterion`), and a
rule of a criterion that spans several names its own (``step:`` in its YAML). A
criterion of one step is judged whole by its score; the rules that name a step are
judged by their results. Everything is read from the report; nothing is recomputed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nghiquyet.engine.criteria import GRADES, STEPS, Criterion, Step
from nghiquyet.engine.model import CriterionScore, DocumentReport

if TYPE_CHECKING:
    from nghiquyet.engine.rules import Rule

# status -> (glyph, vi, en)
STATUS = {
    "done": ("✓", "đạt", "done"),
    "partial": ("◐", "chưa đủ", "incomplete"),
    "missing": ("✗", "chưa có", "missing"),
    "pending": ("○", "chưa đến bước này", "not yet due"),
    "unchecked": ("–", "không kiểm tra", "not checked"),
}


@dataclass(slots=True)
class StepStatus:
    """One step's status, and each criterion judged whole in it with its own status."""

    step: Step
    status: str
    parts: list[tuple[str, str]] = field(default_factory=list)  # (criterion id, status)


def criterion_status(doc: DocumentReport, crit: CriterionScore) -> str:
    """Classify one criterion's score: done (≥ 80, no error), partial (≥ 50), missing."""
    if crit.score is None:
        return "unchecked"
    errors = any(f.criterion == crit.id and f.severity == "error" for f in doc.findings)
    if crit.score >= GRADES[0][0] and not errors:
        return "done"
    return "partial" if crit.score >= GRADES[2][0] else "missing"


def rules_status(doc: DocumentReport, rule_ids: Iterable[str]) -> str | None:
    """Status from the rule results stored in the report; None if none of them ran."""
    wanted = set(rule_ids)
    results = [r for c in doc.criteria for r in c.rules if r.rule_id in wanted and r.total > 0]
    if not results:
        return None
    if all(r.ratio >= 1 for r in results):
        return "done"
    return "partial" if any(r.passed > 0 for r in results) else "missing"


def combine(statuses: list[str]) -> str:
    """One status from several: unchecked ones do not count, pending only alone."""
    checked = [s for s in statuses if s != "unchecked"]
    if not checked:
        return "unchecked"
    if all(s == "pending" for s in checked):
        return "pending"
    checked = [s for s in checked if s != "pending"]
    if all(s == "done" for s in checked):
        return "done"
    if all(s == "missing" for s in checked):
        return "missing"
    return "partial"


def _named_rules_status(doc: DocumentReport, rules: list[Rule]) -> str:
    """The status of the rules that name a step. When none of them ran on a draft
    because all are for adopted texts only, the step is still to come (pending)."""
    found = rules_status(doc, (r.id for r in rules))
    if found is not None:
        return found
    if doc.stage == "draft" and all(r.stage == "adopted" for r in rules):
        return "pending"  # a draft is judged before the vote: nothing is missing yet
    return "unchecked"


def step_statuses(
    doc: DocumentReport, criteria: Iterable[Criterion], rules: Mapping[str, Rule]
) -> list[StepStatus]:
    """Every step of the guidance, in order, with its status in ``doc``."""
    scores = {c.id: c for c in doc.criteria}
    criteria = list(criteria)
    out = []
    for step in STEPS:
        whole = [c.id for c in criteria if c.steps == (step.key,)]
        parts = [
            (cid, criterion_status(doc, scores[cid]) if cid in scores else "unchecked")
            for cid in whole
        ]
        statuses = [status for _cid, status in parts]
        named = [r for r in rules.values() if r.step == step.key and r.criterion not in whole]
        if named:
            statuses.append(_named_rules_status(doc, named))
        out.append(StepStatus(step, combine(statuses), parts))
    return out
