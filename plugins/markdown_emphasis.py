"""Markdown emphasis ("**bold**", "__bold__", "*italic*") unwrapped in linear time.

The loader used ``re.sub(r"\\*\\*(.+?)\\*\\*", ...)``: from every opening marker the lazy
``(.+?)`` scans to the end of the line when no closing marker follows, so a line of
30,000 " *a" took minutes. Here the closing markers are listed once and each opener
finds its closer by bisection; the result is the same text ``re.sub`` gave.
"""

from __future__ import annotations

import bisect
import re

_SINGLE_OPEN = re.compile(r"(?<![\w*])\*(?!\s)")
_SINGLE_CLOSE = re.compile(r"(?<!\s)\*(?![\w*])")
_DOUBLE = (re.compile(r"\*(?=\*)"), re.compile(r"_(?=_)"))


def _unwrap(
    text: str, openers: list[tuple[int, int]], closers: dict[int, list[int]], width: int
) -> str:
    """``text`` with each emphasis pair replaced by its content, as ``re.sub`` with a
    lazy ``(.+?)`` between the markers would, but each opener looks up its closer by
    bisection instead of scanning to the line's end (no closer: quadratic)."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    out, pos = [], 0
    for start, kind in openers:
        if start < pos:
            continue
        ends = closers[kind]
        # the content has one character at least
        k = bisect.bisect_left(ends, start + width + 1)
        if k == len(ends):
            continue
        end = ends[k]
        n = bisect.bisect_left(newlines, start + width)
        if n < len(newlines) and newlines[n] < end:
            continue  # the content stays on its line
        out += [text[pos:start], text[start + width : end]]
        pos = end + width
    out.append(text[pos:])
    return "".join(out)


def strip_emphasis(text: str) -> str:
    """``text`` with ``**x**``/``__x__`` and then ``*x*`` replaced by ``x``."""
    double = [(m.start(), k) for k, p in enumerate(_DOUBLE) for m in p.finditer(text)]
    closers = {k: [s for s, kind in double if kind == k] for k in (0, 1)}
    text = _unwrap(text, sorted(double), closers, 2)
    openers = [(m.start(), 0) for m in _SINGLE_OPEN.finditer(text)]
    closers = {0: [m.start() for m in _SINGLE_CLOSE.finditer(text)]}
    return _unwrap(text, openers, closers, 1)
