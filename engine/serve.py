"""``nghiquyet serve``: a local web page for secretaries who never open a terminal.

One page, in Vietnamese (English with ``?lang=en``): choose or drop a draft (.docx,
.odt, .md, .txt) or paste its text, and see the same report as ``assess --format html``,
with downloads of the draft with Word comments, the JSON and the Markdown report. A
second form compares two versions of a draft; a third gives a blank template.
``POST /api/assess`` returns the JSON report (schema version 1) for other tools.

Privacy: an upload lives in memory and, for the length of the request, in a temporary
folder that is deleted before the answer is sent. Nothing is cached (the CLI's result
cache is not used), nothing is logged (uvicorn's access log is off; errors are
reported without file names). The downloads are embedded in the answer page as
``data:`` links, so the server need not keep anything for a later request.

Concurrency: one :class:`Assessor` per server process (the spaCy pipeline is costly
to build), shared by every request. A request's stage and language are arguments of
its calls, never settings changed on the shared Assessor, so requests need no lock of
their own; the Assessor lets one thread at a time through the spaCy pipeline, whose
thread safety is not documented (an assessment takes tens of milliseconds). Requests
run in Starlette's threadpool, so the event loop keeps accepting uploads meanwhile.

The page works without JavaScript (plain forms); a few lines of inline script add
drag-and-drop and size the report frame. No CDN, no network: everything is inline.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import tempfile
import threading
import unicodedata
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from . import __version__
from .config import Config
from .errors import InputError
from .model import DocumentError, DocumentReport, Report

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_UPLOAD_MB = 20.0
# Two files at most in one request: the comparison form sends an old and a new version.
DEFAULT_MAX_FILES = 2
SUFFIXES = (".docx", ".odt", ".md", ".markdown", ".txt")
STAGES = ("auto", "draft", "adopted")
LANGS = ("vi", "en")
TEMPLATES = Path(__file__).resolve().parent / "templates"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Every string the page shows, in both languages. Messages that name a limit take
# ``{mb}`` / ``{n}``.
TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Kiểm tra dự thảo nghị quyết chuyên đề",
        "lead": "Chọn tệp dự thảo (Word .docx, LibreOffice .odt, hoặc .md, .txt) hoặc dán văn bản, "
        "rồi bấm «Kiểm tra». Tệp chỉ được đọc trên máy này và không được lưu lại.",
        "switch": "English",
        "check_heading": "1. Kiểm tra một dự thảo",
        "choose": "Chọn tệp dự thảo",
        "drop": "hoặc kéo thả tệp vào đây",
        "paste": "Hoặc dán toàn văn dự thảo vào ô dưới đây (mỗi đoạn một dòng)",
        "stage": "Văn bản này là",
        "stage_auto": "Tự nhận biết",
        "stage_draft": "Dự thảo (trước khi biểu quyết)",
        "stage_adopted": "Nghị quyết đã thông qua",
        "submit": "Kiểm tra",
        "compare_heading": "2. So sánh hai bản của một dự thảo",
        "old": "Bản cũ",
        "new": "Bản mới (đã sửa)",
        "compare_submit": "So sánh",
        "template_heading": "3. Chưa có dự thảo? Tải mẫu",
        "template_lead": "Mẫu Word theo Hướng dẫn 36 và năm bước xây dựng nghị quyết; "
        "thay các chỗ «[… …]» bằng nội dung của chi bộ.",
        "cell": "Tên chi bộ",
        "cell_example": "Chi bộ thôn Đông Lộc",
        "topic": "Chủ đề (về ...)",
        "topic_example": "phân loại rác thải tại hộ gia đình thôn Đông Lộc, năm 2026",
        "template_submit": "Tải mẫu dự thảo (.docx)",
        "limits": "Tối đa {mb} MB mỗi tệp.",
        "result_heading": "Kết quả kiểm tra",
        "score": "Điểm",
        "grade": "Xếp loại",
        "errors": "lỗi cần sửa",
        "findings": "phát hiện",
        "downloads": "Tải về",
        "dl_annotated": "Bản dự thảo có nhận xét (Word, .docx)",
        "dl_annotated_note": "Mở bằng Word: mỗi nhận xét nằm ở lề, cạnh đoạn văn cần sửa.",
        "dl_html": "Báo cáo (trang web, .html) để in hoặc gửi",
        "dl_markdown": "Báo cáo (Markdown, .md)",
        "dl_json": "Báo cáo (JSON, cho phần mềm khác)",
        "no_annotated": "Bản có nhận xét chỉ làm được với tệp Word (.docx).",
        "report": "Báo cáo chi tiết",
        "again": "Kiểm tra tệp khác",
        "back": "← Trang đầu",
        "compare_result": "So sánh hai bản",
        "criterion": "Tiêu chí",
        "change": "Thay đổi",
        "overall": "Điểm chung",
        "fixed": "Đã sửa",
        "new_findings": "Phát hiện mới",
        "pasted_name": "văn bản dán.txt",
        "err_no_input": "Chưa chọn tệp hoặc dán văn bản.",
        "err_too_large": "Tệp quá lớn: tối đa {mb} MB mỗi tệp.",
        "err_too_many": "Quá nhiều tệp trong một lần gửi (tối đa {n}).",
        "err_type": "Chỉ nhận tệp .docx, .odt, .md hoặc .txt; tệp «{name}» không phải loại này. "
        "Nếu là tệp .doc cũ, hãy mở bằng Word và «Lưu thành» .docx.",
        "err_form": "Không đọc được dữ liệu gửi lên; hãy thử lại.",
        "err_internal": "Có lỗi khi đánh giá tệp này; hãy thử lại hoặc báo cho người quản trị.",
        "err_compare": "Hãy chọn cả bản cũ và bản mới.",
        "unreadable": "Không đọc được tệp",
        "privacy": "Máy chủ chạy trên máy này ({host}); không gửi dữ liệu đi đâu, không lưu tệp.",
        "footer": "Điểm và nhận xét do công cụ tự động đưa ra để hỗ trợ chi ủy rà soát; "
        "không thay thế việc thảo luận và biểu quyết của chi bộ.",
    },
    "en": {
        "title": "Check a draft thematic resolution",
        "lead": "Choose a draft (Word .docx, LibreOffice .odt, or .md, .txt) or paste its text, then press Check. "
        "The file is read on this computer only and is not kept.",
        "switch": "Tiếng Việt",
        "check_heading": "1. Check a draft",
        "choose": "Choose the draft file",
        "drop": "or drop the file here",
        "paste": "Or paste the whole draft below (one paragraph per line)",
        "stage": "This text is",
        "stage_auto": "Detect",
        "stage_draft": "A draft (before the vote)",
        "stage_adopted": "An adopted resolution",
        "submit": "Check",
        "compare_heading": "2. Compare two versions of a draft",
        "old": "Old version",
        "new": "New version (revised)",
        "compare_submit": "Compare",
        "template_heading": "3. No draft yet? Get a template",
        "template_lead": "A Word template following Hướng dẫn 36 and the five steps; "
        "replace every «[… …]» with your cell's content.",
        "cell": "Party cell",
        "cell_example": "Chi bộ thôn Đông Lộc",
        "topic": "Topic (về ...)",
        "topic_example": "phân loại rác thải tại hộ gia đình thôn Đông Lộc, năm 2026",
        "template_submit": "Download the template (.docx)",
        "limits": "At most {mb} MB per file.",
        "result_heading": "Result",
        "score": "Score",
        "grade": "Grade",
        "errors": "errors to fix",
        "findings": "findings",
        "downloads": "Downloads",
        "dl_annotated": "The draft with comments (Word, .docx)",
        "dl_annotated_note": "Open it in Word: each comment sits in the margin "
        "next to its paragraph.",
        "dl_html": "Report (web page, .html) to print or send",
        "dl_markdown": "Report (Markdown, .md)",
        "dl_json": "Report (JSON, for other software)",
        "no_annotated": "The commented copy needs a Word (.docx) file.",
        "report": "Detailed report",
        "again": "Check another file",
        "back": "← Start page",
        "compare_result": "Comparison of two versions",
        "criterion": "Criterion",
        "change": "Change",
        "overall": "Overall",
        "fixed": "Fixed",
        "new_findings": "New findings",
        "pasted_name": "pasted text.txt",
        "err_no_input": "Choose a file or paste the text first.",
        "err_too_large": "The file is too large: at most {mb} MB per file.",
        "err_too_many": "Too many files in one request (at most {n}).",
        "err_type": "Only .docx, .odt, .md or .txt files; «{name}» is not one. "
        "An old .doc file: open it in Word and Save As .docx.",
        "err_form": "The upload could not be read; please try again.",
        "err_internal": "Something went wrong assessing this file; "
        "try again or tell the administrator.",
        "err_compare": "Choose both the old and the new version.",
        "unreadable": "Cannot read the file",
        "privacy": "The server runs on this computer ({host}); nothing is sent anywhere or kept.",
        "footer": "Scores and comments are automatic aids for the committee's review; "
        "they do not replace the cell's discussion and vote.",
    },
}


@dataclass(slots=True)
class Settings:
    """What ``nghiquyet serve`` was started with."""

    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB
    max_files: int = DEFAULT_MAX_FILES
    lang: str = "vi"
    host: str = DEFAULT_HOST
    config: Config = field(default_factory=Config)

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_body_bytes(self) -> int:
        # every allowed file at its limit, plus the form fields and multipart framing
        return self.max_upload_bytes * self.max_files + 256 * 1024


class RequestError(Exception):
    """A problem with the request the user can act on: an HTTP status and a message key."""

    def __init__(self, status: int, key: str, **values: Any):
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values
        self.code = {413: "too_large", 415: "unsupported", 400: "bad_request"}.get(
            status, "bad_request"
        )

    def message(self, lang: str) -> str:
        return TEXTS[lang][self.key].format(**self.values)


@dataclass(slots=True)
class Upload:
    """One draft as received: its display name and bytes (never written beside others)."""

    name: str
    data: bytes

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


@dataclass(slots=True)
class Assessed:
    """One assessed upload: its report, and the commented copy when it was a .docx."""

    upload: Upload
    report: DocumentReport
    annotated: bytes | None = None


class Engine:
    """The server's one Assessor, shared by every request."""

    def __init__(self, config: Config):
        from .runner import Assessor

        self.config = config
        self.assessor = Assessor(config)

    def warm(self) -> None:
        """Build the spaCy pipeline now, so the first upload does not wait for it."""
        _ = self.assessor.nlp

    def assess(self, upload: Upload, stage: str, lang: str, annotate: bool = True) -> Assessed:
        """Assess one upload inside a temporary folder that is gone when this returns.

        An unreadable file gives a report with ``error`` set (as ``assess`` does).
        """
        from .load import load

        with tempfile.TemporaryDirectory(prefix="nghiquyet-web-") as folder:
            path = Path(folder) / upload.name
            path.write_bytes(upload.data)
            try:
                document = load(path, self.config, self.assessor.pm)
            except InputError as exc:
                message = {
                    k: v.replace(folder + "/", "").replace(folder, "")
                    for k, v in exc.message.items()
                }
                error = DocumentError(exc.code, message)
                return Assessed(upload, DocumentReport(path=upload.name, error=error))
            document.path = upload.name
            report = self.assessor.assess_document(document, stage=stage)
            report.path = upload.name
            annotated = None
            if annotate and upload.suffix == ".docx":
                annotated = _annotate(path, report, lang)
            return Assessed(upload, report, annotated)


