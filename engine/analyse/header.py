"""Signals of the document's form (Hướng dẫn 36): header, number, date line, draft
mark, signature, recipients, fonts. The format and procedure rules read them."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..model import BlockFacts, Document
from ..text import match_key

# Without a header or title, the header elements are looked for in this many blocks.
HEAD_SCAN_BLOCKS = 8
# A signed name has this many words.
NAME_WORDS = (2, 5)
_DATE_LINE = re.compile(
    r"[^\W\d_][^,]{1,40},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})"
)
# "Số 03-NQ/CB"; a draft leaves the number blank until it is signed: "Số    -NQ/CB"
_NUMBER_SYMBOL = re.compile(r"^số\s*:?\s*(\d+|[\s._…]*)\s*[-–]\s*nq\s*/\s*[^\W\d_]", re.I)
_DRAFT_MARK = re.compile(r"[(\[]?\s*dự thảo\s*(?:lần\s*\d+)?\s*[)\]]?")
_SIGNATURE_TM = re.compile(r"^(t/m|k/t|t/l|tm\.)")
_SIGNATURE_TITLE = re.compile(r"^(phó\s+)?bí thư$")


def read_header(document: Document, blocks: list[BlockFacts]) -> dict[str, Any]:
    """The form signals, each the 1-based block where it was found (or None), plus
    ``document_year``, ``fonts`` and ``body_size``."""
    header = [i for i, bf in enumerate(blocks) if bf.section == "header"]
    head_zone = header + [i for i, bf in enumerate(blocks) if bf.section == "title"]
    scan_zone = head_zone or list(range(min(HEAD_SCAN_BLOCKS, len(blocks))))
    sig: dict[str, Any] = {}
    sig.update(_issuer(document, blocks, scan_zone))
    sig.update(_number(document, blocks, scan_zone))
    sig.update(_date_line(document, blocks, scan_zone))
    sig["draft_mark"] = next(
        (i + 1 for i in scan_zone if _DRAFT_MARK.fullmatch(blocks[i].key.strip())), None
    )
    sig.update(_signature(document, blocks))
    sig["recipients"] = next(
        (i + 1 for i, bf in enumerate(blocks) if bf.key.startswith("nơi nhận")), None
    )
    if "document_year" not in sig:
        years = Counter(
            int(m.value[:4])
            for bf in blocks
            for m in bf.of("date")
            if m.value and m.value[:4].isdigit()
        )
        if years:
            sig["document_year"] = years.most_common(1)[0][0]
    sig["fonts"] = document.meta.get("fonts") or {}
    sig["body_size"] = _body_size(document, blocks)
    return sig


def _issuer(document: Document, blocks: list[BlockFacts], zone: list[int]) -> dict[str, Any]:
    keys = [bf.key for bf in blocks]
    return {
        "party_header": next(
            (i + 1 for i in zone if keys[i].strip() == "đảng cộng sản việt nam"), None
        ),
        "issuer": next(
            (i + 1 for i in zone if keys[i].startswith(("chi bộ", "đảng bộ bộ phận"))), None
        ),
        "superior": next(
            (i + 1 for i in zone if keys[i].startswith(("đảng bộ", match_key("đảng ủy")))), None
        ),
    }


def _number(document: Document, blocks: list[BlockFacts], zone: list[int]) -> dict[str, Any]:
    number = next((i + 1 for i in zone if _NUMBER_SYMBOL.match(blocks[i].key.strip())), None)
    text = document.blocks[number - 1].text if number else None
    return {
        "number": number,
        "number_blank": bool(number and not re.search(r"\d", text.split("-")[0])),
        "number_like": next((i + 1 for i in zone if blocks[i].key.strip().startswith("số")), None),
    }


def _date_line(document: Document, blocks: list[BlockFacts], zone: list[int]) -> dict[str, Any]:
    found = next(((i, m) for i in zone if (m := _DATE_LINE.search(blocks[i].key))), None)
    if not found:
        return {"date_line": None}
    i, match = found
    day, month, year = match.group(1), match.group(2), match.group(3)
    # Hướng dẫn 36: days below 10 and months 1-2 take a leading zero
    expected_day = day.zfill(2)
    expected_month = month.zfill(2) if int(month) <= 2 else str(int(month))
    return {
        "date_line": i + 1,
        "document_year": int(year),
        "date_line_zero_slip": day != expected_day or month != expected_month,
    }


def _signature(document: Document, blocks: list[BlockFacts]) -> dict[str, Any]:
    signature = [i for i, bf in enumerate(blocks) if bf.section == "signature"]
    title = next((i + 1 for i in signature if _SIGNATURE_TITLE.match(blocks[i].key.strip())), None)
    return {
        "signature_tm": next(
            (i + 1 for i in signature if _SIGNATURE_TM.match(blocks[i].key)), None
        ),
        "signature_title": title,
        "signature_name": next(
            (i + 1 for i in signature if i + 1 != title and _is_name(document, blocks, i)), None
        ),
    }


def _is_name(document: Document, blocks: list[BlockFacts], i: int) -> bool:
    text = document.blocks[i].text
    return (
        NAME_WORDS[0] <= blocks[i].words <= NAME_WORDS[1]
        and all(w[:1].isupper() for w in text.split())
        and not text.isupper()
    )


def _body_size(document: Document, blocks: list[BlockFacts]) -> int | None:
    """The most common font size of the body, in points."""
    sizes = Counter(
        round(document.blocks[i].size_pt)
        for i, bf in enumerate(blocks)
        if document.blocks[i].size_pt and bf.section not in ("header", "signature", "recipients")
    )
    return sizes.most_common(1)[0][0] if sizes else None
