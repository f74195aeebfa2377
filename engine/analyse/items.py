"""The items rules count: targets, solutions, obstacles and tasks, part by part.

:func:`read_items` walks the blocks once. Each part's paragraphs become items of
that part's kind (see ``ITEM_SECTIONS``); a heading or an introducing line
("Đến ngày 30/6/2027, phấn đấu:") dates the targets and tasks under it; in the
forecast, a paragraph that opens with a remedy answers the obstacle before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import BlockFacts, Document, Item, Task
from ..text import match_key, word_count
from ..vocabulary import declare
from .cues import ITEM_SECTIONS, PURPOSE_HEADINGS
from .headings import LABEL_MAX_WORDS, section_kind, strip_numbering
from .obstacles import (
    REMEDY_LEAD,
    SPECIFIC_MIN_WORDS,
    classify_obstacle,
    offers_remedy,
    read_forecast_tables,
    remedy_cell_answers,
    stray_forecasts,
)
from .owner import Owner, find_owner
from .solutions import cause_words, classify_solution
from .spans import item_spans
from .structure import Structure
from .targets import classify_target
from .tasks import (
    is_review_sentence,
    read_task,
    read_task_tables,
    sentences_of,
    table_task,
    task_item,
    with_owner,
)

# "Dự thảo đã được Chi ủy thảo luận ..." records procedure, not a task
_PROCEDURE_STATEMENT = re.compile(
    r"^(?:dự thảo|nghị quyết (?:này )?(?:đã )?được (?:hội nghị|chi bộ)|hội nghị chi bộ)|biểu quyết"
)
_NUMBERED_OR_LISTED = re.compile(r"^\d{1,2}\s*[.)]|^[-–•+]")
_NUMBERED = re.compile(r"^\d{1,2}\s*[.)]")
# "Phụ trách: đồng chí A. Thời hạn: ...": the owner of the task written just above
_ASSIGNS_THE_TASK_ABOVE = re.compile(r"^[\W_]*(?:người )?(?:phụ trách|chủ trì|thực hiện)\s*:")
# A paragraph of fewer words is a label or a fragment, not an item.
ITEM_MIN_WORDS = 4
# A clause of fewer words inside an inline list of targets is not a target.
TARGET_MIN_WORDS = 4
# An introducing line ("... phấn đấu đạt các chỉ tiêu sau:") has at most this many words.
INTRO_MAX_WORDS = 30
TASK_SECTIONS = {kind for kind, item in ITEM_SECTIONS.items() if item == "task"}


@dataclass(slots=True)
class Items:
    """The items of a draft by kind, and the responsibility matrix."""

    by_kind: dict[str, list[Item]] = field(
        default_factory=lambda: {k: [] for k in ("target", "solution", "obstacle", "task")}
    )
    tasks: list[Task] = field(default_factory=list)


def read_items(document: Document, blocks: list[BlockFacts], structure: Structure) -> Items:
    """Read every item of every part of ``document``."""
    walk = _ItemWalk(document, blocks, structure)
    for i in range(len(blocks)):
        walk.block(i)
    if not walk.out.by_kind["obstacle"]:
        texts = [b.text for b in document.blocks]
        walk.out.by_kind["obstacle"] = stray_forecasts(texts, blocks)
    if not walk.out.by_kind["solution"] and not any(
        s.kind == "solutions" for s in structure.sections
    ):
        walk.out.by_kind["solution"] = _written_as_tasks(walk.solutions_in_tasks())
    tasks = walk.out.by_kind["task"]
    if tasks and all(
        only_calls(blocks[t.block - 1].key, match_key(t.details.get("owner") or "")) for t in tasks
    ):
        # nothing but the call to carry out the resolution: no task is assigned (the
        # matrix still shows it)
        walk.out.by_kind["task"] = []
    return walk.out


# What follows the owner in a call to carry out the resolution itself ("Các đồng chí
# đảng viên | có trách nhiệm thực hiện tốt nghị quyết này"): no work is named. "Các
# đoàn thể | tuyên truyền, vận động hội viên thực hiện nghị quyết" names some.
_GENERAL_CALL = re.compile(
    r"\W*(?:(?:có trách nhiệm|phải|cần|nghiêm túc|gương mẫu|tích cực|quyết tâm)[\s,]+)*"
    r"thực hiện (?:tốt |nghiêm túc |có hiệu quả |thắng lợi )?(?:các nội dung của |nội dung )?"
    r"nghị quyết(?: này)?\W*"
)


def only_calls(key: str, owner: str) -> bool:
    """Whether a paragraph whose owner's key is ``owner`` only calls on that owner to
    carry out the resolution, and at most says the chi ủy will watch it ("Các đồng chí
    đảng viên thực hiện tốt nghị quyết này. Chi ủy thường xuyên theo dõi, đôn đốc.")."""
    sentences = sentences_of(key)
    if not sentences or not owner or not sentences[0].startswith(owner):
        return False
    call, rest = sentences[0][len(owner) :], sentences[1:]
    return bool(_GENERAL_CALL.fullmatch(call)) and all(is_review_sentence(s) for s in rest)


# Tasks stand for the solutions when there are enough of them to make a plan and
# most are concrete work; slogans handed to bodies ("Chi ủy lãnh đạo ...") are none.
SOLUTIONS_AS_TASKS_MIN = 3


def _written_as_tasks(solutions: list[Item]) -> list[Item]:
    concrete = sum(1 for s in solutions if s.checks.get("concrete"))
    enough = len(solutions) >= SOLUTIONS_AS_TASKS_MIN and concrete * 2 > len(solutions)
    return solutions if enough else []


class _ItemWalk:
    """One pass over the blocks; the state it carries lives for one call."""

    def __init__(self, document: Document, blocks: list[BlockFacts], structure: Structure):
        self.document = document
        self.blocks = blocks
        self.lead_blocks = structure.lead_blocks
        self.purpose = set(structure.purpose_blocks)
        self.tables = read_task_tables(document, blocks, TASK_SECTIONS)
        self.forecast_rows = read_forecast_tables(document, blocks)
        self.causes = cause_words(blocks)
        self.out = Items()
        self.inherited_date: str | None = None  # given by a heading or an intro line
        # "Đồng chí A, Giám đốc HTX:" over sub-items: their owner unless they name one
        self.inherited_owner: Owner | None = None
        self.pending_obstacle: Item | None = None  # the last obstacle with no remedy yet

    def block(self, i: int) -> None:
        bf = self.blocks[i]
        kind = ITEM_SECTIONS.get(bf.section)
        if kind is None or bf.is_heading:
            self.inherited_owner = None
            # "I. Chỉ tiêu năm 2027", "Mục tiêu (đến ngày 30/6/2027)": the heading
            # dates the targets under it (tasks need their own deadline)
            dates = [m for m in bf.of("date") if m.unit != "term"]
            scoped = bf.is_heading and bf.section == "objectives" and dates
            self.inherited_date = dates[0].value if scoped else None
            return
        if i in self.forecast_rows:
            row = self.forecast_rows[i]
            if row:
                self._forecast_row(*row)
            return
        if i in self.tables.rows:
            # a row of an assignment table: one task, whatever its columns
            cells = self.tables.rows[i]
            if cells:
                table = self.document.blocks[cells[0]].table or 0
                columns = self.tables.columns.get(table, {})
                self._add_task(table_task(self.document, self.blocks, cells, columns))
            return
        if self._is_intro(i):
            dates = [m for m in bf.of("date") if m.unit != "term"]  # not "nhiệm kỳ 2025-2030"
            self.inherited_date = dates[0].value if dates else None
            self.inherited_owner = self._owner_line(i) if kind == "task" else None
            return
        if bf.words < ITEM_MIN_WORDS:
            return
        if kind == "target":
            self._targets(i)
        elif kind == "solution":
            text = self.document.blocks[i].text
            self.out.by_kind["solution"].append(
                classify_solution(i + 1, text, bf.key, bf.mentions, self.causes)
            )
        elif kind == "obstacle":
            self._obstacles(i)
        elif not _PROCEDURE_STATEMENT.search(strip_numbering(bf.key)):
            block = self.document.blocks[i]
            task = read_task(
                i + 1, block.text, bf.mentions, block.run_in, self.inherited_date, bf.key
            )
            if _ASSIGNS_THE_TASK_ABOVE.match(bf.key) and self._completes_last_task(task):
                return
            if task.owner is None and self.inherited_owner is not None:
                task = with_owner(task, self.inherited_owner)
            elif task.owner is not None:
                self.inherited_owner = None
            self._add_task(task)

    def _completes_last_task(self, line: Task) -> bool:
        """A line "Phụ trách: đồng chí A. Thời hạn: 31/3/2027." under a task with no
        owner gives that task its owner (and its deadline when it had none)."""
        last = self.out.tasks[-1] if self.out.tasks else None
        if last is None or last.owner is not None or line.owner is None:
            return False
        self.out.tasks.pop()
        items = self.out.by_kind["task"]
        if items and items[-1].block == last.block:
            items.pop()
        merged = with_owner(last, Owner(line.owner, line.role, line.owner_kind or "person"))
        if last.deadline is None and line.deadline_text is not None:
            merged = replace(merged, deadline=line.deadline, deadline_text=line.deadline_text)
        self._add_task(merged)
        return True

    def _owner_line(self, i: int) -> Owner | None:
        """The owner an introducing line names and nothing more ("Đồng chí Đỗ Văn Quyết,
        Phó Bí thư chi bộ, Giám đốc HTX:"): the tasks listed under it are that owner's."""
        text = self.document.blocks[i].text.rstrip()
        bf = self.blocks[i]
        owner = find_owner(text, bf.mentions, None, bf.key[: len(text)])
        if owner is None:
            return None
        written = ", ".join(p for p in (owner.text, owner.role) if p)
        return owner if text.rstrip(": *").endswith(written) else None

    def _is_intro(self, i: int) -> bool:
        text = self.document.blocks[i].text.rstrip()
        bf = self.blocks[i]
        return (
            text.endswith(":") and not bf.has("percent", "quantity") and bf.words <= INTRO_MAX_WORDS
        )

    def _targets(self, i: int) -> None:
        if i + 1 in self.purpose or self._is_purpose_paragraph(i) or self._is_purpose_label(i):
            return
        bf, text = self.blocks[i], self.document.blocks[i].text
        # a part written as one paragraph ("4. Mục tiêu: đạt 90% ...; giảm rõ rệt ...;
        # ...") lists its targets inline; otherwise a block is one target
        if i in self.lead_blocks or self._whole_part_paragraph(i):
            spans = item_spans(bf.key, self.document.blocks[i], True, semicolons=True)
        else:
            spans = [(0, len(bf.key))]
        clause_date = self.inherited_date
        for start, end in spans:
            if word_count(bf.key[start:end]) < TARGET_MIN_WORDS:
                continue
            inside = [m for m in bf.mentions if start <= m.start < end]
            target = classify_target(
                i + 1, text[start:end], bf.key[start:end], inside, clause_date, start
            )
            self.out.by_kind["target"].append(target)
            clause_date = target.details["deadline"] or clause_date

    def _whole_part_paragraph(self, i: int) -> bool:
        """A plain paragraph that is the whole objectives part, right under its heading
        ("Tập trung ... ít nhất 7/9 vụ việc. Giảm số lượt khiếu kiện vượt cấp. 100% đơn
        thư ..."): each of its sentences is a target."""
        block, previous = self.document.blocks[i], self.blocks[i - 1] if i else None
        following = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return (
            block.kind == "paragraph"
            and not _NUMBERED_OR_LISTED.match(self.blocks[i].key)
            and previous is not None
            and previous.is_heading
            and (following is None or following.section != "objectives")
        )

    def _is_purpose_label(self, i: int) -> bool:
        """A paragraph labelled as the purpose ("1. Mục đích: giảm nguy cơ cháy nổ ...",
        "a) Mục tiêu chung: nâng cao ...") with no figure states the aim the targets
        under it measure; it is no target itself."""
        label = strip_numbering(self.blocks[i].key).lstrip(" *").split(":", 1)[0].strip(" *")
        return label in PURPOSE_HEADINGS and not self.blocks[i].has("percent", "quantity")

    def _is_purpose_paragraph(self, i: int) -> bool:
        """An unnumbered lead paragraph right under the objectives heading, followed by
        numbered or listed targets, states the purpose; it is no target itself."""
        block = self.document.blocks[i]
        # a bullet typed in plain text ("- Đến 31/12/2025, ...") is an item like a list's
        if block.kind == "list_item" or _NUMBERED_OR_LISTED.match(self.blocks[i].key):
            return False
        previous = self.blocks[i - 1] if i else None
        following = self.document.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return bool(
            previous is not None
            and previous.is_heading
            and following is not None
            and self.blocks[i + 1].section == "objectives"
            and (following.kind == "list_item" or _NUMBERED_OR_LISTED.match(self.blocks[i + 1].key))
        )

    def _obstacles(self, i: int) -> None:
        bf, block = self.blocks[i], self.document.blocks[i]
        spans = item_spans(bf.key, block, i in self.lead_blocks)
        for start, end, listed in listed_obstacles(bf.key, spans):
            part = bf.key[start:end].strip()
            remedy_lead = REMEDY_LEAD.match(part.lstrip("*- "))
            offers = offers_remedy([m for m in bf.mentions if start <= m.start < end])
            if self.pending_obstacle is not None and remedy_lead and offers:
                self.pending_obstacle.checks["has_remedy"] = True
                self.pending_obstacle.details["remedy_block"] = i + 1
                self.pending_obstacle = None
                continue
            if remedy_lead and not offers:
                continue  # "Chi bộ sẽ chỉ đạo tìm cách khắc phục.": no remedy, no difficulty
            if part.endswith(":") and end - start < len(bf.key):
                continue  # "Dự báo sẽ gặp một số khó khăn sau:" introduces them
            if _names_the_part(part):
                continue  # "4. Khó khăn, vướng mắc." opens the paragraph that lists them
            # a clause of a list names its difficulty in a few words
            min_words = LISTED_MIN_WORDS if listed else SPECIFIC_MIN_WORDS
            span = (start, end)
            item = classify_obstacle(i + 1, block.text, bf.key, bf.mentions, span, min_words)
            self.out.by_kind["obstacle"].append(item)
            self.pending_obstacle = None if item.checks["has_remedy"] else item

    def _forecast_row(self, named: int, remedy: int) -> None:
        """One difficulty of a forecast table, answered by its remedy cell."""
        bf, text = self.blocks[named], self.document.blocks[named].text
        span = (0, len(bf.key))
        item = classify_obstacle(named + 1, text, bf.key, bf.mentions, span, LISTED_MIN_WORDS)
        if not item.checks["has_remedy"] and remedy_cell_answers(self.blocks[remedy]):
            item.checks["has_remedy"] = True
            item.details["remedy_block"] = remedy + 1
        self.out.by_kind["obstacle"].append(item)

    def solutions_in_tasks(self) -> list[Item]:
        """With no solutions part, the tasks' paragraphs are the solutions ("Giao đồng
        chí A xây dựng quy trình đối soát ..., hoàn thành trước 31/5/2026"): each one
        judged as a solution would be. Table rows and the review plan are left out."""
        return [
            classify_solution(
                item.block,
                self.document.blocks[item.block - 1].text,
                bf.key,
                bf.mentions,
                self.causes,
            )
            for item in self.out.by_kind["task"]
            for bf in [self.blocks[item.block - 1]]
            if item.block - 1 not in self.tables.rows
        ]

    def _add_task(self, task: Task) -> None:
        self.out.tasks.append(task)
        item = task_item(task, self.blocks[task.block - 1].key)
        task.review = item is None  # said in the reports, so the counts add up
        if item is not None:
            self.out.by_kind["task"].append(item)


def _names_the_part(sentence: str) -> bool:
    """A sentence that is only the name of the obstacles part ("4. Khó khăn, vướng
    mắc.", "Dự báo khó khăn"), written at the head of the paragraph it opens."""
    bare = strip_numbering(sentence).strip(" .:*")
    return word_count(bare) <= LABEL_MAX_WORDS and section_kind(bare) == "obstacles"


# "Dự kiến khó khăn: A; B; C." lists its difficulties in one sentence
_LISTING_FORECAST = re.compile(r"(?:dự kiến|dự báo)[^:.;]{0,40}:")


# "Lực lượng còn thiếu, địa bàn rộng; người dân chưa đồng thuận; thời tiết mưa sớm."
# lists as many difficulties as it has clauses, from this many on
LISTED_CLAUSES = 3
LISTED_MIN_WORDS = 4


def listed_obstacles(key: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """``spans`` with a sentence that lists difficulties parted into its clauses, one
    difficulty each: after a forecast label ("Dự kiến khó khăn: vắc xin cấp chậm; phụ
    huynh đi làm ăn xa"), or as ``LISTED_CLAUSES`` clauses or more with no colon (a
    colon pairs a difficulty with its remedy). Each span comes with whether it is
    such a clause."""
    out = []
    for start, end in spans:
        lead = start + len(key[start:end]) - len(key[start:end].lstrip("*- "))
        label = _LISTING_FORECAST.match(key, lead)
        begin = label.end() if label else lead
        listed = key.count(";", begin, end) >= (1 if label else LISTED_CLAUSES - 1)
        if not listed or (label is None and ":" in key[start:end]):
            out.append((start, end, False))
            continue
        for clause in re.finditer(r"[^;]+", key[begin:end]):
            if clause.group().strip(" .;"):
                out.append((begin + clause.start(), begin + clause.end(), True))
    return out


# -- declared for rule packs (see engine/vocabulary.py) --------------------

# the blocks of a part that rules count, by the part (ITEM_SECTIONS).
declare(
    "item",
    {
        "target": {
            "vi": "một chỉ tiêu của phần mục tiêu",
            "en": "a target of the objectives part",
        },
        "solution": {
            "vi": "một giải pháp của phần nhiệm vụ, giải pháp",
            "en": "a solution of the solutions part",
        },
        "obstacle": {
            "vi": "một khó khăn dự báo (của phần dự báo, hoặc một đoạn dự báo lẻ)",
            "en": "a forecast obstacle (of the forecast part, or a stray forecast paragraph)",
        },
        "task": {
            "vi": "một nhiệm vụ được phân công (phần tổ chức thực hiện, trừ kế hoạch kiểm tra)",
            "en": "an assigned task (implementation part, without the review plan)",
        },
    },
)
