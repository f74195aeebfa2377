"""Signals of the follow-up: sơ kết and tổng kết with their dates, monitoring of the
resolution with a frequency, reports upward."""

from __future__ import annotations

import re
from typing import Any

from ..model import BlockFacts, Document
from ..text import CuedPattern
from ..vocabulary import declare
from .blocks import mentions_in, sentence_keys, table_rows

# Monitoring of the resolution's implementation, wherever it is written; an inspection
# that is itself a solution ("kiểm tra các cơ sở kinh doanh hằng quý") is not.
MONITORS_RESOLUTION = CuedPattern(
    r"(?:kiểm tra|giám sát|theo dõi|kiểm điểm)[^.;]{0,40}?"
    r"(?:đôn đốc|việc thực hiện|thực hiện nghị quyết|tiến độ thực hiện|kết quả thực hiện)"
    # "Việc thực hiện Nghị quyết được kiểm điểm tại kỳ sinh hoạt tháng 12"
    r"|thực hiện nghị quyết[^.;]{0,20}?kiểm điểm"
    r"|(?:chi ủy|chi uỷ|bí thư)[^.;]{0,25}?(?:kiểm tra|giám sát)"
    r"|nghe báo cáo|báo cáo (?:tiến độ|kết quả thực hiện)|giao ban tiến độ"
    r"|báo cáo kết quả tại (?:các )?kỳ sinh hoạt",
    *("kiểm", "giám sát", "theo dõi", "báo cáo", "giao ban"),  # one in every way above
)
_INTERIM_REVIEW = re.compile(r"sơ kết")
# "tổng kết", or the year-end evaluation of a one-year resolution ("cuối năm 2027, chi
# bộ đánh giá kết quả thực hiện nghị quyết"); the members' yearly rating ("đánh giá, xếp
# loại đảng viên cuối năm") reviews the members, not the resolution
_FINAL_REVIEW = re.compile(
    r"tổng kết|đánh giá(?!,? xếp loại)[^.;]{0,40}?cuối năm"
    r"|cuối năm[^.;]{0,40}?đánh giá(?!,? xếp loại)"
)
# A time that places a review without dating it: "định kỳ sơ kết, tổng kết" has none.
# "(?<!\d)": a count starts where its digits do (a line of 40,000 digits was tried
# from each of them: 42 s); a match found from inside a run starts at its first digit.
_REVIEW_TIME = re.compile(
    r"cuối năm|giữa năm|hết năm|kết thúc năm|cuối (?:học )?kỳ|học kỳ|cuối quý|cuối đợt"
    r"|sau \d+ tháng|(?<!\d)\d+ tháng đầu năm|6 tháng|sáu tháng|giữa nhiệm kỳ|cuối nhiệm kỳ"
    # a season or a crop marks the time where the work follows one ("sau mùa mưa", "cuối vụ")
    r"|(?:sau|cuối|hết|kết thúc|đầu) (?:mùa|vụ)\b"
    # or after the work it reviews ("sơ kết sau khi kết thúc các lớp bơi hè")
    r"|sau khi (?:kết thúc|hoàn thành|xong)"
)
_MONITORING = re.compile(r"kiểm tra|giám sát|theo dõi")
_OPENS_WITH_MONITORING = re.compile(r"\W*(?:kiểm tra|giám sát)")
_NOT_FOLLOW_UP_SECTIONS = ("situation", "header", "title", "bases")


def read_follow_up(document: Document, blocks: list[BlockFacts]) -> dict[str, Any]:
    """Where the reviews, the monitoring and the reporting are (1-based blocks) and the
    reviews' dates."""
    sig: dict[str, Any] = {}
    mates = _row_mates(document, blocks)
    for name, review in (("interim_review", _INTERIM_REVIEW), ("final_review", _FINAL_REVIEW)):
        sig[name], sig[f"{name}_dated"], sig[f"{name}_timed"] = _dated(blocks, review, mates)
    sig.update(_monitoring(blocks))
    # a follow-up plan at all: some review or monitoring placed in time
    timed = [sig[n] for n in _TIMED if sig.get(n)]
    sig["review_timed"] = min(timed) if timed else None
    return sig


# What places a follow-up in time, dated or not ("sơ kết vào tháng 7", "tổng kết cuối
# năm", "kiểm tra hằng tháng")
_TIMED = (
    "interim_review_dated",
    "interim_review_timed",
    "final_review_dated",
    "final_review_timed",
    "monitoring_frequency",
)


# A year alone places a review but does not date it ("tổng kết cuối năm 2026": which
# month?); a term is no date at all.
_NOT_A_REVIEW_DATE = ("term", "year")


def _row_mates(document: Document, blocks: list[BlockFacts]) -> dict[int, list[int]]:
    """For each table cell (0-based block), the other cells of its row."""
    mates: dict[int, list[int]] = {}
    for cells in table_rows(document, blocks).values():
        for i in cells:
            mates[i] = [j for j in cells if j != i]
    return mates


