"""The application: its routes, what each answers, and the server that runs it.

Every route reads its form through :func:`.uploads.read_form`, so the limits hold
for all of them. Assessing runs in worker processes (:mod:`.workers`) with a time
limit; rendering runs in Starlette's threadpool, so the event loop keeps accepting
uploads meanwhile. Every request passes :mod:`.guard` first (its own address, its own
origin, its own forms' token).

Errors follow one contract: the pages answer with the start page and the message in
a red box, ``/api/assess`` with the JSON report whose ``documents[0].error`` holds
``code`` and ``message``; the HTTP status says the class (400, 403, 404, 408, 413,
415, 422, 500, 503 with ``Retry-After`` when busy).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import socket
import threading
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..load import document_formats
from ..model import DocumentError, DocumentReport
from . import guard
from .assessing import Assessed, Engine
from .pages import DOCX_TYPE, Views, band, compare_rows, json_bytes, labels
from .reviewing import review_page
from .settings import DEFAULT_PORT, LANGS, STAGES, Settings
from .texts import TEXTS
from .uploads import ClientGone, RequestError, Upload, choice, read_form, upload_from
from .workers import Busy, PooledEngine, TimedOut

# uvicorn's own logger: one line on the console the server was started from
log = logging.getLogger("uvicorn.error")


class Routes:
    """The handlers of the application, sharing its settings, engine and views."""

    def __init__(self, settings: Settings, engine):
        self.settings = settings
        self.engine = engine
        self.views = Views(settings, engine.assessor)

    def lang_of(self, request: Request, form=None) -> str:
        """The page language: the form's, else the query's, else the server's."""
        value = (form.get("lang") if form is not None else None) or request.query_params.get("lang")
        return choice(value, LANGS, self.settings.lang)

    def stage_of(self, form) -> str:
        """The stage to judge the upload as: the form's, else the config's."""
        return choice(form.get("stage"), STAGES, self.settings.config.stage)

    def check_token(self, form) -> None:
        """A form of the page carries this run's token; refuse one that does not."""
        if not guard.token_matches(form, self.views.token):
            raise RequestError(403, "err_token", code="forbidden")

    def error_page(self, exc: RequestError, lang: str) -> HTMLResponse:
        """The start page again, with what went wrong."""
        page = self.views.page("index.html", lang, exc.status, error=exc.message(lang))
        page.headers.update(exc.headers)
        return page

    def api_error(self, exc: RequestError, lang: str) -> Response:
        """What went wrong, as the JSON report of one document with ``error`` set."""
        messages = {code: exc.message(code) for code in LANGS}
        doc = DocumentReport(path="", error=DocumentError(exc.code, messages))
        return Response(
            json_bytes([doc], lang),
            status_code=exc.status,
            media_type="application/json",
            headers=exc.headers,
        )

    def unreadable_page(self, doc: DocumentReport, lang: str) -> HTMLResponse:
        """A file the loaders could not read, with their reason."""
        message = f"{TEXTS[lang]['unreadable']}: {doc.error.message[lang]}"
        return self.views.page("index.html", lang, 422, error=message)

    async def assessed(self, upload: Upload, stage: str, lang: str, annotate: bool) -> Assessed:
        """``upload`` assessed by the engine; its failures as :class:`RequestError`."""
        return await self.in_engine(self.engine.assess, upload, stage, lang, annotate)

    async def in_engine(self, method, *args):
        """``method(*args)``, a method of the engine, run off the event loop; a busy,
        slow or failed worker as :class:`RequestError`."""
        try:
            return await run_in_threadpool(method, *args)
        except Busy:
            raise RequestError(503, "err_busy", code="busy", headers={"Retry-After": "5"}) from None
        except TimedOut:
            seconds = f"{self.settings.time_limit:g}"
            raise RequestError(503, "err_timeout", code="timeout", seconds=seconds) from None
        except Exception:  # WorkerFailed, or a bug in an in-process engine
            raise RequestError(500, "err_internal", code="internal") from None

    async def index(self, request: Request) -> Response:
        """``GET /``: the start page."""
        return self.views.page("index.html", self.lang_of(request))

    async def assess_page(self, request: Request) -> Response:
        """``POST /assess``: one draft (a file or pasted text), its report and downloads."""
        lang = self.lang_of(request)
        try:
            async with read_form(request, self.settings) as form:
                lang = self.lang_of(request, form)
                self.check_token(form)
                stage = self.stage_of(form)
                upload = await upload_from(form, "file", self.settings, lang, text_field="text")
            if upload is None:
                raise RequestError(400, "err_no_input")
            item = await self.assessed(upload, stage, lang, True)
        except RequestError as exc:
            return self.error_page(exc, lang)
        if item.report.error is not None:
            return self.unreadable_page(item.report, lang)
        return await self.result_page(item, stage, lang)

    async def result_page(self, item: Assessed, stage: str, lang: str) -> Response:
        """The page of one assessed draft."""
        doc = item.report
        report_html = await run_in_threadpool(self.views.report_html, doc, lang)
        return self.views.page(
            "result.html",
            lang,
            doc=doc,
            labels=labels(doc, lang),
            band=band(doc.score),
            errors=sum(1 for f in doc.findings if f.severity == "error"),
            report_html=report_html,
            downloads=self.views.downloads(item, lang, report_html),
            no_annotated=item.annotated is None,
            stage=stage,
        )

    async def compare_page(self, request: Request) -> Response:
        """``POST /compare``: two versions of a draft, score changes and findings."""
        lang = self.lang_of(request)
        try:
            async with read_form(request, self.settings) as form:
                lang = self.lang_of(request, form)
                self.check_token(form)
                stage = self.stage_of(form)
                old = await upload_from(form, "old", self.settings, lang)
                new = await upload_from(form, "new", self.settings, lang)
            if old is None or new is None:
                raise RequestError(400, "err_compare")
            before = await self.assessed(old, stage, lang, False)
            after = await self.assessed(new, stage, lang, False)
        except RequestError as exc:
            return self.error_page(exc, lang)
        for item in (before, after):
            if item.report.error is not None:
                return self.unreadable_page(item.report, lang)
        return self.views.page(
            "compare.html",
            lang,
            old=before.report,
            new=after.report,
            cmp=compare_rows(before.report, after.report),
            labels=labels(after.report, lang),
            old_grade=labels(before.report, lang)["grade"],
            band=band,
        )

    async def review_page(self, request: Request) -> Response:
        """``POST /review``: a resolution and its progress report (see :mod:`.reviewing`)."""
        return await review_page(self, request)

    async def template_download(self, request: Request) -> Response:
        """``POST /template``: a skeleton draft (.docx) with the cell and topic filled in."""
        from ..template import render_docx

        lang = self.lang_of(request)
        try:
            async with read_form(request, self.settings) as form:
                lang = self.lang_of(request, form)
                self.check_token(form)
                cell = str(form.get("cell") or "").strip()[:200] or None
                topic = str(form.get("topic") or "").strip()[:400] or None
        except RequestError as exc:
            return self.error_page(exc, lang)
        data = await run_in_threadpool(render_docx, cell, topic)
        return Response(
            data,
            media_type=DOCX_TYPE,
            headers={
                "Content-Disposition": "attachment; filename=du-thao-nghi-quyet.docx",
                "Cache-Control": "no-store",
            },
        )

    async def api_assess(self, request: Request) -> Response:
        """``POST /api/assess``: the JSON report (schema version 1) of one upload."""
        lang = choice(request.query_params.get("lang"), LANGS, self.settings.lang)
        try:
            async with read_form(request, self.settings) as form:
                lang = choice(form.get("lang"), LANGS, lang)
                stage = self.stage_of(form)
                upload = await upload_from(form, "file", self.settings, lang)
            if upload is None:
                raise RequestError(400, "err_no_input")
            item = await self.assessed(upload, stage, lang, False)
        except RequestError as exc:
            return self.api_error(exc, lang)
        status = 422 if item.report.error is not None else 200
        return Response(
            json_bytes([item.report], lang), status_code=status, media_type="application/json"
        )

    def refused(self, request: Request, exc: RequestError) -> Response:
        """A request answered before its route: JSON for the API, the page otherwise."""
        lang = self.lang_of(request)
        if request.url.path.startswith("/api/"):
            return self.api_error(exc, lang)
        page = self.views.page("refused.html", lang, exc.status, error=exc.message(lang))
        page.headers.update(exc.headers)
        return page


