"""The posts written beside a person's name, as written: "Đồng chí A, Bí thư chi bộ,
Trưởng thôn, chủ trì ..." gives "Bí thư chi bộ, Trưởng thôn". A pure function of the
sentence and the positions where the pipeline found a word that is no name (the
``stops``), split from :mod:`.owner`, which reads who the owner is."""

from __future__ import annotations

import re

from ..people import post_by_suffix
from ..text import match_key
from .cues import ONE_HOLDER_HEADS, UNIT_HEADS, VERB_NAMING_HEADS
from .name_end import joins_a_name, number_in_name, opens_task

WORD = re.compile(r"\S+")
_NUMBER = re.compile(r"\d+")
# After a name: ", Bí thư chi bộ", " – Phó Quản đốc", " (Bí thư Chi bộ)"
_APPOSITIVE_SEP = re.compile(r"[ \t]*[,–—][ \t]*|[ \t]+-[ \t]+|[ \t]*\(")
# a bracket after a post is a note on it ("Tổ trưởng Tổ Kỹ thuật (đảng viên sinh hoạt
# ghép)"): it closes the post as a comma does. A run of blanks is tried from its first
# blank only: tried from each, a long run with no bracket after it is quadratic.
_SEGMENT_END = re.compile(r"[,;.:](?:\s|$)|[ \t][–—][ \t]|(?<![ \t])[ \t]+\(")
MAX_POSTS = 3
# "Đồng chí A, chức vụ: Bí thư Chi bộ, Giám đốc HTX, chủ trì ...": a label that opens
# the posts, read in the match key; its colon is no owner label's colon
_POST_LABEL = re.compile(r"[ \t]*[,–—]?[ \t]*(?:chức vụ|chức danh)[ \t]*:")
_LABEL_COLON = re.compile(r":[ \t]*")
# Verbs that open a task even inside a segment closed by a comma ("phụ trách" does
# not: "viên chức phụ trách truy xuất nguồn gốc," is a post)
_TASK_VERB = re.compile(
    r"(?<=\s)(?:phối hợp|chủ trì|chịu trách nhiệm|có trách nhiệm|chỉ đạo chung)\b"
)
POST_MAX_WORDS = 12
# Words that open a post written in lower case ("chi ủy viên", "cán bộ quản lý cư trú")
_POST_OPENERS = tuple(
    match_key(w)
    for w in (
        "chi ủy viên",
        "đảng viên",
        "kỹ sư",
        "chủ cơ sở",
        "y sĩ",
        "dược sĩ",
        "cán bộ",
        "nhân viên",
        "giáo viên",
        "trợ lý",
        "thư ký",
        "chuyên viên",
        "kỹ thuật viên",
        "trinh sát viên",
        "công an viên",
        "kiểm lâm",
        "tổ trưởng",
        "tổ phó",
        "trưởng",
        "phó",
        "bí thư",
        "chủ tịch",
        "chi hội trưởng",
        "giảng viên",
        "bác sĩ",
        "điều dưỡng",
        "kế toán",
        "thủ quỹ",
        "văn thư",
        "viên chức",
        "phụ trách",
    )
)


def appositives(text: str, key: str, end: int, stops: set[int]) -> str | None:
    """The posts written after a name, as written: "Đồng chí A, Bí thư chi bộ, Trưởng
    thôn, chủ trì ..." gives "Bí thư chi bộ, Trưởng thôn"; "Đ/c B – Phó Quản đốc";
    "Đồng chí C (Bí thư Chi bộ)". Each post is short and opens with a capital, a post
    or a word for a member of staff; the task begins at its verb."""
    first = last = None
    pos, count = end, 0
    label = _POST_LABEL.match(key, end)
    if label is not None:  # kept with its label, as written: "chức vụ: Bí thư Chi bộ"
        first = label.end() - len(key[end : label.end()].lstrip(" \t,–—"))
        pos = label.end() - 1  # its colon is the first post's separator
    while count < MAX_POSTS:
        sep = (_LABEL_COLON if label is not None and count == 0 else _APPOSITIVE_SEP).match(
            text, pos
        )
        if sep is None:
            break
        bracket = sep.group().strip() == "("
        start = sep.end()
        stop = text.find(")", start) if bracket else _segment_end(text, key, start, stops)
        stop = len(text) if stop < 0 else stop
        # a post closed by a comma or a colon is whole ("tổ trưởng tổ thu gom,", "Phó
        # Trưởng khoa phụ trách đào tạo:"); an open segment ends where the task opens
        noted = not bracket and text[stop:].lstrip(" \t").startswith("(")
        closed = bracket or noted or text[stop : stop + 1] in (",", ":")
        cut = _post_end(text, key, start, stop, closed, stops)
        post = text[start:cut].strip()
        if not post or len(post.split()) > POST_MAX_WORDS or not _reads_as_post(post, key[start:]):
            break
        first = start if first is None else first
        last, count = start + len(text[start:cut].rstrip()), count + 1
        if cut < stop or noted or text[stop : stop + 1] == ":":
            break  # the task began inside this segment ("Trưởng thôn chủ trì ...") or after it
        pos = stop + (1 if bracket else 0)
    # kept as written, separators included ("Chủ nhiệm Hậu cần – Kỹ thuật")
    return text[first:last].strip() if last is not None else None