def _annotate(path: Path, report: DocumentReport, lang: str) -> bytes | None:
    """The draft with findings as Word comments, when the annotate module is there."""
    try:
        from .annotate import annotate_docx
    except ImportError:  # not shipped in this build: the page just omits the link
        return None
    return annotate_docx(path, report, lang)


# ---------------------------------------------------------------------------
# reading the request


def safe_name(name: str | None, fallback: str) -> str:
    """A file name fit to show and to write in our temporary folder: the last path
    part, no control characters or separators, at most 120 characters."""
    name = unicodedata.normalize("NFC", (name or "").replace("\\", "/").split("/")[-1])
    name = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "", name).strip(" .")
    if not name:
        return fallback
    stem, suffix = Path(name).stem, Path(name).suffix
    return stem[: 120 - len(suffix)] + suffix


@asynccontextmanager
async def read_form(request: Request, settings: Settings):
    """Read a multipart form with limits on total size, part size and number of files.

    The body is read here, counting bytes, before the multipart parser sees it. Past the
    limit the rest is still read (up to four times the limit) and dropped, so that a
    browser still uploading gets our answer instead of a reset connection.
    """
    limit = settings.max_body_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > 4 * limit:
        raise RequestError(413, "err_too_large", mb=f"{settings.max_upload_mb:g}")
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > 4 * limit:
            break
        if total <= limit:
            chunks.append(chunk)
    if total > limit:
        raise RequestError(413, "err_too_large", mb=f"{settings.max_upload_mb:g}")
    body = b"".join(chunks)
    sent = False

    async def replay():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    replayed = Request(request.scope, replay)
    try:
        form = await replayed.form(
            max_files=settings.max_files, max_fields=20, max_part_size=settings.max_upload_bytes
        )
    except (MultiPartException, HTTPException) as exc:
        # Starlette turns the parser's exception into a 400 HTTPException; read its text.
        detail = str(getattr(exc, "detail", "") or exc).lower()
        if "too many files" in detail:
            raise RequestError(413, "err_too_many", n=settings.max_files) from None
        if "maximum size" in detail:
            raise RequestError(413, "err_too_large", mb=f"{settings.max_upload_mb:g}") from None
        raise RequestError(400, "err_form") from None
    try:
        yield form
    finally:
        await form.close()  # spooled upload files are deleted here


