"""One sentence at a time: the parts of the analysis, tested without a whole draft.

Each test runs the real pipeline over one sentence (``read``) and hands the mentions
to the one function under test: owner reading, deadline reading, and the
classification of targets, solutions and obstacles.
"""

from __future__ import annotations

import pytest
from nghiquyet.engine.analyse.blocks import block_facts
from nghiquyet.engine.analyse.collective import find_collective
from nghiquyet.engine.analyse.obstacles import classify_obstacle
from nghiquyet.engine.analyse.owner import Owner, find_owner
from nghiquyet.engine.analyse.solutions import classify_solution
from nghiquyet.engine.analyse.targets import classify_target
from nghiquyet.engine.analyse.tasks import find_deadline, period_end, read_task
from nghiquyet.plugins.text_loader import parse_markdown


@pytest.fixture(scope="module")
def read(assessor):
    """The facts of one sentence, as the analysis sees a block."""

    def run(text: str):
        return block_facts(1, text, assessor.nlp(text))

    return run


def _owner(read, text: str, run_in: str | None = None) -> Owner | None:
    bf = read(text)
    return find_owner(text, bf.mentions, run_in, bf.key)


# -- owner ----------------------------------------------------------------------


def test_a_named_member_with_role_leads_the_sentence(read):
    owner = _owner(read, "Đồng chí Lê Văn Tâm, chi ủy viên, tổ chức 6 buổi họp xóm.")
    assert owner == Owner("Đồng chí Lê Văn Tâm", "chi ủy viên")


def test_giao_cho_names_the_owner(read):
    owner = _owner(read, "Giao đồng chí Phạm Thị Hoa phụ trách lập danh sách hộ nghèo.")
    assert owner is not None and owner.text.endswith("Phạm Thị Hoa")


def test_a_body_keeps_its_qualifier_and_bracketed_contact(read):
    owner = _owner(
        read,
        "Chi hội Phụ nữ thôn (đồng chí Lại Thị Nga, chi hội trưởng) vận động 120 hội viên.",
    )
    assert owner is not None
    assert owner.text.startswith("Chi hội Phụ nữ thôn")
    assert "Lại Thị Nga" in owner.text


def test_an_owner_named_by_do_chu_tri(read):
    owner = _owner(read, "Sửa 3 cống thoát nước ở xóm 5, do đồng chí Ngô Văn Lực chủ trì.")
    assert owner is not None and "Ngô Văn Lực" in owner.text


def test_a_role_deep_in_the_sentence_owns_nothing(read):
    assert _owner(read, "Tổ chức họp dân, mời trưởng thôn dự và phát biểu ý kiến.") is None


def test_a_collective_that_leads_owns_the_task_not_the_partner(read):
    text = "Các đoàn thể tuyên truyền, vận động hội viên, phối hợp với Chi đoàn thanh niên."
    assert _owner(read, text) is None


def test_the_sentence_after_a_run_in_label_leads(read):
    text = "Phân công: kỹ thuật. Đồng chí Danh Hoàng Sơn, chi ủy viên, hướng dẫn 40 hộ."
    owner = _owner(read, text, run_in="Phân công: kỹ thuật.")
    assert owner is not None and "Danh Hoàng Sơn" in owner.text


# -- deadline -------------------------------------------------------------------


def test_the_latest_date_of_a_task_is_its_deadline(read):
    bf = read("Khảo sát xong trước ngày 15/3/2026, lắp đặt xong trước ngày 30/6/2026.")
    deadline = find_deadline(bf.mentions)
    assert (deadline.value, deadline.vague_time) == ("2026-06-30", None)


def test_a_frequency_is_a_schedule_not_a_date(read):
    deadline = find_deadline(read("Chi ủy nghe báo cáo tiến độ hằng tháng.").mentions)
    assert deadline.value is None and deadline.text == "hằng tháng"


def test_a_vague_time_is_kept_when_there_is_no_deadline(read):
    deadline = find_deadline(read("Các tổ thường xuyên nhắc nhở hội viên.").mentions)
    assert deadline.text is None and deadline.vague_time == "thường xuyên"


def test_an_introducing_line_dates_the_task(read):
    deadline = find_deadline(read("Đồng chí Hà Văn Nam sửa đường.").mentions, "2026-09")
    assert deadline.value == deadline.text == "2026-09"


@pytest.mark.parametrize(
    ("value", "end"),
    [("2026-Q2", "2026-06-30"), ("2026-05", "2026-05-31"), ("2026", "2026-12-31")],
)
def test_period_end(value, end):
    assert period_end(value) == end


def test_a_collective_owner_is_kept_as_written(read):
    text = "Các đồng chí đảng viên tích cực tuyên truyền, vận động nhân dân."
    bf = read(text)
    task = read_task(1, text, bf.mentions, key=bf.key)
    assert (task.owner, task.owner_kind) == ("Các đồng chí đảng viên", "collective")
    assert task.vague_owner == "Các đồng chí đảng viên"


# -- items ----------------------------------------------------------------------


def _task(read, text: str):
    bf = read(text)
    return read_task(1, text, bf.mentions, None, None, bf.key)


def _target(read, text: str, inherited: str | None = None):
    bf = read(text)
    return classify_target(1, text, bf.key, bf.mentions, inherited)


def test_a_target_with_figure_and_date_is_measurable_and_dated(read):
    target = _target(read, "Đến ngày 31/12/2026, 95% hộ gia đình phân loại rác tại nguồn.")
    assert target.checks == {"measurable": True, "dated": True, "not_vague": True}


def test_a_bound_is_a_measure(read):
    assert _target(read, "Tiếng ồn tại xưởng không quá 85 dB trong ca làm việc.").checks[
        "measurable"
    ]


def test_a_vague_goal_is_neither_measurable_nor_specific(read):
    target = _target(read, "Nâng cao chất lượng sinh hoạt chi bộ trong thời gian tới.")
    assert not target.checks["measurable"] and not target.checks["not_vague"]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Không có vụ cháy nào tại 12 hạng mục trong mùa khô 2025 – 2026.", True),
        ("Giảm 50% số học sinh bỏ học trong năm học 2025 – 2026.", True),
        ("Giảm 50% số học sinh bỏ học trong nhiệm kỳ 2025 – 2030.", False),
    ],
)
def test_a_season_or_school_year_dates_a_target_and_a_term_does_not(read, text, dated):
    bf = read(text)
    assert classify_target(1, text, bf.key, bf.mentions).checks["dated"] is dated


def test_a_heading_date_dates_the_target(read):
    assert _target(read, "Thu gom 100% rác thải của 168 hộ.", "2026-12-31").checks["dated"]


def test_a_concrete_solution_names_quantity_place_and_schedule(read):
    text = "Lắp 12 thùng rác có nắp tại nhà văn hóa thôn trước ngày 30/4/2026."
    bf = read(text)
    solution = classify_solution(1, text, bf.key, bf.mentions, set())
    assert solution.checks == {"concrete": True}
    assert {"quantity", "schedule", "place"} <= set(solution.details["elements"])


def test_a_run_of_plain_actions_is_concrete_without_a_figure(read):
    text = "Rà soát, lập danh sách các đơn vị nợ kéo dài, phân loại theo mức độ nợ."
    bf = read(text)
    assert classify_solution(1, text, bf.key, bf.mentions, set()).checks["concrete"]
    slogan = "Tăng cường rà soát, lập danh sách, phân loại các đơn vị nợ."
    bf = read(slogan)
    assert not classify_solution(1, slogan, bf.key, bf.mentions, set()).checks["concrete"]


def test_a_slogan_solution_is_not_concrete(read):
    text = "Tăng cường công tác lãnh đạo, chỉ đạo, nâng cao nhận thức của cán bộ, đảng viên."
    bf = read(text)
    assert not classify_solution(1, text, bf.key, bf.mentions, set()).checks["concrete"]


