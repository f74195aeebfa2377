"""The nine criteria (ids are a contract), their names, default weights and steps.

The guidance builds a thematic resolution in five steps (DOMAIN.md); each criterion
says which of them its evidence belongs to, so that a report can tell a cell which
steps its text shows done without knowing any rule by heart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Step:
    """One of the five steps of building a thematic resolution, in the guidance's order."""

    key: str
    name: dict[str, str]


STEPS: tuple[Step, ...] = (
    Step("topic", {"vi": "Lựa chọn chủ đề", "en": "Choose the topic"}),
    Step("draft", {"vi": "Dự thảo nghị quyết", "en": "Draft the resolution"}),
    Step(
        "chiuy",
        {"vi": "Chi ủy thảo luận, thống nhất dự thảo", "en": "Chi ủy reviews the draft"},
    ),
    Step(
        "vote",
        {"vi": "Hội nghị chi bộ thảo luận, biểu quyết", "en": "Cell meeting discusses and votes"},
    ),
    Step("review", {"vi": "Tổ chức thực hiện, sơ kết, tổng kết", "en": "Implement, then review"}),
)
STEP_KEYS: tuple[str, ...] = tuple(s.key for s in STEPS)


@dataclass(frozen=True, slots=True)
class Criterion:
    """A criterion of DOMAIN.md.

    ``steps`` are the steps whose work the criterion looks for in the text. A criterion
    of one step is judged whole in that step. One that spans several (procedure: the
    chi ủy's review, then the cell's vote) leaves it to each of its rules to name its
    step (``step:`` in the rule's YAML); a rule of it that names none checks the draft
    itself (its "DỰ THẢO" mark, say) and ticks no step.
    """

    id: str
    digit: int  # the id digit of its rules (NQ6xx); checked when a pack loads
    weight: float
    name: dict[str, str]
    steps: tuple[str, ...]


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        id="urgency",
        digit=1,
        weight=2,
        name={"vi": "Tính cấp thiết của chủ đề", "en": "Urgency of the topic"},
        steps=("topic",),
    ),
    Criterion(
        id="evidence",
        digit=2,
        weight=2,
        name={"vi": "Khảo sát, đánh giá thực trạng", "en": "Evidence"},
        steps=("draft",),
    ),
    Criterion(
        id="objectives",
        digit=3,
        weight=3,
        name={"vi": "Mục tiêu, chỉ tiêu đo được", "en": "Measurable objectives"},
        steps=("draft",),
    ),
    Criterion(
        id="feasibility",
        digit=4,
        weight=3,
        name={"vi": "Giải pháp khả thi", "en": "Feasible solutions"},
        steps=("draft",),
    ),
    Criterion(
        id="obstacles",
        digit=5,
        weight=2,
        name={"vi": "Dự báo vướng mắc, cách tháo gỡ", "en": "Obstacle forecast"},
        steps=("draft",),
    ),
    Criterion(
        id="assignments",
        digit=6,
        weight=3,
        name={"vi": "Phân công cụ thể", "en": "Concrete assignments"},
        steps=("draft",),
    ),
    Criterion(
        id="procedure",
        digit=7,
        weight=1,
        name={"vi": "Quy trình thông qua", "en": "Procedure"},
        steps=("chiuy", "vote"),
    ),
    Criterion(
        id="follow_up",
        digit=8,
        weight=2,
        name={"vi": "Kiểm tra, sơ kết, tổng kết", "en": "Follow-up"},
        steps=("review",),
    ),
    Criterion(
        id="format",
        digit=9,
        weight=1,
        name={"vi": "Thể thức văn bản", "en": "Document form"},
        steps=("draft",),
    ),
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
    """A grade (as the JSON contract writes it, in Vietnamese) in ``lang``."""
    for _floor, names in GRADES:
        if names["vi"] == grade:
            return names.get(lang, grade)
    return grade