async def upload_from(
    form, field_name: str, settings: Settings, lang: str, text_field: str | None = None
):
    """The upload in ``field_name`` (or the pasted text), checked for size and type."""
    item = form.get(field_name)
    if isinstance(item, UploadFile) and item.filename:
        name = safe_name(item.filename, "du-thao.docx")
        data = await item.read()
        if len(data) > settings.max_upload_bytes:
            raise RequestError(413, "err_too_large", mb=f"{settings.max_upload_mb:g}")
        if Path(name).suffix.lower() not in SUFFIXES:
            raise RequestError(415, "err_type", name=name)
        return Upload(name, data)
    text = form.get(text_field) if text_field else None
    if isinstance(text, str) and text.strip():
        data = text.replace("\r\n", "\n").encode("utf-8")
        if len(data) > settings.max_upload_bytes:
            raise RequestError(413, "err_too_large", mb=f"{settings.max_upload_mb:g}")
        # Text pasted from Word has one paragraph per line: read it as plain text,
        # unless it is clearly Markdown (headings or pipe tables).
        markdown = re.search(r"^(#{1,6}\s|\|.*\|\s*$)", text, re.M)
        name = TEXTS[lang]["pasted_name"]
        return Upload(name[: -len(".txt")] + ".md" if markdown else name, data)
    return None


