"""Persons named in a draft: how they are addressed, their rank or title, their name.

"Đồng chí Nguyễn Văn Hùng", "đ/c Lê Thị Bé", "Đồng chí Trung tá Mùa A Sử", "Đại úy
Lò Văn Páo", "PGS.TS. Trần Minh Đức", "Đồng chí ThS.BS Hờ A Dế", "bà H'Hen Êban". The
person is everything from the first word that introduces them to the end of the name,
so an owner is never cut at a rank or a title. A post after the address ("Đồng chí
Chủ tịch Hội Người cao tuổi phường") is no name: the owner reader takes it as a post.

Parsing is a single pass of anchored matches: no pattern here can backtrack without
bound, whatever the text.
"""

from __future__ import annotations

import re

from .text import match_key

# Words that address a person before a rank, a title or the name
ADDRESSES = ("đồng chí", "đ/c", "đc.", "ông", "bà", "thầy", "cô")
# Addressed this way, a single name word is enough ("đồng chí Páo"); "ông", "bà" ...
# need two, since "ông bà", "cô giáo" are no names.
ONE_WORD_NAME_AFTER = ("đồng chí", "đ/c", "đc.")
# Military and police ranks
RANKS = (
    "binh nhì",
    "binh nhất",
    "hạ sĩ",
    "trung sĩ",
    "thượng sĩ",
    "thiếu úy",
    "trung úy",
    "thượng úy",
    "đại úy",
    "thiếu tá",
    "trung tá",
    "thượng tá",
    "đại tá",
    "thiếu tướng",
    "trung tướng",
    "thượng tướng",
    "đại tướng",
    # a court's judges are named by their title the same way ("Thẩm phán Đỗ Thị Lan"),
    # and so are inspectors and civil servants by their grade ("Kiểm soát viên chính
    # Lâm Văn Toại", "Thanh tra viên Hà Thị Lụa")
    "thẩm phán",
    "kiểm soát viên chính",
    "kiểm soát viên cao cấp",
    "kiểm soát viên thị trường",
    "kiểm soát viên",
    "thanh tra viên chính",
    "thanh tra viên",
    "chuyên viên chính",
    "chuyên viên cao cấp",
    "chấp hành viên",
)
# Academic and professional titles as written before a name, alone or joined
# ("PGS.TS.", "ThS.BS", "BSCKII"); written with their capitals, so they are matched
# case-sensitively.
TITLES = (
    "PGS", "GS", "ThS", "TS", "BSCKII", "BSCKI", "BS", "DSCKII", "DSCKI", "KS", "KTV", "DS",
    "ĐD", "YS", "LS", "CN", "NGƯT", "NGND",
    # the specialist grades written after BS. or DS. ("BS.CKI", "DS.CKII")
    "CKII", "CKI",
)  # fmt: skip
_TITLE = rf"(?:{'|'.join(TITLES)})"
_TITLES = re.compile(rf"{_TITLE}(?:\.?{_TITLE})*\.?[ \t]+")
# Posts and bodies that may follow an address: "đồng chí Bí thư", "đồng chí Chủ tịch
# Hội ...", "đồng chí Chi hội trưởng": a post, not a name.
POST_HEADS = tuple(
    match_key(p)
    for p in (
        "bí thư",
        "phó",
        "chủ tịch",
        "chủ nhiệm",
        "giám đốc",
        "hiệu trưởng",
        "trưởng",
        "chính trị viên",
        "chỉ huy",
        "đồn trưởng",
        "đội trưởng",
        "đội phó",
        "đội",
        "đại đội trưởng",
        "trung đội trưởng",
        "tiểu đội trưởng",
        "chi cục trưởng",
        "chi hội trưởng",
        "tổ trưởng",
        "tổ phó",
        "quản đốc",
        "kế toán",
        "thủ quỹ",
        "thư ký",
        "tổng phụ trách",
        "chánh án",
        "chánh văn phòng",
        "chánh thanh tra",
        "an toàn viên",
        "nhân viên",
        "già làng",
        "chi ủy",
        "chi bộ",
        "chi hội",
        "chi đoàn",
        "công đoàn",
        "ban",
        "hội",
        "tổ",
    )
)
# Professions written before a name ("Kỹ sư Trần Quốc Khánh", "Y sĩ Lò Thị Mai",
# "Già làng Kpă Yơi"): a name of two words at least must follow ("giáo viên Toán" is none)
PROFESSIONS = (
    "kỹ sư",
    "y sĩ",
    "bác sĩ",
    "dược sĩ",
    "điều dưỡng trưởng",
    "điều dưỡng",
    "kỹ thuật viên",
    "đảng viên",
    "giáo viên",
    "nghệ nhân",
    "già làng",
    "nhà báo",
    "phóng viên",
    "biên tập viên",
    "giảng viên",
    "luật sư",
    "kiến trúc sư",
    "nghệ sĩ",
    "hộ sinh",
    "kiểm lâm viên",
    "huấn luyện viên",
)
MAX_NAME_WORDS = 5  # "Tôn Nữ Thị Ngọc Hân"
MAX_TITLES = 3  # "Đồng chí Đại úy ThS. ..."

_RANK_ALTERNATION = "|".join(sorted(RANKS, key=len, reverse=True))
_ADDRESS = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(re.escape(a) for a in ADDRESSES) + r")[ \t]+", re.IGNORECASE
)
_RANK = re.compile(rf"(?:{_RANK_ALTERNATION})[ \t]+", re.IGNORECASE)
_PROFESSION_ALTERNATION = "|".join(sorted(PROFESSIONS, key=len, reverse=True))
_PROFESSION = re.compile(rf"(?:{_PROFESSION_ALTERNATION})[ \t]+", re.IGNORECASE)


