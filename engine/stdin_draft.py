"""A draft read from standard input (``assess -``).

The bytes are written, inside a private temporary folder that is gone when the report
is made, to a file named as ``--stdin-filename`` says, so the loader is chosen by
that name's suffix (no suffix, or no name: plain text) and binary formats (.docx,
.odt) work as they do from a file. Reports, messages and ``per_file_ignores`` see the
given name (``-`` without one), never the temporary file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .errors import InputError
from .load import load
from .model import DocumentError, DocumentReport

DASH = "-"  # the path that means standard input, as in ruff, cat and the rest
DEFAULT_SUFFIX = ".txt"


def read_stdin(stream, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``stream``: enough for the loader to refuse an
    oversized draft by its usual rule, without holding an endless pipe in memory."""
    return stream.read(limit + 1)


def file_name(name: str | None) -> str:
    """The name the bytes are loaded under: the given name's last part, with
    ``.txt`` when it has no suffix."""
    base = Path(name).name if name else "stdin"
    return base if Path(base).suffix else base + DEFAULT_SUFFIX


def assess_stdin(assessor, data: bytes, name: str | None, stage: str | None) -> DocumentReport:
    """The report of the draft ``data``, shown as ``name`` (``-`` when None); an
    unreadable draft gives a report with ``error`` set, as a file does."""
    shown = name or DASH
    with tempfile.TemporaryDirectory(prefix="nghiquyet-stdin-") as folder:
        path = Path(folder) / file_name(name)
        path.write_bytes(data)
        try:
            document = load(path, assessor.config, assessor.pm)
        except InputError as exc:
            message = {
                lang: text.replace(str(path), path.name).replace(path.name, shown)
                for lang, text in exc.message.items()
            }
            return DocumentReport(path=shown, error=DocumentError(exc.code, message))
        document.path = shown
        report = assessor.assess_document(document, stage)
        report.path = shown
        return report
