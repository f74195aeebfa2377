"""The forecast: each obstacle, whether it is specific, and whether a remedy answers it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import BlockFacts, Document, Item, Mention
from ..text import match_key, word_count
from ..vocabulary import declare
from .blocks import table_rows
from .cues import FORECAST_WORDS, LIST_INTRO, WORK_NOT_FORECAST
from .headings import strip_numbering

# A paragraph that answers the obstacle before it ("- Cách khắc phục: ...")
REMEDY_LEAD = re.compile(
    r"^(?:[-–•+]\s*)?(?:\*?\s*)?(?:cách |biện pháp|giải pháp|hướng |phương án|để khắc phục"
    r"|khắc phục|tháo gỡ|xử lý|chi ủy sẽ|chi bộ sẽ)"
)
# "Nếu có khó khăn, vướng mắc, chi bộ sẽ kịp thời tháo gỡ": a promise that names no
# difficulty, so no forecast at all
CONDITIONAL_PROMISE = re.compile(
    r"\b(?:nếu|khi)\s+(?:có|gặp|phát sinh|xảy ra)\s+(?:những\s+|các\s+)?(?:khó khăn|vướng mắc)"
)
_NEGATED = re.compile(r"(?:chưa|không|chẳng|khó|vẫn phải)(?:\s+(?:được|thể|kịp|có))?\s*$")
# How far before a remedy cue a denial ("chưa được") is looked for.
NEGATION_WINDOW = 20
# An obstacle of fewer words is too thin to be specific.
SPECIFIC_MIN_WORDS = 8
# Each side of "difficulty: remedy" has at least this many words.
COLON_SIDE_MIN_WORDS = 3
# A stray forecast paragraph has at least this many words.
STRAY_MIN_WORDS = 8
_REMEDY_KINDS = ("remedy", "remedy_action", "action_verb")
_NOT_FORECAST_SECTIONS = ("situation", "bases", "header", "title", "signature", "recipients")


def classify_obstacle(
    block: int,
    text: str,
    key: str,
    mentions: Sequence[Mention],
    span: tuple[int, int],
    min_words: int = SPECIFIC_MIN_WORDS,
) -> Item:
    """The obstacle at ``span`` (start, end) of a block with ``text``, match key ``key``
    and the block's ``mentions``; it is specific when it names no stock difficulty and
    has ``min_words`` words at least."""
    start, end = span
    promise = CONDITIONAL_PROMISE.search(key, start, end)
    if promise:
        return Item(
            "obstacle",
            block,
            text[start:end].strip(),
            checks={"has_remedy": False, "specific": False},
            details={"generic_terms": [promise.group(0)]},
        )
    inside = without_empty_remedies([m for m in mentions if start <= m.start < end])
    remedy = any(m.kind == "remedy" and affirmed(key, m) for m in inside) or remedy_after_colon(
        key, start, end, inside
    )
    generic = [m.value for m in inside if m.kind == "generic_obstacle"]
    return Item(
        "obstacle",
        block,
        text[start:end].strip(),
        checks={
            "has_remedy": remedy,
            "specific": not generic and word_count(key[start:end]) >= min_words,
        },
        details={"generic_terms": generic},
    )


# Remedy cues that only promise one ("Chi bộ sẽ ..."): a remedy when something follows
_PROMISES = {match_key("chi bộ sẽ"), match_key("chi ủy sẽ")}


def without_empty_remedies(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` less the remedy and action cues that sit inside an empty remedy
    ("chi bộ sẽ kịp thời lãnh đạo tháo gỡ", "có biện pháp phù hợp")."""
    empty = [m for m in mentions if m.kind == "empty_remedy"]
    kept = [
        m
        for m in mentions
        if m.kind not in _REMEDY_KINDS
        or not any(e.start < m.end and m.start < e.end for e in empty)
    ]
    if empty and all(m.value in _PROMISES for m in kept if m.kind in _REMEDY_KINDS):
        # "Chi bộ sẽ | bàn cách khắc phục": the promise opens nothing but an empty remedy
        kept = [m for m in kept if m.kind not in _REMEDY_KINDS]
    return kept


def offers_remedy(mentions: Sequence[Mention]) -> bool:
    """Whether a paragraph that opens like a remedy ("Chi bộ sẽ ...") names one."""
    return any(m.kind in _REMEDY_KINDS for m in without_empty_remedies(mentions))


def affirmed(key: str, mention: Mention) -> bool:
    """False for a cue that is denied or a burden ("chưa được giải quyết", "không bổ
    sung hồ sơ", "vẫn phải giải quyết"): it describes the difficulty, not a remedy."""
    before = key[max(0, mention.start - NEGATION_WINDOW) : mention.start].rstrip()
    return not _NEGATED.search(before)


def remedy_after_colon(key: str, start: int, end: int, inside: Sequence[Mention]) -> bool:
    """ "Difficulty: what we will do" - the form drafters use most for a forecast.

    The part after the colon is a remedy when it acts (an action verb or a verb that
    opens a remedy: "đề nghị", "duy trì", "nếu ... thì ..."); a colon that only
    introduces a list of difficulties ("... sẽ gặp một số khó khăn: giá lúa ...") is
    not one."""
    text = key[start:end].strip()
    # look for the colon after the item's own numbering ("1. ...:" or "a) ...:")
    body_start = key.find(text, start) + len(text) - len(strip_numbering(text))
    colon = key.find(":", body_start, end)
    if (
        colon < 0
        or word_count(key[start:colon]) < COLON_SIDE_MIN_WORDS
        or word_count(key[colon + 1 : end]) < COLON_SIDE_MIN_WORDS
    ):
        return False
    if any(cue in key[start:colon] for cue in LIST_INTRO):
        return False
    return any(
        m.start > colon and m.kind in ("action_verb", "remedy_action", "remedy") for m in inside
    )


