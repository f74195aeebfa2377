"""Unit tests of the analysis: dates, tone folding, lexicon, structure, items, tasks."""

from __future__ import annotations

from pathlib import Path

import pytest
from nghiquyet.engine.analyse import analyse
from nghiquyet.engine.nlp import find_dates, load_lexicon
from nghiquyet.engine.text import match_key
from nghiquyet.plugins.text_loader import parse_markdown

DRAFTS = Path(__file__).resolve().parent / "drafts"


def _facts(assessor, text: str, stage: str = "auto"):
    return analyse(parse_markdown(text, "t.md"), assessor.nlp, stage)


def _values(text: str) -> list[str]:
    return [value for _s, _e, value, _p in find_dates(match_key(text))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hoàn thành trước ngày 30/6/2026", "2026-06-30"),
        ("xong ngày 15-3-2026", "2026-03-15"),
        ("ngày 15 tháng 3 năm 2026", "2026-03-15"),
        ("trước ngày 30/6", "????-06-30"),
        ("trong quý II/2026", "2026-Q2"),
        ("trong quý IV năm 2026", "2026-Q4"),
        ("trong tháng 4/2026", "2026-04"),
        ("tháng 4/2026", "2026-04"),
        ("6 tháng đầu năm 2026", "2026-H1"),
        ("nhiệm kỳ 2025–2030", "2025/2030"),
        ("từ vụ Hè Thu 2026", "2026-Q3"),
        ("vụ Đông Xuân 2025–2026", "2026-Q2"),
    ],
)
def test_dates_to_iso(text, value):
    assert _values(text) == [value]


def test_impossible_dates_are_no_deadline():
    assert _values("trước ngày 31/13/2026") == []
    assert _values("ngày 30/2/2026") == []


def test_year_of_the_date_line_fills_dates_without_year(assessor):
    facts = _facts(
        assessor,
        "*An Thịnh, ngày 12 tháng 3 năm 2026*\n\n# NGHỊ QUYẾT\n\n**về làm đường thôn Phú Xuân**\n\n"
        "## V. TỔ CHỨC THỰC HIỆN\n\n"
        "- Đồng chí Hoàng Văn Bình, Bí thư chi bộ, xong trước ngày 30/6.\n",
    )
    assert [t.deadline for t in facts.tasks] == ["2026-06-30"]


