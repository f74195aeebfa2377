"""The responsibility matrix: each task with its owner and deadline as written.

A task is a paragraph of the implementation or review part, or a row of an
assignment table ("Nhiệm vụ | Người chủ trì | Thời hạn"). :func:`read_task` and
:func:`find_deadline` are pure functions of one paragraph and its mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..model import BlockFacts, Document, Item, Mention, Task
from ..people import TITLES
from ..text import match_key, word_count
from ..vocabulary import declare
from .blocks import table_rows
from .collective import find_collective
from .cues import COLLECTIVE_OPENERS, COLUMN_CUES, PERIOD_END
from .follow_up import MONITORS_RESOLUTION
from .headings import strip_numbering
from .name_end import opens_task
from .owner import Owner, find_owner, role_or_body

# The review plan and the monitoring of the resolution itself (follow-up's business)
_REVIEW_TASK = re.compile(
    r"\bsơ kết\b|\btổng kết\b|kiểm tra, giám sát|"
    r"(?:kiểm tra|giám sát|theo dõi)[^.;]{0,20}?(?:việc thực hiện|thực hiện nghị quyết"
    # "theo dõi, đôn đốc." and "... đôn đốc việc thực hiện" watch the resolution;
    # "theo dõi, đôn đốc thời hạn trả lời đơn" is a task of the work
    r"|đôn đốc(?=\s*(?:[.;,)]|$|[^.;]{0,30}?(?:thực hiện|nghị quyết))))"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")
# A header cell names its column in at most this many words.
COLUMN_MAX_WORDS = 6
# An owner or date this close to a cell's start opens it: that cell is not the task.
CELL_OPENING = 4


@dataclass(frozen=True, slots=True)
class Deadline:
    """A task's deadline: an ISO-like ``value`` ("2026-05-31", "2026-Q2") when dated,
    the words as written, and a vague time written instead of one."""

    value: str | None = None
    text: str | None = None
    vague_time: str | None = None


def period_end(value: str) -> str:
    """The last day an ISO-like value ("2026-Q2", "2026-05", "2026") covers, to compare."""
    parts = value.split("-")
    if len(parts) == 3:
        return value
    if len(parts) == 2:
        return f"{parts[0]}-{PERIOD_END.get(parts[1], parts[1] + '-31')}"
    return f"{value}-12-31"


def find_deadline(mentions: Sequence[Mention], inherited: str | None = None) -> Deadline:
    """The deadline a task's mentions give: its latest date (a task with several steps
    is done when its last step is), else its frequency ("hằng tháng": a schedule, not
    a date), else the date its introducing line gave (``inherited``)."""
    dates = [m for m in mentions if m.kind == "date" and m.unit != "term"]
    frequency = [m for m in mentions if m.kind == "frequency"]
    value = text = None
    if dates:
        last = max(dates, key=lambda m: period_end(m.value or ""))
        value, text = last.value, last.text
    elif frequency:
        text = frequency[0].text
    elif inherited:
        value = text = inherited
    vague = next((m.text for m in mentions if m.kind == "vague_time"), None)
    return Deadline(value, text, vague if text is None else None)


def read_task(
    block: int,
    text: str,
    mentions: Sequence[Mention],
    run_in: str | None = None,
    inherited_date: str | None = None,
    key: str | None = None,
) -> Task:
    """One task from a paragraph (``block`` is its 1-based number)."""
    key = match_key(text) if key is None else key
    owner = (
        find_owner(text, mentions, run_in, key)
        or find_collective(text, mentions, key)
        or owner_after_task_name(text, mentions, key)
        or owner_after_dash(text, mentions, key)
    )
    labelled = labelled_owner(text, mentions, key)
    if labelled is not None and (owner is None or owner.text == labelled.text):
        owner = labelled  # the label's value is the owner whole, posts and all
    deadline = find_deadline(mentions, inherited_date)
    vague_owner = next((m.text for m in mentions if m.kind == "vague_owner"), None)
    if owner is not None and owner.kind == "collective":
        vague_owner = owner.text
    elif owner is not None:
        vague_owner = None
    return Task(
        text=text,
        block=block,
        owner=owner.text if owner else None,
        role=owner.role if owner else None,
        deadline=deadline.value,
        deadline_text=deadline.text,
        vague_owner=vague_owner,
        vague_time=deadline.vague_time,
        owner_kind=owner.kind if owner else None,
    )


# An owner given by a label after the task: "Ban hành quy trình ... Chủ trì: Phòng An
# toàn – Kỹ thuật. Thời hạn: ...", "... Thực hiện: các đảng viên là lái xe."
_OWNER_LABEL = re.compile(
    r"\b(?:chủ trì|phụ trách|thực hiện|người thực hiện|đơn vị chủ trì)\s*:\s*"
)


def labelled_owner(text: str, mentions: Sequence[Mention], key: str) -> Owner | None:
    """The owner a label inside the paragraph names, read as one leading a sentence."""
    label = _OWNER_LABEL.search(key)
    if label is None or label.start() == 0:
        return None
    at = label.end()
    rest = text[at:]
    owner = _owner_leading(text, mentions, key, at)
    # the label's value, up to the next label or the end, names the owner; a task
    # written after a comma in it ("Chủ trì: đồng chí A, Phó Giám đốc, tổng hợp …")
    # is no post
    value = _label_value(rest)
    whole = owner_as_written(value, owner) if owner is not None else None
    if whole is None or owner is None or not (whole.role and owner.role):
        return whole
    extra = whole.role[len(owner.role) :]
    task_after = extra.startswith(",") and opens_task(match_key(extra.lstrip(" ,")), 0, set())
    return owner if task_after else whole


def _owner_leading(text: str, mentions: Sequence[Mention], key: str, at: int) -> Owner | None:
    """The owner that leads ``text[at:]``, read as if the sentence began there."""
    shifted = [replace(m, start=m.start - at, end=m.end - at) for m in mentions if m.start >= at]
    rest, rest_key = text[at:], key[at:]
    return find_owner(rest, shifted, None, rest_key) or find_collective(rest, shifted, rest_key)


# The task named before a colon: "3. Lắp đặt camera, biển báo: Ban Chỉ huy Đội đề xuất …"
_TASK_NAME = re.compile(r"^[\W\d_]*(?:[a-zđ]\s*[.)]\s*)?")
TASK_NAME_MAX_WORDS = 20
# A task shared out among those the lead-in named ("mỗi người", "từng đồng chí")
_SHARED_OUT = ("mỗi ", "từng ")


def owner_after_task_name(text: str, mentions: Sequence[Mention], key: str) -> Owner | None:
    """The owner leading what follows a colon when the words before it name the task
    and no owner: "Kiểm tra tốc độ, áo phản quang: các tổ trưởng tổ khai thác thực
    hiện thường xuyên" is the team leaders' task, "Rút ngắn thời gian cấp điện mới:
    Phòng Kinh doanh chủ trì" the sales office's."""
    colon = key.find(":")
    start = _TASK_NAME.match(key).end()
    name = key[start:colon]
    if colon < 0 or word_count(name) > TASK_NAME_MAX_WORDS or _SENTENCE_END.search(name):
        return None  # (a colon of a later sentence: "... báo cáo Chi ủy. Chủ trì: ...")
    at = colon + 1 + len(key[colon + 1 :]) - len(key[colon + 1 :].lstrip(" *"))
    if key.startswith(_SHARED_OUT, at):
        return None  # "Đảng viên trực tiếp sản xuất: mỗi người kèm 2 công nhân": named before
    owner = _owner_leading(text, mentions, key, at)
    return owner if owner is not None and text[at:].startswith(owner.text) else None


