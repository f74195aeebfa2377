"""Targets: is each one measurable, dated, free of vague goals?"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Item, Mention
from ..vocabulary import declare

# A figure given as a bound: "không quá 4 vụ", "dưới 1%", "ít nhất 35 hộ", "đủ 16 giờ".
_BOUND = re.compile(
    r"(?:không quá|không vượt quá|không vượt|dưới|tối đa|ít nhất|tối thiểu|đủ|đạt|"
    r"giảm xuống|giảm còn|tăng lên)\s+(?:còn\s+)?\d"
)
_MEASURES = {"percent", "quantity", "absolute_target"}
# A figure this close before a stock formula, in the same clause, belongs to it ("100%
# cán bộ, đảng viên, giáo viên, nhân viên được quán triệt ...": its subject may be a list).
FORMULA_REACH = 80
_CLAUSE_BREAK = re.compile(r"[.;]")


# Formulas the lexicon cannot list word for word: a plan or quota handed down
# ("hoàn thành 100% kế hoạch sản lượng Công ty giao") and being briefed ("100% cán bộ,
# đảng viên được quán triệt ...", "... nắm vững quy trình"). Bounded: at most 60 characters between.
_FORMULA = re.compile(r"(?:kế hoạch|chỉ tiêu)[^.;]{0,60}?\bgiao\b|\bquán triệt\b|\bnắm vững\b")


# A span of years dates a target when it is one season or school year ("trong mùa
# khô 2025 – 2026", "năm học 2025 – 2026"); a term or a stage ("nhiệm kỳ 2025 – 2030",
# "giai đoạn 2025 – 2030") is too long to be a deadline.
_SEASON_SPANS = ("mùa khô", "mùa mưa", "năm học", "niên vụ")


def _dates_a_target(date: Mention, key: str, offset: int) -> bool:
    return date.unit != "term" or key.startswith(_SEASON_SPANS, date.start - offset)


def classify_target(
    block: int,
    text: str,
    key: str,
    mentions: Sequence[Mention],
    inherited_date: str | None = None,
    offset: int = 0,
) -> Item:
    """The target written in ``text`` (a clause of block ``block``, with its match key
    and the mentions inside it, whose offsets are the block's: the clause starts at
    ``offset``); ``inherited_date`` is the date its heading or introducing line gave."""
    stock = [(m.start, m.end) for m in mentions if m.kind == "stock_target"]
    stock += [(f.start() + offset, f.end() + offset) for f in _FORMULA.finditer(key)]
    measures = [
        m for m in mentions if m.kind in _MEASURES and not _in_formula(m, stock, key, offset)
    ]
    # "không còn điểm đổ rác", "không có học sinh bị đuối nước": zero is a number;
    # "không quá 40 giờ/người/tháng", "không quá 32°C": a bound is a measure
    measurable = bool(measures) or (not stock and bool(_BOUND.search(key)))
    dates = [m for m in mentions if m.kind == "date" and _dates_a_target(m, key, offset)]
    vague = list(
        dict.fromkeys(m.value for m in mentions if m.kind in ("vague_goal", "stock_target"))
    )
    vague += [f.group() for f in _FORMULA.finditer(key) if f.group() not in vague]
    return Item(
        "target",
        block,
        text.strip(),
        checks={
            "measurable": measurable,
            "dated": bool(dates) or inherited_date is not None,
            "not_vague": measurable or not vague,
        },
        details={"vague_terms": vague, "deadline": dates[0].value if dates else inherited_date},
    )


def _in_formula(measure: Mention, stock: list[tuple[int, int]], key: str, offset: int) -> bool:
    """Whether ``measure`` is the figure of a stock formula ("100% đảng viên học tập,
    quán triệt nghị quyết", "hoàn thành 100% chỉ tiêu cấp trên giao"); ``stock`` holds
    the formulas' (start, end), in the block's offsets as the mentions are; ``key`` is
    the clause's, which starts at ``offset``."""
    return any(
        (
            0 <= start - measure.end <= FORMULA_REACH
            and not _CLAUSE_BREAK.search(key, measure.end - offset, start - offset)
        )
        or start <= measure.start < end
        for start, end in stock
    )


def first_target(targets: Sequence[Item]) -> int | None:
    """The block of the first target the objectives part sets, if it sets any: a part
    that only states a purpose ("Mục đích, yêu cầu") sets none."""
    return targets[0].block if targets else None


# -- declared for rule packs (see engine/vocabulary.py) --------------------

declare(
    "signal",
    {
        "target_set": {
            "vi": "khối chỉ tiêu đầu tiên của phần mục tiêu (không tính câu nêu mục đích chung)",
            "en": "block of the first target of the objectives part (a purpose statement is none)",
        },
    },
)

# (classify_target): what a target has.
declare(
    "item_check",
    {
        "measurable": {
            "vi": "có con số (%, số lượng, chỉ tiêu tuyệt đối) hoặc một giới hạn («không quá 4 vụ»)",
            "en": "has a figure (%, quantity, zero or all) or a bound ('không quá 4 vụ')",
        },
        "dated": {
            "vi": "có mốc thời gian, của chính nó hoặc của tiêu đề, câu dẫn",
            "en": "has a date, its own or its heading's or introduction's",
        },
        "not_vague": {
            "vi": "đo được, hoặc không dùng từ mục tiêu mơ hồ («nâng cao», «góp phần»)",
            "en": "measurable, or free of vague goal words ('nâng cao', 'góp phần')",
        },
    },
    item="target",
)

# The details each item carries, for a finding to quote (params.detail).
declare(
    "item_detail",
    {
        "vague_terms": {
            "vi": "các từ mục tiêu mơ hồ trong chỉ tiêu",
            "en": "the vague goal words in the target",
        },
        "deadline": {
            "vi": "mốc của chỉ tiêu (dạng ISO), của chính nó hoặc được thừa hưởng",
            "en": "the target's date (ISO-like), its own or inherited",
        },
    },
    item="target",
)
