"""Wording tables the analysis reads: data only, no logic.

Every cue is written as a drafter writes it and folded once here with
:func:`~nghiquyet.engine.text.match_key`, so that the other modules compare match keys
with match keys.
"""

from __future__ import annotations

from ..text import match_key


def _folded(*cues: str) -> tuple[str, ...]:
    return tuple(match_key(c) for c in cues)


# Heading words -> section kind, tried in this order: the first kind whose cue appears
# wins ("Dự báo khó khăn và giải pháp tháo gỡ" is obstacles, not solutions;
# "Những hạn chế, khó khăn" is the situation, not an obstacle forecast).
SECTION_CUES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (kind, _folded(*cues))
    for kind, cues in (
        (
            "implementation",
            ("tổ chức thực hiện", "phân công", "trách nhiệm thực hiện", "tổ chức triển khai"),
        ),
        (
            "review",
            (
                "sơ kết",
                "tổng kết",
                "kiểm tra, giám sát",
                "kiểm tra giám sát",
                "chế độ báo cáo",
                "theo dõi, đánh giá",
            ),
        ),
        ("obstacles", ("dự báo", "vướng mắc", "tháo gỡ", "rủi ro", "có thể phát sinh", "trở ngại")),
        (
            "situation",
            (
                "tình hình",
                "thực trạng",
                "kết quả",
                "hạn chế",
                "nguyên nhân",
                "đánh giá",
                "bối cảnh",
                "yếu kém",
                "tồn tại",
            ),
        ),
        ("objectives", ("mục tiêu", "chỉ tiêu", "mục đích", "yêu cầu")),
        ("solutions", ("giải pháp", "nhiệm vụ", "biện pháp", "cách làm", "nội dung thực hiện")),
        ("obstacles", ("khó khăn", "khắc phục")),
        ("bases", ("căn cứ",)),
    )
)

# The parts whose paragraphs are items that rules count, and the kind of item.
ITEM_SECTIONS = {
    "objectives": "target",
    "solutions": "solution",
    "obstacles": "obstacle",
    "implementation": "task",
    "review": "task",
}

# Sub-headings under the objectives that state the purpose, not targets.
PURPOSE_HEADINGS = ("mục tiêu chung", "mục đích", "yêu cầu", "mục tiêu tổng quát")

# (parent part, sub-heading kind) pairs where the sub-heading stays in its parent:
# "2. Khó khăn" under the situation is a limitation, not a forecast; "3. Kiểm tra,
# giám sát" under the solutions is a solution, not the review plan.
STAY_IN_PARENT = {("situation", "obstacles"), ("solutions", "review")}
# ... unless the sub-heading looks ahead
FORECAST = _folded("dự báo", "vướng mắc", "tháo gỡ", "có thể phát sinh")
# A line ending in a colon inside the situation leaves it for the forecast only when
# it says it looks ahead or at remedies; "vướng mắc" alone describes today.
FORECAST_LEAD = _folded("dự báo", "tháo gỡ", "có thể phát sinh", "có thể gặp", "rủi ro")
# A numbered paragraph that opens the forecast in a draft written as one list
FORECAST_START = _folded("dự báo", "dự kiến khó khăn")
# A paragraph outside any forecast part that still forecasts
FORECAST_WORDS = _folded("dự báo", "có thể phát sinh", "dự kiến gặp", "sẽ gặp", "vướng mắc")
# ... but in a part of solutions or targets "vướng mắc" is the work ("giải quyết kịp
# thời các mâu thuẫn, vướng mắc trong nhân dân"), not a difficulty foreseen
WORK_NOT_FORECAST = _folded("vướng mắc")
# A colon after these introduces difficulties, not a remedy.
LIST_INTRO = _folded("dự báo", "sẽ gặp", "một số khó khăn", "những khó khăn", "các khó khăn", "sau")

# Header cells of an assignment table ("Nhiệm vụ | Người chủ trì | Thời hạn")
COLUMN_CUES = (
    (
        "owner",
        (
            "chủ trì",
            "phụ trách",
            "người thực hiện",
            "đơn vị thực hiện",
            "người chịu trách nhiệm",
            # "Đơn vị, cá nhân thực hiện", "Bộ phận thực hiện"
            "cá nhân thực hiện",
            "bộ phận thực hiện",
        ),
    ),
    ("deadline", ("thời gian", "thời hạn", "hoàn thành", "tiến độ")),
    ("task", ("nhiệm vụ", "nội dung", "công việc", "giải pháp")),
    ("partner", ("phối hợp",)),
    ("number", ("stt", "tt")),
)

