"""Which paragraphs are headings, how deep, and which part of a resolution they name.

A heading is any short block that is numbered ("II.", "2.", "Phần thứ hai"), bold,
upper-case or styled as a heading; its kind comes from the words in it ("mục tiêu",
"giải pháp", ...), not from its number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Block
from ..text import word_count
from .cues import SECTION_CUES, UNIT_HEADS

# A paragraph's own numbering and the level it gives: parts, sub-parts, points.
_NUMBERING = (
    (1, re.compile(r"^phần\s+(?:thứ\s+)?[^\W\d_]+\s*[:.\-–]?\s*", re.I)),
    (1, re.compile(r"^[ivxlc]{1,5}\s*[.)/\-–]\s*")),
    # parts counted in words: "Một - Tình hình", "Hai. Mục tiêu" (not "Năm 2025, ...")
    (1, re.compile(r"^(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s*[.:\-–]\s+")),
    (3, re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+")),
    (2, re.compile(r"^\d{1,2}\s*[.)/]\s*")),
    (3, re.compile(r"^[a-zđ]\s*[.)]\s+")),
)
_ROMAN = re.compile(r"^[ivxlc]{1,5}\s*[.)/\-–]")

# A numbered line longer than this is a numbered sentence, not a heading.
HEADING_MAX_WORDS = 18
# A bold or upper-case line longer than this is an emphasised sentence.
EMPHASIS_MAX_WORDS = 16
# A line that ends in "." and is longer than this ends a sentence.
SENTENCE_MIN_WORDS = 8
# "Tổ chức thực hiện: ..." names its part in a label of at most this many words.
LABEL_MAX_WORDS = 6
# "Để thực hiện mục tiêu trên, chi bộ đề ra các giải pháp sau:" is at most this long.
INTRO_MAX_WORDS = 20


def section_kind(key: str) -> str | None:
    """The section kind that heading text (a match key) names, if any."""
    for kind, cues in SECTION_CUES:
        if any(cue in key for cue in cues):
            return kind
    return None


# The analysis asks about the same block keys again and again (structure, items,
# tasks, owners): each key's numbering is read once (a draft holds some hundred).
@lru_cache(maxsize=4096)
def numbering_level(key: str) -> int | None:
    """The level of a paragraph's own numbering ("II." 1, "2." 2, "2.1." 3), if any."""
    return next((level for level, rx in _NUMBERING if rx.match(key)), None)


@lru_cache(maxsize=4096)
def strip_numbering(key: str) -> str:
    """``key`` without its leading numbering ("2.1. Mục tiêu" -> "Mục tiêu")."""
    for _level, rx in _NUMBERING:
        m = rx.match(key)
        if m:
            return key[m.end() :]
    return key


def heading_level(block: Block, key: str) -> int | None:
    """1 for a part ("II.", "Phần thứ hai"), 2-3 for sub-parts; None if not a heading."""
    if block.table is not None:
        return None
    text = block.text.strip()
    words = word_count(text)
    numbered = numbering_level(key)
    if numbered == 1 and _ROMAN.match(key) and not text[:1].isupper():
        numbered = None  # "i)" in running text is not a Roman part number
    short = words <= HEADING_MAX_WORDS and not text.endswith((";", ","))
    ends_sentence = text.endswith(".") and words > SENTENCE_MIN_WORDS
    body = text[len(key) - len(strip_numbering(key)) :]
    # an all-capitals heading is a part of the resolution, whatever its numbering
    upper_body = body.isupper() and word_count(body) >= 1
    if block.kind == "heading" and block.heading_level:
        return 1 if upper_body else numbered or min(block.heading_level, 3)
    if numbered and short and not ends_sentence:
        return 1 if upper_body else numbered
    if (block.bold or block.italic) and _names_part_alone(text, key, words):
        return 1  # "**Tổ chức thực hiện.**" on its own line opens that part
    upper = text.isupper() and words >= 2
    if (block.bold or upper) and words <= EMPHASIS_MAX_WORDS and not text.endswith((".", ";", ",")):
        return 1 if upper else 2
    if _bare_part_name(text, key, words):
        return 1  # "Mục tiêu", "Tổ chức thực hiện" alone on a plain-text line
    return None


def _bare_part_name(text: str, key: str, words: int) -> bool:
    """A plain line that is a part's name and little more ("Tình hình", "Giải pháp",
    "Tổ chức thực hiện"), as a .txt draft writes its headings: capitalised, no closing
    mark, opening with the part's words ("Chi bộ tổ chức thực hiện" is a task)."""
    if words > LABEL_MAX_WORDS or not text[:1].isupper() or text.endswith((".", ";", ",", ":")):
        return False
    return any(
        key.startswith(cue) and word_count(key[len(cue) :]) <= 2
        for _kind, cues in SECTION_CUES
        for cue in cues
    )


def _names_part_alone(text: str, key: str, words: int) -> bool:
    """A short emphasised line that ends in a full stop and names a part: a run-in
    heading with nothing after it ("**Tổ chức thực hiện.**" before its bullets)."""
    return text.endswith(".") and words <= LABEL_MAX_WORDS and section_kind(key) is not None


def _names_a_unit(label: str) -> bool:
    """A label that names who does the task ("Phòng Dự báo:", "Tổ Kiểm tra, giám sát:"):
    a unit's head word first, not a part's name ("Tổ chức thực hiện:")."""
    first = label.split(maxsplit=1)[0] if label.strip() else ""
    starts_part = any(label.startswith(cue) for _kind, cues in SECTION_CUES for cue in cues)
    return first in UNIT_HEADS and not starts_part


_LAST_SENTENCE = re.compile(r"[.!?](?=\s)")


def lead_in_kind(key: str) -> str | None:
    """ "Tổ chức thực hiện: ..." starts a part even without a heading line, and so does
    an introducing sentence "Để thực hiện mục tiêu trên, chi bộ đề ra các giải pháp sau:"."""
    head, colon, rest = key.partition(":")
    if colon and word_count(head) <= LABEL_MAX_WORDS:
        return None if _names_a_unit(head) else section_kind(head)
    if colon and not rest.strip() and word_count(head) <= INTRO_MAX_WORDS:
        # the sentence introduces what it names last ("để thực hiện mục tiêu trên, ...
        # các giải pháp sau:" introduces solutions); only the sentence the colon ends
        # introduces ("Khắc phục dứt điểm các khâu yếu. Phấn đấu đến ngày 31/12/2026:"
        # opens the targets' list, not a forecast)
        head = _LAST_SENTENCE.split(head)[-1]
        found = [
            (head.rfind(cue), kind) for kind, cues in SECTION_CUES for cue in cues if cue in head
        ]
        return max(found)[1] if found else None
    return None
