"""Rewrites: a finding's paragraph as it could read, the missing part a placeholder.

One sentence per rewriter, in the wording real drafts use; then how a long paragraph
is cut to the sentence that changed, and how a rule pack names a rewriter.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nghiquyet.engine.errors import ConfigError
from nghiquyet.engine.model import Mention
from nghiquyet.engine.rewrite import (
    Source,
    bounded,
    lower_first,
    placeholder_pieces,
    sentence_spans,
)
from nghiquyet.engine.rewriters import REWRITERS
from nghiquyet.engine.rules import parse_rule
from nghiquyet.engine.text import match_key


def rewrite(name: str, text: str, detail: str = "", **facts) -> str | None:
    """What rewriter ``name`` makes of ``text`` (its match key computed here)."""
    source = Source(text, match_key(text), detail, **facts)
    return REWRITERS[name].function(source)


def verb(text: str, at: int = 0) -> tuple[Mention, ...]:
    """The action verb the analysis finds at the start of a task."""
    word = text[at:].split()[0] + " " + text[at:].split()[1]
    return (Mention("action_verb", word, at, at + len(word), match_key(word)),)


# -- tasks ------------------------------------------------------------------------


def test_a_task_without_deadline_ends_with_one():
    text = "4. Công đoàn nhà trường phối hợp vận động các nguồn lực hỗ trợ học sinh khó khăn."
    assert rewrite("task_deadline", text) == (
        "4. Công đoàn nhà trường phối hợp vận động các nguồn lực hỗ trợ học sinh khó khăn, "
        "hoàn thành trước ngày [ngày/tháng/năm]."
    )


def test_the_deadline_closes_the_task_sentence_not_the_one_after():
    text = "Chi đoàn tổ chức ra quân dọn vệ sinh các tuyến đường. Mỗi đoàn viên nhận một đoạn."
    assert rewrite("task_deadline", text) == (
        "Chi đoàn tổ chức ra quân dọn vệ sinh các tuyến đường, hoàn thành trước ngày "
        "[ngày/tháng/năm]. Mỗi đoàn viên nhận một đoạn."
    )


def test_a_run_in_label_is_not_the_task_sentence():
    text = "Về tuyên truyền. Chi đoàn phát thanh trên loa của thôn về phân loại rác."
    assert rewrite("task_deadline", text).endswith(
        "phân loại rác, hoàn thành trước ngày [ngày/tháng/năm]."
    )


def test_a_table_task_keeps_its_deadline_for_the_deadline_column():
    text = "Rà soát, lập danh sách hộ chưa đăng ký thu gom rác"
    assert rewrite("task_deadline", text, in_table=True) is None


def test_a_collective_owner_gives_way_to_one_lead():
    text = "3. Các đoàn thể tuyên truyền, vận động hội viên thực hiện nghị quyết."
    assert rewrite("task_lead", text, "Các đoàn thể") == (
        "3. Đồng chí [họ tên], [chức vụ] chủ trì, phối hợp với các đoàn thể tuyên truyền, "
        "vận động hội viên thực hiện nghị quyết."
    )


def test_a_collective_written_as_a_label_loses_its_colon():
    text = "7. Các đồng chí đảng viên: gương mẫu chấp hành, vận động người lao động thực hiện."
    assert rewrite("task_lead", text, "Các đồng chí đảng viên") == (
        "7. Đồng chí [họ tên], [chức vụ] chủ trì, phối hợp với các đồng chí đảng viên gương mẫu "
        "chấp hành, vận động người lao động thực hiện."
    )


def test_a_task_that_opens_with_its_verb_gets_a_lead_in_front():
    text = "- Tổ chức 6 buổi họp xóm phổ biến cách phân loại rác tại nguồn."
    assert rewrite("task_lead", text, mentions=verb(text, 2)) == (
        "- Đồng chí [họ tên], [chức vụ] chủ trì tổ chức 6 buổi họp xóm phổ biến cách phân loại "
        "rác tại nguồn."
    )


def test_no_lead_is_put_before_a_sentence_that_has_its_own_subject():
    text = "Nghị quyết này được phổ biến đến toàn thể đảng viên trong chi bộ."
    assert rewrite("task_lead", text, "toàn thể đảng viên") is None


def test_a_body_gets_its_leading_member_in_brackets():
    text = "Ban Giám đốc lắp 12 camera tại cổng và xưởng, xong trước ngày 30/6/2026."
    assert rewrite("task_holder", text, "Ban Giám đốc") == (
        "Ban Giám đốc (đồng chí [họ tên], [chức vụ]) lắp 12 camera tại cổng và xưởng, "
        "xong trước ngày 30/6/2026."
    )


def test_a_body_named_in_another_cell_is_left_alone():
    assert rewrite("task_holder", "Lắp 12 camera tại cổng và xưởng", "Ban Giám đốc") is None


def test_a_recurring_vague_time_becomes_a_frequency():
    text = "5. Giáo viên chủ nhiệm các lớp thường xuyên nắm tình hình học sinh nghỉ học."
    assert rewrite("task_time", text, "thường xuyên") == (
        "5. Giáo viên chủ nhiệm các lớp [hằng tuần/hằng tháng] nắm tình hình học sinh nghỉ học."
    )


def test_a_one_off_vague_time_becomes_a_date_capitalised_where_it_opened():
    text = "Kịp thời báo cáo Ban giám hiệu những trường hợp học sinh bỏ học."
    assert rewrite("task_time", text, "kịp thời") == (
        "Trước ngày [ngày/tháng/năm] báo cáo Ban giám hiệu những trường hợp học sinh bỏ học."
    )


# -- targets and obstacles ----------------------------------------------------------


def test_a_vague_target_gains_a_figure_and_a_date():
    text = "- Nâng cao ý thức của người dân trong việc giữ gìn vệ sinh môi trường."
    assert rewrite("target_figure", text) == (
        "- Nâng cao ý thức của người dân trong việc giữ gìn vệ sinh môi trường, "
        "đạt [số] [đơn vị] trước ngày [ngày/tháng/năm]."
    )


def test_a_dated_vague_target_gains_only_the_figure():
    text = "Đến tháng 12/2026, nâng cao chất lượng sinh hoạt chi bộ."
    dated = (Mention("date", "tháng 12/2026", 4, 17, "2026-12"),)
    assert rewrite("target_figure", text, mentions=dated) == (
        "Đến tháng 12/2026, nâng cao chất lượng sinh hoạt chi bộ, đạt [số] [đơn vị]."
    )


def test_a_figure_goes_after_a_closing_quote_not_inside_it():
    text = 'Đơn vị đạt danh hiệu "Đơn vị văn hóa".'
    assert rewrite("target_figure", text) == (
        'Đơn vị đạt danh hiệu "Đơn vị văn hóa", đạt [số] [đơn vị] trước ngày [ngày/tháng/năm].'
    )


def test_an_undated_target_gains_a_date():
    text = "100% hộ đăng ký thu gom rác."
    assert (
        rewrite("target_date", text) == "100% hộ đăng ký thu gom rác trước ngày [ngày/tháng/năm]."
    )


def test_an_obstacle_gains_its_remedy_and_who_sees_to_it():
    text = "Một số hộ ở xóm 5 có thể không đồng thuận đóng phí thu gom rác."
    assert rewrite("obstacle_remedy", text) == (
        "Một số hộ ở xóm 5 có thể không đồng thuận đóng phí thu gom rác; cách tháo gỡ: "
        "[biện pháp], đồng chí [họ tên], [chức vụ] phụ trách."
    )


# -- follow-up and form ---------------------------------------------------------------


def test_an_undated_interim_review_gains_a_month():
    text = "Chi bộ định kỳ sơ kết, tổng kết việc thực hiện nghị quyết."
    assert rewrite("interim_review_date", text) == (
        "Chi bộ định kỳ sơ kết vào tháng [tháng/năm], tổng kết việc thực hiện nghị quyết."
    )


def test_an_interim_review_is_written_before_the_final_one_it_lacks():
    text = "Chi bộ tổng kết việc thực hiện nghị quyết vào tháng 12/2026."
    assert rewrite("interim_review_date", text) == (
        "Chi bộ sơ kết vào tháng [tháng/năm], tổng kết việc thực hiện nghị quyết vào tháng 12/2026."
    )


def test_a_review_placed_in_time_is_left_as_written():
    text = "Chi ủy kiểm tra định kỳ; sơ kết 6 tháng, tổng kết cuối năm."
    assert rewrite("interim_review_date", text) is None
    assert rewrite("final_review_date", text) is None


def test_an_undated_final_review_gains_a_month_at_the_end_of_its_clause():
    text = "Chi bộ định kỳ sơ kết, tổng kết việc thực hiện nghị quyết."
    assert rewrite("final_review_date", text) == (
        "Chi bộ định kỳ sơ kết, tổng kết việc thực hiện nghị quyết vào tháng [tháng/năm]."
    )


def test_a_final_review_is_written_after_the_interim_one():
    text = "Chi bộ sơ kết vào ngày 10/7/2026."
    assert rewrite("final_review_date", text) == (
        "Chi bộ sơ kết vào ngày 10/7/2026, tổng kết vào tháng [tháng/năm]."
    )


def test_monitoring_gains_a_frequency_in_place_of_a_vague_one():
    text = "Chi ủy thường xuyên kiểm tra, giám sát việc thực hiện nghị quyết."
    assert rewrite("monitoring_frequency", text) == (
        "Chi ủy [hằng tuần/hằng tháng] kiểm tra, giám sát việc thực hiện nghị quyết."
    )


def test_monitoring_that_opens_the_sentence_gains_a_capital_frequency():
    text = "Kiểm tra, giám sát việc thực hiện nghị quyết tại kỳ sinh hoạt chi bộ."
    assert rewrite("monitoring_frequency", text) == (
        "[Hằng tuần/hằng tháng] kiểm tra, giám sát việc thực hiện nghị quyết tại kỳ sinh hoạt "
        "chi bộ."
    )


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("Hòa Thạnh, ngày 5 tháng 3 năm 2026", "Hòa Thạnh, ngày 05 tháng 3 năm 2026"),
        ("Bắc Thành, ngày 06 tháng 04 năm 2026", "Bắc Thành, ngày 06 tháng 4 năm 2026"),
        ("Long Phú Đông, ngày 9 tháng 1 năm 2027", "Long Phú Đông, ngày 09 tháng 01 năm 2027"),
    ],
)
def test_the_date_line_gets_the_zeros_of_the_form(line, fixed):
    assert rewrite("date_zeros", line) == fixed


# -- the mechanism ---------------------------------------------------------------------


def test_sentences_do_not_end_at_a_number_or_an_abbreviation():
    text = "1. Chi bộ họp tại TP. Huế ngày 5/3. Đồng chí Lan báo cáo."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "1. Chi bộ họp tại TP. Huế ngày 5/3.",
        "Đồng chí Lan báo cáo.",
    ]


def test_a_short_paragraph_is_shown_whole():
    old = "Chi đoàn dọn vệ sinh các tuyến đường."
    new = "Chi đoàn dọn vệ sinh các tuyến đường, hoàn thành trước ngày [ngày/tháng/năm]."
    assert bounded(old, new) == new


def test_a_long_paragraph_shows_only_the_sentence_that_changed():
    first = "Chi đoàn tổ chức ra quân dọn vệ sinh các tuyến đường liên thôn mỗi sáng chủ nhật."
    rest = " Đoàn viên mang theo dụng cụ, chia thành từng nhóm theo xóm." * 6
    old = first + rest
    new = old.replace("chủ nhật.", "chủ nhật, hoàn thành trước ngày [ngày/tháng/năm].")
    assert bounded(old, new) == first[:-1] + ", hoàn thành trước ngày [ngày/tháng/năm]. …"


def test_a_long_sentence_shows_only_the_clause_that_changed():
    clauses = [f"xóm {n} lập danh sách hộ nghèo cần hỗ trợ và gửi về chi ủy" for n in range(8)]
    old = "; ".join(clauses) + "."
    new = old.replace("xóm 3 lập", "xóm 3 (đồng chí [họ tên], [chức vụ]) lập")
    assert bounded(old, new) == (
        "… xóm 3 (đồng chí [họ tên], [chức vụ]) lập danh sách hộ nghèo cần hỗ trợ và gửi về "
        "chi ủy; …"
    )


def test_a_name_keeps_its_capital_and_a_common_word_loses_it():
    assert lower_first("Các đoàn thể ấp") == "các đoàn thể ấp"
    assert lower_first("Hội Nông dân xã") == "Hội Nông dân xã"
    assert lower_first("THCS Sơn Thành") == "THCS Sơn Thành"


def test_placeholders_are_set_apart_for_a_reporter():
    assert placeholder_pieces("xong trước ngày [ngày/tháng/năm].") == [
        ("xong trước ngày ", False),
        ("[ngày/tháng/năm]", True),
        (".", False),
    ]


def test_a_rule_names_a_known_rewriter():
    rule = {
        "id": "NQ699",
        "name": "task-without-plan",
        "criterion": "assignments",
        "severity": "warning",
        "type": "item_ratio",
        "message": "Nhiệm vụ chưa có kế hoạch.",
        "rewrite": "task_deadline",
    }
    assert parse_rule(rule, "pack.yaml").rewrite == "task_deadline"
    with pytest.raises(ConfigError) as error:
        parse_rule({**rule, "rewrite": "task_deadlin"}, "pack.yaml")
    assert "rewrite" in str(error.value) and "did you mean 'task_deadline'" in str(error.value)


def test_a_rewrite_pasted_in_unfilled_is_a_placeholder_left(assess_markdown):
    draft = (
        "# NGHỊ QUYẾT\n\nvề thu gom rác thải tại thôn Đông Lộc\n\n## IV. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Đồng chí [họ tên], [chức vụ] chủ trì, phối hợp với các đoàn thể vận động 56 hộ "
        "ký cam kết, hoàn thành trước ngày 30/4/2026.\n"
    )
    left = [f for f in assess_markdown(draft).findings if f.rule_id == "NQ002"]
    assert [f.message["vi"] for f in left] == ["Còn chỗ trống của mẫu chưa điền: [họ tên]"]


@given(
    st.text(alphabet="ab ạ.", max_size=40),
    st.text(alphabet="ab ạ.", max_size=40),
)
def test_common_prefix_counts_as_a_character_at_a_time(a, b):
    # bounded() finds the changed part with it: the same count as the plain loop
    from nghiquyet.engine.rewrite import common_prefix

    count = 0
    while count < min(len(a), len(b)) and a[count] == b[count]:
        count += 1
    assert common_prefix(a, b) == count


def test_a_shifted_mention_keeps_every_field():
    # rewrite_finding moves a paragraph's mentions into the part it rewrites with
    # Mention.shifted; every field but the offsets is kept (a field added later too)
    from dataclasses import fields, replace

    values = {f.name: f"{f.name} giá trị" for f in fields(Mention)}
    values.update(start=12, end=20)
    mention = Mention(**values)
    assert mention.shifted(5) == replace(mention, start=7, end=15)
