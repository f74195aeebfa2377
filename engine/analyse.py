"""Stage 2: run the spaCy pipeline over the blocks and read the draft's structure.

Produces :class:`Facts`: for every block what the pipeline found (dates, numbers,
persons, lexicon cues) and which part of the resolution it belongs to; the items of
the parts that rules count (targets, solutions, obstacles, tasks); and document-wide
signals (header elements, vote record, review dates, ...). Computed once per
document; every rule reads the same Facts.

Sections are found from wording, not only numbering: a heading is any short block
that is numbered ("II.", "2.", "Phần thứ hai"), bold, upper-case or styled as a
heading, and its kind comes from the words in it ("mục tiêu", "giải pháp", ...).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Block, BlockFacts, Document, Facts, Item, Mention, Section, Task
from .text import match_key, word_count

# Heading words -> section kind, tried in this order: the first kind whose cue appears
# wins ("Dự báo khó khăn và giải pháp tháo gỡ" is obstacles, not solutions;
# "Những hạn chế, khó khăn" is the situation, not an obstacle forecast).
SECTION_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "implementation",
        ("tổ chức thực hiện", "phân công", "trách nhiệm thực hiện", "tổ chức triển khai"),
    ),
    (
        "review",
        (
            "sơ kết",
            "tổng kết",
            "kiểm tra, giám sát",
            "kiểm tra giám sát",
            "chế độ báo cáo",
            "theo dõi, đánh giá",
        ),
    ),
    ("obstacles", ("dự báo", "vướng mắc", "tháo gỡ", "rủi ro", "có thể phát sinh", "trở ngại")),
    (
        "situation",
        (
            "tình hình",
            "thực trạng",
            "kết quả",
            "hạn chế",
            "nguyên nhân",
            "đánh giá",
            "bối cảnh",
            "yếu kém",
            "tồn tại",
        ),
    ),
    ("objectives", ("mục tiêu", "chỉ tiêu", "mục đích", "yêu cầu")),
    ("solutions", ("giải pháp", "nhiệm vụ", "biện pháp", "cách làm", "nội dung thực hiện")),
    ("obstacles", ("khó khăn", "khắc phục")),
    ("bases", ("căn cứ",)),
)
SECTION_CUES = tuple((kind, tuple(match_key(c) for c in cues)) for kind, cues in SECTION_CUES)
ITEM_SECTIONS = {
    "objectives": "target",
    "solutions": "solution",
    "obstacles": "obstacle",
    "implementation": "task",
    "review": "task",
}
_NUMBERING = (
    (1, re.compile(r"^phần\s+(?:thứ\s+)?[^\W\d_]+\s*[:.\-–]?\s*", re.I)),
    (1, re.compile(r"^[ivxlc]{1,5}\s*[.)/\-–]\s*")),
    (3, re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+")),
    (2, re.compile(r"^\d{1,2}\s*[.)/]\s*")),
    (3, re.compile(r"^[a-zđ]\s*[.)]\s+")),
)
# A figure given as a bound: "không quá 4 vụ", "dưới 1%", "ít nhất 35 hộ", "đủ 16 giờ".
_BOUND = re.compile(
    r"(?:không quá|không vượt quá|không vượt|dưới|tối đa|ít nhất|tối thiểu|đủ|đạt|"
    r"giảm xuống|giảm còn|tăng lên)\s+(?:còn\s+)?\d"
)
_ORDINAL_LEAD = re.compile(r"^(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là\b")
_REMEDY_LEAD = re.compile(
    r"^(?:[-–•+]\s*)?(?:\*?\s*)?(?:cách |biện pháp|giải pháp|hướng |phương án|để khắc phục"
    r"|khắc phục|tháo gỡ|xử lý|chi ủy sẽ|chi bộ sẽ)"
)
_DATE_LINE = re.compile(
    r"[^\W\d_][^,]{1,40},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})"
)
# "Số 03-NQ/CB"; a draft leaves the number blank until it is signed: "Số    -NQ/CB"
_NUMBER_SYMBOL = re.compile(r"^số\s*:?\s*(\d+|[\s._…]*)\s*[-–]\s*nq\s*/\s*[^\W\d_]", re.I)
# "25/27 đồng chí", "100%": a count, not a date such as "3/2026"
_VOTE_COUNT = re.compile(
    r"(?<![\d/])\d{1,3}\s*/\s*\d{1,3}(?![\d/])|\d+(?:[.,]\d+)?\s*%|100\s*phần trăm"
)
_PROCEDURE_STATEMENT = re.compile(
    r"^(?:dự thảo|nghị quyết (?:này )?(?:đã )?được (?:hội nghị|chi bộ)|hội nghị chi bộ)|biểu quyết"
)
_CHI_UY = re.compile(match_key("chi ủy"))  # the key has one tone placement
# A draft saying how the cell will take it up: sent to members to study, put to the
# cell meeting for discussion and a vote.
_MEETING_PLAN = re.compile(
    r"(?:thảo luận|biểu quyết|góp ý|cho ý kiến|nghiên cứu trước)[^.;]{0,80}?"
    r"(?:chi bộ|hội nghị|sinh hoạt)"
    r"|(?:trình|gửi)[^.;]{0,40}?(?:hội nghị chi bộ|chi bộ|đảng viên)[^.;]{0,60}?"
    r"(?:thảo luận|biểu quyết|góp ý|cho ý kiến|nghiên cứu|xem xét)"
)
_PURPOSE_HEADINGS = ("mục tiêu chung", "mục đích", "yêu cầu", "mục tiêu tổng quát")


# Where a task's owner is written: at the head of the sentence, after numbering and
# "Giao (cho)"; or named by a cue right before it; or followed by the verb that leads.
_OWNER_LEAD = re.compile(
    r"^[\W\d_]*(?:[a-zđ]\s*[.)]\s*)?(?:(?:giao|phân công)(?:\s+cho)?\s+)?(?=\S)"
)
_OWNER_CUE = re.compile(
    r"(?:\bgiao(?:\s+cho)?|\bdo|phụ trách\s*:|chủ trì\s*:|người thực hiện\s*:|thực hiện\s*:)"
    r"\s*(?:đồng chí\s+|đ/c\s+)?$"
)
_OWNER_AFTER = re.compile(r"[^.;:]{0,40}?\b(?:chủ trì|phụ trách|chịu trách nhiệm)\b")
# Places that need no name: there is one of each in the unit
_PLACE_OBJECTS = {
    "nhà văn hóa",
    "nhà văn hoá",
    "hội trường",
    "sân trường",
    "trạm y tế",
    "đầu ngõ",
    "bến sông",
    "bờ kênh",
}
# "Công đoàn nhà trường", "Chi hội Phụ nữ thôn": the word that says whose body it is
_BODY_QUALIFIER = re.compile(
    r"\s+(?:nhà trường|trường|thôn|xóm|ấp|bản|xã|phường|khu phố|tổ dân phố|cơ quan|công ty"
    r"|hợp tác xã)\b"
)
_PERIOD_END = {
    "Q1": "03-31",
    "Q2": "06-30",
    "Q3": "09-30",
    "Q4": "12-31",
    "H1": "06-30",
    "H2": "12-31",
}


def _period_end(value: str) -> str:
    """The last day an ISO-like value ("2026-Q2", "2026-05", "2026") covers, to compare."""
    parts = value.split("-")
    if len(parts) == 3:
        return value
    if len(parts) == 2:
        return f"{parts[0]}-{_PERIOD_END.get(parts[1], parts[1] + '-31')}"
    return f"{value}-12-31"


@dataclass(slots=True)
class _Heading:
    level: int
    kind: str | None


def _mentions(doc) -> list[Mention]:
    out: list[Mention] = []
    for span in doc.spans.get("dates", []):
        out.append(
            Mention("date", span.text, span.start_char, span.end_char, span._.value, span.label_)
        )
    for span in doc.spans.get("numbers", []):
        out.append(
            Mention(
                span.label_,
                span.text,
                span.start_char,
                span.end_char,
                str(span._.value),
                span._.unit,
            )
        )
    for span in doc.spans.get("persons", []):
        out.append(Mention("person", span.text, span.start_char, span.end_char, span._.value))
    for span in doc.spans.get("lexicon", []):
        out.append(
            Mention(span.label_, span.text, span.start_char, span.end_char, span.text.lower())
        )
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def section_kind(key: str) -> str | None:
    """The section kind that heading text (a match key) names, if any."""
    for kind, cues in SECTION_CUES:
        if any(cue in key for cue in cues):
            return kind
    return None


def heading_level(block: Block, key: str) -> int | None:
    """1 for a part ("II.", "Phần thứ hai"), 2-3 for sub-parts; None if not a heading."""
    if block.table is not None:
        return None
    text = block.text.strip()
    words = word_count(text)
    numbered = _numbering_level(key)
    if numbered == 1 and re.match(r"^[ivxlc]{1,5}\s*[.)/\-–]", key) and not text[:1].isupper():
        numbered = None  # "i)" in running text is not a Roman part number
    short = words <= 18 and not text.endswith((";", ","))
    ends_sentence = text.endswith(".") and words > 8
    body = text[len(key) - len(_strip_numbering(key)) :]
    # an all-capitals heading is a part of the resolution, whatever its numbering
    upper_body = body.isupper() and word_count(body) >= 1
    if block.kind == "heading" and block.heading_level:
        return 1 if upper_body else numbered or min(block.heading_level, 3)
    if numbered and short and not ends_sentence:
        return 1 if upper_body else numbered
    upper = text.isupper() and words >= 2
    if (block.bold or upper) and words <= 16 and not text.endswith((".", ";", ",")):
        return 1 if upper else 2
    return None


def _numbering_level(key: str) -> int | None:
    """The level of a paragraph's own numbering ("II." 1, "2." 2, "2.1." 3), if any."""
    return next((level for level, rx in _NUMBERING if rx.match(key)), None)


