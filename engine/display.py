"""Text from outside (file names, drafts) made safe to show.

Two hazards, one module:

- a file name that is not valid UTF-8 reaches Python with its odd bytes as lone
  surrogates ("\\udcff"), which no UTF-8 report can hold: :func:`shown_name` spells
  such a byte as ``\\xff``, so every format can name the file;
- control characters (ESC, BEL, the C1 controls, DEL) in a draft or a file name would
  drive the terminal that shows a text report (move the cursor, retitle the window,
  hide a line): :func:`escape_controls` spells them as ``\\x1b``, ``\\u009b``.
"""

from __future__ import annotations

import re

from .model import DocumentError, DocumentReport

# C0 controls but tab and newline, DEL, C1 controls
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\udc80-\udcff]")


def _spelled(match: re.Match) -> str:
    code = ord(match.group())
    # a C1 control as \\u: it is a character here, not the byte \\x9b
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def escape_controls(text: str, keep_colour: bool = False) -> str:
    """``text`` with every control character but tab and newline spelled out. With
    ``keep_colour``, the colour sequences our own palette writes (engine/color.py)
    stay: only those, so a draft can neither move the cursor nor hide a line."""
    if not keep_colour:
        return _CONTROLS.sub(_spelled, text)
    return _OWN_COLOUR_OR_CONTROL.sub(
        lambda m: m.group() if m.group().startswith("\x1b[") else _spelled(m), text
    )


def _own_colour_or_control() -> re.Pattern:
    from .color import STYLES

    codes = "|".join(re.escape(c) for c in sorted({*STYLES.values(), "0"}, key=len, reverse=True))
    return re.compile(f"\x1b\\[(?:{codes})m|{_CONTROLS.pattern}")


_OWN_COLOUR_OR_CONTROL = _own_colour_or_control()


def shown_name(text: str) -> str:
    """A path as reports name it: bytes that are not UTF-8 (surrogate-escaped by
    Python) spelled ``\\xff``; anything else unchanged."""
    if not _SURROGATES.search(text):
        return text
    return _SURROGATES.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)


def with_shown_names(report: DocumentReport) -> DocumentReport:
    """``report`` with its path and error messages in :func:`shown_name` form (the
    path as given kept in ``raw_path`` when that changed it)."""
    shown = shown_name(report.path)
    if shown != report.path:
        report.raw_path, report.path = report.path, shown
    if report.error is not None:
        messages = {lang: shown_name(text) for lang, text in report.error.message.items()}
        report.error = DocumentError(report.error.code, messages)
    return report


def error_entry(path: object, code: str, vi: str, en: str) -> DocumentReport:
    """A report entry for ``path`` that has no score, only an error, in shown form."""
    return with_shown_names(
        DocumentReport(path=str(path), error=DocumentError(code, {"vi": vi, "en": en}))
    )
