"""``--format html``: one self-contained page a committee prints or shares.

Everything is inline (CSS, SVG); the page loads nothing, links nowhere outside itself
and runs no script, so it opens the same from a USB stick, an e-mail attachment or a
file share. A Content-Security-Policy forbids any fetch in case a browser tries one.

Per draft: score and grade, a bar chart of the nine criteria, the five steps of the
procedure as a checklist, the responsibility matrix, and the findings grouped by
criterion. A batch starts with a table of all drafts sorted by score, linked to each
draft's section, and a table of every draft's criterion scores that sorts by any
column (:mod:`.html_matrix`, in CSS: the page still runs no script). Every value comes from the Report; nothing is recomputed: the
checklist (:mod:`.steps`) only classifies the criterion scores and rule results
already there, by the steps that criteria and rules declare.

Built with plain string formatting (no template engine) to keep the dependency list
short; every piece of document text goes through :func:`html.escape`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import TYPE_CHECKING

from nghiquyet.engine.criteria import GRADES, Criterion
from nghiquyet.engine.model import DocumentReport, Report
from nghiquyet.engine.render import (
    NOT_SCORED_CODES,
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
    scored_criteria,
    severity_name,
    stage_name,
)
from nghiquyet.engine.rewrite import placeholder_pieces

from .html_matrix import criteria_matrix, sort_css
from .html_style import CSS
from .steps import STATUS, step_statuses

if TYPE_CHECKING:
    from nghiquyet.engine.rules import Rule

Lang = Callable[[str, str], str]

# Grade floors (80/65/50) reused to colour a score; the class names are CSS hooks.
_BANDS = ("good", "fair", "average", "weak")


def band(score: float | None) -> str:
    """CSS class of a score by the grade floors (Tốt/Khá/Trung bình/Yếu)."""
    if score is None:
        return "none"
    for (floor, _names), name in zip(GRADES, _BANDS, strict=True):
        if score >= floor:
            return name
    return "weak"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def chart(doc: DocumentReport, lang: str, anchor: str = "doc") -> str:
    """Horizontal bars of the nine criterion scores, labelled with name and value."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    left, bar_width, row, top = 250, 360, 28, 24
    height = top + row * len(doc.criteria) + 8
    width = left + bar_width + 70
    title = L("Điểm theo tiêu chí", "Score by criterion")
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}"'
        f' role="img" aria-labelledby="{anchor}-chart-title">',
        f'<title id="{anchor}-chart-title">{_e(title)}</title>',
        '<g class="axis">',
    ]
    for tick in (0, 25, 50, 75, 100):
        x = left + bar_width * tick / 100
        out.append(f'<line class="grid" x1="{x:g}" y1="{top - 6}" x2="{x:g}" y2="{height - 4}"/>')
        out.append(f'<text x="{x:g}" y="{top - 10}" text-anchor="middle">{tick}</text>')
    out.append("</g>")
    for n, c in enumerate(doc.criteria):
        y = top + n * row
        name = criterion_name(c.id, lang)
        value = 0.0 if c.score is None else max(0.0, min(c.score, 100.0))
        shown = number(c.score, lang) if c.score is not None else L("không kiểm tra", "not checked")
        out.append(f'<g class="criterion" data-criterion="{_e(c.id)}">')
        out.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end">{_e(name)}</text>')
        out.append(
            f'<rect class="bar {band(c.score)}" x="{left}" y="{y + 4}"'
            f' width="{bar_width * value / 100:.1f}" height="{row - 10}" rx="2">'
            f"<title>{_e(name)}: {_e(shown)}</title></rect>"
        )
        out.append(
            f'<text class="value" x="{left + bar_width * value / 100 + 6:.1f}" y="{y + 17}">'
            f"{_e(shown)}</text>"
        )
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def checklist(
    doc: DocumentReport, lang: str, criteria: tuple[Criterion, ...], rules: Mapping[str, Rule]
) -> str:
    """The five steps of the guidance as a list of ticks derived from the report."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    by_id = {c.id: c for c in doc.criteria}
    out = ['<ol class="steps">']
    for n, found in enumerate(step_statuses(doc, criteria, rules), start=1):
        glyph, vi, en = STATUS[found.status]
        out.append(
            f'<li class="{found.status}" data-step="{found.step.key}"'
            f' data-status="{found.status}">'
            f'<span class="tick" aria-hidden="true">{glyph}</span>'
            f"<b>{n}. {_e(found.step.name[lang])}</b> — {_e(L(vi, en))}"
        )
        if found.parts:
            out.append("<ul>")
            for cid, part in found.parts:
                g, pvi, pen = STATUS[part]
                crit = by_id.get(cid)
                score = number(crit.score if crit else None, lang)
                out.append(
                    f'<li class="{part}" data-criterion="{_e(cid)}">'
                    f'<span class="tick" aria-hidden="true">{g}</span>'
                    f"{_e(criterion_name(cid, lang))}: {score} — {_e(L(pvi, pen))}</li>"
                )
            out.append("</ul>")
        out.append("</li>")
    out.append("</ol>")
    return "\n".join(out)


def tasks_table(doc: DocumentReport, lang: str) -> str:
    """The responsibility matrix: task, owner, role, deadline (what the text says)."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    if not doc.tasks:
        return (
            "<p class='muted'>" + _e(L("Không tìm thấy nhiệm vụ nào.", "No tasks found.")) + "</p>"
        )
    none = f'<span class="none-cell">{_e(L("chưa có", "none"))}</span>'
    rows = [
        '<table class="tasks"><thead><tr>'
        f'<th class="num">{_e(L("Đoạn", "Para."))}</th><th>{_e(L("Nhiệm vụ", "Task"))}</th>'
        f"<th>{_e(L('Người phụ trách', 'Owner'))}</th><th>{_e(L('Vai trò', 'Role'))}</th>"
        f"<th>{_e(L('Loại', 'Kind'))}</th>"
        f"<th>{_e(L('Thời hạn', 'Deadline'))}</th></tr></thead><tbody>"
    ]
    for t in doc.tasks:
        deadline = t.deadline or t.deadline_text
        rows.append(
            f'<tr><td class="num">{t.block}</td><td>{_e(t.text)}</td>'
            f"<td>{_e(t.owner) if t.owner else none}</td>"
            f"<td>{_e(t.role) if t.role else ''}</td>"
            f"<td>{_e(owner_kind_name(t.owner_kind, lang))}</td>"
            f'<td class="date">{_e(deadline) if deadline else none}</td></tr>'
        )
    rows.append("</tbody></table>")
    note = review_rows_note(doc.tasks, lang)
    if note:
        rows.append(f"<p class='muted'>{_e(note)}</p>")
    return "\n".join(rows)


