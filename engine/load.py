"""Step 1: turn a path into a Document through the ``load_document`` hook."""

from __future__ import annotations

import os
from pathlib import Path

from . import legacy
from .errors import InputError
from .model import Document, DocumentFormat
from .text_limits import TextLimits, check_document

# A resolution is 2–6 pages; 50 MB is already a thousand times that.
MAX_FILE_BYTES = 50 * 1024 * 1024


def document_formats(pm, *, include_legacy: bool) -> list[DocumentFormat]:
    """The formats the loaders registered with ``pm`` declare, built-ins first; with
    ``legacy`` ones (a folder's old .doc) or without (what a message suggests)."""
    declared = pm.hook.document_formats()  # pluggy calls the last registered first
    return [f for found in reversed(declared) for f in found if include_legacy or not f.legacy]


def suffixes_of(formats: list[DocumentFormat]) -> tuple[str, ...]:
    """Every suffix of ``formats``, lower case, each once."""
    return tuple(dict.fromkeys(suffix.lower() for f in formats for suffix in f.suffixes))


def shown_suffixes(formats: list[DocumentFormat]) -> list[str]:
    """The first suffix of each format, as messages name them (".docx", ".md", ...)."""
    return list(dict.fromkeys(f.suffixes[0].lower() for f in formats if f.suffixes))


def either(items: list[str], lang: str) -> str:
    """``a, b hoặc c`` / ``a, b or c``: the choices a message offers."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'hoặc' if lang == 'vi' else 'or'} {items[-1]}"


def size_limit(config) -> int:
    """The largest draft accepted, in bytes: ``max_file_mb``, else 50 MB."""
    limit = getattr(config, "max_file_mb", None)
    return int(limit * 1024 * 1024) if limit else MAX_FILE_BYTES


def load(path: Path, config, pm) -> Document:
    """Load one file, or raise :class:`InputError` with a reason the user can act on."""
    if os.path.isdir(path):  # not Path.is_dir: no permission to look must not raise
        raise InputError("is_directory", f"{path}: là thư mục", f"{path}: is a directory")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(
            "not_found", f"{path}: không tìm thấy tệp", f"{path}: no such file"
        ) from None
    except OSError as exc:
        raise InputError(
            "unreadable",
            f"{path}: không mở được ({exc.strerror})",
            f"{path}: cannot open ({exc.strerror})",
        ) from None
    limit_bytes = size_limit(config)
    if size > limit_bytes:
        raise InputError(
            "too_large",
            f"{path.name}: tệp {size / 2**20:.0f} MB, vượt giới hạn {limit_bytes / 2**20:.0f} MB",
            f"{path.name}: {size / 2**20:.0f} MB, over the {limit_bytes / 2**20:.0f} MB limit",
        )
    if size == 0:
        raise InputError("empty", f"{path.name}: tệp rỗng", f"{path.name}: the file is empty")
    try:
        document = pm.hook.load_document(path=path, config=config)
    except OSError as exc:
        raise InputError(
            "unreadable",
            f"{path}: không đọc được ({exc.strerror})",
            f"{path}: cannot read ({exc.strerror})",
        ) from None
    if document is None:
        shown = shown_suffixes(document_formats(pm, include_legacy=False))
        raise InputError(
            "unsupported",
            f"{path.name}: định dạng {path.suffix or '(không đuôi)'} chưa được hỗ trợ; "
            f"dùng {either(shown, 'vi')}",
            f"{path.name}: unsupported format {path.suffix or '(no extension)'}; "
            f"use {either(shown, 'en')}",
        )
    # the built-in loaders refuse as they read; this holds a plugin's loader to it too
    check_document(document, TextLimits.from_config(config))
    if not any(b.text.strip() for b in document.blocks):
        raise InputError(
            "empty", f"{path.name}: không có nội dung chữ", f"{path.name}: no text in the document"
        )
    # TCVN3/VNI mojibake from any loader: converted with a note, or refused, never scored
    legacy.repair_document(document)
    return document


def expand_paths(paths: list[Path], pm=None, exclude: tuple[str, ...] = (".*",)) -> list[Path]:
    """Files as given, plus drafts found recursively in folders; de-duplicated.

    A draft in a folder is a file with a suffix that a loader of ``pm`` (default: the
    process-wide plugin manager) declares. Word's lock files (``~$draft.docx``) and
    what ``exclude`` matches (default: hidden files and folders) are skipped; see
    :mod:`nghiquyet.engine.discover` for the patterns and ``assess``'s defaults.
    """
    from .discover import find_drafts

    if pm is None:
        from .plugin_manager import get_plugin_manager

        pm = get_plugin_manager()
    suffixes = suffixes_of(document_formats(pm, include_legacy=True))
    found = find_drafts(paths, suffixes, list(exclude))
    return found.files + found.missing
