"""Who a task is given to, read from its sentence as written; never guessed.

:func:`find_owner` is a pure function of the sentence and the mentions the pipeline
found in it, so it can be tested one sentence at a time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Mention
from ..text import match_key
from .cues import COLLECTIVE_OPENERS, ONE_HOLDER_HEADS, OWNER_PHRASE_ENDS

# Where a task's owner is written: at the head of the sentence, after numbering and
# "Giao (cho)"; or named by a cue right before it; or followed by the verb that leads.
_OWNER_LEAD = re.compile(
    r"^[\W\d_]*(?:[a-zđ]\s*[.)]\s*)?(?:(?:giao|phân công)(?:\s+cho)?\s+)?"
    r"(?:(?:đồng chí|đ/c)\s+)?(?=\S)"
)
_OWNER_CUE = re.compile(
    r"(?:\bgiao(?:\s+cho)?|\bdo|phụ trách\s*:|chủ trì\s*:|người thực hiện\s*:|thực hiện\s*:)"
    r"\s*(?:đồng chí\s+|đ/c\s+)?$"
)
_OWNER_AFTER = re.compile(r"[^.;:]{0,40}?\b(?:chủ trì|phụ trách|chịu trách nhiệm)\b")
# How far before a candidate an owner cue ("giao cho đồng chí") may start.
CUE_WINDOW = 18
# "Công đoàn nhà trường", "Chi hội Phụ nữ thôn": the word that says whose body it is
_BODY_QUALIFIER = re.compile(
    r"\s+(?:nhà trường|trường|thôn|xóm|ấp|bản|xã|phường|khu phố|tổ dân phố|cơ quan|công ty"
    r"|hợp tác xã)\b"
)
_TITLE_BEFORE = re.compile(r"(?:đồng chí|đ/c)\s+$")
# The proper name after a post or a body: "Chủ tịch | Hội Người cao tuổi phường",
# "Trưởng phòng | Tổ chức", "Ban Giám đốc | Công ty Cổ phần Chè Tân Lập"
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+(?:['’][^\W\d_]+)?)")
NAME_AFTER_MAX_WORDS = 8
# "Chi hội Phụ nữ thôn (đồng chí Lại Thị Nga, chi hội trưởng)": a contact in brackets
_BRACKET = re.compile(r"((?:\s+[^\W\d_]+){0,3}?)\s*\(")
# A role right after a name, separated by ", " at most
ROLE_GAP = 3
# A collective owner's name is at most this many words ("Các đồng chí đảng viên trong
# chi bộ"); what follows is the task.
COLLECTIVE_MAX_WORDS = 8
_TITLE_LEAD = re.compile(r"^(?:đồng chí|đ/c)\s+")
_CLAUSE_END = re.compile(r"[,;:.(]")

# What an owner is, for scoring: a named person or a role one person holds is named;
# a body (Chi ủy, Ban Giám đốc) is named only in part; a collective is not named.
OWNER_KINDS = ("person", "role", "body", "collective")


@dataclass(frozen=True, slots=True)
class Owner:
    """A task's owner as written, the role written beside a named person, and the
    owner's kind (one of ``OWNER_KINDS``)."""

    text: str
    role: str | None = None
    kind: str = "person"


def find_owner(
    text: str, mentions: Sequence[Mention], run_in: str | None = None, key: str | None = None
) -> Owner | None:
    """The owner of the task written in ``text``, or None.

    The owner is the named person or specific body that leads the sentence
    ("Đồng chí A, chi ủy viên, ...", "Giao đ/c B ...", "Chi hội Phụ nữ thôn (đồng chí
    C, chi hội trưởng) ...") or that a cue names ("do ... chủ trì", "phụ trách: ...").
    A role met deep inside the sentence ("mời trưởng thôn dự") owns nothing.
    ``mentions`` are the pipeline's mentions of ``text``; ``run_in`` is the block's
    run-in label, after which the next sentence leads too.
    """
    key = match_key(text) if key is None else key
    chosen = _leading_candidate(key, mentions, run_in)
    if chosen is None:
        return None
    persons = [m for m in mentions if m.kind == "person"]
    roles = [m for m in mentions if m.kind == "role"]
    if chosen.kind == "person":
        return Owner(chosen.text, _role_after(roles, chosen.end), "person")
    verbs = {m.start for m in mentions if m.kind == "action_verb"}
    return _body_owner(text, key, chosen, persons, roles, verbs)


def _leading_candidate(key: str, mentions: Sequence[Mention], run_in: str | None) -> Mention | None:
    """The person or role mention that owns the sentence, if one does."""
    candidates = sorted(
        (m for m in mentions if m.kind in ("person", "role")), key=lambda m: (m.start, -m.end)
    )
    vague = [m.start for m in mentions if m.kind == "vague_owner"]
    lead = _OWNER_LEAD.match(key)
    lead_end = lead.end() if lead else 0
    label_lead = _after_label(key, run_in)
    for m in candidates:
        leads = m.start <= lead_end or (
            label_lead is not None and label_lead[0] <= m.start <= label_lead[1]
        )
        if vague and min(vague) < m.start and not leads:
            return None  # "Các đoàn thể, ... phối hợp với Chi đoàn": the collective leads
        if leads or _OWNER_CUE.search(key[max(0, m.start - CUE_WINDOW) : m.start]):
            return m
        if _OWNER_AFTER.match(key, m.end):
            return m
    return None


