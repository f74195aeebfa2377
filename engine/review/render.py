"""A review for people and for tools: text, Markdown and the JSON contract.

Every word is a message of :mod:`..messages` (Vietnamese by default, English with
``--lang en``); what the documents say is shown as written, control characters spelled
out in text and Markdown escaped. The HTML page is :mod:`.html`.

The JSON (schema version 1, ``docs/review.schema.json``)::

    {"schema_version": 1, "resolution": "...", "report": "...",
     "coverage": {"reported": 12, "total": 13, "share": 0.92,
                  "targets": {"met": 5, ..., "total": 7}, "tasks": {"done": 4, ..., "total": 6}},
     "targets": [{"text", "target", "reported", "status", "location"}],
     "tasks": [{"text", "owner", "deadline", "status", "evidence", "location"}]}
"""

from __future__ import annotations

from typing import Any

from ..messages import N_, t
from .figures import goal_text
from .model import Evidence, Review, TargetReview, TaskReview

SCHEMA_VERSION = 1

STATUS_NAMES = {
    "met": N_("met"),
    "not_met": N_("not met"),
    "reported": N_("mentioned, no figure"),
    "not_reported": N_("not reported"),
    "done": N_("done"),
    "in_progress": N_("in progress"),
}
TASK_REPORTED = N_("mentioned, no progress shown")
# the mark and colour of each status in the text report
MARKS = {
    "met": ("✓", "good"),
    "done": ("✓", "good"),
    "in_progress": ("◐", "warning"),
    "not_met": ("✗", "bad"),
    "reported": ("·", "info"),
    "not_reported": ("–", "dim"),
}


def status_name(status: str, lang: str, task: bool = False) -> str:
    """What a status is called for people."""
    if task and status == "reported":
        return t(TASK_REPORTED, lang)
    return t(STATUS_NAMES[status], lang)


def share_text(review: Review, lang: str) -> str:
    """The share of targets and tasks the report speaks of: "92%", or "—"."""
    share = review.reported_share
    return "—" if share is None else f"{share * 100:.0f}%"


def summary_lines(review: Review, lang: str) -> list[str]:
    """The counts a person reads first: coverage, then targets and tasks by status."""
    targets, tasks = review.counts("targets"), review.counts("tasks")
    return [
        t(
            "The report speaks of {n} of {total} targets and tasks ({share}).",
            lang,
            n=review.reported,
            total=targets["total"] + tasks["total"],
            share=share_text(review, lang),
        ),
        t(
            "Targets: {met} met, {not_met} not met, {reported} mentioned without a figure, "
            "{not_reported} not reported.",
            lang,
            **{k: v for k, v in targets.items() if k != "total"},
        ),
        t(
            "Tasks: {done} done, {in_progress} in progress, {reported} mentioned without "
            "progress shown, {not_reported} not reported.",
            lang,
            **{k: v for k, v in tasks.items() if k != "total"},
        ),
    ]


def goal_line(item: TargetReview, lang: str) -> str:
    """ "target ≥ 95% · reported 93%", or what is missing."""
    if item.goal is None:
        return t("the target sets no figure", lang)
    goal = goal_text(item.goal, lang)
    if item.reported is None:
        return t("target {goal}", lang, goal=goal)
    return t("target {goal} · reported {figure}", lang, goal=goal, figure=figure_shown(item))


def figure_shown(item: TargetReview) -> str:
    """The reported figure as the report writes it: "93%", "4/6 thùng", "không phát sinh"."""
    return item.reported.text if item.reported is not None else ""


def owner_line(item: TaskReview, lang: str) -> str:
    """ "owner: Đồng chí A (Bí thư chi bộ) · deadline: 20/3/2026"."""
    owner = ", ".join(p for p in (item.owner or t("no owner", lang), item.role) if p)
    deadline = item.deadline_text or t("no deadline", lang)
    return t("owner: {owner} · deadline: {deadline}", lang, owner=owner, deadline=deadline)


def evidence_line(evidence: Evidence | None, lang: str) -> str:
    """Where the report shows it, and the sentence."""
    if evidence is None:
        return t("the report does not speak of it", lang)
    return t(
        "report, para {block}: «{sentence}»", lang, block=evidence.block, sentence=evidence.sentence
    )