@pytest.mark.parametrize(
    ("text", "concrete"),
    [
        ("Bố trí cạo bù vào các ngày Chủ nhật sau những ngày mưa, không để mủ rơi vãi.", True),
        ("Bố trí thêm bàn khám sáng thứ Hai cho trẻ tái khám.", True),
        ("Bố trí lực lượng hợp lý, không để mủ rơi vãi.", False),
    ],
)
def test_a_day_of_the_week_schedules_a_solution(read, text, concrete):
    bf = read(text)
    assert classify_solution(1, text, bf.key, bf.mentions, set()).checks["concrete"] is concrete


def test_an_obstacle_with_its_remedy_after_a_colon(read):
    text = "Giá lúa giống có thể tăng cao: Ban quản trị ký hợp đồng mua trước 20 tấn giống."
    bf = read(text)
    item = classify_obstacle(1, text, bf.key, bf.mentions, (0, len(text)))
    assert item.checks["has_remedy"] and item.checks["specific"]


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Nhiều hộ ở xa trung tâm nên chi bộ sẽ bố trí xe thu gom riêng hai lần mỗi tuần.", True),
        (
            "Nhiều hộ ở xa trung tâm, việc thu gom rác ở đó vẫn chưa được giải quyết dứt điểm.",
            False,
        ),
    ],
)
def test_a_denied_remedy_is_no_remedy(read, text, remedy):
    bf = read(text)
    item = classify_obstacle(1, text, bf.key, bf.mentions, (0, len(text)))
    assert item.checks["has_remedy"] is remedy


@pytest.mark.parametrize(
    ("text", "review"),
    [
        ("4. Chi ủy thường xuyên kiểm tra, giám sát; định kỳ sơ kết, tổng kết.", True),
        (
            "Chi ủy kiểm tra tiến độ hằng tháng. Chi bộ sơ kết vào tháng 7/2026, tổng kết "
            "vào tháng 01/2027.",
            True,
        ),
        (
            "Các đồng chí đảng viên thực hiện tốt nghị quyết này. Chi ủy thường xuyên theo "
            "dõi, đôn đốc việc thực hiện.",
            False,
        ),
        ("Đồng chí Hà Văn Nam sửa 3 cống trước ngày 30/6/2026.", False),
        ("Chi ủy thường xuyên theo dõi, đôn đốc.", True),
        # watching the work itself is a task, not the review of the resolution
        ("Theo dõi, đôn đốc thời hạn trả lời đơn của các cơ quan.", False),
        (
            "Bí thư Chi bộ báo cáo kết quả thực hiện tại các kỳ sinh hoạt chi bộ. Chi bộ sơ"
            " kết 6 tháng và tổng kết năm.",
            True,
        ),
    ],
)
def test_the_review_plan_is_told_from_a_task_it_follows(text, review):
    from nghiquyet.engine.analyse.tasks import is_review_plan
    from nghiquyet.engine.text import match_key

    assert is_review_plan(match_key(text)) is review


def test_a_general_call_with_the_committees_monitoring_assigns_nothing(assess_markdown):
    report = assess_markdown(
        "# NGHỊ QUYẾT\n\n**về nâng cao chất lượng dạy học**\n\n## III. TỔ CHỨC THỰC HIỆN\n\n"
        "Các đồng chí đảng viên trong chi bộ thực hiện tốt nghị quyết này. Chi ủy thường "
        "xuyên theo dõi, đôn đốc việc thực hiện.\n"
    )
    assignments = next(c for c in report.criteria if c.id == "assignments")
    assert assignments.score < 50


@pytest.mark.parametrize(
    ("owner", "kind"),
    [
        ("trưởng thôn", "role"),
        ("đồng chí chủ tịch hội người cao tuổi phường", "role"),
        ("chi hội trưởng chi hội nông dân", "role"),
        ("chi ủy viên", "role"),
        ("chi ủy", "body"),
        ("ban giám đốc", "body"),
        ("chi hội nông dân", "body"),
    ],
)
def test_a_role_one_person_holds_is_told_from_a_body(owner, kind):
    from nghiquyet.engine.analyse.owner import role_or_body
    from nghiquyet.engine.text import match_key

    assert role_or_body(match_key(owner)) == kind


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Các tổ đảng tổ chức cho 100% hội viên ký cam kết.", "Các tổ đảng"),
        ("Giao các phòng chuyên môn xây dựng kế hoạch chi tiết.", "các phòng chuyên môn"),
        (
            "Các đồng chí đảng viên trong chi bộ tích cực tuyên truyền, vận động.",
            "Các đồng chí đảng viên trong chi bộ",
        ),
        ("Mỗi đảng viên đăng ký một phần việc cụ thể.", "Mỗi đảng viên"),
        ("Tổ chức họp dân tại nhà văn hóa thôn.", None),
    ],
)
def test_a_collective_owner_is_read_whole(read, text, owner):
    bf = read(text)
    found = find_collective(text, bf.mentions, bf.key)
    assert (found.text if found else None) == owner
    assert found is None or found.kind == "collective"


@pytest.mark.parametrize(
    "text",
    [
        "100% đảng viên được học tập, quán triệt nghị quyết trong quý I/2027.",
        "Chi bộ hoàn thành xuất sắc 100% chỉ tiêu cấp trên giao năm 2027.",
        "Tạo chuyển biến rõ nét trong công tác cải cách hành chính năm 2027.",
        "Giữ vững danh hiệu đơn vị quyết thắng năm 2027.",
    ],
)
def test_a_stock_target_measures_nothing(read, text):
    target = _target(read, text)
    assert not target.checks["measurable"] and not target.checks["not_vague"]


def test_a_real_figure_beside_a_stock_formula_still_measures(read):
    text = "100% đảng viên học tập, quán triệt nghị quyết; 95% hộ phân loại rác trước 30/6/2027."
    assert _target(read, text).checks["measurable"]


@pytest.mark.parametrize(
    "text",
    [
        "Một số hộ ở xa không muốn góp vốn, chi bộ sẽ kịp thời lãnh đạo tháo gỡ.",
        "Giá vật tư có thể tăng cao: chi ủy tập trung khắc phục, có biện pháp phù hợp.",
        "Công nhân còn thói quen cũ; chi bộ sẽ tranh thủ sự ủng hộ của Ban Giám đốc và"
        " tăng cường công tác tuyên truyền để khắc phục.",
    ],
)
def test_an_empty_remedy_is_no_way_out(read, text):
    bf = read(text)
    item = classify_obstacle(1, text, bf.key, bf.mentions, (0, len(text)))
    assert not item.checks["has_remedy"]


_CALL_ONLY = (
    "# NGHỊ QUYẾT\n\n**về nâng cao chất lượng dạy học tại Trường Tiểu học Thạch Bàn**\n\n"
    "## IV. TỔ CHỨC THỰC HIỆN\n\n"
    "Các đồng chí đảng viên trong chi bộ có trách nhiệm thực hiện tốt nghị quyết này."
    " Chi ủy thường xuyên theo dõi, đôn đốc.\n"
)


def test_a_call_to_carry_out_the_resolution_assigns_nothing(assess_markdown):
    report = assess_markdown(_CALL_ONLY)
    assert next(c.score for c in report.criteria if c.id == "assignments") == 0
    assert len(report.tasks) == 1  # the matrix still shows what was written


def test_work_that_ends_in_carrying_out_the_resolution_is_a_task(assess_markdown):
    text = _CALL_ONLY.replace(
        "có trách nhiệm thực hiện tốt", "tuyên truyền, vận động hội viên thực hiện tốt"
    )
    assert next(c.score for c in assess_markdown(text).criteria if c.id == "assignments") > 0


def test_beside_real_tasks_the_call_still_counts_as_one(assess_markdown):
    task = "- Đồng chí Lê Văn Tâm, Phó Hiệu trưởng, mở 4 lớp phụ đạo Toán trước 30/9/2026.\n"
    report = assess_markdown(_CALL_ONLY + "\n" + task)
    score = next(c.score for c in report.criteria if c.id == "assignments")
    assert 0 < score < 80


