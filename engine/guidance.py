"""Which part of the guidance a rule enforces (DOMAIN.md, "The five steps").

The steps, and which of them each criterion belongs to, are in
:mod:`nghiquyet.engine.criteria` (a rule of a criterion that spans several names its
own with ``step:``). This module adds what the guidance asks at that point, in its
words, and the document that asks it; ``nghiquyet explain`` quotes both.
"""

from __future__ import annotations

from dataclasses import dataclass

from .criteria import BY_ID, STEP_KEYS

MEETINGS = {
    "vi": "Hướng dẫn 12-HD/BTCTW (06-7-2018) về nâng cao chất lượng sinh hoạt chi bộ, "
    "nay là Hướng dẫn 42-HD/BTCTW (2025)",
    "en": "Hướng dẫn 12-HD/BTCTW (6 July 2018) on the quality of cell meetings, "
    "succeeded by Hướng dẫn 42-HD/BTCTW (2025)",
}
FORM = {
    "vi": "Hướng dẫn 36-HD/VPTW (2018) về thể thức và kỹ thuật trình bày văn bản của Đảng",
    "en": "Hướng dẫn 36-HD/VPTW (2018) on the form of party documents",
}


def _asks(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


# What the guidance asks that each criterion's rules look for.
ASKS: dict[str, dict[str, str]] = {
    "urgency": _asks(
        "chủ đề chọn từ thực tế đơn vị: nhiệm vụ quan trọng, vấn đề bức xúc, cấp bách, "
        "yếu kém mang tính hệ thống, hoặc nhân tố mới cần nhân rộng",
        "a topic from the unit's real situation: an important task, a pressing problem, "
        "a systemic weakness, or a new factor worth spreading",
    ),
    "evidence": _asks(
        "khảo sát, đánh giá khoa học, khách quan, đúc kết thực trạng",
        "survey and assess the situation scientifically and objectively",
    ),
    "objectives": _asks("mục đích, yêu cầu, chỉ tiêu", "purpose and requirements, with targets"),
    "feasibility": _asks(
        "giải pháp và cách tiến hành thiết thực, khả thi",
        "practical, feasible solutions and how to carry them out",
    ),
    "obstacles": _asks(
        "dự báo vướng mắc phát sinh và cách tháo gỡ",
        "forecast the obstacles likely to arise and how to remove them",
    ),
    "assignments": _asks(
        "phân công nhiệm vụ đối với cán bộ, đảng viên",
        "assign the tasks to named cadres and members",
    ),
    "procedure": _asks(
        "dự thảo qua chi ủy; chi bộ thảo luận, biểu quyết",
        "the draft passes the chi ủy; the cell discusses it and votes",
    ),
    "follow_up": _asks(
        "tổ chức thực hiện, kiểm tra, giám sát; sơ kết, tổng kết theo định kỳ",
        "implement and monitor; interim and final reviews on schedule",
    ),
    "format": _asks(
        "thể thức văn bản: tiêu đề, số và ký hiệu, địa danh và ngày tháng, tên loại, "
        "chữ ký, nơi nhận, phông chữ",
        "the document's form: header, number and symbol, place and date, kind, "
        "signature, recipients, font",
    ),
    "meta": _asks(
        "không thuộc tiêu chí nào: văn bản phải đọc được và viết xong trước khi chấm",
        "no criterion: the text must be readable and finished before it is judged",
    ),
}
# A rule that names its step (``step:``) enforces that step's part of its criterion.
STEP_ASKS: dict[str, dict[str, str]] = {
    "chiuy": _asks(
        "dự thảo được chi ủy thảo luận, thống nhất trước khi trình chi bộ",
        "the chi ủy discusses and agrees the draft before the cell meeting",
    ),
    "vote": _asks(
        "hội nghị chi bộ thảo luận, biểu quyết thông qua",
        "the cell meeting discusses the resolution and votes on it",
    ),
}


@dataclass(frozen=True, slots=True)
class Enforces:
    """The steps a rule belongs to (their keys in :data:`criteria.STEPS`; none for a
    meta rule, or a rule of a criterion of several steps that names none), what the
    guidance asks there, and the document that asks it (``None`` for meta rules)."""

    steps: tuple[str, ...]
    asks: dict[str, str]
    source: dict[str, str] | None = None


def enforces(criterion: str, step: str | None = None) -> Enforces:
    """What the guidance asks that a rule of ``criterion`` (and ``step``) enforces."""
    found = BY_ID.get(criterion)
    if step is not None:
        steps: tuple[str, ...] = (step,)
    else:
        steps = found.steps if found is not None and len(found.steps) == 1 else ()
    asks = STEP_ASKS.get(step or "", ASKS[criterion])
    source = FORM if criterion == "format" else MEETINGS if found is not None else None
    return Enforces(tuple(k for k in STEP_KEYS if k in steps), asks, source)
