"""How right ``nghiquyet review`` is: paired variants of a progress report.

Two reports that differ in one figure or one sentence must move the status of that
target or task, and of nothing else; the bundled samples hold their expected
statuses; a target's direction decides ("giảm xuống dưới 5%" is met by 4%, "không
quá 3 vụ" by 2, "giảm ít nhất 20%" by a fall of 25%); a report in a table with its
plan column is read by its result column.
"""

from __future__ import annotations

import pytest
from nghiquyet.engine.review import review_documents
from nghiquyet.plugins.text_loader import parse_markdown

GOOD = "review/bao-cao-so-ket-tot.md"
SLOGANS = "review/bao-cao-so-ket-hinh-thuc.md"
SCHOOL = "review/bao-cao-so-ket-thcs-son-thanh.md"

GOOD_TARGETS = ["met", "met", "met", "not_met", "met", "met", "reported"]
GOOD_TASKS = ["done", "done", "in_progress", "in_progress", "done", "done"]


@pytest.fixture(scope="module")
def review(assessor):
    """Review report text against resolution text through the real loader and pipeline."""

    def run(resolution: str, report: str):
        first = parse_markdown(resolution, "nghi-quyet.md")
        second = parse_markdown(report, "bao-cao.md")
        return review_documents(assessor, first, second)

    return run


def statuses(result) -> tuple[list[str], list[str]]:
    return [t.status for t in result.targets], [t.status for t in result.tasks]


def test_the_good_report_meets_most_targets(review, samples):
    result = review((samples / "strong.md").read_text("utf-8"), (samples / GOOD).read_text("utf-8"))
    assert statuses(result) == (GOOD_TARGETS, GOOD_TASKS)
    fee = result.targets[3]
    assert "thu phí vệ sinh" in fee.text and fee.reported.text == "93%"
    assert "đạt 93%" in fee.evidence.sentence


def test_the_slogan_report_shows_nothing_that_can_be_checked(review, samples):
    result = review(
        (samples / "strong.md").read_text("utf-8"), (samples / SLOGANS).read_text("utf-8")
    )
    targets, tasks = statuses(result)
    # it speaks of much, and shows nothing: no figure held against a target, no progress
    assert set(targets) == set(tasks) == {"reported", "not_reported"}
    assert all(t.reported is None for t in result.targets)


def test_the_school_report(review, samples):
    result = review(
        (samples / "middling.md").read_text("utf-8"), (samples / SCHOOL).read_text("utf-8")
    )
    targets, tasks = statuses(result)
    assert targets == ["met", "met", "reported", "not_reported"]
    assert tasks[:4] == ["done", "done", "in_progress", "done"]
    assert result.targets[0].reported.text == "8/10 học sinh"
    assert "18/24 buổi" in result.tasks[2].evidence.sentence


# -- paired variants: one figure or sentence moves one status --------------------------

VARIANTS = [
    # (what the good report says, what the variant says, target or task, index, status)
    ("đạt 93%", "đạt 96%", "targets", 3, "met"),
    ("đã xóa bỏ 4/4 điểm", "đã xóa bỏ 3/4 điểm", "targets", 0, "not_met"),
    (
        "ven kênh không phát sinh điểm đổ rác mới",
        "ven kênh phát sinh 1 điểm đổ rác mới",
        "targets",
        1,
        "not_met",
    ),
    ("412/412 hộ (100%)", "405/412 hộ (98,3%)", "targets", 2, "not_met"),
    ("27/27 hộ đảng viên", "25/27 hộ đảng viên", "targets", 4, "not_met"),
    ("341 hộ (82,8%)", "312 hộ (75,7%)", "targets", 5, "not_met"),
    (
        "đã giảm rõ so với năm 2025, nhưng Hợp tác xã chưa cân riêng rác của thôn nên chưa "
        "có số liệu chính xác",
        "giảm 34% so với năm 2025",
        "targets",
        6,
        "met",
    ),
    (
        "đã cấp 45/60 thùng ủ phân hữu cơ cho hộ trồng rau; 15 thùng còn lại đang chờ nhà "
        "cung cấp giao",
        "đã cấp đủ 60/60 thùng ủ phân hữu cơ cho hộ trồng rau",
        "tasks",
        3,
        "done",
    ),
    (
        "camera tại điểm gần cầu Bà Tư chưa lắp được do chưa chọn được đơn vị lắp đặt",
        "camera tại điểm gần cầu Bà Tư đã lắp xong ngày 28/4/2026",
        "tasks",
        2,
        "done",
    ),
    (
        "Ngày 18/3/2026, đồng chí Trần Văn Hòa, Bí thư chi bộ, đã ban hành danh sách",
        "Đồng chí Trần Văn Hòa, Bí thư chi bộ, đang hoàn thiện danh sách",
        "tasks",
        0,
        "in_progress",
    ),
]


@pytest.mark.parametrize(("before", "after", "kind", "index", "status"), VARIANTS)
def test_one_figure_moves_one_status(review, samples, before, after, kind, index, status):
    resolution = (samples / "strong.md").read_text("utf-8")
    good = (samples / GOOD).read_text("utf-8")
    assert good.count(before) == 1
    base, variant = review(resolution, good), review(resolution, good.replace(before, after))
    for name in ("targets", "tasks"):
        old = [i.status for i in getattr(base, name)]
        new = [i.status for i in getattr(variant, name)]
        moved = {i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b}
        assert moved == ({index} if name == kind else set()), (name, old, new)
    assert getattr(variant, kind)[index].status == status