def test_a_remedy_paragraph_that_promises_nothing_answers_nothing(assess_markdown):
    report = assess_markdown(
        "# NGHỊ QUYẾT\n\n**về làm đường bê tông thôn Nậm Cáy**\n\n## IV. DỰ BÁO KHÓ KHĂN\n\n"
        "- Giá xi măng có thể tăng 15% trong mùa mưa năm 2027, thiếu vốn đối ứng.\n"
        "- Chi bộ sẽ kịp thời lãnh đạo tháo gỡ khi phát sinh.\n"
    )
    assert any(f.rule_id.startswith("NQ5") and "cách" in f.message["vi"] for f in report.findings)


SIGNED = {"number_filled": 3, "signature_name": 60, "adoption_clause": 12}


@pytest.mark.parametrize(
    ("option", "signals", "stage"),
    [
        ("auto", {"draft_mark": 5, **SIGNED}, ("draft", "marked")),
        ("auto", {"vote_record": 58}, ("adopted", "vote_record")),
        ("auto", SIGNED, ("adopted", "signed")),
        ("auto", {**SIGNED, "number_filled": None}, ("draft", "default")),
        ("auto", {**SIGNED, "signature_name": None}, ("draft", "default")),
        ("draft", {"vote_record": 58}, ("draft", "option")),
        # signed and numbered, the vote told without its count
        ("auto", {**SIGNED, "adoption_clause": None, "vote_told": 44}, ("adopted", "signed")),
        ("auto", {**SIGNED, "adoption_clause": None}, ("draft", "default")),
    ],
)
def test_the_stage_a_text_is_at(option, signals, stage):
    from nghiquyet.engine.analyse.stage import resolve_stage

    assert resolve_stage(option, signals) == stage


@pytest.mark.parametrize(
    ("line", "filled"),
    [
        ("Số 03-NQ/CB", True),
        ("Số: 07/NQ-CB", True),
        ("Số    -NQ/CB", False),
        ("Số: …/NQ-CB", False),
    ],
)
def test_a_number_is_filled_in_whatever_its_symbol(assessor, line, filled):
    text = f"CHI BỘ THÔN BẮC\n\n{line}\n\n# NGHỊ QUYẾT\n\nvề làm đường thôn Bắc\n"
    facts = assessor.analyse_document(parse_markdown(text, "draft.md"))
    assert bool(facts.signals.get("number_filled")) is filled


@pytest.mark.parametrize(
    ("text", "owner", "role", "kind"),
    [
        (
            "Đồng chí Trung tá Mùa A Sử, Bí thư chi bộ, chủ trì tuần tra 12 mốc giới.",
            "Đồng chí Trung tá Mùa A Sử",
            "Bí thư chi bộ",
            "person",
        ),
        (
            "Đồng chí ThS.BS Hờ A Dế, Phó Bí thư chi bộ, khám sàng lọc cho 320 cụ.",
            "Đồng chí ThS.BS Hờ A Dế",
            "Phó Bí thư chi bộ",
            "person",
        ),
        (
            "Đại úy Lò Văn Páo lập kế hoạch tuần tra trước ngày 15/3/2027.",
            "Đại úy Lò Văn Páo",
            None,
            "person",
        ),
        (
            "PGS.TS. Trần Minh Đức chủ trì rà soát 14 học phần.",
            "PGS.TS. Trần Minh Đức",
            None,
            "person",
        ),
        ("Đồng chí K'Nhông vận động 30 hộ trồng rừng.", "Đồng chí K'Nhông", None, "person"),
        ("Bà H'Hen Êban vận động 40 hộ buôn Ea Tul.", "Bà H'Hen Êban", None, "person"),
        (
            "Đồng chí Chủ tịch Hội Người cao tuổi phường vận động 200 hội viên tập dưỡng sinh.",
            "Đồng chí Chủ tịch Hội Người cao tuổi phường",
            None,
            "role",
        ),
        (
            "Trưởng phòng Tổ chức rà soát 46 hồ sơ trước ngày 30/4/2027.",
            "Trưởng phòng Tổ chức",
            None,
            "role",
        ),
        (
            "Chi hội trưởng Chi hội Nông dân thôn vận động 60 hộ đăng ký.",
            "Chi hội trưởng Chi hội Nông dân thôn",
            None,
            "role",
        ),
        # a post or a body whose name runs on in lower case, up to the task's verb
        ("Chi ủy chi bộ có trách nhiệm xây dựng kế hoạch.", "Chi ủy chi bộ", None, "body"),
        (
            "Đồng chí Giám đốc thư viện chỉ đạo chung; ký kế hoạch liên tịch.",
            "Đồng chí Giám đốc thư viện",
            None,
            "role",
        ),
        (
            "Đồng chí Trưởng Ban quản lý cảng ký quyết định trước ngày 15/3/2026.",
            "Đồng chí Trưởng Ban quản lý cảng",
            None,
            "role",
        ),
        (
            "Phòng Bổ sung – Biên mục chủ trì việc bổ sung sách.",
            "Phòng Bổ sung – Biên mục",
            None,
            "body",
        ),
        (
            "Tổ kiểm tra liên ngành của Ban lập biên bản 12 tàu.",
            "Tổ kiểm tra liên ngành của Ban",
            None,
            "body",
        ),
        ("Đội điều độ cảng bố trí 2 ca trực đêm.", "Đội điều độ cảng", None, "body"),
        (
            "Ban Giám đốc Thư viện cụ thể hóa nghị quyết thành kế hoạch.",
            "Ban Giám đốc Thư viện",
            None,
            "body",
        ),
        (
            "Chi đoàn Thanh niên thôn Đông Hạ: hướng dẫn 52 hộ cài đặt.",
            "Chi đoàn Thanh niên thôn Đông Hạ",
            None,
            "body",
        ),
        # posts the lexicon does not know, "Phó" before a post, "và" inside a name
        (
            "Đồng chí Phó Trưởng ga tổ chức trực tại đường ngang.",
            "Đồng chí Phó Trưởng ga",
            None,
            "role",
        ),
        (
            "Đồng chí Phó Giám đốc phụ trách kinh doanh chủ trì lập kế hoạch.",
            "Đồng chí Phó Giám đốc phụ trách kinh doanh",
            None,
            "role",
        ),
        (
            "Đồng chí Đội trưởng Đội Quản lý nợ và Cưỡng chế nợ thuế chủ trì rà soát.",
            "Đồng chí Đội trưởng Đội Quản lý nợ và Cưỡng chế nợ thuế",
            None,
            "role",
        ),
        (
            "Đồng chí Phó Quản đốc cơ điện chỉ đạo sửa quạt.",
            "Đồng chí Phó Quản đốc cơ điện",
            None,
            "role",
        ),
        ("Đồng chí Đội phó lập danh sách 40 thợ lò.", "Đồng chí Đội phó", None, "role"),
        ("Bộ phận nhà bếp bảo đảm vệ sinh an toàn thực phẩm.", "Bộ phận nhà bếp", None, "body"),
        ("Lãnh đạo cơ quan chỉ đạo thực hiện.", "Lãnh đạo cơ quan", None, "body"),
        ("Chi bộ thường xuyên lãnh đạo thực hiện nghị quyết.", "Chi bộ", None, "body"),
        # a post never swallows the task that follows it
        (
            "Đồng chí Lường Văn Thanh, Bí thư chi bộ, Hiệu trưởng nhà trường chủ trì ban hành"
            " kế hoạch thực hiện Nghị quyết, quyết định phân công đảng viên.",
            "Đồng chí Lường Văn Thanh",
            "Bí thư chi bộ, Hiệu trưởng nhà trường",
            "person",
        ),
        (
            "Đồng chí Giàng A Sử, chi ủy viên, Tổ trưởng Tổ Xã hội phối hợp trưởng bản, vận động 9 em.",
            "Đồng chí Giàng A Sử",
            "chi ủy viên, Tổ trưởng Tổ Xã hội",
            "person",
        ),
        # posts as written, lower case ones included, closed by a comma or a colon
        (
            "Đồng chí Phan Quốc Bảo, đảng viên, viên chức phụ trách truy xuất nguồn gốc, chủ trì lập sổ.",
            "Đồng chí Phan Quốc Bảo",
            "đảng viên, viên chức phụ trách truy xuất nguồn gốc",
            "person",
        ),
        (
            "Thiếu tá Nguyễn Văn Toàn, Bí thư chi bộ, Chủ nhiệm Hậu cần – Kỹ thuật: chỉ đạo chung.",
            "Thiếu tá Nguyễn Văn Toàn",
            "Bí thư chi bộ, Chủ nhiệm Hậu cần – Kỹ thuật",
            "person",
        ),
        (
            "Trung úy Vi Văn Khánh, phụ trách khu tăng gia sản xuất: đào hồ, lắp tưới nhỏ giọt.",
            "Trung úy Vi Văn Khánh",
            "phụ trách khu tăng gia sản xuất",
            "person",
        ),
        # a profession before the name, as "Kỹ sư" is
        (
            "Nhà báo Vi Văn Sơn, Tổ trưởng Tổ Biên tập mạng xã hội lập sổ theo dõi sai sót.",
            "Nhà báo Vi Văn Sơn",
            "Tổ trưởng Tổ Biên tập mạng xã hội",
            "person",
        ),
        # a title joined to the next without a dot, a coach before the name
        (
            "CNĐD Mùa Thị Sua, chi ủy viên, Điều dưỡng trưởng Khoa: tập huấn 24 điều dưỡng.",
            "CNĐD Mùa Thị Sua",
            "chi ủy viên, Điều dưỡng trưởng Khoa",
            "person",
        ),
        (
            "Huấn luyện viên Lò Văn Khánh, đảng viên, Tổ trưởng Tổ Thể thao: mở 3 lớp bơi.",
            "Huấn luyện viên Lò Văn Khánh",
            "đảng viên, Tổ trưởng Tổ Thể thao",
            "person",
        ),
        # a bracket after the post is a note on it and closes it
        (
            "Kỹ sư Trần Quốc Huy, Tổ trưởng Tổ Kỹ thuật – Công nghệ (đảng viên sinh hoạt ghép)"
            " cấu hình phần mềm duyệt tin trước ngày 31/01/2027.",
            "Kỹ sư Trần Quốc Huy",
            "Tổ trưởng Tổ Kỹ thuật – Công nghệ",
            "person",
        ),
    ],
)
def test_owners_are_read_whole(read, text, owner, role, kind):
    bf = read(text)
    found = find_owner(text, bf.mentions, None, bf.key)
    assert found is not None
    assert (found.text, found.role, found.kind) == (owner, role, kind)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Cán bộ, đảng viên, viên chức, người lao động nghiêm túc thực hiện.",
            "Cán bộ, đảng viên, viên chức, người lao động",
        ),
        ("Các tổ chức quần chúng tuyên truyền đến hội viên.", "Các tổ chức quần chúng"),
        (
            "Các đồng chí giáo viên chủ nhiệm 12 lớp thực hiện quy trình cảnh báo sớm.",
            "Các đồng chí giáo viên chủ nhiệm 12 lớp",
        ),
        ("Các tổ đoàn kết trên biển phát huy vai trò tự quản.", "Các tổ đoàn kết trên biển"),
        ("Các đoàn thể ấp (Chi hội Phụ nữ, Chi đoàn) vận động.", "Các đoàn thể ấp"),
        ("Các đồng chí đảng viên chia sẻ thông tin, video lịch diễn.", "Các đồng chí đảng viên"),
    ],
)
def test_a_collective_is_read_to_its_verb(read, text, owner):
    bf = read(text)
    found = find_collective(text, bf.mentions, bf.key)
    assert found is not None
    assert (found.text, found.kind) == (owner, "collective")


