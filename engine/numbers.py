"""Dates, deadlines, percentages and quantities in a match key (see
:func:`nghiquyet.engine.text.match_key`), found with regular expressions; every
offset is an offset into the key, and so into the text it was made from.

The pipeline's ``nq_numbers`` component (:mod:`nghiquyet.engine.nlp`) turns what these
find into spans; ``nghiquyet review`` reads a report's figures with them too.
"""

from __future__ import annotations

import datetime
import re

_D = r"(\d{1,2})"
_Y = r"((?:19|20)\d{2})"
_SEP = r"\s*[/.\-]\s*"
_SEASON_END = {"đông xuân": "Q2", "chiêm": "Q2", "hè thu": "Q3", "thu đông": "Q4", "mùa": "Q4"}
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# (kind of value, pattern); earlier patterns claim their characters first.
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("day", rf"ngày\s+{_D}\s+tháng\s+{_D}\s+năm\s+{_Y}"),
        ("day", rf"(\d(?<![\d/.\-]\d)\d?){_SEP}{_D}{_SEP}{_Y}(?![\d/])"),
        (
            "term",
            rf"(?:nhiệm kỳ|năm học|giai đoạn|mùa khô|mùa mưa|niên vụ)\s+{_Y}\s*[–\-—/]\s*{_Y}",
        ),
        ("quarter", rf"quý\s+(iv|i{{1,3}}|[1-4])\s*(?:/|-|năm|,)\s*(?:năm\s+)?{_Y}"),
        (
            "season",
            rf"vụ\s+(đông xuân|hè thu|thu đông|mùa|chiêm)\s+(?:năm\s+)?(?:{_Y}\s*[–\-—/]\s*)?{_Y}",
        ),
        ("half", rf"(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm\s*{_Y}?"),
        ("month", rf"tháng\s+{_D}\s*(?:/|-|năm)\s*{_Y}"),
        ("day_no_year", rf"(?:ngày|trước|hạn|đến|từ|vào)\s+{_D}\s*/\s*{_D}(?![\d/])"),
        ("day_no_year", rf"ngày\s+{_D}\s+tháng\s+{_D}(?!\s*năm)"),
        (
            "month_no_year",
            rf"(?:trong|vào|đầu|cuối|giữa|từ|đến|hết|trước)\s+tháng\s+{_D}(?![\d/\-]|\s*năm)",
        ),
        ("quarter_no_year", r"quý\s+(iv|i{1,3}|[1-4])(?![\w/])"),
        ("year", rf"(?:năm|cuối năm|hết năm|đến năm|trong năm)\s+{_Y}(?!\d)"),
    )
)

# The patterns that open with a number ask what may not stand before it after its
# first digit, two characters back ("\d(?<![\d.,]\d)"), not before it: a pattern that
# opens with a digit lets re skip to the digits, which a leading lookbehind prevents.
_PERCENT_RE = re.compile(r"(\d(?<![\d.,]\d)\d{0,2}(?:[.,]\d+)?)\s*(%|phần trăm)")
_NUMBER_RE = re.compile(
    r"(\d(?<![\w/.,\-]\d)(?:\d{0,2}(?:\.\d{3})+|\d*(?:,\d+)?))(?![\d%/\-]|\.\d)"
)
_FRACTION_RE = re.compile(r"(\d(?<![\d/]\d)\d{0,4})\s*/\s*(\d{1,5})(?![\d/])\s+([^\W\d_]+)")
_UNIT_RE = re.compile(r"\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)")
# Two-syllable units that must stay together ("triệu đồng", not "triệu").
TWO_SYLLABLE_UNITS = {
    "triệu đồng",
    "tỷ đồng",
    "nghìn đồng",
    "ngàn đồng",
    "học sinh",
    "đảng viên",
    "hội viên",
    "đoàn viên",
    "lượt người",
    "ngày công",
    "gia đình",
    "con số",
    "cán bộ",
    "thành viên",
    "giáo viên",
    "công nhân",
    "hộ dân",
    "hộ gia",
    "tấn rác",
    "mét vuông",
    "buổi sinh",
}
# Words after a number that are no unit: "2025–2026 tại các tiểu khu" is no quantity
NOT_UNITS = {
    "năm",
    "tháng",
    "và",
    "hoặc",
    "là",
    "của",
    "trên",
    "so",
    "đến",
    "tại",
    "ở",
    "trong",
    "cho",
    "với",
    "từ",
    "theo",
    "về",
    "khi",
    "thì",
    "nhưng",
}
# "8 tuần", "2 ngày": a length of time, neither a quantity of the problem nor a date
DURATION_UNITS = {"tuần", "ngày", "giờ", "phút", "tiếng"}


def _iso_value(kind: str, groups: tuple[str | None, ...]) -> tuple[str, str]:
    """(ISO-like value, precision) of a date match; an unwritten year is "????".

    The analysis step fills "????" with the year of the document's date line.
    """
    g = groups
    if kind in ("day", "day_no_year"):
        year = g[2] if kind == "day" else "????"
        return f"{year}-{int(g[1]):02d}-{int(g[0]):02d}", "day"
    if kind in ("month", "month_no_year"):
        year = g[1] if kind == "month" else "????"
        return f"{year}-{int(g[0]):02d}", "month"
    if kind in ("quarter", "quarter_no_year"):
        year = g[1] if kind == "quarter" else "????"
        return f"{year}-Q{_ROMAN_Q[g[0]]}", "quarter"
    if kind == "season":  # the crop season's harvest quarter: "vụ Hè Thu 2026" -> Q3
        return f"{g[2]}-{_SEASON_END[g[0]]}", "quarter"
    if kind == "half":
        return f"{g[1] or '????'}-H{1 if g[0] == 'đầu' else 2}", "half"
    if kind == "term":
        return f"{g[0]}/{g[1]}", "term"
    return g[0] or "????", "year"


