"""Signals of the procedure: the chi ủy's review, the way to the cell meeting, the vote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import BlockFacts
from ..text import CuedPattern, match_key
from ..vocabulary import declare

_CHI_UY = re.compile(match_key("chi ủy"))  # the key has one tone placement
_REVIEWED = re.compile(r"thảo luận|thống nhất|cho ý kiến|xem xét|thông qua|góp ý")
_VOTED = re.compile(r"biểu quyết|tán thành|nhất trí thông qua")
# "Hội nghị nhất trí thông qua nghị quyết": a vote told without its count
_VOTE_TOLD = CuedPattern(
    r"(?:biểu quyết|nhất trí|tán thành|thống nhất) thông qua|đã thông qua"
    # "Nghị quyết đã được Chi bộ thống nhất thông qua tại kỳ sinh hoạt ..."
    r"|đã được[^.;]{0,40}?thông qua",
    "thông qua",
)
# "25/27 đồng chí", "100%": a count, not a date such as "3/2026". A percentage starts
# at its first digit (a run of digits was tried from each one: quadratic); whatever
# matches from inside a run matches from its start too.
_VOTE_COUNT = re.compile(
    r"(?<![\d/])\d{1,3}\s*/\s*\d{1,3}(?![\d/])|(?<![\d/])\d{1,3}\s+(?:đồng chí|đảng viên)\b"
)
# "100% đảng viên có mặt nhất trí": a share with no count of who was there tells the
# vote without recording it
_VOTE_SHARE = re.compile(r"(?<!\d)\d+(?:[.,]\d+)?\s*%|100\s*phần trăm")
_AGREED = re.compile(r"biểu quyết|tán thành|nhất trí")
# A draft saying how the cell will take it up: sent to members to study, put to the
# cell meeting for discussion and a vote.
_MEETING_PLAN = CuedPattern(
    r"(?:thảo luận|biểu quyết|góp ý|cho ý kiến|nghiên cứu trước)[^.;]{0,80}?"
    r"(?:chi bộ|hội nghị|sinh hoạt)"
    r"|(?:trình|gửi|đưa ra)[^.;]{0,40}?(?:hội nghị chi bộ|chi bộ|đảng viên)[^.;]{0,60}?"
    r"(?:thảo luận|biểu quyết|góp ý|cho ý kiến|nghiên cứu|xem xét)"
    # "Hội nghị chi bộ ngày 22/12/2025 thảo luận, biểu quyết", "gửi đảng viên trước 3 ngày"
    r"|(?:hội nghị|kỳ họp|phiên họp|cuộc họp) chi bộ[^.;]{0,40}?"
    r"(?:thảo luận|biểu quyết|góp ý|cho ý kiến)"
    r"|gửi (?:đến |tới |cho )?(?:các )?(?:đồng chí )?đảng viên[^.;]{0,30}?trước"
    # a vote record left blank for the meeting to fill: "được Chi bộ thông qua tại kỳ
    # sinh hoạt chuyên đề ngày ..../01/2025, với ..../.... đảng viên có mặt biểu quyết"
    r"|(?:thông qua|biểu quyết)[^;]{0,60}?(?:\.{3,}|…)",
    # each way above names the cell, its meeting or its members, or leaves dots
    *("chi bộ", "hội nghị", "sinh hoạt", "đảng viên", "...", "…"),
)
# A cell of fewer than nine members elects no chi ủy: its secretary prepares the draft
# ("do đồng chí Bí thư, Phó Bí thư chuẩn bị"), and that stands for the chi ủy's review
_LEADER_PREPARED = re.compile(r"bí thư[^.;]{0,30}?(?:chuẩn bị|xây dựng|thống nhất)")
# "Chi bộ có 8 đảng viên, không có chi ủy": naming the chi ủy to say there is none
_NO_CHI_UY = re.compile(r"(?:không|chưa)\s+(?:có|bầu|lập|thành lập)\s+" + match_key("chi ủy"))
# "Chi bộ hiện có 8 đảng viên": a cell too small to elect a chi ủy says so by its count
_SMALL_CELL = re.compile(r"chi bộ (?:hiện )?(?:có|gồm) [1-8] (?:đồng chí|đảng viên)\b")


# What only a signed resolution says: it takes effect, the cell resolves
_ADOPTION_CLAUSE = re.compile(r"có hiệu lực (?:thi hành )?(?:kể )?từ ngày ký|quyết nghị")


def _labels_joined(blocks: list[BlockFacts]) -> Iterator[tuple[int, str]]:
    """(0-based block, sentence) for every sentence, a label's sentence joined to the
    one it introduces: "Biểu quyết tán thành: 23/24 đồng chí (95,8%)" is one record,
    though the sentencizer ends a sentence at its colon."""
    for i, bf in enumerate(blocks):
        pending = ""
        for start, end in bf.sentences:
            sentence = bf.key[start:end]
            sentence = f"{pending} {sentence}" if pending else sentence
            pending = sentence if sentence.rstrip().endswith(":") else ""
            if not pending:
                yield i, sentence
        if pending:
            yield i, pending


def read_procedure(blocks: list[BlockFacts]) -> dict[str, Any]:
    """The first block (1-based) of each procedure signal, or None."""
    chiuy = vote = told = share = discussion = meeting = adoption = prepared = None
    has_chiuy = no_chiuy = False
    for i, sentence in _labels_joined(blocks):
        if "chi " in sentence:  # what the chi ủy patterns and _SMALL_CELL all need
            has_chiuy = has_chiuy or bool(_CHI_UY.search(_NO_CHI_UY.sub("", sentence)))
            no_chiuy = no_chiuy or bool(_NO_CHI_UY.search(sentence) or _SMALL_CELL.search(sentence))
            if chiuy is None and _CHI_UY.search(sentence) and _REVIEWED.search(sentence):
                chiuy = i + 1
        if prepared is None and _LEADER_PREPARED.search(sentence):
            prepared = i + 1
        if vote is None and _VOTED.search(sentence) and _VOTE_COUNT.search(sentence):
            vote = i + 1
        if share is None and _AGREED.search(sentence) and _VOTE_SHARE.search(sentence):
            share = i + 1
        if told is None and (_VOTE_TOLD.search(sentence) or share == i + 1):
            told = i + 1
        if discussion is None and "thảo luận" in sentence:
            discussion = i + 1
        if meeting is None and _MEETING_PLAN.search(sentence):
            meeting = i + 1
        if adoption is None and _ADOPTION_CLAUSE.search(sentence):
            adoption = i + 1
    return {
        "adoption_clause": adoption,
        # a cell with no chi ủy: its leaders' preparation stands for the review, and
        # failing that its plan to put the draft to the meeting
        "chiuy_review": chiuy
        or (None if has_chiuy else prepared or (meeting if no_chiuy else None)),
        "vote_record": vote,
        "vote_told": told,
        "vote_share": share,
        "discussion": discussion,
        "meeting_plan": meeting,
    }


# -- declared for rule packs (see engine/vocabulary.py) --------------------

# the chi ủy's review, the way to the meeting, the vote.
declare(
    "signal",
    {
        "chiuy_review": {
            "vi": "khối câu ghi nhận Chi ủy đã thảo luận, thống nhất dự thảo",
            "en": "block of a sentence recording the chi ủy's review of the draft",
        },
        "vote_told": {
            "vi": "khối câu nói nghị quyết đã được biểu quyết, nhất trí thông qua (có thể không có số)",
            "en": "block of a sentence saying the resolution was voted through (maybe without a count)",
        },
        "vote_share": {
            "vi": "khối câu ghi tỷ lệ tán thành («100% nhất trí») mà không ghi số người",
            "en": "block of a sentence giving the share in favour ('100%') with no count",
        },
        "vote_record": {
            "vi": "khối câu ghi kết quả biểu quyết có số người hoặc tỷ lệ",
            "en": "block of a sentence recording the vote with a count or a percentage",
        },
        "discussion": {
            "vi": "khối câu đầu tiên nói tới việc thảo luận",
            "en": "block of the first sentence that mentions a discussion",
        },
        "meeting_plan": {
            "vi": "khối câu nói dự thảo được gửi, trình chi bộ thảo luận, biểu quyết",
            "en": "block saying how the draft goes to the cell to study, discuss and vote",
        },
        "adoption_clause": {
            "vi": "khối câu chỉ văn bản đã ký mới có («có hiệu lực kể từ ngày ký», «quyết nghị»)",
            "en": "block of a clause only a signed text has ('có hiệu lực kể từ ngày ký')",
        },
    },
)