# -- owners round 7 showed: each a class of wording ----------------------------------


@pytest.mark.parametrize(
    ("text", "owner", "kind"),
    [
        # a post written as a unit with its suffix in lower case, after "Đồng chí"
        (
            "Đồng chí Viện trưởng có văn bản đề nghị Ủy ban nhân dân huyện.",
            "Đồng chí Viện trưởng",
            "role",
        ),
        (
            "Đồng chí Phó Đội trưởng xây dựng đề xuất bố trí điểm chốt.",
            "Đồng chí Phó Đội trưởng",
            "role",
        ),
        (
            "Đồng chí Chỉ huy phó Ban CHQS xã xây dựng kế hoạch huấn luyện.",
            "Đồng chí Chỉ huy phó Ban CHQS xã",
            "role",
        ),
        (
            "Đồng chí Phó Viện trưởng phụ trách công tác dân sự chỉ đạo các kiểm sát viên.",
            "Đồng chí Phó Viện trưởng phụ trách công tác dân sự",
            "role",
        ),
        # a verb after "Đội", "Tổ" ... names the body only when bodies are named by it
        ("Đồng chí Kế toán Đội lập sổ theo dõi nợ của từng hộ.", "Đồng chí Kế toán Đội", "role"),
        ("Chi hội Phụ nữ Đội phối hợp vận động các chị em.", "Chi hội Phụ nữ Đội", "body"),
        ("Tổ Kiểm tra liên ngành lập biên bản 12 cơ sở.", "Tổ Kiểm tra liên ngành", "body"),
        # verbs the owner reader did not know
        (
            "Đồng chí Kế toán Hợp tác xã hoàn thiện hồ sơ đề nghị công nhận.",
            "Đồng chí Kế toán Hợp tác xã",
            "role",
        ),
        ("Công đoàn trường quyết định mức hỗ trợ xăng xe.", "Công đoàn trường", "body"),
        # a number after "lớp", "số" belongs to the name
        (
            "Tổ chủ nhiệm lớp 1 điểm danh, cập nhật sổ chuyên cần hằng ngày.",
            "Tổ chủ nhiệm lớp 1",
            "body",
        ),
        # a time said first, a request to another body
        ("Trong quý II/2026, Chi ủy kiểm tra chuyên đề việc thực hiện.", "Chi ủy", "body"),
        (
            "Đề nghị Mặt trận Tổ quốc và các đoàn thể xã phối hợp tuyên truyền.",
            "Mặt trận Tổ quốc và các đoàn thể xã",
            "body",
        ),
        ("Chi bộ yêu cầu Ban Giám đốc có phương án xử lý phù hợp.", "Ban Giám đốc", "body"),
        # a verb that names bodies ("tổ tuần tra") stays in the name
        (
            "Tổ trưởng Tổ tuần tra số 2: phối hợp Công an xã nắm tình hình.",
            "Tổ trưởng Tổ tuần tra số 2",
            "role",
        ),
        # any verb names the unit when a colon closes the label a few words on
        ("Tổ trưởng Tổ bán vé: bố trí luân chuyển nhân viên.", "Tổ trưởng Tổ bán vé", "role"),
        # verbs the owner reader did not know
        (
            "Đề nghị Ban Giám đốc Nhà máy tạo điều kiện để các đảng viên phát huy vai trò.",
            "Ban Giám đốc Nhà máy",
            "body",
        ),
        # what a body guards against is part of its name
        (
            "Tổ phòng cháy chữa cháy cơ sở kiểm tra 42 bình chữa cháy hằng tháng.",
            "Tổ phòng cháy chữa cháy cơ sở",
            "body",
        ),
        # a body written as its task's label is whole up to the colon
        (
            "Tổ Quản lý thu – Sổ, thẻ: làm việc với 41 đơn vị nợ trước 30/4/2024.",
            "Tổ Quản lý thu – Sổ, thẻ",
            "body",
        ),
        # a chief's post, a verb that ends a post ("giúp"), a composed title, two time
        # clauses before the owner, the chi ủy handing a task over, the cell's own
        # review verbs, a leadership board, a unit named for a post
        (
            "2. Đồng chí Chánh Thanh tra huyện chỉ đạo cụ thể hóa nghị quyết.",
            "Đồng chí Chánh Thanh tra huyện",
            "role",
        ),
        (
            "Đồng chí Phó Bí thư chi bộ giúp Bí thư kiểm tra, đôn đốc.",
            "Đồng chí Phó Bí thư chi bộ",
            "role",
        ),
        (
            "Đồng chí BS.CKI Nguyễn Thị Hồng Vân, Phó Trưởng khoa: bố trí bàn khám số 7.",
            "Đồng chí BS.CKI Nguyễn Thị Hồng Vân",
            "person",
        ),
        (
            "Hằng tháng, tại kỳ sinh hoạt chi bộ, đồng chí Phó Bí thư báo cáo số trẻ đón muộn.",
            "đồng chí Phó Bí thư",
            "role",
        ),
        (
            "Chi ủy giao đồng chí Lê Quang Vinh theo dõi số liệu dừng máy hằng tháng.",
            "đồng chí Lê Quang Vinh",
            "person",
        ),
        ("Chi bộ tiến hành kiểm tra, giám sát việc thực hiện.", "Chi bộ", "body"),
        ("Định kỳ Chi bộ sơ kết, tổng kết việc thực hiện.", "Chi bộ", "body"),
        ("Hằng tháng, tại sinh hoạt chi bộ, chi ủy đánh giá kết quả.", "chi ủy", "body"),
        ("2. Ban lãnh đạo Trạm căn cứ nghị quyết xây dựng kế hoạch.", "Ban lãnh đạo Trạm", "body"),
        (
            "3. Phòng Kế toán – Ngân quỹ chủ trì chuyển chi trả lương hưu qua tài khoản.",
            "Phòng Kế toán – Ngân quỹ",
            "body",
        ),
    ],
)
def test_owners_written_as_posts_and_bodies_end_where_the_task_begins(read, text, owner, kind):
    found = _owner(read, text)
    assert found is not None and (found.text, found.kind) == (owner, kind)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Đồng chí Lê Văn Tới, Tổ trưởng Tổ sản xuất số 2 nhận và đưa vào sản xuất.",
            "Tổ trưởng Tổ sản xuất số 2",
        ),
        ("Đồng chí Lê Minh Tuấn, Kiểm tra viên lập sổ theo dõi.", "Kiểm tra viên"),
        # a verb after a post whose words are not all capitalised ("Giám đốc")
        (
            "Đồng chí Lò Văn Thưởng, Phó Bí thư Chi bộ, Phó Giám đốc tổ chức khảo sát, xong trước"
            " ngày 28/02/2024.",
            "Phó Bí thư Chi bộ, Phó Giám đốc",
        ),
        (
            "Đồng chí Phan Văn Kiên, Giám đốc Trung tâm xây dựng kế hoạch nhân rộng, xong trước"
            " ngày 31/01/2024.",
            "Giám đốc Trung tâm",
        ),
        # the cell written after a post belongs to it; a verb after it is the task
        (
            "Đồng chí Vũ Thị Nhàn, Phó Bí thư chi bộ rà soát, lập danh sách ruộng bỏ hoang.",
            "Phó Bí thư chi bộ",
        ),
        # "phụ trách" and a verb is the task, not a portfolio
        (
            "Đồng chí Hoàng Thị Lan, Phó Bí thư chi bộ, phụ trách rà soát 87 hộ nợ, xong trong"
            " tháng 4/2025.",
            "Phó Bí thư chi bộ",
        ),
        (
            "Đồng chí H'Lim Niê, chi ủy viên, phụ trách công tác dân vận, vận động 40 hộ.",
            "chi ủy viên, phụ trách công tác dân vận",
        ),
        # the post's unit in lower case ends it too
        (
            "BSCKII Lương Thị Thảo, Phó Bí thư, Phó Trưởng khoa tổ chức tập huấn, kiểm tra"
            " vệ sinh tay cho 42 nhân viên.",
            "Phó Bí thư, Phó Trưởng khoa",
        ),
        # a plain task verb after the post ("sắp xếp", "cập nhật", "bảo dưỡng" ...)
        (
            "Đồng chí Lường Thị Dung, Điều dưỡng trưởng sắp xếp lại ca trực đêm, tập huấn hộ lý.",
            "Điều dưỡng trưởng",
        ),
    ],
)
def test_a_post_beside_a_name_keeps_its_number_and_its_suffix(read, text, role):
    assert _owner(read, text).role == role


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Các đảng viên được phân công phụ trách hộ theo dõi, đôn đốc trả nợ.",
            "Các đảng viên được phân công phụ trách hộ",
        ),
        ("Các đồng chí đảng viên mỗi người phụ trách vận động 3 – 4 hộ.", "Các đồng chí đảng viên"),
        (
            "Các đồng chí đảng viên nhận theo dõi, vận động 02–03 dân quân.",
            "Các đồng chí đảng viên",
        ),
        (
            "Các đồng chí đảng viên là người đồng bào dân tộc thiểu số phải gương mẫu.",
            "Các đồng chí đảng viên là người đồng bào dân tộc thiểu số",
        ),
    ],
)
def test_a_collective_keeps_who_among_it_and_stops_at_its_task(read, text, owner):
    bf = read(text)
    assert find_collective(text, bf.mentions, bf.key).text == owner