def _strip_numbering(key: str) -> str:
    for _level, rx in _NUMBERING:
        m = rx.match(key)
        if m:
            return key[m.end() :]
    return key


def _lead_in_kind(key: str) -> str | None:
    """ "Tổ chức thực hiện: ..." starts a part even without a heading line, and so does
    an introducing sentence "Để thực hiện mục tiêu trên, chi bộ đề ra các giải pháp sau:"."""
    head, colon, rest = key.partition(":")
    if colon and word_count(head) <= 6:
        return section_kind(head)
    if colon and not rest.strip() and word_count(head) <= 20:
        # the sentence introduces what it names last ("để thực hiện mục tiêu trên, ...
        # các giải pháp sau:" introduces solutions)
        found = [
            (key.rfind(cue), kind) for kind, cues in SECTION_CUES for cue in cues if cue in head
        ]
        return max(found)[1] if found else None
    return None


# Monitoring of the resolution's implementation, wherever it is written; an inspection
# that is itself a solution ("kiểm tra các cơ sở kinh doanh hằng quý") is not.
_MONITORS_RESOLUTION = re.compile(
    r"(?:kiểm tra|giám sát|theo dõi)[^.;]{0,40}?"
    r"(?:đôn đốc|việc thực hiện|thực hiện nghị quyết|tiến độ thực hiện|kết quả thực hiện)"
    r"|(?:chi ủy|chi uỷ|bí thư)[^.;]{0,25}?(?:kiểm tra|giám sát)"
    r"|nghe báo cáo|báo cáo tiến độ|giao ban tiến độ"
)
# The review plan and the monitoring of the resolution itself (follow-up's business)
_REVIEW_TASK = re.compile(
    r"\bsơ kết\b|\btổng kết\b|kiểm tra, giám sát|"
    r"(?:kiểm tra|giám sát|theo dõi)[^.;]{0,20}?(?:đôn đốc|việc thực hiện|thực hiện nghị quyết)"
)
_COLUMN_CUES = (
    (
        "owner",
        ("chủ trì", "phụ trách", "người thực hiện", "đơn vị thực hiện", "người chịu trách nhiệm"),
    ),
    ("deadline", ("thời gian", "thời hạn", "hoàn thành", "tiến độ")),
    ("task", ("nhiệm vụ", "nội dung", "công việc", "giải pháp")),
    ("partner", ("phối hợp",)),
    ("number", ("stt", "tt")),
)


def _column_kind(key: str) -> str | None:
    """What a header cell of an assignment table names, if it is a header cell."""
    key = key.strip(" .:")
    if word_count(key) > 6:
        return None
    for kind, cues in _COLUMN_CUES:
        if any(key == cue or key.startswith(cue) or key.endswith(cue) for cue in cues):
            return kind
    return None