# Places that need no name: there is one of each in the unit
PLACE_OBJECTS = {
    "nhà văn hóa",
    "nhà văn hoá",
    "hội trường",
    "sân trường",
    "trạm y tế",
    "đầu ngõ",
    "bến sông",
    "bờ kênh",
}

# Syllables too common to tie a solution to a cause
STOP_WORDS = set(
    [
        "và",
        "của",
        "các",
        "cho",
        "với",
        "trong",
        "tại",
        "là",
        "được",
        "có",
        "không",
        "chưa",
        "còn",
        "đã",
        "sẽ",
        "này",
        "đó",
        "một",
        "những",
        "việc",
        "người",
        "từ",
        "theo",
        "để",
        "khi",
        "nên",
        "do",
        "vì",
        "như",
        "thì",
        "mà",
        "ra",
        "vào",
        "lên",
        "đến",
        "về",
        "trên",
        "dưới",
        "hơn",
        "rất",
        "đang",
        "chi",
        "bộ",
        "đảng",
        "viên",
        "thôn",
        "xã",
        "hộ",
        "năm",
        "tháng",
        "ngày",
        "nguyên",
        "nhân",
        "chủ",
        "quan",
        "khách",
        "quan",
        "số",
        "cũng",
    ]
)

# The last day of a quarter or half year, to compare deadlines
PERIOD_END = {
    "Q1": "03-31",
    "Q2": "06-30",
    "Q3": "09-30",
    "Q4": "12-31",
    "H1": "06-30",
    "H2": "12-31",
}

