"""Step 5: reporters turn a finished Report into bytes. They never recompute.

Reporters come from the ``register_reporters`` hook; this module keeps the registry
and the small helpers every reporter shares (labels in both languages, JSON shape).

A reporter function declares what it needs by the names of its parameters, and
:meth:`Reporter.render` passes exactly those (as datasette does for its output
renderers): ``report``, ``rules``, ``criteria``, ``config``, ``color``. So a reporter never
looks anything up on its own, and one written as ``render(report)`` keeps working.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .criteria import BY_ID, CRITERIA, Criterion, grade_name
from .errors import ConfigError
from .model import DocumentReport, Finding, Report, Task

if TYPE_CHECKING:
    from .config import Config
    from .rules import Rule

SCHEMA_VERSION = 1

# What a reporter may ask for, by parameter name (documented in the hookspec).
REPORTER_ARGUMENTS = ("report", "rules", "criteria", "config", "color")


@dataclass(frozen=True, slots=True)
class Reporter:
    """One output format: its name, the function that renders it, a file extension,
    and whether its bytes are binary (a workbook), never written to a terminal.
    ``stream``, when the format has one, writes the same bytes a draft at a time
    (:mod:`.report_stream`), so a batch need not hold every report. Either may be
    named as ``"package.module:name"``, imported when the format is first used."""

    name: str
    function: Callable[..., bytes] | str
    extension: str
    binary: bool = False
    stream: Callable[..., Any] | str | None = None

    def renderer(self) -> Callable[..., bytes]:
        """The function that renders this format (imported if it was named)."""
        return _imported(self.name, self.function)

    def stream_class(self) -> Callable[..., Any] | None:
        """What writes this format a draft at a time, if anything (imported if named)."""
        return None if self.stream is None else _imported(self.name, self.stream)

    def render(
        self,
        report: Report,
        *,
        rules: Mapping[str, Rule],
        config: Config,
        criteria: tuple[Criterion, ...] = CRITERIA,
        color: bool = False,
    ) -> bytes:
        """Render ``report``, passing the function the arguments it names.

        ``rules`` are the run's loaded rules by id (built-in, plugins' and the config's
        packs) and ``config`` its resolved Config; ``criteria`` the nine criteria;
        ``color`` whether the bytes go to a terminal that shows colour.
        """
        available = {
            "report": report,
            "rules": rules,
            "criteria": criteria,
            "config": config,
            "color": color,
        }
        function = self.renderer()
        return function(**call_arguments(self.name, function, available))


def _imported(name: str, target: Callable[..., Any] | str) -> Callable[..., Any]:
    """``target`` itself, or the object a ``"package.module:name"`` text names."""
    if not isinstance(target, str):
        return target
    module, _, attribute = target.partition(":")
    try:
        return getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError, ValueError) as exc:
        raise ConfigError(
            "reporter {name} names {target}, which cannot be imported: {reason}",
            name=repr(name),
            target=repr(target),
            reason=str(exc),
        ) from None


def call_arguments(name: str, function: Callable, available: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments to call reporter ``function`` with: each parameter it
    declares gets the value of that name. A first parameter with another name gets the
    report, so that ``lambda r: ...`` written for the older one-argument convention
    still works; any other unknown parameter without a default is an error."""
    parameters = list(inspect.signature(function).parameters.values())
    if any(p.kind is p.VAR_KEYWORD for p in parameters):
        return dict(available)
    chosen: dict[str, Any] = {}
    for n, parameter in enumerate(parameters):
        if parameter.name in available:
            chosen[parameter.name] = available[parameter.name]
        elif n == 0 and "report" not in (p.name for p in parameters):
            chosen[parameter.name] = available["report"]
        elif (
            parameter.default is parameter.empty and parameter.kind is not parameter.VAR_POSITIONAL
        ):
            raise ConfigError(
                "reporter {name} asks for {parameter}; a reporter may ask for {known}",
                name=repr(name),
                parameter=repr(parameter.name),
                known=", ".join(REPORTER_ARGUMENTS),
            )
    return chosen


def get_reporters(pm) -> dict[str, Reporter]:
    """Every reporter that plugins registered, by name. Hooks run the plugins
    registered last first, so a plugin's format wins over a built-in of the same name."""
    found: dict[str, Reporter] = {}

    def register(
        name: str,
        function: Callable[..., bytes] | str,
        extension: str = "",
        binary: bool = False,
        stream: Callable[..., Any] | str | None = None,
    ) -> None:
        found.setdefault(name, Reporter(name, function, extension, binary, stream))

    pm.hook.register_reporters(register=register)
    return found


def criterion_name(crit: str, lang: str) -> str:
    return BY_ID[crit].name[lang] if crit in BY_ID else crit


