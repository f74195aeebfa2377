"""The review form: an adopted resolution and its progress report, held against each
other as ``nghiquyet review`` does, in a temporary folder gone before the answer.

Both files come in one request, which the server's limits already allow (two files,
each within the upload limit).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..errors import InputError
from .pages import data_url
from .texts import TEXTS
from .uploads import RequestError, Upload, read_form, upload_from


@dataclass(slots=True)
class Refused:
    """Why the two files could not be reviewed, in the page's language."""

    status: int
    message: str


def review_uploads(engine, resolution: Upload, report: Upload, lang: str):
    """The Review of two uploads, or :class:`Refused` (a file that cannot be read, or
    that is not what its place asks). Nothing outlives the call."""
    from ..load import load
    from ..review import ReviewError, review_documents

    with tempfile.TemporaryDirectory(prefix="nghiquyet-web-") as folder:
        documents = []
        for upload in (resolution, report):
            path = Path(folder) / ("1" if upload is resolution else "2") / upload.name
            path.parent.mkdir()
            path.write_bytes(upload.data)
            try:
                document = load(path, engine.config, engine.assessor.pm)
            except InputError as exc:
                # the temporary folder is nobody's business: name the upload alone
                shown = exc.text(lang).replace(str(path.parent) + "/", "").replace(folder, "")
                return Refused(422, f"{TEXTS[lang]['unreadable']}: {shown}")
            document.path = upload.name
            documents.append(document)
        try:
            return review_documents(engine.assessor, *documents)
        except ReviewError as exc:
            return Refused(422, exc.text(lang))


def downloads(review, lang: str, page: str) -> list[dict[str, str]]:
    """The review as HTML, Markdown and JSON, as ``data:`` links."""
    from ..review.render import render_markdown, review_dict

    t = TEXTS[lang]
    data = json.dumps(review_dict(review, lang), ensure_ascii=False, indent=2).encode("utf-8")
    return [
        {
            "key": "html",
            "label": t["dl_html"],
            "filename": "doi-chieu.html",
            "href": data_url(page.encode("utf-8"), "text/html;charset=utf-8"),
        },
        {
            "key": "markdown",
            "label": t["dl_markdown"],
            "filename": "doi-chieu.md",
            "href": data_url(
                render_markdown(review, lang).encode("utf-8"), "text/markdown;charset=utf-8"
            ),
        },
        {
            "key": "json",
            "label": t["dl_json"],
            "filename": "doi-chieu.json",
            "href": data_url(data, "application/json"),
        },
    ]


async def review_page(routes, request: Request) -> Response:
    """``POST /review``: a resolution and its progress report, the review and downloads."""
    from ..review.html import render_html
    from ..review.render import summary_lines

    lang = routes.lang_of(request)
    try:
        async with read_form(request, routes.settings) as form:
            lang = routes.lang_of(request, form)
            resolution = await upload_from(form, "resolution", routes.settings, lang)
            report = await upload_from(form, "report", routes.settings, lang)
        if resolution is None or report is None:
            raise RequestError(400, "err_review")
    except RequestError as exc:
        return routes.error_page(exc, lang)
    try:
        review = await run_in_threadpool(review_uploads, routes.engine, resolution, report, lang)
    except Exception:
        return routes.internal_error_page(lang)
    if isinstance(review, Refused):
        return routes.views.page("index.html", lang, review.status, error=review.message)
    page = await run_in_threadpool(render_html, review, lang)
    return routes.views.page(
        "review.html",
        lang,
        review=review,
        summary=summary_lines(review, lang),
        counts=counts(review, lang),
        report_html=page,
        downloads=downloads(review, lang, page),
    )


def counts(review, lang: str) -> list[dict[str, object]]:
    """A row per status of targets, then of tasks: its name, how many, an id."""
    from ..messages import t as message
    from ..review.render import status_name

    rows = []
    for kind, word in (("targets", "Target"), ("tasks", "Task")):
        for status, value in review.counts(kind).items():
            if status != "total":
                name = status_name(status, lang, task=kind == "tasks")
                label = f"{message(word, lang)}: {name}"
                rows.append({"label": label, "value": value, "id": f"{kind}-{status}"})
    return rows
