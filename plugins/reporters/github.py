"""``--format github``: GitHub Actions workflow commands that annotate the draft.

    ::error file=drafts/a.md,line=31,title=NQ601 task-without-owner::message%0A→ fix

error-level findings become ``::error``, warnings ``::warning``, hints ``::notice``;
each draft's score is one ``::notice``; an unreadable file is an ``::error`` without
a line. Values are escaped as the Actions runner expects: ``%``, CR and LF in the
message; also ``:`` and ``,`` in properties (file, title).
"""

from __future__ import annotations

from nghiquyet.engine import hookimpl
from nghiquyet.engine.model import Report
from nghiquyet.engine.render import grade_label, label, number, relative_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    """One workflow command line; properties with a None value are left out."""
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + given if given else ''}::{escape_data(message)}"


def render_github(report: Report) -> bytes:
    """All annotations, one per line, as UTF-8 bytes."""
    lang = report.lang
    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    lines = []
    for doc in report.documents:
        path = relative_path(doc.path)
        if doc.error is not None:
            lines.append(
                command(
                    "error",
                    doc.error.message[lang],
                    file=path,
                    title=f"nghiquyet {doc.error.code}",
                )
            )
            continue
        lines.append(
            command(
                "notice",
                f"{L('Điểm', 'Score')} {number(doc.score, lang)}/100 — {grade_label(doc, lang)}"
                f" ({len(doc.findings)} {L('phát hiện', 'findings')})",
                file=path,
                title=f"nghiquyet {L('điểm', 'score')}",
            )
        )
        for f in doc.findings:
            lines.append(
                command(
                    COMMANDS.get(f.severity, "warning"),
                    f"{f.message[lang]}\n→ {f.suggestion[lang]}",
                    file=path,
                    line=max(f.location.line or f.location.block, 1) if f.location else None,
                    title=f"{f.rule_id} {f.rule}",
                )
            )
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


@hookimpl
def register_reporters(register):
    """Register the GitHub Actions annotation reporter."""
    register("github", render_github, ".txt")
