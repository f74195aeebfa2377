"""The parts of a resolution: header, title, preamble, the numbered parts, the tail.

:func:`read_structure` walks the blocks once and returns a :class:`Structure`: the
section of every block, the sections in order, which blocks are headings and which
paragraphs opened their part. Parts are found from wording, not only numbering: a
heading line, a lead-in label ("Tổ chức thực hiện: ..."), a run-in heading
("**Tình hình.** ..."), or the numbered paragraphs of a resolution written as one
list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import BlockFacts, Document, Section
from ..text import match_key, word_count
from ..vocabulary import declare
from .cues import (
    FORECAST,
    FORECAST_LEAD,
    FORECAST_START,
    PURPOSE_HEADINGS,
    SECTION_CUES,
    STAY_IN_PARENT,
)
from .headings import heading_level, lead_in_kind, numbering_level, section_kind, strip_numbering

# The title line is short: "NGHỊ QUYẾT về ..." of at most this many words.
TITLE_MAX_WORDS = 16
# Words a run-in heading may put before a part's name ("Về tổ chức thực hiện.")
_RUN_IN_OPENER = re.compile(r"^(?:về|những|các|một số)\s+")
# A topic wraps onto at most this many lines.
TOPIC_MAX_LINES = 2
# A closing line with the cell's name ("Chi bộ Hợp tác xã Tân Hưng") is this short.
CLOSING_NAME_MAX_WORDS = 12
# An owner this close to the start of a numbered paragraph opens it ("Đồng chí ...").
OWNER_OPENING = 9
_TAIL_OPENERS = ("nơi nhận", "t/m ", "t/m.", "k/t ", "t/l ", "tm.", "tm ")
_SIGNATURE_OPENERS = ("t/m", "k/t", "t/l", "tm.", "tm ")
# marks typed before a tail line ("**T/M CHI BỘ**", "*Nơi nhận:*" in a .txt)
_LEADING_MARKS = re.compile(r"^[\s*_!#~]+")

# A sub-heading that names targets ("Mục tiêu, yêu cầu", "Chỉ tiêu") is no purpose heading
_NAMES_TARGETS = re.compile(r"chỉ tiêu|mục tiêu(?! chung| tổng quát)")


@dataclass(slots=True)
class Structure:
    """Where each block belongs. Block numbers in ``sections`` are 1-based, the
    other sets hold 0-based indices into the block list."""

    block_sections: list[str]
    sections: list[Section]
    headings: set[int] = field(default_factory=set)
    # paragraphs that opened their part without a heading line ("4. Mục tiêu: ...")
    lead_blocks: set[int] = field(default_factory=set)
    # paragraphs under a purpose sub-heading of the objectives (1-based): not targets
    purpose_blocks: list[int] = field(default_factory=list)
    title_block: int | None = None  # 1-based
    topic_block: int | None = None  # 1-based
    topic: str | None = None


def read_structure(document: Document, blocks: list[BlockFacts]) -> Structure:
    """Read the parts of ``document`` from its blocks' wording and layout."""
    return _StructureReader(document, blocks).read()


