"""Is the text a draft or an adopted resolution?"""

from __future__ import annotations

from typing import Any

STAGE_OPTIONS = ("auto", "draft", "adopted")


def resolve_stage(option: str, signals: dict[str, Any]) -> tuple[str, str]:
    """(stage, why): the ``--stage`` option when it names one; else "draft" when the
    header carries the DỰ THẢO mark; "adopted" when a vote is recorded (a count or a
    share in favour), or when the text is signed as only an adopted one is (a filled
    number, in any symbol, a signer's name, and "có hiệu lực kể từ ngày ký", "quyết
    nghị", a vote told without its count, "đã được Chi bộ thống nhất thông qua", or a
    date line with its day and month filled in; procedure then says the vote record is
    missing); "draft" by default."""
    if option in ("draft", "adopted"):
        return option, "option"
    if signals.get("draft_mark"):
        return "draft", "marked"
    if signals.get("vote_record") or signals.get("vote_share"):
        return "adopted", "vote_record"
    if (
        signals.get("number_filled")
        and signals.get("signature_name")
        and (
            signals.get("adoption_clause")
            or signals.get("vote_told")
            # dated in full as well as numbered and signed: issued, whatever it omits
            or signals.get("date_filled")
        )
    ):
        return "adopted", "signed"
    return "draft", "default"