# "Đồng chí Vì Thị Xoan, công chức một cửa: theo dõi ...": the posts run to the colon
_POSTS_OPEN = re.compile(r"\s*(?:,|–|—|-(?=\s))")
_SENTENCE_INSIDE = re.compile(r"[.;!?](?:\s|$)")


def posts_to_colon(text: str, key: str, end: int, stops: set[int]) -> str | None:
    """The posts written after a name and closed by the colon that ends the owner's
    label ("Đồng chí Quàng Văn Pọm, chi ủy viên, công chức tiếp nhận lĩnh vực đất
    đai: xây dựng ..."), whole and as written; None when no such label is there, or
    when a part of it opens with a task ("..., tổ chức 6 buổi họp xóm: ..."). A
    bracket naming a post's unit is kept ("cán bộ an toàn (Phòng Kỹ thuật):")."""
    opening = _POSTS_OPEN.match(text, end)
    colon = text.find(":", end)
    if opening is None or colon < 0 or not text[colon + 1 :].strip(" *"):
        return None
    if _POST_LABEL.match(key, end):  # "chức vụ:" opens the posts (appositives)
        return None
    posts = text[opening.end() : colon]
    if _SENTENCE_INSIDE.search(posts) or not 0 < len(posts.split()) <= POST_MAX_WORDS:
        return None
    # a bracket that names the post's unit goes with it ("cán bộ an toàn (Phòng Kỹ
    # thuật):"); one the colon falls inside ("(phối hợp: ...") is no label
    if posts.count("(") != posts.count(")"):
        return None
    # where each post starts, after the name or a separator, its blanks skipped
    starts = [opening.end()] + [opening.end() + m.end() for m in _POSTS_OPEN.finditer(posts)]
    for start in starts:
        blanks = len(key[start:colon]) - len(key[start:colon].lstrip(" *"))
        if opens_task(key, start + blanks, stops):
            return None
    return posts.strip(" *") or None


def _task_in_charge(key: str, start: int, stops: set[int]) -> bool:
    """ "phụ trách" and a verb is a task ("phụ trách rà soát 87 hộ"); with a noun it is
    a portfolio ("phụ trách công tác dân vận", "phụ trách khu tăng gia")."""
    after = start + len("phụ trách ")
    return (
        key.startswith("phụ trách ", start)
        and opens_task(key, after, stops)
        and not key.startswith("công tác", after)
    )


def _post_end(text: str, key: str, start: int, stop: int, closed: bool, stops: set[int]) -> int:
    """Where the post written in ``text[start:stop]`` ends: the whole segment when it is
    ``closed``, else where the task opens in it."""
    if closed and text[stop : stop + 1] == "," and _task_in_charge(key, start, stops):
        # ", phụ trách rà soát 87 hộ nợ,": the task, not a portfolio (before a colon,
        # "phụ trách bán trú:" is one)
        return start
    # a post such as "Kiểm tra viên" holds a verb: the task begins after it
    post_end = min(post_by_suffix(text, start) or start, stop)
    cut = stop if closed else _task_start(text, key, post_end, stop, stops)
    after = post_end + 1  # "Kiểm sát viên | tổng hợp ...,": the task follows the post,
    # but "Phó Hiệu trưởng phụ trách nuôi dưỡng" is the post's portfolio
    if (
        post_end > start
        and opens_task(key, after, stops)
        and not key.startswith("phụ trách ", after)
    ):
        cut = post_end
    if closed:
        cut = min(cut, _task_after_name(text, key, post_end, stop, stops))
    verb = _TASK_VERB.search(key, post_end, stop) if closed else None
    if verb:  # "Tổ trưởng Tổ Xã hội phối hợp trưởng bản,": the task began inside
        return verb.start()
    if closed and len(text[start:cut].split()) > POST_MAX_WORDS:
        # too long for a post: the task began inside ("Hiệu trưởng nhà trường chủ trì
        # ban hành kế hoạch ...,")
        return _task_start(text, key, start, stop, stops)
    return cut


# A grade closes a post as a name does ("Chuyên viên chính | tổ chức ...")
_GRADE_WORDS = ("chính", "cấp")


