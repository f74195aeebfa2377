"""Numbers in the attributes of office XML, read as Word and LibreOffice read them:
leniently. A value that is not a whole number in ASCII digits (empty, "NaN", "1.5",
superscript "²") counts as absent, and one out of range is clamped, so a hostile or
broken attribute changes a label or a style hint, never the outcome of reading the
file. Clamping also bounds the work a number can cause (a list starting at 10¹²).
"""

from __future__ import annotations

import re

_INTEGER = re.compile(r"\s*([+-]?)([0-9]+)\s*")
_DECIMAL = re.compile(r"\s*([0-9]{1,12}(?:\.[0-9]{0,12})?|\.[0-9]{1,12})")
# Digits beyond these are clamped without converting (int() of 5,000 digits is refused).
_MAX_DIGITS = 12

# Word numbers lists from 0 to 32767 at most, and has nine list levels (0-8); outline
# levels are 0-8 with 9 for body text. LibreOffice has ten outline and list levels.
MAX_LIST_START = 32767
WORD_LIST_LEVELS = 9
ODF_LEVELS = 10
# Styles inherit from others (basedOn, parent-style-name) at most this deep; Word's and
# LibreOffice's own templates go about five deep, so a longer chain is hostile and its
# tail is ignored rather than walked.
MAX_STYLE_DEPTH = 64


def lenient_int(value: str | None, default: int | None, low: int, high: int) -> int | None:
    """``value`` as a whole number clamped to ``low``..``high``, or ``default`` when it
    is missing or not a whole number in ASCII digits."""
    if value and len(value) <= _MAX_DIGITS and value.isascii() and value.isdigit():
        return max(low, min(high, int(value)))  # what the pattern reads, without it
    found = _INTEGER.fullmatch(value or "")
    if not found:
        return default
    sign, digits = found.groups()
    digits = digits.lstrip("0") or "0"
    if len(digits) > _MAX_DIGITS:
        return low if sign == "-" else high
    return max(low, min(high, int(sign + digits)))


def lenient_number(value: str | None, low: float, high: float) -> tuple[float, str] | None:
    """The leading decimal number of ``value`` clamped to ``low``..``high``, with what
    follows it ("13.5pt" → (13.5, "pt")); None when it does not start with one."""
    found = _DECIMAL.match(value or "")
    if not found:
        return None
    number = max(low, min(high, float(found.group(1))))
    return number, (value or "")[found.end() :].strip()