def test_match_key_folds_tone_placement():
    for old, new in (("uỷ", "ủy"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe")):
        assert match_key(old) == match_key(new)
        assert len(match_key(old)) == len(old)
    assert match_key("quý") == "quý"  # "qu" + "ý": nothing to move


def test_slogan_lexicon_is_large_and_matches_both_spellings(assessor):
    slogans = set(load_lexicon()["slogan"])
    assert len(slogans) >= 60
    nlp = assessor.nlp

    def labels(text: str) -> set[tuple[str, str]]:
        doc = nlp(text)  # keep the Doc alive while its spans are read
        return {(s.text.lower(), s.label_) for s in doc.spans["lexicon"]}

    for text in ("công nghiệp hoá, hiện đại hoá", "công nghiệp hóa, hiện đại hóa"):
        assert (text, "slogan") in labels(text)
    for text in ("Chi uỷ kiểm tra", "Chi ủy kiểm tra", "CHI UỶ KIỂM TRA"):
        assert (text.lower()[:6], "role") in labels(text)
    for text in ("tổ hoà giải", "tổ hòa giải"):
        assert (text, "role") in labels(text)


def _sections(facts) -> list[str]:
    return [s.kind for s in facts.sections if s.kind not in ("preamble", "bases")]


OUTLINE = ["situation", "objectives", "solutions", "obstacles", "implementation"]


@pytest.mark.parametrize("base", ["thon-phu-xuan", "truong-tieu-hoc-thach-ban", "htx-tan-hung"])
def test_sections_from_wording_in_every_layout(assessor, base):
    """'Phần thứ nhất' + a heading line, unnumbered headings, bold Roman numerals."""
    facts = _facts(assessor, (DRAFTS / base / "strong.md").read_text("utf-8"))
    kinds = [k for k in _sections(facts) if k != "other"]
    # sub-headings ("1. Kết quả", "2. Hạn chế") stay in the situation part
    assert list(dict.fromkeys(kinds)) == OUTLINE
    assert facts.signals["topic"].startswith("về ")
    assert facts.stage == "draft" and facts.stage_source == "marked"


def test_an_introducing_sentence_opens_the_part_it_names(assessor):
    facts = _facts(
        assessor,
        "# NGHỊ QUYẾT\n\n**về thu gom rác thôn Phú Xuân**\n\n"
        "Mục tiêu: 100% hộ đăng ký thu gom trước 30/6/2026.\n\n"
        "Để thực hiện mục tiêu trên, chi bộ đề ra các giải pháp sau:\n\n"
        "Một là, đặt 3 điểm tập kết rác ở xóm Giữa trong tháng 4/2026.\n",
    )
    assert [s.kind for s in facts.sections][-1] == "solutions"
    assert len(facts.items["solution"]) == 1 and len(facts.items["target"]) == 1


def test_items_and_their_checks(assessor):
    facts = _facts(
        assessor,
        "# NGHỊ QUYẾT\n\n**về thu gom rác thôn Phú Xuân**\n\n## II. MỤC TIÊU\n\n"
        "- Đến ngày 30/6/2026, 100% hộ đăng ký thu gom rác.\n"
        "- Nâng cao nhận thức của nhân dân về bảo vệ môi trường.\n"
        "- Trong năm 2026, không còn điểm đổ rác tự phát ven kênh.\n\n"
        "## III. GIẢI PHÁP\n\n"
        "- Tăng cường công tác tuyên truyền, nâng cao ý thức của nhân dân.\n"
        "- Đặt 3 điểm tập kết ở đầu ngõ xóm 5 trong tháng 4/2026.\n\n"
        "## IV. DỰ BÁO KHÓ KHĂN\n\n"
        "- Kinh phí xã về chậm, không kịp làm điểm tập kết. Cách tháo gỡ: tạm ứng từ quỹ thôn.\n"
        "- Nhận thức của một bộ phận nhân dân còn hạn chế.\n",
    )
    targets = facts.items["target"]
    assert [t.checks["measurable"] for t in targets] == [True, False, True]  # zero is a number
    assert [t.checks["dated"] for t in targets] == [True, False, True]
    assert targets[1].details["vague_terms"] == ["nâng cao"]
    solutions = facts.items["solution"]
    assert [s.checks["concrete"] for s in solutions] == [False, True]
    assert "answers_cause" not in solutions[0].checks  # no causes written: nothing to answer
    obstacles = facts.items["obstacle"]
    assert [o.checks["has_remedy"] for o in obstacles] == [True, False]
    assert [o.checks["specific"] for o in obstacles] == [True, False]


TASKS = """# NGHỊ QUYẾT

**về thu gom rác thôn Phú Xuân**

## V. TỔ CHỨC THỰC HIỆN

1. Chi hội Phụ nữ thôn (đồng chí Nguyễn Thị Mai, chi hội trưởng) họp 6 xóm trong tháng 4/2026.
2. Giao đồng chí Lê Văn Tâm, chi ủy viên, lập danh sách hộ chưa đăng ký, xong trong quý II/2026.
3. Đ/c Trần Thị Lan, tổ trưởng tổ thu gom, chủ trì 2 đợt ra quân; hoàn thành trước ngày 30/6.
4. Các đồng chí đảng viên tích cực tuyên truyền, vận động nhân dân thực hiện.
5. Tổ chức họp thôn, mời trưởng thôn và chi hội trưởng dự, trong thời gian tới.
6. Lập hồ sơ đề nghị xã hỗ trợ kinh phí, nộp trước ngày 15/4/2026; phụ trách: đồng chí Võ Minh Tuấn.
7. Chi ủy kiểm tra việc thực hiện hằng tháng tại kỳ sinh hoạt chi bộ.
8. Các đoàn thể phối hợp với Chi đoàn thanh niên tuyên truyền thường xuyên.
"""


def test_responsibility_matrix_is_what_is_written(assessor):
    facts = _facts(assessor, "*Phú Xuân, ngày 10 tháng 3 năm 2026*\n\n" + TASKS)
    rows = [(t.owner, t.role, t.deadline, t.deadline_text) for t in facts.tasks]
    assert rows == [
        (
            "Chi hội Phụ nữ thôn (đồng chí Nguyễn Thị Mai)",
            "chi hội trưởng",
            "2026-04",
            "tháng 4/2026",
        ),
        ("đồng chí Lê Văn Tâm", "chi ủy viên", "2026-Q2", "quý II/2026"),
        ("Đ/c Trần Thị Lan", "tổ trưởng tổ thu gom", "2026-06-30", "ngày 30/6"),
        ("Các đồng chí đảng viên", None, None, None),  # a collective, kept as written
        (None, None, None, None),  # invited people do not own the task
        ("đồng chí Võ Minh Tuấn", None, "2026-04-15", "15/4/2026"),
        ("Chi ủy", None, None, "hằng tháng"),  # a frequency is its schedule
        ("Các đoàn thể", None, None, None),  # the collective leads; Chi đoàn cooperates
    ]
    kinds = [t.owner_kind for t in facts.tasks]
    assert kinds == [
        "person",
        "person",
        "person",
        "collective",
        None,
        "person",
        "body",
        "collective",
    ]
    assert facts.tasks[3].vague_owner == "Các đồng chí đảng viên"
    assert facts.tasks[4].vague_time == "trong thời gian tới"
    assert (
        facts.tasks[7].vague_owner == "Các đoàn thể" and facts.tasks[7].vague_time == "thường xuyên"
    )
    # task 7 monitors the resolution itself: in the matrix, but judged by follow_up
    assert [i.block for i in facts.items["task"]] == [
        t.block for n, t in enumerate(facts.tasks) if n != 6
    ]
    checks = [i.checks for i in facts.items["task"]]
    # a collective is kept in the matrix but names no owner
    assert [c["has_owner"] for c in checks] == [True, True, True, False, False, True, False]
    assert [c["specific_owner"] for c in checks] == [True, True, True, False, True, True, False]
    assert [c["has_deadline"] for c in checks] == [True, True, True, False, False, True, False]
    assert all(t.block > 0 and t.text for t in facts.tasks)


def test_tasks_in_json(assess_markdown):
    from nghiquyet.engine.render import task_dict

    report = assess_markdown(TASKS)
    rows = [task_dict(t) for t in report.tasks]
    assert rows[0]["owner"] == "Chi hội Phụ nữ thôn (đồng chí Nguyễn Thị Mai)"
    assert rows[0]["role"] == "chi hội trưởng" and rows[0]["deadline"] == "2026-04"
    assert {"text", "owner", "role", "deadline", "block"} <= set(rows[0])
    assert rows[3]["owner"] == "Các đồng chí đảng viên"
    assert [r["owner_kind"] for r in rows][3:5] == ["collective", None]


def test_stage_detection(assessor):
    body = "# NGHỊ QUYẾT\n\n**về thu gom rác thôn Phú Xuân**\n\n"
    vote = "Nghị quyết được 25/27 đảng viên có mặt biểu quyết tán thành (92,6%).\n"
    assert _facts(assessor, "**DỰ THẢO**\n\n" + body).stage == "draft"
    assert _facts(assessor, body + vote).stage == "adopted"
    assert _facts(assessor, body + vote).stage_source == "vote_record"
    assert _facts(assessor, body).stage == "draft"
    assert _facts(assessor, body + vote, stage="draft").stage == "draft"


ASSIGNMENT_TABLE = """\
# NGHỊ QUYẾT

**về thu gom rác ở thôn Phú An năm 2026**

## IV. TỔ CHỨC THỰC HIỆN

| STT | Nhiệm vụ | Người chủ trì | Phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Họp 6 xóm phổ biến cách phân loại rác | Đồng chí Lê Văn Tâm, chi ủy viên | Chi hội Phụ nữ | 30/4/2026 |
| 2 | Đặt 3 điểm tập kết rác đầu ngõ | Chi đoàn thanh niên | Ban nhân dân thôn | tháng 5/2026 |
| 3 | Vận động các hộ đóng phí vệ sinh | Các đồng chí đảng viên | Chi hội Nông dân | thường xuyên |
"""


def test_assignment_table_is_read_row_by_row(assess_markdown):
    """A Word table "Nhiệm vụ | Người chủ trì | Phối hợp | Thời hạn" is one task per row:
    the owner from its column (never the cooperating body), the deadline from its cell."""
    report = assess_markdown(ASSIGNMENT_TABLE)
    rows = [(t.text, t.owner, t.role, t.deadline) for t in report.tasks]
    assert rows == [
        (
            "Họp 6 xóm phổ biến cách phân loại rác",
            "Đồng chí Lê Văn Tâm",
            "chi ủy viên",
            "2026-04-30",
        ),
        ("Đặt 3 điểm tập kết rác đầu ngõ", "Chi đoàn thanh niên", None, "2026-05"),
        ("Vận động các hộ đóng phí vệ sinh", "Các đồng chí đảng viên", None, None),
    ]
    last = report.tasks[-1].block
    by_rule = {f.rule_id for f in report.findings if f.location and f.location.block == last}
    assert {"NQ601", "NQ602", "NQ603", "NQ604"} <= by_rule
    assert not any(f.rule_id == "NQ601" and f.location.block != last for f in report.findings)
    assert [t.owner_kind for t in report.tasks] == ["person", "body", "collective"]


def test_headerless_assignment_table(assess_markdown):
    text = ASSIGNMENT_TABLE.replace(
        "| STT | Nhiệm vụ | Người chủ trì | Phối hợp | Thời hạn |",
        "| 1 | Mở sổ theo dõi các hộ | Đ/c Trần Văn Hòa, Bí thư | | trước 15/4/2026 |",
    )
    report = assess_markdown(text)
    first = report.tasks[0]
    assert (first.text, first.owner, first.deadline) == (
        "Mở sổ theo dõi các hộ",
        "Đ/c Trần Văn Hòa",
        "2026-04-15",
    )
    assert len(report.tasks) == 4


FORECAST = """# NGHỊ QUYẾT

**về giải quyết hồ sơ đất đai tồn đọng năm 2027**

## I. TÌNH HÌNH

Đến ngày 30/11/2026, còn 1.247 hồ sơ cấp giấy chứng nhận quá hạn.

Phân loại theo vướng mắc:

| Nhóm vướng mắc | Số hồ sơ |
|---|---:|
| Chưa xác định được nguồn gốc sử dụng đất | 312 |
| Chờ xác định nghĩa vụ tài chính | 176 |

## IV. DỰ BÁO KHÓ KHĂN, VƯỚNG MẮC

1. Thiếu bác sĩ đến tháng 9/2027: đề nghị Ban Giám đốc ký hợp đồng 01 bác sĩ nội khoa.
2. Chưa đủ 45 hộ đăng ký: nếu đạt từ 35 hộ, 50 ha thì vẫn thành lập tổ.
3. Nhân lực thiếu, khối lượng lớn trong khi vẫn phải giải quyết hồ sơ mới phát sinh.
4. Trong quá trình thực hiện dự báo sẽ gặp một số khó khăn: giá lúa có thể biến động, một số hộ bán ra ngoài.
5. Kinh phí xã về chậm. Cách tháo gỡ: tạm ứng từ quỹ thôn.
"""


def test_forecast_items_written_as_difficulty_then_remedy(assessor):
    """The remedy after a colon counts when it acts; a denied or burdensome cue ("vẫn
    phải giải quyết") and a colon that only introduces difficulties do not."""
    obstacles = _facts(assessor, FORECAST).items["obstacle"]
    assert [o.checks["has_remedy"] for o in obstacles] == [True, True, False, False, True]


FORECAST_TABLE = """# NGHỊ QUYẾT

## I. TÌNH HÌNH

Năm 2025, Hợp tác xã bán được 1.140 sản phẩm, giảm 18% so với năm 2024.

## IV. DỰ BÁO KHÓ KHĂN VÀ CÁCH THÁO GỠ

| TT | Khó khăn có thể phát sinh | Cách tháo gỡ |
|---|---|---|
| 1 | Mùa mưa khách giảm, hàng tồn | Chuẩn bị hàng từ tháng 6; bán qua trang mạng của Hợp tác xã |
| 2 | Nguồn vốn hỗ trợ chậm giải ngân | Tập trung khắc phục |
"""


def test_a_forecast_table_row_is_one_difficulty_answered_by_its_remedy_cell(assessor):
    obstacles = _facts(assessor, FORECAST_TABLE).items["obstacle"]
    assert [o.text for o in obstacles] == [
        "Mùa mưa khách giảm, hàng tồn",
        "Nguồn vốn hỗ trợ chậm giải ngân",
    ]
    assert [o.checks["has_remedy"] for o in obstacles] == [True, False]  # an empty remedy


def test_a_colon_line_naming_todays_problems_stays_in_the_situation(assessor):
    facts = _facts(assessor, FORECAST)
    assert [s.kind for s in facts.sections if s.kind != "preamble"][:2] == [
        "situation",
        "obstacles",
    ]
    situation = next(s for s in facts.sections if s.kind == "situation")
    assert len(situation.blocks) == 8  # the figures, the lead-in and the six table cells


MONITORING = """# NGHỊ QUYẾT

**về phòng ngừa thanh, thiếu niên sử dụng trái phép chất ma túy trên địa bàn Khu phố 4 năm 2027**

## III. NHIỆM VỤ, GIẢI PHÁP

Kiểm tra 17 cơ sở kinh doanh karaoke, nhà nghỉ mỗi quý ít nhất 1 lần.

## V. TỔ CHỨC THỰC HIỆN

{monitoring}
"""


@pytest.mark.parametrize(
    "sentence, watched, periodic",
    [
        # an inspection that is itself a solution is not monitoring of the resolution
        ("Đồng chí Võ Minh Trí chủ trì triển khai các giải pháp.", False, False),
        ("Chi ủy thường xuyên kiểm tra, đôn đốc việc thực hiện.", True, False),
        ("Chi ủy kiểm tra, giám sát định kỳ tại các kỳ sinh hoạt chi bộ.", True, True),
        (
            "Kiểm tra, giám sát, sơ kết, tổng kết: Chi ủy nghe báo cáo tiến độ tại kỳ sinh "
            "hoạt chi bộ hằng tháng.",
            True,
            True,
        ),
        ("Hằng quý chi bộ kiểm điểm việc thực hiện nghị quyết tại kỳ sinh hoạt.", True, True),
        ("Việc thực hiện nghị quyết được kiểm điểm tại kỳ sinh hoạt tháng 12/2027.", True, True),
    ],
)
def test_monitoring_is_of_the_resolution(assessor, sentence, watched, periodic):
    signals = _facts(assessor, MONITORING.format(monitoring=sentence)).signals
    assert bool(signals["monitoring"]) is watched
    assert bool(signals["monitoring_frequency"]) is periodic


def test_a_season_places_a_review_in_time(assessor):
    text = "Sau mùa mưa, chi bộ tiến hành sơ kết, rút kinh nghiệm việc thực hiện."
    signals = _facts(assessor, MONITORING.format(monitoring=text)).signals
    assert signals["interim_review_timed"] and not signals["interim_review_dated"]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Chi bộ tổng kết việc thực hiện nghị quyết vào cuối năm 2026.", False),
        ("Chi bộ tổng kết việc thực hiện nghị quyết vào tháng 12/2026.", True),
    ],
)
def test_a_year_alone_places_a_review_but_does_not_date_it(assessor, text, dated):
    signals = _facts(assessor, MONITORING.format(monitoring=text)).signals
    assert signals["final_review_timed"]
    assert bool(signals["final_review_dated"]) is dated


