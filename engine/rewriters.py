"""The built-in rewriters a rule names with ``rewrite:`` (see :mod:`.rewrite`).

Each takes a :class:`~nghiquyet.engine.rewrite.Source` and returns its words with the
missing part written in as a placeholder, or None when it cannot form one well::

    task_deadline   «Chi đoàn dọn vệ sinh các tuyến đường, hoàn thành trước ngày [ngày/tháng/năm].»
    task_lead       «Đồng chí [họ tên], [chức vụ] chủ trì, phối hợp với các đoàn thể tuyên truyền …»
    target_figure   «Nâng cao ý thức giữ gìn vệ sinh, đạt [số] [đơn vị] trước ngày [ngày/tháng/năm].»
"""

from __future__ import annotations

import re

from .rewrite import (
    DATE,
    FIGURE,
    FREQUENCY,
    MONTH,
    PERSON,
    POST,
    REMEDY,
    Rewriter,
    Source,
    content_end,
    find_words,
    insert,
    lead_length,
    lower_first,
    main_sentence_end,
    upper_first,
)
from .text import match_key

LEAD = f"Đồng chí {PERSON}, {POST} chủ trì"
HOLDER = f" (đồng chí {PERSON}, {POST})"
# Vague times that stand for a recurring task ("thường xuyên kiểm tra"): a frequency
# takes their place; the others ("kịp thời", "trong thời gian tới") stand for a date.
RECURRING = ("thường xuyên", "liên tục", "lâu dài", "hằng ngày, hằng giờ", "định kỳ")
# A review already placed in time, though not dated ("sơ kết 6 tháng", "cuối năm")
_PLACED = re.compile(r"\d|cuối|giữa|hết năm|học kỳ|nhiệm kỳ|sáu tháng|hằng|hàng năm|mỗi năm")
_CLAUSE_END = re.compile(r"[,;:()]|[.!?](?=\s|$)")
_MONITORING = re.compile(r"kiểm tra|giám sát|theo dõi")
_VAGUE_FREQUENCY = re.compile(r"(?:thường xuyên|định kỳ|liên tục)\s+$")
# The verbs a task opens with when it names no owner ("Tổ chức 6 buổi họp xóm"): an
# owner put in front of them reads as a sentence, in front of anything else it may not
# ("Nghị quyết này được phổ biến ...", "Quá trình thực hiện nếu ...").
TASK_VERBS = ("action_verb", "slogan", "remedy_action")
_DAY_MONTH = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+\d{4}")


def task_deadline(source: Source) -> str | None:
    """A task ends with «…, hoàn thành trước ngày [ngày/tháng/năm]» (a table's task
    cell is left alone: its row has a deadline column)."""
    if source.in_table:
        return None
    return insert(source.text, main_sentence_end(source.text), f", hoàn thành trước ngày {DATE}")


def task_lead(source: Source) -> str | None:
    """«Đồng chí [họ tên], [chức vụ] chủ trì» takes the task: a collective that opens
    it stays on as «phối hợp với các đoàn thể»; a task that opens with its verb and
    names no owner gets one in front."""
    text, lead = source.text, lead_length(source.key)
    collective = match_key(source.detail).strip()
    if collective and source.key[lead:].startswith(collective):
        rest = text[lead + len(collective) :].lstrip(" :")
        named = lower_first(text[lead : lead + len(collective)])
        return f"{text[:lead]}{LEAD}, phối hợp với {named} {rest}"
    if source.in_table or not source.opens_with(*TASK_VERBS, at=lead):
        return None  # the owner belongs in the row's owner column, or has no place
    return f"{text[:lead]}{LEAD} {lower_first(text[lead:])}"


def task_holder(source: Source) -> str | None:
    """A body that leads a task gets its leading member in brackets: «Chi ủy (đồng chí
    [họ tên], [chức vụ])»; None when the body is not in these words (a table's
    owner column)."""
    body = match_key(source.detail).strip()
    at = find_words(source.key, body) if body else -1
    if at < 0:
        return None
    return insert(source.text, at + len(body), HOLDER)


def task_time(source: Source) -> str | None:
    """The vague time gives way to a frequency («thường xuyên» → «[hằng tuần/hằng
    tháng]») or a date («kịp thời» → «trước ngày [ngày/tháng/năm]»)."""
    vague = match_key(source.detail).strip()
    at = find_words(source.key, vague) if vague else -1
    if at < 0:
        return None
    instead = FREQUENCY if vague in RECURRING else f"trước ngày {DATE}"
    if source.text[at : at + 1].isupper():
        instead = upper_first(instead)
    return source.text[:at] + instead + source.text[at + len(vague) :]


def target_figure(source: Source) -> str | None:
    """A target gains «, đạt [số] [đơn vị]», and «trước ngày [ngày/tháng/năm]» when
    it has no date."""
    words = f", đạt {FIGURE}" + ("" if source.dated else f" trước ngày {DATE}")
    return insert(source.text, main_sentence_end(source.text), words)


def target_date(source: Source) -> str | None:
    """A target gains «trước ngày [ngày/tháng/năm]»."""
    return insert(source.text, main_sentence_end(source.text), f" trước ngày {DATE}")


def obstacle_remedy(source: Source) -> str | None:
    """An obstacle is followed by its remedy and who sees to it."""
    words = f"; cách tháo gỡ: {REMEDY}, đồng chí {PERSON}, {POST} phụ trách"
    return insert(source.text, content_end(source.text), words)