# Where a label's value ends: a full stop or semicolon before the next words
_LABEL_VALUE_END = re.compile(r"[.;](?:\s|$)")
# The owner written after the task, behind a dash: "Lắp đặt 24 cụm thùng rác — Đồng
# chí Trịnh Thị Mai, Phó Bí thư chi bộ; trước 15/5/2026"
_OWNER_DASH = re.compile(r"\s[—–-]\s+(?=(?:đồng chí|đ/c)\s)")


def owner_after_dash(text: str, mentions: Sequence[Mention], key: str) -> Owner | None:
    """The member named after a dash that follows the task, up to the semicolon or
    full stop before the deadline, as written (posts and all)."""
    dash = _OWNER_DASH.search(key)
    if dash is None or dash.start() == 0:
        return None
    owner = _owner_leading(text, mentions, key, dash.end())
    if owner is None:
        return None
    return owner_as_written(_label_value(text[dash.end() :]), owner) or owner


# ... but not the dot of a title ("Phụ trách: ThS. Đặng Thị Mỹ Linh, ...")
TITLE_MAX_CHARS = max(map(len, TITLES))
_TITLE_BEFORE_DOT = re.compile(r"(?<![^\W\d_])(?:" + "|".join(TITLES) + r")$")


def _label_value(rest: str) -> str:
    """A label's value: ``rest`` up to its first full stop or semicolon that does not
    close a title."""
    for end in _LABEL_VALUE_END.finditer(rest):
        # (a window as long as the longest title: the search stays linear in ``rest``)
        title = _TITLE_BEFORE_DOT.search(rest, max(0, end.start() - TITLE_MAX_CHARS), end.start())
        if not (end.group().startswith(".") and title):
            return rest[: end.start()]
    return rest


