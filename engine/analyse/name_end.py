"""Where an owner's name ends: the word that opens the task, or a name that runs on
past a verb ("Tổ | kiểm tra liên ngành"), a dash ("Ban Tổ chức – Kiểm tra"), a number
("Tổ sản xuất số 2") or "và" between capitals."""

from __future__ import annotations

import re

from .cues import NAMING_VERBS, NUMBERED_WORDS, OWNER_PHRASE_ENDS, TASK_OPENERS, VERB_NAMING_HEADS

# "ký quyết định" opens a task; "ký túc xá" is a place, "thư ký" a post
_SIGNS = re.compile(r"(?<!thư )ký (?!túc)")
# A hyphen between capitals joins one name ("Phòng Bổ sung – Biên mục")
_NAME_HYPHEN = re.compile(r"[ \t]+[–—-][ \t]+")
RUN_ON_MAX_WORDS = 6
# A few words closed by a colon: a head's whole name written as its task's label
# ("Tổ trưởng Tổ | bán vé: bố trí ..."), whatever verb they hold
_LABEL_RUN = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2}[ \t]*:")
_NEXT_TOKEN = re.compile(r"[ \t]+([^\W_]+(?:['’][^\W_]+)?)")


# Any word that opens a task, whole ("lập" but not "lập" inside a longer word); compiled
# once, since it is tried at every word of every owner
_OPENER = re.compile(
    "(?:" + "|".join(re.escape(c) for c in OWNER_PHRASE_ENDS + TASK_OPENERS) + r")(?![^\W\d_])"
)


def opens_task(key: str, at: int, stops: set[int]) -> bool:
    """Whether the word at ``at`` opens the task: a verb the lexicon knows, a word that
    starts a task ("có trách nhiệm", "chỉ đạo", "sẽ") or "ký" a document."""
    return at in stops or bool(_SIGNS.match(key, at) or _OPENER.match(key, at))


def name_runs_on(text: str, key: str, pos: int, stops: set[int]) -> int:
    """Where an owner written as a post or a body ends when its name runs on in lower
    case after the head ("Chi ủy | chi bộ", "Đồng chí Giám đốc | thư viện", "Trưởng Ban |
    quản lý cảng", "Chi đoàn Thanh niên thôn | Đông Hạ"): up to the word that opens the
    task, a punctuation mark or the end. A verb right after a head that takes one names
    the body ("Tổ | kiểm tra liên ngành"). When nothing closes the name within a few
    words the reading is unsure and the name stops at ``pos``."""
    start, words = pos, 0
    while True:
        joined = _NAME_HYPHEN.match(text, pos)
        after = joined.end() if joined else 0
        if joined and not text[after : after + 1].isupper() and opens_task(key, after, stops):
            joined = None  # "Tổ bảo vệ – trật tự" is one name; "Tổ Kỹ thuật – lập ..." is not
        word = _NEXT_TOKEN.match(text, joined.end() - 1 if joined else pos)
        if word is None:
            rest = text[pos:].lstrip(" \t")
            return pos if not rest or not rest[0].isalnum() else start
        at = word.start(1)
        # a capital after a dash goes on the name ("Ban Tổ chức – Kiểm tra")
        if (
            not joined
            and opens_task(key, at, stops)
            and not (
                number_in_name(key, at, word.group(1))
                or names_by_verb(text, key, at, words == 0)
                or joins_a_name(text, key, at)
                or (words == 0 and key.startswith("phụ trách ", at))  # its portfolio
            )
        ):
            return pos
        words += 1
        if words > RUN_ON_MAX_WORDS:
            return start
        pos = word.end()


def number_in_name(key: str, at: int, word: str) -> bool:
    """Whether the number at ``at`` belongs to the name: it follows a word such as "số"
    or "lớp" ("Tổ sản xuất số 2", "Tổ chủ nhiệm lớp 1")."""
    return word.isdigit() and key[:at].rstrip().endswith(NUMBERED_WORDS)


def joins_a_name(text: str, key: str, at: int) -> bool:
    """ "và" between two capitalised words joins one name ("Đội Quản lý nợ và Cưỡng chế
    nợ thuế"); before a lower-case word it opens the task."""
    return key.startswith("và ", at) and text[at + 3 : at + 4].isupper()


def names_by_verb(text: str, key: str, at: int, first: bool = False) -> bool:
    """Whether the verb at ``at`` is part of a body's name: it follows the body's own
    head ("Tổ | kiểm tra liên ngành") or a head written in lower case ("tổ | đoàn
    kết"), not a capitalised body named further on ("... của Ban | lập biên bản"); any
    verb does when a colon closes the name a few words on ("Tổ | bán vé: ...")."""
    if not key.startswith(NAMING_VERBS, at) and not _LABEL_RUN.match(key, at):
        return False
    head = key[:at].rstrip()
    for h in VERB_NAMING_HEADS:
        begin = len(head) - len(h)
        if head.endswith(h) and (begin == 0 or not head[begin - 1].isalpha()):
            return first or text[begin].islower()
    return False