def label(lang: str, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


# What a task's owner is, as the matrix names it
OWNER_KINDS = {
    "person": ("cá nhân", "person"),
    "role": ("chức danh", "post"),
    "body": ("tập thể", "body"),
    "collective": ("chung chung", "collective"),
}


def owner_kind_name(kind: str | None, lang: str) -> str:
    """``person`` → "cá nhân" / "person"; nothing when there is no owner."""
    if kind not in OWNER_KINDS:
        return ""
    vi, en = OWNER_KINDS[kind]
    return label(lang, vi, en)


_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–•+]|[a-zđ][.)])\s*")


def review_rows_note(tasks: list[Task], lang: str) -> str | None:
    """Why the matrix has more rows than the assignments criterion counts: which rows
    are the review plan, judged by the follow-up criterion instead. None without one."""
    blocks = [str(t.block) for t in tasks if t.review]
    if not blocks:
        return None
    follow_up, assignments = criterion_name("follow_up", lang), criterion_name("assignments", lang)
    if lang == "vi":
        return (
            f"Đoạn {', '.join(blocks)} là kế hoạch kiểm tra, giám sát: được chấm ở tiêu chí "
            f"«{follow_up}», không tính vào «{assignments}»."
        )
    many = len(blocks) > 1
    return (
        f"{'Paragraphs' if many else 'Paragraph'} {', '.join(blocks)} "
        f"{'are' if many else 'is'} the review plan: judged under “{follow_up}”, "
        f"not counted under “{assignments}”."
    )


def task_action(task: Task) -> str:
    """What a task asks, without its numbering and the owner shown beside it: the
    text report's matrix column and a calendar event's summary."""
    text = _NUMBERING.sub("", task.text)
    owner = task.owner or ""
    body = owner.split(" (", 1)[0]
    if " (" in owner and text.startswith(body + " (") and ")" in text:
        # "Chi hội Phụ nữ thôn (đồng chí Nguyễn Thị Mai, chi hội trưởng) tổ chức ..."
        text = text[text.index(")") + 1 :].lstrip(" ,:;–-")
    for part in (task.owner, task.role):
        if part and text.startswith(part):
            text = text[len(part) :].lstrip(" ,:;–-")
    return text or task.text


# Errors that are a verdict on the text, not a failure to read the file
NOT_SCORED_CODES = ("not_a_resolution", "no_diacritics")


def error_label(error, lang: str, capital: bool = False) -> str:
    """What to call a document with ``error``: not scored (it is not a thematic
    resolution) or unreadable."""
    if error.code in NOT_SCORED_CODES:
        vi, en = "không chấm", "not scored"
    else:
        vi, en = "không đọc được", "unreadable"
    text = label(lang, vi, en)
    return text[:1].upper() + text[1:] if capital else text


def number(value: float | None, lang: str, *, signed: bool = False) -> str:
    """A score or a point count for people: one decimal, with the decimal comma
    Vietnamese writes ("67,8") or the English point ("67.8"); "—" when absent.
    Machine formats (JSON, SARIF properties, JUnit attributes) keep plain numbers."""
    if value is None:
        return "—"
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    return text.replace(".", ",") if lang == "vi" else text


SEVERITY_NAMES = {
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "info": ("gợi ý", "info"),
}


def severity_name(severity: str, lang: str) -> str:
    """The user-facing name of a finding's severity (error, warning, info)."""
    vi, en = SEVERITY_NAMES.get(severity, (severity, severity))
    return label(lang, vi, en)


def relative_path(path: str) -> str:
    """``path`` relative to the working directory when it lies below it, with ``/``.

    CI formats (SARIF, GitHub annotations) need paths relative to the repository root,
    which is where CI runs the tool.
    """
    from pathlib import Path

    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p.as_posix()
    return p.as_posix()


def stage_name(stage: str | None, lang: str) -> str:
    names = {"draft": ("Dự thảo", "Draft"), "adopted": ("Đã thông qua", "Adopted")}
    vi, en = names.get(stage or "", (stage or "", stage or ""))
    return label(lang, vi, en)


def scored_criteria(doc: DocumentReport) -> list[str] | None:
    """The ids of the criteria a partial check scored, when ``--select``/``--ignore``
    left some without a rule (the overall score is over these only); None when every
    criterion was scored."""
    ids = [c.id for c in doc.criteria if c.score is not None]
    return ids if doc.error is None and len(ids) < len(doc.criteria) else None


