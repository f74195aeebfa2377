"""Step 4: from rule results to criterion scores, an overall score and a grade.

The formula (also in the README):

* A rule's **ratio** is passed / total checks (e.g. tasks with an owner / all tasks).
  Rules that do not apply (no tasks at all, a vote record in a draft) are left out.
* A criterion's score is ``100 - Σ loss``, where a rule with weight *w* among the
  applicable rules of that criterion (weights summing to *W*) loses
  ``100 · w / W · (1 - ratio)``. The rule's findings share that loss, each as much
  as the check it stands for (a check met by half, such as a review planned without
  a date, costs half a missed one), so every lost point belongs to a finding.
* A rule with a ``ceiling`` caps its criterion when it fails: readers accept one
  slip in the form but not two, whatever each slip weighs. The points above the
  ceiling belong to that rule's findings.
* The overall score is the weighted mean of the criterion scores, with the criterion
  weights (defaults in ``criteria.py``, overridable in config).
* Grade: Tốt ≥ 80, Khá ≥ 65, Trung bình ≥ 50, Yếu below.
"""

from __future__ import annotations

from .criteria import BY_ID, CRITERIA, META, grade_for
from .model import CriterionScore, DocumentReport, Facts, RuleResult
from .rules import Rule


def _criterion_summary(crit: str, results: list[RuleResult]) -> dict[str, str]:
    counted = [r for r in results if r.summary and r.total]
    if counted:
        # two at most, to keep one line; what is missing first, since that is what to fix
        shown = sorted(counted, key=lambda r: r.ratio >= 1)[:2]
        shown.sort(key=counted.index)
        return {lang: "; ".join(r.summary[lang] for r in shown) for lang in ("vi", "en")}
    passed = sum(1 for r in results if r.total and r.ratio >= 1)
    total = sum(1 for r in results if r.total)
    if not total:
        return {"vi": "không có nội dung để kiểm tra", "en": "nothing to check"}
    return {"vi": f"{passed}/{total} yêu cầu đạt", "en": f"{passed}/{total} checks pass"}


def score_criteria(
    results: list[RuleResult], selected: list[Rule], weights: dict[str, float]
) -> list[CriterionScore]:
    """Each criterion's score from the results of the ``selected`` rules that declare it;
    a criterion none of them declares is not scored (``score`` None)."""
    # A result belongs to the criterion its rule declares, never to the digit in its
    # id: the id is a name, and a name is no place to keep metadata.
    criterion_of = {r.id: r.criterion for r in selected}
    selected_criteria = set(criterion_of.values())
    scores = []
    for crit in CRITERIA:
        mine = [r for r in results if criterion_of.get(r.rule_id) == crit.id]
        weight = float(weights.get(crit.id, crit.weight))
        if crit.id not in selected_criteria:
            scores.append(
                CriterionScore(
                    crit.id, None, weight, {"vi": "không kiểm tra", "en": "not checked"}, []
                )
            )
            continue
        applicable = [r for r in mine if r.total > 0 and r.weight > 0]
        total_weight = sum(r.weight for r in applicable)
        score = 100.0
        for result in applicable:
            loss = 100.0 * result.weight / total_weight * (1.0 - result.ratio)
            score -= loss
            if loss > 1e-9 and not result.findings:
                raise RuntimeError(f"{result.rule_id} lost {loss:.1f} points without a finding")
            _share_loss(result, loss)
        score = _apply_ceilings(mine, score)
        scores.append(
            CriterionScore(
                crit.id, round(max(score, 0.0), 1), weight, _criterion_summary(crit.id, mine), mine
            )
        )
    return scores


def _share_loss(result: RuleResult, loss: float) -> None:
    """Each finding of ``result`` costs its share of ``loss`` (added to what it costs
    already: a rule with a weight and a ceiling loses by both)."""
    shares = sum(f.share for f in result.findings)
    for finding in result.findings:
        finding.points = round(finding.points + loss * finding.share / shares, 2)


def _apply_ceilings(results: list[RuleResult], score: float) -> float:
    """The score after the ceilings of the failed rules that have one; the lowest
    ceiling binds, and its rule's findings take the points above it."""
    failed = [r for r in results if r.ceiling is not None and r.ratio < 1 and r.findings]
    binding = min(failed, key=lambda r: r.ceiling, default=None)
    if binding is None or score <= binding.ceiling:
        return score
    _share_loss(binding, score - binding.ceiling)
    return binding.ceiling


def overall(criteria: list[CriterionScore]) -> float:
    scored = [c for c in criteria if c.score is not None and c.weight > 0]
    total = sum(c.weight for c in scored)
    if not total:
        return 100.0
    return round(sum(c.score * c.weight for c in scored) / total, 1)


def _spread_overall_points(criteria: list[CriterionScore]) -> None:
    total = sum(c.weight for c in criteria if c.score is not None and c.weight > 0)
    for c in criteria:
        for result in c.rules:
            for finding in result.findings:
                finding.overall_points = (
                    round(finding.points * c.weight / total, 2) if total else 0.0
                )


def score(
    facts: Facts, results: list[RuleResult], selected: list[Rule], weights: dict[str, float]
) -> DocumentReport:
    """Build the scored report of one document."""
    criteria = score_criteria(results, selected, weights)
    _spread_overall_points(criteria)
    value = overall(criteria)
    order = {c.id: n for n, c in enumerate(CRITERIA)}
    findings = [f for r in results for f in r.findings]
    findings.sort(
        key=lambda f: (
            order.get(f.criterion, -1) if f.criterion != META else -1,
            f.location.block if f.location else 0,
        )
    )
    return DocumentReport(
        path=facts.document.path,
        stage=facts.stage,
        score=value,
        grade=grade_for(value),
        criteria=criteria,
        findings=findings,
        tasks=list(facts.tasks),
        # a loader's note is one text, or {"vi": ..., "en": ...} when it speaks both
        notes=[
            dict(n) if isinstance(n, dict) else {"vi": n, "en": n} for n in facts.document.notes
        ],
        words=facts.words,
    )


def rescore(report: DocumentReport, weights: dict[str, float]) -> None:
    """Recompute the overall score and grade after a plugin changed criterion weights."""
    for c in report.criteria:
        if c.id in weights:
            c.weight = float(weights[c.id])
    _spread_overall_points(report.criteria)
    report.score = overall(report.criteria)
    report.grade = grade_for(report.score)


__all__ = ["score", "rescore", "overall", "BY_ID"]
