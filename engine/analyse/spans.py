"""Where the items of one block are: the whole block, or each sentence or clause."""

from __future__ import annotations

import re

from ..model import Block
from ..text import match_key
from .headings import section_kind, strip_numbering

_SENTENCE_END = re.compile(r"[.!?…](?=\s+\S)")
_CLAUSE_END = re.compile(r"[.!?…;](?=\s+\S)")


def item_spans(
    key: str, block: Block, leads_part: bool, semicolons: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of each item in a block whose match key is ``key``.

    Each sentence of a running paragraph ("Thời tiết ... có thể làm dịch bệnh bùng
    phát; chi bộ yêu cầu ... Một số thành viên còn nợ đại lý ... Vốn lưu động còn hạn
    chế ..." is three difficulties, one with a remedy), or with ``semicolons`` each
    clause (targets written inline: "... đạt 90%; giảm rõ rệt tỷ lệ bỏ mũi; ...");
    a list item or a table cell is one item, unless it ``leads_part`` ("4. Mục tiêu:
    ..."). A run-in heading that names the part ("**Dự báo khó khăn và cách tháo
    gỡ.** Thứ nhất, ...") is not an item; one that names a difficulty ("**Vắc xin về
    không kịp:** dự trù trước 20 ngày ...") is.
    """
    label = match_key(block.run_in or "")
    start = len(label) if label and key.startswith(label) and section_kind(label) else 0
    if block.kind != "paragraph" and not leads_part:
        return [(start, len(key))]
    # sentences end at ". ", "! ", "? "; the pipeline's sentences also break at
    # colons, which would part a difficulty from its remedy
    ends = _CLAUSE_END if semicolons else _SENTENCE_END
    spans, begin = [], start
    after_number = max(start, len(key) - len(strip_numbering(key)))  # not "6." itself
    for m in ends.finditer(key[after_number:]):
        end = after_number + m.end()
        if key[begin:end].strip():
            spans.append((begin, end))
        begin = end
    if key[begin:].strip():
        spans.append((begin, len(key)))
    return spans