def partial_check(doc: DocumentReport, lang: str) -> str | None:
    """A partial check said in words, with the criteria it scored: "chấm một phần, điểm
    tính trên 2/9 tiêu chí: ..." ("partial check, ..."); None for a full check."""
    ids = scored_criteria(doc)
    if ids is None:
        return None
    names = ", ".join(criterion_name(c, lang) for c in ids) or "—"
    vi = f"chấm một phần, điểm tính trên {len(ids)}/{len(doc.criteria)} tiêu chí: {names}"
    en = f"partial check, the score covers {len(ids)}/{len(doc.criteria)} criteria: {names}"
    return label(lang, vi, en)


def finding_dict(f: Finding, lang: str) -> dict[str, Any]:
    """One finding in the JSON contract; ``rewrite`` (additive) only when it has one."""
    out = {
        "rule_id": f.rule_id,
        "rule": f.rule,
        "criterion": f.criterion,
        "severity": f.severity,
        "message": f.message[lang],
        "suggestion": f.suggestion[lang],
        "location": (
            {"block": f.location.block, "line": f.location.line, "excerpt": f.location.excerpt}
            if f.location
            else None
        ),
        "points": f.points,
        "overall_points": f.overall_points,
    }
    if f.rewrite is not None:
        out["rewrite"] = f.rewrite
    return out


def task_dict(t: Task) -> dict[str, Any]:
    return {
        "text": t.text,
        "owner": t.owner,
        "owner_kind": t.owner_kind,
        "role": t.role,
        "deadline": t.deadline,
        "deadline_text": t.deadline_text,
        "block": t.block,
        "review": t.review,
    }


def document_dict(doc: DocumentReport, lang: str) -> dict[str, Any]:
    """One document in the JSON contract (schema version 1)."""
    partial = scored_criteria(doc)
    if doc.error is not None:
        return {
            "path": doc.path,
            "stage": None,
            "score": None,
            "grade": None,
            "criteria": [],
            "findings": [],
            "tasks": [],
            "error": {"code": doc.error.code, "message": doc.error.message[lang]},
        }
    out = {
        "path": doc.path,
        "stage": doc.stage,
        "score": doc.score,
        "grade": doc.grade,
        "criteria": [
            {"id": c.id, "score": c.score, "weight": c.weight, "summary": c.summary[lang]}
            for c in doc.criteria
        ],
        # additive: only a partial check (--select/--ignore) names what it scored
        **({"scored_criteria": partial} if partial is not None else {}),
        "findings": [finding_dict(f, lang) for f in doc.findings],
        "tasks": [task_dict(t) for t in doc.tasks],
        "notes": [n[lang] for n in doc.notes],
        "error": None,
    }
    # additive (schema version 1): "suppressed" when comments in the draft accepted
    # findings, "baselined" whenever a baseline was applied
    if doc.suppressed:
        out["suppressed"] = [finding_dict(f, lang) for f in doc.suppressed]
    if doc.baselined is not None:
        out["baselined"] = doc.baselined
    return out


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "nghiquyet", "version": report.tool_version},
        "documents": [document_dict(d, report.lang) for d in report.documents],
    }


def hidden_lines(doc: DocumentReport, lang: str) -> list[str]:
    """One short line each for the findings the draft's own comments accepted
    (with rule and paragraph) and for those a baseline hid (a count); none when
    nothing was hidden."""
    out = []
    if doc.suppressed:
        where = label(lang, "đoạn", "para.")
        listed = ", ".join(
            f"{f.rule_id} ({where} {f.location.block})" if f.location else f.rule_id
            for f in doc.suppressed
        )
        out.append(
            label(lang, "Bỏ qua theo ghi chú trong dự thảo", "Suppressed in the draft")
            + f" ({len(doc.suppressed)}): {listed}"
        )
    if doc.baselined:
        out.append(
            label(
                lang,
                f"Đường cơ sở (baseline) ẩn {doc.baselined} phát hiện đã có từ trước; "
                "điểm vẫn tính trên toàn bộ dự thảo.",
                f"The baseline hid {doc.baselined} known findings; "
                "the score is still the whole draft's.",
            )
        )
    return out


def no_findings_text(doc: DocumentReport, lang: str, short: bool = False) -> str:
    """What to say when no finding is shown: nothing new when some were hidden
    (suppressed, or known to the baseline), else that the draft meets the criteria."""
    if doc.suppressed or doc.baselined:
        return label(lang, "Không có phát hiện mới.", "No new findings.")
    if short:
        return label(lang, "Không có phát hiện nào.", "No findings.")
    return label(
        lang,
        "Không có phát hiện nào. Dự thảo đáp ứng các tiêu chí.",
        "No findings. The draft meets the criteria.",
    )


def grade_label(doc: DocumentReport, lang: str) -> str:
    return grade_name(doc.grade or "", lang)