def _forecasts(bf: BlockFacts) -> bool:
    words = [w for w in FORECAST_WORDS if w in bf.key]
    if bf.section in ("solutions", "objectives"):
        words = [w for w in words if w not in WORK_NOT_FORECAST]
    return bool(words)


def stray_forecasts(texts: list[str], blocks: list[BlockFacts]) -> list[Item]:
    """A forecast written as a paragraph outside any forecast part ("10. Dự báo trong
    năm 2027 ... sẽ còn nhiều khó khăn: ..."): that paragraph is the obstacle item, so
    that its remedies are judged as a part's would be. ``texts`` are the blocks' texts."""
    return [
        classify_obstacle(i + 1, texts[i], bf.key, bf.mentions, (0, len(bf.key)))
        for i, bf in enumerate(blocks)
        if not bf.is_heading
        and bf.section not in _NOT_FORECAST_SECTIONS
        and _forecasts(bf)
        and not CONDITIONAL_PROMISE.search(bf.key)
        and bf.words >= STRAY_MIN_WORDS
    ]


# What the header cells of a forecast table name: "Khó khăn có thể phát sinh | Cách
# tháo gỡ" (the remedy column first: "Giải pháp khắc phục khó khăn" is a remedy)
_FORECAST_COLUMNS = (
    (
        "remedy",
        (
            "cách tháo gỡ",
            "cách khắc phục",
            "cách xử lý",
            "biện pháp",
            "giải pháp",
            "hướng xử lý",
            "hướng giải quyết",
            "phương án",
            "khắc phục",
            "tháo gỡ",
        ),
    ),
    (
        "obstacle",
        ("khó khăn", "vướng mắc", "thách thức", "trở ngại", "nguy cơ", "rủi ro"),
    ),
)
# A header cell has no more words than this.
FORECAST_COLUMN_MAX_WORDS = 8


def _forecast_column(key: str) -> str | None:
    key = key.strip(" .:*")
    if word_count(key) > FORECAST_COLUMN_MAX_WORDS:
        return None
    return next(
        (kind for kind, cues in _FORECAST_COLUMNS if any(key.startswith(c) for c in cues)), None
    )


def read_forecast_tables(
    document: Document, blocks: list[BlockFacts]
) -> dict[int, tuple[int, int] | None]:
    """The rows of the forecast part's tables whose header names a remedy column.

    Maps every cell (0-based block) of such a table to None, except each data row's
    first cell, which maps to (the difficulty's cell, the remedy's cell): a row is one
    difficulty, answered by the cell beside it, not one per cell. The difficulty is
    the row's first wordy cell but the remedy (a column of causes may follow it)."""
    rows = table_rows(document, blocks, ("obstacles",))
    remedy_column: dict[int, int] = {}
    out: dict[int, tuple[int, int] | None] = {}
    for (table, _row), cells in rows.items():
        kinds = {document.blocks[i].col or 0: _forecast_column(blocks[i].key) for i in cells}
        if table not in remedy_column and "remedy" in kinds.values():
            remedy_column[table] = next(c for c, k in kinds.items() if k == "remedy")
            out.update(dict.fromkeys(cells))
            continue
        column = remedy_column.get(table)
        if column is None:
            continue
        by_col = {document.blocks[i].col or 0: i for i in cells}
        remedy = by_col.get(column)
        # "1", "STT" are no difficulty
        named = next((i for c, i in by_col.items() if c != column and blocks[i].words >= 2), None)
        out.update(dict.fromkeys(cells))
        if named is not None and remedy is not None:
            out[cells[0]] = (named, remedy)
    return out


def remedy_cell_answers(bf: BlockFacts) -> bool:
    """Whether a forecast table's remedy cell says what to do: a few words, and not
    only an empty remedy ("tập trung khắc phục")."""
    empty = any(m.kind == "empty_remedy" for m in bf.mentions)
    return bf.words >= COLON_SIDE_MIN_WORDS and (not empty or offers_remedy(bf.mentions))


# -- declared for rule packs (see engine/vocabulary.py) --------------------

# (classify_obstacle; items.py finds a remedy in the next paragraph).
declare(
    "item_check",
    {
        "has_remedy": {
            "vi": "có cách tháo gỡ trong cùng câu, sau dấu hai chấm hoặc ở đoạn ngay sau",
            "en": "has a remedy in its sentence, after its colon or in the next paragraph",
        },
        "specific": {
            "vi": "không phải khó khăn chung chung, và dài ít nhất 8 từ",
            "en": "no stock obstacle phrase, and eight words or more",
        },
    },
    item="obstacle",
)

declare(
    "item_detail",
    {
        "generic_terms": {
            "vi": "các cụm khó khăn chung chung",
            "en": "the stock obstacle phrases",
        },
        "remedy_block": {
            "vi": "khối của cách tháo gỡ khi nó ở đoạn ngay sau",
            "en": "block of the remedy when it is the next paragraph",
        },
    },
    item="obstacle",
)