def _review_date(source: Source, review: str, other: str) -> str | None:
    """«sơ kết» (``review``) gains «vào tháng [tháng/năm]» at the end of its clause;
    when only ``other`` is named, ``review`` is written beside it."""
    text, key = source.text, source.key
    at = find_words(key, review)
    if at < 0:
        beside = find_words(key, other)
        if beside < 0:
            return None
        named = f"{review} vào tháng {MONTH}"
        if review == "sơ kết":  # the interim review comes first
            following = text[beside:]
            if following[:1].isupper():
                named, following = upper_first(named), following[:1].lower() + following[1:]
            return f"{text[:beside]}{named}, {following}"
        return insert(text, _clause_end(key, beside + len(other)), f", {named}")
    end = _clause_end(key, at + len(review))
    if _PLACED.search(key[at:end]):
        return None  # placed in time already ("sơ kết 6 tháng", "cuối năm")
    return insert(text, end, f" vào tháng {MONTH}")


def _clause_end(key: str, start: int) -> int:
    """The end of the words of the clause running on from ``start``."""
    m = _CLAUSE_END.search(key, start)
    end = m.start() if m else len(key)
    while end > start and key[end - 1].isspace():
        end -= 1
    return end


def interim_review_date(source: Source) -> str | None:
    """«sơ kết vào tháng [tháng/năm]»."""
    return _review_date(source, "sơ kết", "tổng kết")


def final_review_date(source: Source) -> str | None:
    """«tổng kết vào tháng [tháng/năm]»."""
    return _review_date(source, "tổng kết", "sơ kết")


def monitoring_frequency(source: Source) -> str | None:
    """The monitoring gains a frequency: «[hằng tuần/hằng tháng] kiểm tra, giám sát»,
    in place of «thường xuyên» or «định kỳ» when one stands before it."""
    m = _MONITORING.search(source.key)
    if m is None:
        return None
    text, at = source.text, m.start()
    vague = _VAGUE_FREQUENCY.search(source.key[:at])
    start = vague.start() if vague else at
    words, rest = FREQUENCY, text[at:]
    if text[start : start + 1].isupper():
        words, rest = upper_first(words), rest if vague else rest[:1].lower() + rest[1:]
    return f"{text[:start]}{words} {rest}"


def date_zeros(source: Source) -> str | None:
    """The date line with the zeros of Hướng dẫn 36: «ngày 05 tháng 3 năm 2026»."""
    m = _DAY_MONTH.search(source.key)
    if m is None:
        return None
    day, month = int(m.group(1)), int(m.group(2))
    fixed = [(m.span(1), f"{day:02d}"), (m.span(2), f"{month:02d}" if month <= 2 else str(month))]
    text = source.text
    for (start, end), value in reversed(fixed):
        text = text[:start] + value + text[end:]
    return text


def _meaning(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


REWRITERS: dict[str, Rewriter] = {
    "task_deadline": Rewriter(
        task_deadline,
        _meaning(
            "nhiệm vụ thêm «…, hoàn thành trước ngày [ngày/tháng/năm]»",
            "the task ends with '…, hoàn thành trước ngày [ngày/tháng/năm]'",
        ),
    ),
    "task_lead": Rewriter(
        task_lead,
        _meaning(
            "nhiệm vụ do «Đồng chí [họ tên], [chức vụ] chủ trì», tập thể chung chung phối hợp",
            "'Đồng chí [họ tên], [chức vụ] chủ trì' leads the task; a collective cooperates",
        ),
    ),
    "task_holder": Rewriter(
        task_holder,
        _meaning(
            "sau tên tập thể thêm «(đồng chí [họ tên], [chức vụ])»",
            "the body is followed by '(đồng chí [họ tên], [chức vụ])'",
        ),
    ),
    "task_time": Rewriter(
        task_time,
        _meaning(
            "thời gian mơ hồ đổi thành «[hằng tuần/hằng tháng]» hoặc «trước ngày [ngày/tháng/năm]»",
            "the vague time becomes '[hằng tuần/hằng tháng]' or 'trước ngày [ngày/tháng/năm]'",
        ),
    ),
    "target_figure": Rewriter(
        target_figure,
        _meaning(
            "chỉ tiêu thêm «đạt [số] [đơn vị] trước ngày [ngày/tháng/năm]»",
            "the target gains 'đạt [số] [đơn vị] trước ngày [ngày/tháng/năm]'",
        ),
    ),
    "target_date": Rewriter(
        target_date,
        _meaning(
            "chỉ tiêu thêm «trước ngày [ngày/tháng/năm]»",
            "the target gains 'trước ngày [ngày/tháng/năm]'",
        ),
    ),
    "obstacle_remedy": Rewriter(
        obstacle_remedy,
        _meaning(
            "khó khăn thêm «; cách tháo gỡ: [biện pháp], đồng chí [họ tên], [chức vụ] phụ trách»",
            "the obstacle gains '; cách tháo gỡ: [biện pháp], đồng chí [họ tên] … phụ trách'",
        ),
    ),
    "interim_review_date": Rewriter(
        interim_review_date,
        _meaning(
            "câu nói sơ kết thêm «vào tháng [tháng/năm]»",
            "the sentence on the interim review gains 'vào tháng [tháng/năm]'",
        ),
    ),
    "final_review_date": Rewriter(
        final_review_date,
        _meaning(
            "câu nói tổng kết thêm «vào tháng [tháng/năm]»",
            "the sentence on the final review gains 'vào tháng [tháng/năm]'",
        ),
    ),
    "monitoring_frequency": Rewriter(
        monitoring_frequency,
        _meaning(
            "việc kiểm tra, giám sát thêm «[hằng tuần/hằng tháng]»",
            "the monitoring gains '[hằng tuần/hằng tháng]'",
        ),
    ),
    "date_zeros": Rewriter(
        date_zeros,
        _meaning(
            "dòng ngày tháng viết lại với số 0 đúng quy định",
            "the date line with the leading zeros the form requires",
        ),
    ),
}
