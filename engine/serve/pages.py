"""Rendering: the page templates, the embedded report and its downloads.

A page is a Jinja template (``engine/templates``) given the texts of its language.
The report inside it is what the ``html`` reporter renders for ``--format html``;
the downloads are ``data:`` links, so the server keeps nothing for a later request.
"""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path
from typing import Any

from starlette.responses import HTMLResponse

from .. import __version__
from ..load import either, shown_suffixes, suffixes_of
from ..model import DocumentReport, Report
from .assessing import Assessed
from .guard import new_token
from .settings import Settings
from .texts import TEXTS

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _jinja():
    """The Jinja environment of the page templates (autoescaped)."""
    import jinja2

    from ..render import number

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(("html",)),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = number  # {{ score|number(lang) }}: "67,8" in Vietnamese
    return env


def data_url(data: bytes, mime: str) -> str:
    """A ``data:`` link, so a download needs nothing kept on the server."""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def report_of(docs: list[DocumentReport], lang: str) -> Report:
    """A Report of these documents, as reporters take it."""
    return Report(documents=docs, lang=lang, tool_version=__version__)


def json_bytes(docs: list[DocumentReport], lang: str) -> bytes:
    """The JSON contract (schema version 1) of these documents."""
    from ..render import report_dict

    return json.dumps(report_dict(report_of(docs, lang)), ensure_ascii=False, indent=2).encode(
        "utf-8"
    )


class Views:
    """Renders pages; holds the Jinja environment and what reporters are given."""

    def __init__(self, settings: Settings, assessor):
        self.settings = settings
        self.assessor = assessor
        self.env = _jinja()
        # the forms' token of this server run (see .guard)
        self.token = new_token()

    def reporters(self) -> dict:
        # Looked up per page: cheap, and a reporter plugin that lands later is used.
        from ..render import get_reporters

        return get_reporters(self.assessor.pm)

    def render(self, reporter, doc: DocumentReport, lang: str) -> bytes:
        """One draft's report in ``reporter``'s format, given the server's rules and config."""
        return reporter.render(
            report_of([doc], lang), rules=self.assessor.ruleset.rules, config=self.assessor.config
        )

    def report_html(self, doc: DocumentReport, lang: str) -> str:
        """The report as the ``html`` reporter renders it (the same as ``--format html``);
        a plain built-in page when no such reporter is registered."""
        reporter = self.reporters().get("html")
        if reporter is not None:
            return self.render(reporter, doc, lang).decode("utf-8")
        return self.env.get_template("report_fallback.html").render(
            doc=doc, lang=lang, t=TEXTS[lang], labels=labels(doc, lang), version=__version__
        )

    def page(self, name: str, lang: str, status: int = 200, **context) -> HTMLResponse:
        nonce = secrets.token_urlsafe(12)
        html = self.env.get_template(name).render(
            t=TEXTS[lang],
            lang=lang,
            other_lang="en" if lang == "vi" else "vi",
            max_mb=f"{self.settings.max_upload_mb:g}",
            accept=",".join(suffixes_of(self.settings.formats)),
            kinds=either(shown_suffixes(self.settings.formats), lang),
            host=self.settings.host,
            nonce=nonce,
            token=self.token,
            version=__version__,
            **context,
        )
        return HTMLResponse(html, status_code=status, headers=security_headers(nonce))

    def downloads(self, item: Assessed, lang: str, report_html: str) -> list[dict[str, str]]:
        """The download links of one assessed draft, as ``data:`` URLs."""
        stem = Path(item.upload.name).stem or "du-thao"
        t = TEXTS[lang]
        links = []
        if item.annotated is not None:
            links.append(
                {
                    "key": "annotated",
                    "label": t["dl_annotated"],
                    "note": t["dl_annotated_note"],
                    "filename": f"{stem}.nhan-xet.docx",
                    "href": data_url(item.annotated, DOCX_TYPE),
                }
            )
        links.append(
            {
                "key": "html",
                "label": t["dl_html"],
                "filename": f"{stem}.bao-cao.html",
                "href": data_url(report_html.encode("utf-8"), "text/html;charset=utf-8"),
            }
        )
        markdown = self.reporters().get("markdown")
        if markdown is not None:
            links.append(
                {
                    "key": "markdown",
                    "label": t["dl_markdown"],
                    "filename": f"{stem}.bao-cao.md",
                    "href": data_url(
                        self.render(markdown, item.report, lang), "text/markdown;charset=utf-8"
                    ),
                }
            )
        links.append(
            {
                "key": "json",
                "label": t["dl_json"],
                "filename": f"{stem}.bao-cao.json",
                "href": data_url(json_bytes([item.report], lang), "application/json"),
            }
        )
        return links + task_downloads(item.report, stem, lang)


def task_downloads(doc: DocumentReport, stem: str, lang: str) -> list[dict[str, str]]:
    """The draft's tasks as a calendar and a workbook (as `nghiquyet tasks` writes
    them, overdue as of today); none when it has no task."""
    from datetime import date

    from ..matrix import document_rows
    from ..matrix_formats import TASK_FORMATS

    rows = document_rows(doc, date.today()) if doc.error is None else []
    if not rows:
        return []
    t = TEXTS[lang]
    kinds = (
        ("ics", "dl_ics", "lich-nhiem-vu.ics", "text/calendar;charset=utf-8"),
        ("xlsx", "dl_tasks_xlsx", "phan-cong.xlsx", XLSX_TYPE),
    )
    return [
        {
            "key": f"tasks-{fmt}",
            "label": t[text],
            "filename": f"{stem}.{name}",
            "href": data_url(TASK_FORMATS[fmt].function(rows, lang, False, date.today()), mime),
        }
        for fmt, text, name, mime in kinds
    ]


def labels(doc: DocumentReport, lang: str) -> dict[str, Any]:
    """Names the templates show next to values read from the report."""
    from ..render import criterion_name, grade_label

    if doc.error is not None:
        return {"grade": "", "criteria": {}}
    return {
        "grade": grade_label(doc, lang),
        "criteria": {c.id: criterion_name(c.id, lang) for c in doc.criteria},
    }


def security_headers(nonce: str) -> dict[str, str]:
    """The headers of every page: a strict Content-Security-Policy, no caching."""
    # Nothing is fetched from anywhere: inline styles, our own nonce'd script, data: images.
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'nonce-{nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    return {
        "Content-Security-Policy": csp,
        "Cache-Control": "no-store",
        # not no-referrer: under it a browser sends "Origin: null" with the page's own
        # forms, which .guard must refuse (other sites send that to hide themselves)
        "Referrer-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
    }


def band(score: float | None) -> str:
    """A CSS class for a score, by the grade floors."""
    if score is None:
        return "weak"
    return (
        "good" if score >= 80 else "fair" if score >= 65 else "average" if score >= 50 else "weak"
    )


def compare_rows(old: DocumentReport, new: DocumentReport) -> dict[str, Any]:
    """Both scores, the change per criterion, and the findings fixed and new, as
    :mod:`nghiquyet.engine.compare` (``nghiquyet compare``) matches them."""
    from ..compare import compare

    cmp = compare(old, new)
    deltas = cmp.criteria_delta()
    old_by = {c.id: c.score for c in old.criteria}
    rows = [
        {"id": c.id, "old": old_by.get(c.id), "new": c.score, "delta": deltas.get(c.id)}
        for c in new.criteria
    ]
    return {"rows": rows, "delta": cmp.score_delta, "fixed": cmp.fixed, "added": cmp.new}