def _choice(value: Any, choices: tuple[str, ...], default: str) -> str:
    return value if isinstance(value, str) and value in choices else default


# ---------------------------------------------------------------------------
# rendering


def _jinja():
    import jinja2

    from .render import number

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


def _report(docs: list[DocumentReport], lang: str) -> Report:
    return Report(documents=docs, lang=lang, tool_version=__version__)


def json_bytes(docs: list[DocumentReport], lang: str) -> bytes:
    """The JSON contract (schema version 1) of these documents."""
    from .render import report_dict

    return json.dumps(report_dict(_report(docs, lang)), ensure_ascii=False, indent=2).encode(
        "utf-8"
    )


class Views:
    """Renders pages; holds the Jinja environment and what reporters are given."""

    def __init__(self, settings: Settings, assessor):
        self.settings = settings
        self.assessor = assessor
        self.env = _jinja()

    def reporters(self) -> dict:
        # Looked up per page: cheap, and a reporter plugin that lands later is used.
        from .render import get_reporters

        return get_reporters(self.assessor.pm)

    def render(self, reporter, doc: DocumentReport, lang: str) -> bytes:
        """One draft's report in ``reporter``'s format, given the server's rules and config."""
        return reporter.render(
            _report([doc], lang), rules=self.assessor.ruleset.rules, config=self.assessor.config
        )

    def report_html(self, doc: DocumentReport, lang: str) -> str:
        """The report as the ``html`` reporter renders it (the same as ``--format html``);
        a plain built-in page when no such reporter is registered."""
        reporter = self.reporters().get("html")
        if reporter is not None:
            return self.render(reporter, doc, lang).decode("utf-8")
        return self.env.get_template("report_fallback.html").render(
            doc=doc, lang=lang, t=TEXTS[lang], labels=_labels(doc, lang), version=__version__
        )

    def page(self, name: str, lang: str, status: int = 200, **context) -> HTMLResponse:
        nonce = secrets.token_urlsafe(12)
        html = self.env.get_template(name).render(
            t=TEXTS[lang],
            lang=lang,
            other_lang="en" if lang == "vi" else "vi",
            max_mb=f"{self.settings.max_upload_mb:g}",
            host=self.settings.host,
            nonce=nonce,
            version=__version__,
            **context,
        )
        return HTMLResponse(html, status_code=status, headers=_headers(nonce))

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
        return links