def with_owner(task: Task, owner: Owner) -> Task:
    """``task`` given to ``owner`` (named by the line that introduces it)."""
    vague = owner.text if owner.kind == "collective" else None
    return replace(
        task, owner=owner.text, role=owner.role, owner_kind=owner.kind, vague_owner=vague
    )


def task_item(task: Task, key: str) -> Item | None:
    """The item the assignment rules count for ``task``; None for the review plan
    ("Chi ủy kiểm tra, giám sát hằng tháng; sơ kết vào tháng 7"), which stays in the
    matrix but is judged by the follow-up rules (a vague review would otherwise cost
    in two criteria)."""
    if is_review_plan(key):
        return None
    return Item(
        "task",
        task.block,
        task.text,
        checks=_owner_checks(task)
        | {
            "has_deadline": task.deadline_text is not None,
            "specific_time": task.vague_time is None,
        },
        details={
            "vague_owner": task.vague_owner,
            "vague_time": task.vague_time,
            "owner": task.owner,
        },
    )


def _owner_checks(task: Task) -> dict[str, bool]:
    """A person or a one-holder role names the owner; a body names it in part (it has
    an owner but no single holder); a collective names none."""
    kind = task.owner_kind
    checks = {
        "has_owner": kind in ("person", "role", "body"),
        "specific_owner": kind != "collective" and (task.vague_owner is None or kind is not None),
    }
    if kind in ("person", "role", "body"):
        checks["single_holder"] = kind != "body"
    return checks


def is_review_plan(key: str) -> bool:
    """Whether a paragraph is the review plan rather than a task: it names a review
    and most of its sentences are about reviewing or monitoring. In "Các đồng chí
    đảng viên thực hiện tốt nghị quyết này. Chi ủy thường xuyên theo dõi, đôn đốc."
    the review sentence does not hide the task before it."""
    if not _REVIEW_TASK.search(key):
        return False
    sentences = sentences_of(key)
    return sum(1 for s in sentences if is_review_sentence(s)) * 2 > len(sentences)


def sentences_of(key: str) -> list[str]:
    """The sentences of a paragraph's key, its numbering left out."""
    return [s.strip() for s in _SENTENCE_END.split(strip_numbering(key)) if s.strip()]


def is_review_sentence(sentence: str) -> bool:
    """Whether a sentence reviews or watches the resolution rather than doing work."""
    return bool(_REVIEW_TASK.search(sentence) or MONITORS_RESOLUTION.search(sentence))


def first_assigned_task(tasks: list[Item], blocks: list[BlockFacts]) -> int | None:
    """The block of the first task of the implementation part that the assignment
    rules count; None when that part is missing or holds only the review plan."""
    return next((t.block for t in tasks if blocks[t.block - 1].section == "implementation"), None)


# -- assignment tables ----------------------------------------------------------


@dataclass(slots=True)
class TaskTables:
    """The assignment tables of a draft, row by row.

    ``rows`` maps every cell block (0-based) of a table in the implementation part
    to the row's cell indices (for the row's first cell) or to ``[]`` (the other
    cells, and header rows, which hold no task). ``columns`` maps a table number to
    what its header row names: {"owner": column, "deadline": column, ...}.
    """

    rows: dict[int, list[int]] = field(default_factory=dict)
    columns: dict[int, dict[str, int]] = field(default_factory=dict)


