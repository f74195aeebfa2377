"""``--format text``: the report a person reads in a terminal.

Score and grade first, one line per criterion, the responsibility matrix, then the
findings grouped by criterion, each with its paragraph number, an excerpt, the
points it costs and how to fix it. On a terminal (``color``), the grade, the
severities and the headings are coloured; the words are the same either way.
"""

from __future__ import annotations

import textwrap

from nghiquyet.engine.color import paint
from nghiquyet.engine.criteria import CRITERIA
from nghiquyet.engine.display import escape_controls
from nghiquyet.engine.render import (
    criterion_name,
    error_label,
    grade_label,
    hidden_lines,
    label,
    no_findings_text,
    number,
    owner_kind_name,
    partial_check,
    review_rows_note,
    stage_name,
    task_action,
)
from nghiquyet.engine.rewrite import PLACEHOLDER_RE

SEVERITY = {
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "info": ("gợi ý", "info"),
}
WIDTH = 100
# the colour of each grade (as the JSON writes it) on a terminal
GRADE_STYLE = {"Tốt": "good", "Khá": "fair", "Trung bình": "poor", "Yếu": "bad"}
# responsibility matrix columns; owner with role is long
TASK_W, OWNER_W, KIND_W = 38, 38, 11


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _wrap(text: str, indent: str, then: str | None = None) -> list[str]:
    """``text`` wrapped at ``WIDTH``, its first line after ``indent``, the next after
    ``then`` (``indent`` when not given)."""
    then = indent if then is None else then
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=then) or [indent]


def criteria_lines(doc, lang: str) -> list[str]:
    """A header and one line per criterion: name, score, weight, summary."""
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    name_width = max(len(criterion_name(c.id, lang)) for c in CRITERIA)
    out = [
        f"  {L('Tiêu chí', 'Criterion'):<{name_width}}  {L('Điểm', 'Score'):>5}  {L('Hệ số', 'Wt'):>5}  "
        + L("Tóm tắt", "Summary")
    ]
    for c in doc.criteria:
        score = number(c.score, lang)
        out.append(
            f"  {criterion_name(c.id, lang):<{name_width}}  {score:>5}  {c.weight:>5g}  {c.summary[lang]}"
        )
    return out


def task_lines(doc, lang: str) -> list[str]:
    """The responsibility matrix: paragraph, task, owner, deadline as written."""
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    out = [
        "",
        "  " + L("Phân công nhiệm vụ", "Responsibility matrix") + f" ({len(doc.tasks)})",
        f"  {'§':>4}  {L('Nhiệm vụ', 'Task'):<{TASK_W}}  {L('Người phụ trách', 'Owner'):<{OWNER_W}}  "
        + f"{L('Loại', 'Kind'):<{KIND_W}}  "
        + L("Thời hạn", "Deadline"),
    ]
    for t in doc.tasks:
        owner = (
            t.owner + (f", {t.role}" if t.role else "") if t.owner else L("— chưa có —", "— none —")
        )
        # as the drafter wrote it ("trước ngày 30/4/2026", "hằng tháng"); ISO is in JSON
        deadline = t.deadline_text or t.deadline or L("— chưa có —", "— none —")
        kind = owner_kind_name(t.owner_kind, lang)
        out.append(
            f"  {t.block:>4}  {_cut(task_action(t), TASK_W):<{TASK_W}}  {_cut(owner, OWNER_W):<{OWNER_W}}  "
            f"{kind:<{KIND_W}}  {deadline}"
        )
    note = review_rows_note(doc.tasks, lang)
    if note:
        out += _wrap(note, "  ")
    return out


