"""Figures: the number a target sets, the numbers a report gives, and whether one
meets the other.

A target's goal is its first figure outside brackets, with the same goal in another
unit right after it in brackets ("100% hộ (412 hộ)"), compared the way its words say:
"ít nhất", "từ ... trở lên" or a plain figure ask for at least; "không quá", "tối đa",
"giảm còn" for at most; "dưới", "giảm xuống dưới" for less than; "trên" for more than.
"giảm 30%", "tăng 20%" set a change, met only by a change the same way. A target with
no figure but "không còn", "không phát sinh", "không để xảy ra" asks for zero.

A report's figure counts for a goal when its unit is the goal's (or a percentage and
a count out of a total, "405/412 hộ"), and it is not the target restated ("đạt 93%
(chỉ tiêu 95%)": the 95% is left aside) nor a remainder ("còn 9 hộ") for a goal that
asks for at least. Of the figures that count, the one nearest the words the sentence
shares with the target is taken.

All reading is done on match keys (lower case, one tone placement; same offsets as
the text) with the pipeline's own date and number patterns (:mod:`..nlp`).
"""

from __future__ import annotations

import re

from ..messages import N_, t
from ..nlp import TWO_SYLLABLE_UNITS, find_dates, find_numbers
from ..text import match_key
from .brackets import outside_brackets
from .model import Figure, Goal

# The words before a figure that say how it compares, tried in this order
_BEFORE = (
    ("change", re.compile(r"(?:giảm|tăng)(?: được| thêm)?(?: ít nhất| tối thiểu| trên)?\s*$")),
    ("<", re.compile(r"(?:dưới|thấp hơn|ít hơn)\s*(?:mức\s*)?$")),
    ("<=", re.compile(r"(?:không quá|không vượt quá|tối đa|nhiều nhất|còn)\s*(?:khoảng\s*)?$")),
    (">=", re.compile(r"(?:ít nhất|tối thiểu|không dưới|không thấp hơn|từ)\s*$")),
    (">", re.compile(r"(?:trên|hơn|vượt)\s*$")),
)
_AFTER = ((">=", re.compile(r"^\s*trở lên")), ("<=", re.compile(r"^\s*trở xuống")))
# "không còn", "không phát sinh", "không để xảy ra": a target of zero, and its verb
_ZERO_GOAL = re.compile(
    r"không (?:để )?(?P<verb>còn|phát sinh|xảy ra|có|tái diễn)\b(?:\s+(?:thêm|mới))?"
    r"(?:\s+(?P<unit>[^\W\d_]+))?"
)
# in a report: "không phát sinh điểm mới", "không còn hộ nào", "chưa phát sinh"
_ZERO_REPORT = re.compile(r"(?:không|chưa) (?:để )?(?:còn|phát sinh|xảy ra|có|tái diễn)\b")
# the target restated beside the result: "(chỉ tiêu 95%)", "so với kế hoạch là 95%"
_RESTATED = re.compile(
    r"(?:chỉ tiêu|kế hoạch|mục tiêu|đề ra|so với)(?:\s+(?!đạt\b|được\b)[^\s.;:]+){0,4}\s*[(:]?\s*$"
)
_REMAINDER = re.compile(r"(?:còn|chưa)\s+(?:lại\s+)?(?:khoảng\s+)?$")
_OUT_OF = re.compile(r"^\s*(\d{1,5})\s*(?:/|trên)\s*(\d{1,5})")
# Units that name the same people or things
_SAME_UNITS = (
    {"học sinh", "em", "cháu"},
    {"hộ", "hộ dân", "hộ gia", "gia đình"},
    {"đảng viên", "đồng chí"},
    {"tấn", "tấn rác"},
    {"người", "lượt người"},
)
_BACK = 40  # characters looked at before a figure
CHANGES = {"decrease": N_("down {goal}"), "increase": N_("up {goal}")}


def _numbers(key: str) -> list[tuple[int, int, str, float, str | None]]:
    """Percentages and quantities of ``key``, dates left out, in text order."""
    dates = [(s, e) for s, e, _, _ in find_dates(key)]
    found = [n for n in find_numbers(key, dates) if n[2] in ("percent", "quantity")]
    return sorted(found)


_NEXT_SYLLABLE = re.compile(r"\s+([^\W\d_]+)")


def _figure(key: str, text: str, number: tuple, change: str | None = None) -> Figure:
    start, end, kind, value, unit = number
    following = _NEXT_SYLLABLE.match(key, end)
    if kind == "quantity" and following and f"{unit} {following[1]}" in TWO_SYLLABLE_UNITS:
        unit, end = f"{unit} {following[1]}", following.end()  # "4/10 học sinh", not "học"
    out_of = _OUT_OF.match(key[start:end])
    total = float(out_of.group(2)) if out_of else None
    return Figure(
        value, "%" if kind == "percent" else unit, text[start:end], start, end, total, change
    )


