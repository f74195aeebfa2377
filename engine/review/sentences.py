"""The sentences of a progress report that can show what was done.

A report says what was done, then what is still wrong, then what comes next. Only
the first two are evidence: the part headed "Phương hướng, nhiệm vụ thời gian tới"
(or "Kiến nghị, đề xuất") is left out, and so is any sentence that restates a target
or a hope ("Nghị quyết đề ra ...", "phấn đấu ..."); headings, the document's header,
signature and recipients are no sentences. A table row is one sentence, its cells
joined by " | "; in a table of targets, the cells under "Chỉ tiêu" or "Kế hoạch"
hold the targets, not what was done, so their figures are left aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analyse.headings import heading_level
from ..model import Block, BlockFacts, Document
from ..text import match_key

# Parts of a report that look forward, by their heading
_FORWARD_HEADING = re.compile(
    r"phương hướng|thời gian tới|kiến nghị|đề xuất|^[\W\d_ivxlc]*(?:nhiệm vụ|giải pháp)\b"
)
# Sentences that restate the resolution or a hope, not what was done
_RESTATES = re.compile(
    r"nghị quyết (?:đã )?đề ra|(?:chỉ tiêu|mục tiêu) (?:đã )?đề ra|phấn đấu"
    r"|^(?:về|sơ kết|tổng kết|báo cáo)\b"  # the subject line under the title
)
# Column headings of a table of targets: what was planned, and what was done
_PLAN_COLUMN = re.compile(r"chỉ tiêu|kế hoạch|mục tiêu|nghị quyết")
_DONE_COLUMN = re.compile(r"thực hiện|kết quả|đạt được|thực tế")
_NOT_EVIDENCE = {"header", "title", "bases", "recipients", "signature", "vote"}
# Where a sentence ends: after . ! ? (a decimal "1.200" has no space after its point)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»)]*\s+")


@dataclass(slots=True)
class Sentence:
    """One sentence of the report (or one table row), where it is, and the spans whose
    figures are targets, not results (``ignored``, offsets in ``text``)."""

    block: int
    line: int
    text: str
    ignored: list[tuple[int, int]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return match_key(self.text)


def report_sentences(document: Document, blocks: list[BlockFacts]) -> list[Sentence]:
    """The sentences of ``document`` (its analysed ``blocks`` beside it) that may show
    what was done, in order."""
    out: list[Sentence] = []
    forward_level: int | None = None
    rows: dict[tuple[int, int], list[int]] = {}
    started = False  # past the header, the title and its subject lines
    for i, (block, facts) in enumerate(zip(document.blocks, blocks, strict=True)):
        started = started or _plain(block, facts)
        if not started:
            continue
        if facts.is_heading:
            level = heading_level(block, facts.key) or 1
            if forward_level is not None and level <= forward_level:
                forward_level = None
            if forward_level is None and _FORWARD_HEADING.search(facts.key.strip(" *#")):
                forward_level = level
            continue
        if forward_level is not None or facts.section in _NOT_EVIDENCE:
            continue
        if block.table is not None and block.row is not None:
            rows.setdefault((block.table, block.row), []).append(i)
            if len(rows[(block.table, block.row)]) == 1:
                out.append(Sentence(block.index, block.line or block.index, ""))
            continue
        out.extend(_sentences_of(block.index, block.line or block.index, block.text))
    _fill_rows(out, rows, document)
    # "... báo cáo kết quả như sau:" introduces what follows and shows nothing itself
    return [
        s
        for s in out
        if s.text.strip() and not s.text.endswith(":") and not _RESTATES.search(s.key)
    ]


def _plain(block: Block, facts: BlockFacts) -> bool:
    """A paragraph of running text: no heading, table cell, or emphasised title line."""
    emphasised = block.bold or block.italic or block.centered
    return not (facts.is_heading or emphasised or block.table is not None)


def _sentences_of(index: int, line: int, text: str) -> list[Sentence]:
    return [
        Sentence(index, line, piece.strip())
        for piece in _SENTENCE_END.split(" ".join(text.split()))
        if piece.strip()
    ]


def _fill_rows(out: list[Sentence], rows: dict[tuple[int, int], list[int]], document) -> None:
    """Give each table row its text, and leave aside the figures of its plan cells."""
    plan_columns = _plan_columns(rows, document)
    by_start = {document.blocks[cells[0]].index: cells for cells in rows.values()}
    for sentence in out:
        cells = by_start.get(sentence.block)
        if cells is None or sentence.text:
            continue
        parts, ignored, offset = [], [], 0
        for i in cells:
            block = document.blocks[i]
            text = " ".join(block.text.split())
            if (block.table, block.col) in plan_columns and block.row != 0:
                ignored.append((offset, offset + len(text)))
            parts.append(text)
            offset += len(text) + 3
        sentence.text = " | ".join(parts)
        sentence.ignored = ignored


def _plan_columns(rows: dict[tuple[int, int], list[int]], document) -> set[tuple[int, int]]:
    """(table, column) of the cells that hold targets: in a table whose first row names
    both a plan column ("Chỉ tiêu", "Kế hoạch") and a result column ("Thực hiện")."""
    found: set[tuple[int, int]] = set()
    for (table, row), cells in rows.items():
        if row != 0:
            continue
        heads = {document.blocks[i].col: match_key(document.blocks[i].text) for i in cells}
        done = [c for c, h in heads.items() if _DONE_COLUMN.search(h)]
        plan = [c for c, h in heads.items() if _PLAN_COLUMN.search(h) and c not in done]
        if done and plan:
            found |= {(table, c) for c in plan}
    return found