def _task_after_name(text: str, key: str, start: int, stop: int, stops: set[int]) -> int:
    """Where the task opens inside a closed segment: a verb right after a proper name
    or a grade ("Trưởng bản Co Sản | lập danh sách ...,"); a verb after a lower-case
    unit word names the unit ("tổ trưởng tổ thu gom,")."""
    after_name = unit_name = False
    previous, head_end = "", -1
    for word in WORD.finditer(text, start, stop):
        at, written = word.start(), word.group()
        if (
            after_name
            and written[0].islower()
            and opens_task(key, at, stops)
            and not key.startswith("phụ trách ", at)  # the post's portfolio
            and not joins_a_name(text, key, at)  # "Đào tạo nghề và Liên kết doanh nghiệp"
        ):
            return at
        if written[0].isupper() and not after_name:
            # a unit's name runs on in lower case ("Tổ Chữa cháy số 1", "Tổ trưởng Tổ
            # xử lý nợ", "trưởng Nhóm hỗ trợ công bố"); a person's or place's does not
            unit_name = key.startswith(UNIT_HEADS, at) or previous in UNIT_HEADS
        if written[0].isupper():
            head_end = _capitalised_head_end(key, at)
        elif after_name and (unit := next((u for u in _POST_UNITS if key.startswith(u, at)), "")):
            # "Phó Bí thư chi bộ | rà soát", "Phó Trưởng khoa | tổ chức": the post's own
            # cell or unit, written in lower case, ends the post
            head_end = at + len(unit)
        # a post or unit written with one capital ("Phó Giám đốc | tổ chức ...", "Giám
        # đốc Trung tâm | xây dựng ...") is a name: a verb right after it opens the task
        in_head = written[0].islower() and word.end() <= head_end
        after_name = at > start and (
            (written[0].isupper() and not unit_name) or written in _GRADE_WORDS or in_head
        )
        previous = key[at : word.end()]
    return stop


# The cell a post belongs to, written after it in lower case ("Bí thư chi bộ"), and the
# units whose name takes no verb ("Trưởng khoa", "Trạm trưởng trạm"; but "tổ trưởng tổ
# thu gom": "tổ" is named by its verb)
_CELL_WORDS = (match_key("chi bộ"), match_key("chi ủy"))
_POST_UNITS = _CELL_WORDS + tuple(h for h in UNIT_HEADS if h not in VERB_NAMING_HEADS)
# Posts and units written with one capital for two or three syllables ("Giám đốc",
# "Trung tâm"): their lower-case syllables belong to the capitalised word
_CAPITALISED_HEADS = tuple(
    sorted(
        ONE_HOLDER_HEADS
        + tuple(
            match_key(h)
            for h in ("trung tâm", "công ty", "bệnh viện", "nhà máy", "xí nghiệp", "hợp tác xã")
        ),
        key=len,
        reverse=True,
    )
)


def _capitalised_head_end(key: str, at: int) -> int:
    """The end of the post or unit head that starts at ``at``, or -1."""
    head = next((h for h in _CAPITALISED_HEADS if key.startswith(h, at)), None)
    return at + len(head) if head else -1


def _segment_end(text: str, key: str, start: int, stops: set[int]) -> int:
    """Where the segment of posts from ``start`` ends: at a comma, a colon, a stop, or
    a dash before the task ("Bí thư chi bộ – chủ trì"); a dash between two words of one
    name goes on ("Trợ lý hậu cần – kỹ thuật")."""
    for found in _SEGMENT_END.finditer(text, start):
        after = found.end()
        dash = found.group().strip() in "–—"
        if not dash or (not text[after : after + 1].isupper() and opens_task(key, after, stops)):
            return found.start()
    return len(text)


def _task_start(text: str, key: str, start: int, stop: int, stops: set[int]) -> int:
    """Where the task opens inside ``key[start:stop]``: a verb, or "chủ trì" and the
    like. A capital inside a post names its unit ("Tổ trưởng tổ Kiểm tra BTP"): a
    verb is written in lower case there."""
    for at in range(start, stop):
        if at > start and (key[at - 1] != " " or text[at].isupper()):
            continue
        if at == start and key.startswith("phụ trách ", at) and not opens_task(key, at + 10, stops):
            # "phụ trách xưởng sơ chế | thực hiện ...": the post's portfolio; "phụ trách
            # tổ chức các buổi tiêm" is the task
            continue
        if opens_task(key, at, stops):
            number = _NUMBER.match(key, at)
            if not (number and number_in_name(key, at, number.group())):
                return at
    return stop


# A member of staff named by a word ending in "viên" ("biên tập viên", "giao dịch viên")
_STAFF_WORD = re.compile(r"(?:[^\W\d_]+ ){1,2}viên(?![^\W\d_])")


def _reads_as_post(post: str, key: str) -> bool:
    return post[:1].isupper() or key.startswith(_POST_OPENERS) or bool(_STAFF_WORD.match(key))