def _plausible(value: str, precision: str) -> bool:
    """Reject "31/13/2026" and the like: a wrong date is no deadline."""
    if precision == "day":
        _, month, day = value.split("-")
        year = 2024 if value.startswith("????") else int(value[:4])  # 2024 is leap
        try:
            datetime.date(year, int(month), int(day))
        except ValueError:
            return False
    elif precision == "month":
        return 1 <= int(value[-2:]) <= 12
    return True


class _Taken:
    """The characters of a key already claimed by a span, one byte each: asking whether
    a match is free costs its own length, never the number of spans found so far (a
    line of a million dates stays linear)."""

    def __init__(self, size: int):
        self._marks = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self._marks.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        self._marks[start:end] = b"\x01" * (end - start)


# Every pattern above needs a digit, except the dates written in words: "sáu tháng
# đầu năm", "quý II"; a key without any of these holds no date and no number.
_MAY_HOLD = re.compile(r"\d|sáu|quý")


def may_hold_numbers(key: str) -> bool:
    """False when ``key`` can hold no date, deadline, percentage or quantity, so the
    finders need not run: it has no digit and no word a date is written with."""
    return _MAY_HOLD.search(key) is not None


# What each of DATE_PATTERNS cannot match without: one of these strings in the key.
# None: the pattern opens with a digit (re skips to the digits itself).
_DATE_NEEDS: tuple[tuple[str, ...] | None, ...] = (
    ("ngày",),
    None,
    ("nhiệm kỳ", "năm học", "giai đoạn", "mùa khô", "mùa mưa", "niên vụ"),
    ("quý",),
    ("vụ",),
    ("tháng",),
    ("tháng",),
    ("/",),
    ("ngày",),
    ("tháng",),
    ("quý",),
    ("năm",),
)
# The words any pattern needs, and each pattern's as a set: a key's words are looked
# up once, and each pattern asks whether it shares one with them.
_NEED_WORDS = tuple(sorted({word for needs in _DATE_NEEDS if needs for word in needs}))
_NEED_SETS = tuple(None if needs is None else frozenset(needs) for needs in _DATE_NEEDS)


def _date_matches(key: str):
    """(kind, match) of every pattern of DATE_PATTERNS in turn, as finditer gives
    them, leaving out the patterns the key lacks the words for."""
    present = {word for word in _NEED_WORDS if word in key}
    for (kind, pattern), needs in zip(DATE_PATTERNS, _NEED_SETS, strict=True):
        if needs is None or not needs.isdisjoint(present):
            yield from ((kind, m) for m in pattern.finditer(key))


def find_dates(key: str) -> list[tuple[int, int, str, str]]:
    """(start, end, iso value, precision) of every date or deadline in ``key``."""
    taken = _Taken(len(key))
    found = []
    for kind, m in _date_matches(key):
        if not taken.free(m.start(), m.end()):
            continue
        value, precision = _iso_value(kind, m.groups())
        if not _plausible(value, precision):
            continue
        taken.take(m.start(), m.end())
        found.append((m.start(), m.end(), value, precision))
    return sorted(found)


def _to_float(number: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        return float(number.replace(".", ""))
    return float(number.replace(",", "."))


def find_numbers(
    key: str, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str, float, str | None]]:
    """(start, end, kind, value, unit) of percentages and quantities outside ``taken``."""

    dates, spans = _Taken(len(key)), _Taken(len(key))
    for start, end in taken:
        dates.take(start, end)
        spans.take(start, end)
    # percentages and fractions give way to dates only; bare numbers to all three
    free = dates.free
    found = []
    percents = _PERCENT_RE.finditer(key) if "%" in key or "phần trăm" in key else ()
    for m in percents:
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), "percent", _to_float(m.group(1)), "%"))
            spans.take(m.start(), m.end())
    for m in _FRACTION_RE.finditer(key) if "/" in key else ():
        # "4/4 điểm", "97/412 hộ": a count out of a total is a quantity
        if free(m.start(), m.end()) and m.group(3) not in NOT_UNITS:
            found.append((m.start(), m.end(), "quantity", _to_float(m.group(1)), m.group(3)))
            spans.take(m.start(), m.end())
    free = spans.free
    for m in _NUMBER_RE.finditer(key):
        if not free(m.start(), m.end()):
            continue
        # "1." or "2)" at the start of a block is numbering, not a quantity
        if m.start() == 0 and key[m.end() : m.end() + 1] in (".", ")"):
            continue
        unit_match = _UNIT_RE.match(key, m.end())
        if not unit_match:
            continue
        words = unit_match.group(1).split()
        unit = " ".join(words[:2]) if " ".join(words[:2]) in TWO_SYLLABLE_UNITS else words[0]
        if unit in NOT_UNITS:
            continue
        end = m.end() + unit_match.group(0).index(words[0]) + len(unit)
        if free(m.start(), end):
            kind = "duration" if unit in DURATION_UNITS else "quantity"
            found.append((m.start(), end, kind, _to_float(m.group(1)), unit))
    return found