def column_kind(key: str) -> str | None:
    """What a header cell of an assignment table names, if it is a header cell."""
    key = key.strip(" .:")
    if word_count(key) > COLUMN_MAX_WORDS:
        return None
    for kind, cues in COLUMN_CUES:
        if any(key == cue or key.startswith(cue) or key.endswith(cue) for cue in cues):
            return kind
    return None


def read_task_tables(document: Document, blocks: list[BlockFacts], task_sections) -> TaskTables:
    """The tables whose cells lie in a part of ``task_sections``."""
    rows = table_rows(document, blocks, task_sections)
    out = TaskTables()
    for (table, _row), cells in rows.items():
        kinds = [column_kind(blocks[i].key) for i in cells]
        out.rows.update(dict.fromkeys(cells, []))
        if len([k for k in kinds if k]) >= 2:  # the header row names the columns
            out.columns[table] = {
                kind: document.blocks[i].col or 0
                for i, kind in zip(cells, kinds, strict=True)
                if kind
            }
            continue
        out.rows[cells[0]] = cells
    return out


def table_task(
    document: Document, blocks: list[BlockFacts], cells: list[int], columns: dict[str, int]
) -> Task:
    """One task from a table row: the task text from its column (or the longest
    cell), the owner from the owner column (or the first cell naming one), the
    deadline from any cell."""
    by_col = {document.blocks[i].col or 0: i for i in cells}
    task_cell = by_col.get(columns.get("task", -1))
    if task_cell is None:
        task_cell = max(_wordy_cells(blocks, cells), key=lambda i: blocks[i].words)
    owner_column = by_col.get(columns.get("owner", -1))
    owner_cells = [owner_column] if owner_column is not None else cells
    owner = _table_owner(document, blocks, owner_cells, task_cell)
    if owner_column is not None and owner_column != task_cell:
        owner = owner_as_written(document.blocks[owner_column].text, owner)
    # each cell's deadline, as a task read from the cell alone would have it
    dated = [find_deadline(blocks[i].mentions) for i in cells]
    deadline = next((d for d in dated if d.value), None) or next((d for d in dated if d.text), None)
    # the cells' vague owner counts only for a row without an owner: read then, cell by
    # cell as tasks (an owner read costs more than the rest of a row)
    vague = None
    if owner is None:
        tasks = (
            read_task(
                i + 1,
                document.blocks[i].text,
                blocks[i].mentions,
                document.blocks[i].run_in,
                None,
                blocks[i].key,
            )
            for i in cells
        )
        vague = next((t.vague_owner for t in tasks if t.vague_owner), None)
    return Task(
        text=document.blocks[task_cell].text,
        block=task_cell + 1,
        owner=owner.text if owner else None,
        role=owner.role if owner else None,
        deadline=deadline.value if deadline else None,
        deadline_text=deadline.text if deadline else None,
        vague_owner=owner.text
        if owner and owner.kind == "collective"
        else None
        if owner
        else vague,
        vague_time=None if deadline else next((t.vague_time for t in dated if t.vague_time), None),
        owner_kind=owner.kind if owner else None,
    )


# An owner cell longer than this, or one with a clause mark, holds more than the owner
OWNER_CELL_MAX_WORDS = 24
_MORE_THAN_OWNER = re.compile(r"[;\n]|\b(?:phối hợp|chủ trì|thực hiện)\b", re.IGNORECASE)
_ROLE_SEPARATOR = " ,–—-(\t"