def test_the_members_yearly_rating_is_no_review_of_the_resolution(assessor):
    text = "Các đồng chí đảng viên thực hiện nghị quyết, gắn với đánh giá, xếp loại đảng viên cuối năm."
    assert not _facts(assessor, MONITORING.format(monitoring=text)).signals["final_review"]


@pytest.mark.parametrize(("when", "dated"), [("Tháng 12/2026", True), ("Cuối năm", False)])
def test_a_review_in_a_task_table_is_dated_by_its_row(assessor, when, dated):
    table = (
        "| TT | Nội dung | Người phụ trách | Thời hạn |\n|---|---|---|---|\n"
        f"| 1 | Tổng kết thực hiện nghị quyết | Chi ủy | {when} |\n"
    )
    signals = _facts(assessor, MONITORING.format(monitoring=table)).signals
    assert signals["final_review"]
    assert bool(signals["final_review_dated"]) is dated
    assert bool(signals["final_review_timed"]) is dated  # a bare "Cuối năm" cell places nothing


def test_the_end_of_the_work_places_a_review_and_reporting_at_meetings_monitors(assessor):
    text = (
        "Chi ủy chỉ đạo sơ kết sau khi kết thúc các lớp bơi hè. Các đồng chí đảng viên"
        " được phân công báo cáo kết quả tại kỳ sinh hoạt chi bộ."
    )
    signals = _facts(assessor, MONITORING.format(monitoring=text)).signals
    assert signals["interim_review_timed"] and not signals["interim_review_dated"]
    assert signals["monitoring"]