# An owner whose head word is one of these is a role one person holds ("Trưởng thôn",
# "Đồng chí Chủ tịch Hội Người cao tuổi phường", "chi hội trưởng"); any other owner
# the lexicon calls a role is a body of several people ("Chi ủy", "Ban Giám đốc").
ONE_HOLDER_HEADS = _folded(
    "bí thư",
    "phó bí thư",
    "chủ tịch",
    "phó chủ tịch",
    "chủ nhiệm",
    "phó chủ nhiệm",
    "giám đốc",
    "phó giám đốc",
    "hiệu trưởng",
    "phó hiệu trưởng",
    "quản đốc",
    "phó quản đốc",
    "chánh thanh tra",
    "phó chánh thanh tra",
    "chánh văn phòng",
    "phó chánh văn phòng",
    "chánh án",
    "phó chánh án",
    "trưởng",
    "phó trưởng",
    "tổ trưởng",
    "tổ phó",
    "đội trưởng",
    "đội phó",
    "chi hội trưởng",
    "chi hội phó",
    "chi ủy viên",
    "đảng viên phụ trách",
    "kỹ thuật viên",
    "kế toán",
    "thủ quỹ",
    "giáo viên chủ nhiệm",
    "tổng phụ trách",
    "công an khu vực",
    "cảnh sát khu vực",
    "công an viên",
    "nhân viên y tế",
    "y tế thôn",
)
# Words that open a task after its owner's name, beyond OWNER_PHRASE_ENDS: an owner
# written as a post or a body ("Đồng chí Giám đốc thư viện | chỉ đạo chung", "Chi ủy chi
# bộ | có trách nhiệm ...") runs on until one of these or a verb the lexicon knows.
TASK_OPENERS = _folded(
    "chỉ đạo",
    "theo dõi",
    "cụ thể hóa",
    "thành lập",
    "đặt",
    "ban hành",
    "phát động",
    "phát huy",
    "lập",
    "làm",
    "mở",
    "đề xuất",
    "đàm phán",
    "tăng cường",
    "trình",
    "khắc phục",
    "củng cố",
    "đưa",
    "họp",
    "xét",
    "đào",
    "lưu",
    "điều động",
    "tổng hợp",
    "tham gia",
    "bảo đảm",
    "đảm bảo",
    "duy trì",
    "đề nghị",
    "gặp",
    # "Đồng chí Phó Bí thư giúp Bí thư kiểm tra ...": helping opens the task
    "giúp",
    # "Chi bộ tiến hành kiểm tra ...", "Định kỳ Chi bộ sơ kết ..."
    "tiến hành",
    "sơ kết",
    "tổng kết",
    "đánh giá",
    "sẽ",
    "đã",
    "phải",
    "cùng",
    "giới thiệu",
    "trực tiếp",
    "định kỳ",
    "hằng",
    "liên hệ",
    "thống nhất",
    "giám sát",
    "thi công",
    "nghe",
    "rà soát",
    "vận động",
    "kiểm tra",
    "nghiêm chỉnh",
    "đoàn kết",
    "nỗ lực",
    "quan tâm",
    "lãnh đạo",
    "chăm lo",
    "tập trung",
    "với",
    "để",
    "theo",
    "tại",
    "trong việc",
    "và",
    "có",
    "hoàn thiện",
    "quyết định",
    "nắm",
    "nhận",
    "cập nhật",
    "xem xét",
    "gần gũi",
    "nắm bắt",
    "kiểm điểm",
    "tiếp nhận",
    "đôn đốc",
    # "Ban Giám đốc Nhà máy | tạo điều kiện ...", "Các đồng chí đảng viên | chia sẻ ..."
    "tạo điều kiện",
    "chia sẻ",
)
# A verb right after one of these heads names the body ("Tổ | kiểm tra liên ngành",
# "Ban | quản lý cảng", "Đội | điều độ").
VERB_NAMING_HEADS = _folded("ban", "tổ", "đội", "phòng", "nhóm")
# A unit's head word, after which its name runs on in lower case ("Tổ Chữa cháy số 1",
# "trưởng Nhóm hỗ trợ công bố")
UNIT_HEADS = VERB_NAMING_HEADS + _folded("bộ phận", "khoa", "trạm", "bộ môn")
# The verbs that name bodies after such a head ("Ban Chỉ đạo", "Tổ Kiểm tra", "Đội
# Chữa cháy"); any other verb there opens the task ("Kế toán Đội | lập sổ").
NAMING_VERBS = _folded(
    "phòng cháy",
    "chỉ đạo",
    "kiểm tra",
    "quản lý",
    "điều hành",
    "điều độ",
    "chỉ huy",
    "chữa cháy",
    "cứu nạn",
    "cứu hộ",
    "cấp cứu",
    "vận hành",
    "bảo vệ",
    "tuyên truyền",
    "vận động",
    "thu gom",
    "giám sát",
    "kiểm soát",
    "hòa giải",
    "tự quản",
    "xung kích",
    "điều tra",
    "thi hành",
    "tiếp dân",
    "tiếp nhận",
    "sản xuất",
    "bảo trì",
    "phòng chống",
    "phòng cháy",
    "tư vấn",
    "hướng dẫn",
    "công tác",
    "thẩm định",
    "nghiệm thu",
    "đoàn kết",
    "trực",
    # task verbs the lexicon learned later name bodies too ("Tổ tuần tra số 2")
    "tuần tra",
    "bảo dưỡng",
    "diễn tập",
    "đào tạo",
)
# A number after one of these words is part of a name ("Tổ sản xuất số 2", "lớp 1"),
# not a count of the task
NUMBERED_WORDS = _folded(
    "số",
    "lớp",
    "khối",
    "tổ",
    "đội",
    "khu",
    "xóm",
    "thôn",
    "ấp",
    "bản",
    "tuyến",
    "ca",
    "trạm",
    "kênh",
    "điểm",
    "phân xưởng",
)
# Words that open a collective owner: "Các tổ đảng", "Toàn thể đảng viên"
COLLECTIVE_OPENERS = _folded("các", "toàn thể", "tất cả", "mỗi", "mọi", "từng")
# Words after which a collective owner's name has ended ("Các tổ đảng | tổ chức ...")
OWNER_PHRASE_ENDS = _folded(
    "có trách nhiệm",
    "mỗi người",
    "mỗi đồng chí",
    "điểm danh",
    "căn cứ",
    "tích cực",
    "chủ động",
    "thường xuyên",
    "phối hợp",
    "tiếp tục",
    "nghiêm túc",
    "thực hiện",
    "tổ chức",
    "quán triệt",
    "tuyên truyền",
    "chịu trách nhiệm",
    "chủ trì",
    "phụ trách",
    "xây dựng",
    "triển khai",
    "nêu cao",
    "gương mẫu",
    "đăng ký",
    "bám sát",
)
