"""Cutting a text at punctuation that stands outside brackets, in one pass.

"ít nhất 80% số hộ (330 hộ) phân loại rác thành 3 loại (hữu cơ, tái chế, còn lại)"
is one clause: the commas in brackets do not cut it.
"""

from __future__ import annotations

import re


def outside_brackets(text: str) -> list[bool]:
    """For each character of ``text``, whether it stands outside round brackets."""
    depth, out = 0, []
    for char in text:
        if char == "(":
            depth += 1
        out.append(depth == 0)
        if char == ")" and depth:
            depth -= 1
    return out


def split_outside(text: str, separator: re.Pattern[str]) -> list[str]:
    """``text`` cut at each match of ``separator`` outside brackets (the match dropped)."""
    outside = outside_brackets(text)
    parts, start = [], 0
    for found in separator.finditer(text):
        if outside[found.start()]:
            parts.append(text[start : found.start()])
            start = found.end()
    parts.append(text[start:])
    return parts