@pytest.mark.parametrize(
    ("label", "targets"),
    [
        ("1. Mục đích: giảm nguy cơ cháy nổ, ô nhiễm bụi trong khu dân cư.", 1),
        ("a) Mục tiêu chung: nâng cao chất lượng đối thoại tại nơi làm việc.", 1),
        # with a figure the label leads a target
        ("1. Mục tiêu chung: đến 31/12/2026 giảm 50% số vụ cháy.", 2),
    ],
)
def test_a_purpose_label_is_no_target(assessor, label, targets):
    text = (
        "## II. MỤC TIÊU\n\n"
        f"{label}\n\n"
        "2. Đến 30/6/2026 có ít nhất 45/57 xưởng đạt điều kiện an toàn phòng cháy.\n"
    )
    assert len(_facts(assessor, text).items["target"]) == targets


def test_targets_dated_by_their_heading_and_measured_by_bounds(assessor):
    facts = _facts(
        assessor,
        "# NGHỊ QUYẾT\n\n**về giảm tai nạn lao động tại Phân xưởng May 2 năm 2027**\n\n"
        "## I. Chỉ tiêu năm 2027\n\n"
        "1. Không quá 04 vụ tai nạn lao động; không có vụ nặng.\n"
        "2. Giờ làm thêm không quá 40 giờ/người/tháng.\n"
        "3. Nâng cao ý thức chấp hành quy định an toàn của công nhân.\n\n"
        "## II. Mục tiêu chung\n\n"
        "Từng bước cải thiện điều kiện làm việc của công nhân trong phân xưởng.\n",
    )
    targets = facts.items["target"]
    assert [t.checks["dated"] for t in targets][:3] == [True, True, True]
    assert [t.checks["measurable"] for t in targets][:3] == [True, True, False]
    assert targets[0].details["deadline"] == "2027"


