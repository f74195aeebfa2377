"""Signals of the document's form (Hướng dẫn 36): header, number, date line, draft
mark, signature, recipients, fonts. The format and procedure rules read them."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..model import BlockFacts, Document
from ..people import without_rank
from ..text import match_key
from ..vocabulary import declare

# Without a header or title, the header elements are looked for in this many blocks.
HEAD_SCAN_BLOCKS = 8
# A signed name has this many words.
NAME_WORDS = (2, 5)
# a draft leaves the day (and the month) blank until it is signed: "ngày    tháng 10
# năm 2026", "ngày … tháng … năm 2026" (possessive runs: a long blank is read once)
_DATE_LINE = re.compile(
    r"[^\W\d_][^,]{1,40},\s*ngày\s*+(\d{1,2}|[._…]*+)\s*+tháng\s*+(\d{1,2}|[._…]*+)"
    r"\s*+năm\s+((?:19|20)\d{2})"
)
# "Số 03-NQ/CB"; a draft leaves the number blank until it is signed: "Số    -NQ/CB"
# (possessive ``*+``: the runs of blanks never hand characters back, so a line of
# "Số" and a thousand spaces fails at once instead of in cubic time)
_NUMBER_SYMBOL = re.compile(r"^số\s*+:?\s*+(\d++|[\s._…]*+)\s*+[-–]\s*+nq\s*+/\s*+[^\W\d_]", re.I)
# a number line whose number is written in, in any symbol: "Số 03-NQ/CB", "Số: 07/NQ-CB"
_NUMBER_FILLED = re.compile(r"\s*+số\s*+:?\s*+\d")
# "DỰ THẢO", "(Dự thảo lần 2)", "DỰ THẢO (lần 2)", "DỰ THẢO 2", and a note in brackets
# after it: "DỰ THẢO (trình kỳ sinh hoạt ngày 15/12/2026)", "DỰ THẢO 2 (sau góp ý ...)"
_DRAFT_MARK = re.compile(
    r"[(\[]?\s*dự thảo\s*(?:\(?\s*(?:lần\s*)?\d+\s*\)?)?\s*[)\]]?\s*(?:\([^()]{1,80}\))?"
)
# Bold or other marks typed around a signature line ("**T/M CHI BỘ**" in a .txt)
# (emphasis marks only: "- Lưu VP" in the recipients is a list, not a name)
_MARK_CHARS = frozenset("*_!#~")


def _without_marks(text: str) -> str:
    """``text`` without the blanks and emphasis marks at either end. A scan from each
    end, not a pattern: ``[marks]+$`` is tried from every mark of a long run that does
    not reach the end (quadratic)."""
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or text[start] in _MARK_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _MARK_CHARS):
        end -= 1
    return text[start:end]


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
        # filled in, whatever the symbol: "Số: 07/NQ-CB" is an issued text's slip
        "number_filled": next((i + 1 for i in zone if _NUMBER_FILLED.match(blocks[i].key)), None),
    }


def _date_line(document: Document, blocks: list[BlockFacts], zone: list[int]) -> dict[str, Any]:
    found = next(((i, m) for i in zone if (m := _DATE_LINE.search(blocks[i].key))), None)
    if not found:
        return {"date_line": None}
    i, match = found
    day, month, year = match.group(1), match.group(2), match.group(3)
    # Hướng dẫn 36: days below 10 and months 1-2 take a leading zero (a blank is no slip)
    slip = (day.isdigit() and day != day.zfill(2)) or (
        month.isdigit() and month != (month.zfill(2) if int(month) <= 2 else str(int(month)))
    )
    return {
        "date_line": i + 1,
        "document_year": int(year),
        "date_line_zero_slip": slip,
        "date_filled": i + 1 if day.isdigit() and month.isdigit() else None,
    }


def _signature(document: Document, blocks: list[BlockFacts]) -> dict[str, Any]:
    signature = [i for i, bf in enumerate(blocks) if bf.section == "signature"]
    keys = {i: _without_marks(blocks[i].key) for i in signature}
    title = next((i + 1 for i in signature if _SIGNATURE_TITLE.match(keys[i])), None)
    return {
        "signature_tm": next((i + 1 for i in signature if _SIGNATURE_TM.match(keys[i])), None),
        "signature_title": title,
        "signature_name": next(
            (i + 1 for i in signature if i + 1 != title and _is_name(document, blocks, i)), None
        ),
    }


def _is_name(document: Document, blocks: list[BlockFacts], i: int) -> bool:
    """A signer's name: a few capitalised words, after a rank or title if any
    ("Thượng úy Nguyễn Văn Tài", "TS. Trần Minh Đức")."""
    text = without_rank(_without_marks(document.blocks[i].text))
    return (
        NAME_WORDS[0] <= len(text.split()) <= NAME_WORDS[1]
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


# -- declared for rule packs (see engine/vocabulary.py) --------------------

# the form of the document (Hướng dẫn 36).
declare(
    "signal",
    {
        "party_header": {
            "vi": "khối dòng «ĐẢNG CỘNG SẢN VIỆT NAM» ở phần đầu",
            "en": "block of 'ĐẢNG CỘNG SẢN VIỆT NAM' in the header",
        },
        "issuer": {
            "vi": "khối tên chi bộ ban hành («CHI BỘ ...»)",
            "en": "block naming the issuing cell ('CHI BỘ ...')",
        },
        "superior": {
            "vi": "khối tên cấp ủy cấp trên («ĐẢNG BỘ ...», «ĐẢNG ỦY ...»)",
            "en": "block naming the superior party organisation ('ĐẢNG BỘ ...')",
        },
        "number": {
            "vi": "khối số và ký hiệu («Số 03-NQ/CB»; văn bản đã thông qua phải có số)",
            "en": "block of the number and symbol ('Số 03-NQ/CB'; an adopted text needs the number)",
        },
        "number_blank": {
            "vi": "số để trống chờ ký («Số    -NQ/CB»), như dự thảo được phép",
            "en": "whether the number is left blank ('Số    -NQ/CB'), as a draft may",
        },
        "number_like": {
            "vi": "khối đầu tiên ở phần đầu bắt đầu bằng «Số», dù viết sai",
            "en": "block of the first header line opening with 'Số', even malformed",
        },
        "number_filled": {
            "vi": "khối dòng số đã ghi con số, dù ký hiệu viết sai («Số: 07/NQ-CB»)",
            "en": "block of a number line with its number written in, even in a wrong symbol",
        },
        "date_line": {
            "vi": "khối dòng địa danh, ngày tháng («..., ngày 05 tháng 3 năm 2026»)",
            "en": "block of the place-and-date line ('..., ngày 05 tháng 3 năm 2026')",
        },
        "date_filled": {
            "vi": "khối dòng ngày tháng đã ghi đủ ngày và tháng (dự thảo thường để trống)",
            "en": "block of a date line with its day and month filled in (a draft leaves them blank)",
        },
        "date_line_zero_slip": {
            "vi": "dòng ngày tháng thiếu hoặc thừa số 0 (ngày 05, tháng 02, nhưng tháng 3)",
            "en": "whether the date line misses or adds a leading zero (05, 02, but 3)",
        },
        "document_year": {
            "vi": "năm của văn bản: năm ở dòng ngày tháng, không có thì năm được nêu nhiều nhất",
            "en": "the document's year: the date line's, else the year most dates name",
        },
        "draft_mark": {
            "vi": "khối ghi «DỰ THẢO» ở phần đầu",
            "en": "block of the 'DỰ THẢO' mark in the header",
        },
        "signature_tm": {
            "vi": "khối «T/M CHI BỘ» (hoặc K/T, T/L) của phần chữ ký",
            "en": "block of 'T/M CHI BỘ' (or K/T, T/L) in the signature",
        },
        "signature_title": {
            "vi": "khối chức vụ người ký («BÍ THƯ», «PHÓ BÍ THƯ»)",
            "en": "block of the signer's title ('BÍ THƯ', 'PHÓ BÍ THƯ')",
        },
        "signature_name": {
            "vi": "khối họ tên người ký",
            "en": "block of the signer's name",
        },
        "recipients": {
            "vi": "khối «Nơi nhận:»",
            "en": "block of 'Nơi nhận:' (the recipients)",
        },
        "fonts": {
            "vi": "các phông chữ dùng nhiều nhất trong tệp .docx, .odt (tên -> số ký tự)",
            "en": "the fonts used most in a .docx or .odt file (name -> characters)",
        },
        "body_size": {
            "vi": "cỡ chữ phổ biến nhất của phần thân, tính bằng pt",
            "en": "the most common font size of the body, in points",
        },
    },
)