class _StructureReader:
    """One walk over the blocks; its state lives for one :func:`read_structure` call."""

    def __init__(self, document: Document, blocks: list[BlockFacts]):
        self.blocks = document.blocks
        self.facts = blocks
        self.keys = [bf.key for bf in blocks]
        self.out = Structure(block_sections=["body"] * len(blocks), sections=[])
        self.current: Section | None = None
        self.level_one_kind: str | None = None
        self.under_purpose = False
        self.lead_level: int | None = None  # numbering level of the paragraph that led

    def read(self) -> Structure:
        start = self._head()
        tail = self._tail_start(start)
        for i in range(start, tail):
            level = heading_level(self.blocks[i], self.keys[i])
            if level is not None:
                self._heading(i, level)
            else:
                self._paragraph(i)
        self._claim_numbered_preamble()
        self._tail(tail)
        return self.out

    # -- the head: header, title, topic ----------------------------------------

    def _find_title(self) -> int | None:
        for i, key in enumerate(self.keys):
            if (
                self.blocks[i].table is None
                and re.match(r"^nghị quyết\b", key)
                and word_count(key) <= TITLE_MAX_WORDS
            ):
                return i
        return None

    def _head(self) -> int:
        """Mark the header, the title and the topic line; return where the body starts."""
        sections = self.out.block_sections
        title = self._find_title()
        if title is None:
            # no title line: the header is the leading table, if any
            start = 0
            while (
                start < len(self.blocks)
                and self.blocks[start].table == 1
                and self.blocks[0].table == 1
            ):
                sections[start] = "header"
                start += 1
            return start
        sections[:title] = ["header"] * title
        sections[title] = "title"
        self.out.title_block = title + 1
        alone = re.match(r"^nghị quyết(?:\s+chuyên đề)?\s*$", self.keys[title].rstrip(" .:"))
        topic = title + 1 if alone else title
        if topic < len(self.blocks) and self.keys[topic].lstrip("(*").startswith(
            ("về", "nghị quyết về", "nghị quyết chuyên đề về")
        ):
            sections[topic] = "title"
            self.out.topic_block = topic + 1
            text = self.blocks[topic].text
            for more in self._topic_continued(topic):
                sections[more] = "title"
                text = f"{text} {self.blocks[more].text.strip()}"
                topic = more
            self.out.topic = text[text.lower().find("về") :] if "về" in text.lower() else text
        return max(title, topic) + 1

    def _topic_continued(self, topic: int) -> list[int]:
        """The lines a topic runs on to, as a plain-text title wraps: "về phòng, chống
        tảo hôn ..." / "trường ở bản Sảng Tủng, năm học 2026 – 2027" (a line that
        starts in lower case and is no part of its own)."""
        more = []
        for i in range(topic + 1, min(topic + 1 + TOPIC_MAX_LINES, len(self.blocks))):
            text = self.blocks[i].text.strip()
            if (
                not text[:1].islower()
                or self.blocks[i].table is not None
                or self.facts[i].words > TITLE_MAX_WORDS
                or text.endswith((":", ";"))
            ):
                break
            more.append(i)
        return more

    # -- the body ----------------------------------------------------------------

    def _heading(self, i: int, level: int) -> None:
        key = self.keys[i]
        kind = section_kind(key)
        self.out.headings.add(i)
        if level == 1 or self.current is None:
            kind = kind or "other"
            self.level_one_kind = kind
            self.under_purpose = False
        else:
            # "Mục đích, yêu cầu" heads a purpose; "Mục tiêu, yêu cầu" heads targets too
            self.under_purpose = (
                any(h in key for h in PURPOSE_HEADINGS)
                and not _NAMES_TARGETS.search(key)
                and (kind or self.level_one_kind) == "objectives"
            )
            kind = _sub_kind(kind, self.level_one_kind, key)
        self.current = Section(kind=kind, title=self.blocks[i].text, heading_block=i + 1)
        self.out.sections.append(self.current)
        self.out.block_sections[i] = kind
        self.lead_level = None

    def _paragraph(self, i: int) -> None:
        key = self.keys[i]
        lead, title = self._lead(i)
        numbered = numbering_level(key)
        if lead and (self.current is None or lead != self.current.kind):
            self.current = Section(kind=lead, title=title, heading_block=None)
            self.out.sections.append(self.current)
            self.level_one_kind = lead
            self.lead_level = numbered
            self.out.lead_blocks.add(i)
        if self.current is None:
            kind = "bases" if key.lstrip("-–• ").startswith("căn cứ") else "preamble"
            if not self.out.sections or self.out.sections[-1].kind != kind:
                self.out.sections.append(Section(kind=kind, title="", heading_block=None))
            self.out.sections[-1].blocks.append(i + 1)
            self.out.block_sections[i] = kind
            return
        self.out.block_sections[i] = self.current.kind
        self.current.blocks.append(i + 1)
        if self.under_purpose:
            self.out.purpose_blocks.append(i + 1)

    def _lead(self, i: int) -> tuple[str | None, str]:
        """The part a paragraph opens without a heading line, and that part's title."""
        key, block = self.keys[i], self.blocks[i]
        lead = lead_in_kind(key)
        numbered = numbering_level(key)
        title = block.text.split(":")[0]
        if lead is None and block.run_in:
            # "**Giải pháp về mua chung.** Trước ngày ...": a run-in heading names
            # the part it opens, and the rest of the paragraph belongs to it
            lead = _part_named_by(match_key(block.run_in))
            title = block.run_in.rstrip(".:")
        if (
            lead == "obstacles"
            and self.current is not None
            and self.current.kind == "situation"
            and not any(c in key for c in FORECAST_LEAD)
        ):
            lead = None  # "Phân loại theo vướng mắc:" sorts today's problems
        if (
            lead == "solutions"
            and self.current is not None
            and self.current.kind in ("implementation", "review")
        ):
            lead = None  # "Chi bộ phân công nhiệm vụ cụ thể như sau:" introduces the tasks
        if lead is None and numbered is not None:
            lead = _numbered_part(self.facts[i], numbered, self.current, self.lead_level)
            if lead == "solutions":
                title = ""
        return lead, title

    def _claim_numbered_preamble(self) -> None:
        """In a resolution written as one numbered list, "1. Năm 2026, toàn xã có
        131/168 trẻ ..." comes before "2. Hạn chế: ..." opens the situation: numbered
        paragraphs of the preamble at the same level as the paragraph that opened the
        first part belong to that part."""
        sections = self.out.sections
        for n, section in enumerate(sections):
            if section.kind in ("preamble", "bases"):
                continue
            if section.heading_block is not None or n == 0 or not section.blocks:
                return
            level = numbering_level(self.keys[section.blocks[0] - 1])
            before = sections[n - 1]
            if level is None or before.kind != "preamble":
                return
            claimed = []
            for index in reversed(before.blocks):
                if numbering_level(self.keys[index - 1]) != level:
                    break
                claimed.insert(0, index)
            for index in claimed:
                before.blocks.remove(index)
                self.out.block_sections[index - 1] = section.kind
            section.blocks[:0] = claimed
            return

    # -- the tail: signature, recipients ---------------------------------------

    def _tail_start(self, start: int) -> int:
        """Index where the signature / recipients / vote record tail begins."""
        for i in range(start, len(self.keys)):
            key = _LEADING_MARKS.sub("", self.keys[i]).rstrip()
            if key.startswith(_TAIL_OPENERS) or (
                self.blocks[i].table is not None
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
        text = self.blocks[i].text.strip()
        return (
            self.keys[i].startswith(("chi bộ", "bí thư", "phó bí thư"))
            and self.facts[i].words <= CLOSING_NAME_MAX_WORDS
            and not text.endswith((".", ";", ":"))
            and not self.facts[i].has("date", "action_verb", "percent", "quantity")
        )

    def _tail(self, tail: int) -> None:
        section = None
        for i in range(tail, len(self.keys)):
            key = _LEADING_MARKS.sub("", self.keys[i]).rstrip()
            if key.startswith("nơi nhận"):
                section = "recipients"
            elif key.startswith(_SIGNATURE_OPENERS) or (
                section == "recipients" and self.blocks[i].col not in (None, 0) and key
            ):
                section = "signature"
            self.out.block_sections[i] = section or "signature"


def _numbered_part(
    bf: BlockFacts, level: int, current: Section | None, lead_level: int | None
) -> str | None:
    """The part a numbered paragraph opens in a draft written as one numbered list
    ("1. Năm 2026 ...", "4. Mục tiêu: ...", "5. Tăng cường ...", "10. Dự báo ...",
    "11. Đồng chí ... chủ trì ..."): a forecast names itself; unnamed paragraphs
    that follow the objectives at the objectives' own level are the solutions, and
    those that follow the forecast at its level and open with who does them are the
    tasks, in the order the guidance sets."""
    if strip_numbering(bf.key).startswith(FORECAST_START):
        return "obstacles"
    if current is None or current.heading_block is not None or lead_level != level:
        return None
    if current.kind in ("objectives", "solutions", "obstacles") and _opens_with_owner(bf):
        return "implementation"  # "4. Giao đồng chí Trịnh Văn Quang, Giám đốc, ..."
    if current.kind == "objectives":
        return "solutions"
    return None


def _opens_with_owner(bf: BlockFacts) -> bool:
    """ "6. Đồng chí Vàng A Dế, Trưởng thôn, chủ trì ...", "8. Giao Tổ trưởng Tổ bảo
    vệ ...", "11. Các đồng chí đảng viên ...": who does it, right after the numbering."""
    body_start = len(bf.key) - len(strip_numbering(bf.key))
    return any(
        m.kind in ("person", "role", "vague_owner") and 0 <= m.start - body_start <= OWNER_OPENING
        for m in bf.mentions
    )


def _part_named_by(label: str) -> str | None:
    """The part a run-in heading opens: one whose words begin with a part's name
    ("Tình hình.", "Giải pháp về mua chung.", "Dự báo khó khăn và cách tháo gỡ."); a
    solution's own name that merely contains such a word ("Hỗ trợ hộ khó khăn, giảm
    rác hữu cơ.") opens nothing."""
    label = _RUN_IN_OPENER.sub("", strip_numbering(label.strip()))
    for kind, cues in SECTION_CUES:
        if label.startswith(cues):
            return kind
    return None


def _sub_kind(kind: str | None, parent: str | None, key: str) -> str:
    """The kind of a sub-heading, which may stay in its parent part."""
    if kind is None:
        return parent or "other"
    if (parent, kind) in STAY_IN_PARENT and not any(c in key for c in FORECAST):
        return parent or kind
    return kind


# -- declared for rule packs (see engine/vocabulary.py) --------------------

# (the Structure), set in analyse/__init__.py: the title and the topic.
declare(
    "signal",
    {
        "title_block": {
            "vi": "khối dòng tên loại «NGHỊ QUYẾT»",
            "en": "block of the kind line 'NGHỊ QUYẾT' (the title)",
        },
        "topic_block": {
            "vi": "khối dòng trích yếu «về ...» (chủ đề)",
            "en": "block of the summary line 'về ...' (the topic)",
        },
        "topic": {
            "vi": "chữ của chủ đề, từ chữ «về» trở đi",
            "en": "text of the topic, from 'về' on",
        },
    },
)

# every block belongs to one of these parts.
declare(
    "section",
    {
        "header": {
            "vi": "phần đầu trên tên loại: tiêu đề Đảng, tên chi bộ, số, ngày tháng",
            "en": "lines above the title: party header, issuer, number, date line",
        },
        "title": {
            "vi": "tên loại «NGHỊ QUYẾT» và trích yếu «về ...»",
            "en": "the kind 'NGHỊ QUYẾT' and the summary line 'về ...'",
        },
        "bases": {
            "vi": "căn cứ (văn bản của cấp trên, điều lệ)",
            "en": "legal and higher-level bases ('Căn cứ ...')",
        },
        "preamble": {
            "vi": "đoạn mở đầu trước phần thứ nhất, không phải căn cứ",
            "en": "text before the first part that is no basis",
        },
        "situation": {
            "vi": "tình hình, thực trạng: kết quả, hạn chế, nguyên nhân",
            "en": "situation: results, limitations, causes ('Tình hình, thực trạng')",
        },
        "objectives": {
            "vi": "mục đích, yêu cầu, mục tiêu, chỉ tiêu",
            "en": "purpose, requirements, goals and targets ('Mục tiêu, chỉ tiêu')",
        },
        "solutions": {
            "vi": "nhiệm vụ, giải pháp",
            "en": "tasks and solutions ('Nhiệm vụ, giải pháp')",
        },
        "obstacles": {
            "vi": "dự báo khó khăn, vướng mắc và cách tháo gỡ",
            "en": "forecast of obstacles and how to remove them ('Dự báo khó khăn, vướng mắc')",
        },
        "implementation": {
            "vi": "tổ chức thực hiện, phân công nhiệm vụ",
            "en": "organisation of implementation, assignments ('Tổ chức thực hiện')",
        },
        "review": {
            "vi": "kiểm tra, giám sát, sơ kết, tổng kết, chế độ báo cáo",
            "en": "monitoring, reviews and reporting ('Kiểm tra, giám sát, sơ kết, tổng kết')",
        },
        "other": {
            "vi": "một phần có tiêu đề không thuộc loại nào ở trên",
            "en": "a part whose heading names none of the kinds above",
        },
        "signature": {
            "vi": "phần chữ ký: «T/M CHI BỘ», chức vụ, họ tên",
            "en": "the signature block: 'T/M CHI BỘ', title, name",
        },
        "recipients": {
            "vi": "nơi nhận",
            "en": "the recipients list ('Nơi nhận:')",
        },
    },
)