@pytest.mark.parametrize(
    "number_line, vote, accepted",
    [
        ("Số 03-NQ/CB", "", True),
        ("Số      -NQ/CB", "", True),  # a draft leaves the number blank until it is signed
        ("Số …-NQ/CB", "", True),
        ("Số      -NQ/CB", "Nghị quyết được 25/27 đảng viên có mặt biểu quyết tán thành.", False),
        ("Số 03/NQ", "", False),
    ],
)
def test_number_and_symbol(assessor, number_line, vote, accepted):
    text = (
        f"ĐẢNG BỘ XÃ TÂN PHÚ\n\n**CHI BỘ THÔN PHÚ AN**\n\n{number_line}\n\n# NGHỊ QUYẾT\n\n"
        f"**về thu gom rác thải ở thôn Phú An năm 2026**\n\n{vote}\n"
    )
    assert bool(_facts(assessor, text).signals["number"]) is accepted


RUN_IN_DRAFT = """# NGHỊ QUYẾT

**về giảm thiệt hại do dịch bệnh trên tôm nuôi tại Hợp tác xã Bàu Sen năm 2027**

**Tình hình.** Hợp tác xã có 64 thành viên, 118 ao nuôi; năm 2026 có 41 ao nhiễm bệnh.

**Mục tiêu đến ngày 31/12/2027.** Tỷ lệ ao nhiễm bệnh dưới 15%; nâng cao nhận thức của thành viên về phòng bệnh.

**Giải pháp về mua chung.** Trước ngày 28/02/2027, ký hợp đồng với 1 trại giống có chứng nhận.

**Dự báo khó khăn và cách tháo gỡ.** Thứ nhất, vốn vay giải ngân chậm: tạm dùng vốn góp của thành viên. Thứ hai, nhiều thành viên còn nợ đại lý nên chưa thể chuyển sang mua chung.

**Phân công.** Đồng chí Trần Văn Lũy, Bí thư chi bộ, ký hợp đồng trước ngày 28/02/2027.
"""


