"""How reports for people write a number, spelled out independently of the engine:
one decimal, with the decimal comma in Vietnamese ("67,8") and a point in English."""

from __future__ import annotations


def vi(value: float, *, signed: bool = False) -> str:
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    return text.replace(".", ",")