def owner_as_written(cell: str, owner: Owner | None) -> Owner | None:
    """The owner a table's owner column names: the cell as written, which is all it
    holds ("Tổ giám sát chéo (ĐD. Phan Thị Ngọc, ĐD. Vũ Hồng Nhung)", "Công ty TNHH Mây
    tre Phú Vân"), with the posts after a named person as their role. A cell that says
    more than who ("Chủ trì: ...; phối hợp: ...") keeps the owner read from it."""
    cell = " ".join(cell.split()).strip(" .,;")
    if not cell or word_count(cell) > OWNER_CELL_MAX_WORDS or _MORE_THAN_OWNER.search(cell):
        return owner
    if owner is not None and owner.kind == "person" and cell.startswith(owner.text):
        role = cell[len(owner.text) :].lstrip(_ROLE_SEPARATOR).strip()
        if role.count(")") > role.count("("):  # "Đồng chí A (Bí thư Chi bộ)"
            role = role.removesuffix(")").strip()
        return Owner(owner.text, role or owner.role, "person")
    return Owner(cell, kind=owner.kind if owner else role_or_body(match_key(cell)))


def _wordy_cells(blocks: list[BlockFacts], cells: list[int]) -> list[int]:
    """Without a header, the task is the longest cell that does not open with a
    person or body (that is the owner column) and is not just a date."""
    return [
        i
        for i in cells
        if blocks[i].words >= 3
        and not any(m.start <= CELL_OPENING for m in blocks[i].of("person", "role", "date"))
    ] or cells


def _table_owner(
    document: Document, blocks: list[BlockFacts], owner_cells: list[int], task_cell: int
) -> Owner | None:
    """The owner of a table row: a named owner in any owner cell first, then a
    collective one."""
    for i in owner_cells:
        block = document.blocks[i]
        if i != task_cell and blocks[i].key.startswith(COLLECTIVE_OPENERS):
            # "Các đồng chí tổ trưởng tổ cạo": the collective, not the post inside it
            owner = find_collective(block.text, blocks[i].mentions, blocks[i].key)
            if owner:
                return owner
        owner = find_owner(block.text, blocks[i].mentions, block.run_in, blocks[i].key)
        if owner is None and i != task_cell and blocks[i].has("person", "role"):
            # an owner column holds just the name: "Đ/c Lê Văn Tâm, chi ủy viên"
            first = min(blocks[i].of("person", "role"), key=lambda m: m.start)
            kind = "person" if first.kind == "person" else role_or_body(match_key(first.text))
            owner = Owner(first.text, kind=kind)
        if owner:
            return owner
    for i in owner_cells:
        owner = find_collective(document.blocks[i].text, blocks[i].mentions, blocks[i].key)
        if owner:
            return owner
    return None


# -- declared for rule packs (see engine/vocabulary.py) --------------------

# (first_assigned_task), set in analyse/__init__.py.
declare(
    "signal",
    {
        "task_assigned": {
            "vi": "khối nhiệm vụ được phân công đầu tiên của phần tổ chức thực hiện",
            "en": "block of the first assigned task of the implementation part",
        },
    },
)

# the task checks the assignment rules count.
declare(
    "item_check",
    {
        "has_owner": {
            "vi": "gọi tên người, chức danh hoặc tổ chức cụ thể chủ trì",
            "en": "names the person, post or specific body that leads it",
        },
        "has_deadline": {
            "vi": "có thời hạn, tần suất, hoặc mốc của câu dẫn",
            "en": "has a date, a frequency, or the date of its introduction",
        },
        "specific_owner": {
            "vi": "không giao cho tập thể chung chung («các đồng chí đảng viên»)",
            "en": "not given to a vague collective ('các đồng chí đảng viên')",
        },
        "specific_time": {
            "vi": "không dùng thời gian mơ hồ («thường xuyên», «kịp thời») thay thời hạn",
            "en": "no vague time ('thường xuyên', 'kịp thời') instead of a deadline",
        },
        "single_holder": {
            "vi": "người chủ trì là một người hoặc chức danh một người giữ, không phải tập thể",
            "en": "its owner is a person or a post one person holds, not a body",
        },
    },
    item="task",
)

declare(
    "item_detail",
    {
        "vague_owner": {
            "vi": "tập thể chung chung được giao việc («các đồng chí đảng viên»)",
            "en": "the vague collective the task is given to",
        },
        "vague_time": {
            "vi": "từ chỉ thời gian mơ hồ («thường xuyên»)",
            "en": "the vague time word ('thường xuyên')",
        },
        "owner": {
            "vi": "người, chức danh hoặc tổ chức chủ trì, như văn bản ghi",
            "en": "the owner as written: a person, a post or a body",
        },
    },
    item="task",
)