def test_run_in_headings_open_their_parts(assessor):
    facts = _facts(assessor, RUN_IN_DRAFT)
    assert [s.kind for s in facts.sections] == [
        "situation",
        "objectives",
        "solutions",
        "obstacles",
        "implementation",
    ]
    assert [s.title for s in facts.sections][:2] == ["Tình hình", "Mục tiêu đến ngày 31/12/2027"]
    # the forecast paragraph holds two difficulties, one with its remedy
    assert [o.checks["has_remedy"] for o in facts.items["obstacle"]] == [True, False]
    # the inline targets are two: one measured, one vague; both dated by the run-in
    targets = facts.items["target"]
    assert [t.checks["measurable"] for t in targets] == [True, False]


FLAT_LIST = """# NGHỊ QUYẾT

**về nâng tỷ lệ tiêm chủng đầy đủ cho trẻ em ở 5 thôn Xơ Đăng, xã Đăk Pơ Kôi năm 2027**

Chi bộ Trạm Y tế thống nhất ra nghị quyết như sau:

1. Năm 2026, toàn xã có 131/168 trẻ dưới 1 tuổi được tiêm chủng đầy đủ (78%).

2. Hạn chế: 5 thôn Xơ Đăng chỉ đạt khoảng 65%, còn nhiều trẻ bỏ mũi.

3. Mục tiêu: Phấn đấu đến ngày 31/12/2027, tỷ lệ trẻ được tiêm chủng đầy đủ đạt từ 90% trở lên; giảm rõ rệt tỷ lệ trẻ bỏ mũi, tiêm muộn.

4. Tổ chức buổi tiêm ngoài trạm tại nhà rông thôn Kon Rơ Ngâu, mỗi tháng 1 buổi.

5. Tăng cường công tác tuyên truyền, vận động nhân dân đưa trẻ đi tiêm chủng.

6. Dự báo trong năm 2027, việc thực hiện sẽ còn nhiều khó khăn: mưa nhiều, đường vào thôn xa có thể bị sạt lở; vắc xin có thể được cung ứng không đều.

7. Tổ chức thực hiện: Đồng chí Trương Thị Kim Oanh, Bí thư chi bộ, xây dựng kế hoạch trước ngày 15/01/2027.
"""


def test_a_draft_written_as_one_numbered_list(assessor):
    """Unnamed paragraphs after the objectives at their level are the solutions; a
    paragraph opening with "Dự báo" is the forecast; targets written inline are
    counted one by one."""
    facts = _facts(assessor, FLAT_LIST)
    kinds = [s.kind for s in facts.sections if s.kind not in ("preamble", "bases")]
    assert kinds == ["situation", "objectives", "solutions", "obstacles", "implementation"]
    # "1. Năm 2026, ..." before "2. Hạn chế: ..." is the situation's first paragraph
    situation = next(s for s in facts.sections if s.kind == "situation")
    assert facts.block(situation.blocks[0]).key.startswith("1. năm 2026")
    assert len(facts.items["solution"]) == 2
    assert [t.checks["measurable"] for t in facts.items["target"]] == [True, False]
    assert [o.checks["has_remedy"] for o in facts.items["obstacle"]] == [False]


def test_a_forecast_paragraph_outside_any_part_is_judged(assessor):
    facts = _facts(
        assessor,
        "# NGHỊ QUYẾT\n\n**về phát triển Hợp tác xã Cửa Lác năm 2027**\n\n"
        "## II. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Ký hợp đồng mua chung thức ăn với 1 nhà máy trước ngày 28/02/2027.\n\n"
        "Dự báo thời gian tới, bên cạnh những thuận lợi cơ bản, tình hình sẽ còn nhiều "
        "khó khăn, thách thức đan xen.\n",
    )
    obstacles = facts.items["obstacle"]
    assert len(obstacles) == 1 and not obstacles[0].checks["has_remedy"]