def test_co_after_a_collective_says_which_of_them(read):
    text = "Các đồng chí đảng viên có vườn già cỗi trồng xen cây che bóng."
    bf = read(text)
    assert (
        find_collective(text, bf.mentions, bf.key).text == "Các đồng chí đảng viên có vườn già cỗi"
    )
    text = "Các đồng chí đảng viên có trách nhiệm vận động gia đình."
    bf = read(text)
    assert find_collective(text, bf.mentions, bf.key).text == "Các đồng chí đảng viên"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Phụ trách: các tổ đảng. Thời hạn: hằng tháng.", "các tổ đảng"),
        ("Phụ trách: Tổ Kỹ thuật của Đội. Thời hạn: tháng 4/2026.", "Tổ Kỹ thuật của Đội"),
        ("Phụ trách: đồng chí Bí thư chi bộ. Thời hạn: trước 15/3/2026.", "đồng chí Bí thư chi bộ"),
    ],
)
def test_a_phu_trach_line_names_bodies_and_collectives_too(read, text, owner):
    bf = read(text)
    found = _owner(read, text) or find_collective(text, bf.mentions, bf.key)
    assert found is not None and found.text == owner


@pytest.mark.parametrize(
    ("text", "measurable"),
    [
        ("Phấn đấu hoàn thành 100% kế hoạch sản lượng Công ty giao năm 2026.", False),
        ("Hoàn thành 100% kế hoạch thu tiền dịch vụ thủy lợi Công ty giao.", False),
        ("100% cán bộ, đảng viên, người lao động được quán triệt nghị quyết.", False),
        ("100% cán bộ, đảng viên, người lao động nắm vững quy trình quản lý hàng hóa.", False),
        ("Đến 30/6/2026, 100% hộ dân thôn Đông Lộc được cấp nước sạch.", True),
        ("Giao khoán 120 ha cho 46 hộ; hoàn thành trước ngày 31/3/2026.", True),
    ],
)
def test_a_quota_handed_down_or_a_briefing_is_no_measure(read, text, measurable):
    assert _target(read, text).checks["measurable"] is measurable


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Ban hành quy trình đo nồng độ cồn trước mỗi lần xuất bến. Chủ trì: Phòng An toàn – Kỹ thuật. Thời hạn: trước 10/01/2026.",
            "Phòng An toàn – Kỹ thuật",
        ),
        (
            "Ký cam kết không vi phạm nồng độ cồn. Thực hiện: các đảng viên là lái xe. Thời hạn: trước 15/01/2026.",
            "các đảng viên là lái xe",
        ),
    ],
)
def test_an_owner_label_after_the_task_names_the_owner(read, text, owner):
    task = _task(read, text)
    assert task.owner == owner


