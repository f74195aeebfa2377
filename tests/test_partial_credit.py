"""A check met by half earns half: follow-up and procedure are not all-or-nothing."""

from __future__ import annotations

import pytest

ADOPTED = """\
CHI BỘ THÔN PHÚ XUÂN

Số 03-NQ/CB

# NGHỊ QUYẾT

**về phân loại rác tại nguồn ở thôn Phú Xuân năm 2027**

## I. TỔ CHỨC THỰC HIỆN

- Đồng chí Lê Văn Tâm, chi ủy viên, họp 6 xóm trước ngày 30/4/2027.

Hội nghị Chi bộ thôn Phú Xuân ngày 12/3/2027 đã thảo luận. {vote}

T/M CHI BỘ

BÍ THƯ

Nguyễn Văn Hùng
"""


def _criterion(report, criterion: str) -> float:
    return next(c.score for c in report.criteria if c.id == criterion)


@pytest.mark.parametrize(
    ("vote", "low", "high"),
    [
        ("Có 25/27 đồng chí có mặt biểu quyết tán thành (92,6%).", 80, 100),
        ("Hội nghị nhất trí thông qua nghị quyết.", 50, 79.9),
        ("Có mặt 26 đồng chí; 26 đồng chí biểu quyết tán thành.", 80, 100),
        # a share with no count of those present tells the vote, it does not record it
        ("100% đảng viên có mặt biểu quyết tán thành.", 50, 79.9),
    ],
)
def test_an_adopted_texts_procedure_follows_its_vote_record(assess_markdown, vote, low, high):
    report = assess_markdown(ADOPTED.format(vote=vote), stage="adopted")
    assert low <= _criterion(report, "procedure") <= high


FOLLOW_UP = """\
# NGHỊ QUYẾT

**về phân loại rác tại nguồn ở thôn Phú Xuân năm 2027**

## I. TỔ CHỨC THỰC HIỆN

- Đồng chí Lê Văn Tâm, chi ủy viên, họp 6 xóm trước ngày 30/4/2027.
- Chi ủy định kỳ kiểm tra việc thực hiện nghị quyết.
- Cuối năm 2027, chi bộ đánh giá kết quả thực hiện nghị quyết.
"""


def test_vague_monitoring_and_a_year_end_evaluation_are_partial(assess_markdown):
    report = assess_markdown(FOLLOW_UP)
    assert 50 <= _criterion(report, "follow_up") < 80
    half = [f for f in report.findings if f.rule_id == "NQ803"]
    missed = [f for f in report.findings if f.rule_id == "NQ801"]
    # the half-met check costs half what a missed one of the same weight costs
    assert half and missed and half[0].points == pytest.approx(missed[0].points / 2, abs=0.02)


def test_no_follow_up_at_all_is_poor(assess_markdown):
    text = FOLLOW_UP.split("- Chi ủy định kỳ")[0]
    assert _criterion(assess_markdown(text), "follow_up") < 20


URGENT = """\
# NGHỊ QUYẾT

**về dạy bơi cho trẻ em thôn Bến Đò năm 2027**

## I. TÌNH HÌNH

{situation}
"""


@pytest.mark.parametrize(
    "situation",
    [
        # dated incidents with counts, without the word "cấp bách"
        "Trong tháng 7 và tháng 8/2026, trên đoạn sông qua thôn đã xảy ra 3 vụ đuối nước; "
        "41 trong 120 trẻ chưa biết bơi.",
        # incidents found and counted
        "Từ tháng 10/2025 đến tháng 3/2026, đại đội phát hiện 6 lượt quân nhân sử dụng "
        "điện thoại thông minh ngoài thời gian quy định.",
        # a shortfall told as only so many
        "Toàn xã có 31 đội cồng chiêng nhưng chỉ khoảng 10 đội sinh hoạt.",
    ],
    ids=["incidents", "found", "shortfall"],
)
def test_counted_local_facts_make_a_topic_urgent(assess_markdown, situation):
    said = assess_markdown(URGENT.format(situation=situation))
    assert not any(f.rule_id == "NQ102" for f in said.findings)


def test_figures_about_the_cell_itself_are_no_evidence(assess_markdown):
    cell = assess_markdown(
        URGENT.format(
            situation="Chi bộ có 24 đảng viên, 2 đảng viên dự bị, 5 chi ủy viên; 3 đồng chí "
            "được tặng huy hiệu 40 năm tuổi Đảng, 12 đồng chí là cựu chiến binh."
        )
    )
    problem = assess_markdown(
        URGENT.format(
            situation="Thôn có 120 trẻ từ 6 đến 15 tuổi, 41 trẻ chưa biết bơi, 2 bến tắm tự "
            "phát không có biển báo, năm 2026 có 3 vụ đuối nước."
        )
    )
    assert any(f.rule_id == "NQ202" for f in cell.findings)
    assert not any(f.rule_id == "NQ202" for f in problem.findings)