def _after_label(key: str, run_in: str | None) -> tuple[int, int] | None:
    """Where the sentence after a run-in label leads ("Phân công: kỹ thuật. Đồng chí
    Danh Hoàng Sơn, ..."), as (label end, lead end); None without a label."""
    label = match_key(run_in or "")
    if not label or not key.startswith(label):
        return None
    after = len(label)
    begin = after + len(key[after:]) - len(key[after:].lstrip())
    lead = _OWNER_LEAD.match(key[begin:])
    return after, begin + (lead.end() if lead else 0)


def _role_after(roles: list[Mention], end: int) -> str | None:
    role = next((m for m in roles if 0 <= m.start - end <= ROLE_GAP), None)
    return role.text if role else None


def _body_owner(
    text: str,
    key: str,
    chosen: Mention,
    persons: list[Mention],
    roles: list[Mention],
    verbs: set[int],
) -> Owner:
    """A body keeps its written qualifier ("Chi hội Phụ nữ thôn") and a contact person
    given in brackets ("(đồng chí Lại Thị Nga, chi hội trưởng)")."""
    title = _TITLE_BEFORE.match(key[max(0, chosen.start - 9) : chosen.start])
    start = chosen.start - (len(title.group(0)) if title else 0)
    end = chosen.end
    qualifier = _BODY_QUALIFIER.match(key, end)
    end = qualifier.end() if qualifier else _name_after(text, key, end, verbs)
    bracket = _BRACKET.match(text[end:])
    if bracket:
        inner_start = end + bracket.end()
        contact = next((p for p in persons if p.start == inner_start), None)
        if contact is not None:
            owner = f"{text[start : end + len(bracket.group(1))]} ({contact.text})"
            return Owner(owner, _role_after(roles, contact.end), "person")
    return Owner(text[start:end], kind=role_or_body(key[start:end]))


def _name_after(text: str, key: str, end: int, verbs: set[int]) -> int:
    """Where the proper name that follows a post or a body ends: capitalised words,
    and the lower-case words that follow them ("Hội Người cao tuổi phường") up to a
    verb, a word that opens the task, or a punctuation mark."""
    pos, words, named = end, 0, False
    while words < NAME_AFTER_MAX_WORDS:
        word = _NEXT_WORD.match(text, pos)
        if word is None:
            break
        at = word.start(1)
        if word.group(1)[0].isupper():
            named = True
        elif not named or at in verbs or key.startswith(OWNER_PHRASE_ENDS, at):
            break
        pos, words = word.end(), words + 1
    return pos if named else end


def role_or_body(key: str) -> str:
    """ "role" for an owner one person holds ("trưởng thôn", "đồng chí chủ tịch hội
    người cao tuổi phường"), "body" for one of several people ("chi ủy")."""
    head = _TITLE_LEAD.sub("", key.strip())
    for word in ONE_HOLDER_HEADS:
        if head.startswith(word) and not head[len(word) : len(word) + 1].isalpha():
            return "role"
    return "body"


def find_collective(text: str, mentions: Sequence[Mention], key: str | None = None) -> Owner | None:
    """The collective that leads the sentence ("Các đồng chí đảng viên trong chi bộ
    ...", "Giao các tổ đảng ...", "Mỗi đảng viên ..."), as written, or None."""
    key = match_key(text) if key is None else key
    lead = _OWNER_LEAD.match(key)
    start = lead.end() if lead else 0
    vague = next((m for m in mentions if m.kind == "vague_owner" and m.start == start), None)
    rest = key[start:]
    if vague is None and not any(rest.startswith(f"{opener} ") for opener in COLLECTIVE_OPENERS):
        return None
    end = _collective_end(key, start, mentions)
    if vague is not None:
        end = max(end, vague.end)
    return Owner(text[start:end].rstrip(), kind="collective")


def _collective_end(key: str, start: int, mentions: Sequence[Mention]) -> int:
    """Where a collective owner's name stops: at a comma or bracket, at the verb
    that follows it, at a word that opens the task, or after a few words."""
    words = list(re.finditer(r"\S+", key[start:]))
    end = start + (
        words[COLLECTIVE_MAX_WORDS - 1].end()
        if len(words) >= COLLECTIVE_MAX_WORDS
        else len(key) - start
    )
    clause = _CLAUSE_END.search(key, start)
    if clause:
        end = min(end, clause.start())
    first_word_end = start + (words[0].end() if words else 0)
    for m in mentions:
        if m.kind == "action_verb" and first_word_end < m.start < end:
            end = m.start
    for cue in OWNER_PHRASE_ENDS:
        at = key.find(f" {cue}", first_word_end, end)
        if at >= 0:
            end = at
    return end