class _Analyser:
    def __init__(self, document: Document, docs):
        self.document = document
        self.keys: list[str] = []
        self.blocks: list[BlockFacts] = []
        for block, doc in zip(document.blocks, docs, strict=True):
            # the normaliser already folded this text; a plugin pipeline may not have
            key = doc.user_data.get("nq_key") or match_key(block.text)
            self.keys.append(key)
            self.blocks.append(
                BlockFacts(
                    index=block.index,
                    section="body",
                    is_heading=False,
                    words=word_count(block.text),
                    sentences=[(s.start_char, s.end_char) for s in doc.sents]
                    or [(0, len(block.text))],
                    mentions=_mentions(doc),
                    key=key,
                )
            )
        self.sections: list[Section] = []
        self.lead_blocks: set[int] = set()  # paragraphs that opened their part (0-based)
        self.signals: dict = {}

    # -- structure -----------------------------------------------------------

    def find_title(self) -> int | None:
        for i, key in enumerate(self.keys):
            if (
                self.document.blocks[i].table is None
                and re.match(r"^nghị quyết\b", key)
                and word_count(key) <= 16
            ):
                return i
        return None

    def structure(self) -> None:
        blocks = self.document.blocks
        title = self.find_title()
        start = 0
        if title is not None:
            for i in range(title):
                self.blocks[i].section = "header"
            self.blocks[title].section = "title"
            self.signals["title_block"] = title + 1
            alone = re.match(r"^nghị quyết(?:\s+chuyên đề)?\s*$", self.keys[title].rstrip(" .:"))
            topic = title + 1 if alone else title
            if topic < len(blocks) and self.keys[topic].lstrip("(*").startswith(
                ("về", "nghị quyết về", "nghị quyết chuyên đề về")
            ):
                self.blocks[topic].section = "title"
                self.signals["topic_block"] = topic + 1
                text = blocks[topic].text
                self.signals["topic"] = (
                    text[text.lower().find("về") :] if "về" in text.lower() else text
                )
            start = max(title, topic) + 1
        else:
            # no title line: the header is the leading table, if any
            while start < len(blocks) and blocks[start].table == 1 and blocks[0].table == 1:
                self.blocks[start].section = "header"
                start += 1
        tail = self._tail_start(start)
        current: Section | None = None
        level_one_kind: str | None = None
        under_purpose = False
        lead_level: int | None = None  # numbering level of the paragraph that led the part
        for i in range(start, tail):
            key, bf = self.keys[i], self.blocks[i]
            level = heading_level(blocks[i], key)
            if level is not None:
                kind = section_kind(key)
                bf.is_heading = True
                if level == 1 or current is None:
                    kind = kind or "other"
                    level_one_kind = kind
                    under_purpose = False
                else:
                    under_purpose = (
                        any(h in key for h in _PURPOSE_HEADINGS)
                        and (kind or level_one_kind) == "objectives"
                    )
                    kind = self._sub_kind(kind, level_one_kind, key)
                current = Section(kind=kind, title=blocks[i].text, heading_block=i + 1)
                self.sections.append(current)
                bf.section = kind
                lead_level = None
                continue
            lead = _lead_in_kind(key)
            numbered = _numbering_level(key)
            title = blocks[i].text.split(":")[0]
            if lead is None and blocks[i].run_in:
                # "**Giải pháp về mua chung.** Trước ngày ...": a run-in heading names
                # the part it opens, and the rest of the paragraph belongs to it
                lead = section_kind(match_key(blocks[i].run_in))
                title = blocks[i].run_in.rstrip(".:")
            if (
                lead == "obstacles"
                and current is not None
                and current.kind == "situation"
                and not any(c in key for c in self._FORECAST_LEAD)
            ):
                lead = None  # "Phân loại theo vướng mắc:" sorts today's problems
            if lead is None and numbered is not None:
                lead = self._numbered_part(key, numbered, current, lead_level)
                if lead == "solutions":
                    title = ""
            if lead and (current is None or lead != current.kind):
                current = Section(kind=lead, title=title, heading_block=None)
                self.sections.append(current)
                level_one_kind = lead
                lead_level = numbered
                self.lead_blocks.add(i)
            if current is None:
                kind = "bases" if key.lstrip("-–• ").startswith("căn cứ") else "preamble"
                if not self.sections or self.sections[-1].kind != kind:
                    self.sections.append(Section(kind=kind, title="", heading_block=None))
                self.sections[-1].blocks.append(i + 1)
                bf.section = kind
                continue
            bf.section = current.kind
            current.blocks.append(i + 1)
            if under_purpose:
                self.signals.setdefault("purpose_blocks", []).append(i + 1)
        self._claim_numbered_preamble()
        self._tail(tail)

    def _claim_numbered_preamble(self) -> None:
        """In a resolution written as one numbered list, "1. Năm 2026, toàn xã có
        131/168 trẻ ..." comes before "2. Hạn chế: ..." opens the situation: numbered
        paragraphs of the preamble at the same level as the paragraph that opened the
        first part belong to that part."""
        for n, section in enumerate(self.sections):
            if section.kind in ("preamble", "bases"):
                continue
            if section.heading_block is not None or n == 0 or not section.blocks:
                return
            first = section.blocks[0] - 1
            level = _numbering_level(self.keys[first])
            before = self.sections[n - 1]
            if level is None or before.kind != "preamble":
                return
            claimed = []
            for index in reversed(before.blocks):
                if _numbering_level(self.keys[index - 1]) != level:
                    break
                claimed.insert(0, index)
            for index in claimed:
                before.blocks.remove(index)
                self.blocks[index - 1].section = section.kind
            section.blocks[:0] = claimed
            return

    # (parent part, sub-heading kind) pairs where the sub-heading stays in its parent:
    # "2. Khó khăn" under the situation is a limitation, not a forecast; "3. Kiểm tra,
    # giám sát" under the solutions is a solution, not the review plan.
    _STAY_IN_PARENT = {("situation", "obstacles"), ("solutions", "review")}
    _FORECAST = tuple(match_key(c) for c in ("dự báo", "vướng mắc", "tháo gỡ", "có thể phát sinh"))
    # A line ending in a colon inside the situation leaves it for the forecast only when
    # it says it looks ahead or at remedies; "vướng mắc" alone describes today.
    _FORECAST_LEAD = tuple(
        match_key(c) for c in ("dự báo", "tháo gỡ", "có thể phát sinh", "có thể gặp", "rủi ro")
    )

    # A colon after these introduces difficulties, not a remedy.
    _LIST_INTRO = tuple(
        match_key(c)
        for c in ("dự báo", "sẽ gặp", "một số khó khăn", "những khó khăn", "các khó khăn", "sau")
    )

    _FORECAST_START = tuple(match_key(c) for c in ("dự báo", "dự kiến khó khăn"))

    @classmethod
    def _numbered_part(
        cls, key: str, level: int, current: Section | None, lead_level: int | None
    ) -> str | None:
        """The part a numbered paragraph opens in a draft written as one numbered list
        ("1. Năm 2026 ...", "4. Mục tiêu: ...", "5. Tăng cường ...", "10. Dự báo
        ..."): a forecast names itself, and unnamed paragraphs that follow the
        objectives at the objectives' own level are the solutions, which come next in
        the order the guidance sets."""
        if _strip_numbering(key).startswith(cls._FORECAST_START):
            return "obstacles"
        if (
            current is not None
            and current.kind == "objectives"
            and current.heading_block is None
            and lead_level == level
        ):
            return "solutions"
        return None

    @classmethod
    def _sub_kind(cls, kind: str | None, parent: str | None, key: str) -> str:
        if kind is None:
            return parent or "other"
        if (parent, kind) in cls._STAY_IN_PARENT and not any(c in key for c in cls._FORECAST):
            return parent or kind
        return kind

    def _tail_start(self, start: int) -> int:
        """Index where the signature / recipients / vote record tail begins."""
        for i in range(start, len(self.keys)):
            key = self.keys[i].strip()
            if key.startswith(("nơi nhận", "t/m ", "t/m.", "k/t ", "t/l ", "tm.", "tm ")) or (
                self.document.blocks[i].table is not None
                and i > start
                and key.startswith(("t/m", "nơi nhận"))
            ):
                return i
        # A draft without a signature block often ends with the cell's name alone
        # ("Chi bộ Hợp tác xã Tân Hưng"): a closing line, not a task.
        last = len(self.keys) - 1
        if last > start and self._closing_name(last):
            return last
        return len(self.keys)

    def _closing_name(self, i: int) -> bool:
        text = self.document.blocks[i].text.strip()
        return (
            self.keys[i].startswith(("chi bộ", "bí thư", "phó bí thư"))
            and self.blocks[i].words <= 12
            and not text.endswith((".", ";", ":"))
            and not self.blocks[i].has("date", "action_verb", "percent", "quantity")
        )

    def _tail(self, tail: int) -> None:
        section = None
        for i in range(tail, len(self.keys)):
            key = self.keys[i].strip()
            if key.startswith("nơi nhận"):
                section = "recipients"
            elif key.startswith(("t/m", "k/t", "t/l", "tm.", "tm ")) or (
                section == "recipients" and self.document.blocks[i].col not in (None, 0) and key
            ):
                section = "signature"
            self.blocks[i].section = section or "signature"

    # -- items ---------------------------------------------------------------

    def _is_intro(self, i: int) -> bool:
        text = self.document.blocks[i].text.rstrip()
        bf = self.blocks[i]
        return text.endswith(":") and not bf.has("percent", "quantity") and bf.words <= 30

    def items(self) -> tuple[dict[str, list[Item]], list[Task]]:
        items: dict[str, list[Item]] = {k: [] for k in ("target", "solution", "obstacle", "task")}
        tasks: list[Task] = []
        purpose = set(self.signals.get("purpose_blocks", []))
        inherited_date: str | None = None
        pending_obstacle: Item | None = None
        causes = self._cause_words()
        table_rows = self._task_table_rows()
        for i, bf in enumerate(self.blocks):
            kind = ITEM_SECTIONS.get(bf.section)
            if kind is None or bf.is_heading:
                # "I. Chỉ tiêu năm 2027", "Mục tiêu (đến ngày 30/6/2027)": the heading
                # dates the targets under it (tasks need their own deadline)
                dates = [m for m in bf.of("date") if m.unit != "term"]
                scoped = bf.is_heading and bf.section == "objectives" and dates
                inherited_date = dates[0].value if scoped else None
                continue
            if i in table_rows:
                # a row of an assignment table: one task, whatever its columns
                cells = table_rows[i]
                if cells:
                    self._add_task(items, tasks, self._table_task(cells))
                continue
            text = self.document.blocks[i].text
            key = self.keys[i]
            if self._is_intro(i):
                dates = bf.of("date")
                inherited_date = dates[0].value if dates else None
                continue
            if bf.words < 4:
                continue
            if kind == "target":
                if i + 1 in purpose or self._is_purpose_paragraph(i):
                    continue
                # a part written as one paragraph ("4. Mục tiêu: đạt 90% ...; giảm rõ
                # rệt ...; ...") lists its targets inline; otherwise a block is one target
                spans = (
                    self._spans(i, semicolons=True) if i in self.lead_blocks else [(0, len(key))]
                )
                clause_date = inherited_date
                for start, end in spans:
                    if word_count(key[start:end]) >= 4:
                        target = self._target(i, start, end, clause_date)
                        items["target"].append(target)
                        clause_date = target.details["deadline"] or clause_date
            elif kind == "solution":
                items["solution"].append(self._solution(i, text, key, causes))
            elif kind == "obstacle":
                for start, end in self._spans(i):
                    part = key[start:end].strip()
                    if pending_obstacle is not None and _REMEDY_LEAD.match(part.lstrip("*- ")):
                        pending_obstacle.checks["has_remedy"] = True
                        pending_obstacle.details["remedy_block"] = i + 1
                        pending_obstacle = None
                        continue
                    if part.endswith(":") and end - start < len(key):
                        continue  # "Dự báo sẽ gặp một số khó khăn sau:" introduces them
                    item = self._obstacle(i, start, end)
                    items["obstacle"].append(item)
                    pending_obstacle = None if item.checks["has_remedy"] else item
            elif _PROCEDURE_STATEMENT.search(key):
                continue  # "Dự thảo đã được Chi ủy thảo luận ..." records procedure, not a task
            else:
                self._add_task(items, tasks, self._task(i, text, inherited_date))
        if not items["obstacle"]:
            items["obstacle"] = self._stray_forecasts()
        return items, tasks

    _FORECAST_WORDS = tuple(match_key(c) for c in ("dự báo", "có thể phát sinh", "vướng mắc"))

    def _stray_forecasts(self) -> list[Item]:
        """A forecast written as a paragraph outside any forecast part ("10. Dự báo
        trong năm 2027 ... sẽ còn nhiều khó khăn: ..."): that paragraph is the
        obstacle item, so that its remedies are judged as a part's would be."""
        return [
            self._obstacle(i)
            for i, key in enumerate(self.keys)
            if not self.blocks[i].is_heading
            and self.blocks[i].section
            not in ("situation", "bases", "header", "title", "signature", "recipients")
            and any(word in key for word in self._FORECAST_WORDS)
            and self.blocks[i].words >= 8
        ]

    def _add_task(self, items: dict[str, list[Item]], tasks: list[Task], task: Task) -> None:
        tasks.append(task)
        if _REVIEW_TASK.search(self.keys[task.block - 1]):
            # "Chi ủy kiểm tra, giám sát hằng tháng; sơ kết vào tháng 7" is the review
            # plan: it stays in the matrix, but the follow-up rules judge it, not the
            # assignment rules (a vague review would otherwise cost in two criteria)
            return
        items["task"].append(
            Item(
                "task",
                task.block,
                task.text,
                checks={
                    "has_owner": task.owner is not None,
                    "has_deadline": task.deadline_text is not None,
                    "specific_owner": task.vague_owner is None or task.owner is not None,
                    "specific_time": task.vague_time is None,
                },
                details={"vague_owner": task.vague_owner, "vague_time": task.vague_time},
            )
        )

    def _task_table_rows(self) -> dict[int, list[int]]:
        """Assignment tables ("Nhiệm vụ | Người chủ trì | Thời hạn"), row by row.

        Maps every cell block of a table in the implementation part to the row's cell
        indices (for the row's first cell) or to ``[]`` (the other cells, and header
        rows, which hold no task).
        """
        rows: dict[tuple[int, int], list[int]] = {}
        for i, bf in enumerate(self.blocks):
            block = self.document.blocks[i]
            if block.table is not None and ITEM_SECTIONS.get(bf.section) == "task":
                rows.setdefault((block.table, block.row or 0), []).append(i)
        out: dict[int, list[int]] = {}
        self._table_columns: dict[int, dict[str, int]] = {}
        for (table, _row), cells in rows.items():
            texts = [self.keys[i] for i in cells]
            header = [c for c in (_column_kind(t) for t in texts) if c]
            if len(header) >= 2:  # the header row names the columns
                self._table_columns[table] = {
                    kind: self.document.blocks[i].col or 0
                    for i, t in zip(cells, texts, strict=True)
                    if (kind := _column_kind(t))
                }
                out.update(dict.fromkeys(cells, []))
                continue
            out.update(dict.fromkeys(cells, []))
            out[cells[0]] = cells
        return out

    def _table_task(self, cells: list[int]) -> Task:
        """One task from a table row: the task text from its column (or the longest
        cell), the owner from the owner column (or the first cell naming one), the
        deadline from any cell."""
        blocks = self.document.blocks
        columns = self._table_columns.get(blocks[cells[0]].table or 0, {})
        by_col = {blocks[i].col or 0: i for i in cells}
        # without a header, the task is the longest cell that does not open with a
        # person or body (that is the owner column) and is not just a date
        wordy = [
            i
            for i in cells
            if self.blocks[i].words >= 3
            and not any(m.start <= 4 for m in self.blocks[i].of("person", "role", "date"))
        ] or cells
        task_cell = by_col.get(columns.get("task", -1)) or max(
            wordy, key=lambda i: self.blocks[i].words
        )
        owner_cells = (
            [by_col[columns["owner"]]]
            if "owner" in columns and columns["owner"] in by_col
            else cells
        )
        owner = role = None
        for i in owner_cells:
            owner, role = self._owner(self.blocks[i], blocks[i].text, self.keys[i])
            if owner is None and i != task_cell and self.blocks[i].has("person", "role"):
                # an owner column holds just the name: "Đ/c Lê Văn Tâm, chi ủy viên"
                first = min(self.blocks[i].of("person", "role"), key=lambda m: m.start)
                owner = first.text
            if owner:
                break
        dated = [self._task(i, blocks[i].text, None) for i in cells]
        deadline = next((t for t in dated if t.deadline), None) or next(
            (t for t in dated if t.deadline_text), None
        )
        vague = next((t.vague_owner for t in dated if t.vague_owner), None)
        return Task(
            text=blocks[task_cell].text,
            block=task_cell + 1,
            owner=owner,
            role=role,
            deadline=deadline.deadline if deadline else None,
            deadline_text=deadline.deadline_text if deadline else None,
            vague_owner=vague if owner is None else None,
            vague_time=None
            if deadline
            else next((t.vague_time for t in dated if t.vague_time), None),
        )

    def _is_purpose_paragraph(self, i: int) -> bool:
        """An unnumbered lead paragraph right under the objectives heading, followed by
        numbered or listed targets, states the purpose; it is no target itself."""
        block = self.document.blocks[i]
        if block.kind == "list_item" or re.match(r"^\d{1,2}\s*[.)]", self.keys[i]):
            return False
        previous = self.blocks[i - 1] if i else None
        following = self.document.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return bool(
            previous is not None
            and previous.is_heading
            and following is not None
            and self.blocks[i + 1].section == "objectives"
            and (
                following.kind == "list_item"
                or re.match(r"^\d{1,2}\s*[.)]|^[-–•+]", self.keys[i + 1])
            )
        )

    def _target(self, i: int, start: int, end: int, inherited_date: str | None) -> Item:
        key = self.keys[i]
        inside = [m for m in self.blocks[i].mentions if start <= m.start < end]
        kinds = {m.kind for m in inside}
        # "không còn điểm đổ rác", "không có học sinh bị đuối nước": zero is a number;
        # "không quá 40 giờ/người/tháng", "không quá 32°C": a bound is a measure
        measurable = bool(kinds & {"percent", "quantity", "absolute_target"}) or bool(
            _BOUND.search(key[start:end])
        )
        dates = [m for m in inside if m.kind == "date" and m.unit != "term"]
        vague = [m.value for m in inside if m.kind == "vague_goal"]
        return Item(
            "target",
            i + 1,
            self.document.blocks[i].text[start:end].strip(),
            checks={
                "measurable": measurable,
                "dated": bool(dates) or inherited_date is not None,
                "not_vague": measurable or not vague,
            },
            details={"vague_terms": vague, "deadline": dates[0].value if dates else inherited_date},
        )

    def _concrete_elements(self, bf: BlockFacts, key: str) -> list[str]:
        elements = []
        if bf.has("percent", "quantity"):
            elements.append("quantity")
        if bf.has("date", "frequency", "duration"):
            elements.append("schedule")
        if bf.has("person", "role"):
            elements.append("owner")
        if bf.has("budget"):
            elements.append("budget")
        if self._named_place(bf):
            elements.append("place")
        return elements

    def _named_place(self, bf: BlockFacts) -> bool:
        """A place one can go to: a place word with its name or number ("xóm 5",
        "kênh Bảy Xã", "nhà văn hóa thôn"), not "ở nơi cần thiết"."""
        text = self.document.blocks[bf.index - 1].text
        for m in bf.of("place"):
            after = text[m.end : m.end + 24]
            if (
                re.match(r"\s+(?:\d|[A-ZĐ]|thôn|xóm|ấp|bản|xã|phường|trường)", after)
                or m.value in _PLACE_OBJECTS
            ):
                return True
        return False

    def _solution(self, i: int, text: str, key: str, causes: set[str]) -> Item:
        bf = self.blocks[i]
        elements = self._concrete_elements(bf, key)
        slogans = [m.value for m in bf.of("slogan")]
        verbs = [m.value for m in bf.of("action_verb")]
        overlap = _content_words(key) & causes
        # a named body alone does not make a slogan concrete ("tăng cường sự lãnh đạo
        # của chi bộ đối với Ban nhân dân ấp")
        measured = [e for e in elements if e != "owner"]
        # concrete: something measured, done by a checkable action or at least not
        # wrapped in slogans; a named owner alone is enough only for a plain action
        concrete = bool(measured) and (bool(verbs) or not slogans)
        concrete = concrete or (bool(elements) and bool(verbs) and len(slogans) < 2)
        checks = {"concrete": concrete}
        if causes:  # with no causes stated there is nothing to answer (evidence flags that)
            checks["answers_cause"] = len(overlap) >= 2
        return Item(
            "solution",
            i + 1,
            text,
            checks=checks,
            details={
                "elements": elements,
                "slogans": slogans,
                "verbs": verbs,
                "cause_words": sorted(overlap),
            },
        )

    def _spans(self, i: int, semicolons: bool = False) -> list[tuple[int, int]]:
        """Where the items of a block are: each sentence of a running paragraph
        ("Thời tiết ... có thể làm dịch bệnh bùng phát; chi bộ yêu cầu ... Một số
        thành viên còn nợ đại lý ... Vốn lưu động còn hạn chế ..." is three
        difficulties, one with a remedy), or with ``semicolons`` each clause (targets
        written inline: "... đạt 90%; giảm rõ rệt tỷ lệ bỏ mũi; ..."); otherwise, for
        a list item or a table cell, the whole block."""
        key, block = self.keys[i], self.document.blocks[i]
        # a run-in heading that names the part ("**Dự báo khó khăn và cách tháo gỡ.**
        # Thứ nhất, ...") is not an item; one that names a difficulty
        # ("**Vắc xin về không kịp:** dự trù trước 20 ngày ...") is
        label = match_key(block.run_in or "")
        start = len(label) if label and key.startswith(label) and section_kind(label) else 0
        if block.kind != "paragraph" and i not in self.lead_blocks:
            # a list item is one item, unless it leads its part ("4. Mục tiêu: ...")
            return [(start, len(key))]
        # sentences end at ". ", "! ", "? "; the pipeline's sentences also break at
        # colons, which would part a difficulty from its remedy
        ends = r"[.!?…;](?=\s+\S)" if semicolons else r"[.!?…](?=\s+\S)"
        spans, begin = [], start
        after_number = max(start, len(key) - len(_strip_numbering(key)))  # not "6." itself
        for m in re.finditer(ends, key[after_number:]):
            end = after_number + m.end()
            if key[begin:end].strip():
                spans.append((begin, end))
            begin = end
        if key[begin:].strip():
            spans.append((begin, len(key)))
        return spans

    def _obstacle(self, i: int, start: int = 0, end: int | None = None) -> Item:
        key = self.keys[i]
        end = len(key) if end is None else end
        inside = [m for m in self.blocks[i].mentions if start <= m.start < end]
        remedy = any(
            m.kind == "remedy" and _affirmed(key, m) for m in inside
        ) or self._remedy_after_colon(key, start, end, inside)
        generic = [m.value for m in inside if m.kind == "generic_obstacle"]
        return Item(
            "obstacle",
            i + 1,
            self.document.blocks[i].text[start:end].strip(),
            checks={
                "has_remedy": remedy,
                "specific": not generic and word_count(key[start:end]) >= 8,
            },
            details={"generic_terms": generic},
        )

    def _remedy_after_colon(self, key: str, start: int, end: int, inside: list[Mention]) -> bool:
        """ "Difficulty: what we will do" - the form drafters use most for a forecast.
        The part after the colon is a remedy when it acts (an action verb or a verb that
        opens a remedy: "đề nghị", "duy trì", "nếu ... thì ..."); a colon that only
        introduces a list of difficulties ("... sẽ gặp một số khó khăn: giá lúa ...") is
        not one."""
        text = key[start:end].strip()
        # look for the colon after the item's own numbering ("1. ...:" or "a) ...:")
        body_start = key.find(text, start) + len(text) - len(_strip_numbering(text))
        colon = key.find(":", body_start, end)
        if colon < 0 or word_count(key[start:colon]) < 3 or word_count(key[colon + 1 : end]) < 3:
            return False
        if any(cue in key[start:colon] for cue in self._LIST_INTRO):
            return False
        return any(
            m.start > colon and m.kind in ("action_verb", "remedy_action", "remedy") for m in inside
        )

    def _task(self, i: int, text: str, inherited_date: str | None) -> Task:
        bf = self.blocks[i]
        key = self.keys[i]
        owner, role = self._owner(bf, text, key)
        vague_owner = bf.of("vague_owner")
        dates = [m for m in bf.of("date") if m.unit != "term"]
        frequency = bf.of("frequency")
        deadline = deadline_text = None
        if dates:
            # a task with several steps is done when its last step is: take the latest date
            last = max(dates, key=lambda m: _period_end(m.value or ""))
            deadline, deadline_text = last.value, last.text
        elif frequency:
            deadline_text = frequency[0].text  # "hằng tháng": a schedule, not a date
        elif inherited_date:
            deadline = deadline_text = inherited_date
        vague_time = next((m.text for m in bf.of("vague_time")), None)
        return Task(
            text=text,
            block=i + 1,
            owner=owner,
            role=role,
            deadline=deadline,
            deadline_text=deadline_text,
            vague_owner=vague_owner[0].text if (vague_owner and owner is None) else None,
            vague_time=vague_time if deadline_text is None else None,
        )

    def _owner(self, bf: BlockFacts, text: str, key: str) -> tuple[str | None, str | None]:
        """(owner, role) as written in the task, or (None, None); never guessed.

        The owner is the named person or specific body that leads the sentence
        ("Đồng chí A, chi ủy viên, ...", "Giao đ/c B ...", "Chi hội Phụ nữ thôn (đồng
        chí C, chi hội trưởng) ...") or that a cue names ("do ... chủ trì", "phụ trách:
        ..."). A role met deep inside the sentence ("mời trưởng thôn dự") owns nothing.
        """
        persons = bf.of("person")
        roles = bf.of("role")
        candidates = sorted(persons + roles, key=lambda m: (m.start, -m.end))
        vague = [m.start for m in bf.of("vague_owner")]
        lead = _OWNER_LEAD.match(key)
        lead_end = lead.end() if lead else 0
        # after a run-in label ("Phân công: kỹ thuật. Đồng chí Danh Hoàng Sơn, ..."),
        # the sentence that follows leads too
        label = match_key(self.document.blocks[bf.index - 1].run_in or "")
        after_label = len(label) if label and key.startswith(label) else None
        if after_label is not None:
            begin = after_label + len(key[after_label:]) - len(key[after_label:].lstrip())
            lead_after = _OWNER_LEAD.match(key[begin:])
            label_lead = (after_label, begin + (lead_after.end() if lead_after else 0))
        chosen = None
        for m in candidates:
            leads = m.start <= lead_end or (
                after_label is not None and label_lead[0] <= m.start <= label_lead[1]
            )
            if vague and min(vague) < m.start and not leads:
                break  # "Các đoàn thể, ... phối hợp với Chi đoàn": the collective leads
            if leads or _OWNER_CUE.search(key[max(0, m.start - 18) : m.start]):
                chosen = m
                break
            if _OWNER_AFTER.match(key, m.end):
                chosen = m
                break
        if chosen is None:
            return None, None
        if chosen.kind == "person":
            role_after = next((m for m in roles if 0 <= m.start - chosen.end <= 3), None)
            return chosen.text, role_after.text if role_after else None
        # a body: keep its written qualifier ("Chi hội Phụ nữ thôn") and a contact
        # person given in brackets ("(đồng chí Lại Thị Nga, chi hội trưởng)")
        title = re.match(r"(?:đồng chí|đ/c)\s+$", key[max(0, chosen.start - 9) : chosen.start])
        start = chosen.start - (len(title.group(0)) if title else 0)
        end = chosen.end
        qualifier = _BODY_QUALIFIER.match(key, end)
        if qualifier:
            end = qualifier.end()
        bracket = re.match(r"((?:\s+[^\W\d_]+){0,3}?)\s*\(", text[end:])
        owner = text[start:end]
        role = None
        if bracket:
            inner_start = end + bracket.end()
            contact = next((p for p in persons if p.start == inner_start), None)
            if contact is not None:
                owner = f"{text[start : end + len(bracket.group(1))]} ({contact.text})"
                role_after = next((m for m in roles if 0 <= m.start - contact.end <= 3), None)
                role = role_after.text if role_after else None
        return owner, role

    def _cause_words(self) -> set[str]:
        """Content syllables of the sentences that state causes (for 'answers a cause')."""
        words: set[str] = set()
        in_causes = False
        for i, bf in enumerate(self.blocks):
            if bf.section != "situation":
                continue
            key = self.keys[i]
            if bf.is_heading:
                in_causes = "nguyên nhân" in key
                continue
            if in_causes or "nguyên nhân" in key:
                words |= _content_words(key)
        return words

    # -- document-wide signals --------------------------------------------

    def sentences_with(self, *categories: str, sections: tuple[str, ...] | None = None):
        """(block index, sentence key, mentions in the sentence) for sentences with a cue."""
        for i, bf in enumerate(self.blocks):
            if sections and bf.section not in sections:
                continue
            for s, e in bf.sentences:
                inside = [m for m in bf.mentions if m.start >= s and m.end <= e]
                if any(m.kind in categories for m in inside) or not categories:
                    yield i, self.keys[i][s:e], inside

    def collect_signals(self) -> None:
        sig = self.signals
        keys = self.keys
        blocks = self.document.blocks
        header = [i for i, bf in enumerate(self.blocks) if bf.section == "header"]
        head_zone = header + [i for i, bf in enumerate(self.blocks) if bf.section == "title"]
        scan_zone = head_zone or list(range(min(8, len(keys))))
        sig["party_header"] = next(
            (i + 1 for i in scan_zone if keys[i].strip() == "đảng cộng sản việt nam"), None
        )
        sig["party_header_underlined"] = bool(
            sig["party_header"] and blocks[sig["party_header"] - 1].underline
        )
        sig["issuer"] = next(
            (i + 1 for i in scan_zone if keys[i].startswith(("chi bộ", "đảng bộ bộ phận"))), None
        )
        sig["superior"] = next(
            (i + 1 for i in scan_zone if keys[i].startswith(("đảng bộ", match_key("đảng ủy")))),
            None,
        )
        sig["number"] = next(
            (i + 1 for i in scan_zone if _NUMBER_SYMBOL.match(keys[i].strip())), None
        )
        sig["number_text"] = blocks[sig["number"] - 1].text if sig["number"] else None
        sig["number_blank"] = bool(
            sig["number"] and not re.search(r"\d", sig["number_text"].split("-")[0])
        )
        sig["number_like"] = next(
            (i + 1 for i in scan_zone if keys[i].strip().startswith("số")), None
        )
        date_line = next(((i, m) for i in scan_zone if (m := _DATE_LINE.search(keys[i]))), None)
        sig["date_line"] = date_line[0] + 1 if date_line else None
        if date_line:
            day, month, year = date_line[1].group(1), date_line[1].group(2), date_line[1].group(3)
            sig["document_year"] = int(year)
            expected_day = day.zfill(2)
            expected_month = month.zfill(2) if int(month) <= 2 else str(int(month))
            sig["date_line_zero_slip"] = day != expected_day or month != expected_month
            sig["date_line_italic"] = blocks[date_line[0]].italic
        sig["draft_mark"] = next(
            (
                i + 1
                for i in scan_zone
                if re.fullmatch(r"[(\[]?\s*dự thảo\s*(?:lần\s*\d+)?\s*[)\]]?", keys[i].strip())
            ),
            None,
        )
        sig["signature_tm"] = next(
            (
                i + 1
                for i, bf in enumerate(self.blocks)
                if bf.section == "signature" and re.match(r"^(t/m|k/t|t/l|tm\.)", keys[i])
            ),
            None,
        )
        sig["signature_title"] = next(
            (
                i + 1
                for i, bf in enumerate(self.blocks)
                if bf.section == "signature" and re.match(r"^(phó\s+)?bí thư$", keys[i].strip())
            ),
            None,
        )
        sig["signature_name"] = next(
            (
                i + 1
                for i, bf in enumerate(self.blocks)
                if bf.section == "signature"
                and i + 1 != sig["signature_title"]
                and 2 <= bf.words <= 5
                and all(w[:1].isupper() for w in blocks[i].text.split())
                and not blocks[i].text.isupper()
            ),
            None,
        )
        sig["recipients"] = next(
            (i + 1 for i, bf in enumerate(self.blocks) if keys[i].startswith("nơi nhận")), None
        )
        if "document_year" not in sig:
            years = Counter(
                int(m.value[:4])
                for bf in self.blocks
                for m in bf.of("date")
                if m.value and m.value[:4].isdigit()
            )
            if years:
                sig["document_year"] = years.most_common(1)[0][0]
        fonts = self.document.meta.get("fonts") or {}
        sig["fonts"] = fonts
        body_sizes = Counter(
            round(blocks[i].size_pt)
            for i, bf in enumerate(self.blocks)
            if blocks[i].size_pt and bf.section not in ("header", "signature", "recipients")
        )
        sig["body_size"] = body_sizes.most_common(1)[0][0] if body_sizes else None

        # procedure
        chiuy = vote = discussion = meeting = None
        for i, sentence, _ in self.sentences_with():
            if (
                chiuy is None
                and _CHI_UY.search(sentence)
                and re.search(r"thảo luận|thống nhất|cho ý kiến|xem xét|thông qua|góp ý", sentence)
            ):
                chiuy = i + 1
            if (
                vote is None
                and re.search(r"biểu quyết|tán thành|nhất trí thông qua", sentence)
                and _VOTE_COUNT.search(sentence)
            ):
                vote = i + 1
            if discussion is None and "thảo luận" in sentence:
                discussion = i + 1
            if meeting is None and _MEETING_PLAN.search(sentence):
                meeting = i + 1
        sig["chiuy_review"] = chiuy
        sig["vote_record"] = vote
        sig["discussion"] = discussion
        sig["meeting_plan"] = meeting

        # follow-up
        def dated(word: str) -> tuple[int | None, int | None, str | None]:
            """First block naming ``word``; first block giving it a date, and the date.

            The date taken is the first one after the word in its sentence, so that
            "sơ kết vào 10/7, tổng kết vào 15/12" gives each review its own date.
            """
            mentioned = dated_at = value = None
            for i, sentence, inside in self.sentences_with():
                at = sentence.find(word)
                if at < 0:
                    continue
                mentioned = mentioned or i + 1
                offset = self._sentence_offset(i, sentence)
                dates = [m for m in inside if m.kind == "date" and m.unit != "term"]
                after = [m for m in dates if m.start >= offset + at]
                chosen = (after or dates[-1:]) if dates else []
                if chosen and dated_at is None:
                    dated_at, value = i + 1, chosen[0].value
            return mentioned, dated_at, value

        sig["interim_review"], sig["interim_review_dated"], sig["interim_review_date"] = dated(
            "sơ kết"
        )
        sig["final_review"], sig["final_review_dated"], sig["final_review_date"] = dated("tổng kết")
        monitoring = monitoring_freq = reporting = reporting_up = None
        for i, sentence, inside in self.sentences_with():
            if self.blocks[i].section in ("situation", "header", "title", "bases"):
                continue
            section = self.blocks[i].section
            if (
                _MONITORS_RESOLUTION.search(sentence)
                or (section == "review" and re.search(r"kiểm tra|giám sát|theo dõi", sentence))
                or (section != "solutions" and re.match(r"\W*(?:kiểm tra|giám sát)", sentence))
            ):
                monitoring = monitoring or i + 1
                if any(m.kind in ("frequency", "date") for m in inside) and monitoring_freq is None:
                    monitoring_freq = i + 1
            if "báo cáo" in sentence:
                reporting = reporting or i + 1
                if any(m.kind == "superior" for m in inside) and reporting_up is None:
                    reporting_up = i + 1
        sig["monitoring"], sig["monitoring_frequency"] = monitoring, monitoring_freq
        sig["reporting"], sig["reporting_superior"] = reporting, reporting_up

    def _sentence_offset(self, i: int, sentence: str) -> int:
        for s, e in self.blocks[i].sentences:
            if self.keys[i][s:e] == sentence:
                return s
        return 0

    def fill_years(self) -> None:
        year = self.signals.get("document_year")
        if not year:
            return
        for bf in self.blocks:
            for m in bf.mentions:
                if m.kind == "date" and m.value and m.value.startswith("????"):
                    m.value = str(year) + m.value[4:]


