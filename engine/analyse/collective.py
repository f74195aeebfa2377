"""Collective owners: many people with no single holder ("Các đồng chí đảng viên",
"Các tổ đảng", "Mỗi đảng viên"), read as written where a task's owner stands."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Mention
from ..text import match_key
from .cues import COLLECTIVE_OPENERS
from .name_end import names_by_verb, opens_task
from .owner import (
    COLLECTIVE_MAX_WORDS,
    LISTED_MAX_WORDS,
    NAME_KINDS,
    OWNER_LEAD,
    Owner,
)
from .posts import WORD


def find_collective(text: str, mentions: Sequence[Mention], key: str | None = None) -> Owner | None:
    """The collective that leads the sentence ("Các đồng chí đảng viên trong chi bộ
    ...", "Giao các tổ đảng ...", "Mỗi đảng viên ..."), as written, or None."""
    key = match_key(text) if key is None else key
    lead = OWNER_LEAD.match(key)
    start = lead.end() if lead else 0
    vague = next((m for m in mentions if m.kind == "vague_owner" and m.start == start), None)
    rest = key[start:]
    if vague is None and not any(rest.startswith(f"{opener} ") for opener in COLLECTIVE_OPENERS):
        return None
    end = _collective_end(key, start, mentions)
    if vague is not None:
        end = max(end, vague.end)
    end = _labelled_end(key, end) or end
    return Owner(text[start:end].rstrip(), kind="collective")


# A collective written as a label before its task: "Các đồng chí đảng viên phụ trách
# ấp: gặp trực tiếp ...". The words before the colon say who among them.
LABEL_MAX_WORDS = 8
_NOT_WHO = re.compile(r"[.;]|\b(?:có trách nhiệm|cần|phải|thực hiện|nhiệm vụ|sau)\b")


def _labelled_end(key: str, end: int) -> int | None:
    """Where the collective ends when a colon closes it a few words on and the task
    follows on the same line; else None."""
    colon = key.find(":", end)
    between = key[end:colon]
    if colon < 0 or len(between.split()) > LABEL_MAX_WORDS or _NOT_WHO.search(between):
        return None
    task = key[colon + 1 :].lstrip(" \t")
    return colon if task[:1].isalpha() else None


# Who among the collective: "(được) phân công / giao (phụ trách)" and its object
_ASSIGNED = re.compile(r"(?:được (?:phân công|giao)(?: phụ trách)?|phụ trách)\b")


def _qualifies(key: str, at: int) -> bool:
    """ "có" after a collective says which of them ("các đảng viên có vườn cà phê già
    cỗi"), unless it is "có trách nhiệm", which opens the task."""
    return key.startswith("có ", at) and not key.startswith("có trách nhiệm", at)


def _collective_end(key: str, start: int, mentions: Sequence[Mention]) -> int:
    """Where a collective owner's name stops: at the word that opens the task, at a
    stop mark or bracket, or after a few words. A short list goes on across commas
    ("Cán bộ, đảng viên, viên chức, người lao động | nghiêm túc thực hiện")."""
    stops = {m.start for m in mentions if m.kind not in NAME_KINDS | {"vague_owner", "quantity"}}
    end = skip_to = start
    for words, token in enumerate(WORD.finditer(key, start)):
        if words >= COLLECTIVE_MAX_WORDS or token.group().startswith("("):
            return end
        # after "Các", "tổ chức" names ("Các tổ chức quần chúng"); later it is the task
        named = words == 1 and key.startswith(COLLECTIVE_OPENERS, start)
        at = token.start()
        assigned = _ASSIGNED.match(key, at)
        if words and assigned:  # "Các đảng viên được phân công phụ trách hộ | theo dõi"
            named, skip_to = True, assigned.end()
        if words and key.startswith("và ", at) and key.startswith(COLLECTIVE_OPENERS, at + 3):
            # "Các đoàn thể và các tổ sản xuất | tuyên truyền": a second collective joined
            opener_end = key.find(" ", at + 3)
            named, skip_to = True, len(key) if opener_end < 0 else opener_end + 1
        if at < skip_to or _qualifies(key, at):
            named = True
        if words and not named and opens_task(key, at, stops) and not names_by_verb(key, key, at):
            return end
        end = token.end()
        mark = token.group()[-1]
        if mark in ";:.(" or (mark == "," and not _listed_next(key, end, stops)):
            return end - 1
    return end


def _listed_next(key: str, pos: int, stops: set[int]) -> bool:
    """Whether what follows a comma is one more owner of a short list: a few words,
    none of which opens the task, closed by a comma or by the task's verb."""
    for count, token in enumerate(WORD.finditer(key, pos)):
        if opens_task(key, token.start(), stops):
            return count > 0
        if count >= LISTED_MAX_WORDS or token.group()[-1] in ";:.(":
            return False
        if token.group().endswith(","):
            return True
    return False
