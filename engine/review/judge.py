"""What the report says of one target or one task: its status and the sentence that
shows it.

A target is ``met`` or ``not_met`` when a sentence that speaks of it gives a figure
that counts for its goal (:mod:`.figures`; the best matching sentence with such a
figure decides), ``reported`` when sentences speak of it without one, else
``not_reported``.

A task is ``in_progress`` when a sentence that speaks of it says the work is under
way or part done ("đang triển khai", "đã lắp đặt 4/6", "mới cấp", "chưa hoàn
thành", or something done beside something not yet: "đã cắm biển; camera chưa
lắp"); ``done`` when it says the work was finished ("hoàn thành", "xong", "6/6") or
that it was done with a figure or a date to show for it ("ngày 18/3/2026 đã ban hành
danh sách"); ``reported`` when it speaks of the task without either ("đã tích cực
tuyên truyền" shows nothing), else ``not_reported``.
"""

from __future__ import annotations

import re

from ..nlp import find_dates
from ..text import match_key
from .figures import compared, meets, read_figures
from .matching import Match
from .model import Evidence, TargetReview, TaskReview
from .sentences import Sentence

_UNDER_WAY = re.compile(
    r"\bđang (?:được )?(?:triển khai|thực hiện|tiến hành|làm|lắp|xây|sửa|hoàn thiện|chờ|duy trì"
    r"|tổ chức|vận động|thu gom|cấp|tiếp tục|khẩn trương|xúc tiến|chuẩn bị|phối hợp|dạy"
    r"|thi công|rà soát|xử lý|hoàn tất|giải quyết)|bước đầu|một phần|chưa hoàn thành|chưa xong|chậm (?:so với|tiến độ)"
    r"|\bmới (?:được|có|làm|lắp|cấp|tổ chức|hoàn thành|đạt|vận động|xong)"
)
_FINISHED = re.compile(r"(?<!chưa )(?:hoàn thành|hoàn tất|\bxong\b)")
_NOT_YET = re.compile(r"\bchưa\b")
_DID = re.compile(r"\bđã\b")
_OUT_OF = re.compile(r"(?<![\d/])(\d{1,5})\s*/\s*(\d{1,5})(?![\d/])")
_FIGURE = re.compile(r"\d")


def review_target(
    target: TargetReview, matches: list[Match], sentences: list[Sentence]
) -> TargetReview:
    """``target`` with its status, figure and evidence from the report's ``sentences``
    that speak of it (``matches``, best first)."""
    if not matches:
        return target
    target.status = "reported"
    target.evidence = _evidence(sentences[matches[0].index])
    if target.goal is None:
        return target
    for match in matches:
        sentence = sentences[match.index]
        found = _nearest_figure(target, match, sentence)
        if found is not None:
            figure, (value, goal) = found
            target.status = "met" if meets(target.goal.op, value, goal) else "not_met"
            target.reported = figure
            target.evidence = _evidence(sentence)
            break
    return target


def _nearest_figure(target: TargetReview, match: Match, sentence: Sentence):
    """The figure of ``sentence`` that counts for the target's goal and stands nearest
    the words they share, with the two values compared; None when none counts."""
    key = sentence.key
    best = None
    for figure in read_figures(sentence.text, sentence.ignored):
        values = compared(target.goal, figure, key)
        if values is None:
            continue
        distance = min((abs(a - figure.start) for a in match.anchors), default=0)
        if best is None or distance < best[0]:
            best = (distance, figure, values)
    return None if best is None else best[1:]


def task_query(task: TaskReview) -> tuple[str, str]:
    """What a task is matched by: its text without its owner, and the owner (which
    helps as context only; a report may name the owner or not)."""
    owner = ", ".join(p for p in (task.owner, task.role) if p)
    return _without(task.text, owner), owner


def review_task(task: TaskReview, matches: list[Match], sentences: list[Sentence]) -> TaskReview:
    """``task`` with its status and evidence from the report's ``sentences`` that speak
    of it (``matches``, best first): the furthest progress any of them shows."""
    if not matches:
        return task
    judged = [(progress(sentences[m.index].text), sentences[m.index]) for m in matches]
    for status in ("in_progress", "done", "reported"):
        shown = next((s for found, s in judged if found == status), None)
        if shown is not None:
            task.status, task.evidence = status, _evidence(shown)
            return task
    return task


def _without(text: str, owner: str) -> str:
    """The task without its owner's name and posts (which help as context only)."""
    for part in sorted((p.strip() for p in owner.split(",")), key=len, reverse=True):
        if part:
            text = text.replace(part, " ")
    return text


def progress(sentence: str) -> str:
    """How far one sentence says a task went: ``done``, ``in_progress`` or ``reported``."""
    key = match_key(sentence)
    dates = find_dates(key)
    undated = key
    for start, end, _, _ in dates:
        undated = undated[:start] + " " * (end - start) + undated[end:]
    fractions = [(int(a), int(b)) for a, b in _OUT_OF.findall(undated)]
    part_done = any(b > 0 and a < b for a, b in fractions)
    all_done = any(b > 0 and a >= b for a, b in fractions)
    if _UNDER_WAY.search(key) or part_done:
        return "in_progress"
    did = bool(_DID.search(key))
    finished = bool(_FINISHED.search(key)) or all_done
    if _NOT_YET.search(key):
        return "in_progress" if did or finished else "reported"
    if finished or (did and (dates or _FIGURE.search(undated))):
        return "done"
    return "reported"


def _evidence(sentence: Sentence) -> Evidence:
    return Evidence(sentence.block, sentence.line, sentence.text)
