"""The structure reader finds the assignment part however a draft marks it, and the
task reader reads it the same way from every part the structure reader finds."""

from __future__ import annotations

from nghiquyet.engine.analyse import analyse
from nghiquyet.plugins.text_loader import parse_markdown

HEAD = "# NGHỊ QUYẾT\n\n**về làm bếp ăn bán trú tại điểm trường Nà Hẩu**\n\n"


def _facts(assessor, body: str):
    return analyse(parse_markdown(HEAD + body, "t.md"), assessor.nlp)


def test_a_bold_label_line_opens_the_assignment_part(assessor):
    facts = _facts(
        assessor,
        "**Mục tiêu.** Đến ngày 31/3/2027 hoàn thành bếp ăn mới 40 m2 cho 64 học sinh.\n\n"
        "**Tổ chức thực hiện.**\n\n"
        "- Đồng chí Lò Văn Thắng, Hiệu trưởng, lập dự toán, xong trước ngày 15/12/2026.\n"
        "- Chi đoàn giáo viên vận động phụ huynh góp 120 ngày công trong tháng 1/2027.\n",
    )
    assert [t.owner for t in facts.tasks] == ["Đồng chí Lò Văn Thắng", "Chi đoàn giáo viên"]
    assert len(facts.items["target"]) == 1  # the tasks are no longer read as targets


def test_owners_after_the_forecast_of_a_one_list_draft_are_tasks(assessor):
    facts = _facts(
        assessor,
        "1. Thôn có 86 hộ, 1,2 km đường đất, năm 2026 có 14 học sinh nghỉ học vì đường trơn.\n"
        "2. Mục tiêu: đến ngày 30/9/2027 hoàn thành 1,2 km đường bê tông rộng 3 m.\n"
        "3. Vận động 86 hộ góp 430 ngày công và 86 triệu đồng trước ngày 31/3/2027.\n"
        "4. Dự báo khó khăn: giá xi măng tăng; chi bộ đề nghị xã hỗ trợ 200 tấn xi măng.\n"
        "5. Đồng chí Vàng A Dế, Trưởng thôn, chủ trì vận động các hộ, xong trước ngày 31/3/2027.\n"
        "6. Đồng chí Lù Văn Páo, chi ủy viên, giám sát thi công, báo cáo chi bộ hằng tháng.\n",
    )
    assert [s.kind for s in facts.sections][-1] == "implementation"
    assert [t.deadline_text for t in facts.tasks] == ["31/3/2027", "hằng tháng"]
    assert len(facts.items["obstacle"]) == 1


def test_a_line_that_only_names_an_owner_gives_the_items_under_it_to_that_owner(assessor):
    facts = _facts(
        assessor,
        "**Tổ chức thực hiện.**\n\n"
        "- Đồng chí Đỗ Văn Quyết, Phó Bí thư chi bộ, Giám đốc HTX:\n"
        "  + thành lập tổ dịch vụ bảo vệ thực vật, xong trước 15/3/2027;\n"
        "  + đàm phán lại hợp đồng bao tiêu với đối tác, xong trước 30/6/2027.\n"
        "- Chi đoàn Thanh niên thôn Đông Hạ hướng dẫn 52 hộ ghi nhật ký điện tử trước 31/3/2027.\n",
    )
    assert [(t.owner, t.role) for t in facts.tasks] == [
        ("Đồng chí Đỗ Văn Quyết", "Phó Bí thư chi bộ, Giám đốc HTX"),
        ("Đồng chí Đỗ Văn Quyết", "Phó Bí thư chi bộ, Giám đốc HTX"),
        ("Chi đoàn Thanh niên thôn Đông Hạ", None),
    ]