def by_first_letter(branches, guard: str = "") -> str:
    """The alternation of ``word`` + ``tail`` for each (word, tail) of ``branches`` (in
    this order), grouped by the word's first letter in lower case, ``guard`` written
    after that letter: "đ(?:ồng chí…|/c…|d…)|b(?:à…|inh nhì…)|…", each "…" a tail. It
    matches what the plain alternation matches, branch for branch: two branches of
    different first letters never match at the same place, and a letter's own branches
    keep their order. Python's ``re`` tries every branch of an alternation at every
    place; grouped, a place tries a branch per letter, not per word, and a pattern
    that opens with literal letters lets ``re`` skip to the places they stand."""
    groups: dict[str, list[str]] = {}
    for word, tail in branches:
        groups.setdefault(word[0].lower(), []).append(re.escape(word[1:]) + tail)
    return "|".join(
        re.escape(first) + guard + "(?:" + "|".join(group) + ")" for first, group in groups.items()
    )


# Where a person may start, after a non-letter: an address, a rank or a profession
# and a blank, or a title and a dot, a capital or a blank (ADDRESSES, then RANKS and
# PROFESSIONS longest first, then TITLES, grouped by first letter). It is read in the
# text's match key (lower case, one tone placement, same offsets), the case folded
# only at the letter after a title: folding every character compared (IGNORECASE on
# the text) made the scan of a block twice as slow. "No letter before" is asked after
# the first letter (two characters back), so that the pattern opens with letters.
# Each start is then read on the text itself.
_OPENERS = (
    *ADDRESSES,
    *sorted(RANKS, key=len, reverse=True),
    *sorted(PROFESSIONS, key=len, reverse=True),
)
_START = re.compile(
    by_first_letter(
        [
            *((match_key(o), r"[ \t]+") for o in _OPENERS),
            *((match_key(t), "(?i:[.A-ZĐ ])") for t in TITLES),
        ],
        guard=r"(?<![^\W\d_].)",
    )
)
# A name word: a capital, then letters; "K'Nhông", "H'Hen" keep their apostrophe
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*")
_GAP = re.compile(r"[ \t]+")


def find_persons(text: str, key: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of each person named in ``text``: the span runs from the
    address, rank or title that introduces them to the end of the name; ``name`` is
    the name alone. Names only if written. ``key`` is the text's match key, when the
    caller has it."""
    found: list[tuple[int, int, str]] = []
    for start in _START.finditer(key if key is not None else match_key(text)):
        if found and start.start() < found[-1][1]:
            continue  # "Trung tá" inside "Đồng chí Trung tá Mùa A Sử", already read
        person = _read_person(text, start.start())
        if person is not None:
            found.append(person)
    return found


def without_rank(text: str) -> str:
    """``text`` less the ranks and titles it opens with ("Thượng úy Nguyễn Văn Tài" ->
    "Nguyễn Văn Tài"), as a signature line writes them before the name."""
    return text[_after_titles(text, 0) :]


def _after_titles(text: str, pos: int) -> int:
    """Where the ranks and titles that open ``text[pos:]`` end ("Đại úy ThS. ...")."""
    for _ in range(MAX_TITLES):
        introduced = _RANK.match(text, pos) or _TITLES.match(text, pos)
        if introduced is None:
            break
        pos = introduced.end()
    return pos


# A post written as a unit and a suffix one person holds, after "Đồng chí": "Viện
# trưởng", "Phó Đội trưởng", "Chỉ huy phó", "Kiểm sát viên". The suffix is lower case
# in the text ("Nguyễn Văn Viên" is a name); at most three words come before it.
POST_BY_SUFFIX = re.compile(r"(?:[^\W\d_]+ ){1,3}?(?:trưởng|phó|viên)(?![^\W\d_])")


def post_by_suffix(text: str, pos: int) -> int | None:
    """The end of a post such as "Viện trưởng" written at ``pos`` (its suffix in lower
    case in ``text``), or None."""
    found = POST_BY_SUFFIX.match(text, pos)
    return found.end() if found and text[pos : pos + 1].isupper() else None


def _read_person(text: str, start: int) -> tuple[int, int, str] | None:
    """The person whose introduction begins at ``start``, if a name follows."""
    pos, minimum = start, 2
    address = _ADDRESS.match(text, pos)
    if address:
        pos = address.end()
        if match_key(address.group(0)).strip() in ONE_WORD_NAME_AFTER:
            minimum = 1
    profession = _PROFESSION.match(text, pos)
    if profession:
        pos, minimum = profession.end(), 2
    titled = _after_titles(text, pos)
    if titled > pos:
        pos, minimum = titled, 1  # a rank or a title introduces a name of one word
        profession = _PROFESSION.match(text, pos)  # "CN. điều dưỡng Đặng Thị Kim Loan"
        if profession:
            pos, minimum = profession.end(), 2
    if pos == start:
        return None
    if match_key(text[pos : pos + 30]).startswith(POST_HEADS) or post_by_suffix(text, pos):
        return None  # "đồng chí Bí thư", "đồng chí Viện trưởng": a post
    words = _name_words(text, pos)
    if len(words) < minimum:
        return None
    if len(words) == 1 and words[0].group(0).isupper() and len(words[0].group(0)) > 1:
        return None  # a lone word in capitals is a heading's, not a name
    return start, words[-1].end(), " ".join(w.group(0) for w in words)


def _name_words(text: str, pos: int) -> list[re.Match]:
    """The capitalised words of a name starting at ``pos``, separated by spaces."""
    words = []
    while len(words) < MAX_NAME_WORDS:
        word = _NAME_WORD.match(text, pos)
        if not word or not word.group(0)[0].isupper():
            break
        words.append(word)
        gap = _GAP.match(text, word.end())
        if not gap:
            break
        pos = gap.end()
    return words