def test_a_list_of_school_bodies_is_read_whole(read):
    text = "Công đoàn, Chi đoàn, Liên đội căn cứ chức năng, nhiệm vụ xây dựng kế hoạch."
    assert _owner(read, text).text == "Công đoàn, Chi đoàn, Liên đội"


def test_a_verb_right_after_a_post_by_suffix_opens_the_task(read):
    text = "Đồng chí Võ Thị Kim Oanh, Kiểm sát viên tổng hợp các bản án bị hủy, sửa của Tòa án."
    assert _owner(read, text).role == "Kiểm sát viên"
    text = "Đồng chí Lê Thị Mai Phương, Phó Hiệu trưởng phụ trách nuôi dưỡng, chủ trì họp."
    assert _owner(read, text).role == "Phó Hiệu trưởng phụ trách nuôi dưỡng"


@pytest.mark.parametrize(
    ("text", "owner", "role"),
    [
        ("Ban Tổ chức – Kiểm tra rà soát hồ sơ hội viên.", "Ban Tổ chức – Kiểm tra", None),
        ("Tổ Tư vấn – Hỗ trợ sinh viên gặp từng sinh viên.", "Tổ Tư vấn – Hỗ trợ sinh viên", None),
        (
            "ĐD. Lê Thị Thu Hà, chi ủy viên, Điều dưỡng trưởng khoa chủ trì giám sát.",
            "ĐD. Lê Thị Thu Hà",
            "chi ủy viên, Điều dưỡng trưởng khoa",
        ),
        (
            "Trung úy Hoàng Văn Khiêm, kỹ sư nông nghiệp, hướng dẫn kỹ thuật trồng cây.",
            "Trung úy Hoàng Văn Khiêm",
            "kỹ sư nông nghiệp",
        ),
        (
            "Đồng chí Vũ Đức Nam, đảng viên, chủ cơ sở Mây tre Nam Phát vận động các hộ.",
            "Đồng chí Vũ Đức Nam",
            "đảng viên, chủ cơ sở Mây tre Nam Phát",
        ),
    ],
)
def test_names_joined_by_a_dash_titles_and_lower_case_posts(read, text, owner, role):
    found = _owner(read, text)
    assert (found.text, found.role) == (owner, role)


@pytest.mark.parametrize(
    ("text", "owner", "role"),
    [
        (
            "Đồng chí Hà Thị Lụa, Tổ trưởng tổ Kiểm tra chất lượng tổng hợp số lỗi hằng tuần, "
            "báo cáo chi ủy.",
            "Đồng chí Hà Thị Lụa",
            "Tổ trưởng tổ Kiểm tra chất lượng",
        ),
        (
            "Đồng chí Thiếu úy Lò Văn Sơn, Trợ lý tham mưu – tác chiến: lập kế hoạch diễn tập.",
            "Đồng chí Thiếu úy Lò Văn Sơn",
            "Trợ lý tham mưu – tác chiến",
        ),
        ("Tổ hậu cần – đời sống bố trí 2 người trực bếp mỗi ngày.", "Tổ hậu cần – đời sống", None),
        ("Tổ Kỹ thuật – lập phương án sửa chữa trước ngày 30/6/2026.", "Tổ Kỹ thuật", None),
    ],
)
def test_a_capital_or_a_dash_inside_a_post_goes_on_its_name(read, text, owner, role):
    found = _owner(read, text)
    assert (found.text, found.role) == (owner, role)


_TASK_TABLE = """# NGHỊ QUYẾT về giảm tỷ lệ lỗi tại phân xưởng cắt

## III. TỔ CHỨC THỰC HIỆN

| TT | Nội dung công việc | Người chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| 1 | Lập danh sách bàn cắt có tỷ lệ lỗi cao | {owner} | 31/3/2026 |
"""


@pytest.mark.parametrize(
    ("cell", "owner", "role", "kind"),
    [
        ("Công ty TNHH Mây tre Phú Vân", "Công ty TNHH Mây tre Phú Vân", None, "body"),
        ("Các đồng chí đảng viên làm nghề", "Các đồng chí đảng viên làm nghề", None, "collective"),
        (
            "KS. Đinh Văn Khoa, đảng viên, Đội trưởng Đội Thi công",
            "KS. Đinh Văn Khoa",
            "đảng viên, Đội trưởng Đội Thi công",
            "person",
        ),
        ("Đ/c Đỗ Văn Hưng – Phó Quản đốc", "Đ/c Đỗ Văn Hưng", "Phó Quản đốc", "person"),
    ],
)
def test_an_owner_column_cell_is_the_owner_as_written(assess_markdown, cell, owner, role, kind):
    (task,) = assess_markdown(_TASK_TABLE.format(owner=cell)).tasks
    assert (task.owner, task.role, task.owner_kind) == (owner, role, kind)


def test_an_owner_column_headed_by_who_carries_it_out(assess_markdown):
    table = _TASK_TABLE.replace("Người chủ trì", "Đơn vị, cá nhân thực hiện")
    (task,) = assess_markdown(table.format(owner="Các phòng, tổ chuyên môn")).tasks
    assert (task.owner, task.owner_kind) == ("Các phòng, tổ chuyên môn", "collective")


@pytest.mark.parametrize(
    "text",
    [
        "Định kỳ chi bộ kiểm tra, đánh giá việc giữ vệ sinh khu chợ.",
        "Hằng quý chi bộ kiểm điểm việc thu gom rác tại kỳ sinh hoạt thường kỳ.",
    ],
)
def test_a_period_before_the_cell_leads_to_its_owner(read, text):
    assert _owner(read, text) == Owner("chi bộ", kind="body")


def test_a_collective_written_as_a_label_runs_to_its_colon(read):
    text = "Các đảng viên làm công tác thu ngân sách: đôn đốc thu nợ hằng tháng."
    bf = read(text)
    assert (
        find_collective(text, bf.mentions, bf.key).text
        == "Các đảng viên làm công tác thu ngân sách"
    )
    text = "Các đồng chí đảng viên thực hiện các nội dung sau: rà soát hộ nghèo."
    bf = read(text)
    assert find_collective(text, bf.mentions, bf.key).text == "Các đồng chí đảng viên"


def test_a_briefing_for_a_list_of_people_is_still_a_formula(read):
    text = "100% cán bộ, đảng viên, giáo viên, nhân viên được quán triệt nghị quyết."
    bf = read(text)
    assert not classify_target(1, text, bf.key, bf.mentions).checks["measurable"]
    text = "Đạt 95% hộ phân loại rác tại nguồn; đảng viên được quán triệt nghị quyết."
    bf = read(text)
    assert classify_target(1, text, bf.key, bf.mentions).checks["measurable"]


def test_a_bullet_typed_in_plain_text_under_the_objectives_is_a_target(assess_markdown):
    text = (
        "# NGHỊ QUYẾT\n\n**về giữ chân công nhân ở Phân xưởng Cắt năm 2025**\n\n"
        "Mục tiêu\n\n"
        "\\- Đến 31/12/2025, số công nhân nghỉ việc không quá 3 người/quý.\n\n"
        "\\- Giảm giờ làm thêm, bảo đảm sức khỏe cho người lao động.\n"
    )
    report = assess_markdown(text)
    objectives = next(c for c in report.criteria if c.id == "objectives")
    assert objectives.summary["vi"].startswith("1/2")


@pytest.mark.parametrize(
    ("text", "owner", "kind"),
    [
        (
            "Tổ Văn thư (Tổ trưởng: đồng chí Hà Thị Duyên): số hóa 1.200 hồ sơ trước 30/6/2027.",
            "Tổ Văn thư (Tổ trưởng: đồng chí Hà Thị Duyên)",
            "person",
        ),
        (
            "Tổ giám sát chéo (ĐD. Lò Thị Hoa, ĐD. Vi Văn Nam) kiểm tra vệ sinh tay mỗi ca.",
            "Tổ giám sát chéo (ĐD. Lò Thị Hoa, ĐD. Vi Văn Nam)",
            "body",
        ),
    ],
)
def test_a_body_keeps_the_bracket_that_names_its_people(read, text, owner, kind):
    found = _owner(read, text)
    assert (found.text, found.kind) == (owner, kind)