def _dated(
    blocks: list[BlockFacts], review: re.Pattern, mates: dict[int, list[int]]
) -> tuple[int | None, int | None, int | None]:
    """First block naming ``review``; first block naming it in a sentence with a date;
    first naming it with a time that is no date ("cuối năm", "sau 6 tháng"). In a
    table the dates in the row's other cells date it too ("Tổng kết … | Tháng
    12/2026"; a "Cuối năm" cell beside "Sơ kết, tổng kết" places neither). The
    situation, which tells of past reviews, is left out."""
    mentioned = dated_at = timed_at = None
    for i, start, end, sentence in sentence_keys(blocks):
        if blocks[i].section in _NOT_FOLLOW_UP_SECTIONS or not review.search(sentence):
            continue
        mentioned = mentioned or i + 1
        dates = [m for m in mentions_in(blocks[i], start, end) if m.kind == "date"]
        dates += [m for j in mates.get(i, ()) for m in blocks[j].of("date")]
        if dated_at is None and any(m.unit not in _NOT_A_REVIEW_DATE for m in dates):
            dated_at = i + 1
        if timed_at is None and (dates or _REVIEW_TIME.search(sentence)):
            timed_at = i + 1
    return mentioned, dated_at, timed_at


def _monitoring(blocks: list[BlockFacts]) -> dict[str, Any]:
    monitoring = frequency = reporting = reporting_up = None
    for i, start, end, sentence in sentence_keys(blocks):
        section = blocks[i].section
        if section in _NOT_FOLLOW_UP_SECTIONS:
            continue
        if (
            MONITORS_RESOLUTION.search(sentence)
            or (section == "review" and _MONITORING.search(sentence))
            or (section != "solutions" and _OPENS_WITH_MONITORING.match(sentence))
        ):
            monitoring = monitoring or i + 1
            if frequency is None and any(
                m.kind in ("frequency", "date") for m in mentions_in(blocks[i], start, end)
            ):
                frequency = i + 1
        if "báo cáo" in sentence:
            reporting = reporting or i + 1
            if reporting_up is None and any(
                m.kind == "superior" for m in mentions_in(blocks[i], start, end)
            ):
                reporting_up = i + 1
    return {
        "monitoring": monitoring,
        "monitoring_frequency": frequency,
        "reporting": reporting,
        "reporting_superior": reporting_up,
    }


# -- declared for rule packs (see engine/vocabulary.py) --------------------

# reviews, monitoring, reports upward.
declare(
    "signal",
    {
        "interim_review": {
            "vi": "khối đầu tiên nhắc tới sơ kết",
            "en": "block of the first mention of the interim review (sơ kết)",
        },
        "interim_review_dated": {
            "vi": "khối đầu tiên cho sơ kết một mốc ngày, tháng hoặc quý (năm thôi chưa đủ)",
            "en": "block of the first interim review dated to a month or closer (a year is not)",
        },
        "final_review": {
            "vi": "khối đầu tiên nhắc tới tổng kết",
            "en": "block of the first mention of the final review (tổng kết)",
        },
        "interim_review_timed": {
            "vi": "khối đầu tiên đặt sơ kết vào một thời điểm, kể cả chưa rõ tháng («giữa năm»)",
            "en": "block of the first interim review placed in time, even vaguely ('giữa năm')",
        },
        "final_review_timed": {
            "vi": "khối đầu tiên đặt tổng kết vào một thời điểm, kể cả chưa rõ tháng («cuối năm 2026»)",
            "en": "block of the first final review placed in time, even vaguely ('cuối năm 2026')",
        },
        "final_review_dated": {
            "vi": "khối đầu tiên cho tổng kết một mốc ngày, tháng hoặc quý (năm thôi chưa đủ)",
            "en": "block of the first final review dated to a month or closer (a year is not)",
        },
        "monitoring": {
            "vi": "khối đầu tiên nói tới kiểm tra, giám sát việc thực hiện nghị quyết",
            "en": "block of the first plan to monitor the resolution's implementation",
        },
        "monitoring_frequency": {
            "vi": "khối đầu tiên cho việc kiểm tra, giám sát một tần suất hoặc mốc",
            "en": "block of the first monitoring given a frequency or a date",
        },
        "reporting": {
            "vi": "khối đầu tiên nói tới chế độ báo cáo",
            "en": "block of the first mention of reporting (báo cáo)",
        },
        "reporting_superior": {
            "vi": "khối đầu tiên nói báo cáo lên cấp ủy cấp trên",
            "en": "block of the first report addressed to a superior body",
        },
        "review_timed": {
            "vi": "khối đầu tiên đặt việc sơ kết, tổng kết hoặc kiểm tra vào một thời điểm, tần suất",
            "en": "block of the first review or monitoring placed in time (a date, a period, a frequency)",
        },
    },
)
