"""Is the text a draft or an adopted resolution?"""

from __future__ import annotations

from typing import Any

STAGE_OPTIONS = ("auto", "draft", "adopted")


def resolve_stage(option: str, signals: dict[str, Any]) -> tuple[str, str]:
    """(stage, why): the ``--stage`` option when it names one; else "draft" when the
    header carries the DỰ THẢO mark, "adopted" when a vote is recorded, "draft" by
    default."""
    if option in ("draft", "adopted"):
        return option, "option"
    if signals.get("draft_mark"):
        return "draft", "marked"
    if signals.get("vote_record"):
        return "adopted", "vote_record"
    return "draft", "default"