class Guarded:
    """ASGI middleware: the checks of :mod:`.guard` before any route, and one log line
    (never a traceback) for a client that hangs up mid-request."""

    def __init__(self, app, routes: Routes):
        self.app = app
        self.routes = routes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        if not guard.host_allowed(request, self.routes.settings.host) or (
            request.method == "POST" and not guard.origin_allowed(request)
        ):
            refusal = RequestError(403, "err_forbidden", code="forbidden")
            return await self.routes.refused(request, refusal)(scope, receive, send)
        try:
            await self.app(scope, receive, send)
        except ClientGone:
            log.warning("nghiquyet: a client hung up before its upload was read")
        except asyncio.CancelledError:
            # the server is stopping and will not wait for this request: end it
            # quietly (uvicorn would log the cancellation as a traceback)
            return


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> Starlette:
    """The web application. ``engine`` (an in-process :class:`.assessing.Engine`) may
    be given to share one; by default uploads are assessed in worker processes."""
    settings = settings or Settings()
    engine = engine or PooledEngine(settings)
    if not settings.formats:
        formats = document_formats(engine.assessor.pm, include_legacy=False)
        settings = dataclasses.replace(settings, formats=tuple(formats))
    routes = Routes(settings, engine)

    @asynccontextmanager
    async def lifespan(app):
        await run_in_threadpool(engine.warm)
        try:
            yield
        finally:  # every worker stopped, every upload folder removed
            await run_in_threadpool(engine.close)

    async def not_found(request: Request, exc) -> Response:
        status = getattr(exc, "status_code", 404)
        key = "err_not_found" if status == 404 else "err_form"
        return routes.refused(request, RequestError(status, key, code="not_found"))

    app = Starlette(
        routes=[
            Route("/", routes.index, methods=["GET"]),
            Route("/assess", routes.assess_page, methods=["POST"]),
            Route("/compare", routes.compare_page, methods=["POST"]),
            Route("/review", routes.review_page, methods=["POST"]),
            Route("/template", routes.template_download, methods=["POST"]),
            Route("/api/assess", routes.api_assess, methods=["POST"]),
        ],
        lifespan=lifespan,
        exception_handlers={404: not_found, 405: not_found},
    )
    app.add_middleware(Guarded, routes=routes)
    app.state.engine = engine
    app.state.settings = settings
    return app


