"""Who a task is given to, read from its sentence as written; never guessed.

:func:`find_owner` is a pure function of the sentence and the mentions the pipeline
found in it, so it can be tested one sentence at a time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Mention
from ..people import post_by_suffix
from ..text import match_key, word_count
from .cues import COLLECTIVE_OPENERS, ONE_HOLDER_HEADS
from .headings import LABEL_MAX_WORDS
from .name_end import name_runs_on, opens_task
from .posts import appositives, posts_to_colon

# Where a task's owner is written: at the head of the sentence, after numbering and
# "Giao (cho)"; or named by a cue right before it; or followed by the verb that leads.
# A label ("Phụ trách: các tổ đảng"), a time said first ("Trong quý II/2026, Chi ủy kiểm
# tra ...") and a request to another body ("Đề nghị Mặt trận ...", "Chi bộ yêu cầu Ban
# Giám đốc ...") lead to the owner too.
OWNER_LEAD = re.compile(
    r"^[\W\d_]*(?:[a-zđ]\s*[.)]\s*)?"
    r"(?:(?:phụ trách|chủ trì|người thực hiện)\s*:\s*)?"
    # "Hằng tháng, tại kỳ sinh hoạt chi bộ, đồng chí Phó Bí thư báo cáo ..."
    r"(?:(?:trong|sau|trước|từ|đến|cuối|đầu|hằng|tại|vào)\b[^,.;:]{0,40},\s*){0,2}"
    # a period with no comma before the cell or a member: "Định kỳ chi bộ kiểm tra ..."
    # (the key writes "chi uỷ", its tone on the y)
    r"(?:(?:định kỳ|hằng (?:tuần|tháng|quý|năm))\s+(?=chi bộ|chi (?:ủy|uỷ)|đồng chí|đ/c))?"
    # "Giao đ/c ...", "Chi ủy giao đồng chí ...", "Chi bộ đề nghị ..."
    r"(?:(?:(?:chi bộ|chi (?:ủy|uỷ))\s+)?(?:giao|phân công|đề nghị|yêu cầu)(?:\s+cho)?\s+)?"
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
    r"\s+(?:nhà trường|trường|thôn|xóm|ấp|bản|buôn|làng|xã|phường|khu phố|tổ dân phố|cơ quan"
    r"|công ty|hợp tác xã|đồn|đại đội|trung đội|phân xưởng|khoa|trạm|bộ môn|cơ sở|bộ phận"
    r"|khu dân cư|giảng viên trẻ|chuyên môn)\b"
)
# Cue kinds that may sit inside an owner's name ('Tổ phòng cháy chữa cháy': an
# urgency word names what the body guards against, 'Phòng Kế toán – Ngân quỹ' a
# budget word the fund it keeps); any other cue ends it
NAME_KINDS = {"role", "place", "person", "superior", "urgency", "budget"}
# ", " or " và " between the owners of a list
_LIST_JOINT = re.compile(r"\s*,\s*|\s+và\s+")
MAX_LISTED = 3
_TITLE_BEFORE = re.compile(r"(?:đồng chí|đ/c)\s+$")
# A body named by its head word, with a capital ("Tổ Cảnh sát trật tự", "Đội Nghiệp vụ")
_BODY_HEAD = re.compile(
    r"(?:Phòng|Tổ|Đội|Ban Chủ nhiệm|Ban Chỉ huy|Ban|Trạm|Khoa|Bộ môn|Bộ phận|Lãnh đạo|Chi đoàn|Chi hội|Hội"
    r"|Liên chi đoàn|Liên đội|Hội đồng|Văn phòng|Trung tâm|Phân xưởng|Xưởng|Kíp|Chỉ huy"
    r"|Bưu cục|Chi nhánh|Công ty|Xí nghiệp|Nhà máy|Đài)\b"
)
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
COLLECTIVE_MAX_WORDS = 16
# One owner of a listed collective is at most this many words ("người lao động")
LISTED_MAX_WORDS = 5
_TITLE_LEAD = re.compile(r"^(?:đồng chí|đ/c)\s+")

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
    # where a name stops: at a verb, a slogan, a time ... any cue that is no name
    stops = {m.start for m in mentions if m.kind not in NAME_KINDS}
    chosen = _leading_candidate(key, mentions, run_in)
    persons = [m for m in mentions if m.kind == "person"]
    roles = [m for m in mentions if m.kind == "role"]
    if chosen is None:
        return _body_at_lead(text, key, stops, persons, roles)
    if chosen.kind == "person":
        role = (
            posts_to_colon(text, key, chosen.end, stops)
            or appositives(text, key, chosen.end, stops)
            or _role_after(roles, chosen.end)
        )
        return Owner(chosen.text, role, "person")
    return _body_owner(text, key, chosen, persons, roles, stops)


def _body_at_lead(
    text: str,
    key: str,
    stops: set[int],
    persons: Sequence[Mention] = (),
    roles: Sequence[Mention] = (),
) -> Owner | None:
    """A body the lexicon does not know, named where an owner stands: "Tổ Cảnh sát
    trật tự ...", "Phòng Kế hoạch – Tài chính ...", "Đội Nghiệp vụ ..."."""
    lead = OWNER_LEAD.match(key)
    start = lead.end() if lead else 0
    post = _post_at_lead(text, key, start, stops)
    if post is not None:
        return post
    if key.startswith("chi bộ", start):
        return _cell_at_lead(text, key, start, stops)
    head = _BODY_HEAD.match(text, start)
    # "Tổ chức họp dân" is a verb; "Lãnh đạo cơ quan" a body only when a name follows
    if head is None or (opens_task(key, start, stops) and not key.startswith("lãnh đạo ", start)):
        return None
    end = name_runs_on(text, key, _name_after(text, key, head.end(), stops), stops)
    if end == head.end():
        return None  # "Tổ ..." with no name is no owner
    contacts = _with_contacts(text, start, end, persons)
    if contacts is not None:
        return contacts
    # "Tổ Công đoàn, Chi đoàn Thanh niên", "Tổ Công đoàn và Chi đoàn thanh niên của Khoa"
    end = _list_after(text, key, end, roles, stops)
    end = _name_to_colon(text, key, end) or _label_to_colon(text, start, end)
    return Owner(text[start:end], kind="body")


