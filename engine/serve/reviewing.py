"""The review form: an adopted resolution and its progress report, held against each
other as ``nghiquyet review`` does.

Both files come in one request, which the server's limits already allow (two files,
each within the upload limit). The review runs where uploads are assessed: in a
worker process, within the time limit (:meth:`.workers.PooledEngine.review`), or in
the calling thread for an in-process engine (:meth:`.assessing.Engine.review`); the
files are written under names of ours, in a folder gone before the answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..errors import InputError
from .assessing import in_users_name
from .pages import data_url
from .texts import TEXTS
from .uploads import RequestError, Upload, read_form, upload_from


@dataclass(slots=True)
class Refused:
    """Why the two files could not be reviewed, in the page's language."""

    status: int
    message: str


@dataclass(slots=True)
class ReviewJob:
    """The review form's job for a worker process (:mod:`.workers`): the two uploads
    as written on disk, and the page's language."""

    paths: list[Path]
    resolution: Upload
    report: Upload
    lang: str

    def run(self, engine):
        """The Review, or :class:`Refused`, with the worker's engine."""
        return review_files(engine, self.paths, (self.resolution, self.report), self.lang)


def review_files(engine, paths: list[Path], uploads: tuple[Upload, Upload], lang: str):
    """The Review of a resolution and its report written at ``paths`` (under names of
    ours: the names the browser sent, ``uploads``, are only shown), or :class:`Refused`
    (a file that cannot be read, or that is not what its place asks)."""
    from ..load import load
    from ..review import ReviewError, review_documents

    documents = []
    for path, upload in zip(paths, uploads, strict=True):
        try:
            document = load(path, engine.config, engine.assessor.pm)
        except InputError as exc:
            return Refused(
                422, f"{TEXTS[lang]['unreadable']}: {in_users_name(exc.text(lang), path, upload)}"
            )
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
            routes.check_token(form)
            resolution = await upload_from(form, "resolution", routes.settings, lang)
            report = await upload_from(form, "report", routes.settings, lang)
        if resolution is None or report is None:
            raise RequestError(400, "err_review")
        review = await routes.in_engine(routes.engine.review, resolution, report, lang)
    except RequestError as exc:
        return routes.error_page(exc, lang)
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
