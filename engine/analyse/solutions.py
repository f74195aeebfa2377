"""Solutions: is each one a concrete action, and does it answer a stated cause?"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import BlockFacts, Item, Mention
from ..vocabulary import declare
from .cues import PLACE_OBJECTS, STOP_WORDS

# What follows a place word when the place is named: "xóm 5", "kênh Bảy Xã"
_PLACE_NAME = re.compile(r"\s+(?:\d|[A-ZĐ]|thôn|xóm|ấp|bản|xã|phường|trường)")
# How far after a place word its name is looked for.
PLACE_NAME_WINDOW = 24
# A solution answers a cause when it shares this many two-syllable content words.
CAUSE_OVERLAP = 2
# A solution naming this many different actions, and no slogan, is concrete as it is.
ACTIONS_ENOUGH = 3
# A solution with this many slogans is not made concrete by an owner and a verb.
SLOGANS_TOO_MANY = 2


def concrete_elements(text: str, mentions: Sequence[Mention]) -> list[str]:
    """Which concrete elements a solution names: quantity, schedule, owner, budget, place."""
    kinds = {m.kind for m in mentions}
    elements = []
    if kinds & {"percent", "quantity"}:
        elements.append("quantity")
    if kinds & {"date", "frequency", "duration"}:
        elements.append("schedule")
    if kinds & {"person", "role"}:
        elements.append("owner")
    if "budget" in kinds:
        elements.append("budget")
    if named_place(text, mentions):
        elements.append("place")
    return elements


def named_place(text: str, mentions: Sequence[Mention]) -> bool:
    """A place one can go to: a place word with its name or number ("xóm 5", "kênh
    Bảy Xã", "nhà văn hóa thôn"), not "ở nơi cần thiết"."""
    for m in mentions:
        if m.kind != "place":
            continue
        if _PLACE_NAME.match(text[m.end : m.end + PLACE_NAME_WINDOW]) or m.value in PLACE_OBJECTS:
            return True
    return False


def classify_solution(
    block: int, text: str, key: str, mentions: Sequence[Mention], causes: set[str]
) -> Item:
    """The solution written in ``text``; ``causes`` are the content words of the
    sentences that state causes (empty when the draft states none)."""
    elements = concrete_elements(text, mentions)
    slogans = [m.value for m in mentions if m.kind == "slogan"]
    verbs = [m.value for m in mentions if m.kind == "action_verb"]
    overlap = content_words(key) & causes
    # a named body alone does not make a slogan concrete ("tăng cường sự lãnh đạo
    # của chi bộ đối với Ban nhân dân ấp")
    measured = [e for e in elements if e != "owner"]
    # concrete: something measured, done by a checkable action or at least not
    # wrapped in slogans; a named owner alone is enough only for a plain action
    concrete = bool(measured) and (bool(verbs) or not slogans)
    concrete = concrete or (bool(elements) and bool(verbs) and len(slogans) < SLOGANS_TOO_MANY)
    # a plain run of checkable actions is concrete without a figure ("rà soát, lập danh
    # sách các đơn vị nợ, phân loại theo mức độ"): readers pass it as it stands
    concrete = concrete or (len(set(verbs)) >= ACTIONS_ENOUGH and not slogans)
    checks = {"concrete": concrete}
    if causes:  # with no causes stated there is nothing to answer (evidence flags that)
        checks["answers_cause"] = len(overlap) >= CAUSE_OVERLAP
    return Item(
        "solution",
        block,
        text,
        checks=checks,
        details={
            "elements": elements,
            "slogans": slogans,
            "verbs": verbs,
            "cause_words": sorted(overlap),
        },
    )


def cause_words(blocks: list[BlockFacts]) -> set[str]:
    """Content words of the situation's sentences that state causes."""
    words: set[str] = set()
    in_causes = False
    for bf in blocks:
        if bf.section != "situation":
            continue
        if bf.is_heading:
            in_causes = "nguyên nhân" in bf.key
            continue
        if in_causes or "nguyên nhân" in bf.key:
            words |= content_words(bf.key)
    return words


def content_words(key: str) -> set[str]:
    """The two-syllable phrases of ``key`` with no stop word in them."""
    words = re.findall(r"[^\W\d_]+", key)
    return {
        f"{a} {b}"
        for a, b in zip(words, words[1:], strict=False)
        if a not in STOP_WORDS and b not in STOP_WORDS
    }


# -- declared for rule packs (see engine/vocabulary.py) --------------------

# (classify_solution).
declare(
    "item_check",
    {
        "concrete": {
            "vi": "yếu tố đo được và việc làm cụ thể, hoặc từ ba việc làm cụ thể, không khẩu hiệu",
            "en": "a measured element and a checkable action, or three actions and no slogan",
        },
        "answers_cause": {
            "vi": "trùng ít nhất hai cặp từ với nguyên nhân đã nêu (chỉ khi có nêu nguyên nhân)",
            "en": "shares two word pairs with the stated causes (only when causes are stated)",
        },
    },
    item="solution",
)

declare(
    "item_detail",
    {
        "elements": {
            "vi": "các yếu tố cụ thể tìm thấy: quantity, schedule, owner, budget, place",
            "en": "the concrete elements found: quantity, schedule, owner, budget, place",
        },
        "slogans": {"vi": "các từ khẩu hiệu", "en": "the slogan cues"},
        "verbs": {"vi": "các động từ hành động", "en": "the action verbs"},
        "cause_words": {
            "vi": "các cặp từ trùng với nguyên nhân",
            "en": "the word pairs shared with the causes",
        },
    },
    item="solution",
)
