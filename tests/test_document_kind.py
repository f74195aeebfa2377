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


def test_a_short_english_note_is_not_a_resolution_either():
    note = "This is a README for a small tool. Install it with pip and run it. It has many features that users like a lot."
    assert read_kind(["My project", note]).kind == "not_vietnamese"


def test_a_long_vietnamese_text_about_something_else():
    recipe = "Rửa sạch rau muống, luộc chín, vớt ra để ráo rồi xào với tỏi phi thơm. " * 20
    assert read_kind(["Cách nấu món rau muống xào tỏi", recipe]).kind == "other_kind"


def test_a_short_fragment_is_given_the_benefit_of_the_doubt():
    assert read_kind(["- Đồng chí Lê Văn Tâm tổ chức 6 buổi họp xóm."]).scored


# -- through the command line -----------------------------------------------------


def _json(result) -> dict:
    import json

    return json.loads(result.stdout)["documents"][0]


def test_an_english_readme_is_refused_with_exit_2(run, tmp_path):
    note = tmp_path / "README.md"
    note.write_text(
        "# Drafts\n\nThis repository holds the drafts of our committee. Run the checker before "
        "each meeting and fix what it reports; the secretary keeps the final copies in the "
        "shared folder and sends them to the members a week before the vote.\n",
        "utf-8",
    )
    result = run(note, "--format", "json")
    assert result.exit_code == 2
    assert _json(result)["error"]["code"] == "not_a_resolution"
    forced = run(note, "--format", "json", "--force")
    assert forced.exit_code in (0, 1) and _json(forced)["score"] is not None
    assert "--force" in _json(forced)["notes"][0]


def test_text_without_diacritics_is_refused_in_the_report_language(run, tmp_path):
    draft = tmp_path / "khong-dau.txt"
    draft.write_text(
        "NGHI QUYET\nve thu gom rac thon Phu Xuan\n"
        + "Chi bo thon Phu Xuan thong nhat nghi quyet ve viec thu gom rac. Dang vien cua chi "
        "bo thuc hien cac nhiem vu duoc giao trong nam 2027, kiem tra va so ket hang thang.\n" * 3,
        "utf-8",
    )
    vi = run(draft)
    assert vi.exit_code == 2 and "gõ không dấu" in vi.output
    en = run(draft, "--lang", "en", "--format", "json")
    assert _json(en)["error"]["code"] == "no_diacritics"
    assert "without Vietnamese diacritics" in _json(en)["error"]["message"]


def test_a_progress_report_is_named_and_pointed_to_its_resolution(run, tmp_path):
    report = tmp_path / "bao-cao.md"
    report.write_text(
        "CHI BỘ THÔN PHÚ XUÂN\n\n# BÁO CÁO\n\n**sơ kết 6 tháng thực hiện Nghị quyết chuyên đề "
        "số 03-NQ/CB về thu gom rác**\n\nSau 6 tháng, 96% hộ đã phân loại rác tại nguồn; đã xóa "
        "4 trên 6 điểm đổ rác tự phát. Đồng chí Lê Văn Tâm hoàn thành 6 buổi họp xóm.\n",
        "utf-8",
    )
    result = run(report)
    assert result.exit_code == 2
    assert "đây là báo cáo, không phải nghị quyết chuyên đề" in result.output
    assert "đối chiếu" in result.output


def test_a_congress_resolution_is_scored_with_a_note_first(run, samples, tmp_path):
    text = (samples / "strong.md").read_text("utf-8")
    congress = tmp_path / "dai-hoi.md"
    lines = text.splitlines()
    title = next(i for i, line in enumerate(lines) if "NGHỊ QUYẾT" in line)
    lines[title + 2] = "**ĐẠI HỘI CHI BỘ THÔN PHÚ XUÂN LẦN THỨ XII, NHIỆM KỲ 2025–2027**"
    congress.write_text("\n".join(lines), "utf-8")
    result = run(congress, "--format", "json")
    document = _json(result)
    assert document["error"] is None
    assert document["notes"][0].startswith("Đây là nghị quyết đại hội chi bộ")


def test_reading_words_stops_early_only_when_the_rest_cannot_change_the_verdict():
    # _read_words settles before the end when the marked share is past the threshold
    # whatever the rest holds; then the whole text's share is past it too and the
    # markers check has its words. A draft typed with diacritics up to its last third
    # and without them after is settled on the first part.
    from nghiquyet.engine.analyse import kind as K

    plain = "Chi bo thong nhat lanh dao thuc hien nghi quyet cua dang bo xa trong nam " * 40
    drafts = {
        "vietnamese": [*HEADER, BODY] * 20,
        "typed without diacritics": [plain] * 10,
        "diacritics then none": [*HEADER, BODY] * 6 + [plain] * 30,
        "none then diacritics": [plain] * 3 + [BODY] * 40,
    }
    for name, texts in drafts.items():
        words, marked, settled = K._read_words(texts)
        every = [w for text in texts for w in K._WORD.findall(text)]
        every_marked = sum(map(K._marked, every))
        if settled:
            assert every_marked >= K.DIACRITIC_MIN_SHARE * len(every), name
            assert len(words) >= K.MARKERS_MIN_WORDS, name
        else:
            assert (words, marked) == (every, every_marked), name
    assert K._read_words(drafts["vietnamese"])[2]
    assert not K._read_words(drafts["typed without diacritics"])[2]