def finding_lines(doc, lang: str, color: bool = False) -> list[str]:
    """The findings, grouped under their criterion with the points each group costs."""
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    out = ["  " + L("Phát hiện", "Findings") + f" ({len(doc.findings)}):"]
    current = None
    for f in doc.findings:
        if f.criterion != current:
            current = f.criterion
            lost = sum(x.points for x in doc.findings if x.criterion == current)
            out.append("")
            cost = (
                f"−{number(lost, lang)} {L('điểm tiêu chí', 'criterion points')}"
                if lost > 0
                else L("không mất điểm", "no points lost")  # suggestions only
            )
            out.append(
                f"  {paint('■ ' + criterion_name(current, lang), 'heading', color)}  ({cost})"
            )
        sev = paint(SEVERITY[f.severity][0 if lang == "vi" else 1], f.severity, color)
        where = f"{L('đoạn', 'para')} {f.location.block}" if f.location else ""
        out.append(
            f"    {where:<9} {f.rule_id} [{sev}] −{number(f.points, lang)}  {f.message[lang]}"[
                : WIDTH * 3
            ]
        )
        if f.location and f.location.excerpt:
            excerpt = f"«{_cut(f.location.excerpt, WIDTH - 16)}»"
            out.append(f"              {paint(excerpt, 'dim', color)}")
        out.extend(_wrap(f"→ {f.suggestion[lang]}", "              "))
        if f.rewrite:  # the paragraph as it could read, placeholders in brackets
            out.extend(_rewrite_lines(f.rewrite))
    return out


def _rewrite_lines(rewrite: str) -> list[str]:
    """``✎ «rewrite»`` under the fix, wrapped without breaking a placeholder."""
    whole = PLACEHOLDER_RE.sub(lambda m: m.group().replace(" ", "\xa0"), rewrite)
    lines = _wrap(f"✎ «{whole}»", "              ", "                 ")
    return [line.replace("\xa0", " ") for line in lines]


def render_document(doc, lang: str, color: bool = False) -> list[str]:
    """One draft: score line, criteria, responsibility matrix, findings."""
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    out = [paint(f"{doc.path}", "heading", color)]
    if doc.error is not None:
        what = paint(error_label(doc.error, lang).upper(), "error", color)
        out.append(f"  {what}: {doc.error.message[lang]}")
        return out
    score = f"{number(doc.score, lang)}/100 — {grade_label(doc, lang)}"
    out.append(
        f"  {L('Điểm', 'Score')}: {paint(score, GRADE_STYLE.get(doc.grade or '', ''), color)}"
        f"   ({stage_name(doc.stage, lang)}, {doc.words} {L('từ', 'words')})"
    )
    notes = [note[lang] for note in doc.notes]
    partial = partial_check(doc, lang)
    for note in [*notes, partial] if partial else notes:
        out.append(f"  {L('Lưu ý', 'Note')}: {note}")
    out += [f"  {line}" for line in hidden_lines(doc, lang)]
    out += ["", *criteria_lines(doc, lang)]
    if doc.tasks:
        out += task_lines(doc, lang)
    out.append("")
    if not doc.findings:
        return [*out, "  " + no_findings_text(doc, lang)]
    return out + finding_lines(doc, lang, color)


def total_lines(documents, lang: str) -> list[str]:
    """The batch's closing lines: how many files, how many unreadable, the mean
    score; none for a single draft."""
    if len(documents) <= 1:
        return []
    scored = [d for d in documents if d.error is None]
    failed = len(documents) - len(scored)
    return [
        "",
        "─" * 60,
        label(lang, "Tổng cộng", "Total")
        + f": {len(documents)} "
        + label(lang, "tệp", "files")
        + (f", {failed} " + label(lang, "không đọc được", "unreadable") if failed else "")
        + (
            f"; {label(lang, 'điểm trung bình', 'mean score')} {number(sum(d.score for d in scored) / len(scored), lang)}"
            if scored
            else ""
        ),
    ]


def render_text(report, color: bool = False) -> bytes:
    """Every draft in turn, then a total line for a batch, as UTF-8 bytes; coloured
    when ``color`` (the report goes to a terminal)."""
    lang = report.lang
    lines: list[str] = []
    for n, doc in enumerate(report.documents):
        if n:
            lines += ["", "─" * 60, ""]
        lines += render_document(doc, lang, color)
    lines += total_lines(report.documents, lang)
    # drafts and file names may carry ESC, BEL, C1: shown spelled out, never obeyed
    return escape_controls("\n".join(lines) + "\n", keep_colour=color).encode("utf-8")