@pytest.mark.parametrize(
    ("text", "owner", "role"),
    [
        (
            "Thanh tra viên Hà Thị Lụa, Tổ trưởng Tổ thanh tra số 3: kiểm tra 12 cửa hàng.",
            "Thanh tra viên Hà Thị Lụa",
            "Tổ trưởng Tổ thanh tra số 3",
        ),
        (
            "Đồng chí Đinh Văn Tú, giao dịch viên phụ trách quầy số 2: hướng dẫn khách nộp hồ sơ.",
            "Đồng chí Đinh Văn Tú",
            "giao dịch viên phụ trách quầy số 2",
        ),
        (
            "Đồng chí Hà Văn Minh, Bí thư chi bộ, Giám đốc Trung tâm chỉ đạo chung, phân công "
            "đảng viên theo dõi từng lớp.",
            "Đồng chí Hà Văn Minh",
            "Bí thư chi bộ, Giám đốc Trung tâm",
        ),
        (
            "Chi nhánh Điện lực Đông Hải bố trí 2 tổ trực sự cố.",
            "Chi nhánh Điện lực Đông Hải",
            None,
        ),
        (
            "Đồng chí Sầm Văn Pó, Phó Bí thư chi bộ, Trưởng bản Nà Khoang lập danh sách 40 hộ, "
            "báo cáo chi ủy.",
            "Đồng chí Sầm Văn Pó",
            "Phó Bí thư chi bộ, Trưởng bản Nà Khoang",
        ),
        (
            "Đồng chí ThS. Lê Thu Trang, Chuyên viên chính tổ chức 3 lớp bồi dưỡng, khai giảng "
            "trước 15/11/2026.",
            "Đồng chí ThS. Lê Thu Trang",
            "Chuyên viên chính",
        ),
        (
            "Đại úy Lê Văn Hòa, Tổ trưởng Tổ Chữa cháy số 2, chủ trì rà soát 40 trụ nước.",
            "Đại úy Lê Văn Hòa",
            "Tổ trưởng Tổ Chữa cháy số 2",
        ),
        (
            "Đồng chí Hà Thị Mơ, phóng viên phụ trách chuyên mục Nông thôn và Đời sống: làm 4 "
            "phóng sự.",
            "Đồng chí Hà Thị Mơ",
            "phóng viên phụ trách chuyên mục Nông thôn và Đời sống",
        ),
    ],
)
def test_grades_staff_words_and_unit_heads_name_owners_whole(read, text, owner, role):
    found = _owner(read, text)
    assert (found.text, found.role) == (owner, role)


@pytest.mark.parametrize(
    ("heading", "targets"), [("Mục tiêu, yêu cầu", 2), ("Mục đích, yêu cầu", 0)]
)
def test_a_sub_heading_that_names_targets_heads_targets(assess_markdown, heading, targets):
    text = (
        "# NGHỊ QUYẾT\n\n**về sửa 61 cụm loa hỏng ở các xã huyện Minh Sơn năm 2025**\n\n"
        f"## II. MỤC TIÊU\n\n### 1. {heading}\n\n"
        "- Đến 30/6/2025, sửa xong 61 cụm loa hỏng.\n"
        "- Hệ thống truyền thanh cơ sở hoạt động ngày càng hiệu quả.\n"
    )
    objectives = next(c for c in assess_markdown(text).criteria if c.id == "objectives")
    counted = f"/{targets} chỉ tiêu có con số" in objectives.summary["vi"]
    assert counted is bool(targets), objectives.summary["vi"]
    # a part that only states its purpose sets no target: NQ301, not a free 100
    assert (objectives.score < 50) is not bool(targets), objectives.score


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Đ/c Hà Văn Lịch, cán bộ an toàn (Phòng Kỹ thuật): cấp thẻ an toàn trước 30/4/2026.",
            "cán bộ an toàn (Phòng Kỹ thuật)",
        ),
        # a colon inside the bracket closes no label
        (
            "Đ/c Hà Văn Lịch, cán bộ an toàn (phối hợp: Phòng Kỹ thuật) cấp thẻ an toàn.",
            "cán bộ an toàn",
        ),
    ],
)
def test_a_bracket_naming_the_posts_unit_stays_in_the_label(read, text, role):
    task = _task(read, text)
    assert (task.owner, task.role) == ("Đ/c Hà Văn Lịch", role)


def test_an_owner_label_keeps_the_posts_it_names(read):
    text = (
        "Tập huấn nghiệp vụ cho tổ trưởng tổ vay vốn tại 3 xã. Chủ trì: đồng chí Vi Thị Hoa, "
        "đảng viên, cán bộ tín dụng phụ trách xã Ea Tul. Thời hạn: trước ngày 15/9/2024."
    )
    task = _task(read, text)
    assert (task.owner, task.role) == (
        "đồng chí Vi Thị Hoa",
        "đảng viên, cán bộ tín dụng phụ trách xã Ea Tul",
    )


def test_a_task_after_a_comma_in_an_owner_label_is_no_post(read):
    text = (
        "Các đội trưởng thu nợ theo danh sách giao; phụ trách: đồng chí Hồ Văn Lực, Phó Giám "
        "đốc, tổng hợp kết quả trong quý II/2026."
    )
    task = _task(read, text)
    assert task.role == "Phó Giám đốc"


@pytest.mark.parametrize(
    ("text", "owner", "role"),
    [
        (
            "KTV. Lò Văn Khánh, Kỹ thuật viên trưởng: xếp lịch thủ thuật theo khung 30 phút.",
            "KTV. Lò Văn Khánh",
            "Kỹ thuật viên trưởng",
        ),
        (
            "Đồng chí Lý Văn Tài, phụ trách xưởng sấy thực hiện đo độ ẩm từng mẻ.",
            "Đồng chí Lý Văn Tài",
            "phụ trách xưởng sấy",
        ),
        (
            "Tổ Tiếp dân Ủy ban xã tiếp nhận, xử lý đơn thư trong 5 ngày.",
            "Tổ Tiếp dân Ủy ban xã",
            None,
        ),
        (
            "Đồng chí A Dũng, Phó Trạm trưởng, phụ trách tổ chức các buổi tiêm ngoài trạm.",
            "Đồng chí A Dũng",
            "Phó Trạm trưởng",
        ),
    ],
)
def test_technicians_portfolios_and_reception_read_whole(read, text, owner, role):
    found = _owner(read, text)
    assert (found.text, found.role) == (owner, role)


def test_a_collective_keeps_the_portfolio_that_says_who_among_it(read):
    text = "Các cán bộ tín dụng phụ trách địa bàn đôn đốc thu hồi nợ quá hạn."
    bf = read(text)
    assert (
        find_collective(text, bf.mentions, bf.key).text == "Các cán bộ tín dụng phụ trách địa bàn"
    )


def test_a_post_in_brackets_inside_an_owner_cell_keeps_its_bracket():
    from nghiquyet.engine.analyse.tasks import owner_as_written

    cell = "Thượng úy Lê Văn Khải, Phó Bí thư Chi bộ (cán bộ Đồn Biên phòng)"
    found = owner_as_written(cell, Owner("Thượng úy Lê Văn Khải", "Phó Bí thư Chi bộ"))
    assert found.role == "Phó Bí thư Chi bộ (cán bộ Đồn Biên phòng)"
    found = owner_as_written("Đồng chí Hiệu trưởng (Bí thư Chi bộ)", Owner("Đồng chí Hiệu trưởng"))
    assert (found.text, found.role) == ("Đồng chí Hiệu trưởng", "Bí thư Chi bộ")


def test_bodies_listed_after_a_body_head_are_read_together(read):
    text = "3. Tổ Công đoàn và Chi đoàn thanh niên tuyên truyền, vận động đoàn viên."
    assert _owner(read, text) == Owner("Tổ Công đoàn và Chi đoàn thanh niên", kind="body")