# "Phòng Kế hoạch tổng hợp: lập danh sách ...": the unit's name goes on in lower case
# up to the colon of its label, though a word of it ("tổng hợp") can be a verb
_NAME_TO_COLON = re.compile(r"(?: [^\W\d_]+){1,3}:")
_NO_UNIT_NAME = re.compile(r" (?:có|chịu|phối|chủ|thực|tổ chức|triển khai|xây dựng)\b")


def _name_to_colon(text: str, key: str, end: int) -> int | None:
    """Where a unit's name written as the label of its task ends: at the colon one to
    three plain words on, unless they open with a verb of assigning ("có trách
    nhiệm:", "phối hợp:", "thực hiện:")."""
    label = _NAME_TO_COLON.match(key, end)
    if label is None or _NO_UNIT_NAME.match(key, end) or not text[label.end() :].strip():
        return None
    return label.end() - 1


def _cell_at_lead(text: str, key: str, start: int, stops: set[int]) -> Owner | None:
    """The cell itself as the owner: "Chi bộ thường xuyên ...", "Chi bộ: tổ chức ...",
    "Chi bộ, Công đoàn bộ phận: tổ chức ..." (with the bodies listed after it)."""
    end = start + len("chi bộ")
    after = key[end : end + 1]
    if after == " " and opens_task(key, end + 1, stops):
        return Owner(text[start:end], kind="body")
    if after == ":" and opens_task(key, len(key) - len(key[end + 1 :].lstrip(" *")), stops):
        return Owner(text[start:end], kind="body")
    colon = _label_to_colon(text, start, end) if after == "," else end
    return Owner(text[start:colon], kind="body") if colon > end else None


def _label_to_colon(text: str, start: int, end: int) -> int:
    """A body written as the label of its task is whole up to the colon, commas and
    dashes included ("Tổ Quản lý thu – Sổ, thẻ: ...", "Tổ Kiểm tra, giám sát: ...",
    "Tổ cơ khí – sửa chữa: ...")."""
    colon = text.find(":", end, end + 40)
    joined = text[end : end + 1] == "," or text[end : end + 3] in (" – ", " - ")
    if not joined or colon < 0 or not text[colon + 1 :].strip():
        return end
    label = text[start:colon]
    # a label as long as one that names a part ("Tổ Kiểm tra, giám sát:")
    if word_count(label) > LABEL_MAX_WORDS or any(mark in label for mark in ".;()"):
        return end
    return colon


def _with_contacts(text: str, start: int, end: int, persons: Sequence[Mention]) -> Owner | None:
    """The body written in ``text[start:end]`` with the persons a bracket after it
    names, kept as written: one holder named makes it a person; members listed leave
    it a body."""
    bracket = _BRACKET.match(text[end:])
    inner = end + bracket.end() if bracket else None
    contacts = _bracketed_contacts(text, inner, persons) if bracket else None
    if contacts is None:
        return None
    close, named = contacts
    contact = next((p for p in persons if p.start == inner), None)
    if named == 1 and contact is not None:
        # "(đồng chí Lại Thị Nga, chi hội trưởng)": the contact, and their post as the role
        owner = f"{text[start : end + len(bracket.group(1))]} ({contact.text})"
        role = text[contact.end : close].strip(" ,–—-") or None
        return Owner(owner, role, "person")
    return Owner(text[start : close + 1], None, "person" if named == 1 else "body")


def _post_at_lead(text: str, key: str, start: int, stops: set[int]) -> Owner | None:
    """A post the lexicon does not know, after "Đồng chí": "Đồng chí Trưởng ga",
    "Đồng chí Phó Trưởng tổ bán vé" (a post is written with a head one person holds)."""
    title = _TITLE_BEFORE.search(key[max(0, start - 9) : start])
    if title is None:
        return None
    head = next((h for h in ONE_HOLDER_HEADS if key.startswith(h + " ", start)), None)
    whole = post_by_suffix(text, start)  # "Viện trưởng": a post on its own
    if head is None and whole is None:
        return None
    head_end = whole or start + len(head)
    end = name_runs_on(text, key, head_end, stops)
    if end == head_end and whole is None:
        return None
    return Owner(text[start - len(title.group(0)) : end], kind="role")


