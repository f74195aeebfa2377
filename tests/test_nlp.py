"""The text helpers and the spaCy pipeline's own components."""

from __future__ import annotations

from pathlib import Path

import pytest
from nghiquyet.engine.nlp import find_dates, find_numbers, find_persons
from nghiquyet.engine.text import excerpt, match_key


@pytest.mark.parametrize(
    "old, new",
    [
        ("chi uỷ", "chi ủy"),
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("UỶ BAN", "ỦY BAN"),
    ],
)
def test_both_tone_placements_share_a_key(old, new):
    assert match_key(old) == match_key(new)
    assert len(match_key(old)) == len(old)


def test_tone_folding_leaves_other_syllables_alone():
    assert match_key("quý hoàn thành") == "quý hoàn thành"
    assert match_key("Đồng chí") == "đồng chí"


def dates(text):
    return [(text[s:e], value) for s, e, value, _ in find_dates(match_key(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hoàn thành trước 15/3/2026", [("15/3/2026", "2026-03-15")]),
        ("xong ngày 15-3-2026.", [("15-3-2026", "2026-03-15")]),
        ("Tân Phú, ngày 05 tháng 3 năm 2026", [("ngày 05 tháng 3 năm 2026", "2026-03-05")]),
        ("trong tháng 4/2026", [("tháng 4/2026", "2026-04")]),
        ("trong quý II/2026", [("quý II/2026", "2026-Q2")]),
        ("sơ kết 6 tháng đầu năm 2026", [("6 tháng đầu năm 2026", "2026-H1")]),
        ("nhiệm kỳ 2025–2030", [("nhiệm kỳ 2025–2030", "2025/2030")]),
        ("trước ngày 30/6", [("ngày 30/6", "????-06-30")]),
        ("đến cuối năm 2026", [("năm 2026", "2026")]),
        ("ngày 31/13/2026 không có thật", []),
    ],
)
def test_dates_normalised_to_iso(text, expected):
    found = dates(text)
    assert [v for _, v in found] == [v for _, v in expected]
    for (got, _), (want, _) in zip(found, expected, strict=True):
        assert want in got


def test_percent_and_quantities_with_units():
    text = "Mới 97/412 hộ (23,5%) phân loại; cần 1.200 hộ, 3 buổi, 50 triệu đồng và 100 phần trăm."
    found = {(kind, value, unit) for _, _, kind, value, unit in find_numbers(match_key(text), [])}
    assert ("percent", 23.5, "%") in found and ("percent", 100.0, "%") in found
    assert ("quantity", 97.0, "hộ") in found
    assert ("quantity", 1200.0, "hộ") in found
    assert ("quantity", 3.0, "buổi") in found
    assert ("quantity", 50.0, "triệu đồng") in found


def test_numbering_and_years_are_not_quantities():
    text = "1. Trong năm 2026 thôn có 6 xóm"
    key = match_key(text)
    taken = [(s, e) for s, e, _, _ in find_dates(key)]
    found = [(kind, unit) for _, _, kind, _, unit in find_numbers(key, taken)]
    assert found == [("quantity", "xóm")]


def test_persons_are_only_names_that_are_written():
    text = "Đồng chí Nguyễn Văn Hùng, Bí thư, chủ trì; đ/c Lê Thị Bé phối hợp; đồng chí Bí thư ký."
    assert [name for _, _, name in find_persons(text)] == ["Nguyễn Văn Hùng", "Lê Thị Bé"]


def test_pipeline_components_write_spans(assessor):
    nlp = assessor.nlp
    assert nlp.pipe_names == [
        "nq_normalizer",
        "sentencizer",
        "nq_numbers",
        "nq_people",
        "nq_lexicon",
    ]
    doc = nlp(
        "Chi uỷ tăng cường kiểm tra hằng tháng; đồng chí Trần Văn Hòa báo cáo Đảng ủy xã trước 15/4/2026."
    )
    labels = {span.label_ for span in doc.spans["lexicon"]}
    assert {"role", "slogan", "frequency", "superior"} <= labels
    assert [s._.value for s in doc.spans["dates"]] == ["2026-04-15"]
    assert [s._.value for s in doc.spans["persons"]] == ["Trần Văn Hòa"]
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Đồng chí Nguyễn Văn Hùng, Bí thư chi bộ, chủ trì; hoàn thành trước 15/3/2026.",
        "Dòng kẻ " + "…" * 200 + " rồi chữ ký của Bí thư",  # a run cut into pieces
        "  Khoảng trắng\tđầu và cuối  ",
    ],
)
def test_components_read_the_text_the_tokenizer_was_given(assessor, text):
    # the components reuse the block's text rather than rebuild Doc.text per call
    from nghiquyet.engine.long_tokens import doc_text

    doc = assessor.nlp(text)
    assert doc_text(doc) == doc.text == text
    assert doc.user_data["nq_key"] == match_key(text)