def test_owner_after_a_run_in_label(assessor):
    facts = _facts(
        assessor,
        "# NGHỊ QUYẾT\n\n**về giảm thiệt hại do dịch bệnh trên tôm nuôi năm 2027**\n\n"
        "## IV. TỔ CHỨC THỰC HIỆN\n\n"
        "**Phân công: kỹ thuật.** Đồng chí Danh Hoàng Sơn, chi ủy viên, thành lập tổ "
        "kỹ thuật trước ngày 15/01/2027.\n\n"
        "**Đồng chí Lâm Thị Kiều, Phó Bí thư:** trình quy chế trước ngày 31/3/2027.\n\n"
        "**Phân công: vận động.** Trong năm, phối hợp với Hội Nông dân vận động các hộ.\n",
    )
    assert [t.owner for t in facts.tasks] == [
        "Đồng chí Danh Hoàng Sơn",
        "Đồng chí Lâm Thị Kiều",
        None,  # never guessed: the body met mid-sentence owns nothing
    ]


PLAIN_HEADER = (
    "ĐẢNG BỘ HUYỆN ĐÔNG THÀNH                        ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "CHI BỘ TRẠM BƠM SỐ 3                            ----------------------\n"
    "              *                          Đông Thành, ngày      tháng 10 năm 2026\n"
    "       Số       -NQ/CB\n"
    "                                  NGHỊ QUYẾT\n"
    "1. Tổ Vận hành:        kiểm tra 12 cửa cống      trước ngày 30/11/2026.\n"
    "Nơi nhận:                                                  T/M CHI BỘ\n"
    "- Lưu Chi bộ.                                              BÍ THƯ\n"
)


def test_a_plain_text_header_and_signature_in_two_columns_are_read_column_by_column():
    from nghiquyet.plugins.text_loader import parse_plain

    texts = [b.text for b in parse_plain(PLAIN_HEADER, "du-thao.txt").blocks]
    assert texts[:2] == ["ĐẢNG BỘ HUYỆN ĐÔNG THÀNH", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert "Số       -NQ/CB" in texts  # a blank left for the number is no column
    assert "* Đông Thành, ngày      tháng 10 năm 2026" not in texts
    assert "Đông Thành, ngày      tháng 10 năm 2026" in texts
    # the body between the title and «Nơi nhận» is never cut
    assert "1. Tổ Vận hành:        kiểm tra 12 cửa cống      trước ngày 30/11/2026." in texts
    assert texts[-4:] == ["Nơi nhận:", "T/M CHI BỘ", "- Lưu Chi bộ.", "BÍ THƯ"]


def test_a_date_line_with_the_day_left_blank_is_a_date_line(assessor):
    from nghiquyet.plugins.text_loader import parse_plain

    facts = analyse(parse_plain(PLAIN_HEADER, "du-thao.txt"), assessor.nlp, "auto")
    assert facts.signals["date_line"] is not None
    assert facts.signals["document_year"] == 2026
    assert facts.signals["party_header"] is not None
    assert not facts.signals["date_line_zero_slip"]


def test_a_vote_count_after_a_colon_is_a_vote_record(assessor):
    facts = _facts(
        assessor,
        "Nghị quyết được Chi bộ thông qua tại hội nghị ngày 06/3/2026. Có mặt: 24 đồng chí. "
        "Biểu quyết tán thành: 23/24 đồng chí (95,8%); không tán thành: 01 đồng chí.\n",
    )
    assert facts.signals["vote_record"] == 1


def test_a_vote_told_in_the_passive_is_a_told_vote(assessor):
    text = "Nghị quyết đã được Chi bộ thống nhất thông qua tại kỳ sinh hoạt tháng 11/2026.\n"
    assert _facts(assessor, text).signals["vote_told"] == 1


def test_a_share_in_favour_marks_an_adopted_text_without_recording_the_vote(assessor):
    facts = _facts(assessor, "Nghị quyết được 100% đảng viên có mặt nhất trí thông qua.\n")
    assert facts.signals["vote_share"] == 1 and facts.signals["vote_record"] is None
    assert facts.stage == "adopted"


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị chi bộ ngày 22/12/2026 thảo luận, biểu quyết thông qua.",
        "Dự thảo được gửi đến đảng viên trước 03 ngày để nghiên cứu.",
        "Dự thảo Nghị quyết được đưa ra hội nghị chi bộ để các đồng chí đảng viên thảo luận.",
    ],
)
def test_a_draft_says_how_the_cell_takes_it_up(assessor, text):
    assert _facts(assessor, text + "\n").signals["meeting_plan"] == 1


def test_a_cell_without_a_chi_uy_has_its_secretary_prepare_the_draft(assessor):
    prepared = "Dự thảo do đồng chí Bí thư, Phó Bí thư chuẩn bị; gửi 08/08 đảng viên nghiên cứu.\n"
    assert _facts(assessor, prepared).signals["chiuy_review"] == 1
    # where the draft speaks of a chi ủy, it is the chi ủy's review that counts
    with_chiuy = prepared + "\nChi ủy phân công đồng chí Hà kiểm tra hằng tháng.\n"
    assert _facts(assessor, with_chiuy).signals["chiuy_review"] is None
    # saying there is none is not speaking of one
    said_none = "Chi bộ có 8 đảng viên, không có chi ủy. " + prepared
    assert _facts(assessor, said_none).signals["chiuy_review"] == 1