# A unit's head word right before a post names the unit ("Phòng Kế toán", "Tổ Thủ quỹ")
_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])(?:phòng|tổ|đội|khoa|bộ phận)\s$")
UNIT_BEFORE_CHARS = 10


def _leading_candidate(key: str, mentions: Sequence[Mention], run_in: str | None) -> Mention | None:
    """The person or role mention that owns the sentence, if one does."""
    candidates = sorted(
        (m for m in mentions if m.kind in ("person", "role")), key=lambda m: (m.start, -m.end)
    )
    vague = [m.start for m in mentions if m.kind == "vague_owner"]
    lead = OWNER_LEAD.match(key)
    lead_end = lead.end() if lead else 0
    label_lead = _after_label(key, run_in)
    for m in candidates:
        # read by the lead: "Chi ủy giao | đồng chí ..." gives the task, not owns it
        if m.end <= lead_end or (label_lead and label_lead[0] <= m.start < m.end <= label_lead[1]):
            continue
        if _UNIT_BEFORE.search(key, max(0, m.start - UNIT_BEFORE_CHARS), m.start):
            continue  # "Phòng | Kế toán – Ngân quỹ": the unit's name, not the accountant
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
    lead = OWNER_LEAD.match(key[begin:])
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
    stops: set[int],
) -> Owner:
    """A body keeps its written qualifier ("Chi hội Phụ nữ thôn") and a contact person
    given in brackets ("(đồng chí Lại Thị Nga, chi hội trưởng)")."""
    start = chosen.start - (4 if key[: chosen.start].endswith("phó ") else 0)  # "Phó Quản đốc"
    title = _TITLE_BEFORE.match(key[max(0, start - 9) : start])
    start -= len(title.group(0)) if title else 0
    end = chosen.end
    qualifier = _BODY_QUALIFIER.match(key, end)
    end = qualifier.end() if qualifier else _name_after(text, key, end, stops)
    end = name_runs_on(text, key, end, stops)
    end = _list_after(text, key, end, roles, stops)
    contacts = _with_contacts(text, start, end, persons)
    if contacts is not None:
        return contacts
    kind = role_or_body(key[start:end])
    if kind == "body":
        end = _label_to_colon(text, start, end)
    posts = appositives(text, key, end, stops) if kind == "role" else None
    return Owner(text[start:end], posts, kind)


BRACKET_MAX_CHARS = 160


def _bracketed_contacts(
    text: str, inner: int, persons: Sequence[Mention]
) -> tuple[int, int] | None:
    """Where the bracket opened before ``inner`` closes, and how many persons it names,
    when it names any: "(đồng chí Lại Thị Nga, chi hội trưởng)", "(Tổ trưởng: đồng chí
    Vi Thị Lan)", "(ĐD. Phan Thị Ngọc, ĐD. Vũ Hồng Nhung)". Kept as written."""
    close = text.find(")", inner, inner + BRACKET_MAX_CHARS)
    named = sum(1 for p in persons if inner <= p.start < close) if close > 0 else 0
    return (close, named) if named else None


def _list_after(text: str, key: str, end: int, roles: list[Mention], stops: set[int]) -> int:
    """Where a list of owners ends: "Công đoàn cơ sở, Chi đoàn thanh niên", "Chi đoàn,
    Hội đồng quân nhân", "Ban công tác Mặt trận, các chi hội đoàn thể của buôn"."""
    for _ in range(MAX_LISTED):
        joint = _LIST_JOINT.match(key, end)
        if joint is None:
            return end
        at = joint.end()
        role = next((m for m in roles if m.start == at), None)
        if role is not None:
            following = _BODY_QUALIFIER.match(key, role.end)
            end = following.end() if following else _name_after(text, key, role.end, stops)
        elif _BODY_HEAD.match(text, at) or key.startswith(COLLECTIVE_OPENERS, at):
            word = _NEXT_WORD.match(" " + text[at:])
            head_end = at + (word.end() - 1 if word else 0)
            end = max(_name_after(text, key, head_end, stops), _lowercase_run(key, head_end, stops))
        else:
            return end
    return end


def _lowercase_run(key: str, pos: int, stops: set[int]) -> int:
    """The end of the lower-case words that name a listed collective ("các chi hội
    đoàn thể của buôn"), up to a cue, a comma or a few words."""
    for _ in range(NAME_AFTER_MAX_WORDS):
        word = _NEXT_WORD.match(key, pos)
        if word is None or opens_task(key, word.start(1), stops):
            break
        pos = word.end()
    return pos


def _name_after(text: str, key: str, end: int, stops: set[int]) -> int:
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
        elif not named or opens_task(key, at, stops):
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