@pytest.fixture(scope="module")
def blocks_we_hold(assessor) -> tuple[str, ...]:
    """The text of every block of every draft we hold, read once for the module."""
    from nghiquyet.engine.errors import InputError
    from nghiquyet.engine.load import load

    root = Path(__file__).resolve().parent.parent
    drafts = [p for p in (root / "samples").iterdir() if p.suffix in (".md", ".docx")]
    drafts += sorted((root / "tests" / "drafts").rglob("*.md"))
    texts = []
    for path in sorted(drafts):
        try:
            texts += [b.text for b in load(path, assessor.config, assessor.pm).blocks]
        except InputError:
            continue
    return tuple(texts)


def test_every_token_norm_is_the_key_under_it(assessor, blocks_we_hold):
    # norms are set once per word of the vocabulary (not token by token): on every
    # block we hold, and on a no-break space (a special case with a norm of its own),
    # each token's NORM is still the match key's characters under it
    texts = list(blocks_we_hold)
    texts += ["Chi uỷ\xa0HOÀ BÌNH, Thuỷ lợi", "Ủy ban; ỦY BAN; uỷ ban (Hoà-Bình)"]
    assert len(texts) > 1000
    for doc in assessor.nlp.pipe(texts):
        key = doc.user_data["nq_key"]
        for token in doc:
            assert token.norm_ == key[token.idx : token.idx + len(token)], (token.text, doc)


def test_person_openers_grouped_by_letter_match_as_the_plain_alternation(blocks_we_hold):
    # find_persons' start pattern groups its branches by first letter (fewer branches
    # tried at each word) and reads the match key without folding case; it finds what
    # the plain alternation of the words finds in the text, case folded
    import re

    from nghiquyet.engine import people
    from nghiquyet.engine.text import match_key

    ranks = sorted(people.RANKS, key=len, reverse=True)
    professions = sorted(people.PROFESSIONS, key=len, reverse=True)
    plain = re.compile(
        r"(?<![^\W\d_])(?:"
        + "|".join(re.escape(a) for a in people.ADDRESSES)
        + rf"|{'|'.join(ranks)}|{'|'.join(professions)})[ \t]+"
        + rf"|(?<![^\W\d_]){people._TITLE}[.A-Z ]",
        re.IGNORECASE,
    )
    texts = list(blocks_we_hold) + [
        "ĐỒNG CHÍ NGUYỄN VĂN AN; Đ/C Lê Bé; đc. Hà; ÔNG Tư; Bà Ba; THẦY Hai; CÔ Năm",
        "Thượng Úy Lò Văn Páo, THIẾU TƯỚNG Hà, đại úy Mùa, Trung tá Sử, binh nhì A",
        "PGS.TS. Trần Đức; pgs.ts Hà; ThS.BS Dế; BSCKII Lan; BSCKI. Mai; ktv Hòa; Ngưt Cúc",
        "Kỹ sư Khánh, KỸ SƯ Trần Quốc, điều dưỡng trưởng Hạnh, Điều Dưỡng Lý, già làng Kpă",
        "Kiểm soát viên chính Toại, THANH TRA VIÊN Lụa, Chấp hành viên Bình, ſ Kſ",
        "xông bà Lan, ABông Hà, 3Bà Tư, _đồng chí An, Đồng chí\tHùng, đ/c\u00a0Lê",
    ]
    for text in texts:
        assert [m.span() for m in people._START.finditer(match_key(text))] == [
            m.span() for m in plain.finditer(text)
        ], text


def test_emitted_mentions_are_the_spans_read_back(assessor, blocks_we_hold):
    # the components emit their mentions with their spans; on every block we hold
    # they are what reading the spans one by one gives, and the number finder skipped
    # on a block without digits or date words would have found nothing there
    from nghiquyet.engine.analyse.blocks import SPAN_GROUPS, _read_group
    from nghiquyet.engine.nlp import emitted_mentions
    from nghiquyet.engine.numbers import may_hold_numbers

    texts = list(blocks_we_hold) + ["Sáu tháng đầu năm; quý II", "Không có số"]
    for text, doc in zip(texts, assessor.nlp.pipe(texts), strict=True):
        for group in SPAN_GROUPS:
            assert emitted_mentions(doc, group) == _read_group(doc, group), (group, text)
        key = doc.user_data["nq_key"]
        if not may_hold_numbers(key):
            assert find_dates(key) == [] and find_numbers(key, []) == [], text


def test_a_component_that_replaces_a_builtin_group_is_read(assessor):
    # a plugin's component that rewrites doc.spans["dates"] after ours is what counts
    from nghiquyet.engine.analyse.blocks import mentions_of

    nlp = assessor.nlp
    doc = nlp("Hoàn thành trước 15/4/2026; đồng chí Trần Văn Hòa phụ trách.")
    assert [m.value for m in mentions_of(doc) if m.kind == "date"] == ["2026-04-15"]
    doc.spans["dates"] = []
    assert not [m for m in mentions_of(doc) if m.kind == "date"]
    doc.spans["persons"] = [doc.char_span(0, 10)]
    assert [m.text for m in mentions_of(doc) if m.kind == "person"] == ["Hoàn thành"]