@pytest.mark.parametrize(
    ("key", "level"),
    [("một - tình hình", 1), ("ba. giải pháp", 1), ("năm 2025, bản có 146 hộ.", None)],
)
def test_parts_counted_in_words_are_numbered(key, level):
    from nghiquyet.engine.analyse.headings import numbering_level

    assert numbering_level(key) == level


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Kỹ sư Trần Văn Khang, cán bộ an toàn, kiểm tra găng tay mỗi ca.", "Kỹ sư Trần Văn Khang"),
        ("Y sĩ Lò Thị Mai, chi ủy viên: khám sàng lọc 300 người trước 30/6.", "Y sĩ Lò Thị Mai"),
        ("DSCKI. Đinh Văn Lực, phụ trách khoa Dược: lập dự trù thuốc.", "DSCKI. Đinh Văn Lực"),
    ],
)
def test_professions_before_a_name_introduce_a_person(read, text, owner):
    assert _owner(read, text).text == owner


def test_a_profession_before_a_subject_name_is_no_person():
    from nghiquyet.engine.people import find_persons

    assert find_persons("Phân công giáo viên Toán dạy phụ đạo.") == []


def test_a_title_before_a_profession_keeps_both_with_the_name():
    from nghiquyet.engine.people import find_persons

    text = "CN. điều dưỡng Đặng Thị Kim Loan phối hợp tiếp nhận vắc xin."
    assert find_persons(text) == [(0, 32, "Đặng Thị Kim Loan")]


@pytest.mark.parametrize(
    ("text", "owner", "kind"),
    [
        (
            "3. Lắp đặt camera, rào chắn di động: Ban Chỉ huy Đội đề xuất bố trí kinh phí.",
            "Ban Chỉ huy Đội",
            "body",
        ),
        (
            "Kiểm tra tốc độ, áo phản quang: các tổ trưởng tổ khai thác thực hiện trong từng ca.",
            "các tổ trưởng tổ khai thác",
            "collective",
        ),
        ("Tuyên truyền: tổ chức 3 buổi họp dân trong tháng 5/2026.", None, None),
        # whatever the task's first word ("rút ngắn" is no verb the lexicon knows)
        (
            "Rút ngắn thời gian cấp điện mới: Phòng Kinh doanh chủ trì thực hiện.",
            "Phòng Kinh doanh",
            "body",
        ),
        # the owner written after the task, behind a dash, posts and all
        (
            "Lắp đặt 24 cụm thùng rác tại 24 điểm — Đồng chí Trịnh Thị Mai, Phó Bí thư chi bộ; "
            "trước 15/5/2026.",
            "Đồng chí Trịnh Thị Mai",
            "person",
        ),
        # shared out among those named before the colon: no owner of its own after it
        ("Đảng viên trực tiếp sản xuất (11 đồng chí): mỗi người kèm 2 công nhân mới.", None, None),
    ],
)
def test_a_task_named_first_is_owned_by_who_is_written_after_it(read, text, owner, kind):
    task = _task(read, text)
    assert (task.owner, task.owner_kind) == (owner, kind)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Chi bộ, Công đoàn bộ phận: tổ chức sinh hoạt chuyên môn hằng quý.",
            "Chi bộ, Công đoàn bộ phận",
        ),
        ("Chi bộ: tổ chức sinh hoạt chuyên môn hằng quý.", "Chi bộ"),
        (
            "Tổ cơ khí – sửa chữa: lắp đặt lọc bụi túi sau khi được phê duyệt.",
            "Tổ cơ khí – sửa chữa",
        ),
    ],
)
def test_the_cell_or_a_body_as_a_label_is_read_to_its_colon(read, text, owner):
    assert _owner(read, text) == Owner(owner, kind="body")


def test_an_owner_labels_value_runs_past_a_titles_dot(read):
    text = (
        "Trồng phục hồi 2.000 m² san hô. Phụ trách: ThS. Đặng Thị Mỹ Linh, Trưởng phòng "
        "Bảo tồn và Nghiên cứu khoa học. Thời hạn: trước 31/10/2026."
    )
    task = _task(read, text)
    assert (task.owner, task.role) == (
        "ThS. Đặng Thị Mỹ Linh",
        "Trưởng phòng Bảo tồn và Nghiên cứu khoa học",
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Đồng chí Quàng Văn Pọm, chi ủy viên, công chức tiếp nhận lĩnh vực đất đai: lập phiếu.",
            "chi ủy viên, công chức tiếp nhận lĩnh vực đất đai",
        ),
        # a task after the posts is no post, colon or not
        (
            "Đồng chí Lê Văn Tâm, chi ủy viên, tổ chức 6 buổi họp xóm: mỗi xóm 1 buổi.",
            "chi ủy viên",
        ),
    ],
)
def test_posts_closed_by_the_owners_colon_are_whole(read, text, role):
    assert _owner(read, text).role == role


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "3. Các đoàn thể và các tổ sản xuất tuyên truyền, vận động.",
            "Các đoàn thể và các tổ sản xuất",
        ),
        ("Các chi hội và mỗi hội viên tích cực tham gia.", "Các chi hội và mỗi hội viên"),
        # "và" before no collective opener still ends it
        ("Các đoàn thể và chính quyền phối hợp vận động.", "Các đoàn thể"),
        ("Các đoàn thể và các", "Các đoàn thể và các"),  # the line ends at the opener
    ],
)
def test_two_collectives_joined_by_va_are_one_owner(read, text, owner):
    # a second collective joined by "và" is part of the owner (round 22)
    bf = read(text)
    assert find_collective(text, bf.mentions, bf.key).text == owner


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "3. Phòng Kế hoạch tổng hợp: lập danh sách người bệnh ra viện.",
            "Phòng Kế hoạch tổng hợp",
        ),
        ("Tổ Kỹ thuật có trách nhiệm: kiểm tra 12 máy bơm.", "Tổ Kỹ thuật"),
        ("Phòng Kế hoạch tổng hợp số liệu hằng tháng.", "Phòng Kế hoạch"),
    ],
)
def test_a_units_name_runs_in_lower_case_to_its_labels_colon(read, text, owner):
    # "tổng hợp" ends a name as a verb would, except in the label before a colon (round
    # 22); a verb of assigning before the colon is no part of the name
    assert _owner(read, text).text == owner


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Đồng chí Trần Văn Lợi, chức vụ: Bí thư Chi bộ, Giám đốc HTX, chủ trì sửa đổi "
            "Quy chế; thời hạn trước ngày 31/3/2026.",
            "chức vụ: Bí thư Chi bộ, Giám đốc HTX",
        ),
        ("Đồng chí Lò Thị Mai – chức danh: Kế toán, lập phương án vay vốn.", "chức danh: Kế toán"),
        # the owner's own colon after the labelled post still ends it
        (
            "Đồng chí Hà Văn Sơn, chức vụ: Phó Bí thư chi bộ: rà soát 40 hộ.",
            "chức vụ: Phó Bí thư chi bộ",
        ),
    ],
)
def test_a_post_written_after_its_label_is_the_post(read, text, role):
    # "chức vụ:" / "chức danh:" opens the posts; it is no owner label (round 22)
    assert _owner(read, text).role == role


def test_placing_a_block_keeps_every_other_field():
    # BlockFacts.placed builds the block anew (faster than dataclasses.replace): a
    # field added to BlockFacts and left out there would be lost
    from dataclasses import fields, replace

    from nghiquyet.engine.model import BlockFacts, Mention

    mention = Mention("date", "ngày 30/6/2026", 4, 18, "2026-06-30", "day")
    bf = BlockFacts(7, "body", False, 12, [(0, 20)], [mention], "key")
    assert {f.name for f in fields(BlockFacts)} == {
        "index", "section", "is_heading", "words", "sentences", "mentions", "key"
    }  # fmt: skip
    assert bf.placed("implementation", True) == replace(
        bf, section="implementation", is_heading=True
    )