def findings_html(doc: DocumentReport, lang: str, anchor: str = "doc") -> str:
    """Findings grouped by criterion: paragraph, excerpt, points lost, how to fix."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    if not doc.findings:
        return "<p>" + _e(no_findings_text(doc, lang)) + "</p>"
    order = ["meta", *(c.id for c in doc.criteria)]
    groups: dict[str, list] = {}
    for f in doc.findings:
        groups.setdefault(f.criterion, []).append(f)
    out = []
    for crit in sorted(groups, key=lambda c: order.index(c) if c in order else len(order)):
        items = groups[crit]
        lost = sum(f.points for f in items)
        name = criterion_name(crit, lang) if crit != "meta" else L("Chung", "General")
        cost = (
            f"−{number(lost, lang)} {L('điểm tiêu chí', 'criterion points')}"
            if lost > 0
            else L("không mất điểm", "no points lost")  # suggestions only
        )
        out.append(
            f'<h4 id="{anchor}-{_e(crit)}">{_e(name)} <span class="muted">({_e(cost)})</span></h4>'
        )
        out.append('<ul class="findings">')
        for f in items:
            where = (
                f"{L('Đoạn', 'Para.')} {f.location.block}"
                if f.location
                else L("Toàn văn", "Whole text")
            )
            out.append(
                f'<li class="finding {_e(f.severity)}" data-rule="{_e(f.rule_id)}">'
                f'<div class="meta">{_e(where)} · <b>{_e(f.rule_id)}</b> {_e(f.rule)} · '
                f"{_e(severity_name(f.severity, lang))} · "
                f"−{number(f.points, lang)} {_e(L('điểm', 'points'))}</div>"
                f'<p class="msg">{_e(f.message[lang])}</p>'
            )
            if f.location and f.location.excerpt:
                out.append(f"<blockquote>«{_e(f.location.excerpt)}»</blockquote>")
            out.append(
                f'<p class="fix"><b>{_e(L("Cách sửa", "Fix"))}:</b> {_e(f.suggestion[lang])}</p>'
            )
            if f.rewrite:
                out.append(rewrite_html(f.rewrite, lang))
            out.append("</li>")
        out.append("</ul>")
    return "\n".join(out)


def rewrite_html(rewrite: str, lang: str) -> str:
    """The paragraph as it could read, its placeholders marked: ``<p class="rewrite">``."""
    marked = "".join(
        f"<mark>{_e(text)}</mark>" if placeholder else _e(text)
        for text, placeholder in placeholder_pieces(rewrite)
    )
    title = _e(label(lang, "Viết lại", "Rewrite"))
    return f'<p class="rewrite"><b>✎ {title}:</b> «{marked}»</p>'


def _scorebox(doc: DocumentReport, lang: str) -> str:
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    return (
        '<div class="scorebox">'
        f'<div class="score">{number(doc.score, lang)}<small>/100</small></div>'
        f'<div><span class="grade {band(doc.score)}">{_e(grade_label(doc, lang))}</span>'
        f'<div class="sub">{_e(stage_name(doc.stage, lang))} · '
        f"{doc.words} {_e(L('từ', 'words'))} · "
        f"{len(doc.findings)} {_e(L('phát hiện', 'findings'))}</div></div></div>"
    )


def criteria_table(doc: DocumentReport, lang: str) -> str:
    """Each criterion's score, weight and one-line summary."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    out = [
        '<table class="criteria"><thead><tr>'
        f"<th>{_e(L('Tiêu chí', 'Criterion'))}</th><th class='num'>{_e(L('Điểm', 'Score'))}</th>"
        f"<th class='num'>{_e(L('Hệ số', 'Weight'))}</th><th>{_e(L('Tóm tắt', 'Summary'))}</th>"
        "</tr></thead><tbody>"
    ]
    for c in doc.criteria:
        out.append(
            f"<tr><td>{_e(criterion_name(c.id, lang))}</td>"
            f"<td class='num'>{number(c.score, lang)}</td>"
            f"<td class='num'>{c.weight:g}</td><td>{_e(c.summary[lang])}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _steps_intro(lang: str) -> str:
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    return (
        "<p class='muted'>"
        + _e(
            L(
                "Dấu tích cho biết văn bản đã thể hiện bước đó đến đâu, suy từ điểm các tiêu chí "
                "ở trên (đạt: từ 80 điểm, không có lỗi; chưa đủ: từ 50 điểm).",
                "Ticks show how far the text records each step, read from the criterion "
                "scores above (done: 80 or more and no error; incomplete: 50 or more).",
            )
        )
        + "</p>"
    )


def _error_title(error, lang: str) -> str:
    if error.code in NOT_SCORED_CODES:
        return error_label(error, lang, capital=True)
    return label(lang, "Không đọc được tệp", "Unreadable file")


def document_section(
    doc: DocumentReport,
    anchor: str,
    lang: str,
    criteria: tuple[Criterion, ...],
    rules: Mapping[str, Rule],
) -> str:
    """One draft's section of the page."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    out = [f'<section class="document" id="{anchor}">', f"<h2>{_e(doc.path)}</h2>"]
    if doc.error is not None:
        out.append(
            f'<p class="unreadable"><b>{_e(_error_title(doc.error, lang))}</b> '
            f"({_e(doc.error.code)}): {_e(doc.error.message[lang])}</p></section>"
        )
        return "\n".join(out)
    out.append(_scorebox(doc, lang))
    partial = partial_check(doc, lang)
    for note in [*(n[lang] for n in doc.notes), *([partial] if partial else [])]:
        out.append(f'<p class="note"><b>{_e(L("Lưu ý", "Note"))}:</b> {_e(note)}</p>')
    for line in hidden_lines(doc, lang):
        out.append(f'<p class="note hidden-findings">{_e(line)}</p>')
    out += [
        f"<h3>{_e(L('Điểm theo tiêu chí', 'Score by criterion'))}</h3>",
        chart(doc, lang, anchor),
        criteria_table(doc, lang),
        f"<h3>{_e(L('Các bước xây dựng nghị quyết', 'The five steps'))}</h3>",
        _steps_intro(lang),
        checklist(doc, lang, criteria, rules),
        f"<h3>{_e(L('Phân công nhiệm vụ', 'Responsibility matrix'))} ({len(doc.tasks)})</h3>",
        tasks_table(doc, lang),
        f"<h3>{_e(L('Phát hiện và cách sửa', 'Findings and fixes'))} ({len(doc.findings)})</h3>",
        findings_html(doc, lang, anchor),
        "</section>",
    ]
    return "\n".join(out)


def summary_table(docs: list[tuple[str, DocumentReport]], lang: str) -> str:
    """The batch table: drafts by score (best first), unreadable files last."""
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    scored = sorted(
        (p for p in docs if p[1].error is None), key=lambda p: (-(p[1].score or 0), p[1].path)
    )
    failed = [p for p in docs if p[1].error is not None]
    out = [
        '<table class="summary"><thead><tr>'
        f"<th class='num'>#</th><th>{_e(L('Dự thảo', 'Draft'))}</th>"
        f"<th class='num'>{_e(L('Điểm', 'Score'))}</th><th>{_e(L('Xếp loại', 'Grade'))}</th>"
        f"<th>{_e(L('Giai đoạn', 'Stage'))}</th>"
        f"<th class='num'>{_e(L('Lỗi', 'Errors'))}</th>"
        f"<th class='num'>{_e(L('Phát hiện', 'Findings'))}</th></tr></thead><tbody>"
    ]
    for rank, (anchor, d) in enumerate(scored, start=1):
        errors = sum(1 for f in d.findings if f.severity == "error")
        partial = L("chấm một phần", "partial check") if scored_criteria(d) is not None else ""
        out.append(
            f"<tr><td class='num'>{rank}</td><td><a href=\"#{anchor}\">{_e(d.path)}</a>"
            + (f" <small class='muted'>({_e(partial)})</small>" if partial else "")
            + "</td>"
            f"<td class='num'>{number(d.score, lang)}</td>"
            f'<td><span class="grade {band(d.score)}">{_e(grade_label(d, lang))}</span></td>'
            f"<td>{_e(stage_name(d.stage, lang))}</td>"
            f"<td class='num'>{errors}</td><td class='num'>{len(d.findings)}</td></tr>"
        )
    for anchor, d in failed:
        out.append(
            f'<tr class="error-row"><td class="num">—</td>'
            f'<td><a href="#{anchor}">{_e(d.path)}</a></td>'
            f'<td colspan="5">{_e(L("Không đọc được", "Unreadable"))}: '
            f"{_e(d.error.message[lang])}</td></tr>"
        )
    out.append("</tbody></table>")
    if scored:
        mean = sum(d.score for _a, d in scored) / len(scored)
        out.append(
            f"<p class='muted'>{len(docs)} {_e(L('tệp', 'files'))}; "
            f"{_e(L('điểm trung bình', 'mean score'))} {number(mean, lang)}"
            + (f"; {len(failed)} {_e(L('không đọc được', 'unreadable'))}" if failed else "")
            + "</p>"
        )
    return "\n".join(out)


def _head(report: Report, title: str, css: str = CSS) -> list[str]:
    return [
        "<!DOCTYPE html>",
        f'<html lang="{_e(report.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may be fetched: the page is meant to be shared offline as one file.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        '<link rel="icon" href="data:,">',
        f'<meta name="generator" content="nghiquyet {_e(report.tool_version)}">',
        f"<title>{_e(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
    ]


def _footer(lang: str) -> str:
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    return (
        "<footer><p>"
        + _e(
            L(
                "Điểm và phát hiện do công cụ tự động đưa ra để hỗ trợ chi ủy rà soát; "
                "không thay thế việc thảo luận và biểu quyết của chi bộ.",
                "Scores and findings are automatic aids for the committee's review; "
                "they do not replace the cell's discussion and vote.",
            )
        )
        + "</p></footer>"
    )


def page_start(report: Report, docs: list[tuple[str, DocumentReport]]) -> list[str]:
    """The lines of the page before the drafts' sections: the head, the header and,
    for a batch, the summary and the drafts × criteria table. ``docs`` are the drafts
    with their anchors; only their scores, grades, stages, errors and the severity
    of each finding are read, so a batch may give compact copies
    (:func:`nghiquyet.engine.report_stream.compact`)."""
    lang = report.lang
    L: Lang = lambda vi, en: label(lang, vi, en)  # noqa: E731
    title = L(
        "Báo cáo đánh giá dự thảo nghị quyết chuyên đề", "Assessment of draft thematic resolutions"
    )
    # a batch's drafts × criteria table sorts by CSS (html_matrix): its rules join the style
    css = CSS + sort_css() if len(docs) > 1 else CSS
    out = _head(report, title if len(docs) != 1 else f"{docs[0][1].path} — {title}", css)
    out += [
        "<body>",
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f"<p class='sub'>nghiquyet {_e(report.tool_version)} · "
        + _e(
            L(
                "Đối chiếu với Hướng dẫn 12-HD/BTCTW, 42-HD/BTCTW và 36-HD/VPTW",
                "Checked against guidance 12-HD/BTCTW, 42-HD/BTCTW and 36-HD/VPTW",
            )
        )
        + "</p>",
        "</header>",
        "<main>",
    ]
    if len(docs) > 1:
        out.append(f"<h2 id='summary'>{_e(L('Tổng hợp các dự thảo', 'Summary of drafts'))}</h2>")
        out.append(summary_table(docs, lang))
        by_criterion = L("Điểm từng tiêu chí", "Scores by criterion")
        out.append(f"<h3 id='by-criterion'>{_e(by_criterion)}</h3>")
        out.append(criteria_matrix(docs, lang))
    if not docs:
        out.append("<p>" + _e(L("Không có dự thảo nào.", "No drafts.")) + "</p>")
    return out


def back_link(lang: str) -> str:
    """The line after each draft's section of a batch page."""
    back = _e(label(lang, "Về bảng tổng hợp", "Back to summary"))
    return f'<p class="muted"><a href="#summary">↑ {back}</a></p>'


def page_end(lang: str) -> list[str]:
    """The lines of the page after the drafts' sections."""
    return ["</main>", _footer(lang), "</body>", "</html>"]


def render_html(
    report: Report, rules: Mapping[str, Rule], criteria: tuple[Criterion, ...]
) -> bytes:
    """The whole page as UTF-8 bytes. ``rules`` and ``criteria`` say which step of the
    guidance each result belongs to (the checklist)."""
    lang = report.lang
    docs = [(f"doc-{n}", d) for n, d in enumerate(report.documents, start=1)]
    out = page_start(report, docs)
    for anchor, d in docs:
        out.append(document_section(d, anchor, lang, criteria, rules))
        if len(docs) > 1:
            out.append(back_link(lang))
    out += page_end(lang)
    return ("\n".join(out) + "\n").encode("utf-8")
