"""The nine criteria (ids are a contract), their names and default weights."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    digit: int
    weight: float
    name: dict[str, str]


CRITERIA: tuple[Criterion, ...] = (
    Criterion("urgency", 1, 2, {"vi": "Tính cấp thiết của chủ đề", "en": "Urgency of the topic"}),
    Criterion("evidence", 2, 2, {"vi": "Khảo sát, đánh giá thực trạng", "en": "Evidence"}),
    Criterion(
        "objectives", 3, 3, {"vi": "Mục tiêu, chỉ tiêu đo được", "en": "Measurable objectives"}
    ),
    Criterion("feasibility", 4, 3, {"vi": "Giải pháp khả thi", "en": "Feasible solutions"}),
    Criterion(
        "obstacles", 5, 2, {"vi": "Dự báo vướng mắc, cách tháo gỡ", "en": "Obstacle forecast"}
    ),
    Criterion("assignments", 6, 3, {"vi": "Phân công cụ thể", "en": "Concrete assignments"}),
    Criterion("procedure", 7, 1, {"vi": "Quy trình thông qua", "en": "Procedure"}),
    Criterion("follow_up", 8, 2, {"vi": "Kiểm tra, sơ kết, tổng kết", "en": "Follow-up"}),
    Criterion("format", 9, 1, {"vi": "Thể thức văn bản", "en": "Document form"}),
)
CRITERION_IDS: tuple[str, ...] = tuple(c.id for c in CRITERIA)
BY_ID = {c.id: c for c in CRITERIA}
BY_DIGIT = {c.digit: c for c in CRITERIA}
# Digit 0 is for meta rules (unreadable text, placeholders): they are reported but
# belong to no criterion score.
META = "meta"

GRADES: tuple[tuple[float, dict[str, str]], ...] = (
    (80, {"vi": "Tốt", "en": "Good"}),
    (65, {"vi": "Khá", "en": "Fair"}),
    (50, {"vi": "Trung bình", "en": "Average"}),
    (0, {"vi": "Yếu", "en": "Weak"}),
)


def grade_for(score: float) -> str:
    """The Vietnamese grade of an overall score (the JSON contract uses these)."""
    for floor, names in GRADES:
        if score >= floor:
            return names["vi"]
    return GRADES[-1][1]["vi"]


def grade_name(grade: str, lang: str) -> str:
    for _floor, names in GRADES:
        if names["vi"] == grade:
            return names.get(lang, grade)
    return grade