def test_a_line_naming_the_owner_under_a_task_completes_that_task(assessor):
    facts = _facts(
        assessor,
        "**Tổ chức thực hiện.**\n\n"
        "1. Lập bảng theo dõi thời hạn giải quyết từng vụ việc trên phần mềm quản lý án.\n\n"
        "*Phụ trách:* Thẩm phán Đỗ Thị Lan, Phó Chánh án. *Thời hạn:* trước 30/11/2026.\n\n"
        "2. Phân công 01 thư ký chuyên trách giao, gửi bản án đúng hạn.\n\n"
        "*Phụ trách:* Đồng chí Trần Thị Mai Hương, chi ủy viên, Thư ký Tòa án. "
        "*Thời hạn:* từ ngày 01/12/2026.\n",
    )
    assert [(t.owner, t.role, t.deadline) for t in facts.tasks] == [
        ("Thẩm phán Đỗ Thị Lan", "Phó Chánh án", "2026-11-30"),
        ("Đồng chí Trần Thị Mai Hương", "chi ủy viên, Thư ký Tòa án", "2026-12-01"),
    ]


def test_a_unit_named_after_a_part_is_an_owner_not_the_part(assessor):
    facts = _facts(
        assessor,
        "**Tổ chức thực hiện**\n\n"
        "- Phòng Kỹ thuật: bảo dưỡng 146 trạm đo mưa trước ngày 30/4/2027.\n"
        "- Phòng Dự báo: sửa quy trình ban hành bản tin cảnh báo trong quý I/2027.\n"
        "- Tổ Kiểm tra, giám sát: kiểm tra việc truyền số liệu hằng tháng.\n",
    )
    assert [t.owner for t in facts.tasks] == [
        "Phòng Kỹ thuật",
        "Phòng Dự báo",
        "Tổ Kiểm tra, giám sát",
    ]
    assert {s.kind for s in facts.sections} == {"implementation"}


def test_a_forecast_sentence_that_lists_difficulties_is_one_obstacle_each(assessor):
    facts = _facts(
        assessor,
        "**Dự báo khó khăn và cách tháo gỡ**\n\n"
        "Dự kiến khó khăn: vắc xin có thể cấp chậm; nhiều phụ huynh đi làm ăn xa; địa bàn"
        " rộng, mùa mưa đi lại khó. Cách tháo gỡ: Khoa lập dự trù vắc xin, gửi tỉnh trước 15/10.\n",
    )
    obstacles = facts.items["obstacle"]
    assert [o.text.split(";")[0][:20] for o in obstacles] == [
        "vắc xin có thể cấp c",
        "nhiều phụ huynh đi l",
        "địa bàn rộng, mùa mư",
    ]
    assert [o.checks["has_remedy"] for o in obstacles] == [False, False, True]


def test_a_sentence_of_three_difficulties_is_three_and_an_empty_promise_answers_none(assessor):
    facts = _facts(
        assessor,
        "**Dự báo khó khăn và cách tháo gỡ**\n\n"
        "4. Khó khăn, vướng mắc. Lực lượng còn thiếu, địa bàn rộng; người dân chưa đồng thuận"
        " ký cam kết; thời tiết mưa sớm. Chi bộ sẽ bàn cách khắc phục trong quá trình thực"
        " hiện.\n",
    )
    obstacles = facts.items["obstacle"]
    assert len(obstacles) == 3  # not the part's name, not the promise
    assert not any(o.checks["has_remedy"] for o in obstacles)
    assert all(o.checks["specific"] for o in obstacles)  # a listed clause is short


def test_a_paragraph_that_is_the_whole_objectives_part_is_one_target_a_sentence(assessor):
    facts = _facts(
        assessor,
        "## 2. Mục tiêu\n\n"
        "Phấn đấu trong năm 2025 giải quyết dứt điểm ít nhất 7/9 vụ việc kéo dài. Giảm số"
        " lượt khiếu kiện vượt cấp. 100% đơn thư được xử lý đúng thời hạn quy định.\n\n"
        "## 3. Giải pháp\n\n- Lập danh mục 9 vụ việc trong tháng 3/2025.\n",
    )
    targets = facts.items["target"]
    assert [t.checks["measurable"] for t in targets] == [True, False, True]