def render_text(review: Review, lang: str, color: bool = False) -> str:
    """The review for a person at a terminal (``color``: statuses coloured)."""
    from ..color import paint
    from ..display import escape_controls

    out = [paint(t("Progress report held against the resolution", lang), "heading", color)]
    out.append("  " + t("Resolution: {path}", lang, path=review.resolution))
    out.append("  " + t("Report: {path}", lang, path=review.report))
    out += ["  " + line for line in summary_lines(review, lang)]
    for title, items, task in sections(review, lang):
        out += ["", paint(title, "heading", color)]
        if not items:
            out.append("  " + t("none in the resolution", lang))
        for item in items:
            mark, style = MARKS[item.status]
            name = status_name(item.status, lang, task)
            out.append(f"  {paint(f'{mark} {name}', style, color)}: {item.text}")
            detail = owner_line(item, lang) if task else goal_line(item, lang)
            out.append(f"      {t('para {block}', lang, block=item.block)} · {detail}")
            out.append("      " + paint(evidence_line(item.evidence, lang), "dim", color))
    return escape_controls("\n".join(out) + "\n", keep_colour=color)


def sections(review: Review, lang: str) -> list[tuple[str, list, bool]]:
    """(title, items, whether they are tasks) of the two parts of a review."""
    return [
        (t("Targets ({n})", lang, n=len(review.targets)), review.targets, False),
        (t("Tasks ({n})", lang, n=len(review.tasks)), review.tasks, True),
    ]


def columns(lang: str, task: bool) -> list[str]:
    """The headers of the table of targets, or of tasks."""
    if task:
        first = [t("Task", lang), t("Owner", lang), t("Deadline", lang)]
    else:
        first = [t("Target", lang), t("Goal", lang), t("Reported", lang)]
    return [*first, t("Status", lang), t("In the report", lang)]


def middle_cells(item: TargetReview | TaskReview, lang: str) -> list[str]:
    """The cells between an item and its status: goal and figure, or owner and deadline."""
    if isinstance(item, TaskReview):
        owner = ", ".join(p for p in (item.owner or "—", item.role) if p)
        return [owner, item.deadline_text or "—"]
    return [goal_text(item.goal, lang) if item.goal else "—", figure_shown(item) or "—"]


def render_markdown(review: Review, lang: str) -> str:
    """The review as GitHub-flavoured Markdown (every cell escaped)."""
    from nghiquyet.plugins.reporters.markdown import cell, table

    out = [f"## {t('Progress report held against the resolution', lang)}", ""]
    out.append(f"- {cell(t('Resolution: {path}', lang, path=review.resolution))}")
    out.append(f"- {cell(t('Report: {path}', lang, path=review.report))}")
    out += [f"- {cell(line)}" for line in summary_lines(review, lang)]
    for title, items, task in sections(review, lang):
        rows = [
            [
                i.text,
                *middle_cells(i, lang),
                status_name(i.status, lang, task),
                i.evidence.sentence if i.evidence else "—",
            ]
            for i in items
        ]
        out += ["", f"### {title}", "", *table(columns(lang, task), rows)]
    return "\n".join(out) + "\n"


def review_dict(review: Review, lang: str) -> dict[str, Any]:
    """The review in the JSON contract (schema version 1)."""
    targets, tasks = review.counts("targets"), review.counts("tasks")
    share = review.reported_share
    return {
        "schema_version": SCHEMA_VERSION,
        "resolution": review.resolution,
        "report": review.report,
        "coverage": {
            "reported": review.reported,
            "total": targets["total"] + tasks["total"],
            "share": None if share is None else round(share, 3),
            "targets": targets,
            "tasks": tasks,
        },
        "targets": [_target_dict(i, lang) for i in review.targets],
        "tasks": [_task_dict(i) for i in review.tasks],
    }


def _location(item: TargetReview | TaskReview) -> dict[str, Any]:
    evidence = item.evidence
    return {
        "resolution": {"block": item.block, "line": item.line},
        "report": None if evidence is None else {"block": evidence.block, "line": evidence.line},
    }


def _target_dict(item: TargetReview, lang: str) -> dict[str, Any]:
    goal = item.goal
    target = None
    if goal is not None:
        target = {
            "text": goal_text(goal, lang),
            "comparison": goal.op,
            "value": goal.figure.value,
            "total": goal.figure.total,
            "unit": goal.figure.unit,
            "change": goal.figure.change,
        }
    reported = None
    if item.evidence is not None:
        figure = item.reported
        reported = {
            "text": figure.text if figure else None,
            "value": figure.value if figure else None,
            "unit": figure.unit if figure else None,
            "sentence": item.evidence.sentence,
        }
    return {
        "text": item.text,
        "target": target,
        "reported": reported,
        "status": item.status,
        "location": _location(item),
    }


def _task_dict(item: TaskReview) -> dict[str, Any]:
    return {
        "text": item.text,
        "owner": item.owner,
        "deadline": item.deadline,
        "status": item.status,
        "evidence": item.evidence.sentence if item.evidence else None,
        "location": _location(item),
    }
