"""Which documents are scored as thematic resolutions, which in part, which not at all."""

from __future__ import annotations

import pytest
from nghiquyet.engine.analyse.kind import read_kind

BODY = (
    "Năm 2026, thôn Phú Xuân có 412 hộ, mới 58% số hộ phân loại rác tại nguồn; còn 6 điểm đổ "
    "rác tự phát ven kênh, nhân dân bức xúc. Chi bộ thống nhất lãnh đạo thực hiện các giải "
    "pháp sau đây trong năm 2027, mỗi việc có người chủ trì và thời hạn cụ thể."
)
HEADER = ["ĐẢNG BỘ XÃ AN THỊNH", "CHI BỘ THÔN PHÚ XUÂN", "Số 03-NQ/CB", "ĐẢNG CỘNG SẢN VIỆT NAM"]


def _kind(*lines: str):
    return read_kind([*HEADER, *lines, BODY, BODY])


def test_a_thematic_resolution_is_scored():
    kind = _kind("NGHỊ QUYẾT", "về phân loại rác tại nguồn ở thôn Phú Xuân năm 2027")
    assert kind.kind == "thematic" and kind.scored


def test_a_congress_resolution_is_named_and_scored_in_part():
    kind = _kind("NGHỊ QUYẾT", "ĐẠI HỘI CHI BỘ THÔN PHÚ XUÂN LẦN THỨ XII, NHIỆM KỲ 2025–2027")
    assert (kind.kind, kind.scored) == ("congress", True)


def test_a_topic_that_cites_a_congress_is_still_thematic():
    topic = "về thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025–2030 trong thu gom rác"
    assert _kind("NGHỊ QUYẾT", topic).kind == "thematic"


def test_a_monthly_resolution_is_named():
    assert _kind("NGHỊ QUYẾT", "lãnh đạo thực hiện nhiệm vụ tháng 3/2027").kind == "monthly"


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("BÁO CÁO", "báo cáo"),
        ("BÁO CÁO SƠ KẾT 6 THÁNG THỰC HIỆN NGHỊ QUYẾT CHUYÊN ĐỀ", "báo cáo"),
        ("KẾ HOẠCH", "kế hoạch"),
    ],
)
def test_a_report_or_a_plan_is_not_a_resolution(title, named):
    kind = _kind(title, "thực hiện phân loại rác tại nguồn năm 2027")
    assert (kind.kind, kind.title, kind.scored) == ("other_kind", named, False)


def test_text_typed_without_diacritics():
    plain = (
        "Chi bo thon Phu Xuan thong nhat nghi quyet ve viec thu gom rac. Dang vien cua chi bo "
        "thuc hien cac nhiem vu duoc giao trong nam 2027, kiem tra va so ket hang thang. "
    )
    assert read_kind(["NGHI QUYET", plain * 3]).kind == "no_diacritics"


def test_an_english_note_is_not_a_resolution():
    note = (
        "This repository holds the drafts of our committee. Run the checker before each "
        "meeting and fix what it reports; the secretary keeps the final copies in the shared "
        "folder and sends them to the members a week before the vote. "
    )
    kind = read_kind(["README", note * 2])
    assert (kind.kind, kind.scored) == ("not_vietnamese", False)


def test_a_long_vietnamese_text_about_something_else():
    recipe = "Rửa sạch rau muống, luộc chín, vớt ra để ráo rồi xào với tỏi phi thơm. " * 20
    assert read_kind(["Cách nấu món rau muống xào tỏi", recipe]).kind == "other_kind"


def test_a_short_fragment_is_given_the_benefit_of_the_doubt():
    assert read_kind(["- Đồng chí Lê Văn Tâm tổ chức 6 buổi họp xóm."]).scored