def _labels(doc: DocumentReport, lang: str) -> dict[str, Any]:
    """Names the templates show next to values read from the report."""
    from .render import criterion_name, grade_label

    if doc.error is not None:
        return {"grade": "", "criteria": {}}
    return {
        "grade": grade_label(doc, lang),
        "criteria": {c.id: criterion_name(c.id, lang) for c in doc.criteria},
    }


def _headers(nonce: str) -> dict[str, str]:
    # Nothing is fetched from anywhere: inline styles, our own nonce'd script, data: images.
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'nonce-{nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    return {
        "Content-Security-Policy": csp,
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
    }


def band(score: float | None) -> str:
    """A CSS class for a score, by the grade floors."""
    if score is None:
        return "weak"
    return (
        "good" if score >= 80 else "fair" if score >= 65 else "average" if score >= 50 else "weak"
    )


# ---------------------------------------------------------------------------
# comparison


def compare_rows(old: DocumentReport, new: DocumentReport) -> dict[str, Any]:
    """Both scores, the change per criterion, and the findings fixed and new, as
    :mod:`nghiquyet.engine.compare` (``nghiquyet compare``) matches them."""
    from .compare import compare

    cmp = compare(old, new)
    deltas = cmp.criteria_delta()
    old_by = {c.id: c.score for c in old.criteria}
    rows = [
        {"id": c.id, "old": old_by.get(c.id), "new": c.score, "delta": deltas.get(c.id)}
        for c in new.criteria
    ]
    return {"rows": rows, "delta": cmp.score_delta, "fixed": cmp.fixed, "added": cmp.new}