@pytest.mark.parametrize(("members", "stands"), [("8", True), ("18", False)])
def test_a_small_cell_has_its_meeting_plan_stand_for_the_chi_uy(assessor, members, stands):
    """Under nine members a cell elects no chi ủy: putting the draft to the meeting is
    the whole procedure a draft can show."""
    text = (
        f"Chi bộ hiện có {members} đảng viên.\n\n"
        "Dự thảo này trình Hội nghị chi bộ tháng 4/2026 thảo luận, biểu quyết thông qua.\n"
    )
    assert bool(_facts(assessor, text).signals["chiuy_review"]) is stands


def test_a_draft_mark_with_its_round_in_brackets(assessor):
    facts = _facts(
        assessor, "**DỰ THẢO (lần 2)**\n\n# NGHỊ QUYẾT\n\n**về làm đường thôn Phú Xuân**\n"
    )
    assert facts.signals["draft_mark"] == 1


@pytest.mark.parametrize(
    "mark",
    ["DỰ THẢO (trình kỳ sinh hoạt chuyên đề ngày 15/12/2026)", "DỰ THẢO 2 (sau góp ý của Chi ủy)"],
)
def test_a_draft_mark_with_a_note_in_brackets(assessor, mark):
    facts = _facts(assessor, f"**{mark}**\n\n# NGHỊ QUYẾT\n\n**về làm đường thôn Phú Xuân**\n")
    assert facts.signals["draft_mark"] == 1


def test_marks_typed_around_signature_lines_do_not_hide_them(assessor):
    from nghiquyet.plugins.text_loader import parse_plain

    text = (
        "NGHỊ QUYẾT\nvề làm đường thôn Phú Xuân\nMục tiêu\n- Đến 30/9/2027 xong 1,2 km.\n"
        "!T/M CHI BỘ\n!PHÓ BÍ THƯ\n(đã ký)\n*Trần Thị Kim Oanh*\n"
    )
    signals = analyse(parse_plain(text, "nq.txt"), assessor.nlp, "auto").signals
    assert (signals["signature_tm"], signals["signature_title"], signals["signature_name"]) == (
        5,
        6,
        8,
    )


def test_a_plain_line_that_is_a_part_name_is_a_heading(assessor):
    from nghiquyet.plugins.text_loader import parse_plain

    text = (
        "NGHỊ QUYẾT\nvề ổn định lực lượng lao động tại Phân xưởng Cắt\n"
        "Mục tiêu\n- Đến 31/12/2025, số công nhân nghỉ việc không quá 3 người/quý.\n"
        "Tổ chức thực hiện\n1. Chi đoàn Thanh niên tổ chức văn nghệ cho công nhân trẻ.\n"
        "Chi bộ tổ chức thực hiện\n"
    )
    facts = analyse(parse_plain(text, "du-thao.txt"), assessor.nlp, "auto")
    headings = [b.index for b in facts.blocks if b.is_heading]
    assert headings == [3, 5]  # not the task-like last line
    assert facts.tasks[0].owner == "Chi đoàn Thanh niên"


SIGNED = """\
| ĐẢNG BỘ ỦY BAN NHÂN DÂN TỈNH | ĐẢNG CỘNG SẢN VIỆT NAM |
|---|---|
| CHI BỘ NHÀ KHÁCH HOÀNG SƠN | *Hoàng Sơn, ngày {day} tháng {month} năm 2026* |
| Số 04-NQ/CB | |

# NGHỊ QUYẾT

**về tăng công suất phòng Nhà khách Hoàng Sơn năm 2026**

| Nơi nhận:<br>- Lưu. | T/M CHI BỘ<br>BÍ THƯ<br>Trần Văn Hòa |
|---|---|
"""


def test_a_numbered_signed_and_fully_dated_text_is_adopted(assessor):
    """Issued, whatever it omits: the vote record's absence is procedure's business."""
    assert _facts(assessor, SIGNED.format(day="02", month="4")).stage == "adopted"
    assert _facts(assessor, SIGNED.format(day="...", month="4")).stage == "draft"


def test_a_vote_record_left_blank_is_the_drafts_meeting_plan(assessor):
    text = (
        "Nghị quyết này được Chi bộ thông qua tại kỳ sinh hoạt chuyên đề ngày ..../01/2025, "
        "với ..../.... đảng viên có mặt biểu quyết tán thành.\n"
    )
    assert _facts(assessor, text).signals["meeting_plan"] == 1


def test_only_the_sentence_a_colon_ends_introduces_a_part():
    from nghiquyet.engine.analyse.headings import lead_in_kind

    key = match_key("Khắc phục dứt điểm các khâu yếu trong trực đêm. Phấn đấu đến ngày 31/12/2026:")
    assert lead_in_kind(key) is None
    key = match_key("Để thực hiện mục tiêu trên, chi bộ đề ra các giải pháp sau:")
    assert lead_in_kind(key) == "solutions"