def test_a_sentence_left_out_leaves_its_task_unreported(review, samples):
    resolution = (samples / "strong.md").read_text("utf-8")
    good = (samples / GOOD).read_text("utf-8")
    youth = next(p for p in good.split("\n\n") if p.startswith("Chi đoàn thanh niên thôn"))
    targets, tasks = statuses(review(resolution, good.replace(youth, "")))
    assert targets == GOOD_TARGETS
    assert tasks == [*GOOD_TASKS[:4], "not_reported", GOOD_TASKS[5]]


# -- direction, change and units -----------------------------------------------------

RESOLUTION = """# NGHỊ QUYẾT

**về giảm nghèo và giữ gìn trật tự an toàn giao thông tại thôn Tân Phú, năm 2026**

## I. TÌNH HÌNH

Thôn có 318 hộ; tỷ lệ hộ nghèo năm 2025 là 7,2%; năm 2025 xảy ra 6 vụ va chạm giao thông.

## II. MỤC TIÊU

1. Đến ngày 31/12/2026, tỷ lệ hộ nghèo giảm xuống dưới 5%.
2. Năm 2026, số vụ va chạm giao thông trên địa bàn thôn không quá 3 vụ.
3. Đến ngày 30/9/2026, tỷ lệ hộ dùng nước sạch đạt từ 90% trở lên.
4. Lượng thuốc bảo vệ thực vật dùng trên đồng ruộng giảm ít nhất 20% so với năm 2025.

## III. TỔ CHỨC THỰC HIỆN

1. Đồng chí Lò Văn Sơn, Trưởng thôn, chủ trì lắp đặt 6 camera an ninh tại các ngã ba trước ngày 30/6/2026.
"""

REPORT = """# BÁO CÁO

**sơ kết 6 tháng thực hiện Nghị quyết về giảm nghèo và trật tự an toàn giao thông**

Đến nay tỷ lệ hộ nghèo của thôn giảm xuống còn {poor}.

Sáu tháng đầu năm, trên địa bàn thôn xảy ra {crashes} va chạm giao thông.

Tỷ lệ hộ dùng nước sạch đạt {water}, tăng so với năm 2025.

Lượng thuốc bảo vệ thực vật dùng trên đồng ruộng giảm {pesticide} so với năm 2025.

Đồng chí Lò Văn Sơn {cameras} tại các ngã ba.
"""

BASE = {
    "poor": "4%",
    "crashes": "2 vụ",
    "water": "92%",
    "pesticide": "25%",
    "cameras": "đã lắp đặt 6/6 camera an ninh",
}
DIRECTIONS = [
    ("poor", "6%", 0),  # "giảm xuống dưới 5%": 4% meets it, 6% does not
    ("crashes", "5 vụ", 1),  # "không quá 3 vụ"
    ("water", "88%", 2),  # "từ 90% trở lên"
    ("pesticide", "15%", 3),  # "giảm ít nhất 20%": a fall of 15% is short
]


def test_the_base_report_meets_every_target(review):
    targets, tasks = statuses(review(RESOLUTION, REPORT.format(**BASE)))
    assert targets == ["met"] * 4 and tasks == ["done"]


@pytest.mark.parametrize(("field", "value", "index"), DIRECTIONS)
def test_the_direction_of_a_target_decides(review, field, value, index):
    targets, tasks = statuses(review(RESOLUTION, REPORT.format(**{**BASE, field: value})))
    assert targets == ["not_met" if i == index else "met" for i in range(4)]
    assert tasks == ["done"]


@pytest.mark.parametrize(
    ("cameras", "status"),
    [
        ("đã lắp đặt 4/6 camera an ninh", "in_progress"),
        ("đang triển khai lắp đặt camera an ninh", "in_progress"),
        ("đã tích cực quan tâm việc lắp đặt camera an ninh", "reported"),
    ],
)
def test_how_far_a_task_went(review, cameras, status):
    result = review(RESOLUTION, REPORT.format(**{**BASE, "cameras": cameras}))
    assert statuses(result) == (["met"] * 4, [status])


def test_a_restated_target_is_not_a_result(review):
    report = REPORT.format(**BASE).replace(
        "Tỷ lệ hộ dùng nước sạch đạt 92%, tăng so với năm 2025.",
        "Tỷ lệ hộ dùng nước sạch chưa đạt chỉ tiêu từ 90% trở lên.",
    )
    targets, _ = statuses(review(RESOLUTION, report))
    assert targets == ["met", "met", "reported", "met"]


def test_a_forward_looking_part_is_no_evidence(review):
    report = REPORT.format(**BASE).replace(
        "Tỷ lệ hộ dùng nước sạch đạt 92%, tăng so với năm 2025.\n", ""
    )
    report += "\n## PHƯƠNG HƯỚNG THỜI GIAN TỚI\n\nNâng tỷ lệ hộ dùng nước sạch lên 95%.\n"
    targets, _ = statuses(review(RESOLUTION, report))
    assert targets == ["met", "met", "not_reported", "met"]


def test_a_table_is_read_by_its_result_column(review):
    report = """# BÁO CÁO

Kết quả thực hiện các chỉ tiêu của Nghị quyết trong 6 tháng đầu năm.

| Chỉ tiêu | Kế hoạch | Thực hiện |
|---|---|---|
| Tỷ lệ hộ nghèo | dưới 5% | 4,6% |
| Số vụ va chạm giao thông | không quá 3 vụ | 4 vụ |
| Tỷ lệ hộ dùng nước sạch | từ 90% trở lên | 91% |
"""
    result = review(RESOLUTION, report)
    targets, _ = statuses(result)
    assert targets == ["met", "not_met", "met", "not_reported"]
    assert result.targets[1].reported.text == "4 vụ"