def _comparison(key: str, start: int, end: int) -> tuple[str, str | None]:
    """(op, change) the words around a figure at ``key[start:end]`` say."""
    before = key[max(0, start - _BACK) : start]
    for op, rx in _BEFORE:
        found = rx.search(before)
        if found:
            if op == "change":
                return ">=", "decrease" if "giảm" in found.group() else "increase"
            return op, None
    for op, rx in _AFTER:
        if rx.match(key[end : end + 15]):
            return op, None
    return ">=", None


def read_goal(text: str) -> Goal | None:
    """The goal a target clause sets, or None when it sets no figure."""
    key = match_key(text)
    numbers = _numbers(key)
    plain = outside_brackets(key)
    outside = [n for n in numbers if plain[n[0]]]
    if not outside:
        zero = _ZERO_GOAL.search(key)
        if zero is None:
            return None
        figure = Figure(
            0.0, zero["unit"], text[zero.start() : zero.end()], zero.start(), zero.end()
        )
        return Goal("==", figure, verb=zero["verb"])
    first = outside[0]
    op, change = _comparison(key, first[0], first[1])
    figure = _figure(key, text, first, change)
    alternates = tuple(
        _figure(key, text, n, change)
        for n in numbers
        if n[0] > first[1] and not plain[n[0]] and key[first[1] : n[0]].strip() == "("
    )
    return Goal(op, figure, alternates)


def read_figures(text: str, ignored: list[tuple[int, int]] = ()) -> list[Figure]:
    """The figures of a report sentence that may be results: not in ``ignored`` spans,
    not the target restated. A remainder ("còn 9 hộ") has change ``remaining``."""
    key = match_key(text)
    out = []
    for number in _numbers(key):
        start = number[0]
        if any(s <= start < e for s, e in ignored):
            continue
        before = key[max(0, start - _BACK) : start]
        if _RESTATED.search(before):
            continue
        _, change = _comparison(key, start, number[1])
        if _REMAINDER.search(before):
            change = "remaining"
        out.append(_figure(key, text, number, change))
    for zero in _ZERO_REPORT.finditer(key):
        out.append(Figure(0.0, None, text[zero.start() : zero.end()], zero.start(), zero.end()))
    return out


def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two units name the same thing ("em" and "học sinh" do)."""
    if a is None or b is None:
        return False
    a, b = match_key(a), match_key(b)
    return a == b or any(a in group and b in group for group in _SAME_UNITS)


def compared(goal: Goal, figure: Figure, key: str = "") -> tuple[float, float] | None:
    """(reported value, goal value) in one unit, or None when ``figure`` does not speak
    to ``goal``; ``key`` is the sentence's match key (a zero goal's verb must be in it)."""
    if goal.verb and goal.verb not in key:
        return None  # a zero goal: "không phát sinh" is met by what did not "phát sinh"
    if figure.unit is None:  # "không phát sinh": zero, for goals that ask for little
        return (0.0, goal.figure.value) if goal.op in ("<", "<=", "==") else None
    if figure.change == "remaining":
        if goal.op in (">=", ">"):
            return None  # "còn 9 hộ" is what is left, not what was done
    elif figure.change != goal.figure.change:
        return None  # a change against a level, or the other way round
    for wanted in (goal.figure, *goal.alternates):
        if wanted.unit == "%" or figure.unit == "%":
            # a percentage on either side: both as percentages ("405/412 hộ" is 98.3%)
            if wanted.percent is not None and figure.percent is not None:
                return figure.percent, wanted.percent
        elif same_unit(wanted.unit, figure.unit):
            return figure.value, wanted.value
    return None


def meets(op: str, value: float, goal: float) -> bool:
    """Whether ``value`` meets ``goal`` compared by ``op``."""
    return {
        ">=": value >= goal,
        ">": value > goal,
        "<=": value <= goal,
        "<": value < goal,
        "==": value == goal,
    }[op]


def goal_text(goal: Goal, lang: str) -> str:
    """The goal for people: "≥ 95%", "< 5%", "≤ 2 em", "giảm ≥ 30%", and a zero goal
    in its own words ("không phát sinh điểm")."""
    figure = goal.figure
    if goal.op == "==":
        return figure.text
    symbol = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}[goal.op]
    shown = f"{symbol} {figure_text(figure, lang)}"
    if figure.change:
        return t(CHANGES[figure.change], lang, goal=shown)
    return shown


def figure_text(figure: Figure, lang: str) -> str:
    """A figure with the decimal comma Vietnamese writes: "82,8%", "4/6 thùng"."""
    value = f"{figure.value:g}"
    if lang == "vi":
        value = value.replace(".", ",")
    if figure.total is not None:
        value = f"{value}/{figure.total:g}"
    if figure.unit == "%":
        return f"{value}%"
    return f"{value} {figure.unit}" if figure.unit else value