_STOP_WORDS = (
    "và của các cho với trong tại là được có không chưa còn đã sẽ này đó một những việc người "
    "từ theo để khi nên do vì như thì mà ra vào lên đến về trên dưới hơn rất đang chi "
    "bộ đảng viên thôn xã hộ năm tháng ngày nguyên nhân chủ quan khách quan số cũng"
)
_STOP = set(_STOP_WORDS.split())


_NEGATED = re.compile(r"(?:chưa|không|chẳng|khó|vẫn phải)(?:\s+(?:được|thể|kịp|có))?\s*$")


def _affirmed(key: str, mention: Mention) -> bool:
    """False for a cue that is denied or a burden ("chưa được giải quyết", "không bổ
    sung hồ sơ", "vẫn phải giải quyết"): it describes the difficulty, not a remedy."""
    return not _NEGATED.search(key[max(0, mention.start - 20) : mention.start].rstrip())


def _content_words(key: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", key)
    return {
        f"{a} {b}"
        for a, b in zip(words, words[1:], strict=False)
        if a not in _STOP and b not in _STOP
    }


def analyse(document: Document, nlp, stage: str = "auto") -> Facts:
    """Run the pipeline over ``document`` and return its Facts."""
    docs = list(nlp.pipe((b.text for b in document.blocks), batch_size=256))
    analyser = _Analyser(document, docs)
    analyser.structure()
    analyser.collect_signals()
    analyser.fill_years()
    items, tasks = analyser.items()
    signals = analyser.signals
    if stage in ("draft", "adopted"):
        resolved, source = stage, "option"
    elif signals.get("draft_mark"):
        resolved, source = "draft", "marked"
    elif signals.get("vote_record"):
        resolved, source = "adopted", "vote_record"
    else:
        resolved, source = "draft", "default"
    if resolved == "adopted" and signals.get("number_blank"):
        signals["number"] = None  # an adopted resolution carries its number
    return Facts(
        document=document,
        stage=resolved,
        stage_source=source,
        blocks=analyser.blocks,
        sections=analyser.sections,
        items=items,
        tasks=tasks,
        signals=signals,
    )