# ---------------------------------------------------------------------------
# the application


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> Starlette:
    """The web application. ``engine`` may be shared (tests build one per session)."""
    settings = settings or Settings()
    engine = engine or Engine(settings.config)
    views = Views(settings, engine.assessor)

    def lang_of(request: Request, form=None) -> str:
        value = (form.get("lang") if form is not None else None) or request.query_params.get("lang")
        return _choice(value, LANGS, settings.lang)

    def error_page(request: Request, exc: RequestError, lang: str) -> HTMLResponse:
        return views.page("index.html", lang, exc.status, error=exc.message(lang))

    async def index(request: Request) -> Response:
        return views.page("index.html", lang_of(request))

    async def assess_page(request: Request) -> Response:
        lang = lang_of(request)
        try:
            async with read_form(request, settings) as form:
                lang = lang_of(request, form)
                stage = _choice(form.get("stage"), STAGES, settings.config.stage)
                upload = await upload_from(form, "file", settings, lang, text_field="text")
            if upload is None:
                raise RequestError(400, "err_no_input")
        except RequestError as exc:
            return error_page(request, exc, lang)
        try:
            item = await run_in_threadpool(engine.assess, upload, stage, lang)
        except Exception:  # an internal error: a clear page, the server goes on
            return views.page("index.html", lang, 500, error=TEXTS[lang]["err_internal"])
        doc = item.report
        if doc.error is not None:
            return views.page(
                "index.html",
                lang,
                422,
                error=f"{TEXTS[lang]['unreadable']}: {doc.error.message[lang]}",
            )
        report_html = await run_in_threadpool(views.report_html, doc, lang)
        return views.page(
            "result.html",
            lang,
            doc=doc,
            labels=_labels(doc, lang),
            band=band(doc.score),
            errors=sum(1 for f in doc.findings if f.severity == "error"),
            report_html=report_html,
            downloads=views.downloads(item, lang, report_html),
            no_annotated=item.annotated is None,
            stage=stage,
        )

    async def compare_page(request: Request) -> Response:
        lang = lang_of(request)
        try:
            async with read_form(request, settings) as form:
                lang = lang_of(request, form)
                stage = _choice(form.get("stage"), STAGES, settings.config.stage)
                old = await upload_from(form, "old", settings, lang)
                new = await upload_from(form, "new", settings, lang)
            if old is None or new is None:
                raise RequestError(400, "err_compare")
        except RequestError as exc:
            return error_page(request, exc, lang)
        try:
            before = await run_in_threadpool(engine.assess, old, stage, lang, False)
            after = await run_in_threadpool(engine.assess, new, stage, lang, False)
        except Exception:
            return views.page("index.html", lang, 500, error=TEXTS[lang]["err_internal"])
        for item in (before, after):
            if item.report.error is not None:
                message = f"{TEXTS[lang]['unreadable']}: {item.report.error.message[lang]}"
                return views.page("index.html", lang, 422, error=message)
        return views.page(
            "compare.html",
            lang,
            old=before.report,
            new=after.report,
            cmp=compare_rows(before.report, after.report),
            labels=_labels(after.report, lang),
            old_grade=_labels(before.report, lang)["grade"],
            band=band,
        )

    async def template_download(request: Request) -> Response:
        from .template import render_docx

        lang = lang_of(request)
        try:
            async with read_form(request, settings) as form:
                lang = lang_of(request, form)
                cell = str(form.get("cell") or "").strip()[:200] or None
                topic = str(form.get("topic") or "").strip()[:400] or None
        except RequestError as exc:
            return error_page(request, exc, lang)
        data = await run_in_threadpool(render_docx, cell, topic)
        return Response(
            data,
            media_type=DOCX_TYPE,
            headers={
                "Content-Disposition": "attachment; filename=du-thao-nghi-quyet.docx",
                "Cache-Control": "no-store",
            },
        )

    async def api_assess(request: Request) -> Response:
        lang = _choice(request.query_params.get("lang"), LANGS, settings.lang)
        try:
            async with read_form(request, settings) as form:
                lang = _choice(form.get("lang"), LANGS, lang)
                stage = _choice(form.get("stage"), STAGES, settings.config.stage)
                upload = await upload_from(form, "file", settings, lang)
            if upload is None:
                raise RequestError(400, "err_no_input")
        except RequestError as exc:
            messages = {code: exc.message(code) for code in LANGS}
            doc = DocumentReport(path="", error=DocumentError(exc.code, messages))
            return Response(
                json_bytes([doc], lang), status_code=exc.status, media_type="application/json"
            )
        try:
            item = await run_in_threadpool(engine.assess, upload, stage, lang, False)
        except Exception:
            return JSONResponse(
                {"error": {"code": "internal", "message": TEXTS[lang]["err_internal"]}}, 500
            )
        status = 422 if item.report.error is not None else 200
        return Response(
            json_bytes([item.report], lang), status_code=status, media_type="application/json"
        )

    @asynccontextmanager
    async def lifespan(app):
        await run_in_threadpool(engine.warm)
        yield

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/assess", assess_page, methods=["POST"]),
        Route("/compare", compare_page, methods=["POST"]),
        Route("/template", template_download, methods=["POST"]),
        Route("/api/assess", api_assess, methods=["POST"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.engine = engine
    app.state.settings = settings
    return app


def serve(settings: Settings, port: int = DEFAULT_PORT, open_browser: bool = False) -> None:
    """Run the server until Ctrl+C. No access log: file names and drafts stay private."""
    import uvicorn

    app = create_app(settings)
    url = f"http://{'127.0.0.1' if settings.host in ('0.0.0.0', '::') else settings.host}:{port}/"
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=port,
        access_log=False,
        log_level="warning",
        server_header=False,
    )
    server = uvicorn.Server(config)
    print(("Mở trình duyệt tại " if settings.lang == "vi" else "Open ") + url, flush=True)
    print("(Ctrl+C để dừng)" if settings.lang == "vi" else "(Ctrl+C to stop)", flush=True)
    if open_browser:
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    server.run()