def test_excerpt_is_one_short_line():
    long = "Chi bộ " + "rất " * 60 + "quyết tâm."
    assert len(excerpt(long)) <= 90 and "\n" not in excerpt("a\nb")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Đồng chí Trung tá Mùa A Sử, Bí thư", ["Mùa A Sử"]),
        ("Thượng sĩ Sùng A Páo và đồng chí Thào Seo Lử", ["Sùng A Páo", "Thào Seo Lử"]),
        (
            "PGS.TS. Trần Minh Đức; ThS. Lê Thu Hà; Đồng chí BSCKII Y Moan Niê",
            ["Trần Minh Đức", "Lê Thu Hà", "Y Moan Niê"],
        ),
        ("đồng chí K'Nhông, bà Ka Hiền, bà H'Hen Êban", ["K'Nhông", "Ka Hiền", "H'Hen Êban"]),
        ("Đồng chí Chủ tịch Hội Người cao tuổi; đồng chí Bí thư; cô giáo Lan", []),
    ],
)
def test_persons_keep_their_rank_title_and_whole_name(text, names):
    assert [name for _, _, name in find_persons(text)] == names


def test_word_count_is_the_number_of_letter_and_digit_runs(blocks_we_hold):
    # word_count counts a blank-free piece of letters and digits as one without its
    # pattern; on every block we hold, and on pieces the pattern splits or skips, it is
    # the number of the pattern's matches
    import re

    from nghiquyet.engine.text import word_count

    runs = re.compile(r"[^\W_]+")
    texts = list(blocks_we_hold) + [
        "Tỷ lệ 95,5% (năm 2025); đ/c Hùng-Lan a_b __ ² x² 10³ -- … “Nhà văn hóa”",
        "e\u0301 ve\u0301 thuỷ\u00a0lợi\tHOÀ\u2003BÌNH 3/2/2026 ông/bà ⅓ Ⅻ ١٢",
        "",
    ]
    for text in texts:
        assert word_count(text) == len(runs.findall(text)), text


def test_tone_folding_reads_the_pair_first_as_the_lookbehind_pattern_did(blocks_we_hold):
    # match_key's fold pattern opens with its pairs and asks "not after q" behind them;
    # it folds what the pattern with a leading lookbehind folded
    import re

    from nghiquyet.engine import text as T

    leading = re.compile(
        "(?<![q])(" + "|".join(sorted(T._FOLD, key=len, reverse=True)) + r")(?![^\W\d_])"
    )
    texts = list(blocks_we_hold) + [
        "òa hòa qòa quỳ QÙY thủy thuỷ xòan hòa1 hòa_ (hòa) q\u00a0hòa qhòa",
        "úy ÚY Hoà Bình, Khánh Hòa; tuỳ thuộc, tùy ý, hoè, lòe loẹt",
    ]
    fold = lambda m: T._FOLD[m.group(1)]  # noqa: E731
    for text in texts:
        lowered = text.lower()
        assert T._FOLD_RE.sub(fold, lowered) == leading.sub(fold, lowered), text


def test_cued_patterns_hold_a_cue_in_every_match(blocks_we_hold):
    # the analysis tries a cued pattern only on a sentence holding one of its cues;
    # that loses nothing when every match holds one: on every block we hold, and on
    # sentences written for each way the patterns allow
    from nghiquyet.engine.analyse import procedure
    from nghiquyet.engine.analyse.follow_up import MONITORS_RESOLUTION
    from nghiquyet.engine.text import match_key

    written = [
        "Chi ủy thường xuyên kiểm tra, đôn đốc việc thực hiện; Bí thư giám sát tiến độ.",
        "Việc thực hiện Nghị quyết được kiểm điểm tại kỳ sinh hoạt tháng 12.",
        "Hằng tháng nghe báo cáo tiến độ; giao ban tiến độ; báo cáo kết quả tại kỳ sinh hoạt.",
        "Dự thảo được gửi tới các đồng chí đảng viên trước 5 ngày để nghiên cứu.",
        "Trình Hội nghị Chi bộ thảo luận, biểu quyết thông qua.",
        "Đưa ra đảng viên xem xét, cho ý kiến vào dự thảo.",
        "Kỳ họp chi bộ tháng 3 sẽ thảo luận và góp ý dự thảo.",
        "Nghị quyết được biểu quyết thông qua với ..../.... đồng chí tán thành…",
        "Đã được Chi ủy thống nhất thông qua; nhất trí thông qua; đã thông qua.",
    ]
    keys = [match_key(t) for t in list(blocks_we_hold) + written]
    for cued in (procedure._VOTE_TOLD, procedure._MEETING_PLAN, MONITORS_RESOLUTION):
        matched = 0
        for key in keys:
            for found in cued.pattern.finditer(key):
                matched += 1
                assert any(cue in found.group(0) for cue in cued.cues), found.group(0)
        assert matched >= 3, cued.cues