def server_options(settings: Settings) -> dict:
    """How uvicorn runs the page: no access log (file names stay private), and bounds
    on every connection (see docs/security.md)."""
    from .protocol import with_header_timeout

    return {
        "access_log": False,
        "log_level": "warning",
        "server_header": False,
        # a request's headers must come within this (slowloris)
        "http": with_header_timeout(settings.read_timeout / 6),
        # a stop never waits long for open requests: workers are killed, folders removed
        "timeout_graceful_shutdown": 2,
        # connections past this get 503 at once
        "limit_concurrency": settings.queue + settings.workers + 16,
        "timeout_keep_alive": 5,
    }


def serve(settings: Settings, port: int = DEFAULT_PORT, open_browser: bool = False) -> None:
    """Run the server until Ctrl+C or SIGTERM. No access log: file names and drafts
    stay private."""
    import uvicorn

    app = create_app(settings)
    url = f"http://{'127.0.0.1' if settings.host in ('0.0.0.0', '::') else settings.host}:{port}/"
    config = uvicorn.Config(app, host=settings.host, port=port, **server_options(settings))
    server = uvicorn.Server(config)
    # bind here, so that a busy port is one clear OSError before anything is printed
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    listening = socket.create_server((settings.host, port), family=family)
    print(("Mở trình duyệt tại " if settings.lang == "vi" else "Open ") + url, flush=True)
    print("(Ctrl+C để dừng)" if settings.lang == "vi" else "(Ctrl+C to stop)", flush=True)
    if open_browser:
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    server.run(sockets=[listening])
