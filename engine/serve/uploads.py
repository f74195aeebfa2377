"""Reading a request: the multipart form within limits, the draft it carries.

The limits hold before the multipart parser sees the body: its total size, the size
of each part and the number of files. What goes wrong becomes a :class:`RequestError`
that the page or the API can put in the user's language.
"""

from __future__ import annotations

import re
import unicodedata
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from ..load import either, shown_suffixes, suffixes_of
from .settings import LANGS, Settings
from .texts import TEXTS


class ClientGone(Exception):
    """The client hung up before its request was read: nobody is left to answer."""


class RequestError(Exception):
    """A problem with the request the user can act on: an HTTP status and a message key."""

    def __init__(
        self,
        status: int,
        key: str,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        **values: Any,
    ):
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values
        self.headers = headers or {}
        self.code = code or {413: "too_large", 415: "unsupported", 400: "bad_request"}.get(
            status, "bad_request"
        )

    def message(self, lang: str) -> str:
        """What went wrong, in ``lang``."""
        # a value may be worded per language: {"vi": "a hoặc b", "en": "a or b"}
        values = {k: v[lang] if isinstance(v, dict) else v for k, v in self.values.items()}
        return TEXTS[lang][self.key].format(**values)


@dataclass(slots=True)
class Upload:
    """One draft as received: its display name and bytes (never written beside others)."""

    name: str
    data: bytes

    @property
    def suffix(self) -> str:
        """The file name's suffix, lower case (``.docx``)."""
        return Path(self.name).suffix.lower()


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
    chunks, total = await _read_body(request, settings)
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


async def _read_body(request: Request, settings: Settings) -> tuple[list[bytes], int]:
    """The body's chunks up to the limit, and how many bytes came (read on to four
    times the limit). A client slower than ``read_timeout`` seconds is dropped."""
    import anyio
    from starlette.requests import ClientDisconnect

    limit = settings.max_body_bytes
    chunks: list[bytes] = []
    total = 0
    try:
        with anyio.fail_after(settings.read_timeout):
            async for chunk in request.stream():
                total += len(chunk)
                if total > 4 * limit:
                    break
                if total <= limit:
                    chunks.append(chunk)
    except TimeoutError:
        seconds = f"{settings.read_timeout:g}"
        raise RequestError(408, "err_slow", code="timeout", seconds=seconds) from None
    except ClientDisconnect:
        raise ClientGone from None
    return chunks, total


# the longest file name a file system takes (ext4, NTFS, APFS: 255)
MAX_NAME_BYTES = 255


async def upload_from(
    form, field_name: str, settings: Settings, lang: str, text_field: str | None = None
):
    """The upload in ``field_name`` (or the pasted text), checked for size and type."""
    item = form.get(field_name)
    if isinstance(item, UploadFile) and item.filename:
        if len(item.filename.encode("utf-8", "replace")) > MAX_NAME_BYTES:
            raise RequestError(400, "err_name", n=MAX_NAME_BYTES)
        name = safe_name(item.filename, "du-thao.docx")
        data = await item.read()
        if len(data) > settings.max_upload_bytes:
            raise RequestError(413, "err_too_large", mb=f"{settings.max_upload_mb:g}")
        if Path(name).suffix.lower() not in suffixes_of(settings.formats):
            shown = shown_suffixes(settings.formats)
            kinds = {code: either(shown, code) for code in LANGS}
            raise RequestError(415, "err_type", name=name, kinds=kinds)
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


def choice(value: Any, choices: tuple[str, ...], default: str) -> str:
    """``value`` when it is one of ``choices`` (a form field may hold anything)."""
    return value if isinstance(value, str) and value in choices else default