TOPIC = """\
# NGHỊ QUYẾT

**về {topic}**

## I. TÌNH HÌNH

Sáu tháng đầu năm 2026, quầy giao dịch còn 37 ý kiến phản ánh về thời gian chờ; giờ cao điểm khách chờ 22 phút.
"""


@pytest.mark.parametrize(
    ("topic", "passes"),
    [
        # no place named, but no slogan copied and the draft counts its own facts
        ("nâng cao chất lượng phục vụ khách hàng tại quầy giao dịch, giảm thời gian chờ", True),
        # a copied slogan stays a slogan, whatever facts follow
        ("tăng cường công tác xây dựng Đảng, nâng cao chất lượng sinh hoạt chi bộ", False),
        # a place name added to a campaign formula does not make it local
        (
            "tăng cường khối đại đoàn kết các dân tộc, giữ vững an ninh chính trị "
            "trên địa bàn buôn Tơng Krai",
            False,
        ),
    ],
)
def test_a_topic_backed_by_counted_local_facts_is_concrete(assess_markdown, topic, passes):
    report = assess_markdown(TOPIC.format(topic=topic))
    assert any(f.rule_id == "NQ101" for f in report.findings) is not passes


def test_raising_the_quality_of_a_field_of_work_needs_the_facts_that_say_which(assess_markdown):
    topic = "nâng cao chất lượng công tác quản lý cư trú tại Công an phường Đông Hải"
    backed = assess_markdown(TOPIC.format(topic=topic))
    bare = assess_markdown(TOPIC.format(topic=topic).split("## I.")[0])
    assert not any(f.rule_id == "NQ101" for f in backed.findings)
    assert any(f.rule_id == "NQ101" for f in bare.findings)


def test_a_saying_quoted_in_the_topic_names_no_place(assess_markdown):
    topic = 'rèn luyện y đức theo lời dạy của Chủ tịch Hồ Chí Minh "Lương y phải như từ mẫu"'
    report = assess_markdown(TOPIC.format(topic=topic).split("## I.")[0])
    assert any(f.rule_id == "NQ101" for f in report.findings)


AS_TASKS = """\
# NGHỊ QUYẾT

**về xóa 6 điểm bến cóc quanh Bến xe Nam Sơn năm 2026**

## I. TÌNH HÌNH

Năm 2025 có 74 lượt xe/ngày đón khách ngoài bến tại 6 điểm bến cóc.

## II. TỔ CHỨC THỰC HIỆN

{tasks}
"""


@pytest.mark.parametrize(
    ("tasks", "has_solutions"),
    [
        (
            "1. Giao đồng chí Trịnh Văn Quang ký văn bản đề nghị Công an tỉnh xử lý 6 điểm bến cóc trước 30/4/2026.\n"
            "2. Giao đồng chí Mai Thị Ngọc ký phụ lục hợp đồng với 146 doanh nghiệp, bổ sung chế tài, trước 31/5/2026.\n"
            "3. Giao đồng chí Lương Văn Thành bán vé trực tuyến cho 40 tuyến đông khách nhất trước 30/6/2026.\n",
            True,
        ),
        (
            "1. Chi ủy tăng cường lãnh đạo, chỉ đạo thực hiện nghị quyết.\n"
            "2. Ban Giám đốc nâng cao chất lượng phục vụ hành khách.\n"
            "3. Các đồng chí đảng viên phát huy vai trò tiền phong, gương mẫu.\n",
            False,
        ),
    ],
)
def test_solutions_written_as_concrete_tasks_count_as_the_solutions(
    assess_markdown, tasks, has_solutions
):
    report = assess_markdown(AS_TASKS.format(tasks=tasks))
    assert (not any(f.rule_id == "NQ401" for f in report.findings)) is has_solutions


FORECAST = """\
# NGHỊ QUYẾT

**về ôn thi tốt nghiệp cho 214 học sinh khối 12 Trường THPT Bình Minh năm 2026**

## I. TÌNH HÌNH

Năm 2025, 31 trong 198 học sinh khối 12 có điểm thi môn Toán dưới 5.

## III. NHIỆM VỤ, GIẢI PHÁP

1. Tổ chức 3 đợt thi thử vào các tháng 3, 4 và 5/2026.
2. Thực hiện tốt quy chế dân chủ; giải quyết kịp thời các vướng mắc của phụ huynh.

{forecast}
"""


def test_a_difficulty_forecast_with_only_an_empty_remedy_is_unanswered(assess_markdown):
    report = assess_markdown(
        FORECAST.format(
            forecast="Quá trình thực hiện dự kiến gặp khó khăn về kinh phí dạy ôn tập; "
            "Chi bộ cần có giải pháp phù hợp để tháo gỡ."
        )
    )
    ids = {f.rule_id for f in report.findings}
    assert "NQ501" not in ids and "NQ502" in ids


def test_a_solution_that_settles_disputes_forecasts_nothing(assess_markdown):
    report = assess_markdown(FORECAST.format(forecast=""))
    assert any(f.rule_id == "NQ501" for f in report.findings)
